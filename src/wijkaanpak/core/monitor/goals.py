# SPDX-License-Identifier: EUPL-1.2
"""The status of a goal against its milestones, honest about uncertainty.

A goal runs from a baseline to a target through milestones. The latest
figure is compared with the value the path expects in that year, within a
band of twice the year-to-year noise of the figure itself: a neighbourhood
figure wobbles for reasons nobody steers, and a traffic light that turns red
on a wobble teaches the alliance the wrong lesson. So the status is one of:

- ``ahead``: better than expected by more than the band;
- ``on_track``: within the band around the expected value;
- ``behind``: worse than expected by more than the band;
- ``unclear``: the figures cannot tell (no target, no figure after the
  baseline, fewer than three years to estimate the noise, or noise as large
  as the whole planned change).

The status says whether the figure moves as planned, not why: it makes no
claim that the programme caused the change.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from wijkaanpak.core.monitor.trends import year_to_year_noise

__all__ = [
    "BAND_WIDTH",
    "GoalPath",
    "GoalStatus",
    "Status",
    "UnclearReason",
    "expected_on_path",
    "goal_status",
    "status_counts",
]

Status = Literal["ahead", "on_track", "behind", "unclear"]
UnclearReason = Literal[
    "",
    "no_target",
    "no_new_figures",
    "too_few_years",
    "noise_exceeds_goal",
]
Direction = Literal["higher_is_worse", "higher_is_better"]

#: The band is this many times the year-to-year noise on either side.
BAND_WIDTH = 2.0


@dataclass(frozen=True, slots=True)
class GoalPath:
    """The planned way of a goal: baseline, milestones and target.

    Attributes
    ----------
    baseline_year, baseline_value : int, float
        Where the goal starts.
    target_year, target_value : int, float
        Where it must be by the deadline.
    direction : {"higher_is_worse", "higher_is_better"}
        Which way is better.
    milestones : tuple of (int, float)
        Values to reach in years between baseline and target.
    """

    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    direction: Direction
    milestones: tuple[tuple[int, float], ...] = ()

    def points(self) -> list[tuple[int, float]]:
        """Return baseline, milestones in between, and target, by year."""
        inner = sorted(
            (year, value)
            for year, value in self.milestones
            if self.baseline_year < year < self.target_year
        )
        return [
            (self.baseline_year, self.baseline_value),
            *inner,
            (self.target_year, self.target_value),
        ]


@dataclass(frozen=True, slots=True)
class GoalStatus:
    """The status of a goal, with the figures that explain it.

    Attributes
    ----------
    status : {"ahead", "on_track", "behind", "unclear"}
        The verdict.
    reason : str
        Why it is unclear; empty otherwise.
    latest_year, latest_value : int or None, float or None
        The latest figure.
    expected : float or None
        What the path expects in the latest year.
    band_low, band_high : float or None
        The band around the expected value (the lower and upper value).
    noise : float or None
        The year-to-year noise of the figure.
    progress : float or None
        The share of the planned change realised so far (1 = target reached;
        negative = moved the wrong way).
    """

    status: Status
    reason: UnclearReason
    latest_year: int | None
    latest_value: float | None
    expected: float | None
    band_low: float | None
    band_high: float | None
    noise: float | None
    progress: float | None


def expected_on_path(path: GoalPath, year: int) -> float:
    """Return the value the path expects in a year.

    Straight lines between baseline, milestones and target; before the
    baseline the baseline, after the target the target.

    Parameters
    ----------
    path : GoalPath
        The goal's path.
    year : int
        Any year.

    Returns
    -------
    float
        The expected value.

    Examples
    --------
    >>> path = GoalPath(2022, 20.0, 2030, 12.0, "higher_is_worse", ((2024, 19.0),))
    >>> (
    ...     expected_on_path(path, 2024),
    ...     expected_on_path(path, 2027),
    ...     expected_on_path(path, 2035),
    ... )
    (19.0, 15.5, 12.0)
    """
    points = path.points()
    if year <= points[0][0]:
        return points[0][1]
    for (start_year, start), (end_year, end) in itertools.pairwise(points):
        if year <= end_year:
            return start + (end - start) * (year - start_year) / (end_year - start_year)
    return points[-1][1]


def _unclear(
    reason: UnclearReason,
    latest: tuple[int, float] | None = None,
    expected: float | None = None,
    noise: float | None = None,
    progress: float | None = None,
) -> GoalStatus:
    return GoalStatus(
        status="unclear",
        reason=reason,
        latest_year=latest[0] if latest else None,
        latest_value=latest[1] if latest else None,
        expected=expected,
        band_low=None,
        band_high=None,
        noise=noise,
        progress=progress,
    )


def goal_status(
    path: GoalPath | None,
    history: Mapping[int, float],
    *,
    band_width: float = BAND_WIDTH,
    noise_floor: float = 0.0,
) -> GoalStatus:
    """Say whether a goal is ahead, on track, behind or unclear.

    Parameters
    ----------
    path : GoalPath or None
        The planned way; None when the goal has no baseline or target.
    history : mapping of int to float
        The figure per year.
    band_width : float
        The band is ``band_width`` times the noise on either side.
    noise_floor : float
        The least noise to assume, for example the rounding of the source
        (0.1 for figures published with one decimal).

    Returns
    -------
    GoalStatus
        The status with the latest figure, the expected value, the band,
        the noise and the progress made.

    Examples
    --------
    Baseline 20 in 2022, target 12 in 2030: the path expects 18 in 2024.

    >>> path = GoalPath(2022, 20.0, 2030, 12.0, "higher_is_worse")
    >>> goal_status(path, {2021: 20.5, 2022: 20.0, 2023: 19.5, 2024: 18.2}).status
    'on_track'
    >>> goal_status(path, {2021: 20.5, 2022: 20.0, 2023: 20.2, 2024: 20.4}).status
    'behind'
    >>> goal_status(path, {2022: 20.0, 2024: 18.0}).reason
    'too_few_years'
    """
    if path is None:
        return _unclear("no_target")
    after = [year for year in history if year > path.baseline_year]
    if not after:
        return _unclear("no_new_figures")
    year = max(after)
    latest = (year, history[year])
    expected = expected_on_path(path, year)
    planned = path.target_value - path.baseline_value
    progress = (latest[1] - path.baseline_value) / planned if planned else None
    noise = year_to_year_noise(history)
    if noise is None:
        return _unclear("too_few_years", latest, expected, None, progress)
    noise = max(noise, noise_floor)
    band = band_width * noise
    if band >= abs(planned):
        return _unclear("noise_exceeds_goal", latest, expected, noise, progress)
    better = 1 if path.direction == "higher_is_better" else -1
    gap = better * (latest[1] - expected)
    status: Status = "on_track"
    if gap > band:
        status = "ahead"
    elif gap < -band:
        status = "behind"
    return GoalStatus(
        status=status,
        reason="",
        latest_year=year,
        latest_value=latest[1],
        expected=expected,
        band_low=expected - band,
        band_high=expected + band,
        noise=noise,
        progress=progress,
    )


def status_counts(statuses: Sequence[GoalStatus]) -> dict[Status, int]:
    """Count goals per status, in the order ahead, on track, behind, unclear.

    Parameters
    ----------
    statuses : sequence of GoalStatus
        The statuses of an area's goals.

    Returns
    -------
    dict
        Count per status, every status present.

    Examples
    --------
    >>> status_counts([_unclear("no_target")])
    {'ahead': 0, 'on_track': 0, 'behind': 0, 'unclear': 1}
    """
    counts: dict[Status, int] = {"ahead": 0, "on_track": 0, "behind": 0, "unclear": 0}
    for item in statuses:
        counts[item.status] += 1
    return counts
