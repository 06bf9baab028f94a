# SPDX-License-Identifier: EUPL-1.2
"""Tie-breaking orders for budget votes: which of two equal projects goes first.

Every rule of this package breaks ties by the order of the projects it is
given. This module makes the two orders used in practice explicit, so a vote
stores the name of its order and can always be recounted: ``"listed"`` (the
order on the ballot or in the file) and ``"id"`` (project ids compared as
text, the default of the reference implementation pabutools, which our parity
tests use).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from wijkaanpak.core.votes.model import Project

__all__ = ["TieBreaking", "order_for_ties"]

#: The named tie-breaking orders.
TieBreaking = Literal["listed", "id"]


def order_for_ties(
    projects: Sequence[Project], tie_breaking: TieBreaking
) -> tuple[Project, ...]:
    """Return the projects in the order that breaks ties, first wins.

    Parameters
    ----------
    projects : sequence of Project
        The projects in the listed order.
    tie_breaking : {"listed", "id"}
        ``"listed"`` keeps the order given; ``"id"`` sorts by project id as
        text (so ``"10"`` comes before ``"9"``), as pabutools'
        lexicographic tie-breaking does.

    Returns
    -------
    tuple of Project
        The projects in tie-breaking order.

    References
    ----------
    .. [1] pabutools documentation, "Tie-breaking",
       https://comsoc-community.github.io/pabutools/

    Examples
    --------
    >>> projects = [Project("9", 1), Project("10", 1)]
    >>> [p.id for p in order_for_ties(projects, "id")]
    ['10', '9']
    >>> [p.id for p in order_for_ties(projects, "listed")]
    ['9', '10']
    """
    if tie_breaking == "listed":
        return tuple(projects)
    if tie_breaking == "id":
        return tuple(sorted(projects, key=lambda project: project.id))
    raise ValueError(f"unknown tie-breaking order {tie_breaking!r}; use listed or id")
