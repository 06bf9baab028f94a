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
    "BoughtWithShares",
    "Decision",
    "DidNotFit",
    "Election",
    "Explanation",
    "FundedInOrder",
    "NoSupport",
    "Payment",
    "Payments",
    "PhragmenBought",
    "PhragmenStopped",
    "Project",
    "SharesFellShort",
    "Step",
    "VoteType",
    "ZeroCost",
]

#: The kinds of ballot a vote can use (the names of the pabulib format).
VoteType = Literal["approval", "choose-1", "cumulative", "ordinal"]

#: What a rule decided about one project.
Decision = Literal[
    "funded",
    "does not fit",
    "not affordable",
    "no support",
    "not reached",
    "zero cost",
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
    """What a group of supporters paid for a project, each the same amount.

    Parameters
    ----------
    voters : int
        How many supporters paid this amount each.
    amount : Fraction
        What each of them paid, in the currency unit of the election.
    ballots : tuple of int
        Who they are: the positions of their ballots in the sequence of
        ballots given to the rule (from 0).
    """

    voters: int
    amount: Fraction
    ballots: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Payments:
    """Who paid for a funded project, with the figures a page can chart.

    Parameters
    ----------
    supporters : int
        How many ballots support the project.
    paying : int
        How many of them paid more than nothing.
    total : Fraction
        What they paid together (under equal shares and Phragmén exactly
        the cost of the project).
    largest : Fraction
        The most one supporter paid.
    groups : tuple of Payment
        The supporters grouped by amount, smallest amount first (zero
        included when some supporters had nothing left).
    """

    supporters: int
    paying: int
    total: Fraction
    largest: Fraction
    groups: tuple[Payment, ...]

    @classmethod
    def of(cls, groups: Sequence[Payment]) -> Payments:
        """Return the summary of payment groups.

        Parameters
        ----------
        groups : sequence of Payment
            The groups, smallest amount first.

        Returns
        -------
        Payments
            The groups with their totals.

        Examples
        --------
        >>> summary = Payments.of([Payment(1, Fraction(5)), Payment(2, Fraction(10))])
        >>> summary.supporters, summary.total, summary.largest
        (3, Fraction(25, 1), Fraction(10, 1))
        """
        return cls(
            supporters=sum(group.voters for group in groups),
            paying=sum(group.voters for group in groups if group.amount > 0),
            total=sum((group.voters * group.amount for group in groups), Fraction(0)),
            largest=max((group.amount for group in groups), default=Fraction(0)),
            groups=tuple(groups),
        )


@dataclass(frozen=True, slots=True)
class BoughtWithShares:
    """Why a project won under equal shares: its supporters bought it.

    Parameters
    ----------
    round : int
        The round it was bought in (from 1).
    price : Fraction
        The price per supporter: supporters holding at least this much paid
        it, the others paid all they still held.
    payments : Payments
        Who paid what; the amounts add up to the cost.
    """

    round: int
    price: Fraction
    payments: Payments
    kind: Literal["bought with shares"] = "bought with shares"


@dataclass(frozen=True, slots=True)
class SharesFellShort:
    """Why a supported project lost under equal shares: too little money.

    Parameters
    ----------
    left : Fraction
        What its supporters still held together at the end.
    lacking : Fraction
        ``cost - left``, always more than zero: the money its supporters
        lacked.
    least_price : Fraction
        ``cost / supporters``: the least each supporter would have had to
        pay if all paid the same. More than the share per voter means that
        its supporters could never buy it, however the others voted.
    unaffordable_from_round : int
        The round whose purchase left its supporters with less than its cost
        (0: they never held it, not even at the start).
    outbid_by : tuple of str
        The projects bought in the rounds before that, while it was still
        affordable: each cost its supporters less per unit of cost.
    """

    left: Fraction
    lacking: Fraction
    least_price: Fraction
    unaffordable_from_round: int
    outbid_by: tuple[str, ...]
    kind: Literal["shares fell short"] = "shares fell short"


@dataclass(frozen=True, slots=True)
class FundedInOrder:
    """Why a project won under greedy counting: its turn came and it fitted.

    Parameters
    ----------
    round : int
        Its place in the order of funding (from 1).
    remaining : int
        The budget left just before it was funded.
    completion : bool
        True when it was funded by the greedy pass after equal shares
        (completion ``add1-greedy``), with the money equal shares left.
    """

    round: int
    remaining: int
    completion: bool = False
    kind: Literal["funded in order"] = "funded in order"


@dataclass(frozen=True, slots=True)
class DidNotFit:
    """Why a project lost under greedy counting: the money was gone.

    Parameters
    ----------
    remaining : int
        The budget left when its turn came.
    lacking : int
        ``cost - remaining``, more than zero.
    funded_before : tuple of str
        The projects with more votes (or as many, earlier in the
        tie-breaking order) that were funded before its turn.
    """

    remaining: int
    lacking: int
    funded_before: tuple[str, ...]
    kind: Literal["did not fit"] = "did not fit"


@dataclass(frozen=True, slots=True)
class PhragmenBought:
    """Why a project won under Phragmén: its supporters' earnings paid for it.

    Parameters
    ----------
    round : int
        The round it was bought in (from 1).
    time : Fraction
        The moment its supporters together had earned its cost (every voter
        earns one unit per unit of time); each supporter's load is now this.
    payments : Payments
        Who paid what: each supporter the money earned since her last
        purchase.
    """

    round: int
    time: Fraction
    payments: Payments
    kind: Literal["bought with earnings"] = "bought with earnings"


@dataclass(frozen=True, slots=True)
class PhragmenStopped:
    """Why a project lost under Phragmén.

    Parameters
    ----------
    remaining : int
        The budget left when the rule stopped.
    lacking : int
        ``cost - remaining`` when it did not fit any more, else 0.
    time : Fraction or None
        When its supporters would have earned its cost at the stop (later
        than every funded project); None without supporters.
    stopped_by : str or None
        The project whose turn it was when the rule stopped, because that
        one no longer fitted; None when no project was left.
    """

    remaining: int
    lacking: int
    time: Fraction | None
    stopped_by: str | None
    kind: Literal["stopped"] = "stopped"


@dataclass(frozen=True, slots=True)
class NoSupport:
    """Why a project lost: no ballot supports it."""

    kind: Literal["no support"] = "no support"


@dataclass(frozen=True, slots=True)
class ZeroCost:
    """Why equal shares skipped a project: it costs nothing.

    Under cost satisfaction a project without cost satisfies nobody, so
    equal shares never buys it; only a greedy completion can fund it.
    """

    kind: Literal["zero cost"] = "zero cost"


#: The reason a rule gives for one project.
Explanation = (
    BoughtWithShares
    | SharesFellShort
    | FundedInOrder
    | DidNotFit
    | PhragmenBought
    | PhragmenStopped
    | NoSupport
    | ZeroCost
)


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
    explanation : Explanation or None
        Why: typed data a results page can show (who paid what for a
        winner; what a loser lacked, and which projects took the money).
    """

    project: str
    support: int
    decision: Decision
    round: int | None = None
    explanation: Explanation | None = None


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
