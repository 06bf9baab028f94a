# SPDX-License-Identifier: EUPL-1.2
"""Reads of the mirror, and the evidence other apps' selectors give it.

The evidence is gathered here and only here: the programme app tells the
alliance's size and mandate, the stop criteria of measures, measurable goals,
overdue homework and money delivered; the reports app tells the time to fix
and the share of reporters who heard back. The core scores what it gets.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from django.db.models import Count, QuerySet

from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.mirror.models import Answer, Scan, ScanKind, StyleProfile
from wijkaanpak.apps.programme import selectors as programme
from wijkaanpak.apps.programme.models import CommitmentKind
from wijkaanpak.apps.reports import selectors as reports
from wijkaanpak.core.mirror import (
    CLEAR_DIMENSIONS,
    HEALTH_FACTORS,
    HEALTH_QUESTIONS,
    PARTICIPATION_QUESTIONS,
    Evidence,
    FactorTrend,
    ProfileComparison,
    Question,
    ScanResult,
    alliance_size_evidence,
    compare_profiles,
    delivery_evidence,
    feedback_evidence,
    homework_evidence,
    mandate_evidence,
    measurable_goals_evidence,
    scan_score,
    stop_criteria_evidence,
    time_to_fix_evidence,
    working_style_profile,
    yearly_trend,
)

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea

#: Per kind of scan: its factors and its statements.
FACTORS: dict[str, tuple[str, ...]] = {
    ScanKind.HEALTH_CHECK: HEALTH_FACTORS,
    ScanKind.PARTICIPATION: CLEAR_DIMENSIONS,
}
QUESTIONS: dict[str, tuple[Question, ...]] = {
    ScanKind.HEALTH_CHECK: HEALTH_QUESTIONS,
    ScanKind.PARTICIPATION: PARTICIPATION_QUESTIONS,
}


# Evidence from the other apps.


def health_evidence(focus_area: FocusArea, today: datetime.date) -> list[Evidence]:
    """The platform's figures for the health check of an area, as of ``today``."""
    members = list(programme.alliance_members_of(focus_area))
    measures = list(programme.measures_of(focus_area))
    goals = list(programme.goals_of(focus_area))
    figures = reports.figures_for(focus_area)
    homework = programme.homework_of(focus_area)
    money = [
        row
        for row in programme.balances_of(focus_area, up_to_year=today.year - 1)
        if row.kind == CommitmentKind.MONEY
    ]
    found = [
        alliance_size_evidence(len(members)),
        mandate_evidence(
            len(members), sum(1 for member in members if not member.has_mandate)
        ),
        stop_criteria_evidence(
            len(measures), sum(1 for measure in measures if measure.stop_rules.all())
        ),
        measurable_goals_evidence(
            len(goals),
            sum(
                1
                for goal in goals
                if goal.indicator_key and programme.goal_target(goal) is not None
            ),
        ),
        time_to_fix_evidence(figures.median_time_to_fix),
        feedback_evidence(figures.feedback_share),
        homework_evidence(
            homework.filter(due_on__lt=today).count(),
            programme.overdue_homework(focus_area, today).count(),
        ),
        delivery_evidence(
            sum(row.due for row in money) // 100,
            sum(row.delivered for row in money) // 100,
        ),
    ]
    return [item for item in found if item is not None]


def participation_feedback(focus_area: FocusArea) -> Fraction | None:
    """The share of reporters told what happened to their report ("responded to")."""
    return reports.figures_for(focus_area).feedback_share


def live_evidence(
    focus_area: FocusArea, kind: str, today: datetime.date
) -> list[Evidence]:
    """The evidence a scan of this kind would keep if it were closed today."""
    if kind == ScanKind.HEALTH_CHECK:
        return health_evidence(focus_area, today)
    found = feedback_evidence(participation_feedback(focus_area), factor="responded_to")
    return [found] if found is not None else []


def evidence_to_json(evidence: Iterable[Evidence]) -> list[dict[str, Any]]:
    """Evidence as stored with a closed scan (scores as exact fractions)."""
    return [
        {
            "key": item.key,
            "factor": item.factor,
            "score": str(item.score),
            "figures": dict(item.figures),
        }
        for item in evidence
    ]


def evidence_from_json(rows: Iterable[dict[str, Any]]) -> list[Evidence]:
    """The stored evidence of a closed scan, back as core values."""
    return [
        Evidence(
            row["key"],
            row["factor"],
            Fraction(row["score"]),
            tuple(sorted((str(k), int(v)) for k, v in row["figures"].items())),
        )
        for row in rows
    ]


# Scans.


def scans_of(focus_area: FocusArea, kind: str) -> QuerySet[Scan]:
    """The area's scans of one kind, latest year first, with their respondents."""
    return (
        Scan.objects.filter(focus_area=focus_area, kind=kind)
        .annotate(respondents=Count("answers__respondent", distinct=True))
        .order_by("-year")
    )


def scan_in(focus_area: FocusArea, kind: str, year: int) -> Scan | None:
    """One scan of the area, or None (the caller answers 404)."""
    return Scan.objects.filter(focus_area=focus_area, kind=kind, year=year).first()


