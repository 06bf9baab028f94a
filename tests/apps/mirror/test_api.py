# SPDX-License-Identifier: EUPL-1.2
"""The mirror's API: who reads which scores, and that no answers leave it."""

from __future__ import annotations

import datetime

from rest_framework.test import APIClient

import pytest

from wijkaanpak.apps.mirror import services

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
ALLIANCE = {
    "anonymous": 404,
    "bureau": 200,
    "alliance": 200,
    "professional": 404,
    "national": 404,
    "outsider": 404,
}
NATIONAL = dict.fromkeys(ROLES, 404) | {"national": 200}

ENDPOINTS = {
    "/api/v1/mirror-results?focus-area=oost": ALLIANCE,
    "/api/v1/mirror-results?focus-area=oost&kind=participation": ALLIANCE,
    "/api/v1/mirror-results/national": NATIONAL,
}


def client_for(area, role: str) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        client.force_authenticate(area.people[role])
    return client


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_each_role_reads_what_it_may(scans, endpoint):
    statuses = {
        role: client_for(scans, role).get(endpoint).status_code for role in ROLES
    }

    assert statuses == ENDPOINTS[endpoint]


def test_an_area_reads_its_scores_and_evidence_per_year(scans):
    rows = (
        client_for(scans, "alliance")
        .get("/api/v1/mirror-results?focus-area=oost&kind=health_check")
        .json()
    )

    assert [row["year"] for row in rows] == [2025, 2026]
    last = rows[0]
    stop = next(f for f in last["factors"] if f["factor"] == "stop_criteria")
    assert stop["score"] == 12.5
    assert stop["evidence"] == [
        {"key": "stop_criteria", "score": 1.0, "figures": {"measures": 4, "without": 4}}
    ]
    assert last["weakest"][0] == "stop_criteria"
    # Scores and counts per factor; no field carries a person's answers.
    assert set(last) == {
        "focus_area",
        "kind",
        "year",
        "closed_on",
        "respondents",
        "overall",
        "weakest",
        "factors",
    }
    assert set(stop) == {"factor", "name", "score", "answers", "evidence"}
    assert stop["answers"] == 1


def test_national_staff_get_latest_closed_scores_only(scans):
    services.close_scan(
        scans.scans["now"], on=datetime.date(2026, 11, 20), acting_user=None
    )

    rows = client_for(scans, "national").get("/api/v1/mirror-results/national").json()

    assert [(row["focus_area"], row["year"]) for row in rows] == [("oost", 2026)]
    assert set(rows[0]) == {
        "focus_area",
        "kind",
        "year",
        "respondents",
        "overall",
        "weakest",
    }


def test_an_unknown_kind_is_refused_with_a_reason(scans):
    answer = client_for(scans, "bureau").get(
        "/api/v1/mirror-results?focus-area=oost&kind=everything"
    )

    assert answer.status_code == 400
    assert "kind" in answer.json()


def test_the_list_needs_no_more_queries_with_more_respondents(
    scans, django_assert_max_num_queries
):
    from tests.factories import MembershipFactory, UserFactory

    for number in range(5):
        person = MembershipFactory(
            role="alliance", focus_area=scans, user=UserFactory(username=f"lid{number}")
        ).user
        services.save_answers(
            scans.scans["now"],
            {"stop_criteria_1": 3},
            respondent=person,
            acting_user=None,
        )
    client = client_for(scans, "alliance")

    with django_assert_max_num_queries(40):
        answer = client.get("/api/v1/mirror-results?focus-area=oost")

    assert answer.status_code == 200
    assert answer.json()[1]["respondents"] == 6
