# SPDX-License-Identifier: EUPL-1.2
"""Rook and queen contiguity, outer edge, storage, real coarse and fine data."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import box

from wijkaanpak.adapters.geometry import read_geometries
from wijkaanpak.core.areas.contiguity import Adjacency, polygon_contiguity


def grid(columns: int, rows: int, gap: float = 0.0) -> list[object]:
    return [
        box(x + gap, y + gap, x + 1 - gap, y + 1 - gap)
        for y in range(rows)
        for x in range(columns)
    ]


def test_rook_and_queen_on_a_three_by_three_grid() -> None:
    codes = [f"c{i}" for i in range(9)]
    rook = polygon_contiguity(codes, grid(3, 3))
    queen = polygon_contiguity(codes, grid(3, 3), criterion="queen")
    assert rook.neighbours[4] == (1, 3, 5, 7)
    assert queen.neighbours[4] == (0, 1, 2, 3, 5, 6, 7, 8)
    assert rook.neighbours[0] == (1, 3)


def test_only_the_middle_of_a_grid_is_inside() -> None:
    adjacency = polygon_contiguity([f"c{i}" for i in range(9)], grid(3, 3))
    assert [i for i, edge in enumerate(adjacency.on_edge) if not edge] == [4]


def test_a_small_tolerance_snaps_borders_that_nearly_meet() -> None:
    codes = [f"c{i}" for i in range(4)]
    polygons = grid(2, 2, gap=0.0001)
    assert polygon_contiguity(codes, polygons).edges() == []
    snapped = polygon_contiguity(codes, polygons, tolerance=0.001)
    assert snapped.edges() == [(0, 1), (0, 2), (1, 3), (2, 3)]


def test_the_adjacency_survives_storage_and_restriction() -> None:
    adjacency = polygon_contiguity([f"c{i}" for i in range(9)], grid(3, 3))
    assert Adjacency.from_dict(adjacency.to_dict()) == adjacency
    corner = adjacency.restricted(["c0", "c1", "c3", "c4"])
    assert corner.neighbours == ((1, 2), (0, 3), (0, 3), (1, 2))
    assert all(corner.on_edge)


@pytest.mark.shared_data
def test_the_coarse_utrecht_buurten_are_one_piece(shared_data: Path) -> None:
    layer = read_geometries(
        shared_data / "geometries" / "buurten_2014_utrecht_GM0344_coarse.geojson",
        repair=True,
    )
    adjacency = polygon_contiguity(layer.codes(), [a.geometry for a in layer.areas])
    assert sum(len(row) for row in adjacency.neighbours) / len(layer.areas) > 4
    # A few small buurten collapse at the coarse quantisation and keep no
    # shared border.
    assert sum(1 for row in adjacency.neighbours if not row) <= 3


@pytest.mark.shared_data
def test_full_resolution_amsterdam_buurten_connect_with_a_tolerance(
    shared_data: Path,
) -> None:
    layer = read_geometries(
        shared_data / "geometries" / "amsterdam_buurten_2022.geojson"
    )
    polygons = [a.geometry for a in layer.areas]
    exact = polygon_contiguity(layer.codes(), polygons)
    snapped = polygon_contiguity(layer.codes(), polygons, tolerance=1e-5)
    assert len(snapped.edges()) >= len(exact.edges()) > 1000


@pytest.mark.shared_data
def test_the_national_topojson_gives_a_connected_country(shared_data: Path) -> None:
    layer = read_geometries(
        shared_data / "geometries" / "buurten_2014_nl_coarse.topojson", repair=True
    )
    shaped = [a for a in layer.areas if not a.geometry.is_empty]
    adjacency = polygon_contiguity(
        [a.code for a in shaped], [a.geometry for a in shaped]
    )
    assert len(adjacency.codes) > 10_000
    assert sum(len(row) for row in adjacency.neighbours) / len(shaped) > 4
