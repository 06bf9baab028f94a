# SPDX-License-Identifier: EUPL-1.2
"""The catalogue's expression language and indicator evaluation."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.indicators.catalogue import (
    Catalogue,
    Indicator,
    evaluate_formula,
    indicator_values,
    parse_formula,
)


def indicator(key: str, formula: str, denominator: str | None = None) -> Indicator:
    return Indicator(
        key,
        key,
        key,
        "perspective",
        "%",
        "higher_is_worse",
        parse_formula(formula),
        parse_formula(denominator) if denominator else None,
        100,
    )


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os')",
        "a.b",
        "a ** 2",
        "a[0]",
        "lambda: 1",
        "'text'",
        "a if b else c",
    ],
)
def test_anything_beyond_arithmetic_is_refused(text: str) -> None:
    with pytest.raises(WijkaanpakError):
        parse_formula(text)


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.floats(0.5, 1e6))
def test_formulas_follow_arithmetic(a: float, b: float, c: float) -> None:
    result = evaluate_formula(
        parse_formula("(a + b) * 2 - a / c"),
        {"a": np.array([a]), "b": np.array([b]), "c": np.array([c])},
    )
    assert result[0] == pytest.approx((a + b) * 2 - a / c)


def test_division_by_zero_is_missing() -> None:
    result = evaluate_formula(
        parse_formula("a / b"), {"a": np.array([1.0]), "b": np.array([0.0])}
    )
    assert np.isnan(result[0])


def test_indicators_without_their_variables_are_left_out() -> None:
    catalogue = Catalogue(
        (indicator("low", "p_hh_lkk", "a_hh"), indicator("crime", "crime_total"))
    )
    values = indicator_values(
        catalogue, {"p_hh_lkk": np.array([5.0]), "a_hh": np.array([10.0])}, 1
    )
    assert [i.key for i in values.indicators] == ["low"]
    assert values.denominators[0, 0] == 10


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(WijkaanpakError, match="twice"):
        Catalogue((indicator("a", "x"), indicator("a", "y")))
