# SPDX-License-Identifier: EUPL-1.2
"""Check whether a goal's target is ambitious and still realistic.

Programmes of the neighbourhood programme are asked for goals that are
ambitious yet reachable. We flag a target as *unrealistic* when it lies beyond
the national level (a focus area that starts behind will not pass the country
in a few years) or when it asks for a faster yearly improvement than any area
has ever shown in the stored figures; and as *not ambitious* when it asks for
no more than the trend of the baseline years would bring anyway, or for a
step back. The check advises the alliance; it does not forbid a target.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from wijkaanpak.core.programme.model import Direction, GoalTarget

__all__ = [
    "AmbitionCheck",
    "Reason",
    "Verdict",
    "ambition_check",
    "fastest_yearly_improvement",
    "linear_trend",
]

#: The outcome of the check.
Verdict = Literal["unrealistic", "not_ambitious", "sound"]
#: Why a target was flagged, or what could not be checked.
Reason = Literal[
    "beyond_national_level",
    "faster_than_ever",
    "below_trend",
    "worse_than_baseline",
    "no_national_level",
    "no_history",
    "no_trend",
]

_UNREALISTIC: frozenset[Reason] = frozenset(
    {"beyond_national_level", "faster_than_ever"}
)
_NOT_AMBITIOUS: frozenset[Reason] = frozenset({"below_trend", "worse_than_baseline"})


@dataclass(frozen=True, slots=True)
class AmbitionCheck:
    """The verdict on one target, with the figures that explain it.

    Attributes
    ----------
    verdict : {"unrealistic", "not_ambitious", "sound"}
        Unrealistic wins over not ambitious when both apply.
    reasons : tuple of str
        The flags raised, in a fixed order, followed by what could not be
        checked (``no_national_level``, ``no_history``, ``no_trend``).
    required_yearly_improvement : float
        The improvement per year the target asks for (negative: a step back).
    fastest_yearly_improvement : float or None
        The fastest yearly improvement seen in any area, if known.
    trend_value : float or None
        Where the trend of the baseline years leads by the target year.
    national_level : float or None
        The national level of the indicator, if known.
    """

    verdict: Verdict
    reasons: tuple[Reason, ...]
    required_yearly_improvement: float
    fastest_yearly_improvement: float | None
    trend_value: float | None
    national_level: float | None


def linear_trend(history: Mapping[int, float]) -> tuple[float, float] | None:
    """Fit a straight line through yearly values by least squares.

    Parameters
    ----------
    history : mapping of int to float
        Value per year.

    Returns
    -------
    tuple of float or None
        ``(slope, intercept)`` with ``value = slope * year + intercept``, or
        None when fewer than two years are known.

    Examples
    --------
    >>> linear_trend({2019: 10.0, 2020: 11.0, 2021: 12.0})
    (1.0, -2009.0)
    >>> linear_trend({2019: 10.0}) is None
    True

    References
    ----------
    Any textbook on regression, for example Montgomery, Peck and Vining,
    *Introduction to Linear Regression Analysis* (Wiley), chapter 2.
    """
    if len(history) < 2:
        return None
    years = sorted(history)
    mean_year = sum(years) / len(years)
    mean_value = sum(history[year] for year in years) / len(years)
    spread = sum((year - mean_year) ** 2 for year in years)
    slope = (
        sum((year - mean_year) * (history[year] - mean_value) for year in years)
        / spread
    )
    return slope, mean_value - slope * mean_year


def fastest_yearly_improvement(
    histories: Iterable[Mapping[int, float]], direction: Direction
) -> float | None:
    """Return the fastest improvement per year that any area has shown.

    Between two consecutive known years of one area, the change is divided by
    the years between them, so a gap in the figures does not count as one
    fast year.

    Parameters
    ----------
    histories : iterable of mapping of int to float
        Per area (for example each district of the country), value per year.
    direction : {"higher_is_worse", "higher_is_better"}
        Which way is an improvement.

    Returns
    -------
    float or None
        The largest improvement per year (negative when every area got
        worse), or None when no area has two known years.

    Examples
    --------
    >>> fastest_yearly_improvement(
    ...     [{2020: 20.0, 2021: 18.0}, {2020: 15.0, 2022: 9.0}], "higher_is_worse"
    ... )
    3.0
    """
    sign = 1 if direction == "higher_is_better" else -1
    best: float | None = None
    for history in histories:
        years = sorted(history)
        for earlier, later in itertools.pairwise(years):
            change = sign * (history[later] - history[earlier]) / (later - earlier)
            if best is None or change > best:
                best = change
    return best


def ambition_check(
    target: GoalTarget,
    *,
    history: Mapping[int, float],
    national_level: float | None,
    fastest_improvement: float | None,
) -> AmbitionCheck:
    """Judge a target against the national level, the fastest change and the trend.

    Parameters
    ----------
    target : GoalTarget
        Baseline, target and direction of the goal.
    history : mapping of int to float
        The area's values per year; the years up to the baseline year make
        the trend.
    national_level : float or None
        The national value of the indicator, if known. A target is beyond it
        only when the baseline is on the worse side of it.
    fastest_improvement : float or None
        The fastest yearly improvement ever seen
        (:func:`fastest_yearly_improvement`), if known.

    Returns
    -------
    AmbitionCheck
        The verdict, the reasons and the figures behind them.

    Examples
    --------
    Low-income households at 16.7 % in 2022, falling by half a point a year;
    the country is at 8 %.

    >>> history = {2019: 18.2, 2020: 17.7, 2021: 17.2, 2022: 16.7}
    >>> check = lambda value: ambition_check(
    ...     GoalTarget(2022, 16.7, 2030, value, "higher_is_worse"),
    ...     history=history,
    ...     national_level=8.0,
    ...     fastest_improvement=1.5,
    ... )
    >>> check(14.0).verdict, check(14.0).reasons
    ('not_ambitious', ('below_trend',))
    >>> check(11.0).verdict
    'sound'
    >>> check(7.5).verdict, check(7.5).reasons
    ('unrealistic', ('beyond_national_level',))
    """
    sign = target.sign
    required = target.improvement / target.years
    reasons: list[Reason] = []
    if national_level is not None and (
        sign * (national_level - target.baseline_value) > 0
        and sign * (target.target_value - national_level) > 0
    ):
        reasons.append("beyond_national_level")
    if fastest_improvement is not None and required > fastest_improvement:
        reasons.append("faster_than_ever")
    if target.improvement < 0:
        reasons.append("worse_than_baseline")
    past = {
        year: value for year, value in history.items() if year <= target.baseline_year
    }
    line = linear_trend(past)
    trend_value = None
    if line is not None:
        slope, intercept = line
        trend_value = slope * target.target_year + intercept
        if target.improvement >= 0 and sign * (target.target_value - trend_value) <= 0:
            reasons.append("below_trend")
    if national_level is None:
        reasons.append("no_national_level")
    if fastest_improvement is None:
        reasons.append("no_history")
    if line is None:
        reasons.append("no_trend")
    flags = set(reasons)
    verdict: Verdict = "sound"
    if flags & _UNREALISTIC:
        verdict = "unrealistic"
    elif flags & _NOT_AMBITIOUS:
        verdict = "not_ambitious"
    return AmbitionCheck(
        verdict=verdict,
        reasons=tuple(reasons),
        required_yearly_improvement=required,
        fastest_yearly_improvement=fastest_improvement,
        trend_value=trend_value,
        national_level=national_level,
    )
