# SPDX-License-Identifier: EUPL-1.2
"""The spread of a figure over the focus areas: minimum, median, maximum.

An average over twenty areas hides the weakest ("het middelt uit", as the
House of Representatives noted), so the national dashboard shows the spread:
the lowest, the median and the highest area, and which areas they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

__all__ = ["Spread", "spread_over_areas"]


@dataclass(frozen=True, slots=True)
class Spread:
    """A figure over the areas that have it.

    Attributes
    ----------
    count : int
        Areas with a value.
    minimum, median, maximum, mean : float
        Over those areas.
    weakest, strongest : str
        The area with the worst and the best value given the direction (for
        a context indicator: the lowest and the highest). Ties go to the
        name first in alphabetical order.
    """

    count: int
    minimum: float
    median: float
    maximum: float
    mean: float
    weakest: str
    strongest: str


def spread_over_areas(
    values: Mapping[str, float | None],
    direction: Literal["higher_is_worse", "higher_is_better", "context"] = "context",
) -> Spread | None:
    """Summarise a figure over areas by its minimum, median and maximum.

    Parameters
    ----------
    values : mapping of str to float or None
        Value per area name; None (missing or suppressed) is left out.
    direction : {"higher_is_worse", "higher_is_better", "context"}
        Which end is the weakest.

    Returns
    -------
    Spread or None
        None when no area has a value.

    Examples
    --------
    >>> s = spread_over_areas(
    ...     {"A": 10.0, "B": 30.0, "C": 14.0, "D": None}, "higher_is_worse"
    ... )
    >>> s.count, s.minimum, s.median, s.maximum, s.weakest, s.strongest
    (3, 10.0, 14.0, 30.0, 'B', 'A')
    >>> spread_over_areas({"A": 1.0, "B": 2.0}).median
    1.5
    """
    known = sorted(
        ((value, name) for name, value in values.items() if value is not None),
    )
    if not known:
        return None
    numbers = [value for value, _name in known]
    middle = len(numbers) // 2
    median = (
        numbers[middle]
        if len(numbers) % 2
        else (numbers[middle - 1] + numbers[middle]) / 2
    )
    low = min(known, key=lambda item: (item[0], item[1]))[1]
    high = min(known, key=lambda item: (-item[0], item[1]))[1]
    weakest, strongest = (low, high) if direction == "higher_is_better" else (high, low)
    if direction == "context":
        weakest, strongest = low, high
    return Spread(
        count=len(numbers),
        minimum=numbers[0],
        median=median,
        maximum=numbers[-1],
        mean=sum(numbers) / len(numbers),
        weakest=weakest,
        strongest=strongest,
    )
