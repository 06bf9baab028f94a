# SPDX-License-Identifier: EUPL-1.2
"""Reads of the monitor: goals against their path, comparisons, the dashboard.

Every figure comes from the areas' own data (the stored neighbourhood
figures, the programme, the registers), so nothing is entered twice. The
indicator values of all groups (the area, its city, every focus area) are
computed from one query per page: the catalogue's formula per neighbourhood,
combined per group as the area analysis does.
"""

from __future__ import annotations

import datetime
import hashlib
import math
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count, Max, QuerySet, Sum
from django.utils.translation import get_language

import numpy as np

from wijkaanpak.apps.areas.analysis import COUNTRY, UNIT_NAMES
from wijkaanpak.apps.areas.analysis import catalogue as _read_catalogue
from wijkaanpak.apps.areas.models import (
    Figure,
    FocusArea,
    FocusAreaNeighbourhood,
    Neighbourhood,
    ReferenceLevel,
)
from wijkaanpak.apps.monitor.models import (
    AreaIndicatorValue,
    AreaValueStamp,
    BenefitAssumption,
)
from wijkaanpak.apps.monitor.process import (
    ProcessFigure,
    national_process_figures,
    process_figures,
    process_figures_for,
)
from wijkaanpak.apps.programme.models import (
    Goal,
    Measure,
    MeasureBudget,
    NationalMinimumGoal,
)
from wijkaanpak.apps.programme.selectors import minimum_goal_statuses
from wijkaanpak.core.impact import (
    Benefit,
    CostBenefit,
    CostLine,
    cost_benefit_analysis,
    rate_from_percent,
)
from wijkaanpak.core.indicators.catalogue import Catalogue, Indicator, indicator_values
from wijkaanpak.core.indicators.stacking import combine_areas
from wijkaanpak.core.monitor import (
    Disclosed,
    GoalPath,
    GoalStatus,
    Spread,
    disclose_count,
    goal_status,
    index_base_year,
    index_series,
    spread_over_areas,
    status_counts,
)
from wijkaanpak.core.monitor.disclosure import SMALL_NUMBER

INHABITANTS = "a_inw"
#: The least year-to-year noise assumed: CBS publishes with one decimal, so
#: a difference below half of it is rounding, not movement.
NOISE_FLOOR = 0.05

History = dict[int, float]


_CATALOGUE: dict[tuple[str, float], Catalogue] = {}


def catalogue() -> Catalogue:
    """The catalogue with the users' own indicators, read again only when changed.

    Reading the users' YAML on every page would cost more than the page.
    """
    extra = settings.WIJKAANPAK_INDICATORS
    try:
        stamp = Path(extra).stat().st_mtime if extra else 0.0
    except OSError:
        stamp = -1.0
    key = (extra, stamp)
    if key not in _CATALOGUE:
        _CATALOGUE.clear()
        _CATALOGUE[key] = _read_catalogue()
    return _CATALOGUE[key]


def indicator_name(indicator: Indicator) -> str:
    """The indicator's name in the page's language."""
    dutch = (get_language() or "nl").startswith("nl")
    return indicator.name_nl if dutch else indicator.name_en


def unit_name(indicator: Indicator) -> str:
    """The unit in the page's language; users' own units as they wrote them."""
    return str(UNIT_NAMES.get(indicator.unit, indicator.unit))


def outcome_indicators() -> list[Indicator]:
    """Indicators with a direction: those a goal can move (users' own included)."""
    return [ind for ind in catalogue().indicators if ind.direction != "context"]


#: Area histories kept per process, newest last, by the digest of the data
#: they were computed from.
_HISTORIES: OrderedDict[str, dict[str, dict[Any, History]]] = OrderedDict()
_HISTORIES_KEPT = 8


