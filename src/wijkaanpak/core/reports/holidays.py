# SPDX-License-Identifier: EUPL-1.2
"""Dutch public holidays, computed for any year (no table to keep up to date).

Target times of residents' reports run in working days, and a working day in
the Netherlands is a weekday that is not a public holiday. The holidays follow
the *Algemene termijnenwet* (article 3): New Year's Day, Easter Monday,
Ascension Day, Whit Monday, the two days of Christmas, the day the King's (or
Queen's) birthday is celebrated, and 5 May (Liberation Day). Many employers
give 5 May off only in lustrum years (2025, 2030, …); an installation chooses
which of the two rules it follows.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

__all__ = ["LiberationDay", "dutch_public_holidays", "easter_sunday"]


class LiberationDay(enum.StrEnum):
    """Whether 5 May is a day off every year or only once in five years."""

    YEARLY = "yearly"
    LUSTRUM = "lustrum"


def easter_sunday(year: int) -> date:
    """Return Easter Sunday of a year in the Gregorian calendar.

    Parameters
    ----------
    year : int
        A year from 1583 on.

    Returns
    -------
    date
        Easter Sunday.

    Examples
    --------
    >>> easter_sunday(2026)
    datetime.date(2026, 4, 5)
    >>> easter_sunday(2038)
    datetime.date(2038, 4, 25)

    References
    ----------
    .. [1] Anonymous correspondent (1876). "To find Easter", *Nature* 13, 487
       (the Meeus/Jones/Butcher algorithm).
    """
    if year < 1583:
        raise ValueError("the Gregorian Easter rule starts in 1583")
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def _royal_birthday(year: int) -> date:
    """Return the day the monarch's birthday is celebrated.

    King's Day (27 April, from 2014) moves to the Saturday before when it
    falls on a Sunday; Queen's Day (30 April, 1949-2013) did the same from
    1980 on, and moved to Monday before that.
    """
    day = date(year, 4, 27) if year >= 2014 else date(year, 4, 30)
    if day.weekday() == 6:
        return day - timedelta(days=1) if year >= 1980 else day + timedelta(days=1)
    return day


def dutch_public_holidays(
    year: int, *, liberation_day: LiberationDay = LiberationDay.YEARLY
) -> dict[date, str]:
    """Return the Dutch public holidays of one year, with their English names.

    Parameters
    ----------
    year : int
        The year, 1949 or later.
    liberation_day : LiberationDay
        ``YEARLY`` (the *Algemene termijnenwet*) or ``LUSTRUM`` (only when the
        year is divisible by five, as many collective agreements say).

    Returns
    -------
    dict of date to str
        The holidays, in date order. Easter Sunday and Whit Sunday are
        included although they fall on a Sunday anyway.

    Examples
    --------
    >>> holidays = dutch_public_holidays(2026, liberation_day=LiberationDay.LUSTRUM)
    >>> [day.isoformat() for day in holidays][:5]
    ['2026-01-01', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-14']
    >>> date(2025, 5, 5) in dutch_public_holidays(
    ...     2025, liberation_day=LiberationDay.LUSTRUM
    ... )
    True

    References
    ----------
    .. [1] *Algemene termijnenwet* (1964), article 3, and the *Besluit van 2013
       houdende vaststelling van de viering van Koningsdag*.
    """
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1): "New Year's Day",
        easter: "Easter Sunday",
        easter + timedelta(days=1): "Easter Monday",
        _royal_birthday(year): "King's Day" if year >= 2014 else "Queen's Day",
        easter + timedelta(days=39): "Ascension Day",
        easter + timedelta(days=49): "Whit Sunday",
        easter + timedelta(days=50): "Whit Monday",
        date(year, 12, 25): "Christmas Day",
        date(year, 12, 26): "Second Day of Christmas",
    }
    if liberation_day is LiberationDay.YEARLY or year % 5 == 0:
        # Ascension Day can fall on 5 May (2016); the day stays one holiday.
        days.setdefault(date(year, 5, 5), "Liberation Day")
    return dict(sorted(days.items()))
