# SPDX-License-Identifier: EUPL-1.2
"""Neighbourhood figures of the demo city: secrecy, stacking and trends."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkaanpak.core.demo import generate_city
from wijkaanpak.core.demo.figures import (
    AreaProfile,
    DemoFigure,
    deprivation_levels,
    neighbourhood_figures,
)


def by_year(figures: tuple[DemoFigure, ...], variable: str) -> dict[int, float | None]:
    return {f.year: f.value for f in figures if f.variable == variable}


def test_income_of_a_sparse_neighbourhood_is_secret() -> None:
    profile = AreaProfile("BU99010100", 0.0, 0.0, in_focus=False, sparse=True)
    figures = neighbourhood_figures(
        [profile],
        first_year=2019,
        last_year=2024,
        focus_start=2022,
        rng=np.random.default_rng(4),
    )
    assert all(value is None for value in by_year(figures, "p_hh_li").values())
    assert all(value is None for value in by_year(figures, "p_hh_osm").values())
    assert all(value is None for value in by_year(figures, "g_ink_pi").values())
    households = by_year(figures, "a_hh").values()
    assert all(value is not None and value < 200 for value in households)


def test_the_focus_area_improves_only_after_the_start() -> None:
    def low_income(in_focus: bool) -> dict[int, float | None]:
        profile = AreaProfile("BU99010000", 1.0, 0.2, in_focus=in_focus, sparse=False)
        figures = neighbourhood_figures(
            [profile],
            first_year=2019,
            last_year=2024,
            focus_start=2022,
            rng=np.random.default_rng(8),
        )
        return by_year(figures, "p_hh_li")

    treated, untreated = low_income(True), low_income(False)
    for year in range(2019, 2023):
        assert treated[year] == untreated[year]
    assert (treated[2024] or 0) < (untreated[2024] or 0)


def test_the_focus_area_has_the_highest_deprivation() -> None:
    centres = [(float(x), float(y)) for x in range(-3, 4) for y in range(-3, 4)]
    adjacency = [
        tuple(
            other
            for other, (u, v) in enumerate(centres)
            if abs(u - x) + abs(v - y) == 1
        )
        for x, y in centres
    ]
    focus = frozenset({0, 1, 7})
    levels = deprivation_levels(
        centres,
        adjacency,
        4.0,
        focus=focus,
        pockets=frozenset({40}),
        rng=np.random.default_rng(2),
    )
    assert min(levels[cell] for cell in focus) > max(
        level for cell, level in enumerate(levels) if cell not in focus
    )


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_low_income_stacks_in_the_focus_area_for_any_seed(seed: int) -> None:
    city = generate_city(seed=seed, neighbourhoods=40, districts=6)
    focus = set(city.focus_area.neighbourhood_codes)
    inside: list[float] = []
    outside: list[float] = []
    for figure in city.figures:
        if figure.variable == "p_hh_lkk" and figure.value is not None:
            (inside if figure.neighbourhood_code in focus else outside).append(
                figure.value
            )
    assert sum(inside) / len(inside) >= sum(outside) / len(outside) + 3
