# SPDX-License-Identifier: EUPL-1.2
"""The status of a goal against its path, by hand-computed cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.monitor.goals import (
    GoalPath,
    expected_on_path,
    goal_status,
    status_counts,
)

# Baseline 20 (2022), target 12 (2030): one point a year down; milestone 17
# in 2025 bends the path: 20 → 17 in three years, then 17 → 12 in five.
PATH = GoalPath(2022, 20.0, 2030, 12.0, "higher_is_worse", ((2025, 17.0),))


def test_expected_follows_milestones():
    assert expected_on_path(PATH, 2023) == 19.0
    assert expected_on_path(PATH, 2025) == 17.0
    assert expected_on_path(PATH, 2026) == 16.0
    assert expected_on_path(PATH, 2019) == 20.0
    assert expected_on_path(PATH, 2040) == 12.0


def test_on_track_within_twice_the_noise():
    # Values 20.4, 20.0, 19.0, 18.2: the fitted line 19.4 - 0.76 (t - 1.5)
    # leaves residuals -0.14, 0.22, -0.02, -0.06; squares sum to 0.072, over
    # 2 degrees of freedom 0.036, so the noise is 0.1897 and the band around
    # the expected 18.0 runs from 17.62 to 18.38.
    history = {2021: 20.4, 2022: 20.0, 2023: 19.0, 2024: 18.2}
    status = goal_status(PATH, history)
    assert status.status == "on_track"
    assert status.expected == pytest.approx(18.0)
    assert status.noise == pytest.approx(0.036**0.5)
    assert status.band_low == pytest.approx(18.0 - 2 * 0.036**0.5)
    assert status.band_high == pytest.approx(18.0 + 2 * 0.036**0.5)
    assert status.progress == pytest.approx(1.8 / 8)


def test_behind_when_worse_than_the_band():
    history = {2021: 20.1, 2022: 20.0, 2023: 20.1, 2024: 20.0}
    assert goal_status(PATH, history).status == "behind"


def test_ahead_when_better_than_the_band():
    history = {2021: 20.1, 2022: 20.0, 2023: 17.0, 2024: 14.0}
    assert goal_status(PATH, history).status == "ahead"


def test_direction_higher_is_better_turns_the_comparison():
    path = GoalPath(2022, 60.0, 2030, 68.0, "higher_is_better")
    rising = {2021: 59.0, 2022: 60.0, 2023: 63.0, 2024: 66.0}
    assert goal_status(path, rising).status == "ahead"


@pytest.mark.parametrize(
    ("path", "history", "reason"),
    [
        (None, {2022: 1.0, 2023: 1.0, 2024: 1.0}, "no_target"),
        (PATH, {2020: 21.0, 2021: 20.5, 2022: 20.0}, "no_new_figures"),
        (PATH, {2022: 20.0, 2024: 15.0}, "too_few_years"),
        # Noise of about 2.9 on a planned change of 8: the band of twice
        # the noise is wider than the whole change.
        (PATH, {2021: 14.0, 2022: 20.0, 2023: 13.0, 2024: 19.0}, "noise_exceeds_goal"),
    ],
)
def test_unclear_when_the_figures_cannot_tell(path, history, reason):
    status = goal_status(path, history)
    assert status.status == "unclear"
    assert status.reason == reason


def test_a_noise_floor_widens_the_band():
    history = {2021: 21.0, 2022: 20.0, 2023: 19.0, 2024: 18.3}
    assert goal_status(PATH, history).status == "behind"
    assert goal_status(PATH, history, noise_floor=0.2).status == "on_track"


def test_status_counts_has_every_status():
    history = {2021: 20.1, 2022: 20.0, 2023: 20.1, 2024: 20.0}
    counts = status_counts([goal_status(PATH, history), goal_status(None, {})])
    assert counts == {"ahead": 0, "on_track": 0, "behind": 1, "unclear": 1}


values = st.floats(0, 100, allow_nan=False)


@given(st.lists(values, min_size=3, max_size=8), values, values)
def test_a_series_exactly_on_the_path_is_never_behind(noise_values, start, end):
    path = GoalPath(2020, start, 2030, end, "higher_is_worse")
    history = {
        2020 + k: expected_on_path(path, 2020 + k) for k in range(len(noise_values))
    }
    assert goal_status(path, history).status in {"on_track", "unclear"}


@given(st.dictionaries(st.integers(2015, 2035), values, max_size=10), values, values)
def test_the_status_is_one_of_four_and_unclear_has_a_reason(history, start, end):
    path = GoalPath(2022, start, 2030, end, "higher_is_better")
    status = goal_status(path, history)
    assert status.status in {"ahead", "on_track", "behind", "unclear"}
    assert (status.status == "unclear") == bool(status.reason)
