# SPDX-License-Identifier: EUPL-1.2
"""Name the weak spots of a programme plan.

A plan should be concrete, additional, coherent and long-term. This check
looks for the faults that reviews of area programmes keep finding: measures
that serve no goal, goals without a measure or without an indicator, regular
work presented as additional, partners who commit nothing, a programme that
ends before its goals are due, a national goal nobody works on, and too many
measures per goal (the *projectencarrousel*).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from wijkaanpak.core.programme.model import NATIONAL_GOALS, NationalGoal

__all__ = [
    "Finding",
    "FindingKind",
    "Plan",
    "PlanGoal",
    "PlanMeasure",
    "coherence_check",
]

FindingKind = Literal[
    "national_goal_without_goal",
    "goal_without_indicator",
    "goal_without_measure",
    "measure_without_goal",
    "additional_without_reason",
    "additional_started_before_programme",
    "partner_without_commitment",
    "goal_beyond_horizon",
    "measure_beyond_horizon",
    "too_many_measures",
]


@dataclass(frozen=True, slots=True)
class PlanGoal:
    """A goal as the check sees it.

    Attributes
    ----------
    key : str
        Identifier, shown back in findings.
    national_goal : str
        The national goal it serves.
    has_indicator : bool
        Whether an indicator measures it.
    target_year : int
        Its deadline.
    """

    key: str
    national_goal: NationalGoal
    has_indicator: bool
    target_year: int


@dataclass(frozen=True, slots=True)
class PlanMeasure:
    """A measure as the check sees it.

    Attributes
    ----------
    key : str
        Identifier, shown back in findings.
    goal_keys : frozenset of str
        The goals it serves.
    is_additional : bool
        Presented as additional ("better, more or different").
    additional_reason : str
        Why it is additional; empty when none is given.
    start_year, end_year : int
        When it runs.
    """

    key: str
    goal_keys: frozenset[str]
    is_additional: bool
    additional_reason: str
    start_year: int
    end_year: int


@dataclass(frozen=True, slots=True)
class Plan:
    """The parts of a programme plan the check needs.

    Attributes
    ----------
    goals : sequence of PlanGoal
        The goals.
    measures : sequence of PlanMeasure
        The measures.
    partners : sequence of str
        The partners of the alliance.
    committed_partners : frozenset of str
        The partners with at least one commitment.
    start_year : int
        The year the programme started.
    end_year : int or None
        The programme horizon, if set.
    measures_per_goal_limit : int
        More measures than this on one goal is a carousel.
    """

    goals: Sequence[PlanGoal]
    measures: Sequence[PlanMeasure]
    partners: Sequence[str]
    committed_partners: frozenset[str]
    start_year: int
    end_year: int | None
    measures_per_goal_limit: int = 5


@dataclass(frozen=True, slots=True)
class Finding:
    """One weak spot: what kind, and which goal, measure or partner it concerns.

    Attributes
    ----------
    kind : str
        One of :data:`FindingKind`.
    subject : str
        The key of the goal, measure or partner; the national goal for
        ``national_goal_without_goal``.
    count : int
        For ``too_many_measures``, the number of measures; otherwise 0.
    """

    kind: FindingKind
    subject: str
    count: int = 0


def coherence_check(plan: Plan) -> tuple[Finding, ...]:
    """Return the weak spots of a plan, grouped by kind in a fixed order.

    Parameters
    ----------
    plan : Plan
        Goals, measures, partners and the programme horizon.

    Returns
    -------
    tuple of Finding
        Empty for a coherent plan. Within a kind, subjects keep the plan's
        order.

    Examples
    --------
    >>> goal = PlanGoal("werk", "perspective", True, 2030)
    >>> measure = PlanMeasure("coach", frozenset({"werk"}), True, "", 2022, 2026)
    >>> plan = Plan(
    ...     goals=[goal],
    ...     measures=[measure],
    ...     partners=["gemeente", "politie"],
    ...     committed_partners=frozenset({"gemeente"}),
    ...     start_year=2022,
    ...     end_year=2026,
    ... )
    >>> [(finding.kind, finding.subject) for finding in coherence_check(plan)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('national_goal_without_goal', 'physical'),
     ('national_goal_without_goal', 'safety'),
     ('additional_without_reason', 'coach'),
     ('partner_without_commitment', 'politie'),
     ('goal_beyond_horizon', 'werk')]
    """
    findings: list[Finding] = []
    served = {goal.national_goal for goal in plan.goals}
    findings += [
        Finding("national_goal_without_goal", national_goal)
        for national_goal in NATIONAL_GOALS
        if national_goal not in served
    ]
    findings += [
        Finding("goal_without_indicator", goal.key)
        for goal in plan.goals
        if not goal.has_indicator
    ]
    goal_keys = {goal.key for goal in plan.goals}
    per_goal = Counter(
        key for measure in plan.measures for key in measure.goal_keys & goal_keys
    )
    findings += [
        Finding("goal_without_measure", goal.key)
        for goal in plan.goals
        if per_goal[goal.key] == 0
    ]
    findings += [
        Finding("measure_without_goal", measure.key)
        for measure in plan.measures
        if not measure.goal_keys & goal_keys
    ]
    findings += [
        Finding("additional_without_reason", measure.key)
        for measure in plan.measures
        if measure.is_additional and not measure.additional_reason.strip()
    ]
    # Work that ran before the programme began is regular work, whatever the
    # plan calls it now.
    findings += [
        Finding("additional_started_before_programme", measure.key)
        for measure in plan.measures
        if measure.is_additional and measure.start_year < plan.start_year
    ]
    findings += [
        Finding("partner_without_commitment", partner)
        for partner in plan.partners
        if partner not in plan.committed_partners
    ]
    if plan.end_year is not None:
        end = plan.end_year
        findings += [
            Finding("goal_beyond_horizon", goal.key)
            for goal in plan.goals
            if goal.target_year > end
        ]
        findings += [
            Finding("measure_beyond_horizon", measure.key)
            for measure in plan.measures
            if measure.end_year > end
        ]
    findings += [
        Finding("too_many_measures", goal.key, per_goal[goal.key])
        for goal in plan.goals
        if per_goal[goal.key] > plan.measures_per_goal_limit
    ]
    return tuple(findings)
