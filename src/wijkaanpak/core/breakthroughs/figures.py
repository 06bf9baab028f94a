# SPDX-License-Identifier: EUPL-1.2
"""Figures of blockage cases: open cases by level and age, time to breakthrough.

The programme reports per focus area and nationally how many cases are open
on which level and for how long, how long a breakthrough takes (the median, so
one case that took two years does not hide the rest) and which share of the
breakthroughs was structural: a changed rule helps every later household, an
exception only this one. Figures that leave the area are aggregates, and a
count from 1 to 9 is suppressed, because in a neighbourhood a small number can
point at a household.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from wijkaanpak.core.breakthroughs.ladder import (
    LADDER,
    Level,
    Outcome,
    time_to_breakthrough,
)

__all__ = [
    "AGE_BANDS",
    "SMALL_NUMBER_THRESHOLD",
    "CaseFacts",
    "CaseFigures",
    "PublishedFigures",
    "age_band",
    "case_figures",
    "median_days",
    "publish",
    "suppress_small",
]

#: Counts from 1 to this number minus one are not published outside the area.
SMALL_NUMBER_THRESHOLD = 10

#: Age bands of open cases in days since opening: (first day, last day or None).
AGE_BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 30),
    (31, 90),
    (91, 180),
    (181, None),
)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the figures need of one case: no text, no household.

    Attributes
    ----------
    level : Level
        The level it stands on (or stood on when closed).
    opened_on : datetime.date
        When it was opened.
    outcome : Outcome or None
        How it ended; None while open.
    decided_on : datetime.date or None
        The day of the closing decision; None while open.
    """

    level: Level
    opened_on: datetime.date
    outcome: Outcome | None = None
    decided_on: datetime.date | None = None

    @property
    def is_open(self) -> bool:
        """True while the case has no outcome."""
        return self.outcome is None


@dataclass(frozen=True, slots=True)
class CaseFigures:
    """The figures of a set of cases, exact.

    Attributes
    ----------
    open_by_level : tuple of (Level, tuple of int)
        Per level, bottom first, the open cases per age band of
        :data:`AGE_BANDS`.
    open_per_level : tuple of (Level, int)
        Per level, bottom first, all open cases.
    open_cases, closed_cases : int
        Totals.
    outcomes : tuple of (Outcome, int)
        Closed cases per outcome, in the order of :class:`Outcome`.
    breakthroughs : int
        Closed cases with an incidental or structural breakthrough.
    median_days_to_breakthrough : Fraction or None
        Over the breakthroughs; None without any.
    share_structural : Fraction or None
        Structural breakthroughs as a share of all breakthroughs.
    """

    open_by_level: tuple[tuple[Level, tuple[int, ...]], ...]
    open_per_level: tuple[tuple[Level, int], ...]
    open_cases: int
    closed_cases: int
    outcomes: tuple[tuple[Outcome, int], ...]
    breakthroughs: int
    median_days_to_breakthrough: Fraction | None
    share_structural: Fraction | None


def age_band(age_days: int) -> int:
    """Return the index in :data:`AGE_BANDS` of a case this many days old.

    Parameters
    ----------
    age_days : int
        Days since opening.

    Returns
    -------
    int
        0 to ``len(AGE_BANDS) - 1``.

    Examples
    --------
    >>> age_band(0), age_band(31), age_band(400)
    (0, 1, 3)
    """
    for index, (_first, last) in enumerate(AGE_BANDS):
        if last is None or age_days <= last:
            return index
    raise AssertionError("the last band is open")  # pragma: no cover


def median_days(days: Sequence[int]) -> Fraction | None:
    """Return the median of whole days exactly; the mean of the middle two if even.

    Parameters
    ----------
    days : sequence of int
        Durations.

    Returns
    -------
    Fraction or None
        None for no durations.

    Examples
    --------
    >>> median_days([30, 10, 20])
    Fraction(20, 1)
    >>> median_days([1, 2])
    Fraction(3, 2)
    """
    if not days:
        return None
    ordered = sorted(days)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return Fraction(ordered[middle - 1] + ordered[middle], 2)


