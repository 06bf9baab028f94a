# SPDX-License-Identifier: EUPL-1.2
"""Discounting and present values, checked by hand-computed cases."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.impact.discounting import (
    DEFAULT_DISCOUNT_RATE,
    discount_factor,
    present_value,
    rate_from_percent,
)

rates = st.fractions(min_value=0, max_value=Fraction(1, 5), max_denominator=10_000)
amounts = st.lists(
    st.tuples(st.integers(2020, 2040), st.integers(0, 10_000_000_00)), max_size=12
)


def test_the_default_rate_is_that_of_the_dutch_guidance():
    assert Fraction(225, 10_000) == DEFAULT_DISCOUNT_RATE
    assert float(DEFAULT_DISCOUNT_RATE) == 0.0225


def test_a_euro_in_two_years_at_2_25_percent():
    # 1 / 1.0225**2 = 1 / 1.04550625 = 0.95647...
    assert discount_factor(2) == Fraction(100_000_000, 104_550_625)
    assert round(float(discount_factor(2)), 6) == 0.956474


def test_a_year_before_the_base_year_is_compounded_forward():
    assert discount_factor(-1, Fraction(1, 10)) == Fraction(11, 10)


def test_present_value_of_a_stream_by_hand():
    # 1,000 now, 1,000 in a year and 1,000 in two years at 5 %:
    # 1000 + 952.38 + 907.03 = 2859.41 euro.
    value = present_value(
        [(2025, 1_000_00), (2026, 1_000_00), (2027, 1_000_00)],
        base_year=2025,
        rate=Fraction(1, 20),
    )
    assert value == 1_000_00 + Fraction(1_000_00 * 20, 21) + Fraction(
        1_000_00 * 400, 441
    )
    assert round(value) == 285_941


def test_rate_from_percent_reads_text_exactly():
    assert rate_from_percent("2.25") == DEFAULT_DISCOUNT_RATE
    assert rate_from_percent("0") == 0


@pytest.mark.parametrize("text", ["twee", "-100", "-150"])
def test_a_rate_that_is_no_number_or_too_low_is_refused(text):
    with pytest.raises(WijkaanpakError):
        rate_from_percent(text)


@given(amounts)
def test_at_zero_rate_the_present_value_is_the_plain_sum(stream):
    assert present_value(stream, base_year=2020, rate=Fraction(0)) == sum(
        amount for _year, amount in stream
    )


@given(amounts, rates, rates)
def test_a_higher_rate_never_raises_the_value_of_later_money(stream, low, high):
    low, high = sorted((low, high))
    assert present_value(stream, base_year=2020, rate=high) <= present_value(
        stream, base_year=2020, rate=low
    )


@given(amounts, amounts, rates)
def test_present_value_is_additive(first, second, rate):
    both = present_value(first + second, base_year=2022, rate=rate)
    assert both == present_value(first, base_year=2022, rate=rate) + present_value(
        second, base_year=2022, rate=rate
    )
