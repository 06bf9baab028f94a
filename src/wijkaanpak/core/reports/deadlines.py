# SPDX-License-Identifier: EUPL-1.2
"""Deadlines of street problems in working days or calendar days.

Each category of report has a target time: "a loose tile within 5 working
days", "graffiti within 14 days". A working day is a weekday that is not a
Dutch public holiday (:mod:`wijkaanpak.core.reports.holidays`). The day a
report comes in does not count, as in the *Algemene termijnenwet*: a report
of Friday with a target of one working day is due on Monday.
"""

from __future__ import annotations

import enum
from collections.abc import Set
from datetime import date, timedelta

from wijkaanpak.core.reports.holidays import LiberationDay, dutch_public_holidays

__all__ = ["TargetUnit", "deadline", "holidays_between", "is_working_day"]


class TargetUnit(enum.StrEnum):
    """How a target time is counted."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"


def holidays_between(
    first: date,
    last: date,
    *,
    liberation_day: LiberationDay = LiberationDay.YEARLY,
) -> frozenset[date]:
    """Return the Dutch public holidays from ``first`` to ``last``, both included.

    Parameters
    ----------
    first, last : date
        The period.
    liberation_day : LiberationDay
        The rule for 5 May.

    Returns
    -------
    frozenset of date
        The holidays in the period.

    Examples
    --------
    >>> sorted(holidays_between(date(2026, 12, 24), date(2027, 1, 2)))
    [datetime.date(2026, 12, 25), datetime.date(2026, 12, 26), datetime.date(2027, 1, 1)]
    """
    return frozenset(
        day
        for year in range(first.year, last.year + 1)
        for day in dutch_public_holidays(year, liberation_day=liberation_day)
        if first <= day <= last
    )


def is_working_day(day: date, holidays: Set[date]) -> bool:
    """Say whether ``day`` is a weekday and not among ``holidays``.

    Parameters
    ----------
    day : date
        The day.
    holidays : set of date
        The public holidays to skip.

    Returns
    -------
    bool
        True on a working day.

    Examples
    --------
    >>> is_working_day(
    ...     date(2026, 4, 27), holidays_between(date(2026, 1, 1), date(2026, 12, 31))
    ... )
    False
    """
    return day.weekday() < 5 and day not in holidays


def deadline(
    received: date,
    target: int,
    unit: TargetUnit,
    *,
    liberation_day: LiberationDay = LiberationDay.YEARLY,
) -> date:
    """Return the last day on which a problem received on ``received`` is on time.

    Parameters
    ----------
    received : date
        The day the first report came in (local date).
    target : int
        The target time, zero or more.
    unit : TargetUnit
        Working days or calendar days.
    liberation_day : LiberationDay
        The rule for 5 May.

    Returns
    -------
    date
        The deadline. With working days it is always a working day, unless the
        target is zero (then it is the day received).

    Examples
    --------
    King's Day 2026 is a Monday, so a report of Friday 24 April with one
    working day is due on Tuesday 28 April:

    >>> deadline(date(2026, 4, 24), 1, TargetUnit.WORKING_DAYS)
    datetime.date(2026, 4, 28)
    >>> deadline(date(2026, 4, 24), 3, TargetUnit.CALENDAR_DAYS)
    datetime.date(2026, 4, 27)
    """
    if target < 0:
        raise ValueError("a target time cannot be negative")
    if unit is TargetUnit.CALENDAR_DAYS:
        return received + timedelta(days=target)
    # Two weeks of holidays and weekends per working week is a safe upper bound.
    horizon = received + timedelta(days=target * 3 + 21)
    holidays = holidays_between(received, horizon, liberation_day=liberation_day)
    day = received
    remaining = target
    while remaining:
        day += timedelta(days=1)
        if day > horizon:
            horizon += timedelta(days=366)
            holidays = holidays_between(
                received, horizon, liberation_day=liberation_day
            )
        if is_working_day(day, holidays):
            remaining -= 1
    return day
