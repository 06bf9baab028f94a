# SPDX-License-Identifier: EUPL-1.2
"""The breakthroughs figures on the national dashboard: per area and nationally."""

from __future__ import annotations

import datetime

from django.test import Client
from rest_framework.test import APIClient

import pytest
from tests.apps.breakthroughs.conftest import OPENED, case_input

from wijkaanpak.apps.breakthroughs import services
from wijkaanpak.apps.monitor import selectors as monitor_selectors

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def eleven_breakthroughs(cases, rule):
    """Oost: ten more breakthroughs after 10 to 19 days, three of them structural.

    With the one after 30 days of the ``cases`` fixture: 11, median 15 days,
    3 of 11 structural. Elders: one structural after 55 days.
    """
    for days in range(10, 20):
        case = services.open_case(
            cases, case_input(rule), opened_on=OPENED, acting_user=None
        )
        structural = days < 13
        services.close_case(
            case,
            outcome="structural" if structural else "incidental",
            household_result="Geholpen.",
            grounds="Maatwerk.",
            structural_change="Beleidsregel aangepast." if structural else "",
            on=OPENED + datetime.timedelta(days=days),
            acting_user=None,
        )
    return cases


def process_row(dashboard, key):
    return next(row for row in dashboard.process if row.key == key)


def test_the_dashboard_shows_breakthrough_figures_per_area_and_nationally(
    eleven_breakthroughs,
):
    dashboard = monitor_selectors.national_dashboard(today=TODAY)

    median = process_row(dashboard, "breakthroughs_median_days")
    share = process_row(dashboard, "breakthroughs_share_structural")
    assert median.values == {"oost": 15.0, "elders": None}
    assert median.suppressed == {"oost": False, "elders": True}
    # Over all twelve breakthroughs of the country: 10..19, 30 and 55 days.
    assert median.national == 15.5
    assert share.values["oost"] == pytest.approx(100 * 3 / 11)
    assert share.national == pytest.approx(100 * 4 / 12)
    assert not any(row.key == "breakthroughs" for row in dashboard.process)


def test_small_numbers_of_open_cases_stay_hidden_on_the_dashboard(
    eleven_breakthroughs,
):
    dashboard = monitor_selectors.national_dashboard(today=TODAY)

    for level in (
        "front_line",
        "programme_bureau",
        "breakthrough_table",
        "national_meeting",
    ):
        row = process_row(dashboard, f"breakthroughs_open_{level}")
        assert row.values == {"oost": None, "elders": 0.0}
        assert row.suppressed == {"oost": True, "elders": False}
        assert (row.national, row.national_suppressed) == (None, True)


def test_the_dashboard_page_and_csv_carry_the_national_figure(eleven_breakthroughs):
    client = Client()
    client.force_login(eleven_breakthroughs.people["national"])

    page = client.get("/landelijk/dashboard/").content.decode()
    rows = client.get("/landelijk/dashboard.csv").content.decode().splitlines()

    assert "Mediane tijd tot een doorbraak" in page
    assert any(
        line.startswith("process,breakthroughs_median_days,")
        and ",national,15.5," in line
        for line in rows
    )
    assert "Huur loopt op" not in page


def test_the_area_monitor_api_keeps_one_breakthrough_hidden(cases):
    client = APIClient()
    client.force_authenticate(cases.people["bureau"])

    found = client.get("/api/v1/area-monitors/oost").json()

    figures = {row["key"]: row for row in found["process"]}
    median = figures["breakthroughs_median_days"]
    assert (median["value"], median["suppressed"], median["basis"]) == (
        None,
        True,
        None,
    )
    assert figures["breakthroughs_open_front_line"]["value"] is None
    assert figures["breakthroughs_open_front_line"]["suppressed"]
