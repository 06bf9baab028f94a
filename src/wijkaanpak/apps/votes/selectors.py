# SPDX-License-Identifier: EUPL-1.2
"""Reads of budget votes, and the translation from rows to core types."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any

from django.db.models import QuerySet

from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.votes.models import (
    Ballot,
    BallotKind,
    Feasibility,
    Project,
    Result,
    Rule,
    Vote,
)
from wijkaanpak.core.votes import model as core
from wijkaanpak.core.votes.equal_shares import method_of_equal_shares
from wijkaanpak.core.votes.greedy import greedy_approval
from wijkaanpak.core.votes.phragmen import sequential_phragmen
from wijkaanpak.core.votes.tie_breaking import order_for_ties


def votes_in(focus_area: FocusArea) -> QuerySet[Vote]:
    """The votes of one area, the newest first."""
    return Vote.objects.filter(focus_area=focus_area).select_related("focus_area")


def vote_in(focus_area: FocusArea, pk: int) -> Vote | None:
    """A vote of the area, or None: another area's vote is not there."""
    return votes_in(focus_area).filter(pk=pk).first()


def projects_of(vote: Vote) -> QuerySet[Project]:
    """All proposals of the vote in ballot order, rejected ones included."""
    return Project.objects.filter(vote=vote).select_related("neighbourhood")


def ballot_projects_of(vote: Vote) -> QuerySet[Project]:
    """The projects on the ballot: those the bureau found feasible."""
    return projects_of(vote).filter(feasibility=Feasibility.FEASIBLE)


def result_of(vote: Vote) -> Result | None:
    """The stored result, or None before counting."""
    return Result.objects.filter(vote=vote).first()


def code_counts_of(vote: Vote) -> dict[str, int]:
    """How many codes were printed and how many were used."""
    codes = vote.codes.all()
    return {"issued": codes.count(), "used": codes.filter(used=True).count()}


def _core_ballot(ballot: Ballot, kind: str) -> core.Ballot:
    if kind == BallotKind.CUMULATIVE:
        return core.Ballot.from_points([(str(p), int(n)) for p, n in ballot.points])
    if kind == BallotKind.ORDINAL:
        return core.Ballot.from_ranking([str(p) for p in ballot.ranking])
    return core.Ballot(frozenset(str(p) for p in ballot.approved))


def election_of(vote: Vote) -> core.Election:
    """The vote as the core sees it: feasible projects in ballot order, ballots."""
    projects = tuple(
        core.Project(str(project.pk), cost=project.cost_cents, name=project.title)
        for project in ballot_projects_of(vote)
    )
    ballots = tuple(
        _core_ballot(ballot, vote.ballot_kind)
        for ballot in Ballot.objects.filter(vote=vote).order_by("pk")
    )
    return core.Election(
        projects, ballots, budget=vote.budget_cents, vote_type=vote.ballot_kind
    )


def outcome_of(
    election: core.Election, *, rule: str, completion: str, tie_breaking: str
) -> core.Allocation:
    """Count an election with the stored rule, completion and tie-breaking."""
    projects = order_for_ties(election.projects, tie_breaking)  # type: ignore[arg-type]
    if rule == Rule.GREEDY:
        return greedy_approval(projects, election.ballots, election.budget)
    if rule == Rule.PHRAGMEN:
        return sequential_phragmen(projects, election.ballots, election.budget)
    return method_of_equal_shares(
        projects,
        election.ballots,
        election.budget,
        completion=completion,  # type: ignore[arg-type]
    )


def recount(vote: Vote) -> core.Allocation:
    """Count the vote again from its ballots, with the rule stored with it."""
    return outcome_of(
        election_of(vote),
        rule=vote.rule,
        completion=vote.completion,
        tie_breaking=vote.tie_breaking,
    )


def _plain(value: Any) -> Any:
    """An explanation as JSON: exact amounts as text, and which ballots paid left
    out (the page shows groups, never single ballots)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            item.name: _plain(getattr(value, item.name))
            for item in dataclasses.fields(value)
            if item.name != "ballots"
        }
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(inner) for inner in value]
    return value


def document_of(election: core.Election, outcome: core.Allocation) -> dict[str, Any]:
    """The result as stored: winners and, per project, the rule's reason."""
    steps = {step.project: step for step in outcome.steps}
    return {
        "budget": election.budget,
        "voters": len(election.ballots),
        "funded": list(outcome.funded),
        "cost": outcome.cost(election),
        "budget_per_voter": _plain(outcome.budget_per_voter),
        "projects": [
            {
                "id": project.id,
                "cost": project.cost,
                "support": steps[project.id].support,
                "decision": steps[project.id].decision,
                "round": steps[project.id].round,
                "explanation": _plain(steps[project.id].explanation),
            }
            for project in election.projects
        ],
    }
