# SPDX-License-Identifier: EUPL-1.2
"""People, organisations and roles in the admin, for staff."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.accounts.models import Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    """Roles shown on the person's page."""

    model = Membership
    extra = 0
    autocomplete_fields = ["focus_area"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """People, with their organisation and roles."""

    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Organisation"), {"fields": ("organisation", "job_title")}),
    )
    list_display = ("username", "first_name", "last_name", "organisation", "is_staff")
    list_filter = ("organisation__kind", "is_staff", "is_superuser", "is_active")
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Partner organisations."""

    list_display = ("name", "kind")
    list_filter = ("kind",)
    search_fields = ("name",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Roles per focus area."""

    list_display = ("user", "role", "focus_area", "is_chair", "has_mandate")
    list_filter = ("role", "focus_area")
