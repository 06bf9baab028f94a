# SPDX-License-Identifier: EUPL-1.2
"""Reads for the situational analysis: stacking, trends and delimitation.

The computation is the core's (``core.indicators``, ``core.areas``); this
module only turns the stored figures of one municipality into the arrays the
core takes, and its answers into rows a page can show.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

import numpy as np
from numpy.typing import NDArray

from wijkaanpak.adapters.catalogue import default_catalogue, read_catalogue
from wijkaanpak.apps.areas.models import (
    Contiguity,
    Figure,
    FocusArea,
    Neighbourhood,
    ReferenceLevel,
)
from wijkaanpak.core.areas.contiguity import Adjacency
from wijkaanpak.core.areas.delimitation import (
    FocusAreaProposal,
    TradeOffPoint,
    enclosed_by,
    is_contiguous,
    propose_focus_area,
    trade_off_curve,
)
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.indicators.catalogue import (
    THEMES,
    Catalogue,
    Indicator,
    IndicatorValues,
    indicator_values,
)
from wijkaanpak.core.indicators.stacking import (
    CLASS_COLOURS,
    Reference,
    combine_areas,
    reference_of,
    stack_indicators,
)

INHABITANTS = "a_inw"
#: The region code of the country in CBS tables.
COUNTRY = "NL00"
#: Indicators whose trend the profile shows: the top problems, at most this many.
TREND_INDICATORS = 6


@dataclass(frozen=True)
class NeighbourhoodStacking:
    """One neighbourhood's place in the analysis."""

    neighbourhood: Neighbourhood
    inhabitants: float
    score: float
    stacking_class: int
    colour: str
    theme_scores: tuple[float | None, ...]
    mass: float
    in_focus_area: bool


@dataclass(frozen=True)
class Problem:
    """An indicator on which the focus area deviates from the city."""

    key: str
    theme: str
    name: str
    unit: str
    area_value: float
    city_value: float | None
    country_value: float | None
    deviation: float
    affected: float | None


@dataclass(frozen=True)
class KeyFigure:
    """One indicator of the area against the city and the country."""

    key: str
    theme: str
    name: str
    unit: str
    higher_is_worse: bool
    area_value: float | None
    city_value: float | None
    country_value: float | None


@dataclass(frozen=True)
class TrendPoint:
    """The value of an indicator in one year, for the area, the city, the country."""

    year: int
    area: float | None
    city: float | None
    country: float | None


@dataclass(frozen=True)
class Trend:
    """An indicator over the years available."""

    key: str
    name: str
    unit: str
    higher_is_worse: bool
    points: tuple[TrendPoint, ...]


@dataclass(frozen=True)
class AreaAnalysis:
    """The stacking of a municipality's neighbourhoods, and the focus area's place."""

    year: int
    years: tuple[int, ...]
    neighbourhoods: tuple[NeighbourhoodStacking, ...]
    area_inhabitants: float
    area_score: float
    area_class: int
    area_theme_scores: tuple[float | None, ...]
    top_problems: dict[str, list[Problem]]
    key_figures: tuple[KeyFigure, ...]
    trends: tuple[Trend, ...]
    country: str | None
    area_class_country: int | None


def _number(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)


def catalogue() -> Catalogue:
    """The shipped indicators plus the users' own (``WIJKAANPAK_INDICATORS``)."""
    indicators = default_catalogue()
    extra = settings.WIJKAANPAK_INDICATORS
    if extra:
        indicators = indicators.extended(read_catalogue(extra).indicators)
    return indicators


def _dutch() -> bool:
    return (get_language() or "nl").startswith("nl")


def _name(indicator: Indicator) -> str:
    return indicator.name_nl if _dutch() else indicator.name_en


#: The units of the shipped catalogue, for the page's language; users' own
#: indicators keep the unit they wrote.
UNIT_NAMES = {
    # xgettext:no-python-format
    "% of households": _("% of households"),
    # xgettext:no-python-format
    "% of dwellings": _("% of dwellings"),
    # xgettext:no-python-format
    "% of young people": _("% of young people"),
    # xgettext:no-python-format
    "% of 15-75 year olds": _("% of 15-75 year olds"),
    "per 1,000 inhabitants": _("per 1,000 inhabitants"),
    "EUR 1,000": _("EUR 1,000"),
    "score": _("score"),
}