def _fingerprint() -> tuple[Any, ...]:
    """Count, last id and sum of the figures of every focus area's neighbourhoods.

    Any insert, delete or new value changes it. The sum is rounded to nine
    significant digits: a database may add the rows in another order (in
    parallel) and differ in the last bits. The neighbourhoods come as a
    subquery: a list of ids as parameters costs more to send than to count.
    """
    found = (
        Figure.objects.filter(
            neighbourhood_id__in=FocusAreaNeighbourhood.objects.values(
                "neighbourhood_id"
            )
        )
        .order_by()
        .aggregate(count=Count("id"), last=Max("id"), total=Sum("value"))
    )
    total = found["total"]
    return (found["count"], found["last"], None if total is None else f"{total:.9e}")


def area_values_digest(
    indicators: Sequence[Indicator], members: Mapping[int, Sequence[int]]
) -> str:
    """The digest of what the area values of every focus area are computed from.

    It changes when a figure of a focus area's neighbourhood is added, removed
    or changed, when an area's neighbourhoods change, and when an indicator's
    formula changes (the users' own catalogue). ``members`` holds the
    neighbourhood ids of every focus area.
    """
    source = (
        _fingerprint(),
        sorted((area, sorted(found)) for area, found in members.items()),
        [(i.key, i.formula.text, str(i.denominator)) for i in indicators],
    )
    return hashlib.sha256(repr(source).encode()).hexdigest()


