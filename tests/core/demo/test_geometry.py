# SPDX-License-Identifier: EUPL-1.2
"""Tiling helpers of the demo city: edges, outlines, regions and clusters."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon, box

from wijkaanpak.core.demo.geometry import (
    _connected_cells,
    grow_cluster,
    grow_regions,
    outline_ring,
    shared_edges,
    tile_city,
    to_lon_lat,
)
from wijkaanpak.core.errors import WijkaanpakError


def square(x: float, y: float) -> tuple[tuple[tuple[float, float], ...], ...]:
    return (((x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1), (x, y)),)


def grid(
    width: int, height: int
) -> tuple[list[tuple[int, ...]], list[tuple[float, float]]]:
    adjacency: list[tuple[int, ...]] = []
    centres: list[tuple[float, float]] = []
    for row in range(height):
        for column in range(width):
            around = []
            for d_row, d_column in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                r, c = row + d_row, column + d_column
                if 0 <= r < height and 0 <= c < width:
                    around.append(r * width + c)
            adjacency.append(tuple(sorted(around)))
            centres.append((column - width / 2, row - height / 2))
    return adjacency, centres


def is_connected(members: set[int], adjacency: list[tuple[int, ...]]) -> bool:
    first = min(members)
    reached, todo = {first}, [first]
    while todo:
        for neighbour in adjacency[todo.pop()]:
            if neighbour in members and neighbour not in reached:
                reached.add(neighbour)
                todo.append(neighbour)
    return reached == members


def test_cells_touching_in_a_corner_are_not_neighbours() -> None:
    assert shared_edges([square(0, 0), square(1, 1)]) == ((), ())


def test_cells_sharing_part_of_an_edge_through_a_common_vertex_are_neighbours() -> None:
    wide = (((0.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)),)
    assert shared_edges([wide, square(0, 1), square(1, 1)]) == ((1, 2), (0, 2), (0, 1))


def test_the_outline_of_a_block_of_squares_is_its_boundary() -> None:
    cells = [square(x, y) for x in range(3) for y in range(2)]
    ring = outline_ring(cells)
    assert Polygon(ring).equals(box(0, 0, 3, 2))
    assert Polygon(ring).exterior.is_ccw


def test_rounding_keeps_points_on_a_six_decimal_grid() -> None:
    lon, lat = to_lon_lat(1.234567891, -2.345678912)
    assert (round(lon, 6), round(lat, 6)) == (lon, lat)


def test_a_cut_off_piece_joins_the_neighbour_it_shares_most_edge_with() -> None:
    # Cell 0 owns the left square and a detached piece at the right end;
    # the piece borders cell 1 along a whole edge.
    left, middle, right = box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)
    cells = _connected_cells([[left, right], [middle]])
    assert cells[0].equals(left)
    assert cells[1].equals(box(1, 0, 3, 1))
    assert cells[1].is_valid


def test_tiles_have_no_gaps_or_overlaps() -> None:
    tiling = tile_city(30, rng=np.random.default_rng(11))
    polygons = [Polygon(rings[0], rings[1:]) for rings in tiling.rings]
    union = shapely.unary_union(polygons)
    assert abs(sum(p.area for p in polygons) - union.area) <= 1e-9 * union.area
    assert Polygon(outline_ring(tiling.rings)).equals(union)


def test_too_few_cells_are_refused() -> None:
    with pytest.raises(WijkaanpakError):
        tile_city(1, rng=np.random.default_rng(0))


@settings(max_examples=15, deadline=None)
@given(
    width=st.integers(2, 8),
    height=st.integers(2, 8),
    count=st.integers(1, 12),
    seed=st.integers(0, 1000),
)
def test_regions_are_contiguous_and_cover_every_cell(
    width: int, height: int, count: int, seed: int
) -> None:
    adjacency, centres = grid(width, height)
    count = min(count, width * height)
    label = grow_regions(adjacency, centres, count, rng=np.random.default_rng(seed))
    assert set(label) == set(range(count))
    for region in range(count):
        members = {cell for cell, found in enumerate(label) if found == region}
        assert is_connected(members, adjacency)


def test_regions_need_connected_cells() -> None:
    with pytest.raises(WijkaanpakError):
        grow_regions(
            [(), ()], [(0.0, 0.0), (1.0, 0.0)], 1, rng=np.random.default_rng(0)
        )


@settings(max_examples=15, deadline=None)
@given(
    width=st.integers(2, 8),
    height=st.integers(2, 8),
    size=st.integers(1, 10),
    data=st.data(),
)
def test_a_cluster_is_contiguous_and_has_the_size_asked_for(
    width: int, height: int, size: int, data: st.DataObject
) -> None:
    adjacency, centres = grid(width, height)
    start = data.draw(st.integers(0, width * height - 1))
    cluster = grow_cluster(adjacency, centres, start, size)
    assert len(cluster) == min(size, width * height)
    assert start in cluster
    assert is_connected(set(cluster), adjacency)
