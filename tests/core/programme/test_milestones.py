# SPDX-License-Identifier: EUPL-1.2
"""Milestones lie on the straight way from baseline to target."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.programme.milestones import (
    expected_value,
    interpolate_milestones,
)
from wijkaanpak.core.programme.model import GoalTarget

targets = st.builds(
    GoalTarget,
    baseline_year=st.integers(2015, 2025),
    baseline_value=st.floats(-500, 500),
    target_year=st.integers(2026, 2040),
    target_value=st.floats(-500, 500),
    direction=st.sampled_from(["higher_is_worse", "higher_is_better"]),
)


@given(targets)
def test_one_milestone_per_year_in_between(target):
    milestones = interpolate_milestones(target)

    assert [m.year for m in milestones] == list(
        range(target.baseline_year + 1, target.target_year)
    )


@given(targets)
def test_milestones_move_one_way_between_baseline_and_target(target):
    values = [
        target.baseline_value,
        *(m.value for m in interpolate_milestones(target, decimals=6)),
        target.target_value,
    ]
    low, high = sorted((target.baseline_value, target.target_value))
    assert all(low - 1e-6 <= value <= high + 1e-6 for value in values)
    steps = [later - earlier for earlier, later in itertools.pairwise(values)]
    assert all(step >= -1e-5 for step in steps) or all(step <= 1e-5 for step in steps)


@given(targets)
def test_the_line_passes_through_baseline_and_target(target):
    assert float(expected_value(target, target.baseline_year)) == pytest.approx(
        target.baseline_value
    )
    assert float(expected_value(target, target.target_year)) == pytest.approx(
        target.target_value
    )


def test_a_milestone_outside_the_goal_years_is_refused():
    target = GoalTarget(2022, 10.0, 2026, 6.0, "higher_is_worse")

    with pytest.raises(WijkaanpakError, match="2027"):
        interpolate_milestones(target, [2024, 2027])


def test_a_deadline_before_the_baseline_is_refused():
    with pytest.raises(WijkaanpakError, match="must come after"):
        GoalTarget(2022, 10.0, 2022, 6.0, "higher_is_worse")
