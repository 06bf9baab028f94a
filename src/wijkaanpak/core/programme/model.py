# SPDX-License-Identifier: EUPL-1.2
"""Plain types shared by the programme checks: national goals and a goal's target.

The neighbourhood programme (NPLV) has three national goals; every area goal
serves one of them. A target says where an indicator should be in a year,
starting from a baseline (*nulmeting*) measured in an earlier year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from wijkaanpak.core.errors import WijkaanpakError

__all__ = ["DIRECTIONS", "NATIONAL_GOALS", "Direction", "GoalTarget", "NationalGoal"]

#: The three national goals, in the order plans show them: more perspective for
#: children, youth and residents; a better physical living environment; more
#: safety and less undermining. The slugs equal the themes of the indicators.
NationalGoal = Literal["perspective", "physical", "safety"]
NATIONAL_GOALS: tuple[NationalGoal, ...] = ("perspective", "physical", "safety")

#: Which way is better for an indicator that a goal can move.
Direction = Literal["higher_is_worse", "higher_is_better"]
DIRECTIONS: tuple[Direction, ...] = ("higher_is_worse", "higher_is_better")


@dataclass(frozen=True, slots=True)
class GoalTarget:
    """Where an indicator stands at the baseline and where a goal wants it.

    Attributes
    ----------
    baseline_year : int
        The year of the baseline value.
    baseline_value : float
        The value of the indicator in the area in that year.
    target_year : int
        The deadline; later than the baseline year.
    target_value : float
        The value the goal aims for by the deadline.
    direction : {"higher_is_worse", "higher_is_better"}
        Which way is an improvement.

    Examples
    --------
    >>> target = GoalTarget(2022, 16.7, 2030, 12.0, "higher_is_worse")
    >>> target.years, round(target.improvement, 1)
    (8, 4.7)
    """

    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    direction: Direction

    def __post_init__(self) -> None:
        """Refuse a deadline that is not after the baseline."""
        if self.target_year <= self.baseline_year:
            raise WijkaanpakError(
                f"The target year {self.target_year} must come after the baseline "
                f"year {self.baseline_year}."
            )
        if self.direction not in DIRECTIONS:
            raise WijkaanpakError(
                f"The direction {self.direction!r} is unknown; use one of "
                f"{', '.join(DIRECTIONS)}."
            )

    @property
    def sign(self) -> int:
        """Return +1 when higher is better, -1 when lower is better."""
        return 1 if self.direction == "higher_is_better" else -1

    @property
    def years(self) -> int:
        """Return the number of years from baseline to deadline."""
        return self.target_year - self.baseline_year

    @property
    def improvement(self) -> float:
        """Return the improvement the goal asks for, positive when it is one."""
        return self.sign * (self.target_value - self.baseline_value)
