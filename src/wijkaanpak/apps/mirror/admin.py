# SPDX-License-Identifier: EUPL-1.2
"""Administration of the mirror (read-only: answers change through the scan pages)."""

from django.contrib import admin

from wijkaanpak.apps.mirror.models import Scan, StyleProfile


@admin.register(Scan)
class ScanAdmin(admin.ModelAdmin):
    """Scans are opened, answered and closed through their pages."""

    list_display = ("focus_area", "kind", "year", "closed_on")
    list_filter = ("kind", "year")
    readonly_fields = (
        "focus_area",
        "kind",
        "year",
        "opened_at",
        "closed_on",
        "evidence",
    )


@admin.register(StyleProfile)
class StyleProfileAdmin(admin.ModelAdmin):
    """Profiles are filled in by the partners on the working-style page."""

    list_display = ("organisation", "focus_area", "year")
    list_filter = ("year",)
    readonly_fields = (
        "focus_area",
        "organisation",
        "year",
        "steering",
        "task",
        "horizon",
        "rules",
        "partnering",
        "updated_at",
    )
