# SPDX-License-Identifier: EUPL-1.2
"""The monitor API: every role against every endpoint, own and foreign area."""

from __future__ import annotations

import datetime

from rest_framework.test import APIClient

import pytest
import time_machine
from tests.apps.monitor.test_privacy import _people_strings

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
MEMBERS = dict.fromkeys(ROLES, 404) | {
    "bureau": 200,
    "alliance": 200,
    "professional": 200,
}
ENDPOINTS = {
    "/api/v1/area-monitors/oost": MEMBERS,
    "/api/v1/area-monitors/elders": dict.fromkeys(ROLES, 404) | {"outsider": 200},
    "/api/v1/area-monitors/nergens": dict.fromkeys(ROLES, 404),
    "/api/v1/area-monitors/national": dict.fromkeys(ROLES, 404) | {"national": 200},
}


def client_for(area, role: str) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        client.force_authenticate(area.people[role])
    return client


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_each_role_reads_what_it_may(monitored, endpoint):
    statuses = {
        role: client_for(monitored, role).get(endpoint).status_code for role in ROLES
    }

    assert statuses == ENDPOINTS[endpoint]


@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_area_monitor_gives_goal_status_and_indicators(monitored):
    found = client_for(monitored, "alliance").get("/api/v1/area-monitors/oost").json()

    [goal] = found["goals"]
    assert goal["indicator_key"] == "low_income_households"
    assert goal["status"] in {"ahead", "on_track"}
    assert goal["expected"] == pytest.approx(22.0)
    assert goal["latest_value"] == pytest.approx(21.5)
    low_income = next(
        row for row in found["indicators"] if row["key"] == "low_income_households"
    )
    assert (low_income["latest_year"], low_income["value"]) == (
        2024,
        pytest.approx(21.5),
    )
    assert low_income["index"] == pytest.approx(100 * 21.5 / 22.5)
    assert low_income["spread"]["median"] == pytest.approx(11.0)
    assert sum(found["status_counts"].values()) == 1
    time_to_fix = next(row for row in found["process"] if row["key"] == "time_to_fix")
    # No verified fix yet: no value, and zero identifies nobody.
    assert (time_to_fix["value"], time_to_fix["basis"]) == (None, 0)


@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_national_monitor_gives_every_area_and_the_spread(monitored):
    found = (
        client_for(monitored, "national").get("/api/v1/area-monitors/national").json()
    )

    assert [area["slug"] for area in found["areas"]] == ["derde", "elders", "oost"]
    low_income = next(
        row for row in found["indicators"] if row["key"] == "low_income_households"
    )
    assert {area["focus_area"]: area["value"] for area in low_income["areas"]} == {
        "derde": pytest.approx(11.0),
        "elders": pytest.approx(4.0),
        "oost": pytest.approx(21.5),
    }
    assert low_income["spread"]["weakest"] == "Oost"
    median = next(
        row for row in found["process"] if row["key"] == "breakthroughs_median_days"
    )
    assert median["national"] is None


@pytest.mark.parametrize(
    ("role", "endpoint"),
    [
        ("bureau", "/api/v1/area-monitors/oost"),
        ("national", "/api/v1/area-monitors/national"),
    ],
)
def test_the_monitor_api_holds_no_personal_data(monitored, role, endpoint):
    content = client_for(monitored, role).get(endpoint).content.decode()

    for text in _people_strings(monitored):
        assert text not in content
