# SPDX-License-Identifier: EUPL-1.2
"""The Method of Equal Shares with cost utilities, and its completions.

Equal shares gives every resident the same part of the budget and lets
groups of residents buy the projects they support with their own parts, so a
group of a fifth of the voters decides about roughly a fifth of the money
instead of losing everything to the majority, as under greedy counting. Assen
(2024) and Wieliczka (2023) decided their budgets with it, completed by
``add1``: raise every part by one unit at a time and keep the last outcome
that still fits the real budget.

Speed comes from grouping, not from inexact numbers: residents who support the
same funded projects always hold the same amount, so the method keeps one
exact :class:`fractions.Fraction` per group instead of one per resident.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from wijkaanpak.core.votes.model import (
    Allocation,
    Ballot,
    Decision,
    Payment,
    Project,
    Step,
)

__all__ = ["Completion", "method_of_equal_shares"]

#: The completions of equal shares used in practice.
Completion = Literal["none", "add1", "add1-exhaustive", "add1-greedy"]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """The election in the form one run of equal shares needs."""

    order: tuple[str, ...]
    cost: dict[str, int]
    support: dict[str, int]
    kinds: tuple[tuple[frozenset[str], int], ...]
    candidates: tuple[str, ...]
    voters: int


@dataclass(frozen=True, slots=True)
class _Run:
    """The result of one run with a given share per voter."""

    funded: tuple[str, ...]
    payments: dict[str, tuple[Payment, ...]]
    left: dict[str, Fraction]


def _prepare(projects: Sequence[Project], ballots: Sequence[Ballot]) -> _Prepared:
    listed = {project.id for project in projects}
    kinds = Counter(
        frozenset(pid for pid in ballot.approved if pid in listed) for ballot in ballots
    )
    support: Counter[str] = Counter()
    for kind, weight in kinds.items():
        for project_id in kind:
            support[project_id] += weight
    cost = {project.id: project.cost for project in projects}
    # Under cost satisfaction a project of cost zero gives nobody satisfaction,
    # so equal shares never considers it (as in pabutools).
    candidates = tuple(
        project.id for project in projects if project.cost > 0 and support[project.id]
    )
    return _Prepared(
        order=tuple(project.id for project in projects),
        cost=cost,
        support=dict(support),
        kinds=tuple(kind for kind in kinds.items() if kind[0]),
        candidates=candidates,
        voters=len(ballots),
    )


def _price(cost: int, holders: list[tuple[Fraction, int]]) -> Fraction | None:
    """Return the least price per supporter that pays for the project.

    ``holders`` lists ``(budget, supporters with that budget)``. Supporters
    with less than the price pay all they have; the others pay the price.
    """
    if sum(budget * count for budget, count in holders) < cost:
        return None
    holders.sort(key=lambda holder: holder[0])
    paid = Fraction(0)
    rich = sum(count for _, count in holders)
    for budget, count in holders:
        price = (cost - paid) / rich
        if price <= budget:
            return price
        paid += budget * count
        rich -= count
    raise AssertionError("the supporters' money covers the cost")  # pragma: no cover


def _run(prepared: _Prepared, share: Fraction) -> _Run:
    """Run equal shares once, every voter starting with ``share``."""
    position = {project_id: index for index, project_id in enumerate(prepared.order)}
    cost = prepared.cost
    # Voters are grouped by what they still hold: voters holding the same
    # amount pay the same from then on. budget_of[k] is what the voters of
    # ballot kind k hold; holders[p][b] counts the supporters of p holding b.
    # Amounts are keyed by (numerator, denominator): hashing a Fraction costs
    # a modular inverse, hashing a pair of ints does not.
    start = (share.numerator, share.denominator)
    value = {start: share}
    budget_of = [start] * len(prepared.kinds)
    kinds_with: defaultdict[str, list[int]] = defaultdict(list)
    for index, (kind, _) in enumerate(prepared.kinds):
        for project_id in kind:
            kinds_with[project_id].append(index)
    holders: dict[str, dict[tuple[int, int], int]] = {
        p: {start: prepared.support[p]} for p in prepared.candidates
    }
    # The price per unit of cost only rises during a run (budgets only fall),
    # so the last price seen is a lower bound that lets most projects be
    # skipped in a round, as in Peters' reference code.
    bound = {p: Fraction(1, prepared.support[p]) for p in prepared.candidates}
    remaining = set(prepared.candidates)
    funded: list[str] = []
    payments: dict[str, tuple[Payment, ...]] = {}
    while remaining:
        best: Fraction | None = None
        tied: list[str] = []
        broke: list[str] = []
        for project_id in sorted(remaining, key=lambda p: (bound[p], position[p])):
            if best is not None and bound[project_id] > best:
                break
            price = _price(
                cost[project_id],
                [(value[key], n) for key, n in holders[project_id].items()],
            )
            if price is None:
                broke.append(project_id)
                continue
            ratio = price / cost[project_id]
            bound[project_id] = ratio
            if best is None or ratio < best:
                best, tied = ratio, [project_id]
            elif ratio == best:
                tied.append(project_id)
        remaining.difference_update(broke)
        if best is None:
            break
        chosen = min(tied, key=position.__getitem__)
        remaining.discard(chosen)
        funded.append(chosen)
        price = best * cost[chosen]
        paid: defaultdict[tuple[int, int], int] = defaultdict(int)
        moved: dict[tuple[int, int], tuple[int, int]] = {}
        for key, count in holders[chosen].items():
            held = value[key]
            amount = min(held, price)
            paid[(amount.numerator, amount.denominator)] += count
            rest = held - amount
            moved[key] = (rest.numerator, rest.denominator)
            value[moved[key]] = rest
        payments[chosen] = tuple(
            Payment(voters, Fraction(*amount))
            for amount, voters in sorted(
                paid.items(), key=lambda item: Fraction(*item[0])
            )
        )
        for index in kinds_with[chosen]:
            old = budget_of[index]
            new = moved[old]
            if new == old:
                continue
            budget_of[index] = new
            kind, weight = prepared.kinds[index]
            for project_id in kind:
                counts = holders.get(project_id)
                if counts is None:
                    continue
                counts[old] -= weight
                if not counts[old]:
                    del counts[old]
                counts[new] = counts.get(new, 0) + weight
        del holders[chosen]
    left = {
        p: sum((value[key] * n for key, n in counts.items()), Fraction(0))
        for p, counts in holders.items()
    }
    return _Run(tuple(funded), payments, left)


#: Relative margin below which a decision taken in floating point is not
#: trusted; rounding errors of a run are many orders of magnitude smaller.
_MARGIN = 1e-9


def _quick_run(prepared: _Prepared, share: Fraction) -> tuple[str, ...] | None:
    """Run equal shares in floating point; None when a decision was close.

    Only two kinds of decision can change the winners: whether a project's
    supporters hold its cost, and which project has the lowest price per unit
    of cost. The prices and budgets themselves depend continuously on the
    input. So when every decision of the run was taken with a relative margin
    of at least ``_MARGIN``, the exact run takes the same decisions and funds
    the same projects; otherwise the caller does the exact run.
    """
    position = {project_id: index for index, project_id in enumerate(prepared.order)}
    cost = prepared.cost
    start = float(share)
    budget_of = [start] * len(prepared.kinds)
    kinds_with: defaultdict[str, list[int]] = defaultdict(list)
    for index, (kind, _) in enumerate(prepared.kinds):
        for project_id in kind:
            kinds_with[project_id].append(index)
    holders: dict[str, dict[float, int]] = {
        p: {start: prepared.support[p]} for p in prepared.candidates
    }
    bound = {p: 1.0 / prepared.support[p] for p in prepared.candidates}
    remaining = set(prepared.candidates)
    funded: list[str] = []
    while remaining:
        ratios: list[tuple[float, str]] = []
        best = float("inf")
        broke: list[str] = []
        for project_id in sorted(remaining, key=lambda p: (bound[p], position[p])):
            if bound[project_id] > best * (1 + 4 * _MARGIN):
                break
            counts = holders[project_id]
            need = cost[project_id]
            total = sum(held * n for held, n in counts.items())
            if abs(total - need) <= _MARGIN * need:
                return None
            if total < need:
                broke.append(project_id)
                continue
            items = sorted(counts.items())
            paid = 0.0
            rich = sum(counts.values())
            price = 0.0
            for held, n in items:
                price = (need - paid) / rich
                if price <= held:
                    break
                paid += held * n
                rich -= n
            ratio = price / need
            bound[project_id] = ratio
            ratios.append((ratio, project_id))
            best = min(best, ratio)
        remaining.difference_update(broke)
        if not ratios:
            break
        ratios.sort()
        chosen_ratio, chosen = ratios[0]
        if len(ratios) > 1 and ratios[1][0] <= chosen_ratio * (1 + 4 * _MARGIN):
            return None
        remaining.discard(chosen)
        funded.append(chosen)
        price = chosen_ratio * cost[chosen]
        moved = {held: held - min(held, price) for held in holders[chosen]}
        for index in kinds_with[chosen]:
            old = budget_of[index]
            new = moved[old]
            if new == old:
                continue
            budget_of[index] = new
            kind, weight = prepared.kinds[index]
            for project_id in kind:
                floats = holders.get(project_id)
                if floats is None:
                    continue
                floats[old] -= weight
                if not floats[old]:
                    del floats[old]
                floats[new] = floats.get(new, 0) + weight
        del holders[chosen]
    return tuple(funded)


def _winners(prepared: _Prepared, share: Fraction) -> tuple[str, ...]:
    quick = _quick_run(prepared, share)
    return quick if quick is not None else _run(prepared, share).funded


def _fits(prepared: _Prepared, funded: Sequence[str], budget: int) -> bool:
    return sum(prepared.cost[p] for p in funded) <= budget


def _exhaustive(prepared: _Prepared, funded: Sequence[str], budget: int) -> bool:
    spent = sum(prepared.cost[p] for p in funded)
    chosen = set(funded)
    return all(
        spent + prepared.cost[p] > budget for p in prepared.order if p not in chosen
    )


def _add1(
    prepared: _Prepared, budget: int, *, stop_when_exhaustive: bool
) -> tuple[_Run, Fraction]:
    """Raise each voter's share by one unit until the outcome no longer fits."""
    voters = prepared.voters
    base = Fraction(budget, voters)
    last = budget  # pabutools stops at a total of budget * (voters + 1).
    supported_cost = sum(prepared.cost[p] for p in prepared.candidates)
    kept: Fraction | None = None
    step = 0
    while step <= last:
        share = base + step
        funded = _winners(prepared, share)
        if not _fits(prepared, funded, budget):
            break
        kept = share
        if stop_when_exhaustive and _exhaustive(prepared, funded, budget):
            break
        if supported_cost <= budget and len(funded) == len(prepared.candidates):
            # Every outcome fits, and none after this one can be exhaustive
            # either: the loop would end at the last step; jump there.
            kept = base + last
            break
        step += 1
    if kept is None:  # pragma: no cover - the plain run always fits
        kept = base
    # One exact run at the kept share gives the payments for the explanation.
    return _run(prepared, kept), kept


