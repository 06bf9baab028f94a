# SPDX-License-Identifier: EUPL-1.2
"""Administration of the register; cases are read-only here (services write them)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from wijkaanpak.apps.breakthroughs.models import BlockageCase, BlockingRule


@admin.register(BlockingRule)
class BlockingRuleAdmin(admin.ModelAdmin):
    """The national register of blocking rules."""

    list_display = ["title", "instrument", "article", "owner", "kind"]
    search_fields = ["title", "instrument", "article", "owner"]
    list_filter = ["kind"]


@admin.register(BlockageCase)
class BlockageCaseAdmin(admin.ModelAdmin):
    """Cases, read-only: the ladder and its history are written by services."""

    list_display = ["pk", "focus_area", "level", "status", "outcome", "opened_on"]
    list_filter = ["level", "status", "outcome", "focus_area"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