def _unit(indicator: Indicator) -> str:
    return str(UNIT_NAMES.get(indicator.unit, indicator.unit))


@dataclass(frozen=True)
class _Year:
    """The indicator values of the city's neighbourhoods in one year."""

    values: IndicatorValues
    population: NDArray[np.float64]


def _municipality_neighbourhoods(focus_area: FocusArea) -> list[Neighbourhood]:
    years = focus_area.neighbourhoods.values_list("boundary_year", flat=True)
    return list(
        Neighbourhood.objects.filter(
            municipality_id=focus_area.municipality_id, boundary_year__in=years
        ).order_by("code")
    )


def _years(neighbourhoods: Sequence[Neighbourhood]) -> list[int]:
    return sorted(
        Figure.objects.filter(neighbourhood__in=neighbourhoods, variable=INHABITANTS)
        .order_by("year")
        .values_list("year", flat=True)
        .distinct()
    )


def _load_year(neighbourhoods: Sequence[Neighbourhood], year: int) -> _Year | None:
    position = {
        neighbourhood.pk: row for row, neighbourhood in enumerate(neighbourhoods)
    }
    variables: dict[str, Any] = {}
    for neighbourhood_id, variable, value in Figure.objects.filter(
        neighbourhood_id__in=position, year=year
    ).values_list("neighbourhood_id", "variable", "value"):
        column = variables.setdefault(variable, np.full(len(neighbourhoods), np.nan))
        if value is not None:
            column[position[neighbourhood_id]] = value
    if INHABITANTS not in variables:
        return None
    values = indicator_values(catalogue(), variables, len(neighbourhoods))
    return _Year(values, np.nan_to_num(variables[INHABITANTS]))


def country_reference(year: int, indicators: Iterable[Indicator]) -> Reference | None:
    """The stored national reference of a year, in the order of ``indicators``."""
    rows = {
        row.indicator: row
        for row in ReferenceLevel.objects.filter(region_code=COUNTRY, year=year)
    }
    if not rows:
        return None
    keys = [indicator.key for indicator in indicators]
    name = next(iter(rows.values())).region_name
    return Reference(
        name=name,
        level=tuple(
            math.nan if rows.get(k) is None or rows[k].level is None else rows[k].level
            for k in keys
        ),
        spread=tuple(
            math.nan
            if rows.get(k) is None or rows[k].spread is None
            else rows[k].spread
            for k in keys
        ),
    )


def analysis_of(focus_area: FocusArea) -> AreaAnalysis | None:
    """Stack the problems of the area's municipality in the latest year with figures."""
    neighbourhoods = _municipality_neighbourhoods(focus_area)
    years = _years(neighbourhoods)
    if not years:
        return None
    year = years[-1]
    latest = _load_year(neighbourhoods, year)
    if latest is None:
        return None
    members = set(focus_area.neighbourhoods.values_list("pk", flat=True))
    group = [row for row, n in enumerate(neighbourhoods) if n.pk in members]
    values, population = latest.values, latest.population
    city = reference_of(values, population, name=focus_area.municipality.name)
    stacking = stack_indicators(values, population, city)
    country = country_reference(year, values.indicators)

    rows = tuple(
        NeighbourhoodStacking(
            neighbourhood=neighbourhood,
            inhabitants=float(population[row]),
            score=float(stacking.score[row]),
            stacking_class=int(stacking.classes[row]),
            colour=CLASS_COLOURS[int(stacking.classes[row]) - 1],
            theme_scores=tuple(_number(v) for v in stacking.theme_scores[row]),
            mass=float(stacking.mass[row]),
            in_focus_area=neighbourhood.pk in members,
        )
        for row, neighbourhood in enumerate(neighbourhoods)
    )
    area_values, area_population = combine_areas(values, population, [group])
    area = stack_indicators(area_values, area_population, city)
    area_class_country = None
    if country is not None:
        against_country = stack_indicators(area_values, area_population, country)
        area_class_country = int(against_country.classes[0])
    problems: dict[str, list[Problem]] = {theme: [] for theme in THEMES}
    figures = []
    for column, indicator in enumerate(values.indicators):
        area_value = _number(area_values.values[0, column])
        country_value = _number(country.level[column]) if country else None
        figures.append(
            KeyFigure(
                key=indicator.key,
                theme=indicator.theme,
                name=_name(indicator),
                unit=_unit(indicator),
                higher_is_worse=indicator.direction == "higher_is_worse",
                area_value=area_value,
                city_value=_number(city.level[column]),
                country_value=country_value,
            )
        )
        deviation = area.deviations[0, column]
        if area_value is None or np.isnan(deviation) or deviation <= 0:
            continue
        problems[indicator.theme].append(
            Problem(
                key=indicator.key,
                theme=indicator.theme,
                name=_name(indicator),
                unit=_unit(indicator),
                area_value=area_value,
                city_value=_number(city.level[column]),
                country_value=country_value,
                deviation=float(deviation),
                affected=_number(area.excess[0, column]),
            )
        )
    top = {
        theme: sorted(found, key=lambda problem: -problem.deviation)[:3]
        for theme, found in problems.items()
    }
    ranked = sorted(
        (problem for found in top.values() for problem in found),
        key=lambda problem: -problem.deviation,
    )
    trend_keys = [problem.key for problem in ranked[:TREND_INDICATORS]]
    return AreaAnalysis(
        year=year,
        years=tuple(years),
        neighbourhoods=tuple(sorted(rows, key=lambda row: -row.score)),
        area_inhabitants=float(area_population[0]),
        area_score=float(area.score[0]),
        area_class=int(area.classes[0]),
        area_theme_scores=tuple(_number(v) for v in area.theme_scores[0]),
        top_problems=top,
        key_figures=tuple(figures),
        trends=_trends(neighbourhoods, group, years, trend_keys, focus_area),
        country=country.name if country else None,
        area_class_country=area_class_country,
    )


