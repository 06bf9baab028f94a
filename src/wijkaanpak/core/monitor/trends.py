# SPDX-License-Identifier: EUPL-1.2
"""Series over the years: the start-year index and the year-to-year noise.

A programme of twenty years is followed as a film, not a photo. Every figure
is shown as an index with the programme's start year at 100, so areas and
indicators of different units can be read side by side. And because a
neighbourhood figure moves from year to year for reasons nobody steers (a
few families moving, a small number of crimes), the monitor estimates that
noise from the series itself, so that a status never claims more than the
figures can carry.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

__all__ = ["index_base_year", "index_series", "year_to_year_noise"]


def index_series(
    history: Mapping[int, float], base_year: int
) -> dict[int, float] | None:
    """Return the series as an index with ``base_year`` = 100.

    Parameters
    ----------
    history : mapping of int to float
        Value per year.
    base_year : int
        The programme's start year. When it has no value, the last earlier
        year with a value is used, else the first later year.

    Returns
    -------
    dict of int to float or None
        Index per year; None when no base value exists or it is zero (an
        index of zero is meaningless).

    Examples
    --------
    >>> index_series({2021: 20.0, 2022: 16.0, 2024: 12.0}, 2022)
    {2021: 125.0, 2022: 100.0, 2024: 75.0}
    >>> index_series({2023: 8.0, 2024: 10.0}, 2022)
    {2023: 100.0, 2024: 125.0}
    """
    base = index_base_year(history, base_year)
    if base is None or history[base] == 0:
        return None
    return {year: 100 * history[year] / history[base] for year in sorted(history)}


def index_base_year(history: Mapping[int, float], base_year: int) -> int | None:
    """Return the year an index is based on: the start year or the nearest before.

    Parameters
    ----------
    history : mapping of int to float
        Value per year.
    base_year : int
        The wanted base year.

    Returns
    -------
    int or None
        ``base_year`` if known, else the last year before it, else the first
        year after it; None for an empty history.

    Examples
    --------
    >>> index_base_year({2019: 1.0, 2021: 1.0, 2024: 1.0}, 2022)
    2021
    """
    if not history:
        return None
    before = [year for year in history if year <= base_year]
    return max(before) if before else min(history)


def year_to_year_noise(history: Mapping[int, float]) -> float | None:
    """Estimate the noise of a series: the spread around its straight trend.

    The residual standard deviation of a least-squares line through the
    yearly values, with ``n - 2`` degrees of freedom. A steady trend is not
    noise; the wobble around it is.

    Parameters
    ----------
    history : mapping of int to float
        Value per year.

    Returns
    -------
    float or None
        The standard deviation of one year's value around the trend; None
        with fewer than three years (two points always lie on a line).

    Examples
    --------
    >>> year_to_year_noise({2019: 10.0, 2020: 11.0, 2021: 12.0})
    0.0
    >>> round(year_to_year_noise({2019: 10.0, 2020: 12.0, 2021: 10.0, 2022: 12.0}), 3)
    1.265

    References
    ----------
    Montgomery, Peck and Vining, *Introduction to Linear Regression
    Analysis* (Wiley), section 2.2.3 (the estimate of sigma squared).
    """
    if len(history) < 3:
        return None
    years = sorted(history)
    mean_year = sum(years) / len(years)
    mean_value = sum(history[year] for year in years) / len(years)
    spread = sum((year - mean_year) ** 2 for year in years)
    slope = (
        sum((year - mean_year) * (history[year] - mean_value) for year in years)
        / spread
    )
    residuals = [
        history[year] - (mean_value + slope * (year - mean_year)) for year in years
    ]
    variance = sum(r * r for r in residuals) / (len(years) - 2)
    noise = math.sqrt(variance)
    return 0.0 if noise < 1e-12 else noise
