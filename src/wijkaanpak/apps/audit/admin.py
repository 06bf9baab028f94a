# SPDX-License-Identifier: EUPL-1.2
"""The audit trail in the admin: read only."""

from django.contrib import admin

from wijkaanpak.apps.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Staff may read the trail; nobody may change it."""

    list_display = ("at", "actor", "action", "object_type", "object_id", "focus_area")
    list_filter = ("action", "object_type")

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
