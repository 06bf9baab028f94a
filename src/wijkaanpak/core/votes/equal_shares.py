# SPDX-License-Identifier: EUPL-1.2
"""The Method of Equal Shares with cost utilities, and its completions.

Equal shares gives every resident the same part of the budget and lets
groups of residents buy the projects they support with their own parts, so a
group of a fifth of the voters decides about roughly a fifth of the money
instead of losing everything to the majority, as under greedy counting. Assen
(2024) and Wieliczka (2023) decided their budgets with it, completed by
``add1``: raise every part by one unit at a time and keep the last outcome
that still fits the real budget.

The outcome is exact (the same on every machine, and the same as pabutools'
exact arithmetic) and fast: runs compute in floats and take every close
decision again with exact fractions, and ``add1`` jumps over budget
increments that provably cannot change the outcome; see
:mod:`._shares_engine` and ``docs/algorithms/equal-shares.md``. Small
elections are counted in plain Python (:mod:`._shares_pure`), large ones with
NumPy (:mod:`._shares_engine`, imported only then); both give the same
outcome. :mod:`.equal_shares_reference` is the plain version the tests
compare with.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from typing import Literal, Protocol

from wijkaanpak.core.votes import _shares_pure as pure
from wijkaanpak.core.votes.model import (
    Allocation,
    Ballot,
    BoughtWithShares,
    Decision,
    Explanation,
    FundedInOrder,
    NoSupport,
    Payment,
    Payments,
    Project,
    SharesFellShort,
    Step,
    ZeroCost,
)

__all__ = ["Completion", "Engine", "method_of_equal_shares"]

#: The completions of equal shares used in practice.
Completion = Literal["none", "add1", "add1-exhaustive", "add1-greedy"]

#: How to count: the same outcome either way, only the speed differs.
Engine = Literal["auto", "python", "numpy"]

#: From this many (kind of ballot, supported project) pairs on, ``"auto"``
#: counts with NumPy: below it plain Python is faster than importing NumPy
#: (Zurich SN 1,841 and Amsterdam 288 2,903 pairs: Python; Amsterdam 304,
#: 6,853: NumPy, whose runs there are three times faster).
VECTORISE_FROM = 4_000

_Prepared = pure.Prepared


class _Exact(Protocol):
    """The exact state of a run, as both engines give it."""

    def price(self, round_: int) -> Fraction: ...

    def left(self, candidate: int, rounds: int) -> Fraction: ...

    def paid_by(self, round_: int) -> list[tuple[Fraction, tuple[int, ...]]]: ...


class _Run(Protocol):
    """One run of equal shares, as both engines give it."""

    @property
    def share(self) -> Fraction: ...

    @property
    def funded(self) -> list[int]: ...

    @property
    def ratios(self) -> list[float]: ...

    @property
    def exact(self) -> _Exact: ...


@dataclass(frozen=True, slots=True)
class _Counter:
    """One engine bound to one election."""

    prepared: _Prepared
    run: Callable[[Fraction], _Run]
    certify: Callable[[Sequence[int], Sequence[float], Fraction], list[float] | None]


def _counter(
    projects: Sequence[Project], ballots: Sequence[Ballot], engine: Engine
) -> _Counter:
    """Prepare the election for the engine that suits its size."""
    plain = pure.prepare(projects, ballots)
    if engine == "numpy" or (engine == "auto" and plain.memberships >= VECTORISE_FROM):
        from wijkaanpak.core.votes import _shares_engine as vectorised

        arrays = vectorised.vectorise(plain)
        return _Counter(
            plain, partial(vectorised.run, arrays), partial(vectorised.certify, arrays)
        )
    return _Counter(plain, partial(pure.run, plain), partial(pure.certify, plain))


def _spent(prepared: _Prepared, funded: Sequence[int]) -> int:
    return sum(prepared.candidate_cost[c] for c in funded)


def _exhaustive(prepared: _Prepared, funded: Sequence[int], budget: int) -> bool:
    spent = _spent(prepared, funded)
    chosen = {prepared.candidates[c] for c in funded}
    return all(
        spent + prepared.cost[p] > budget for p in prepared.order if p not in chosen
    )


def _add1(counter: _Counter, budget: int, *, stop_when_exhaustive: bool) -> _Run:
    """Raise each voter's share by one unit until the outcome no longer fits.

    Equal to running equal shares at every share ``budget / voters + k`` for
    ``k = 0, 1, ...`` (at most ``budget``, as pabutools) and keeping the last
    outcome that fits; but ranges of ``k`` over which the outcome provably
    stays the same are jumped over (:func:`._shares_engine.certify`), with
    jumps that double while they succeed.
    """
    prepared = counter.prepared
    base = Fraction(budget, prepared.voters)
    last = budget  # pabutools stops at a total of budget * (voters + 1).
    everything = len(prepared.candidates)
    supported_cost = sum(prepared.candidate_cost)
    current = counter.run(base)
    step = 0
    ratios = current.ratios
    # Jumps are tried after a streak of steps with the same outcome, with
    # doubling length while they succeed. A failed jump is retried at half
    # its length (the outcome often changes just before its end); when even
    # a jump of two fails, the next step is run, and a longer streak is
    # needed before the next try, as a failed jump costs about one run.
    jump, streak, patience = 2, 0, 1
    while step < last:
        funded = current.funded
        if stop_when_exhaustive and _exhaustive(prepared, funded, budget):
            break
        if supported_cost <= budget and len(funded) == everything:
            # Every outcome fits, and none after this one can be exhaustive
            # either: the loop would end at the last step; jump there.
            return counter.run(base + last)
        if streak >= patience and step + 1 < last:
            target = min(step + jump, last)
            certified = counter.certify(funded, ratios, base + target)
            if certified is not None:
                # Same outcome on every step up to target: it fits, and it is
                # exhaustive exactly when the current one is.
                step, ratios, jump = target, certified, jump * 2
                continue
            if jump > 2:
                jump //= 2
                continue
            jump, streak, patience = 2, 0, min(patience * 2, 64)
        following = counter.run(base + step + 1)
        if _spent(prepared, following.funded) > budget:
            break
        streak = streak + 1 if following.funded == funded else 0
        step, current, ratios = step + 1, following, following.ratios
    if current.share != base + step:
        current = counter.run(base + step)
    return current


def _greedy_fill(
    prepared: _Prepared, funded: list[str], budget: int
) -> list[tuple[str, int]]:
    """Return the projects a greedy pass adds, with the budget left before each."""
    spent = sum(prepared.cost[p] for p in funded)
    chosen = set(funded)
    position = {p: i for i, p in enumerate(prepared.order)}
    rest = sorted(
        (p for p in prepared.order if p not in chosen),
        key=lambda p: (-prepared.support.get(p, 0), position[p]),
    )
    added = []
    for project_id in rest:
        if spent + prepared.cost[project_id] <= budget:
            added.append((project_id, budget - spent))
            spent += prepared.cost[project_id]
    return added


def _winners(prepared: _Prepared, run: _Run) -> dict[str, BoughtWithShares]:
    """Return, per funded project, who paid what and in which round."""
    exact = run.exact
    won: dict[str, BoughtWithShares] = {}
    for round_, candidate in enumerate(run.funded):
        payments = [
            Payment(len(ballots), amount, ballots)
            for amount, ballots in exact.paid_by(round_)
        ]
        won[prepared.candidates[candidate]] = BoughtWithShares(
            round_ + 1, exact.price(round_), Payments.of(payments)
        )
    return won


def _losers(prepared: _Prepared, run: _Run) -> dict[str, SharesFellShort]:
    """Return, per supported project not bought, what its supporters lacked."""
    exact = run.exact
    rounds = len(run.funded)
    names = [prepared.candidates[c] for c in run.funded]
    bought = set(run.funded)
    lost: dict[str, SharesFellShort] = {}
    for candidate, project_id in enumerate(prepared.candidates):
        if candidate in bought:
            continue
        cost = prepared.candidate_cost[candidate]
        supporters = prepared.candidate_support[candidate]
        left = exact.left(candidate, rounds)
        # What its supporters hold only falls from round to round: find the
        # purchase after which they held less than its cost.
        if run.share * supporters < cost:
            until = 0
        else:
            affordable, short = 0, rounds
            while short - affordable > 1:
                middle = (affordable + short) // 2
                if exact.left(candidate, middle) >= cost:
                    affordable = middle
                else:
                    short = middle
            until = short
        lost[project_id] = SharesFellShort(
            left=left,
            lacking=cost - left,
            least_price=Fraction(cost, supporters),
            unaffordable_from_round=until,
            outbid_by=tuple(names[:until]),
        )
    return lost


def method_of_equal_shares(
    projects: Sequence[Project],
    ballots: Sequence[Ballot],
    budget: int,
    *,
    completion: Completion = "none",
    engine: Engine = "auto",
) -> Allocation:
    """Fund projects with the equal shares of their supporters.

    Every voter gets ``budget / voters``. In each round, for every project
    whose supporters still hold its cost together, the least price ``q``
    such that supporters paying ``min(q, what they hold)`` cover the cost is
    found; the project with the lowest ``q / cost`` (the cost per unit of
    satisfaction, with cost satisfaction) is funded and its supporters pay.
    The method stops when no project can be paid for.

    Parameters
    ----------
    projects : sequence of Project
        The projects, in tie-breaking order: of two projects with the same
        price per unit of cost, the one listed first is funded first.
    ballots : sequence of Ballot
        One ballot per voter, empty ballots included (they count when the
        budget is divided); only the approved projects count.
    budget : int
        The money available.
    completion : {"none", "add1", "add1-exhaustive", "add1-greedy"}
        ``"none"``: one run. ``"add1"``: repeat with every voter's share one
        unit higher (the total ``budget + voters`` higher) and keep the last
        outcome that fits ``budget``. ``"add1-exhaustive"``: the same, but
        stop at the first outcome that leaves no room for another project.
        ``"add1-greedy"``: ``"add1"``, then fund projects that still fit
        in order of support.
    engine : {"auto", "python", "numpy"}
        How to count; every choice gives exactly the same allocation.
        ``"auto"`` counts small elections in plain Python (no NumPy import)
        and large ones (from :data:`VECTORISE_FROM` pairs of kind of
        ballot and supported project) with NumPy.

    Returns
    -------
    Allocation
        The funded projects in the order funded and one step per project
        with its explanation: for a winner (:class:`~.model.BoughtWithShares`)
        the round, the price and who paid what (the payments add up to the
        cost); for a loser (:class:`~.model.SharesFellShort`) what its
        supporters still held and lacked, the least equal price per
        supporter, the round in which it became unaffordable and the
        projects bought before that.

    Notes
    -----
    Arithmetic is exact. The winners equal those of pabutools'
    ``method_of_equal_shares`` with ``Cost_Sat`` (``"none"``) and of
    ``exhaustion_by_budget_increase`` with ``budget_step`` equal to the number
    of voters and ``exhaustive_stop=False`` (``"add1"``) or ``True``
    (``"add1-exhaustive"``), when the projects are given in pabutools'
    tie-breaking order (see ``tie_breaking.order_for_ties(..., "id")``); this
    is tested on the pabulib files in ``tests/parity``. Projects costing
    nothing give no satisfaction under cost satisfaction and are only funded
    by the greedy pass.

    References
    ----------
    .. [1] Peters, D., Pierczyński, G. and Skowron, P. (2021). "Proportional
       Participatory Budgeting with Additive Utilities". NeurIPS 2021.
       https://arxiv.org/abs/2008.13276
    .. [2] equalshares.net, "Completion methods",
       https://equalshares.net/implementation/completion/
    .. [3] Gemeente Assen (2024), "Stem van Assen": the first Dutch vote
       decided by the Method of Equal Shares.

    Examples
    --------
    Three residents want the playground, one wants trees and benches. Greedy
    gives the majority everything; equal shares gives the minority its
    quarter of the budget:

    >>> speeltuin = Project("speeltuin", 75)
    >>> speelveld = Project("speelveld", 25)
    >>> bomen = Project("bomen", 25)
    >>> ballots = [Ballot(frozenset({"speeltuin", "speelveld"}))] * 3
    >>> ballots += [Ballot(frozenset({"bomen"}))]
    >>> outcome = method_of_equal_shares([speeltuin, speelveld, bomen], ballots, 100)
    >>> outcome.funded
    ('speeltuin', 'bomen')
    >>> paid = outcome.steps[0].explanation.payments
    >>> [(group.voters, group.amount, group.ballots) for group in paid.groups]
    [(3, Fraction(25, 1), (0, 1, 2))]

    The playing field lost: after the playground its supporters had nothing
    left.

    >>> lost = outcome.steps[1].explanation
    >>> lost.left, lost.lacking, lost.unaffordable_from_round, lost.outbid_by
    (Fraction(0, 1), Fraction(25, 1), 1, ('speeltuin',))
    """
    if completion not in ("none", "add1", "add1-exhaustive", "add1-greedy"):
        raise ValueError(
            f"unknown completion {completion!r}; use none, add1,"
            " add1-exhaustive or add1-greedy"
        )
    if engine not in ("auto", "python", "numpy"):
        raise ValueError(f"unknown engine {engine!r}; use auto, python or numpy")
    counter = _counter(projects, ballots, engine)
    prepared = counter.prepared
    if not ballots:
        run = counter.run(Fraction(0))
    elif completion == "none":
        run = counter.run(Fraction(budget, len(ballots)))
    else:
        run = _add1(
            counter, budget, stop_when_exhaustive=completion == "add1-exhaustive"
        )
    funded = [prepared.candidates[c] for c in run.funded]
    won, lost = _winners(prepared, run), _losers(prepared, run)
    added = (
        _greedy_fill(prepared, funded, budget) if completion == "add1-greedy" else []
    )
    filled = {
        project_id: FundedInOrder(len(funded) + index + 1, remaining, completion=True)
        for index, (project_id, remaining) in enumerate(added)
    }
    steps = []
    for project in projects:
        support = prepared.support.get(project.id, 0)
        decision: Decision
        explanation: Explanation
        round_: int | None = None
        if project.id in won:
            decision, explanation = "funded", won[project.id]
            round_ = won[project.id].round
        elif project.id in filled:
            decision, explanation = "funded", filled[project.id]
            round_ = filled[project.id].round
        elif not support:
            decision, explanation = "no support", NoSupport()
        elif project.id in lost:
            decision, explanation = "not affordable", lost[project.id]
        else:
            decision, explanation = "zero cost", ZeroCost()
        steps.append(
            Step(project.id, support, decision, round=round_, explanation=explanation)
        )
    return Allocation(
        funded=tuple(funded + [project_id for project_id, _ in added]),
        steps=tuple(steps),
        rule=f"mes/{completion}",
        budget_per_voter=run.share,
    )
