# SPDX-License-Identifier: EUPL-1.2
"""Areas in the admin, for staff."""

from django.contrib import admin

from wijkaanpak.apps.areas.models import (
    District,
    FocusArea,
    Municipality,
    Neighbourhood,
)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    """Municipalities."""

    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    """Districts."""

    list_display = ("code", "name", "municipality", "boundary_year")
    list_filter = ("boundary_year",)
    search_fields = ("code", "name")


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    """Neighbourhoods; polygons are imported, not typed."""

    list_display = ("code", "name", "district", "boundary_year")
    list_filter = ("boundary_year", "municipality")
    search_fields = ("code", "name")
    readonly_fields = ("geometry",)


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    """Focus areas; the neighbourhoods are set through the delimitation service."""

    list_display = ("name", "municipality", "start_year", "is_public")
    search_fields = ("name",)
    readonly_fields = ("neighbourhoods_list",)
    exclude = ("neighbourhoods",)

    @admin.display(description="neighbourhoods")
    def neighbourhoods_list(self, obj: FocusArea) -> str:
        return ", ".join(obj.neighbourhoods.values_list("code", flat=True))
