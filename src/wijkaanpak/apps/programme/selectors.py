# SPDX-License-Identifier: EUPL-1.2
"""Reads of the programme, one per use case, and their translation to core types.

Indicator values of an area come from the stored neighbourhood figures: each
year the catalogue's formula is evaluated per neighbourhood and combined over
the area, weighted as the area analysis does.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

import numpy as np

from wijkaanpak.adapters.catalogue import default_catalogue
from wijkaanpak.apps.accounts.models import Membership, Organisation, Role
from wijkaanpak.apps.accounts.selectors import alliance_of, partners_of
from wijkaanpak.apps.areas.analysis import UNIT_NAMES
from wijkaanpak.apps.areas.models import Figure, FocusArea, Neighbourhood
from wijkaanpak.apps.programme.models import (
    Commitment,
    CommitmentKind,
    Delivery,
    Goal,
    HomeworkItem,
    Measure,
    Meeting,
    NationalGoal,
    NationalMinimumGoal,
    ProblemStatement,
    Programme,
    StopRule,
)
from wijkaanpak.core.indicators.catalogue import Catalogue, Indicator, indicator_values
from wijkaanpak.core.indicators.stacking import combine_areas
from wijkaanpak.core.programme import (
    AmbitionCheck,
    Contribution,
    Finding,
    GoalTarget,
    Layout,
    PartnerBalance,
    Plan,
    PlanGoal,
    PlanMeasure,
    StopRuleVerdict,
    TreeGoal,
    TreeMeasure,
    ambition_check,
    coherence_check,
    evaluate_stop_rule,
    fastest_yearly_improvement,
    goal_tree_layout,
    promised_versus_delivered,
)
from wijkaanpak.core.programme.stop_rules import StopRule as CoreStopRule

INHABITANTS = "a_inw"
#: More measures than this on one goal is a project carousel.
MEASURES_PER_GOAL_LIMIT = 5


@functools.cache
def catalogue() -> Catalogue:
    """The indicator catalogue that ships with Wijkaanpak (read once)."""
    return default_catalogue()


def goal_indicators() -> list[Indicator]:
    """Indicators a goal can move: those with a direction, not context ones."""
    return [ind for ind in catalogue().indicators if ind.direction != "context"]


def indicator_name(key: str) -> str:
    """The indicator's name in the page's language; the key when unknown."""
    if key not in catalogue():
        return key
    indicator = catalogue()[key]
    dutch = (get_language() or "nl").startswith("nl")
    return indicator.name_nl if dutch else indicator.name_en


def indicator_unit(key: str) -> str:
    """The unit of an indicator in the page's language; empty when unknown."""
    if key not in catalogue():
        return ""
    unit = catalogue()[key].unit
    return str(UNIT_NAMES.get(unit, unit))


def indicator_choices() -> list[tuple[str, str]]:
    """Indicators a goal can use, for a form's select box."""
    return [
        (ind.key, f"{indicator_name(ind.key)} ({indicator_unit(ind.key)})")
        for ind in goal_indicators()
    ]


# Figures → indicator values per group of neighbourhoods and year.


def group_histories(
    indicator: Indicator, groups: Mapping[Any, list[int]]
) -> dict[Any, dict[int, float]]:
    """Per group of neighbourhood ids, the indicator's combined value per year."""
    ids = sorted({pk for members in groups.values() for pk in members})
    if not ids:
        return {key: {} for key in groups}
    position = {pk: row for row, pk in enumerate(ids)}
    variables = indicator.variables | {INHABITANTS}
    by_year: dict[int, dict[str, Any]] = defaultdict(dict)
    for neighbourhood_id, year, variable, value in Figure.objects.filter(
        neighbourhood_id__in=ids, variable__in=variables
    ).values_list("neighbourhood_id", "year", "variable", "value"):
        column = by_year[year].setdefault(variable, np.full(len(ids), np.nan))
        if value is not None:
            column[position[neighbourhood_id]] = value
    single = Catalogue((indicator,))
    rows = [[position[pk] for pk in members] for members in groups.values()]
    histories: dict[Any, dict[int, float]] = {key: {} for key in groups}
    for year in sorted(by_year):
        data = by_year[year]
        if not indicator.formula.variables <= set(data):
            continue
        values = indicator_values(single, data, len(ids))
        population = np.nan_to_num(data.get(INHABITANTS, np.ones(len(ids))))
        combined, _people = combine_areas(values, population, rows)
        for key, value in zip(groups, combined.values[:, 0], strict=True):
            if not np.isnan(value):
                histories[key][year] = float(value)
    return histories


