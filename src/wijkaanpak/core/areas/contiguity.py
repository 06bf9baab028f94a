# SPDX-License-Identifier: EUPL-1.2
"""Contiguity of neighbourhoods: which polygons share a border.

A focus area must be one piece, so the delimitation assistant needs to know
which neighbourhoods border each other. The contiguity depends only on the
boundaries of a boundary year, so it is computed once per year and stored as a
plain structure (:meth:`Adjacency.to_dict`). Two criteria are offered, as in
spatial statistics: *rook* (a shared border of positive length) and *queen* (any
shared point). Coarse, quantised boundaries share vertices exactly; full
resolution boundaries from different sources may not, so a small snapping
tolerance (in the units of the coordinates) may be given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import shapely

from wijkaanpak.core.errors import WijkaanpakError

__all__ = ["Adjacency", "polygon_contiguity"]


@dataclass(frozen=True, slots=True)
class Adjacency:
    """Neighbours of each area, and whether it lies on the outer edge.

    Attributes
    ----------
    codes : tuple of str
        Area codes, in order.
    neighbours : tuple of tuple of int
        For each area, the sorted positions of its neighbours.
    on_edge : tuple of bool
        Whether the area touches the outside of the set of areas (the sea, a
        neighbouring municipality or the edge of the data); a part of the set
        not touching the edge is enclosed.
    criterion : str
        ``"rook"`` or ``"queen"``.
    """

    codes: tuple[str, ...]
    neighbours: tuple[tuple[int, ...], ...]
    on_edge: tuple[bool, ...]
    criterion: str = "rook"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary, to store per boundary year.

        Examples
        --------
        >>> Adjacency(("a", "b"), ((1,), (0,)), (True, True)).to_dict()["neighbours"]
        {'a': ['b'], 'b': ['a']}
        """
        return {
            "criterion": self.criterion,
            "neighbours": {
                code: [self.codes[j] for j in self.neighbours[i]]
                for i, code in enumerate(self.codes)
            },
            "on_edge": [code for i, code in enumerate(self.codes) if self.on_edge[i]],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Adjacency:
        """Rebuild an adjacency stored with :meth:`to_dict`.

        Examples
        --------
        >>> stored = Adjacency(("a", "b"), ((1,), (0,)), (True, False)).to_dict()
        >>> Adjacency.from_dict(stored).on_edge
        (True, False)
        """
        codes = tuple(data["neighbours"])
        position = {code: i for i, code in enumerate(codes)}
        neighbours = tuple(
            tuple(sorted(position[other] for other in data["neighbours"][code]))
            for code in codes
        )
        edge = set(data.get("on_edge", ()))
        return cls(
            codes,
            neighbours,
            tuple(code in edge for code in codes),
            str(data.get("criterion", "rook")),
        )

    def restricted(self, codes: Sequence[str]) -> Adjacency:
        """Return the adjacency among ``codes`` only (for example one city).

        An area is on the edge of the restricted set if it was on the edge
        before or has a neighbour outside the set.

        Examples
        --------
        >>> path = Adjacency(("a", "b", "c"), ((1,), (0, 2), (1,)), (True, False, True))
        >>> path.restricted(["b", "c"])
        Adjacency(codes=('b', 'c'), neighbours=((1,), (0,)), on_edge=(True, True), criterion='rook')
        """
        position = {code: i for i, code in enumerate(self.codes)}
        missing = [code for code in codes if code not in position]
        if missing:
            raise WijkaanpakError(
                f"The contiguity has no area {missing[0]}; it was computed for "
                "another boundary year or region."
            )
        kept = {position[code]: new for new, code in enumerate(codes)}
        neighbours = []
        on_edge = []
        for code in codes:
            old = position[code]
            inside = [kept[j] for j in self.neighbours[old] if j in kept]
            neighbours.append(tuple(sorted(inside)))
            on_edge.append(self.on_edge[old] or len(inside) < len(self.neighbours[old]))
        return Adjacency(
            tuple(codes), tuple(neighbours), tuple(on_edge), self.criterion
        )

    def edges(self) -> list[tuple[int, int]]:
        """Return each undirected edge once as ``(i, j)`` with ``i < j``."""
        return [(i, j) for i, row in enumerate(self.neighbours) for j in row if i < j]


def polygon_contiguity(
    codes: Sequence[str],
    polygons: Sequence[shapely.Geometry],
    *,
    criterion: Literal["rook", "queen"] = "rook",
    tolerance: float = 0.0,
    min_shared_length: float | None = None,
) -> Adjacency:
    """Compute rook or queen contiguity of polygons.

    Parameters
    ----------
    codes : sequence of str
        One code per polygon.
    polygons : sequence of shapely geometry
        Polygons or multipolygons, in the same order.
    criterion : {"rook", "queen"}, default "rook"
        Rook needs a shared border of positive length, queen any shared point.
    tolerance : float, default 0
        Snapping distance: borders closer than this count as shared (use a few
        metres' worth for full-resolution data from mixed sources).
    min_shared_length : float, optional
        Shortest shared border for rook contiguity; defaults to
        ``2 * tolerance`` (or any positive length when the tolerance is 0).

    Returns
    -------
    Adjacency
        Neighbours per polygon and whether each polygon lies on the outer edge
        (part of its border is shared with no other polygon).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> squares = [box(0, 0, 1, 1), box(1, 0, 2, 1), box(1, 1, 2, 2)]
    >>> polygon_contiguity(["a", "b", "c"], squares).neighbours
    ((1,), (0, 2), (1,))
    >>> polygon_contiguity(["a", "b", "c"], squares, criterion="queen").neighbours
    ((1, 2), (0, 2), (0, 1))

    References
    ----------
    Anselin, L. (1988). *Spatial Econometrics: Methods and Models*, Kluwer,
    for rook and queen contiguity.
    """
    if len(codes) != len(polygons):
        raise WijkaanpakError("Give exactly one code per polygon.")
    geometries = np.asarray(polygons, dtype=object)
    size = len(geometries)
    tree = shapely.STRtree(geometries)
    if tolerance > 0:
        left, right = tree.query(geometries, predicate="dwithin", distance=tolerance)
    else:
        left, right = tree.query(geometries, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    boundaries = shapely.boundary(geometries)
    perimeter = shapely.length(boundaries)
    # The shared length also tells which polygons lie on the outer edge, so it
    # is measured for queen contiguity too.
    if tolerance > 0:
        zones = shapely.buffer(boundaries, tolerance)
        shared = shapely.length(shapely.intersection(boundaries[left], zones[right]))
    else:
        shared = shapely.length(
            shapely.intersection(boundaries[left], boundaries[right])
        )
    threshold = 2 * tolerance if min_shared_length is None else min_shared_length
    if criterion == "rook":
        linked = shared > threshold
    else:
        linked = np.ones(len(left), dtype=bool)
    left, right, shared = left[linked], right[linked], shared[linked]
    covered = np.zeros(size)
    np.add.at(covered, left, shared)
    np.add.at(covered, right, shared)
    lists: list[list[int]] = [[] for _ in range(size)]
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        lists[i].append(j)
        lists[j].append(i)
    slack = max(tolerance * 4, 1e-9)
    # A polygon without neighbours (an island, or a shape collapsed by
    # coarse quantisation) is its own outside.
    on_edge = tuple(
        not lists[i] or bool(covered[i] < perimeter[i] - slack * (1 + len(lists[i])))
        for i in range(size)
    )
    return Adjacency(
        tuple(codes),
        tuple(tuple(sorted(row)) for row in lists),
        on_edge,
        criterion,
    )
