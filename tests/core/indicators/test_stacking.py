# SPDX-License-Identifier: EUPL-1.2
"""Stacking: standardised deviations, shrinkage, coverage, classes, counts."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.indicators.catalogue import (
    Indicator,
    IndicatorValues,
    parse_formula,
)
from wijkaanpak.core.indicators.stacking import (
    CLASS_COLOURS,
    Reference,
    classify_scores,
    combine_areas,
    reference_of,
    stack_indicators,
)


def make(key: str, theme: str, direction: str = "higher_is_worse") -> Indicator:
    return Indicator(
        key,
        key,
        key,
        theme,
        "%",
        direction,
        parse_formula(key),
        parse_formula("n"),
        100,  # type: ignore[arg-type]
    )


INDICATORS = (
    make("low_income", "perspective"),
    make("participation", "perspective", "higher_is_better"),
    make("corporation", "physical"),
    make("crime", "safety"),
)


def test_a_hand_made_case_has_the_known_scores() -> None:
    values = IndicatorValues(
        INDICATORS,
        np.array([[30.0, 50.0, 40.0, 10.0], [10.0, 70.0, 20.0, np.nan]]),
        np.full((2, 4), 1000.0),
    )
    reference = Reference("city", (20.0, 60.0, 30.0, 10.0), (10.0, 10.0, 10.0, 5.0))
    result = stack_indicators(
        values, np.array([2000.0, 2000.0]), reference, shrinkage=False
    )
    # First: +1 and +1 (participation lower is worse) in perspective, +1
    # physical, 0 safety; second: -1, -1, -1 and no safety figure.
    assert result.theme_scores[0].tolist() == [1.0, 1.0, 0.0]
    assert result.score[0] == pytest.approx(2 / 3)
    assert result.theme_coverage[1].tolist() == [2, 1, 0]
    assert result.score[1] == pytest.approx(-1.0)
    assert result.classes.tolist() == [4, 7]
    assert result.excess[0, 0] == pytest.approx(100.0)
    assert result.mass[1] == 0


def test_small_neighbourhoods_are_shrunk_towards_the_reference() -> None:
    values = IndicatorValues(
        INDICATORS[:1], np.array([[60.0], [60.0]]), np.array([[10.0], [5000.0]])
    )
    reference = Reference("city", (20.0,), (10.0,))
    result = stack_indicators(values, np.array([20.0, 10_000.0]), reference)
    assert 0 <= result.score[0] < result.score[1]


def test_the_reference_is_the_weighted_mean() -> None:
    values = IndicatorValues(
        INDICATORS[:1], np.array([[10.0], [40.0]]), np.array([[300.0], [100.0]])
    )
    reference = reference_of(values, np.array([1.0, 1.0]), name="city")
    assert reference.level[0] == pytest.approx(17.5)


def test_areas_combine_by_denominator() -> None:
    values = IndicatorValues(
        INDICATORS[:1], np.array([[10.0], [40.0]]), np.array([[300.0], [100.0]])
    )
    combined, people = combine_areas(values, np.array([600.0, 200.0]), [[0], [0, 1]])
    assert combined.values[:, 0].tolist() == [10.0, 17.5]
    assert people.tolist() == [600.0, 800.0]


@given(st.lists(st.floats(-10, 10), min_size=1, max_size=50))
def test_classes_are_ordered_and_within_one_to_nine(scores: list[float]) -> None:
    array = np.array(sorted(scores))
    classes = classify_scores(array)
    assert classes.min() >= 1
    assert classes.max() <= 9
    assert np.all(np.diff(classes) <= 0)


def test_there_is_one_colour_per_class() -> None:
    assert len(CLASS_COLOURS) == 9
    assert len(set(CLASS_COLOURS)) == 9


def test_national_scale_runs_vectorised() -> None:
    rng = np.random.default_rng(1)
    indicators = tuple(
        make(f"i{k}", ("perspective", "physical", "safety")[k % 3]) for k in range(40)
    )
    data = rng.uniform(0, 60, (14_000, 40))
    data[rng.random(data.shape) < 0.2] = np.nan
    values = IndicatorValues(indicators, data, rng.uniform(10, 3000, (14_000, 40)))
    population = rng.uniform(0, 8000, 14_000)
    start = time.perf_counter()
    reference = reference_of(values, population, name="Nederland")
    result = stack_indicators(values, population, reference)
    assert time.perf_counter() - start < 5  # generous; the benchmark measures
    assert result.score.shape == (14_000,)
    assert np.isfinite(result.score).all()