def answers_by_respondent(scans: Iterable[Scan]) -> dict[int, list[dict[str, int]]]:
    """Per scan id, one mapping of statement to answer per respondent."""
    ids = [scan.pk for scan in scans]
    grouped: dict[int, dict[int, dict[str, int]]] = {pk: {} for pk in ids}
    for scan_id, respondent_id, question, value in Answer.objects.filter(
        scan_id__in=ids
    ).values_list("scan_id", "respondent_id", "question", "value"):
        grouped[scan_id].setdefault(respondent_id, {})[question] = value
    return {pk: list(people.values()) for pk, people in grouped.items()}


def answers_of(scan: Scan, respondent: User) -> dict[str, int]:
    """One person's own answers to a scan, to fill the form again."""
    return dict(
        Answer.objects.filter(scan=scan, respondent=respondent).values_list(
            "question", "value"
        )
    )


def _score(
    scan: Scan, answers: list[dict[str, int]], evidence: list[Evidence]
) -> ScanResult:
    return scan_score(FACTORS[scan.kind], QUESTIONS[scan.kind], answers, evidence)


def evidence_of(scan: Scan, today: datetime.date) -> list[Evidence]:
    """The evidence kept at closing, or today's while the scan is open."""
    if scan.is_open:
        return live_evidence(scan.focus_area, scan.kind, today)
    return evidence_from_json(scan.evidence)


def result_of(scan: Scan, today: datetime.date) -> ScanResult:
    """The scored scan: everyone's answers with its evidence."""
    answers = answers_by_respondent([scan])[scan.pk]
    return _score(scan, answers, evidence_of(scan, today))


def trend_of(
    focus_area: FocusArea, kind: str, today: datetime.date, *, up_to: int | None = None
) -> tuple[FactorTrend, ...]:
    """Each factor's score per year of this kind of scan, up to a year."""
    scans = [
        scan
        for scan in Scan.objects.filter(focus_area=focus_area, kind=kind)
        if up_to is None or scan.year <= up_to
    ]
    answers = answers_by_respondent(scans)
    scores = {}
    for scan in scans:
        result = _score(scan, answers[scan.pk], evidence_of(scan, today))
        scores[scan.year] = {item.factor: item.score for item in result.factors}
    return yearly_trend(FACTORS[kind], scores)


# Working-style profiles.


def profile_years_of(focus_area: FocusArea) -> list[int]:
    """The years in which partners of the area filled in a profile, latest first."""
    return sorted(
        set(
            StyleProfile.objects.filter(focus_area=focus_area).values_list(
                "year", flat=True
            )
        ),
        reverse=True,
    )


def style_profiles_of(focus_area: FocusArea, year: int) -> QuerySet[StyleProfile]:
    """The partners' profiles of one year, by organisation name."""
    return (
        StyleProfile.objects.filter(focus_area=focus_area, year=year)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def comparison_of(profiles: Iterable[StyleProfile]) -> ProfileComparison | None:
    """The partners side by side; None when no partner filled one in."""
    rows = {profile.organisation.name: profile.sliders for profile in profiles}
    return compare_profiles(rows) if rows else None


def style_profile_in(
    focus_area: FocusArea, organisation: Organisation, year: int
) -> StyleProfile | None:
    """The organisation's profile of the year, if it filled one in."""
    return StyleProfile.objects.filter(
        focus_area=focus_area, organisation=organisation, year=year
    ).first()


def profile_partners_of(focus_area: FocusArea) -> QuerySet[Organisation]:
    """The organisations that can fill in a profile: those with a role in the area."""
    return programme.partners_in(focus_area)


# National: aggregates only.


@dataclass(frozen=True)
class NationalScanRow:
    """One area's latest closed scan of a kind: counts and scores, no answers."""

    focus_area: FocusArea
    kind: str
    year: int
    respondents: int
    overall: Fraction | None
    weakest: tuple[str, ...]


def national_mirror_overview(today: datetime.date) -> dict[str, Any]:
    """Per area the latest closed scan's scores, and how often each profile occurs."""
    latest: dict[tuple[int, str], Scan] = {}
    for scan in (
        Scan.objects.filter(closed_on__isnull=False)
        .select_related("focus_area")
        .order_by("focus_area__name", "kind", "year")
    ):
        latest[(scan.focus_area_id, scan.kind)] = scan
    answers = answers_by_respondent(latest.values())
    rows = []
    for scan in latest.values():
        result = _score(scan, answers[scan.pk], evidence_from_json(scan.evidence))
        rows.append(
            NationalScanRow(
                scan.focus_area,
                scan.kind,
                scan.year,
                result.respondents,
                result.overall,
                result.weakest,
            )
        )
    profiles: dict[str, int] = defaultdict(int)
    latest_year: dict[int, int] = {}
    for area_id, year in StyleProfile.objects.values_list("focus_area_id", "year"):
        latest_year[area_id] = max(year, latest_year.get(area_id, year))
    for profile in StyleProfile.objects.select_related("organisation"):
        if latest_year[profile.focus_area_id] == profile.year:
            profiles[working_style_profile(profile.sliders).profile] += 1
    return {"scans": rows, "profiles": dict(profiles)}
