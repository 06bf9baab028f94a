# SPDX-License-Identifier: EUPL-1.2
"""Tile an invented city outline with neighbourhood polygons that share their edges.

The demo city needs maps that look like a real municipality: an irregular
outline, neighbourhoods of similar size, no gaps and no overlaps. We draw a
smooth noisy outline, scatter seed points in it, even them out with a few
steps of Lloyd relaxation, and cut the outline along the Voronoi edges of the
seeds. The cutting is done once, on a single noded set of lines, so two
neighbours use the very same vertices for their common edge; rounding to six
decimals afterwards therefore keeps the tiling exact.

All work happens in a local plane in kilometres (x east, y north of the city
centre); :func:`to_lon_lat` maps that plane to WGS84 around 5.30 E, 51.95 N.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray
from scipy.spatial import Voronoi
from shapely.geometry import LineString, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import polygonize

from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "CENTRE_LAT",
    "CENTRE_LON",
    "KM_PER_DEGREE_LAT",
    "KM_PER_DEGREE_LON",
    "Point",
    "Ring",
    "Tiling",
    "city_outline",
    "grow_cluster",
    "grow_regions",
    "outline_ring",
    "polygon_geometry",
    "shared_edges",
    "tile_city",
    "to_lon_lat",
]

#: Longitude of the centre of the demo city (degrees east).
CENTRE_LON = 5.30
#: Latitude of the centre of the demo city (degrees north).
CENTRE_LAT = 51.95
#: Kilometres per degree of longitude at the centre's latitude.
KM_PER_DEGREE_LON = 68.7
#: Kilometres per degree of latitude.
KM_PER_DEGREE_LAT = 111.2

Point = tuple[float, float]
#: A closed ring of points: the first point is repeated at the end.
Ring = tuple[Point, ...]

_DECIMALS = 6
_LLOYD_STEPS = 3


@dataclass(frozen=True, slots=True)
class Tiling:
    """Cells that tile a city outline exactly, in longitude and latitude.

    Attributes
    ----------
    rings : tuple of tuple of Ring
        Per cell its rings (exterior first, counter-clockwise, closed), with
        coordinates rounded to six decimals and shared by neighbours.
    centres : tuple of Point
        Per cell the centroid, in kilometres east and north of the city centre.
    areas : tuple of float
        Per cell the area in square kilometres.
    adjacency : tuple of tuple of int
        Per cell the sorted indices of the cells it shares an edge with.
    radius : float
        The mean radius of the outline in kilometres.
    """

    rings: tuple[tuple[Ring, ...], ...]
    centres: tuple[Point, ...]
    areas: tuple[float, ...]
    adjacency: tuple[tuple[int, ...], ...]
    radius: float


def city_outline(
    *, rng: np.random.Generator, radius: float = 5.8, vertices: int = 120
) -> Polygon:
    """Draw a smooth, irregular city outline around the origin.

    The radius varies with the angle as a sum of a few low harmonics, which
    gives a blob with gentle bulges and dents, as municipal borders that
    follow dikes and polders do.

    Parameters
    ----------
    rng : numpy.random.Generator
        The source of randomness.
    radius : float
        The mean radius in kilometres.
    vertices : int
        The number of vertices of the outline.

    Returns
    -------
    shapely.geometry.Polygon
        A valid polygon in the local kilometre plane.

    Examples
    --------
    >>> import numpy as np
    >>> outline = city_outline(rng=np.random.default_rng(1))
    >>> outline.is_valid, 80 < outline.area < 140
    (True, True)
    """
    theta = np.linspace(0.0, 2.0 * math.pi, vertices, endpoint=False)
    scale = np.ones_like(theta)
    for harmonic, (low, high) in enumerate(
        ((0.06, 0.13), (0.03, 0.07), (0.01, 0.04), (0.0, 0.025)), start=2
    ):
        amplitude = rng.uniform(low, high)
        phase = rng.uniform(0.0, 2.0 * math.pi)
        scale += amplitude * np.cos(harmonic * theta + phase)
    xs = radius * scale * np.cos(theta)
    ys = radius * scale * np.sin(theta)
    return Polygon(np.column_stack([xs, ys]))


def _seed_points(
    outline: Polygon, count: int, *, rng: np.random.Generator
) -> NDArray[np.float64]:
    minx, miny, maxx, maxy = outline.bounds
    found: list[NDArray[np.float64]] = []
    total = 0
    while total < count:
        candidates = rng.uniform((minx, miny), (maxx, maxy), size=(2 * count, 2))
        inside = candidates[
            shapely.contains_xy(outline, candidates[:, 0], candidates[:, 1])
        ]
        found.append(inside)
        total += len(inside)
    return np.vstack(found)[:count]


def _bounded_voronoi(points: NDArray[np.float64], reach: float) -> Voronoi:
    # A ring of far-away helper points puts every real point inside the convex
    # hull, so every real cell is bounded.
    angles = np.linspace(0.0, 2.0 * math.pi, 16, endpoint=False)
    helpers = reach * np.column_stack([np.cos(angles), np.sin(angles)])
    return Voronoi(np.vstack([points, helpers]))


def _relax(
    points: NDArray[np.float64], outline: Polygon, reach: float
) -> NDArray[np.float64]:
    diagram = _bounded_voronoi(points, reach)
    cells = [
        shapely.MultiPoint(diagram.vertices[diagram.regions[region]]).convex_hull
        for region in diagram.point_region[: len(points)]
    ]
    clipped = shapely.intersection(np.array(cells, dtype=object), outline)
    centres = shapely.get_coordinates(shapely.centroid(clipped))
    moved = points.copy()
    for index, piece in enumerate(clipped):
        # The centroid of a cell in a dent of the outline can fall outside it.
        if shapely.contains_xy(outline, *centres[index]):
            moved[index] = centres[index]
        elif not piece.is_empty:
            point = piece.representative_point()
            moved[index] = (point.x, point.y)
    return moved


def _dissolve(faces: Sequence[Polygon]) -> Polygon:
    # Faces come from one noded set of lines, so edges they share are equal
    # point for point; cancelling opposite edges leaves the common boundary.
    edges: set[tuple[Point, Point]] = set()
    for face in faces:
        coords = [(x, y) for x, y in orient(face, 1.0).exterior.coords]
        for start, end in itertools.pairwise(coords):
            if (end, start) in edges:
                edges.remove((end, start))
            else:
                edges.add((start, end))
    following = dict(sorted(edges))
    first = min(following)
    ring = [first]
    point = following[first]
    while point != first:
        ring.append(point)
        point = following[point]
    return Polygon(ring)


def _faces_per_seed(
    points: NDArray[np.float64], outline: Polygon, reach: float
) -> list[list[Polygon]]:
    diagram = _bounded_voronoi(points, reach)
    real = len(points)
    lines = [LineString(outline.exterior.coords)]
    for (left, right), vertex_ids in zip(
        diagram.ridge_points, diagram.ridge_vertices, strict=True
    ):
        if (left < real or right < real) and -1 not in vertex_ids:
            lines.append(LineString(diagram.vertices[vertex_ids]))
    noded = shapely.unary_union(lines)
    faces: list[list[Polygon]] = [[] for _ in range(real)]
    for face in polygonize(noded.geoms):
        inside = face.representative_point()
        if not outline.contains(inside):
            continue
        distance = np.hypot(points[:, 0] - inside.x, points[:, 1] - inside.y)
        faces[int(np.argmin(distance))].append(face)
    return faces


def _connected_cells(faces: list[list[Polygon]]) -> list[Polygon]:
    # A dent in the outline can cut a Voronoi cell in two; the smaller piece
    # joins the neighbour it shares the longest edge with.
    cells: list[list[Polygon]] = []
    pieces: list[Polygon] = []
    for own in faces:
        ranked = sorted(own, key=lambda face: -face.area)
        cells.append(ranked[:1])
        pieces.extend(ranked[1:])
    while pieces:
        piece = pieces.pop(0)
        lengths = [
            sum(piece.boundary.intersection(face.boundary).length for face in cell)
            for cell in cells
        ]
        best = int(np.argmax(lengths))
        if lengths[best] <= 0.0:
            pieces.append(piece)
            continue
        cells[best].append(piece)
    return [cell[0] if len(cell) == 1 else _dissolve(cell) for cell in cells]


def to_lon_lat(x: float, y: float) -> Point:
    """Map a point of the local kilometre plane to rounded WGS84 coordinates.

    Parameters
    ----------
    x, y : float
        Kilometres east and north of the city centre.

    Returns
    -------
    tuple of float
        Longitude and latitude, rounded to six decimals (about 10 cm).

    Examples
    --------
    >>> to_lon_lat(0.0, 0.0)
    (5.3, 51.95)
    >>> to_lon_lat(6.87, -11.12)
    (5.4, 51.85)
    """
    return (
        round(CENTRE_LON + x / KM_PER_DEGREE_LON, _DECIMALS),
        round(CENTRE_LAT + y / KM_PER_DEGREE_LAT, _DECIMALS),
    )


def _rounded_ring(coords: Iterable[Sequence[float]]) -> Ring:
    ring: list[Point] = []
    for x, y in coords:
        point = to_lon_lat(float(x), float(y))
        if not ring or ring[-1] != point:
            ring.append(point)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return tuple(ring)


def shared_edges(cells: Sequence[Sequence[Ring]]) -> tuple[tuple[int, ...], ...]:
    """Return, per cell, the cells it shares at least one edge with.

    Two cells that only touch in a point are not neighbours, as in the
    rook contiguity used for focus areas.

    Parameters
    ----------
    cells : sequence of sequence of Ring
        Per cell its rings, with neighbours using identical vertices.

    Returns
    -------
    tuple of tuple of int
        Per cell the sorted indices of its neighbours.

    Examples
    --------
    >>> left = (((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)),)
    >>> right = (((1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 0.0)),)
    >>> corner = (((2.0, 1.0), (3.0, 1.0), (3.0, 2.0), (2.0, 2.0), (2.0, 1.0)),)
    >>> shared_edges([left, right, corner])
    ((1,), (0,), ())
    """
    owners: dict[tuple[Point, Point], set[int]] = {}
    for index, rings in enumerate(cells):
        for ring in rings:
            for start, end in itertools.pairwise(ring):
                key = (start, end) if start <= end else (end, start)
                owners.setdefault(key, set()).add(index)
    neighbours: list[set[int]] = [set() for _ in cells]
    for sharing in owners.values():
        for index in sharing:
            neighbours[index] |= sharing - {index}
    return tuple(tuple(sorted(found)) for found in neighbours)


def outline_ring(cells: Sequence[Sequence[Ring]]) -> Ring:
    """Return the outer boundary of cells that tile a region without holes.

    The boundary consists of the exterior edges that belong to one cell
    only; with counter-clockwise exteriors they chain into a
    counter-clockwise ring.

    Parameters
    ----------
    cells : sequence of sequence of Ring
        Per cell its rings, counter-clockwise, with shared vertices.

    Returns
    -------
    Ring
        The closed outline, starting at its smallest point.

    Examples
    --------
    >>> left = (((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)),)
    >>> right = (((1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 0.0)),)
    >>> outline_ring([left, right])
    ((0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0))
    """
    directed: set[tuple[Point, Point]] = set()
    for rings in cells:
        exterior = rings[0]
        for start, end in itertools.pairwise(exterior):
            if (end, start) in directed:
                directed.remove((end, start))
            else:
                directed.add((start, end))
    following = dict(sorted(directed))
    if len(following) != len(directed):
        raise WijkaanpakError(
            "The cells touch the outline in a single point, "
            "so the outline is not one ring."
        )
    first = min(following)
    ring = [first]
    point = following[first]
    while point != first:
        ring.append(point)
        point = following[point]
    ring.append(first)
    return tuple(ring)


def polygon_geometry(rings: Sequence[Ring]) -> dict[str, object]:
    """Return rings as a GeoJSON Polygon geometry (RFC 7946).

    Parameters
    ----------
    rings : sequence of Ring
        Exterior first, then holes; closed rings of longitude and latitude.

    Returns
    -------
    dict
        ``{"type": "Polygon", "coordinates": [...]}`` with lists, as
        :func:`json.dumps` expects.

    Examples
    --------
    >>> ring = ((5.3, 51.9), (5.31, 51.9), (5.31, 51.91), (5.3, 51.9))
    >>> polygon_geometry((ring,))["coordinates"][0][1]
    [5.31, 51.9]
    """
    return {
        "type": "Polygon",
        "coordinates": [[[lon, lat] for lon, lat in ring] for ring in rings],
    }


def tile_city(cells: int, *, rng: np.random.Generator) -> Tiling:
    """Draw a city outline and tile it with ``cells`` neighbourhood polygons.

    Parameters
    ----------
    cells : int
        The number of polygons, at least 2.
    rng : numpy.random.Generator
        The source of randomness; the same state gives the same tiling.

    Returns
    -------
    Tiling
        The polygons in longitude and latitude, their centres, areas and
        neighbours.

    Raises
    ------
    WijkaanpakError
        If fewer than two cells are asked for.

    Examples
    --------
    >>> import numpy as np
    >>> tiling = tile_city(12, rng=np.random.default_rng(7))
    >>> len(tiling.rings), all(tiling.adjacency)
    (12, True)

    References
    ----------
    Lloyd, S. (1982). Least squares quantization in PCM. *IEEE Transactions
    on Information Theory* 28(2), 129-137.
    Aurenhammer, F. (1991). Voronoi diagrams: a survey of a fundamental
    geometric data structure. *ACM Computing Surveys* 23(3), 345-405.
    """
    if cells < 2:
        raise WijkaanpakError(f"A city needs at least 2 neighbourhoods, not {cells}.")
    radius = 5.8
    outline = city_outline(rng=rng, radius=radius)
    reach = 20.0 * radius
    points = _seed_points(outline, cells, rng=rng)
    for _ in range(_LLOYD_STEPS):
        points = _relax(points, outline, reach)
    polygons = [
        orient(cell, 1.0)
        for cell in _connected_cells(_faces_per_seed(points, outline, reach))
    ]
    rings = tuple(
        (
            _rounded_ring(polygon.exterior.coords),
            *tuple(_rounded_ring(hole.coords) for hole in polygon.interiors),
        )
        for polygon in polygons
    )
    return Tiling(
        rings=rings,
        centres=tuple(
            (float(polygon.centroid.x), float(polygon.centroid.y))
            for polygon in polygons
        ),
        areas=tuple(float(polygon.area) for polygon in polygons),
        adjacency=shared_edges(rings),
        radius=radius,
    )


def grow_regions(
    adjacency: Sequence[Sequence[int]],
    centres: Sequence[Point],
    count: int,
    *,
    rng: np.random.Generator,
) -> tuple[int, ...]:
    """Group cells into ``count`` contiguous regions of similar size.

    The first region starts at the cell nearest the origin; the others start
    far from the regions already started (a random one of the
    farthest cells). Then the smallest region that
    still borders a free cell takes the free neighbour nearest its start,
    until every cell belongs to a region. Each region stays contiguous
    because it only ever takes neighbours.

    Parameters
    ----------
    adjacency : sequence of sequence of int
        Per cell its neighbours; the graph must be connected.
    centres : sequence of Point
        Per cell its centre, in kilometres from the origin.
    count : int
        The number of regions, between 1 and the number of cells.
    rng : numpy.random.Generator
        Chooses among nearly equally far starts.

    Returns
    -------
    tuple of int
        Per cell its region, numbered 0 (the central one) to ``count - 1``.

    Raises
    ------
    WijkaanpakError
        If ``count`` is out of range or the cells are not connected.

    Examples
    --------
    >>> import numpy as np
    >>> line = [(1,), (0, 2), (1, 3), (2,)]
    >>> grow_regions(
    ...     line, [(0, 0), (1, 0), (2, 0), (3, 0)], 2, rng=np.random.default_rng(0)
    ... )
    (0, 0, 1, 1)
    """
    size = len(adjacency)
    if not 1 <= count <= size:
        raise WijkaanpakError(f"Cannot make {count} regions of {size} cells.")
    xy = np.asarray(centres, dtype=np.float64)
    starts = [int(np.argmin(np.hypot(xy[:, 0], xy[:, 1])))]
    nearest = np.hypot(*(xy - xy[starts[0]]).T)
    while len(starts) < count:
        far = np.flatnonzero(nearest >= 0.85 * nearest.max())
        start = int(far[int(rng.integers(len(far)))])
        starts.append(start)
        nearest = np.minimum(nearest, np.hypot(*(xy - xy[start]).T))
    label = [-1] * size
    sizes = [1] * count
    for region, start in enumerate(starts):
        label[start] = region
    free = size - count
    while free:
        for region in sorted(range(count), key=lambda item: (sizes[item], item)):
            candidates = {
                neighbour
                for cell in range(size)
                if label[cell] == region
                for neighbour in adjacency[cell]
                if label[neighbour] == -1
            }
            if candidates:
                origin = xy[starts[region]]
                chosen = min(
                    candidates,
                    key=lambda cell: (float(np.hypot(*(xy[cell] - origin))), cell),
                )
                label[chosen] = region
                sizes[region] += 1
                free -= 1
                break
        else:
            raise WijkaanpakError("The cells are not connected; regions cannot grow.")
    return tuple(label)


def grow_cluster(
    adjacency: Sequence[Sequence[int]],
    centres: Sequence[Point],
    start: int,
    size: int,
    *,
    allowed: frozenset[int] | None = None,
) -> tuple[int, ...]:
    """Grow a compact contiguous cluster of ``size`` cells from ``start``.

    Each step adds the bordering cell nearest the start, so the cluster stays
    contiguous and roughly round, as a focus area drawn by hand would be.

    Parameters
    ----------
    adjacency : sequence of sequence of int
        Per cell its neighbours.
    centres : sequence of Point
        Per cell its centre.
    start : int
        The first cell.
    size : int
        The number of cells wanted.
    allowed : frozenset of int, optional
        The cells the cluster may take; all cells if omitted.

    Returns
    -------
    tuple of int
        The cells, sorted; fewer than ``size`` if the allowed cells run out.

    Examples
    --------
    >>> line = [(1,), (0, 2), (1, 3), (2,)]
    >>> grow_cluster(line, [(0, 0), (1, 0), (2, 0), (3, 0)], 2, 3)
    (1, 2, 3)
    """
    chosen = {start}
    origin = centres[start]
    while len(chosen) < size:
        candidates = {
            neighbour
            for cell in chosen
            for neighbour in adjacency[cell]
            if neighbour not in chosen and (allowed is None or neighbour in allowed)
        }
        if not candidates:
            break
        chosen.add(
            min(
                candidates,
                key=lambda cell: (
                    math.hypot(
                        centres[cell][0] - origin[0], centres[cell][1] - origin[1]
                    ),
                    cell,
                ),
            )
        )
    return tuple(sorted(chosen))
