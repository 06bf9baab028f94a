# SPDX-License-Identifier: EUPL-1.2
"""Reports in the admin: categories, e-mail templates and keys are edited here.

Problems, reports and their history are shown read-only: every change to them
goes through the services, so that the flow, the feedback and the audit trail
are never skipped.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from wijkaanpak.apps.reports.models import (
    ApiKey,
    Category,
    IrritationEvening,
    MailTemplate,
    Problem,
    StatusChange,
)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """Categories with their partner and target time."""

    list_display = (
        "name",
        "code",
        "focus_area",
        "partner",
        "target_time",
        "target_unit",
    )
    list_filter = ("focus_area", "target_unit", "is_active")
    search_fields = ("name", "code")


@admin.register(MailTemplate)
class MailTemplateAdmin(admin.ModelAdmin):
    """E-mail texts per status and language; they replace the built-in texts."""

    list_display = ("status", "language", "subject")
    list_filter = ("language",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never changed here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StatusChangeInline(admin.TabularInline):
    """The history of a problem."""

    model = StatusChange
    fields = (
        "at",
        "status",
        "actor_label",
        "verification_method",
        "verified_by",
        "note",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Problem)
class ProblemAdmin(ReadOnlyAdmin):
    """Problems (no contact data: those are on the bureau's pages only)."""

    list_display = ("pk", "category", "focus_area", "status", "received_at", "deadline")
    list_filter = ("status", "focus_area")
    inlines = [StatusChangeInline]


@admin.register(ApiKey)
class ApiKeyAdmin(ReadOnlyAdmin):
    """Open311 keys; only a hash is stored, so a key is issued by the service."""

    list_display = ("name", "prefix", "focus_area", "is_active", "created_at")


@admin.register(IrritationEvening)
class IrritationEveningAdmin(ReadOnlyAdmin):
    """Irritation evenings."""

    list_display = ("title", "held_on", "focus_area")
