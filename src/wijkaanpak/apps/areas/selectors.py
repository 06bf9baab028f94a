# SPDX-License-Identifier: EUPL-1.2
"""Reads about areas, one per use case."""

from __future__ import annotations

from typing import Any

from django.db.models import Max, QuerySet

from wijkaanpak.apps.areas.models import Figure, FocusArea, Municipality, Neighbourhood

#: The variable that holds the number of inhabitants (CBS short code).
INHABITANTS = "a_inw"


def neighbourhoods_in(focus_area: FocusArea) -> QuerySet[Neighbourhood]:
    """The neighbourhoods of a focus area, by code."""
    return focus_area.neighbourhoods.select_related("district").order_by("code")


def surroundings_of(focus_area: FocusArea) -> QuerySet[Neighbourhood]:
    """The other neighbourhoods of the municipality, drawn around the area on maps."""
    years = focus_area.neighbourhoods.values_list("boundary_year", flat=True).distinct()
    return (
        Neighbourhood.objects.filter(
            municipality_id=focus_area.municipality_id, boundary_year__in=years
        )
        .exclude(focus_areas=focus_area)
        .select_related("district")
        .order_by("code")
    )


def latest_values(
    neighbourhoods: QuerySet[Neighbourhood] | list[Neighbourhood], variable: str
) -> tuple[int | None, dict[int, float | None]]:
    """The most recent year with the variable, and its value per neighbourhood id."""
    ids = [neighbourhood.pk for neighbourhood in neighbourhoods]
    year = Figure.objects.filter(neighbourhood_id__in=ids, variable=variable).aggregate(
        year=Max("year")
    )["year"]
    if year is None:
        return None, {}
    values = dict(
        Figure.objects.filter(
            neighbourhood_id__in=ids, variable=variable, year=year
        ).values_list("neighbourhood_id", "value")
    )
    return year, values


def feature_collection(
    neighbourhoods: QuerySet[Neighbourhood] | list[Neighbourhood],
    *,
    inhabitants: dict[int, float | None] | None = None,
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of neighbourhoods with code, name and inhabitants."""
    features = []
    for neighbourhood in neighbourhoods:
        properties: dict[str, Any] = {
            "code": neighbourhood.code,
            "name": neighbourhood.name,
            "district_code": neighbourhood.district.code
            if neighbourhood.district
            else None,
            "boundary_year": neighbourhood.boundary_year,
        }
        if inhabitants is not None:
            properties["inhabitants"] = inhabitants.get(neighbourhood.pk)
        features.append(
            {
                "type": "Feature",
                "id": neighbourhood.code,
                "geometry": neighbourhood.geometry,
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def public_focus_areas() -> QuerySet[FocusArea]:
    """Focus areas open to residents, with their municipality."""
    return FocusArea.objects.published().select_related("municipality").order_by("name")


def national_overview() -> list[dict[str, Any]]:
    """Per focus area only counts and sums: what national staff may see."""
    rows = []
    for focus_area in FocusArea.objects.select_related("municipality").order_by("name"):
        neighbourhoods = list(focus_area.neighbourhoods.all())
        year, values = latest_values(neighbourhoods, INHABITANTS)
        known = [value for value in values.values() if value is not None]
        rows.append(
            {
                "focus_area": focus_area,
                "municipality": focus_area.municipality,
                "neighbourhoods": len(neighbourhoods),
                "inhabitants": sum(known) if known else None,
                "year": year,
            }
        )
    return rows


def municipalities() -> QuerySet[Municipality]:
    """All municipalities, by name."""
    return Municipality.objects.order_by("name")
