# SPDX-License-Identifier: EUPL-1.2
"""The ambition check: properties of the trend, the fastest change and the verdicts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.programme.ambition import (
    ambition_check,
    fastest_yearly_improvement,
    linear_trend,
)
from wijkaanpak.core.programme.model import GoalTarget

values = st.floats(-1000, 1000, allow_nan=False)
histories = st.dictionaries(st.integers(2000, 2030), values, max_size=8)
directions = st.sampled_from(["higher_is_worse", "higher_is_better"])


@given(st.integers(2000, 2020), st.integers(2, 8), values, values)
def test_a_straight_line_is_its_own_trend(first, count, slope, start):
    history = {first + step: start + slope * step for step in range(count)}

    fitted_slope, intercept = linear_trend(history)

    assert fitted_slope == pytest.approx(slope, abs=1e-6)
    assert fitted_slope * first + intercept == pytest.approx(start, abs=1e-6)


@given(st.lists(histories, max_size=5), directions)
def test_the_fastest_improvement_is_one_of_the_changes_and_beats_all(
    histories, direction
):
    sign = 1 if direction == "higher_is_better" else -1
    changes = [
        sign * (history[b] - history[a]) / (b - a)
        for history in histories
        for a, b in zip(sorted(history), sorted(history)[1:], strict=False)
    ]

    fastest = fastest_yearly_improvement(histories, direction)

    if not changes:
        assert fastest is None
    else:
        assert fastest in changes
        assert all(change <= fastest for change in changes)


targets = st.builds(
    GoalTarget,
    baseline_year=st.integers(2015, 2025),
    baseline_value=st.floats(0, 100),
    target_year=st.integers(2026, 2040),
    target_value=st.floats(0, 100),
    direction=directions,
)


@given(targets, histories, st.none() | st.floats(0, 100), st.none() | values)
def test_the_verdict_follows_the_flags(target, history, national, fastest):
    check = ambition_check(
        target, history=history, national_level=national, fastest_improvement=fastest
    )

    flags = set(check.reasons)
    if flags & {"beyond_national_level", "faster_than_ever"}:
        assert check.verdict == "unrealistic"
    elif flags & {"below_trend", "worse_than_baseline"}:
        assert check.verdict == "not_ambitious"
    else:
        assert check.verdict == "sound"
    assert ("no_national_level" in flags) is (national is None)


@given(targets, st.floats(0, 100))
def test_a_target_on_the_national_level_is_never_beyond_it(target, national):
    on_level = GoalTarget(
        target.baseline_year,
        target.baseline_value,
        target.target_year,
        national,
        target.direction,
    )

    check = ambition_check(
        on_level, history={}, national_level=national, fastest_improvement=None
    )

    assert "beyond_national_level" not in check.reasons


def test_a_target_faster_than_any_area_ever_moved_is_unrealistic():
    target = GoalTarget(2022, 60.0, 2024, 70.0, "higher_is_better")

    check = ambition_check(
        target, history={}, national_level=None, fastest_improvement=2.0
    )

    assert check.verdict == "unrealistic"
    assert check.reasons[0] == "faster_than_ever"
    assert check.required_yearly_improvement == 5.0


def test_a_target_that_the_trend_reaches_anyway_is_not_ambitious():
    history = {2019: 20.0, 2020: 19.0, 2021: 18.0, 2022: 17.0}
    target = GoalTarget(2022, 17.0, 2026, 14.0, "higher_is_worse")

    check = ambition_check(
        target, history=history, national_level=8.0, fastest_improvement=3.0
    )

    assert check.verdict == "not_ambitious"
    assert check.trend_value == pytest.approx(13.0)


def test_a_step_back_is_not_ambitious():
    target = GoalTarget(2022, 17.0, 2026, 18.0, "higher_is_worse")

    check = ambition_check(
        target, history={}, national_level=None, fastest_improvement=None
    )

    assert check.verdict == "not_ambitious"
    assert "worse_than_baseline" in check.reasons
