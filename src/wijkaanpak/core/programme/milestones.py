# SPDX-License-Identifier: EUPL-1.2
"""Milestones on the straight way from a baseline to a target.

A goal with a deadline eight years away needs points in between, so that the
alliance sees early whether it is on course. We propose one milestone per
year on the straight line from baseline to target; the bureau may change them.
The line is computed with :class:`fractions.Fraction`, so rounding happens
once, at the end, and is the same on every machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.programme.model import GoalTarget

__all__ = ["Milestone", "expected_value", "interpolate_milestones"]


@dataclass(frozen=True, slots=True)
class Milestone:
    """The value a goal should have reached in a year.

    Attributes
    ----------
    year : int
        The year.
    value : float
        The value to reach by then.
    """

    year: int
    value: float


def expected_value(target: GoalTarget, year: int) -> Fraction:
    """Return the value on the straight line from baseline to target in a year.

    Parameters
    ----------
    target : GoalTarget
        The goal's baseline and target.
    year : int
        Any year; before the baseline or after the deadline the line goes on.

    Returns
    -------
    fractions.Fraction
        The exact value on the line.

    Examples
    --------
    >>> target = GoalTarget(2022, 16.0, 2030, 12.0, "higher_is_worse")
    >>> expected_value(target, 2026)
    Fraction(14, 1)
    """
    start = Fraction(target.baseline_value)
    end = Fraction(target.target_value)
    return start + (end - start) * Fraction(year - target.baseline_year, target.years)


def interpolate_milestones(
    target: GoalTarget, years: Sequence[int] | None = None, *, decimals: int = 1
) -> tuple[Milestone, ...]:
    """Propose milestones on the straight line from baseline to target.

    Parameters
    ----------
    target : GoalTarget
        The goal's baseline and target.
    years : sequence of int, optional
        The years to set milestones in, each strictly between the baseline
        year and the target year. By default every year in between.
    decimals : int
        Digits after the decimal point of each milestone.

    Returns
    -------
    tuple of Milestone
        Sorted by year, without duplicates.

    Raises
    ------
    WijkaanpakError
        If a year does not lie strictly between baseline and deadline.

    Examples
    --------
    >>> target = GoalTarget(2022, 16.7, 2026, 12.0, "higher_is_worse")
    >>> [(m.year, m.value) for m in interpolate_milestones(target)]
    [(2023, 15.5), (2024, 14.3), (2025, 13.2)]
    """
    wanted = (
        range(target.baseline_year + 1, target.target_year)
        if years is None
        else sorted(set(years))
    )
    outside = [
        year for year in wanted if not target.baseline_year < year < target.target_year
    ]
    if outside:
        raise WijkaanpakError(
            f"A milestone year must lie between {target.baseline_year} and "
            f"{target.target_year}; {', '.join(map(str, outside))} does not."
        )
    return tuple(
        Milestone(year, round(float(expected_value(target, year)), decimals))
        for year in wanted
    )