def _trends(
    neighbourhoods: Sequence[Neighbourhood],
    group: Sequence[int],
    years: Sequence[int],
    keys: Sequence[str],
    focus_area: FocusArea,
) -> tuple[Trend, ...]:
    """Area, city and country per year for the indicators ``keys``."""
    points: dict[str, list[TrendPoint]] = {key: [] for key in keys}
    about: dict[str, Indicator] = {}
    for year in years:
        loaded = _load_year(neighbourhoods, year)
        if loaded is None:
            continue
        values, population = loaded.values, loaded.population
        city = reference_of(values, population, name=focus_area.municipality.name)
        country = country_reference(year, values.indicators)
        area_values, _people = combine_areas(values, population, [group])
        for column, indicator in enumerate(values.indicators):
            if indicator.key not in points:
                continue
            about[indicator.key] = indicator
            points[indicator.key].append(
                TrendPoint(
                    year=year,
                    area=_number(area_values.values[0, column]),
                    city=_number(city.level[column]),
                    country=_number(country.level[column]) if country else None,
                )
            )
    return tuple(
        Trend(
            key=key,
            name=_name(about[key]),
            unit=_unit(about[key]),
            higher_is_worse=about[key].direction == "higher_is_worse",
            points=tuple(points[key]),
        )
        for key in keys
        if key in about and len(points[key]) > 1
    )


