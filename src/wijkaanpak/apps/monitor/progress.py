# SPDX-License-Identifier: EUPL-1.2
"""The content of the progress reports: for residents (short, B1) and partners.

One content, two forms: the web page and the PDF are rendered from the same
object and the same template. The progress report for residents says what was promised,
what was done, and what was not and why, in short sentences; the figures
say whether things move as planned, never that the programme caused it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from wijkaanpak.adapters.charts import MapArea, Series, area_map, line_chart
from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood
from wijkaanpak.apps.monitor.selectors import (
    AreaMonitor,
    GoalProgress,
    area_monitor,
)
from wijkaanpak.apps.programme.models import CommitmentKind, Measure, NationalGoal
from wijkaanpak.apps.programme.selectors import balances_of, stop_rule_verdict
from wijkaanpak.apps.reports.selectors import figures_for
from wijkaanpak.core.monitor import SMALL_NUMBER, expected_on_path


def status_label(status: str) -> str:
    """The status in words, so no reader depends on colour."""
    return {
        "ahead": _("Faster than planned"),
        "on_track": _("As planned"),
        "behind": _("Slower than planned"),
        "unclear": _("Cannot tell yet"),
    }[status]


def status_sentence(progress: GoalProgress) -> str:
    """One plain sentence on how the goal goes, and why it is unclear if it is."""
    status = progress.status
    if status.status == "ahead":
        return _("This goes faster than planned.")
    if status.status == "on_track":
        return _("This goes as planned.")
    if status.status == "behind":
        return _("This goes slower than planned.")
    return {
        "no_target": _("There is no target in figures yet."),
        "no_new_figures": _("There are no new figures since the start yet."),
        "too_few_years": _("There are too few years of figures to tell."),
        "noise_exceeds_goal": _("The figures go up and down too much to tell."),
    }.get(status.reason, _("We cannot tell yet."))


@dataclass(frozen=True)
class ReportGoal:
    """A goal as the report shows it."""

    progress: GoalProgress
    national_goal: str
    status: str
    sentence: str
    chart: str
    rows: list[tuple[int, float | None, float | None, float | None]]
    #: The first goal with a chart under its national goal: the short report
    #: shows one chart per national goal.
    first_of_goal: bool


@dataclass(frozen=True)
class NotDone:
    """Something promised that did not happen (yet), with the reason we know."""

    title: str
    reason: str


@dataclass(frozen=True)
class ProgressReport:
    """The content of a progress report of one focus area."""

    focus_area: FocusArea
    today: datetime.date
    monitor: AreaMonitor
    map_svg: str
    goals: list[ReportGoal]
    done: list[Measure]
    not_done: list[NotDone]
    fixed: int
    fixed_shown: bool
    median_days: float | None
    partners_short: int
    partners: int


def _goal_chart(progress: GoalProgress, chart_id: str) -> tuple[str, list[Any]]:
    comparison = progress.comparison
    if comparison is None or not comparison.area:
        return "", []
    path = progress.path
    last = max(comparison.area)
    if path is not None:
        last = max(last, path.target_year)
    years = list(range(min(comparison.area), last + 1))
    rows = []
    for year in years:
        expected = (
            expected_on_path(path, year)
            if path is not None and year >= path.baseline_year
            else None
        )
        rows.append(
            (year, comparison.area.get(year), comparison.city.get(year), expected)
        )
    series = [
        Series(progress.goal.focus_area.name, tuple(row[1] for row in rows)),
        Series(
            progress.goal.focus_area.municipality.name, tuple(row[2] for row in rows)
        ),
    ]
    if path is not None:
        series.append(Series(_("Planned path"), tuple(row[3] for row in rows)))
    svg = line_chart(
        [str(year) for year in years],
        series,
        title=progress.goal.title,
        description=_(
            "%(indicator)s per year in the area and the city, and the planned "
            "path to the target. The table below gives the same figures."
        )
        % {"indicator": comparison.name},
        unit=comparison.unit,
        chart_id=chart_id,
    )
    return svg, [row for row in rows if any(v is not None for v in row[1:3])]


def area_map_of(focus_area: FocusArea) -> str:
    """The municipality's neighbourhoods with the focus area marked, as SVG."""
    members = set(focus_area.neighbourhoods.values_list("pk", flat=True))
    years = focus_area.neighbourhoods.values_list("boundary_year", flat=True)
    areas = []
    for neighbourhood in Neighbourhood.objects.filter(
        municipality_id=focus_area.municipality_id, boundary_year__in=years
    ).order_by("code"):
        geometry = neighbourhood.geometry or {}
        polygons = (
            [geometry.get("coordinates", [])]
            if geometry.get("type") == "Polygon"
            else geometry.get("coordinates", [])
            if geometry.get("type") == "MultiPolygon"
            else []
        )
        for polygon in polygons:
            areas.append(
                MapArea(
                    neighbourhood.code,
                    neighbourhood.name,
                    tuple(
                        tuple((float(x), float(y)) for x, y in ring) for ring in polygon
                    ),
                    neighbourhood.pk in members,
                )
            )
    return area_map(
        areas,
        title=_("Map of %(name)s") % {"name": focus_area.name},
        description=_(
            "The neighbourhoods of %(city)s. The dark neighbourhoods with a thick "
            "border and their name form %(name)s."
        )
        % {"city": focus_area.municipality.name, "name": focus_area.name},
        chart_id="area-map-svg",
    )


