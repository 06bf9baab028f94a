# SPDX-License-Identifier: EUPL-1.2
"""The health check: the alliance's practice held against the lessons learned.

Fifteen years of area-based programmes taught which factors make or break
them. The health check asks the alliance two statements per factor and adds
the evidence the platform holds: the size of the alliance and its stand-ins
without mandate, the share of measures with a stop criterion and of goals with
a measurable target, the time to fix residents' reports and the share of
reporters who heard back, overdue homework, and promised against delivered
money. Evidence turns a figure into a score on the five-point scale by a rule
stated with each function, so the alliance can see why a figure counts as
weak.

Out comes the scored scan (:func:`~wijkaanpak.core.mirror.scoring.scan_score`)
and, for the three weakest factors, concrete next steps: first the ones the
weak evidence points to, then the factor's general step.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

from wijkaanpak.core.mirror.scoring import (
    Evidence,
    Question,
    ScanResult,
    scan_score,
    share_score,
)

__all__ = [
    "HEALTH_FACTORS",
    "HEALTH_QUESTIONS",
    "SMALL_ALLIANCE",
    "NextStep",
    "alliance_size_evidence",
    "delivery_evidence",
    "feedback_evidence",
    "health_check",
    "homework_evidence",
    "mandate_evidence",
    "measurable_goals_evidence",
    "next_steps",
    "stop_criteria_evidence",
    "time_to_fix_evidence",
]

#: The success and failure factors, in the order the report lists them.
HEALTH_FACTORS: tuple[str, ...] = (
    "visible_problems_first",
    "concrete_problems",
    "independent_bureau",
    "front_line_together",
    "businesses_involved",
    "youth_and_crime",
    "action_oriented_alliance",
    "residents_doing",
    "unequal_investment",
    "long_term_story",
    "small_alliance_with_mandate",
    "concrete_goals",
    "stop_criteria",
)

#: Two statements per factor, keyed ``<factor>_<n>``.
HEALTH_QUESTIONS: tuple[Question, ...] = tuple(
    Question(f"{factor}_{number}", factor)
    for factor in HEALTH_FACTORS
    for number in (1, 2)
)

#: An alliance of at most this many members can still decide together.
SMALL_ALLIANCE = 10

#: Evidence below this score (the middle of the scale) is a weak spot.
WEAK_EVIDENCE = Fraction(3)


@dataclass(frozen=True, slots=True)
class NextStep:
    """A concrete step for one of the weakest factors.

    Attributes
    ----------
    factor : str
        The weak factor.
    evidence : str or None
        The key of the weak figure the step follows from; None for the
        factor's general step.
    figures : tuple of (str, int)
        The figures the step's sentence names.
    """

    factor: str
    evidence: str | None = None
    figures: tuple[tuple[str, int], ...] = ()

    @property
    def figure_map(self) -> dict[str, int]:
        """The figures as a dictionary, for placeholders in a sentence."""
        return dict(self.figures)


def _banded(value: int, bands: Sequence[int]) -> Fraction:
    """Score 5 at or below ``bands[0]``, 4 at or below ``bands[1]``, and so on."""
    for index, limit in enumerate(bands):
        if value <= limit:
            return Fraction(5 - index)
    return Fraction(1)


def alliance_size_evidence(members: int) -> Evidence:
    """Score the size of the alliance: small enough to decide together.

    Parameters
    ----------
    members : int
        The alliance's members (people at the table).

    Returns
    -------
    Evidence
        5 up to :data:`SMALL_ALLIANCE`, 4 up to 12, 3 up to 15, 2 up to 20,
        else 1. An alliance without members scores 1: nobody decides.

    Examples
    --------
    >>> alliance_size_evidence(9).score, alliance_size_evidence(14).score
    (Fraction(5, 1), Fraction(3, 1))
    """
    if members < 0:
        raise ValueError("an alliance cannot have fewer than no members")
    score = _banded(members, (SMALL_ALLIANCE, 12, 15, 20)) if members else Fraction(1)
    return Evidence(
        "alliance_size",
        "small_alliance_with_mandate",
        score,
        (("members", members), ("limit", SMALL_ALLIANCE)),
    )


def mandate_evidence(members: int, without_mandate: int) -> Evidence | None:
    """Score the share of alliance members who may decide for their organisation.

    Parameters
    ----------
    members : int
        The alliance's members.
    without_mandate : int
        Of them, stand-ins who cannot decide for their organisation.

    Returns
    -------
    Evidence or None
        1 plus 4 times the share with mandate; None without members.

    Examples
    --------
    >>> mandate_evidence(8, 2).score
    Fraction(4, 1)
    """
    if not 0 <= without_mandate <= members:
        raise ValueError("stand-ins without mandate are some of the members")
    if members == 0:
        return None
    return Evidence(
        "mandate",
        "small_alliance_with_mandate",
        share_score(Fraction(members - without_mandate, members)),
        (("members", members), ("without_mandate", without_mandate)),
    )


def stop_criteria_evidence(measures: int, with_stop_criteria: int) -> Evidence | None:
    """Score the share of measures with an agreed stop criterion.

    Parameters
    ----------
    measures : int
        The programme's measures.
    with_stop_criteria : int
        Of them, those with at least one stop criterion.

    Returns
    -------
    Evidence or None
        1 plus 4 times the share; None when there are no measures.

    Examples
    --------
    >>> stop_criteria_evidence(4, 1).score
    Fraction(2, 1)
    """
    if not 0 <= with_stop_criteria <= measures:
        raise ValueError("measures with a stop criterion are some of the measures")
    if measures == 0:
        return None
    return Evidence(
        "stop_criteria",
        "stop_criteria",
        share_score(Fraction(with_stop_criteria, measures)),
        (("measures", measures), ("without", measures - with_stop_criteria)),
    )


def measurable_goals_evidence(goals: int, measurable: int) -> Evidence | None:
    """Score the share of goals with an indicator, a baseline and a target.

    Parameters
    ----------
    goals : int
        The programme's goals.
    measurable : int
        Of them, those with a baseline and a target on an indicator.

    Returns
    -------
    Evidence or None
        1 plus 4 times the share; None when there are no goals.

    Examples
    --------
    >>> measurable_goals_evidence(3, 3).score
    Fraction(5, 1)
    """
    if not 0 <= measurable <= goals:
        raise ValueError("measurable goals are some of the goals")
    if goals == 0:
        return None
    return Evidence(
        "measurable_goals",
        "concrete_goals",
        share_score(Fraction(measurable, goals)),
        (("goals", goals), ("without", goals - measurable)),
    )


def time_to_fix_evidence(median: timedelta | None) -> Evidence | None:
    """Score the median time from a resident's report to a verified fix.

    Parameters
    ----------
    median : timedelta or None
        The median time to fix; None when nothing was fixed yet.

    Returns
    -------
    Evidence or None
        5 within a week, 4 within two, 3 within four, 2 within eight weeks,
        else 1 (counted in started days).

    Examples
    --------
    >>> time_to_fix_evidence(timedelta(days=10, hours=2)).score
    Fraction(4, 1)
    """
    if median is None:
        return None
    if median < timedelta(0):
        raise ValueError("a time to fix cannot be negative")
    days = median.days + (1 if median % timedelta(days=1) else 0)
    return Evidence(
        "time_to_fix",
        "visible_problems_first",
        _banded(days, (7, 14, 28, 56)),
        (("days", days),),
    )


def feedback_evidence(
    share: Fraction | None, *, factor: str = "visible_problems_first"
) -> Evidence | None:
    """Score the share of reporters who were told what happened to their report.

    Parameters
    ----------
    share : Fraction or None
        Of the reports with an outcome, the share told the outcome.
    factor : str
        The factor or dimension the figure counts for.

    Returns
    -------
    Evidence or None
        1 plus 4 times the share; None without reports with an outcome.

    Examples
    --------
    >>> feedback_evidence(Fraction(3, 4)).figure_map
    {'percent': 75}
    """
    if share is None:
        return None
    return Evidence(
        "feedback",
        factor,
        share_score(share),
        (("percent", round(share * 100)),),
    )


def homework_evidence(due: int, overdue: int) -> Evidence | None:
    """Score the alliance's homework: agreed actions done by their date.

    Parameters
    ----------
    due : int
        Homework items whose due date has passed.
    overdue : int
        Of them, items still not done.

    Returns
    -------
    Evidence or None
        1 plus 4 times the share done; None when nothing was due yet.

    Examples
    --------
    >>> homework_evidence(10, 5).score
    Fraction(3, 1)
    """
    if not 0 <= overdue <= due:
        raise ValueError("overdue homework is some of the homework due")
    if due == 0:
        return None
    return Evidence(
        "homework",
        "action_oriented_alliance",
        share_score(Fraction(due - overdue, due)),
        (("due", due), ("overdue", overdue)),
    )


def delivery_evidence(due_euros: int, delivered_euros: int) -> Evidence | None:
    """Score the money partners delivered against what was due by now.

    Parameters
    ----------
    due_euros : int
        Money promised for the years up to now.
    delivered_euros : int
        Money delivered; more than due counts as all.

    Returns
    -------
    Evidence or None
        1 plus 4 times the delivered share (at most 1); None when nothing
        was due.

    Examples
    --------
    >>> delivery_evidence(200_000, 150_000).score
    Fraction(4, 1)
    """
    if due_euros < 0 or delivered_euros < 0:
        raise ValueError("money due and delivered cannot be negative")
    if due_euros == 0:
        return None
    return Evidence(
        "delivery",
        "action_oriented_alliance",
        share_score(min(Fraction(1), Fraction(delivered_euros, due_euros))),
        (("due", due_euros), ("delivered", delivered_euros)),
    )


def health_check(
    answers: Sequence[Mapping[str, int]], evidence: Sequence[Evidence | None] = ()
) -> ScanResult:
    """Score a health check.

    Parameters
    ----------
    answers : sequence of mapping of str to int
        One mapping per respondent, from statement key to an answer 1-5.
    evidence : sequence of Evidence or None
        The platform's figures; None (no data) is left out.

    Returns
    -------
    ScanResult
        The scored health check.

    Examples
    --------
    >>> result = health_check([{"stop_criteria_1": 4}], [stop_criteria_evidence(5, 0)])
    >>> result.score_of("stop_criteria"), result.weakest
    (Fraction(75, 2), ('stop_criteria',))
    """
    return scan_score(
        HEALTH_FACTORS,
        HEALTH_QUESTIONS,
        answers,
        [item for item in evidence if item is not None],
    )


def next_steps(result: ScanResult) -> tuple[NextStep, ...]:
    """Concrete next steps for the weakest factors, weakest first.

    Parameters
    ----------
    result : ScanResult
        A scored health check.

    Returns
    -------
    tuple of NextStep
        Per weak factor: a step for each weak piece of evidence (below 3),
        weakest evidence first, then the factor's general step.

    Examples
    --------
    >>> result = health_check([], [stop_criteria_evidence(5, 1)])
    >>> [(step.factor, step.evidence) for step in next_steps(result)]
    [('stop_criteria', 'stop_criteria'), ('stop_criteria', None)]
    """
    steps: list[NextStep] = []
    by_factor = {item.factor: item for item in result.factors}
    for factor in result.weakest:
        weak = sorted(
            (e for e in by_factor[factor].evidence if e.score < WEAK_EVIDENCE),
            key=lambda e: e.score,
        )
        steps.extend(NextStep(factor, e.key, e.figures) for e in weak)
        steps.append(NextStep(factor))
    return tuple(steps)
