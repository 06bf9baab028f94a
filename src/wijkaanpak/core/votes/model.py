# SPDX-License-Identifier: EUPL-1.2
"""Plain types of a budget vote: projects, ballots, the election and its outcome.

A vote (*stemming*) asks residents which projects to fund from one budget. The
amounts are integers in the currency unit of the vote (euro cents in our own
votes, whole euros or zlotys in many pabulib files): rules divide only through
:class:`fractions.Fraction`, so two machines always agree on the winners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

__all__ = [
    "Allocation",
    "Ballot",
    "Decision",
    "Election",
    "Payment",
    "Project",
    "Step",
    "VoteType",
]

#: The kinds of ballot a vote can use (the names of the pabulib format).
VoteType = Literal["approval", "choose-1", "cumulative", "ordinal"]

#: What a rule decided about one project.
Decision = Literal[
    "funded", "does not fit", "not affordable", "no support", "not reached"
]


@dataclass(frozen=True, slots=True)
class Project:
    """A proposal residents can vote for.

    Parameters
    ----------
    id : str
        The identifier, unique in the election (the ``project_id`` of a
        pabulib file).
    cost : int
        What the project costs, in the currency unit of the election.
    name : str
        A title for people; rules ignore it.

    Examples
    --------
    >>> Project("speeltuin", cost=40_000, name="Nieuwe speeltuin").cost
    40000
    """

    id: str
    cost: int
    name: str = ""


@dataclass(frozen=True, slots=True)
class Ballot:
    """The vote of one resident.

    Every kind of ballot has the set of projects the resident supports
    (``approved``); the rules of this package with cost satisfaction look at
    that set only. Cumulative ballots keep their points, ranked ballots their
    order, so that other rules and an export lose nothing.

    Parameters
    ----------
    approved : frozenset of str
        The ids of the projects the resident supports.
    points : tuple of (str, int)
        For cumulative ballots: ``(project id, points)`` in the order given.
    ranking : tuple of str
        For ranked ballots: project ids, most preferred first.

    Examples
    --------
    >>> Ballot(frozenset({"bomen", "bankjes"})).supports("bomen")
    True
    >>> Ballot.from_points([("bomen", 3), ("bankjes", 2)]).approved == {
    ...     "bomen",
    ...     "bankjes",
    ... }
    True
    """

    approved: frozenset[str]
    points: tuple[tuple[str, int], ...] = ()
    ranking: tuple[str, ...] = ()

    @classmethod
    def from_points(cls, points: Sequence[tuple[str, int]]) -> Ballot:
        """Return a cumulative ballot; every project given points is supported.

        Parameters
        ----------
        points : sequence of (str, int)
            ``(project id, points)`` pairs.

        Returns
        -------
        Ballot
            The ballot, with ``approved`` the projects named.

        Examples
        --------
        >>> Ballot.from_points([("a", 2)]).points
        (('a', 2),)
        """
        return cls(frozenset(pid for pid, _ in points), points=tuple(points))

    @classmethod
    def from_ranking(cls, ranking: Sequence[str]) -> Ballot:
        """Return a ranked ballot; every ranked project is supported.

        Parameters
        ----------
        ranking : sequence of str
            Project ids, most preferred first.

        Returns
        -------
        Ballot
            The ballot, with ``approved`` the projects ranked.

        Examples
        --------
        >>> Ballot.from_ranking(["b", "a"]).ranking
        ('b', 'a')
        """
        return cls(frozenset(ranking), ranking=tuple(ranking))

    def supports(self, project_id: str) -> bool:
        """Return whether the resident supports the project.

        Parameters
        ----------
        project_id : str
            The id of a project.

        Returns
        -------
        bool
            True when the project is among the approved ones.

        Examples
        --------
        >>> Ballot(frozenset({"a"})).supports("b")
        False
        """
        return project_id in self.approved


@dataclass(frozen=True, slots=True)
class Election:
    """A vote: the projects, the ballots and the budget.

    Parameters
    ----------
    projects : tuple of Project
        The projects in the order listed (on the ballot paper, in the file).
    ballots : tuple of Ballot
        One ballot per resident who voted, empty ballots included: every
        voter counts when equal shares divides the budget.
    budget : int
        The money available, in the currency unit of the projects.
    vote_type : VoteType
        The kind of ballot used.

    Examples
    --------
    >>> election = Election(
    ...     (Project("a", 10), Project("b", 20)),
    ...     (Ballot(frozenset({"a"})),),
    ...     budget=25,
    ... )
    >>> election.project("b").cost
    20
    """

    projects: tuple[Project, ...]
    ballots: tuple[Ballot, ...]
    budget: int
    vote_type: VoteType = "approval"

    def project(self, project_id: str) -> Project:
        """Return the project with this id.

        Parameters
        ----------
        project_id : str
            The id of a project of the election.

        Returns
        -------
        Project
            The project.

        Raises
        ------
        KeyError
            When no project has this id.

        Examples
        --------
        >>> Election((Project("a", 1),), (), budget=1).project("a").id
        'a'
        """
        for project in self.projects:
            if project.id == project_id:
                return project
        raise KeyError(project_id)


@dataclass(frozen=True, slots=True)
class Payment:
    """What a group of supporters paid for a project under equal shares.

    Parameters
    ----------
    voters : int
        How many supporters paid this amount each.
    amount : Fraction
        What each of them paid, in the currency unit of the election.
    """

    voters: int
    amount: Fraction


@dataclass(frozen=True, slots=True)
class Step:
    """One decision of a rule, kept so the outcome can be explained.

    Parameters
    ----------
    project : str
        The project id.
    support : int
        How many ballots support the project.
    decision : Decision
        What the rule decided.
    round : int or None
        For funded projects, the position in the order of funding (from 1).
    payments : tuple of Payment
        Under equal shares, who paid for a funded project; the amounts add up
        to its cost.
    lacking : Fraction or None
        Under equal shares, for a project that was not funded: how much money
        its supporters lacked at the end, or None when they could pay for it
        but the rule preferred other projects until the budget ran out.
    """

    project: str
    support: int
    decision: Decision
    round: int | None = None
    payments: tuple[Payment, ...] = ()
    lacking: Fraction | None = None


@dataclass(frozen=True, slots=True)
class Allocation:
    """The outcome of a rule: the funded projects and the reasons.

    Parameters
    ----------
    funded : tuple of str
        The ids of the funded projects, in the order the rule funded them.
    steps : tuple of Step
        One step per project of the election, in the listed order.
    rule : str
        The rule and completion that produced the outcome.
    budget_per_voter : Fraction or None
        Under equal shares, the share of each voter in the run that gave the
        outcome (with ``add1`` larger than the budget divided by the voters).
    """

    funded: tuple[str, ...]
    steps: tuple[Step, ...]
    rule: str = ""
    budget_per_voter: Fraction | None = field(default=None)

    def cost(self, election: Election) -> int:
        """Return the total cost of the funded projects.

        Parameters
        ----------
        election : Election
            The election the outcome belongs to.

        Returns
        -------
        int
            The sum of the costs.

        Examples
        --------
        >>> election = Election((Project("a", 7),), (), budget=10)
        >>> Allocation(("a",), ()).cost(election)
        7
        """
        costs = {project.id: project.cost for project in election.projects}
        return sum(costs[project_id] for project_id in self.funded)