def _stored_area_histories(
    digest: str, indicators: Sequence[Indicator], area_ids: Iterable[int]
) -> dict[str, dict[Any, History]] | None:
    """The stored area values, if they were computed from the same data."""
    if not AreaValueStamp.objects.filter(digest=digest).exists():
        return None
    result: dict[str, dict[Any, History]] = {
        indicator.key: {pk: {} for pk in area_ids} for indicator in indicators
    }
    # Plain tuples: building model instances would cost more than the query.
    query = AreaIndicatorValue.objects.order_by().values_list(
        "focus_area_id", "indicator_key", "year", "value"
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for area_id, key, year, value in cursor.fetchall():
            per_area = result.get(key)
            if per_area is not None and area_id in per_area:
                per_area[area_id][year] = value
    return result


def area_histories(
    areas: Sequence[FocusArea],
) -> dict[str, dict[Any, History]]:
    """Per outcome indicator and area id, the area's value per year.

    For the national dashboard and the open data, which read every area. The
    values come, in this order, from this process's memory, from the stored
    area values (:class:`AreaIndicatorValue`, kept by the services that
    change figures or areas), or are computed from the figures; the first
    two only when the digest of the data (:func:`area_values_digest`) is the
    one they were computed from. The answer must not be changed by the caller.
    """
    indicators = outcome_indicators()
    everyone = list(FocusArea.objects.order_by("pk").only("pk"))
    members = members_of_areas(everyone)
    digest = area_values_digest(indicators, members)
    found = _HISTORIES.get(digest)
    if found is None:
        found = _stored_area_histories(digest, indicators, members)
        if found is None:
            found = histories_for(indicators, members)
        _HISTORIES[digest] = found
        while len(_HISTORIES) > _HISTORIES_KEPT:
            _HISTORIES.popitem(last=False)
    else:
        _HISTORIES.move_to_end(digest)
    wanted = {area.pk for area in areas}
    return {
        key: {pk: history for pk, history in per_area.items() if pk in wanted}
        for key, per_area in found.items()
    }


def histories_for(
    indicators: Sequence[Indicator], groups: Mapping[Any, Sequence[int]]
) -> dict[str, dict[Any, History]]:
    """Per indicator and group of neighbourhood ids, the combined value per year.

    One query for all figures; the values are combined per group weighted as
    the area analysis does (by denominator, else by inhabitants).
    """
    ids = sorted({pk for members in groups.values() for pk in members})
    result: dict[str, dict[Any, History]] = {
        indicator.key: {key: {} for key in groups} for indicator in indicators
    }
    if not ids or not indicators:
        return result
    position = {pk: row for row, pk in enumerate(ids)}
    variables = set().union(*(indicator.variables for indicator in indicators))
    variables.add(INHABITANTS)
    by_year: dict[int, dict[str, Any]] = defaultdict(dict)
    for neighbourhood_id, year, variable, value in _figure_rows(ids, variables):
        column = by_year[year].get(variable)
        if column is None:
            column = by_year[year][variable] = np.full(len(ids), np.nan)
        if value is not None:
            column[position[neighbourhood_id]] = value
    selection = Catalogue(tuple(indicators))
    rows = [[position[pk] for pk in members] for members in groups.values()]
    keys = list(groups)
    for year in sorted(by_year):
        data = by_year[year]
        values = indicator_values(selection, data, len(ids))
        if not values.indicators:
            continue
        population = np.nan_to_num(data.get(INHABITANTS, np.ones(len(ids))))
        combined, _people = combine_areas(values, population, rows)
        for column, indicator in enumerate(values.indicators):
            for row, key in enumerate(keys):
                value = combined.values[row, column]
                if not math.isnan(value):
                    result[indicator.key][key][year] = float(value)
    return result


def _figure_rows(
    ids: Sequence[int], variables: Iterable[str]
) -> list[tuple[int, int, str, float | None]]:
    """Figures as plain tuples: the ORM's per-row work is most of the time here.

    No ordering: the model's default order joins the neighbourhoods and sorts
    every row, which costs more than the rest of the dashboard together.
    """
    query = (
        Figure.objects.filter(neighbourhood_id__in=ids, variable__in=sorted(variables))
        .order_by()
        .values_list("neighbourhood_id", "year", "variable", "value")
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def country_histories(keys: Iterable[str]) -> dict[str, History]:
    """The national reference level per indicator and year."""
    found: dict[str, History] = defaultdict(dict)
    for indicator, year, level in ReferenceLevel.objects.filter(
        region_code=COUNTRY, indicator__in=list(keys), level__isnull=False
    ).values_list("indicator", "year", "level"):
        found[indicator][year] = level
    return found


def members_of_areas(areas: Iterable[FocusArea]) -> dict[int, list[int]]:
    """Neighbourhood ids per focus area id, in one query."""
    members: dict[int, list[int]] = {area.pk: [] for area in areas}
    for area_id, neighbourhood_id in FocusAreaNeighbourhood.objects.filter(
        focus_area_id__in=list(members)
    ).values_list("focus_area_id", "neighbourhood_id"):
        members[area_id].append(neighbourhood_id)
    return members


def _city_members(focus_area: FocusArea) -> list[int]:
    years = focus_area.neighbourhoods.values_list("boundary_year", flat=True)
    return list(
        Neighbourhood.objects.filter(
            municipality_id=focus_area.municipality_id, boundary_year__in=years
        ).values_list("pk", flat=True)
    )


def _latest(history: Mapping[int, float]) -> tuple[int, float] | None:
    if not history:
        return None
    year = max(history)
    return year, history[year]


# The area monitor.


@dataclass(frozen=True)
class Comparison:
    """One indicator of one area against its city, the country and other areas."""

    indicator: Indicator
    name: str
    unit: str
    area: History
    city: History
    country: History
    base_year: int | None
    index: dict[int, float] | None
    city_index: dict[int, float] | None
    latest: tuple[int, float] | None
    peers: dict[str, float]
    spread: Spread | None

    @property
    def latest_index(self) -> float | None:
        """The index in the latest year (start year = 100)."""
        if self.index is None or self.latest is None:
            return None
        return self.index.get(self.latest[0])

    def in_year(self, year: int) -> tuple[float | None, float | None, float | None]:
        """Area, city and country in one year."""
        return self.area.get(year), self.city.get(year), self.country.get(year)

    @property
    def years(self) -> list[int]:
        """Every year with a value for the area, the city or the country."""
        return sorted(set(self.area) | set(self.city) | set(self.country))


@dataclass(frozen=True)
class GoalProgress:
    """A goal with its status against the path and the figures behind it."""

    goal: Goal
    path: GoalPath | None
    status: GoalStatus
    comparison: Comparison | None


@dataclass(frozen=True)
class MinimumProgress:
    """A national minimum goal: what the plan promises and what happened so far."""

    minimum: NationalMinimumGoal
    goal: Goal | None
    plan_meets: bool
    realised: float | None
    latest_year: int | None


@dataclass(frozen=True)
class AreaMonitor:
    """Everything the area monitor shows of one focus area."""

    focus_area: FocusArea
    start_year: int
    goals: list[GoalProgress]
    counts: dict[str, int]
    comparisons: list[Comparison]
    minimums: list[MinimumProgress]
    process: list[ProcessFigure]
    peer_names: list[str] = field(default_factory=list)

    def comparison(self, key: str) -> Comparison | None:
        """The comparison of one indicator, if known."""
        return next((c for c in self.comparisons if c.indicator.key == key), None)


def goal_path(goal: Goal) -> GoalPath | None:
    """The goal's planned way, or None while baseline or target is missing."""
    if goal.baseline_year is None or goal.baseline_value is None:
        return None
    if goal.target_value is None or goal.target_year <= goal.baseline_year:
        return None
    return GoalPath(
        goal.baseline_year,
        goal.baseline_value,
        goal.target_year,
        goal.target_value,
        goal.direction,  # type: ignore[arg-type]
        tuple((m.year, m.value) for m in goal.milestones.all()),
    )


def _comparisons(
    focus_area: FocusArea, indicators: Sequence[Indicator]
) -> tuple[list[Comparison], list[str]]:
    others = list(
        FocusArea.objects.exclude(pk=focus_area.pk).order_by("name").only("pk", "name")
    )
    members = members_of_areas([focus_area, *others])
    groups: dict[Any, Sequence[int]] = {
        "area": members[focus_area.pk],
        "city": _city_members(focus_area),
        **{("peer", other.pk): members[other.pk] for other in others},
    }
    histories = histories_for(indicators, groups)
    country = country_histories(ind.key for ind in indicators)
    start = focus_area.start_year
    comparisons = []
    for indicator in indicators:
        found = histories[indicator.key]
        area = found["area"]
        latest = _latest(area)
        peers = {}
        if latest is not None:
            for other in others:
                value = found[("peer", other.pk)].get(latest[0])
                if value is not None:
                    peers[other.name] = value
        spread = (
            spread_over_areas(
                {focus_area.name: latest[1], **peers},
                indicator.direction,
            )
            if latest is not None
            else None
        )
        comparisons.append(
            Comparison(
                indicator=indicator,
                name=indicator_name(indicator),
                unit=unit_name(indicator),
                area=area,
                city=found["city"],
                country=country.get(indicator.key, {}),
                base_year=index_base_year(area, start),
                index=index_series(area, start),
                city_index=index_series(found["city"], start),
                latest=latest,
                peers=peers,
                spread=spread,
            )
        )
    return comparisons, [other.name for other in others]


def area_monitor(focus_area: FocusArea, *, today: datetime.date) -> AreaMonitor:
    """Goals against their path, every indicator compared, and the process figures."""
    indicators = outcome_indicators()
    comparisons, peer_names = _comparisons(focus_area, indicators)
    by_key = {c.indicator.key: c for c in comparisons}
    goals = list(
        Goal.objects.filter(focus_area=focus_area)
        .prefetch_related("milestones")
        .order_by("national_goal", "pk")
    )
    progress = []
    for goal in goals:
        comparison = by_key.get(goal.indicator_key)
        path = goal_path(goal)
        status = goal_status(
            path, comparison.area if comparison else {}, noise_floor=NOISE_FLOOR
        )
        progress.append(GoalProgress(goal, path, status, comparison))
    minimums = []
    for item in minimum_goal_statuses(goals):
        comparison = by_key.get(item.minimum.indicator_key)
        realised = None
        latest_year = None
        if comparison is not None and comparison.latest and comparison.base_year:
            better = -1 if item.minimum.direction == "higher_is_worse" else 1
            base = comparison.area[comparison.base_year]
            latest_year, value = comparison.latest
            realised = better * (value - base)
        minimums.append(
            MinimumProgress(item.minimum, item.goal, item.meets, realised, latest_year)
        )
    return AreaMonitor(
        focus_area=focus_area,
        start_year=focus_area.start_year,
        goals=progress,
        counts=dict(status_counts([g.status for g in progress])),
        comparisons=comparisons,
        minimums=minimums,
        process=process_figures(focus_area, today),
        peer_names=peer_names,
    )


# Drill-down: from the index to the raw figures per neighbourhood.


@dataclass(frozen=True)
class NeighbourhoodRow:
    """One neighbourhood's value and raw figures, small numbers suppressed."""

    code: str
    name: str
    value: Disclosed
    raw: list[Disclosed]


@dataclass(frozen=True)
class DrillDown:
    """An indicator of the area: over the years, and per neighbourhood in a year."""

    comparison: Comparison
    year: int | None
    variables: list[str]
    neighbourhoods: list[NeighbourhoodRow]


def _disclose_raw(variable: str, value: float | None) -> Disclosed:
    """Counts (CBS ``a_`` variables) below ten are suppressed; rates are kept."""
    if value is None:
        return Disclosed(None, False)
    if variable.startswith("a_") and float(value).is_integer():
        return disclose_count(int(value))
    return Disclosed(value, False)


def drill_down(focus_area: FocusArea, key: str) -> DrillDown | None:
    """The indicator's comparison and the raw figures behind it; None if unknown."""
    if key not in catalogue():
        return None
    indicator = catalogue()[key]
    comparisons, _names = _comparisons(focus_area, [indicator])
    comparison = comparisons[0]
    year = comparison.latest[0] if comparison.latest else None
    variables = sorted(indicator.variables | {INHABITANTS})
    neighbourhoods = list(focus_area.neighbourhoods.order_by("code"))
    rows: list[NeighbourhoodRow] = []
    if year is not None:
        raw: dict[int, dict[str, float | None]] = defaultdict(dict)
        for neighbourhood_id, variable, value in Figure.objects.filter(
            neighbourhood__in=neighbourhoods, year=year, variable__in=variables
        ).values_list("neighbourhood_id", "variable", "value"):
            raw[neighbourhood_id][variable] = value
        arrays = {
            variable: np.array(
                [
                    np.nan if raw[n.pk].get(variable) is None else raw[n.pk][variable]
                    for n in neighbourhoods
                ],
                dtype=np.float64,
            )
            for variable in variables
        }
        values = indicator_values(Catalogue((indicator,)), arrays, len(neighbourhoods))
        for row, neighbourhood in enumerate(neighbourhoods):
            value: float | None = None
            denominator: float | None = None
            if values.indicators:
                found = values.values[row, 0]
                value = None if math.isnan(found) else float(found)
                base = values.denominators[row, 0]
                denominator = None if math.isnan(base) else float(base)
            hidden = denominator is not None and denominator < SMALL_NUMBER
            rows.append(
                NeighbourhoodRow(
                    code=neighbourhood.code,
                    name=neighbourhood.name,
                    value=Disclosed(None, True) if hidden else Disclosed(value, False),
                    raw=[
                        _disclose_raw(variable, raw[neighbourhood.pk].get(variable))
                        for variable in variables
                    ],
                )
            )
    return DrillDown(comparison, year, variables, rows)


# The national dashboard.


@dataclass(frozen=True)
class AreaColumn:
    """A focus area as a column of the dashboard: names only, no people."""

    slug: str
    name: str
    municipality: str


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator over all focus areas: values, change and spread."""

    key: str
    name: str
    unit: str
    direction: str
    minimum: NationalMinimumGoal | None
    year: int | None
    values: dict[str, float | None]
    index: dict[str, float | None]
    spread: Spread | None
    index_spread: Spread | None
    spread_by_year: dict[int, Spread]


@dataclass(frozen=True)
class ProcessRow:
    """One process figure over all focus areas."""

    key: str
    label: str
    unit: str
    higher_is_better: bool
    values: dict[str, float | None]
    suppressed: dict[str, bool]
    spread: Spread | None
    national: float | None = None
    national_suppressed: bool = False


@dataclass(frozen=True)
class NationalDashboard:
    """All focus areas side by side: aggregates only."""

    areas: list[AreaColumn]
    indicators: list[IndicatorRow]
    process: list[ProcessRow]
    statuses: dict[str, dict[str, int]]
    lessons: list[tuple[str, str, float]]


def national_dashboard(*, today: datetime.date) -> NationalDashboard:
    """Every focus area on the outcome indicators and the process figures."""
    areas = list(FocusArea.objects.select_related("municipality").order_by("name"))
    columns = [AreaColumn(a.slug, a.name, a.municipality.name) for a in areas]
    indicators = outcome_indicators()
    minimums = {m.indicator_key: m for m in NationalMinimumGoal.objects.all()}
    # The national minimum goals first, then the rest in catalogue order.
    indicators.sort(key=lambda ind: ind.key not in minimums)
    by_id = area_histories(areas)
    slugs = {area.pk: area.slug for area in areas}
    histories = {
        key: {slugs[pk]: history for pk, history in per_area.items()}
        for key, per_area in by_id.items()
    }
    start = {a.slug: a.start_year for a in areas}
    rows = []
    lessons = []
    for indicator in indicators:
        per_area = histories[indicator.key]
        years = sorted({year for history in per_area.values() for year in history})
        year = years[-1] if years else None
        values: dict[str, float | None] = {}
        index: dict[str, float | None] = {}
        for area in areas:
            history = per_area[area.slug]
            values[area.slug] = history.get(year) if year is not None else None
            series = index_series(history, start[area.slug])
            index[area.slug] = series.get(year) if series and year is not None else None
        names = {a.slug: a.name for a in areas}
        spread = spread_over_areas(
            {names[s]: v for s, v in values.items()}, indicator.direction
        )
        index_spread = spread_over_areas(
            {names[s]: v for s, v in index.items()}, indicator.direction
        )
        if index_spread is not None and index_spread.count > 1:
            best = index_spread.strongest
            best_index = index[next(s for s in names if names[s] == best)]
            better = best_index is not None and (
                best_index < 100
                if indicator.direction == "higher_is_worse"
                else best_index > 100
            )
            if best_index is not None and better:
                lessons.append((indicator_name(indicator), best, best_index))
        spread_by_year = {
            y: found
            for y in years
            if (
                found := spread_over_areas(
                    {names[slug]: h.get(y) for slug, h in per_area.items()},
                    indicator.direction,
                )
            )
            is not None
        }
        rows.append(
            IndicatorRow(
                key=indicator.key,
                name=indicator_name(indicator),
                unit=unit_name(indicator),
                direction=indicator.direction,
                minimum=minimums.get(indicator.key),
                year=year,
                values=values,
                index=index,
                spread=spread,
                index_spread=index_spread,
                spread_by_year=spread_by_year,
            )
        )
    statuses = {}
    goals_by_area: dict[int, list[Goal]] = defaultdict(list)
    for goal in Goal.objects.filter(focus_area__in=areas).prefetch_related(
        "milestones"
    ):
        goals_by_area[goal.focus_area_id].append(goal)
    for area in areas:
        found = [
            goal_status(
                goal_path(goal),
                histories.get(goal.indicator_key, {}).get(area.slug, {}),
                noise_floor=NOISE_FLOOR,
            )
            for goal in goals_by_area[area.pk]
        ]
        statuses[area.slug] = dict(status_counts(found))
    return NationalDashboard(
        areas=columns,
        indicators=rows,
        process=_process_rows(areas, today),
        statuses=statuses,
        lessons=lessons,
    )


def _process_rows(areas: Sequence[FocusArea], today: datetime.date) -> list[ProcessRow]:
    batched = process_figures_for(areas, today)
    country = national_process_figures(today)
    per_area = {area.slug: batched[area.pk] for area in areas}
    names = {area.slug: area.name for area in areas}
    rows: dict[str, ProcessRow] = {}
    for slug, figures in per_area.items():
        for figure in figures:
            row = rows.get(figure.key)
            if row is None:
                row = rows[figure.key] = ProcessRow(
                    key=figure.key,
                    label=str(figure.label),
                    unit=str(figure.unit),
                    higher_is_better=figure.higher_is_better,
                    values={},
                    suppressed={},
                    spread=None,
                )
            row.values[slug] = figure.value
            row.suppressed[slug] = figure.suppressed
    return [
        ProcessRow(
            **{
                **row.__dict__,
                "spread": spread_over_areas(
                    {names[s]: v for s, v in row.values.items()},
                    "higher_is_better" if row.higher_is_better else "higher_is_worse",
                ),
                "national": (country[row.key].value if row.key in country else None),
                "national_suppressed": (
                    country[row.key].suppressed if row.key in country else False
                ),
            }
        )
        for row in rows.values()
    ]


# The impact analysis (MKBA).


def discount_rate_setting() -> Fraction:
    """The configured discount rate (``WIJKAANPAK_DISCOUNT_RATE``, in per cent)."""
    return rate_from_percent(settings.WIJKAANPAK_DISCOUNT_RATE)


def benefit_assumptions_of(measure: Measure) -> QuerySet[BenefitAssumption]:
    """The benefit assumptions of a measure."""
    return BenefitAssumption.objects.filter(measure=measure).order_by(
        "beneficiary", "pk"
    )


def _benefits(assumptions: Iterable[BenefitAssumption]) -> list[Benefit]:
    return [
        Benefit(
            item.beneficiary,
            item.first_year + offset,
            item.value_per_unit_cents * item.units_per_year,
            item.label,
        )
        for item in assumptions
        for offset in range(item.years)
    ]


def _costs(budgets: Iterable[MeasureBudget]) -> list[CostLine]:
    return [
        CostLine(line.organisation.name, line.year, line.amount_cents)
        for line in budgets
    ]


@dataclass(frozen=True)
class MeasureImpact:
    """A measure with the outcome of its cost-benefit analysis."""

    measure: Measure
    result: CostBenefit
    assumptions: list[BenefitAssumption]


def impact_of_measure(measure: Measure, *, rate: Fraction) -> MeasureImpact:
    """Costs from the budget lines, benefits from the assumptions, discounted."""
    budgets = list(
        MeasureBudget.objects.filter(measure=measure).select_related("organisation")
    )
    assumptions = list(benefit_assumptions_of(measure))
    years = [line.year for line in budgets] + [a.first_year for a in assumptions]
    base_year = min(years, default=measure.start_year)
    result = cost_benefit_analysis(
        _costs(budgets), _benefits(assumptions), base_year=base_year, rate=rate
    )
    return MeasureImpact(measure, result, assumptions)


def impact_of_programme(
    focus_area: FocusArea, *, rate: Fraction
) -> tuple[CostBenefit, list[MeasureImpact]]:
    """The whole programme and each measure, discounted to the area's start year."""
    measures = list(
        Measure.objects.filter(focus_area=focus_area)
        .prefetch_related("budgets__organisation", "benefit_assumptions")
        .order_by("start_year", "title")
    )
    per_measure = []
    all_costs: list[CostLine] = []
    all_benefits: list[Benefit] = []
    for measure in measures:
        costs = _costs(measure.budgets.all())
        benefits = _benefits(measure.benefit_assumptions.all())
        all_costs.extend(costs)
        all_benefits.extend(benefits)
        years = [c.year for c in costs] + [b.year for b in benefits]
        per_measure.append(
            MeasureImpact(
                measure,
                cost_benefit_analysis(
                    costs,
                    benefits,
                    base_year=min(years, default=measure.start_year),
                    rate=rate,
                ),
                list(measure.benefit_assumptions.all()),
            )
        )
    total = cost_benefit_analysis(
        all_costs, all_benefits, base_year=focus_area.start_year, rate=rate
    )
    return total, per_measure
