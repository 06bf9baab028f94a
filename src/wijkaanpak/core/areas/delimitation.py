# SPDX-License-Identifier: EUPL-1.2
"""Delimitation of a focus area: the contiguous set of neighbourhoods to cover.

A programme covers one contiguous focus area (*focusgebied*) of a municipality,
with a number of residents it can serve. This module proposes the area that
captures the most problem mass (for example ``max(0, score) * population`` from
the stacking) with a population between the user's bounds, in one piece and
without holes: a neighbourhood enclosed by the area is included, as practice
does. It is a node-weighted connected-subgraph (prize-collecting Steiner)
problem with a knapsack constraint. A greedy growth from several roots with a
local search answers it fast; a mixed-integer programme with single-commodity
flows, solved by HiGHS, answers small cases exactly and serves as the oracle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from wijkaanpak.core.areas.contiguity import Adjacency
from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "FocusAreaProposal",
    "TradeOffPoint",
    "enclosed_by",
    "focus_area_mip",
    "is_contiguous",
    "propose_focus_area",
    "trade_off_curve",
]


@dataclass(frozen=True, slots=True)
class FocusAreaProposal:
    """A proposed focus area and why it was chosen.

    Attributes
    ----------
    codes : tuple of str
        The neighbourhoods of the area, in the adjacency's order.
    population : float
        Inhabitants of the area.
    mass : float
        Problem mass captured.
    share : float
        Share of the whole set's problem mass captured (0 to 1).
    enclosed : tuple of str
        Neighbourhoods included only because the area encloses them.
    method : str
        ``"greedy"`` or ``"mip"``.
    """

    codes: tuple[str, ...]
    population: float
    mass: float
    share: float
    enclosed: tuple[str, ...]
    method: str


@dataclass(frozen=True, slots=True)
class TradeOffPoint:
    """One point of the trade-off curve: residents covered against mass captured."""

    cap: float
    population: float
    share: float
    codes: tuple[str, ...]


def is_contiguous(adjacency: Adjacency, members: frozenset[int]) -> bool:
    """Tell whether the members form one connected piece.

    Examples
    --------
    >>> path = Adjacency(("a", "b", "c"), ((1,), (0, 2), (1,)), (True, False, True))
    >>> is_contiguous(path, frozenset({0, 2})), is_contiguous(path, frozenset({0, 1}))
    (False, True)

    References
    ----------
    Cormen, T. H. et al. (2009). *Introduction to Algorithms*, 3rd ed., MIT
    Press, section 22.2 (breadth-first search).
    """
    if not members:
        return False
    start = min(members)
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for other in adjacency.neighbours[node]:
            if other in members and other not in seen:
                seen.add(other)
                queue.append(other)
    return len(seen) == len(members)


def enclosed_by(adjacency: Adjacency, members: frozenset[int]) -> frozenset[int]:
    """Return the areas outside ``members`` that cannot reach the outer edge.

    Such areas are holes in the area: every path from them to the outside of
    the set of areas passes through a member.

    Examples
    --------
    >>> ring = Adjacency(
    ...     ("n", "e", "s", "w", "c"),
    ...     ((1, 3, 4), (0, 2, 4), (1, 3, 4), (0, 2, 4), (0, 1, 2, 3)),
    ...     (True, True, True, True, False),
    ... )
    >>> sorted(enclosed_by(ring, frozenset({0, 1, 2, 3})))
    [4]

    References
    ----------
    Cormen, T. H. et al. (2009). *Introduction to Algorithms*, 3rd ed., MIT
    Press, section 22.2 (breadth-first search).
    """
    size = len(adjacency.codes)
    reached = [False] * size
    queue = deque(
        i
        for i in range(size)
        if (adjacency.on_edge[i] or not adjacency.neighbours[i]) and i not in members
    )
    for node in queue:
        reached[node] = True
    while queue:
        node = queue.popleft()
        for other in adjacency.neighbours[node]:
            if not reached[other] and other not in members:
                reached[other] = True
                queue.append(other)
    return frozenset(i for i in range(size) if i not in members and not reached[i])


def _prepare(
    adjacency: Adjacency, population: ArrayLike, mass: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    people = np.nan_to_num(np.asarray(population, dtype=np.float64))
    weight = np.maximum(np.nan_to_num(np.asarray(mass, dtype=np.float64)), 0.0)
    if people.shape != (len(adjacency.codes),) or weight.shape != people.shape:
        raise WijkaanpakError(
            "Give one population and one problem mass per neighbourhood of the "
            "contiguity."
        )
    return people, weight


def _proposal(
    adjacency: Adjacency,
    members: frozenset[int],
    enclosed: frozenset[int],
    people: NDArray[np.float64],
    weight: NDArray[np.float64],
    method: str,
) -> FocusAreaProposal:
    ordered = sorted(members)
    total = float(weight.sum())
    mass = float(weight[ordered].sum())
    return FocusAreaProposal(
        codes=tuple(adjacency.codes[i] for i in ordered),
        population=float(people[ordered].sum()),
        mass=mass,
        share=mass / total if total > 0 else 0.0,
        enclosed=tuple(adjacency.codes[i] for i in sorted(enclosed)),
        method=method,
    )


def _grow(
    adjacency: Adjacency,
    root: int,
    people: NDArray[np.float64],
    weight: NDArray[np.float64],
    low: float,
    high: float,
) -> frozenset[int] | None:
    members = frozenset({root}) | enclosed_by(adjacency, frozenset({root}))
    if people[list(members)].sum() > high:
        return None
    rejected: set[int] = set()
    while True:
        size = float(people[list(members)].sum())
        frontier = {
            other
            for node in members
            for other in adjacency.neighbours[node]
            if other not in members and other not in rejected
        }
        if not frontier:
            break

        # Look one step ahead so a neighbourhood with little mass that opens
        # the way to one with much is not overlooked.
        def value(node: int, inside: frozenset[int] = members) -> tuple[float, int]:
            ahead = max(
                (weight[o] for o in adjacency.neighbours[node] if o not in inside),
                default=0.0,
            )
            gain = (weight[node] + 0.5 * ahead) / max(people[node], 1.0)
            return (-gain, node)

        best = min(frontier, key=value)
        if weight[best] <= 0 and size >= low and -value(best)[0] <= 0:
            break
        grown = members | {best}
        outside = [o for o in adjacency.neighbours[best] if o not in members]
        # Adding a neighbourhood can only enclose part of the rest if it
        # leaves two or more outside neighbours behind, or one that reached
        # the edge through it.
        if len(outside) > 1 or (outside and adjacency.on_edge[best]):
            grown = grown | enclosed_by(adjacency, grown)
        if people[list(grown)].sum() > high:
            rejected.add(best)
            continue
        members = grown
    if people[list(members)].sum() < low:
        return None
    return members


def _removable(adjacency: Adjacency, members: frozenset[int], node: int) -> bool:
    rest = members - {node}
    if not rest or not is_contiguous(adjacency, rest):
        return False
    return not enclosed_by(adjacency, rest)


def _improve(
    adjacency: Adjacency,
    members: frozenset[int],
    people: NDArray[np.float64],
    weight: NDArray[np.float64],
    low: float,
    high: float,
    rounds: int,
) -> frozenset[int]:
    """Swap or drop low-mass members for higher-mass neighbours while it helps."""
    for _ in range(rounds):
        improved = False
        size = float(people[list(members)].sum())
        outside = sorted(
            {o for n in members for o in adjacency.neighbours[n] if o not in members},
            key=lambda node: (-weight[node], node),
        )
        inside = sorted(members, key=lambda node: (weight[node], node))
        for leave in inside[:8]:
            if not _removable(adjacency, members, leave):
                continue
            for enter in outside[:8]:
                if weight[enter] <= weight[leave]:
                    break
                candidate = (members - {leave}) | {enter}
                candidate = candidate | enclosed_by(adjacency, candidate)
                new_size = float(people[list(candidate)].sum())
                if (
                    low <= new_size <= high
                    and weight[list(candidate)].sum() > weight[list(members)].sum()
                    and is_contiguous(adjacency, candidate)
                ):
                    members, improved = candidate, True
                    break
            if improved:
                break
        if not improved and size <= high:
            break
    return members


def propose_focus_area(
    adjacency: Adjacency,
    population: ArrayLike,
    mass: ArrayLike,
    *,
    min_population: float,
    max_population: float,
    roots: int = 6,
    rounds: int = 20,
    exact_time_limit: float = 0.0,
    exact_size: int = 400,
) -> FocusAreaProposal:
    """Propose a contiguous, hole-free focus area with the most problem mass.

    Parameters
    ----------
    adjacency : Adjacency
        Contiguity of the neighbourhoods considered (usually one municipality).
    population : array-like
        Inhabitants per neighbourhood.
    mass : array-like
        Problem mass per neighbourhood (negative counts as 0).
    min_population, max_population : float
        Bounds on the area's inhabitants.
    roots : int, default 12
        Number of starting neighbourhoods tried (those with the most mass per
        inhabitant, then by position).
    rounds : int, default 20
        Maximum number of swap rounds of the local search.
    exact_time_limit : float, default 0
        When positive and the graph has at most ``exact_size`` nodes, also run
        :func:`focus_area_mip` for at most this many seconds and keep the
        better area (``method="greedy+mip"`` when the MIP wins).
    exact_size : int, default 400
        Largest graph handed to the MIP.

    Returns
    -------
    FocusAreaProposal
        The best area found; enclosed neighbourhoods are included.

    Raises
    ------
    WijkaanpakError
        If no contiguous, hole-free area within the bounds was found.

    Examples
    --------
    A row of five neighbourhoods; the problems sit in the middle:

    >>> row = Adjacency(
    ...     tuple("abcde"), ((1,), (0, 2), (1, 3), (2, 4), (3,)), (True,) * 5
    ... )
    >>> proposal = propose_focus_area(
    ...     row, [100] * 5, [0, 5, 9, 6, 0], min_population=100, max_population=250
    ... )
    >>> proposal.codes, proposal.mass
    (('c', 'd'), 15.0)

    References
    ----------
    Johnson, D. S., Minkoff, M. and Phillips, S. (2000). The prize collecting
    Steiner tree problem: theory and practice. *Proceedings of SODA 2000*,
    760-769.
    """
    if min_population > max_population:
        raise WijkaanpakError("The lowest population is above the highest.")
    people, weight = _prepare(adjacency, population, mass)
    density = weight / np.maximum(people, 1.0)
    order = sorted(range(len(people)), key=lambda i: (-density[i], -weight[i], i))
    by_size = sorted(range(len(people)), key=lambda i: (-people[i], i))
    starts = list(dict.fromkeys(order[:roots] + order[: roots * 4 : 4] + by_size[:2]))
    grown = []
    for root in starts:
        members = _grow(adjacency, root, people, weight, min_population, max_population)
        if members is not None:
            grown.append((float(weight[list(members)].sum()), min(members), members))
    grown.sort(key=lambda item: (-item[0], item[1]))
    best: frozenset[int] | None = None
    best_mass = -1.0
    for _, _, members in grown[:3]:
        members = _improve(
            adjacency, members, people, weight, min_population, max_population, rounds
        )
        found = float(weight[list(members)].sum())
        if found > best_mass:
            best, best_mass = members, found
    method = "greedy"
    if exact_time_limit > 0 and len(people) <= exact_size:
        try:
            exact = focus_area_mip(
                adjacency,
                people,
                weight,
                min_population=min_population,
                max_population=max_population,
                time_limit=exact_time_limit,
            )
        except WijkaanpakError:
            exact = None
        if exact is not None and exact.mass > best_mass + 1e-9:
            index = {code: i for i, code in enumerate(adjacency.codes)}
            best = frozenset(index[code] for code in exact.codes)
            best_mass, method = exact.mass, "greedy+mip"
    if best is None:
        raise WijkaanpakError(
            f"No contiguous area without holes has between {min_population:,.0f} "
            f"and {max_population:,.0f} inhabitants; widen the bounds."
        )
    core = best
    enclosed = frozenset(
        i for i in core if i not in _core_without_holes(adjacency, core, weight)
    )
    return _proposal(adjacency, core, enclosed, people, weight, method)


def _core_without_holes(
    adjacency: Adjacency, members: frozenset[int], weight: NDArray[np.float64]
) -> frozenset[int]:
    """Members that are not merely enclosed zero-mass neighbourhoods."""
    interior = {
        i
        for i in members
        if weight[i] <= 0
        and not adjacency.on_edge[i]
        and all(o in members for o in adjacency.neighbours[i])
    }
    return members - interior


def focus_area_mip(
    adjacency: Adjacency,
    population: ArrayLike,
    mass: ArrayLike,
    *,
    min_population: float,
    max_population: float,
    time_limit: float = 60.0,
) -> FocusAreaProposal:
    """Find the optimal contiguous, hole-free focus area with a HiGHS MIP.

    A super-root sends one unit of flow to every selected neighbourhood through
    selected neighbourhoods only (connectivity); an outer source sends one unit
    to every unselected neighbourhood through unselected ones only, entering
    at the outer edge (no holes).

    Parameters
    ----------
    adjacency : Adjacency
        Contiguity of the neighbourhoods.
    population : array-like
        Inhabitants per neighbourhood.
    mass : array-like
        Problem mass per neighbourhood (negative counts as 0).
    min_population, max_population : float
        Bounds on the area's inhabitants.
    time_limit : float, default 60
        Seconds HiGHS may use.

    Returns
    -------
    FocusAreaProposal
        The optimal area (``method="mip"``).

    Raises
    ------
    WijkaanpakError
        If no area satisfies the bounds.

    Examples
    --------
    >>> row = Adjacency(
    ...     tuple("abcde"), ((1,), (0, 2), (1, 3), (2, 4), (3,)), (True,) * 5
    ... )
    >>> focus_area_mip(
    ...     row, [100] * 5, [0, 5, 9, 6, 0], min_population=100, max_population=250
    ... ).codes
    ('c', 'd')

    References
    ----------
    Álvarez-Miranda, E., Ljubić, I. and Mutzel, P. (2013). The maximum weight
    connected subgraph problem. In *Facets of Combinatorial Optimization*,
    Springer, 245-270 (single-commodity flow model).
    Huangfu, Q. and Hall, J. A. J. (2018). Parallelizing the dual revised
    simplex method. *Mathematical Programming Computation* 10, 119-142 (HiGHS).
    """
    people, weight = _prepare(adjacency, population, mass)
    n = len(people)
    arcs = [(i, j) for i in range(n) for j in adjacency.neighbours[i]]
    count = len(arcs)
    x, y = 0, n
    f = 2 * n
    g = f + count
    h = g + n
    o = h + count
    total = o + n
    big = float(n)
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def row(entries: Sequence[tuple[int, float]], low: float, high: float) -> None:
        index = len(lower)
        for column, value in entries:
            rows.append(index)
            cols.append(column)
            data.append(value)
        lower.append(low)
        upper.append(high)

    row([(y + i, 1.0) for i in range(n)], 1.0, 1.0)
    row([(x + i, float(people[i])) for i in range(n)], min_population, max_population)
    inf = np.inf
    for i in range(n):
        row([(y + i, 1.0), (x + i, -1.0)], -inf, 0.0)
        row([(g + i, 1.0), (y + i, -big)], -inf, 0.0)
        row([(o + i, 1.0), (x + i, big)], -inf, big)
    for a, (i, j) in enumerate(arcs):
        row([(f + a, 1.0), (x + i, -big)], -inf, 0.0)
        row([(f + a, 1.0), (x + j, -big)], -inf, 0.0)
        row([(h + a, 1.0), (x + i, big)], -inf, big)
        row([(h + a, 1.0), (x + j, big)], -inf, big)
    inflow: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for a, (i, j) in enumerate(arcs):
        inflow[j].append((a, 1.0))
        inflow[i].append((a, -1.0))
    for i in range(n):
        row(
            [(f + a, s) for a, s in inflow[i]] + [(g + i, 1.0), (x + i, -1.0)],
            0.0,
            0.0,
        )
        row(
            [(h + a, s) for a, s in inflow[i]] + [(o + i, 1.0), (x + i, 1.0)],
            1.0,
            1.0,
        )
    matrix = coo_matrix((data, (rows, cols)), shape=(len(lower), total)).tocsr()
    objective = np.zeros(total)
    objective[x : x + n] = -weight
    integrality = np.zeros(total)
    integrality[: 2 * n] = 1
    high_bounds = np.full(total, big)
    high_bounds[: 2 * n] = 1.0
    high_bounds[o : o + n] = [big if edge else 0.0 for edge in adjacency.on_edge]
    result = milp(
        objective,
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=integrality,
        bounds=Bounds(np.zeros(total), high_bounds),
        options={"time_limit": time_limit, "disp": False},
    )
    if result.x is None:
        raise WijkaanpakError(
            f"No contiguous area without holes has between {min_population:,.0f} "
            f"and {max_population:,.0f} inhabitants; widen the bounds."
        )
    members = frozenset(i for i in range(n) if result.x[x + i] > 0.5)
    return _proposal(
        adjacency,
        members,
        members - _core_without_holes(adjacency, members, weight),
        people,
        weight,
        "mip",
    )


def trade_off_curve(
    adjacency: Adjacency,
    population: ArrayLike,
    mass: ArrayLike,
    *,
    caps: Sequence[float],
    min_population: float = 0.0,
    exact_time_limit: float = 0.0,
) -> tuple[TradeOffPoint, ...]:
    """Propose an area for each population cap: residents against mass captured.

    Parameters
    ----------
    adjacency : Adjacency
        Contiguity of the neighbourhoods.
    population, mass : array-like
        Inhabitants and problem mass per neighbourhood.
    caps : sequence of float
        Upper population bounds to try, in the order wanted on the curve.
    min_population : float, default 0
        Lower bound kept for every point.
    exact_time_limit : float, default 0
        Seconds for the exact improvement of each point (see
        :func:`propose_focus_area`); 0 keeps the fast heuristic only.

    Returns
    -------
    tuple of TradeOffPoint
        One point per cap where an area exists.

    Examples
    --------
    >>> row = Adjacency(tuple("abc"), ((1,), (0, 2), (1,)), (True,) * 3)
    >>> [p.share for p in trade_off_curve(row, [1, 1, 1], [1, 2, 1], caps=[1, 3])]
    [0.5, 1.0]

    References
    ----------
    See :func:`propose_focus_area`.
    """
    points = []
    for cap in caps:
        try:
            proposal = propose_focus_area(
                adjacency,
                population,
                mass,
                min_population=min_population,
                max_population=cap,
                exact_time_limit=exact_time_limit,
            )
        except WijkaanpakError:
            continue
        points.append(
            TradeOffPoint(cap, proposal.population, proposal.share, proposal.codes)
        )
    return tuple(points)
