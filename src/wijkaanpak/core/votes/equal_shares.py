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
exact arithmetic) and fast: runs compute in NumPy floats and take every close
decision again with exact fractions, and ``add1`` jumps over budget
increments that provably cannot change the outcome; see
:mod:`._shares_engine` and ``docs/algorithms/equal-shares.md``.
:mod:`.equal_shares_reference` is the plain version the tests compare with.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Literal

from wijkaanpak.core.votes import _shares_engine as engine
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

_Prepared = engine.Prepared


def _spent(prepared: _Prepared, funded: Sequence[int]) -> int:
    return sum(prepared.candidate_cost[c] for c in funded)


def _exhaustive(prepared: _Prepared, funded: Sequence[int], budget: int) -> bool:
    spent = _spent(prepared, funded)
    chosen = {prepared.candidates[c] for c in funded}
    return all(
        spent + prepared.cost[p] > budget for p in prepared.order if p not in chosen
    )


def _add1(
    prepared: _Prepared, budget: int, *, stop_when_exhaustive: bool
) -> engine.Run:
    """Raise each voter's share by one unit until the outcome no longer fits.

    Equal to running equal shares at every share ``budget / voters + k`` for
    ``k = 0, 1, ...`` (at most ``budget``, as pabutools) and keeping the last
    outcome that fits; but ranges of ``k`` over which the outcome provably
    stays the same are jumped over (:func:`engine.certify`), with jumps that
    double while they succeed.
    """
    base = Fraction(budget, prepared.voters)
    last = budget  # pabutools stops at a total of budget * (voters + 1).
    everything = len(prepared.candidates)
    supported_cost = sum(prepared.candidate_cost)
    current = engine.run(prepared, base)
    step = 0
    ratios = current.ratios
    # Jumps are tried after a streak of steps with the same outcome, with
    # doubling length while they succeed; a failed one costs about one run,
    # so after failures a longer streak is needed before the next try.
    jump, streak, patience = 2, 0, 1
    while step < last:
        funded = current.funded
        if stop_when_exhaustive and _exhaustive(prepared, funded, budget):
            break
        if supported_cost <= budget and len(funded) == everything:
            # Every outcome fits, and none after this one can be exhaustive
            # either: the loop would end at the last step; jump there.
            return engine.run(prepared, base + last)
        if streak >= patience and step + 1 < last:
            target = min(step + jump, last)
            certified = engine.certify(prepared, funded, ratios, base + target)
            if certified is not None:
                # Same outcome on every step up to target: it fits, and it is
                # exhaustive exactly when the current one is.
                step, ratios, jump = target, certified, jump * 2
                continue
            jump, streak, patience = 2, 0, min(patience * 2, 64)
        following = engine.run(prepared, base + step + 1)
        if _spent(prepared, following.funded) > budget:
            break
        streak = streak + 1 if following.funded == funded else 0
        step, current, ratios = step + 1, following, following.ratios
    if current.share != base + step:
        current = engine.run(prepared, base + step)
    return current


def _payments(
    run: engine.Run,
) -> tuple[dict[str, tuple[Payment, ...]], dict[str, Fraction]]:
    """Return who paid what for each funded project, and what losers' supporters kept."""
    prepared, exact = run.exact.prepared, run.exact
    payments: dict[str, tuple[Payment, ...]] = {}
    for round_, candidate in enumerate(run.funded):
        payments[prepared.candidates[candidate]] = tuple(
            Payment(round(float(prepared.kind_weights[kinds].sum())), amount)
            for amount, kinds in exact.payments(round_)
        )
    rounds = len(run.funded)
    funded = set(run.funded)
    left = {
        prepared.candidates[c]: exact.left(c, rounds)
        for c in range(len(prepared.candidates))
        if c not in funded
    }
    return payments, left


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
    prepared = engine.prepare(projects, ballots)
    if not ballots:
        run = engine.run(prepared, Fraction(0))
    elif completion == "none":
        run = engine.run(prepared, Fraction(budget, len(ballots)))
    else:
        run = _add1(
            prepared, budget, stop_when_exhaustive=completion == "add1-exhaustive"
        )
    share = run.share
    payments, left = _payments(run)
    funded = [prepared.candidates[c] for c in run.funded]
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
                    payments=payments[project.id],
                )
            )
            continue
        if project.id in added:
            decision = "funded"
        elif not support:
            decision = "no support"
        elif project.id in left:
            decision = "not affordable"
            lacking = max(project.cost - left[project.id], Fraction(0))
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