def area_history(focus_area: FocusArea, indicator_key: str) -> dict[int, float]:
    """The focus area's value of an indicator per year, from the stored figures."""
    if indicator_key not in catalogue():
        return {}
    members = list(focus_area.neighbourhoods.values_list("pk", flat=True))
    return group_histories(catalogue()[indicator_key], {"area": members})["area"]


def _latest_neighbourhoods() -> QuerySet[Neighbourhood]:
    year = Neighbourhood.objects.aggregate(year=Max("boundary_year"))["year"]
    return Neighbourhood.objects.filter(boundary_year=year)


@dataclass(frozen=True)
class Benchmarks:
    """What the ambition check compares a goal with, per indicator."""

    reference_level: float | None
    reference_year: int | None
    fastest_improvement: float | None


def benchmarks_for(indicator_key: str) -> Benchmarks:
    """The level over all stored neighbourhoods and the fastest district change ever.

    With the national CBS figures loaded the level is the national level; with
    one municipality it is that municipality's.
    """
    if indicator_key not in catalogue():
        return Benchmarks(None, None, None)
    indicator = catalogue()[indicator_key]
    rows = list(_latest_neighbourhoods().values_list("pk", "district_id"))
    districts: dict[Any, list[int]] = defaultdict(list)
    for pk, district_id in rows:
        if district_id is not None:
            districts[district_id].append(pk)
    histories = group_histories(indicator, {"all": [pk for pk, _ in rows], **districts})
    overall = histories.pop("all")
    year = max(overall) if overall else None
    direction = indicator.direction
    fastest = (
        fastest_yearly_improvement(histories.values(), direction)  # type: ignore[arg-type]
        if direction != "context"
        else None
    )
    return Benchmarks(overall[year] if year else None, year, fastest)


def baseline_from_figures(
    focus_area: FocusArea, indicator_key: str
) -> tuple[int, float] | None:
    """The area's value in its start year, or the latest year before it, or the first."""
    history = area_history(focus_area, indicator_key)
    if not history:
        return None
    before = [year for year in history if year <= focus_area.start_year]
    year = max(before) if before else min(history)
    return year, round(history[year], 2)


# The plan.


def programme_of(focus_area: FocusArea) -> Programme:
    """The area's programme; an unsaved empty one when none is written yet."""
    return Programme.objects.filter(focus_area=focus_area).first() or Programme(
        focus_area=focus_area
    )


def problem_statements_of(focus_area: FocusArea) -> QuerySet[ProblemStatement]:
    """The problem analysis, by national goal and kind."""
    return ProblemStatement.objects.filter(focus_area=focus_area)


def goals_of(focus_area: FocusArea) -> QuerySet[Goal]:
    """The area's goals with their milestones and measures."""
    return (
        Goal.objects.filter(focus_area=focus_area)
        .prefetch_related("milestones", "measures")
        .order_by("national_goal", "pk")
    )


def measures_of(focus_area: FocusArea) -> QuerySet[Measure]:
    """The area's measures with everything their pages show."""
    return (
        Measure.objects.filter(focus_area=focus_area)
        .select_related("owner")
        .prefetch_related("goals", "partners", "budgets__organisation", "stop_rules")
        .annotate(budget_cents=Coalesce(Sum("budgets__amount_cents"), 0))
        .order_by("start_year", "title")
    )


def goal_in(focus_area: FocusArea, pk: int) -> Goal | None:
    """One goal of the area, or None (the caller answers 404)."""
    return goals_of(focus_area).filter(pk=pk).first()


def measure_in(focus_area: FocusArea, pk: int) -> Measure | None:
    """One measure of the area, or None (the caller answers 404)."""
    return measures_of(focus_area).filter(pk=pk).first()