def case_figures(cases: Iterable[CaseFacts], *, today: datetime.date) -> CaseFigures:
    """Count open cases by level and age and summarise the closed ones.

    Parameters
    ----------
    cases : iterable of CaseFacts
        The cases of an area, or of all areas.
    today : datetime.date
        The day the ages are counted to.

    Returns
    -------
    CaseFigures
        Exact figures; :func:`publish` suppresses small numbers.

    Examples
    --------
    >>> day = datetime.date(2026, 1, 1)
    >>> cases = [
    ...     CaseFacts(Level.BUREAU, day),
    ...     CaseFacts(Level.BUREAU, day, Outcome.STRUCTURAL, datetime.date(2026, 3, 2)),
    ...     CaseFacts(
    ...         Level.ALLIANCE, day, Outcome.INCIDENTAL, datetime.date(2026, 1, 31)
    ...     ),
    ... ]
    >>> figures = case_figures(cases, today=datetime.date(2026, 3, 2))
    >>> (
    ...     figures.open_cases,
    ...     figures.median_days_to_breakthrough,
    ...     figures.share_structural,
    ... )
    (1, Fraction(45, 1), Fraction(1, 2))
    """
    grid = {level: [0] * len(AGE_BANDS) for level in LADDER}
    outcomes: Counter[Outcome] = Counter()
    durations: list[int] = []
    open_cases = 0
    for case in cases:
        if case.outcome is None:
            open_cases += 1
            age = max(0, (today - case.opened_on).days)
            grid[case.level][age_band(age)] += 1
            continue
        outcomes[case.outcome] += 1
        if case.outcome is not Outcome.NOT_POSSIBLE and case.decided_on is not None:
            durations.append(time_to_breakthrough(case.opened_on, case.decided_on))
    breakthroughs = outcomes[Outcome.INCIDENTAL] + outcomes[Outcome.STRUCTURAL]
    return CaseFigures(
        open_by_level=tuple((level, tuple(grid[level])) for level in LADDER),
        open_per_level=tuple((level, sum(grid[level])) for level in LADDER),
        open_cases=open_cases,
        closed_cases=sum(outcomes.values()),
        outcomes=tuple((outcome, outcomes[outcome]) for outcome in Outcome),
        breakthroughs=breakthroughs,
        median_days_to_breakthrough=median_days(durations),
        share_structural=(
            Fraction(outcomes[Outcome.STRUCTURAL], breakthroughs)
            if breakthroughs
            else None
        ),
    )


def suppress_small(count: int, threshold: int = SMALL_NUMBER_THRESHOLD) -> int | None:
    """Return a count fit to publish: None for 1 to ``threshold - 1``.

    Zero identifies nobody and is shown.

    Parameters
    ----------
    count : int
        The exact count.
    threshold : int, optional
        The smallest count that is shown.

    Returns
    -------
    int or None
        The count, or None when it is suppressed.

    Examples
    --------
    >>> suppress_small(0), suppress_small(3), suppress_small(10)
    (0, None, 10)
    """
    if 0 < count < threshold:
        return None
    return count


@dataclass(frozen=True, slots=True)
class PublishedFigures:
    """Figures fit to leave the area: small counts and what rests on them are None.

    Attributes mirror :class:`CaseFigures`; a None stands for "fewer than
    the threshold". The median and the share are published only when they
    rest on at least the threshold of breakthroughs.
    """

    open_by_level: tuple[tuple[Level, tuple[int | None, ...]], ...]
    open_per_level: tuple[tuple[Level, int | None], ...]
    open_cases: int | None
    closed_cases: int | None
    outcomes: tuple[tuple[Outcome, int | None], ...]
    breakthroughs: int | None
    median_days_to_breakthrough: Fraction | None
    share_structural: Fraction | None


def publish(
    figures: CaseFigures, threshold: int = SMALL_NUMBER_THRESHOLD
) -> PublishedFigures:
    """Suppress the small numbers of a set of figures.

    Parameters
    ----------
    figures : CaseFigures
        Exact figures.
    threshold : int, optional
        The smallest count that is shown.

    Returns
    -------
    PublishedFigures
        The same figures with small counts as None.

    Examples
    --------
    >>> day = datetime.date(2026, 1, 1)
    >>> exact = case_figures([CaseFacts(Level.BUREAU, day)] * 12, today=day)
    >>> shown = publish(exact)
    >>> shown.open_cases, shown.open_by_level[1][1][0], shown.breakthroughs
    (12, 12, 0)
    >>> publish(
    ...     case_figures([CaseFacts(Level.BUREAU, day)] * 3, today=day)
    ... ).open_cases is None
    True
    """
    enough = figures.breakthroughs >= threshold
    return PublishedFigures(
        open_by_level=tuple(
            (level, tuple(suppress_small(count, threshold) for count in row))
            for level, row in figures.open_by_level
        ),
        open_per_level=tuple(
            (level, suppress_small(count, threshold))
            for level, count in figures.open_per_level
        ),
        open_cases=suppress_small(figures.open_cases, threshold),
        closed_cases=suppress_small(figures.closed_cases, threshold),
        outcomes=tuple(
            (outcome, suppress_small(count, threshold))
            for outcome, count in figures.outcomes
        ),
        breakthroughs=suppress_small(figures.breakthroughs, threshold),
        median_days_to_breakthrough=(
            figures.median_days_to_breakthrough if enough else None
        ),
        share_structural=figures.share_structural if enough else None,
    )