def _greedy_fill(prepared: _Prepared, funded: list[str], budget: int) -> list[str]:
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
            spent += prepared.cost[project_id]
            added.append(project_id)
    return added


def method_of_equal_shares(
    projects: Sequence[Project],
    ballots: Sequence[Ballot],
    budget: int,
    *,
    completion: Completion = "none",
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

    Returns
    -------
    Allocation
        The funded projects in the order funded and one step per project:
        who paid what for a funded one; for the others how much money their
        supporters lacked at the end (``lacking``).

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
    >>> [(p.voters, p.amount) for p in outcome.steps[0].payments]
    [(3, Fraction(25, 1))]
    """
    if completion not in ("none", "add1", "add1-exhaustive", "add1-greedy"):
        raise ValueError(
            f"unknown completion {completion!r}; use none, add1,"
            " add1-exhaustive or add1-greedy"
        )
    prepared = _prepare(projects, ballots)
    if not ballots:
        run, share = _Run((), {}, {}), Fraction(0)
    elif completion == "none":
        share = Fraction(budget, len(ballots))
        run = _run(prepared, share)
    else:
        run, share = _add1(
            prepared, budget, stop_when_exhaustive=completion == "add1-exhaustive"
        )
    funded = list(run.funded)
    rounds = {p: i + 1 for i, p in enumerate(funded)}
    added = (
        _greedy_fill(prepared, funded, budget) if completion == "add1-greedy" else []
    )
    steps = []
    for project in projects:
        support = prepared.support.get(project.id, 0)
        decision: Decision
        lacking: Fraction | None = None
        if project.id in rounds:
            steps.append(
                Step(
                    project.id,
                    support,
                    "funded",
                    round=rounds[project.id],
                    payments=run.payments[project.id],
                )
            )
            continue
        if project.id in added:
            decision = "funded"
        elif not support:
            decision = "no support"
        elif project.id in run.left:
            decision = "not affordable"
            lacking = max(project.cost - run.left[project.id], Fraction(0))
        else:
            decision = "does not fit"
        steps.append(
            Step(
                project.id,
                support,
                decision,
                round=len(funded) + added.index(project.id) + 1
                if project.id in added
                else None,
                lacking=lacking,
            )
        )
    return Allocation(
        funded=tuple(funded + added),
        steps=tuple(steps),
        rule=f"mes/{completion}",
        budget_per_voter=share,
    )
