# SPDX-License-Identifier: EUPL-1.2
"""Reads for the situational analysis: stacking of problems from stored figures.

The computation is the core's (``core.indicators``); this module only turns the
stored figures of one municipality into the arrays the core takes, and its
answer into rows a page can show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Max
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

import numpy as np

from wijkaanpak.adapters.catalogue import default_catalogue
from wijkaanpak.apps.areas.models import Figure, FocusArea, Neighbourhood
from wijkaanpak.core.indicators.catalogue import THEMES, indicator_values
from wijkaanpak.core.indicators.stacking import (
    CLASS_COLOURS,
    combine_areas,
    reference_of,
    stack_indicators,
)

INHABITANTS = "a_inw"


@dataclass(frozen=True)
class NeighbourhoodStacking:
    """One neighbourhood's place in the analysis."""

    neighbourhood: Neighbourhood
    inhabitants: float
    score: float
    stacking_class: int
    colour: str
    theme_scores: tuple[float | None, ...]
    in_focus_area: bool


@dataclass(frozen=True)
class Problem:
    """An indicator on which the focus area deviates from the city."""

    theme: str
    name: str
    unit: str
    area_value: float
    city_value: float | None
    deviation: float
    affected: float | None


@dataclass(frozen=True)
class AreaAnalysis:
    """The stacking of a municipality's neighbourhoods, and the focus area's place."""

    year: int
    neighbourhoods: tuple[NeighbourhoodStacking, ...]
    area_score: float
    area_class: int
    area_theme_scores: tuple[float | None, ...]
    top_problems: dict[str, list[Problem]]


def _number(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def analysis_of(focus_area: FocusArea) -> AreaAnalysis | None:
    """Stack the problems of the area's municipality in the latest year with figures."""
    members = set(focus_area.neighbourhoods.values_list("pk", flat=True))
    years = focus_area.neighbourhoods.values_list("boundary_year", flat=True)
    neighbourhoods = list(
        Neighbourhood.objects.filter(
            municipality_id=focus_area.municipality_id, boundary_year__in=years
        ).order_by("code")
    )
    position = {
        neighbourhood.pk: row for row, neighbourhood in enumerate(neighbourhoods)
    }
    year = Figure.objects.filter(
        neighbourhood_id__in=position, variable=INHABITANTS
    ).aggregate(year=Max("year"))["year"]
    if year is None:
        return None
    variables: dict[str, Any] = {}
    for neighbourhood_id, variable, value in Figure.objects.filter(
        neighbourhood_id__in=position, year=year
    ).values_list("neighbourhood_id", "variable", "value"):
        column = variables.setdefault(variable, np.full(len(neighbourhoods), np.nan))
        if value is not None:
            column[position[neighbourhood_id]] = value
    catalogue = default_catalogue()
    values = indicator_values(catalogue, variables, len(neighbourhoods))
    population = np.nan_to_num(variables[INHABITANTS])
    city = reference_of(values, population, name=focus_area.municipality.name)
    stacking = stack_indicators(values, population, city)

    rows = tuple(
        NeighbourhoodStacking(
            neighbourhood=neighbourhood,
            inhabitants=float(population[row]),
            score=float(stacking.score[row]),
            stacking_class=int(stacking.classes[row]),
            colour=CLASS_COLOURS[int(stacking.classes[row]) - 1],
            theme_scores=tuple(_number(v) for v in stacking.theme_scores[row]),
            in_focus_area=neighbourhood.pk in members,
        )
        for row, neighbourhood in enumerate(neighbourhoods)
    )
    group = [position[pk] for pk in members if pk in position]
    area_values, area_population = combine_areas(values, population, [group])
    area = stack_indicators(area_values, area_population, city)
    dutch = (get_language() or "nl").startswith("nl")
    problems: dict[str, list[Problem]] = {theme: [] for theme in THEMES}
    for column, indicator in enumerate(values.indicators):
        deviation = area.deviations[0, column]
        if np.isnan(deviation) or deviation <= 0:
            continue
        problems[indicator.theme].append(
            Problem(
                theme=indicator.theme,
                name=indicator.name_nl if dutch else indicator.name_en,
                unit=indicator.unit,
                area_value=float(area_values.values[0, column]),
                city_value=_number(city.level[column]),
                deviation=float(deviation),
                affected=_number(area.excess[0, column]),
            )
        )
    top = {
        theme: sorted(found, key=lambda problem: -problem.deviation)[:3]
        for theme, found in problems.items()
    }
    return AreaAnalysis(
        year=year,
        neighbourhoods=tuple(sorted(rows, key=lambda row: -row.score)),
        area_score=float(area.score[0]),
        area_class=int(area.classes[0]),
        area_theme_scores=tuple(_number(v) for v in area.theme_scores[0]),
        top_problems=top,
    )


def stacking_map(analysis: AreaAnalysis) -> dict[str, Any]:
    """A GeoJSON FeatureCollection coloured by stacking class, for the map."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": row.neighbourhood.code,
                "geometry": row.neighbourhood.geometry,
                "properties": {
                    "code": row.neighbourhood.code,
                    "name": row.neighbourhood.name,
                    "class": row.stacking_class,
                    "fill": row.colour,
                    "focus": row.in_focus_area,
                },
            }
            for row in analysis.neighbourhoods
        ],
    }


#: Labels of the nine classes, class 1 first, in the words residents know.
CLASS_NAMES = (
    _("far more problems than the city"),
    _("much more problems"),
    _("more problems"),
    _("somewhat more problems"),
    _("about as the city"),
    _("somewhat fewer problems"),
    _("fewer problems"),
    _("much fewer problems"),
    _("far fewer problems than the city"),
)

#: The three national goals, as the themes of the analysis.
THEME_NAMES = {
    "perspective": _("Perspective for children, youth and residents"),
    "physical": _("Physical living environment"),
    "safety": _("Safety and undermining"),
}


def legend() -> list[tuple[int, str, str]]:
    """The nine classes with their colour and label, for the map's legend."""
    return [
        (number, CLASS_COLOURS[number - 1], str(CLASS_NAMES[number - 1]))
        for number in range(1, 10)
    ]
