# SPDX-License-Identifier: EUPL-1.2
"""The Method of Equal Shares written as plainly as possible, as an oracle.

:func:`~.equal_shares.method_of_equal_shares` is fast: it computes in floats,
decides close calls exactly and jumps over budget increments. This module is
the same rule in its textbook form (one exact amount per voter, every project
priced in every round, ``add1`` one unit at a time), slow but easy to check
against the definition. The tests compare the two on random elections; use
the fast one in the product.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from wijkaanpak.core.votes.model import Ballot, Project

__all__ = ["equal_shares_reference"]


def _one_run(
    projects: Sequence[Project], ballots: Sequence[Ballot], share: Fraction
) -> list[str]:
    held = [share] * len(ballots)
    funded: list[str] = []
    left = [p for p in projects if p.cost > 0]
    while True:
        best: tuple[Fraction, int, Project] | None = None
        for position, project in enumerate(left):
            supporters = [i for i, b in enumerate(ballots) if project.id in b.approved]
            if not supporters or sum(held[i] for i in supporters) < project.cost:
                continue
            # The least price q with sum(min(held, q)) == cost: try every
            # voter's amount as the boundary, poorest first.
            amounts = sorted(held[i] for i in supporters)
            paid = Fraction(0)
            for index, amount in enumerate(amounts):
                price = (project.cost - paid) / (len(amounts) - index)
                if price <= amount:
                    break
                paid += amount
            key = (price / project.cost, position, project)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is None:
            return funded
        price, project = best[0] * best[2].cost, best[2]
        for i, ballot in enumerate(ballots):
            if project.id in ballot.approved:
                held[i] -= min(held[i], price)
        funded.append(project.id)
        left.remove(project)


def equal_shares_reference(
    projects: Sequence[Project],
    ballots: Sequence[Ballot],
    budget: int,
    *,
    completion: str = "none",
) -> tuple[tuple[str, ...], Fraction]:
    """Return the funded projects and the share per voter, the slow way.

    Parameters
    ----------
    projects : sequence of Project
        The projects in tie-breaking order.
    ballots : sequence of Ballot
        One ballot per voter.
    budget : int
        The money available.
    completion : {"none", "add1", "add1-exhaustive"}
        As in :func:`~.equal_shares.method_of_equal_shares` (the greedy pass
        of ``add1-greedy`` is not part of equal shares itself).

    Returns
    -------
    tuple of (tuple of str, Fraction)
        The funded project ids in the order funded, and the share per voter
        of the run that gave them.

    Examples
    --------
    >>> a, b = Project("a", 30), Project("b", 25)
    >>> ballots = [Ballot(frozenset({"a"}))] * 2 + [Ballot(frozenset({"b"}))] * 3
    >>> equal_shares_reference([a, b], ballots, 50, completion="add1")
    (('b',), Fraction(14, 1))
    """
    if not ballots:
        return (), Fraction(0)
    base = Fraction(budget, len(ballots))
    funded = tuple(_one_run(projects, ballots, base))
    if completion == "none":
        return funded, base
    cost = {project.id: project.cost for project in projects}
    kept, kept_share = funded, base
    for step in range(1, budget + 1):
        if completion == "add1-exhaustive":
            spent = sum(cost[p] for p in kept)
            if all(spent + p.cost > budget for p in projects if p.id not in kept):
                break
        outcome = tuple(_one_run(projects, ballots, base + step))
        if sum(cost[p] for p in outcome) > budget:
            break
        kept, kept_share = outcome, base + step
    return kept, kept_share