def stacking_map(
    analysis: AreaAnalysis, proposal: Iterable[str] = ()
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection coloured by stacking class, for the map."""
    proposed = set(proposal)
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
                    "proposed": row.neighbourhood.code in proposed,
                    "inhabitants": row.inhabitants,
                    "mass": row.mass,
                },
            }
            for row in analysis.neighbourhoods
        ],
    }


def reference_levels(
    figures: Iterable[tuple[str, int, str, float | None]],
) -> list[tuple[int, str, float | None, float | None]]:
    """Level and spread per year and indicator from neighbourhood figures.

    ``figures`` are ``(neighbourhood code, year, variable, value)``, for
    example a whole national CBS year; the answer is ``(year, indicator key,
    level, spread)`` for :func:`services.record_reference_levels`.
    """
    by_year: dict[int, dict[str, dict[str, float | None]]] = {}
    for code, year, variable, value in figures:
        by_year.setdefault(year, {}).setdefault(code, {})[variable] = value
    levels = []
    for year, areas in sorted(by_year.items()):
        codes = sorted(areas)
        variables: dict[str, NDArray[np.float64]] = {}
        for row, code in enumerate(codes):
            for variable, value in areas[code].items():
                column = variables.setdefault(variable, np.full(len(codes), np.nan))
                if value is not None:
                    column[row] = value
        if INHABITANTS not in variables:
            continue
        values = indicator_values(catalogue(), variables, len(codes))
        reference = reference_of(
            values, np.nan_to_num(variables[INHABITANTS]), name=str(year)
        )
        levels.extend(
            (year, indicator.key, _number(level), _number(spread))
            for indicator, level, spread in zip(
                values.indicators, reference.level, reference.spread, strict=True
            )
        )
    return levels


# --- Delimitation -----------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """What a set of neighbourhoods would be as a focus area."""

    codes: tuple[str, ...]
    inhabitants: float
    share_of_mass: float
    contiguous: bool
    enclosed: tuple[str, ...]


@dataclass(frozen=True)
class Delimitation:
    """The assistant's proposal, its trade-off curve and the current area."""

    analysis: AreaAnalysis
    adjacency: Adjacency
    city_inhabitants: float
    min_population: float
    max_population: float
    proposal: FocusAreaProposal | None
    curve: tuple[TradeOffPoint, ...]
    current: Selection
    problem: str


#: Population caps of the trade-off curve, as shares of the city.
CURVE_SHARES = (0.05, 0.1, 0.15, 0.2, 0.3, 0.5)


def stored_adjacency(focus_area: FocusArea, codes: Sequence[str]) -> Adjacency | None:
    """The stored contiguity among ``codes``, or None when it was never computed."""
    year = focus_area.neighbourhoods.values_list("boundary_year", flat=True).first()
    stored = Contiguity.objects.filter(
        municipality_id=focus_area.municipality_id, boundary_year=year
    ).first()
    if stored is None:
        return None
    try:
        return Adjacency.from_dict(stored.adjacency).restricted(codes)
    except WijkaanpakError:
        return None


def selection_of(
    adjacency: Adjacency,
    inhabitants: Sequence[float],
    mass: Sequence[float],
    codes: Iterable[str],
) -> Selection:
    """Describe a set of neighbourhoods as a focus area (contiguity, holes, share)."""
    position = {code: i for i, code in enumerate(adjacency.codes)}
    members = frozenset(position[code] for code in codes if code in position)
    total = sum(max(0.0, m) for m in mass)
    captured = sum(max(0.0, mass[i]) for i in members)
    return Selection(
        codes=tuple(adjacency.codes[i] for i in sorted(members)),
        inhabitants=float(sum(inhabitants[i] for i in members)),
        share_of_mass=captured / total if total > 0 else 0.0,
        contiguous=bool(members) and is_contiguous(adjacency, members),
        enclosed=tuple(
            adjacency.codes[i] for i in sorted(enclosed_by(adjacency, members))
        ),
    )


def delimitation_of(
    focus_area: FocusArea,
    *,
    min_population: float | None = None,
    max_population: float | None = None,
) -> Delimitation | None:
    """Propose a contiguous focus area within population bounds; None without data.

    Defaults: 5 to 15 per cent of the city's inhabitants, the size of most
    NPLV focus areas within their city.
    """
    result = analysis_of(focus_area)
    if result is None:
        return None
    rows = sorted(result.neighbourhoods, key=lambda row: row.neighbourhood.code)
    codes = [row.neighbourhood.code for row in rows]
    adjacency = stored_adjacency(focus_area, codes)
    if adjacency is None:
        return None
    inhabitants = [row.inhabitants for row in rows]
    mass = [row.mass for row in rows]
    city = float(sum(inhabitants))
    low = 0.05 * city if min_population is None else float(min_population)
    high = 0.15 * city if max_population is None else float(max_population)
    problem = ""
    proposal = None
    try:
        proposal = propose_focus_area(
            adjacency,
            inhabitants,
            mass,
            min_population=low,
            max_population=high,
            exact_time_limit=2.0,
        )
    except WijkaanpakError as error:
        problem = str(error)
    curve = trade_off_curve(
        adjacency,
        inhabitants,
        mass,
        caps=[city * share for share in CURVE_SHARES],
        exact_time_limit=1.0,
    )
    current = selection_of(
        adjacency,
        inhabitants,
        mass,
        [row.neighbourhood.code for row in rows if row.in_focus_area],
    )
    return Delimitation(
        analysis=result,
        adjacency=adjacency,
        city_inhabitants=city,
        min_population=low,
        max_population=high,
        proposal=proposal,
        curve=curve,
        current=current,
        problem=problem,
    )


def adjacency_for_page(adjacency: Adjacency) -> dict[str, list[str]]:
    """Neighbours per code, for the map's live check of a selection."""
    return adjacency.to_dict()["neighbours"]  # type: ignore[no-any-return]


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
