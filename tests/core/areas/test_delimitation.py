# SPDX-License-Identifier: EUPL-1.2
"""Delimitation: contiguous, hole-free, within bounds; greedy against the MIP."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkaanpak.core.areas.contiguity import Adjacency
from wijkaanpak.core.areas.delimitation import (
    enclosed_by,
    focus_area_mip,
    is_contiguous,
    propose_focus_area,
    trade_off_curve,
)
from wijkaanpak.core.errors import WijkaanpakError


def grid(columns: int, rows: int) -> Adjacency:
    neighbours = []
    on_edge = []
    for y in range(rows):
        for x in range(columns):
            row = []
            if y > 0:
                row.append((y - 1) * columns + x)
            if x > 0:
                row.append(y * columns + x - 1)
            if x < columns - 1:
                row.append(y * columns + x + 1)
            if y < rows - 1:
                row.append((y + 1) * columns + x)
            neighbours.append(tuple(row))
            on_edge.append(x in (0, columns - 1) or y in (0, rows - 1))
    codes = tuple(f"BU{i:08d}" for i in range(columns * rows))
    return Adjacency(codes, tuple(neighbours), tuple(on_edge))


def positions(adjacency: Adjacency, codes: tuple[str, ...]) -> frozenset[int]:
    index = {code: i for i, code in enumerate(adjacency.codes)}
    return frozenset(index[code] for code in codes)


def test_the_hot_corner_of_a_grid_is_found() -> None:
    adjacency = grid(4, 4)
    mass = [0.0] * 16
    for i in (0, 1, 4, 5):
        mass[i] = 10.0
    mass[15] = 12.0  # alone, far away: worth less than the block of four
    proposal = propose_focus_area(
        adjacency, [1] * 16, mass, min_population=2, max_population=4
    )
    assert positions(adjacency, proposal.codes) == {0, 1, 4, 5}
    assert proposal.mass == 40
    assert proposal.share == pytest.approx(40 / 52)


def test_an_enclosed_neighbourhood_is_included() -> None:
    adjacency = grid(3, 3)
    mass = [5.0] * 9
    mass[4] = 0.0  # the better-scoring middle is surrounded
    proposal = propose_focus_area(
        adjacency, [1] * 9, mass, min_population=9, max_population=9
    )
    assert len(proposal.codes) == 9
    assert proposal.enclosed == (adjacency.codes[4],)


def test_a_bridge_with_no_mass_is_crossed() -> None:
    row = Adjacency(tuple("abcde"), ((1,), (0, 2), (1, 3), (2, 4), (3,)), (True,) * 5)
    proposal = propose_focus_area(
        row, [1] * 5, [9, 0, 0, 0, 0], min_population=1, max_population=3
    )
    assert proposal.codes == ("a",)
    bridged = propose_focus_area(
        row, [1, 1, 1, 1, 1], [6, 0, 6, 0, 0], min_population=1, max_population=3
    )
    assert bridged.codes == ("a", "b", "c")


def test_impossible_bounds_are_a_clear_error() -> None:
    with pytest.raises(WijkaanpakError, match="widen the bounds"):
        propose_focus_area(
            grid(2, 2), [100] * 4, [1] * 4, min_population=50, max_population=60
        )
    with pytest.raises(WijkaanpakError, match="widen the bounds"):
        focus_area_mip(
            grid(2, 2), [100] * 4, [1] * 4, min_population=50, max_population=60
        )


def test_the_trade_off_curve_rises() -> None:
    adjacency = grid(4, 4)
    mass = [float(i % 5) for i in range(16)]
    curve = trade_off_curve(adjacency, [1] * 16, mass, caps=[2, 4, 8, 16])
    shares = [point.share for point in curve]
    assert shares == sorted(shares)
    assert shares[-1] == pytest.approx(1.0)


def test_the_mip_finds_the_known_optimum_with_holes_filled() -> None:
    adjacency = grid(3, 3)
    mass = [5.0, 5.0, 5.0, 5.0, 0.0, 5.0, 5.0, 5.0, 0.0]
    population = [1, 1, 1, 1, 10, 1, 1, 1, 1]
    # The seven neighbourhoods with mass around the middle (35) would enclose
    # it, and with the middle the area is too large; the best hole-free area
    # leaves out one more neighbourhood so the middle reaches the edge.
    best = focus_area_mip(
        adjacency, population, mass, min_population=1, max_population=7
    )
    members = positions(adjacency, best.codes)
    assert best.mass == 30
    assert not enclosed_by(adjacency, members)
    assert is_contiguous(adjacency, members)


weights = st.lists(st.integers(0, 20), min_size=16, max_size=16)
people = st.lists(st.integers(1, 9), min_size=16, max_size=16)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weights, people, st.integers(5, 40), st.integers(0, 30))
def test_proposals_are_contiguous_hole_free_and_within_bounds(
    mass: list[int], population: list[int], cap: int, floor: int
) -> None:
    adjacency = grid(4, 4)
    low = min(floor, cap)
    try:
        proposal = propose_focus_area(
            adjacency, population, mass, min_population=low, max_population=cap
        )
    except WijkaanpakError:
        return
    members = positions(adjacency, proposal.codes)
    assert is_contiguous(adjacency, members)
    assert not enclosed_by(adjacency, members)
    assert low <= proposal.population <= cap


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weights, people, st.integers(6, 30))
def test_the_greedy_is_close_to_the_exact_optimum(
    mass: list[int], population: list[int], cap: int
) -> None:
    adjacency = grid(4, 4)
    try:
        exact = focus_area_mip(
            adjacency, population, mass, min_population=0, max_population=cap
        )
    except WijkaanpakError:
        return
    members = positions(adjacency, exact.codes)
    assert is_contiguous(adjacency, members) or not members
    assert not enclosed_by(adjacency, members)
    assert exact.population <= cap
    greedy = propose_focus_area(
        adjacency, population, mass, min_population=0, max_population=cap
    )
    assert greedy.mass <= exact.mass + 1e-9
    assert greedy.mass >= 0.7 * exact.mass
