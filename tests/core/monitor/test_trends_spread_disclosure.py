# SPDX-License-Identifier: EUPL-1.2
"""Indices, noise, small-number suppression and the spread over areas."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.monitor.disclosure import disclose_count, disclose_rate
from wijkaanpak.core.monitor.spread import spread_over_areas
from wijkaanpak.core.monitor.trends import index_series, year_to_year_noise

histories = st.dictionaries(
    st.integers(2015, 2030), st.floats(0.1, 1000, allow_nan=False), max_size=10
)


def test_index_is_100_in_the_start_year():
    assert index_series({2022: 8.0, 2024: 6.0}, 2022) == {2022: 100.0, 2024: 75.0}


def test_index_of_a_zero_base_is_refused():
    assert index_series({2022: 0.0, 2023: 1.0}, 2022) is None
    assert index_series({}, 2022) is None


@given(histories, st.integers(2015, 2030))
def test_the_base_year_of_an_index_is_always_100(history, start):
    index = index_series(history, start)
    if history:
        assert index is not None
        assert 100.0 in [pytest.approx(v) for v in index.values()]


def test_a_straight_line_has_no_noise():
    assert year_to_year_noise({2020: 5.0, 2021: 7.0, 2022: 9.0, 2023: 11.0}) == 0.0


def test_noise_by_hand():
    # Residuals around the fitted line 11 + 0.4 (t - 1.5) are -0.4, 1.2,
    # -1.2, 0.4: sum of squares 3.2 over 2 degrees of freedom, root of 1.6.
    noise = year_to_year_noise({2019: 10.0, 2020: 12.0, 2021: 10.0, 2022: 12.0})
    assert noise == pytest.approx(1.6**0.5)


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, "<10"), (9, "<10"), (10, "10")]
)
def test_counts_below_ten_are_suppressed(count, shown):
    assert str(disclose_count(count)) == shown


def test_rates_on_small_numbers_are_suppressed():
    assert disclose_rate(9, 200).suppressed
    assert disclose_rate(20, 9).suppressed
    assert disclose_rate(0, 50).value == 0.0
    assert disclose_rate(25, 50, scale=1000).value == 500.0


def test_spread_names_the_weakest_by_direction():
    values = {"Noord": 30.0, "Zuid": 10.0, "West": 20.0, "Oost": None}
    worse_high = spread_over_areas(values, "higher_is_worse")
    better_high = spread_over_areas(values, "higher_is_better")
    assert (worse_high.minimum, worse_high.median, worse_high.maximum) == (10, 20, 30)
    assert worse_high.weakest == "Noord"
    assert better_high.weakest == "Zuid"
    assert worse_high.count == 3


def test_spread_of_nothing_is_none():
    assert spread_over_areas({"A": None}) is None


@given(st.dictionaries(st.text(min_size=1), st.floats(-1e6, 1e6), min_size=1))
def test_the_median_lies_between_minimum_and_maximum(values):
    spread = spread_over_areas(values)
    assert spread.minimum <= spread.median <= spread.maximum
    assert spread.minimum <= spread.mean + 1e-6 * (1 + abs(spread.mean))