def goal_target(goal: Goal) -> GoalTarget | None:
    """The goal as the core sees it; None while baseline or target is missing."""
    if goal.baseline_year is None or goal.baseline_value is None:
        return None
    if goal.target_value is None or goal.target_year <= goal.baseline_year:
        return None
    return GoalTarget(
        goal.baseline_year,
        goal.baseline_value,
        goal.target_year,
        goal.target_value,
        goal.direction,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class GoalReview:
    """A goal with its figures and the verdict of the ambition check."""

    goal: Goal
    indicator_name: str
    unit: str
    history: dict[int, float]
    latest: tuple[int, float] | None
    check: AmbitionCheck | None
    benchmarks: Benchmarks


def review_goals(focus_area: FocusArea, goals: Iterable[Goal]) -> list[GoalReview]:
    """Figures and ambition check for each goal, computing each indicator once."""
    benchmarks: dict[str, Benchmarks] = {}
    reviews = []
    for goal in goals:
        key = goal.indicator_key
        history = area_history(focus_area, key) if key else {}
        if key and key not in benchmarks:
            benchmarks[key] = benchmarks_for(key)
        found = benchmarks.get(key, Benchmarks(None, None, None))
        target = goal_target(goal)
        check = None
        if target is not None and key:
            check = ambition_check(
                target,
                history=history,
                national_level=found.reference_level,
                fastest_improvement=found.fastest_improvement,
            )
        latest = (max(history), history[max(history)]) if history else None
        reviews.append(
            GoalReview(
                goal=goal,
                indicator_name=indicator_name(key) if key else "",
                unit=indicator_unit(key),
                history=history,
                latest=latest,
                check=check,
                benchmarks=found,
            )
        )
    return reviews


def stop_rule_verdict(rule: StopRule, today: datetime.date) -> StopRuleVerdict:
    """What the measure's agreed criterion says this year."""
    return evaluate_stop_rule(
        CoreStopRule(rule.comparison, rule.threshold, rule.check_year),  # type: ignore[arg-type]
        rule.observed_value,
        year=today.year,
    )


def goal_tree_of(
    focus_area: FocusArea, goals: Iterable[Goal], measures: Iterable[Measure]
) -> Layout:
    """The layout of the goal tree: vision, national goals, goals, measures."""
    vision = programme_of(focus_area).vision or focus_area.name
    labels = {str(value): str(label) for value, label in NationalGoal.choices}
    return goal_tree_layout(
        vision,
        labels,
        [TreeGoal(f"goal-{g.pk}", g.title, g.national_goal) for g in goals],  # type: ignore[arg-type]
        [
            TreeMeasure(
                f"measure-{m.pk}",
                m.title,
                tuple(f"goal-{g.pk}" for g in m.goals.all()),
                m.is_additional,
            )
            for m in measures
        ],
    )


def coherence_of(
    focus_area: FocusArea, goals: Iterable[Goal], measures: Iterable[Measure]
) -> list[Finding]:
    """The weak spots of the plan."""
    programme = programme_of(focus_area)
    committed = set(
        Commitment.objects.filter(focus_area=focus_area).values_list(
            "organisation_id", flat=True
        )
    )
    plan = Plan(
        goals=[
            PlanGoal(str(g.pk), g.national_goal, bool(g.indicator_key), g.target_year)  # type: ignore[arg-type]
            for g in goals
        ],
        measures=[
            PlanMeasure(
                str(m.pk),
                frozenset(str(g.pk) for g in m.goals.all()),
                m.is_additional,
                m.additional_reason,
                m.start_year,
                m.end_year,
            )
            for m in measures
        ],
        partners=[str(pk) for pk in alliance_partner_ids(focus_area)],
        committed_partners=frozenset(str(pk) for pk in committed),
        start_year=focus_area.start_year,
        end_year=programme.end_year,
        measures_per_goal_limit=MEASURES_PER_GOAL_LIMIT,
    )
    return list(coherence_check(plan))


def alliance_partner_ids(focus_area: FocusArea) -> list[int]:
    """The organisations with a seat in the alliance, in name order."""
    return list(
        Organisation.objects.filter(
            people__memberships__focus_area=focus_area,
            people__memberships__role=Role.ALLIANCE,
        )
        .distinct()
        .order_by("name")
        .values_list("pk", flat=True)
    )


# Commitments.


def commitments_of(focus_area: FocusArea) -> QuerySet[Commitment]:
    """The area's commitments with what was delivered on each."""
    return (
        Commitment.objects.filter(focus_area=focus_area)
        .select_related("organisation", "goal", "measure")
        .annotate(delivered=Coalesce(Sum("deliveries__amount"), 0))
        .order_by("organisation__name", "year", "kind")
    )


def deliveries_of_partner(
    focus_area: FocusArea, organisation: Organisation
) -> QuerySet[Delivery]:
    """What one partner reported as delivered in the area, newest first."""
    return (
        Delivery.objects.filter(
            commitment__focus_area=focus_area, commitment__organisation=organisation
        )
        .select_related("commitment")
        .order_by("-delivered_on", "-pk")
    )


def delivery_in(focus_area: FocusArea, pk: int) -> Delivery | None:
    """One delivery on a commitment of the area, or None."""
    return (
        Delivery.objects.select_related(
            "commitment__organisation", "commitment__focus_area"
        )
        .filter(commitment__focus_area=focus_area, pk=pk)
        .first()
    )


def balances_of(focus_area: FocusArea, *, up_to_year: int) -> list[PartnerBalance]:
    """Promised against delivered per partner and kind, as the core sums it."""
    return list(
        promised_versus_delivered(
            (
                Contribution(
                    c.organisation.name,
                    c.year,
                    c.kind,  # type: ignore[arg-type]
                    c.promised,
                    c.delivered,  # type: ignore[attr-defined]
                )
                for c in commitments_of(focus_area)
            ),
            up_to_year=up_to_year,
        )
    )


def kind_label(kind: str) -> str:
    """The translated label of a kind of means."""
    return str(CommitmentKind(kind).label)


# The alliance.


def alliance_members_of(focus_area: FocusArea) -> QuerySet[Membership]:
    """The alliance, chair first."""
    return alliance_of(focus_area)


def meetings_of(focus_area: FocusArea) -> QuerySet[Meeting]:
    """The alliance's meetings, latest first, with decisions and homework."""
    return (
        Meeting.objects.filter(focus_area=focus_area)
        .prefetch_related(
            "decisions",
            Prefetch(
                "homework",
                queryset=HomeworkItem.objects.select_related("organisation", "done_by"),
            ),
        )
        .order_by("-held_on")
    )


def meeting_in(focus_area: FocusArea, pk: int) -> Meeting | None:
    """One meeting of the area, or None (the caller answers 404)."""
    return meetings_of(focus_area).filter(pk=pk).first()


def homework_of(focus_area: FocusArea) -> QuerySet[HomeworkItem]:
    """All homework of the area: open first, then by due date."""
    return HomeworkItem.objects.filter(focus_area=focus_area).select_related(
        "organisation", "meeting", "done_by"
    )


def overdue_homework(
    focus_area: FocusArea, today: datetime.date
) -> QuerySet[HomeworkItem]:
    """Homework not done after its due date: the whole alliance sees it."""
    return homework_of(focus_area).filter(done_on__isnull=True, due_on__lt=today)


def organisations_for_commitments(focus_area: FocusArea) -> QuerySet[Organisation]:
    """Partners that can commit: the area's organisations and every ministry."""
    return (
        Organisation.objects.filter(
            Q(people__memberships__focus_area=focus_area) | Q(kind="ministry")
        )
        .distinct()
        .order_by("name")
    )


def partners_in(focus_area: FocusArea) -> QuerySet[Organisation]:
    """The organisations whose people hold a role in the area."""
    return partners_of(focus_area)


# National.


@dataclass(frozen=True)
class MinimumGoalStatus:
    """How an area's plan meets one national minimum goal."""

    minimum: NationalMinimumGoal
    goal: Goal | None
    meets: bool


def minimum_goals() -> QuerySet[NationalMinimumGoal]:
    """The national minimum goals, by national goal."""
    return NationalMinimumGoal.objects.all()


def minimum_goal_statuses(
    goals: Iterable[Goal], minimums: Iterable[NationalMinimumGoal] | None = None
) -> list[MinimumGoalStatus]:
    """For each national minimum goal, the area goal that meets it best, if any."""
    goals = list(goals)
    statuses = []
    for minimum in minimum_goals() if minimums is None else minimums:
        best: Goal | None = None
        best_improvement = float("-inf")
        for goal in goals:
            target = goal_target(goal)
            if goal.indicator_key != minimum.indicator_key or target is None:
                continue
            if target.improvement > best_improvement:
                best, best_improvement = goal, target.improvement
        meets = (
            best is not None
            and best.target_year <= minimum.deadline_year
            and best_improvement >= minimum.minimum_improvement
        )
        statuses.append(MinimumGoalStatus(minimum, best, meets))
    return statuses


def national_programme_overview(today: datetime.date) -> list[dict[str, Any]]:
    """Per focus area only counts and sums: what national staff may see."""
    areas = (
        FocusArea.objects.select_related("municipality")
        .annotate(
            goal_count=Count("goals", distinct=True),
            measure_count=Count("measures", distinct=True),
            overdue=Count(
                "homework",
                filter=Q(homework__done_on__isnull=True, homework__due_on__lt=today),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    minimums = list(minimum_goals())
    rows = []
    for area in areas:
        money = [
            row
            for row in balances_of(area, up_to_year=today.year - 1)
            if row.kind == CommitmentKind.MONEY
        ]
        statuses = minimum_goal_statuses(Goal.objects.filter(focus_area=area), minimums)
        rows.append(
            {
                "focus_area": area,
                "goals": area.goal_count,  # type: ignore[attr-defined]
                "measures": area.measure_count,  # type: ignore[attr-defined]
                "overdue_homework": area.overdue,  # type: ignore[attr-defined]
                "money_due": sum(row.due for row in money),
                "money_delivered": sum(row.delivered for row in money),
                "minimums_met": sum(status.meets for status in statuses),
                "minimums": len(statuses),
            }
        )
    return rows


# The plan as a document.


@dataclass(frozen=True)
class ProblemPoint:
    """A point of the problem analysis with the figure its indicator shows now."""

    statement: ProblemStatement
    indicator_name: str
    unit: str
    latest: tuple[int, float] | None


def problem_analysis_of(
    focus_area: FocusArea,
) -> list[tuple[str, str, list[ProblemPoint]]]:
    """Per national goal (the theme), its points with their evidence."""
    histories: dict[str, dict[int, float]] = {}
    points = []
    for statement in problem_statements_of(focus_area):
        key = statement.indicator_key
        if key and key not in histories:
            histories[key] = area_history(focus_area, key)
        history = histories.get(key, {})
        points.append(
            ProblemPoint(
                statement=statement,
                indicator_name=indicator_name(key) if key else "",
                unit=indicator_unit(key) if key else "",
                latest=(max(history), history[max(history)]) if history else None,
            )
        )
    return [
        (
            str(value),
            str(label),
            [p for p in points if p.statement.national_goal == value],
        )
        for value, label in NationalGoal.choices
    ]


@dataclass(frozen=True)
class BudgetTable:
    """Money per partner (rows) and year (columns), in euro cents, with totals."""

    years: tuple[int, ...]
    rows: tuple[tuple[str, tuple[int | None, ...], int], ...]
    year_totals: tuple[int, ...]
    total: int


def budget_table(lines: Iterable[tuple[str, int, int]]) -> BudgetTable:
    """Pivot budget lines ``(partner, year, cents)``; partners by name, years in order."""
    amounts: dict[str, dict[int, int]] = defaultdict(dict)
    for partner, year, cents in lines:
        amounts[partner][year] = amounts[partner].get(year, 0) + cents
    years = tuple(sorted({year for row in amounts.values() for year in row}))
    rows = tuple(
        (
            partner,
            tuple(amounts[partner].get(year) for year in years),
            sum(amounts[partner].values()),
        )
        for partner in sorted(amounts)
    )
    year_totals = tuple(
        sum(amounts[partner].get(year, 0) for partner in amounts) for year in years
    )
    return BudgetTable(years, rows, year_totals, sum(year_totals))


def budget_lines_of(measures: Iterable[Measure]) -> list[tuple[str, int, int]]:
    """The budget lines of prefetched measures as ``(partner, year, cents)``."""
    return [
        (budget.organisation.name, budget.year, budget.amount_cents)
        for measure in measures
        for budget in measure.budgets.all()
    ]


# One partner.


def partner_in(focus_area: FocusArea, pk: int) -> Organisation | None:
    """A partner that can commit in the area, or None (the caller answers 404)."""
    return organisations_for_commitments(focus_area).filter(pk=pk).first()


def balances_of_partner(
    focus_area: FocusArea, organisation: Organisation, *, up_to_year: int
) -> list[PartnerBalance]:
    """Promised against delivered of one partner, per kind."""
    return list(
        promised_versus_delivered(
            (
                Contribution(
                    c.organisation.name,
                    c.year,
                    c.kind,  # type: ignore[arg-type]
                    c.promised,
                    c.delivered,  # type: ignore[attr-defined]
                )
                for c in commitments_of(focus_area).filter(organisation=organisation)
            ),
            up_to_year=up_to_year,
        )
    )
