# SPDX-License-Identifier: EUPL-1.2
"""Dutch public holidays and working-day deadlines."""

from __future__ import annotations

from datetime import date, timedelta

import holidays as holidays_package
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkaanpak.core.reports.deadlines import (
    TargetUnit,
    deadline,
    holidays_between,
    is_working_day,
)
from wijkaanpak.core.reports.holidays import (
    LiberationDay,
    dutch_public_holidays,
    easter_sunday,
)

years = st.integers(1980, 2100)
days = st.dates(date(1990, 1, 1), date(2090, 12, 31))


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2285, date(2285, 3, 22)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_falls_on_the_published_dates(year, easter):
    assert easter_sunday(year) == easter


@given(st.integers(1583, 4099))
def test_easter_is_a_sunday_between_22_march_and_25_april(year):
    easter = easter_sunday(year)

    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


# The holidays package builds its calendar slowly on first use; no deadline.
@settings(deadline=None)
@given(years)
def test_the_lustrum_rule_matches_the_independent_holidays_package(year):
    # The holidays package lists Good Friday, which the Algemene termijnenwet
    # does not count, and 5 May only in lustrum years.
    theirs = {
        day
        for day, name in holidays_package.Netherlands(years=year).items()
        if name != "Good Friday"
    }
    ours = set(dutch_public_holidays(year, liberation_day=LiberationDay.LUSTRUM))

    assert ours == theirs


@given(years)
def test_liberation_day_is_off_every_year_under_the_yearly_rule(year):
    assert date(year, 5, 5) in dutch_public_holidays(year)


def test_kings_day_on_a_sunday_moves_to_the_saturday_before():
    assert date(2025, 4, 26) in dutch_public_holidays(2025)
    assert date(2025, 4, 27) not in dutch_public_holidays(2025)
    assert date(2014, 4, 26) in dutch_public_holidays(2014)


@given(days, st.integers(0, 60))
def test_a_working_day_deadline_has_exactly_the_target_working_days(received, target):
    due = deadline(received, target, TargetUnit.WORKING_DAYS)
    holidays = holidays_between(received, due + timedelta(days=1))

    counted = sum(
        1
        for offset in range(1, (due - received).days + 1)
        if is_working_day(received + timedelta(days=offset), holidays)
    )
    assert counted == target
    assert target == 0 or is_working_day(due, holidays)


@given(days, st.integers(0, 40), st.integers(0, 40))
def test_a_longer_target_never_gives_an_earlier_deadline(received, shorter, extra):
    first = deadline(received, shorter, TargetUnit.WORKING_DAYS)
    second = deadline(received, shorter + extra, TargetUnit.WORKING_DAYS)

    assert first <= second


@given(days, st.integers(0, 400))
def test_calendar_days_count_every_day(received, target):
    assert deadline(received, target, TargetUnit.CALENDAR_DAYS) == received + timedelta(
        days=target
    )


def test_christmas_and_new_year_are_skipped():
    # Wednesday 24 December 2025, two working days: 25, 26 Dec off, weekend,
    # so Monday 29 and Tuesday 30.
    assert deadline(date(2025, 12, 24), 2, TargetUnit.WORKING_DAYS) == date(
        2025, 12, 30
    )
    assert deadline(date(2025, 12, 31), 1, TargetUnit.WORKING_DAYS) == date(2026, 1, 2)


def test_liberation_day_counts_as_a_working_day_outside_a_lustrum_if_configured():
    # Tuesday 5 May 2026: 2026 is not a lustrum year.
    monday = date(2026, 5, 4)
    assert deadline(monday, 1, TargetUnit.WORKING_DAYS) == date(2026, 5, 6)
    assert deadline(
        monday, 1, TargetUnit.WORKING_DAYS, liberation_day=LiberationDay.LUSTRUM
    ) == date(2026, 5, 5)


def test_a_negative_target_is_refused():
    with pytest.raises(ValueError, match="negative"):
        deadline(date(2026, 1, 5), -1, TargetUnit.WORKING_DAYS)
