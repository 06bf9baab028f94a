# SPDX-License-Identifier: EUPL-1.2
"""The monitor's figures: combined per area, compared, aggregated nationally."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from wijkaanpak.apps.monitor import selectors
from wijkaanpak.core.impact import DEFAULT_DISCOUNT_RATE

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


def test_the_area_value_is_weighted_by_households(monitored):
    monitor = selectors.area_monitor(monitored, today=TODAY)
    low_income = monitor.comparison("low_income_households")
    # 2024: each share fell by 1 point since 2022: (9·100 + 19·100 + 29·200) / 400.
    assert low_income.area[2024] == pytest.approx((900 + 1900 + 5800) / 400)
    assert low_income.area[2022] == pytest.approx(22.5)
    # The city is every neighbourhood of the municipality: the same three here.
    assert low_income.city[2024] == pytest.approx(21.5)


def test_the_index_takes_the_start_year_as_100(monitored):
    low_income = selectors.area_monitor(monitored, today=TODAY).comparison(
        "low_income_households"
    )
    assert low_income.base_year == 2022
    assert low_income.index[2022] == pytest.approx(100.0)
    assert low_income.latest_index == pytest.approx(100 * 21.5 / 22.5)


def test_the_goal_status_uses_the_noise_of_the_series(monitored):
    progress = selectors.area_monitor(monitored, today=TODAY).goals[0]
    # Path: 23 in 2022 to 19 in 2030, so 22 expected in 2024; the area is at 21.5.
    assert progress.status.expected == pytest.approx(22.0)
    assert progress.status.latest_value == pytest.approx(21.5)
    assert progress.status.status in {"ahead", "on_track"}
    assert progress.status.noise is not None


def test_other_focus_areas_are_compared_by_name_only(monitored):
    low_income = selectors.area_monitor(monitored, today=TODAY).comparison(
        "low_income_households"
    )
    assert low_income.peers == {
        "Elders": pytest.approx(4.0),
        "Derde": pytest.approx(11.0),
    }
    assert low_income.spread.weakest == monitored.name
    assert low_income.spread.median == pytest.approx(11.0)


def test_the_national_dashboard_aggregates_every_area(monitored):
    dashboard = selectors.national_dashboard(today=TODAY)
    row = next(r for r in dashboard.indicators if r.key == "low_income_households")
    by_slug = dict(row.values)

    assert {column.slug for column in dashboard.areas} == {"oost", "elders", "derde"}
    assert by_slug["oost"] == pytest.approx(21.5)
    assert by_slug["elders"] == pytest.approx(4.0)
    assert by_slug["derde"] == pytest.approx(11.0)
    assert (row.spread.minimum, row.spread.median, row.spread.maximum) == (
        pytest.approx(4.0),
        pytest.approx(11.0),
        pytest.approx(21.5),
    )
    assert row.spread.weakest == "Oost"
    # The median per year is taken over the areas, not over neighbourhoods.
    assert row.spread_by_year[2022].median == pytest.approx(12.0)
    assert row.spread_by_year[2022].maximum == pytest.approx(22.5)
    # Elders fell from 5 to 4: index 80, the largest improvement.
    assert ("Huishoudens met een laag inkomen", "Elders", pytest.approx(80.0)) in [
        (name, area, index) for name, area, index in dashboard.lessons
    ]
    assert (
        dashboard.statuses["oost"]["unclear"]
        + sum(dashboard.statuses["oost"][s] for s in ("ahead", "on_track", "behind"))
        == 1
    )


def test_the_dashboard_keeps_small_report_numbers_hidden(monitored):
    dashboard = selectors.national_dashboard(today=TODAY)
    time_to_fix = next(r for r in dashboard.process if r.key == "time_to_fix")
    assert time_to_fix.values["oost"] is None
    median = next(r for r in dashboard.process if r.key == "breakthroughs_median_days")
    assert set(median.values.values()) == {None}
    assert median.national is None


def test_small_counts_are_suppressed_in_the_drill_down(monitored):
    drill = selectors.drill_down(monitored, "social_assistance_per_1000")
    position = drill.variables.index("a_soz_wb")
    assert all(row.raw[position].suppressed for row in drill.neighbourhoods)
    assert all(str(row.raw[position]) == "<10" for row in drill.neighbourhoods)


def test_the_impact_of_a_measure_by_hand(monitored):
    impact = selectors.impact_of_measure(monitored.measure, rate=Fraction(1, 10))
    # 1,000 euro in 2023; 550 in 2024 and 2025: 500 + 454.55 at 10 %.
    assert impact.result.base_year == 2023
    assert impact.result.costs == 1_000_00
    assert round(impact.result.net_present_value) == -4_545
    default = selectors.impact_of_measure(monitored.measure, rate=DEFAULT_DISCOUNT_RATE)
    assert default.result.rate == Fraction(9, 400)
