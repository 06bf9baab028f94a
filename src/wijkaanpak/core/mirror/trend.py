# SPDX-License-Identifier: EUPL-1.2
"""The yearly trend of a scan: each factor's score over the years.

An alliance repeats its scans once a year. The trend shows per factor the
scores of the years it was scored and the change since the year before, so
the alliance sees whether its weak spots got stronger.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["FactorTrend", "yearly_trend"]


@dataclass(frozen=True, slots=True)
class FactorTrend:
    """One factor's scores over the years.

    Attributes
    ----------
    factor : str
        The factor's key.
    points : tuple of (int, Fraction or None)
        Per year, in order, its score (None when not scored that year).
    change : Fraction or None
        The latest score minus the one before it, over scored years only;
        None with fewer than two scored years.
    """

    factor: str
    points: tuple[tuple[int, Fraction | None], ...]
    change: Fraction | None


def yearly_trend(
    factors: Sequence[str], scores: Mapping[int, Mapping[str, Fraction | None]]
) -> tuple[FactorTrend, ...]:
    """Arrange the scores of yearly scans per factor.

    Parameters
    ----------
    factors : sequence of str
        The factors in the order to list them.
    scores : mapping of int to mapping of str to Fraction or None
        Per year, the score of each factor (0-100).

    Returns
    -------
    tuple of FactorTrend
        One per factor, years in ascending order.

    Examples
    --------
    >>> trend = yearly_trend(
    ...     ["stop"], {2026: {"stop": Fraction(60)}, 2025: {"stop": Fraction(40)}}
    ... )
    >>> trend[0].change
    Fraction(20, 1)
    """
    years = sorted(scores)
    trends = []
    for factor in factors:
        points = tuple((year, scores[year].get(factor)) for year in years)
        scored = [score for _year, score in points if score is not None]
        change = scored[-1] - scored[-2] if len(scored) >= 2 else None
        trends.append(FactorTrend(factor, points, change))
    return tuple(trends)