def _not_done(focus_area: FocusArea, today: datetime.date) -> list[NotDone]:
    items = []
    for measure in (
        Measure.objects.filter(focus_area=focus_area)
        .prefetch_related("stop_rules")
        .order_by("start_year", "title")
    ):
        if measure.status == Measure.Status.STOPPED:
            items.append(NotDone(measure.title, _("This measure has stopped.")))
        elif (
            measure.status == Measure.Status.PLANNED
            and measure.start_year <= today.year
        ):
            items.append(
                NotDone(
                    measure.title,
                    _("This was planned to start in %(year)s, but has not started yet.")
                    % {"year": measure.start_year},
                )
            )
        for rule in measure.stop_rules.all():
            verdict = stop_rule_verdict(rule, today)
            if verdict.outcome == "stop":
                items.append(
                    NotDone(
                        measure.title,
                        _(
                            "The partners agreed: “%(criterion)s” should be "
                            "%(comparison)s %(threshold)s in %(year)s. It was "
                            "%(observed)s. The alliance decides whether to go on."
                        )
                        % {
                            "criterion": rule.criterion,
                            "comparison": rule.get_comparison_display(),
                            "threshold": number_format(rule.threshold),
                            "year": rule.check_year,
                            "observed": number_format(rule.observed_value or 0),
                        },
                    )
                )
    for balance in balances_of(focus_area, up_to_year=today.year - 1):
        if balance.falls_short and balance.kind in (
            CommitmentKind.MONEY,
            CommitmentKind.STAFF,
        ):
            share = round(float(balance.delivered_share or 0) * 100)
            items.append(
                NotDone(
                    balance.partner,
                    _(
                        "Delivered %(share)s%% of what it promised up to %(year)s "
                        "(%(kind)s)."
                    )
                    % {
                        "share": share,
                        "year": today.year - 1,
                        "kind": CommitmentKind(balance.kind).label,
                    },
                )
            )
    return items


def progress_report(focus_area: FocusArea, *, today: datetime.date) -> ProgressReport:
    """Everything the residents' progress report shows, ready to render."""
    monitor = area_monitor(focus_area, today=today)
    labels = {value: str(label) for value, label in NationalGoal.choices}
    goals = []
    charted: set[str] = set()
    for number, item in enumerate(monitor.goals):
        chart, rows = _goal_chart(item, f"goal-chart-{number}")
        first = bool(chart) and item.goal.national_goal not in charted
        if first:
            charted.add(item.goal.national_goal)
        goals.append(
            ReportGoal(
                progress=item,
                national_goal=labels.get(item.goal.national_goal, ""),
                status=status_label(item.status.status),
                sentence=status_sentence(item),
                chart=chart,
                rows=rows,
                first_of_goal=first,
            )
        )
    figures = figures_for(focus_area)
    median = figures.median_time_to_fix
    fixed_shown = figures.verified >= SMALL_NUMBER
    balances = balances_of(focus_area, up_to_year=today.year - 1)
    partners = {b.partner for b in balances}
    short = {b.partner for b in balances if b.falls_short}
    return ProgressReport(
        focus_area=focus_area,
        today=today,
        monitor=monitor,
        map_svg=area_map_of(focus_area),
        goals=goals,
        done=list(
            Measure.objects.filter(
                focus_area=focus_area,
                status__in=[Measure.Status.RUNNING, Measure.Status.COMPLETED],
            )
            .select_related("owner")
            .order_by("start_year", "title")
        ),
        not_done=_not_done(focus_area, today),
        fixed=figures.verified,
        fixed_shown=fixed_shown,
        median_days=(
            median.total_seconds() / 86_400
            if median is not None and fixed_shown
            else None
        ),
        partners_short=len(short),
        partners=len(partners),
    )
