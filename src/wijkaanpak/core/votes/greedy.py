# SPDX-License-Identifier: EUPL-1.2
"""Greedy approval: fund the most-supported projects that still fit.

Most participatory budgets count votes this way today; it is also the baseline
that fairer rules (equal shares) are compared with in the residents' report.
With cost satisfaction (a resident's satisfaction is the cost of the supported
projects funded) the utilitarian greedy rule ranks projects by satisfaction
per unit of money, which is exactly their number of supporters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from wijkaanpak.core.votes.model import (
    Allocation,
    Ballot,
    DidNotFit,
    FundedInOrder,
    Project,
    Step,
)

__all__ = ["greedy_approval"]


def greedy_approval(
    projects: Sequence[Project], ballots: Sequence[Ballot], budget: int
) -> Allocation:
    """Fund projects in order of support while the budget allows.

    Projects are considered from most to least supported; each one that still
    fits in the remaining budget is funded, the others are skipped (a cheaper
    project further down can still be funded). Projects nobody supports come
    last and are funded only if money is left.

    Parameters
    ----------
    projects : sequence of Project
        The projects on the ballot, in tie-breaking order: of two projects
        with equal support, the one listed first is considered first (see
        :func:`wijkaanpak.core.votes.tie_breaking.order_for_ties`).
    ballots : sequence of Ballot
        One ballot per resident; only the approved projects count.
    budget : int
        The money available.

    Returns
    -------
    Allocation
        The funded projects in the order funded, and one step per project
        (in the order given) saying why it was funded or skipped.

    Notes
    -----
    This equals ``pabutools.rules.greedy_utilitarian_welfare`` with
    ``Cost_Sat``: there the score of a project is its total satisfaction
    divided by its cost, ``supporters * cost / cost``; a project of cost zero
    with support comes first (infinite score), one without support scores 0.

    References
    ----------
    .. [1] Rey, S. and Maly, J. (2023). "The (Computational) Social Choice
       Take on Indivisible Participatory Budgeting", section 3.
       https://arxiv.org/abs/2303.00621

    Examples
    --------
    >>> speeltuin = Project("speeltuin", cost=40_000)
    >>> bankjes = Project("bankjes", cost=5_000)
    >>> bomen = Project("bomen", cost=30_000)
    >>> ballots = [
    ...     Ballot(frozenset({"speeltuin", "bomen"})),
    ...     Ballot(frozenset({"speeltuin"})),
    ...     Ballot(frozenset({"bomen", "bankjes"})),
    ... ]
    >>> greedy_approval([speeltuin, bankjes, bomen], ballots, 50_000).funded
    ('speeltuin', 'bankjes')

    Every project says why: ``bomen`` had as many votes as ``speeltuin``
    but came later in the listed order, and did not fit what was left:

    >>> greedy_approval([speeltuin, bankjes, bomen], ballots, 50_000).steps[2]
    ... # doctest: +NORMALIZE_WHITESPACE
    Step(project='bomen', support=2, decision='does not fit', round=None,
         explanation=DidNotFit(remaining=10000, lacking=20000,
                               funded_before=('speeltuin',), kind='did not fit'))
    """
    support = Counter(
        project_id for ballot in ballots for project_id in ballot.approved
    )

    def rank(project: Project) -> tuple[int, int]:
        supporters = support[project.id]
        if supporters and project.cost == 0:
            return (0, 0)
        return (1, -supporters)

    # sorted() is stable, so equal support keeps the caller's tie-breaking order.
    ranked = sorted(projects, key=rank)
    funded: list[str] = []
    decided: dict[str, Step] = {}
    remaining = budget
    for project in ranked:
        supporters = support[project.id]
        if project.cost <= remaining:
            funded.append(project.id)
            decided[project.id] = Step(
                project.id,
                supporters,
                "funded",
                round=len(funded),
                explanation=FundedInOrder(len(funded), remaining),
            )
            remaining -= project.cost
        else:
            decided[project.id] = Step(
                project.id,
                supporters,
                "does not fit",
                explanation=DidNotFit(
                    remaining, project.cost - remaining, tuple(funded)
                ),
            )
    return Allocation(
        funded=tuple(funded),
        steps=tuple(decided[project.id] for project in projects),
        rule="greedy",
    )
