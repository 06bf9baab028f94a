# SPDX-License-Identifier: EUPL-1.2
"""The breakthroughs API: every role against every endpoint, own and foreign area."""

from __future__ import annotations

from rest_framework.test import APIClient

import pytest
from tests.apps.breakthroughs.conftest import OPENED, case_input
from tests.factories import MembershipFactory, UserFactory

from wijkaanpak.apps.breakthroughs import services
from wijkaanpak.apps.breakthroughs.models import BlockageCase

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
MEMBERS = {
    "anonymous": 404,
    "bureau": 200,
    "alliance": 200,
    "professional": 200,
    "national": 404,
    "outsider": 404,
}
READERS = dict.fromkeys(ROLES, 200) | {"anonymous": 404}
NATIONAL = dict.fromkeys(ROLES, 404) | {"national": 200}


def client_for(area, role: str) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        client.force_authenticate(area.people[role])
    return client


ENDPOINTS = {
    "/api/v1/blockage-cases?focus-area=oost": MEMBERS,
    "/api/v1/blockage-cases/{front_line}": MEMBERS,
    "/api/v1/blockage-cases/{elders}": MEMBERS
    | {"bureau": 404, "alliance": 404, "professional": 404, "outsider": 200},
    "/api/v1/blocking-rules": READERS,
    "/api/v1/blocking-rules/{rule}": READERS,
    "/api/v1/breakthrough-figures?focus-area=oost": MEMBERS,
    "/api/v1/breakthrough-figures/national": NATIONAL,
}


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_each_role_reads_what_it_may(cases, rule, endpoint):
    address = endpoint.format(
        rule=rule.pk, **{key: case.pk for key, case in cases.cases.items()}
    )

    statuses = {
        role: client_for(cases, role).get(address).status_code for role in ROLES
    }

    assert statuses == ENDPOINTS[endpoint]


@pytest.mark.parametrize(
    ("action", "data"),
    [
        (
            "escalate",
            {
                "to_level": "breakthrough_table",
                "reason": "Alleen de alliantie kan dit.",
            },
        ),
        ("decisions", {"text": "Maatwerk.", "grounds": "Schrijnend."}),
        (
            "close",
            {
                "outcome": "incidental",
                "household_result": "Betaald.",
                "grounds": "Maatwerk.",
            },
        ),
    ],
)
@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("bureau", True),
        ("alliance", False),
        ("professional", False),
        ("national", False),
        ("outsider", False),
    ],
)
def test_decisions_above_the_front_line_are_for_the_bureau(
    cases, action, data, role, allowed
):
    case = cases.cases["programme_bureau"]

    response = client_for(cases, role).post(
        f"/api/v1/blockage-cases/{case.pk}/{action}", data, format="json"
    )

    assert response.status_code in ({200, 201} if allowed else {404})
    assert case.decisions.exists() == allowed


def test_the_api_returns_the_identifier_findings_until_confirmed(cases, rule):
    client = client_for(cases, "professional")
    data = {
        "focus_area": "oost",
        "title": "Schuld",
        "need": "Geboren op 3 maart 2025, BSN 1112.22.333.",
        "blockage_kind": "rule",
        "blockage": "Regel.",
        "rules": [rule.pk],
    }

    warned = client.post("/api/v1/blockage-cases", data, format="json")
    saved = client.post(
        "/api/v1/blockage-cases", data | {"confirm_identifiers": True}, format="json"
    )

    assert warned.status_code == 400
    assert [(f["field"], f["kind"]) for f in warned.json()["identifiers"]] == [
        ("need", "date_of_birth"),
        ("need", "bsn"),
    ]
    assert saved.status_code == 201
    assert saved.json()["steps"][0]["level"] == "front_line"


def test_skipping_a_level_through_the_api_needs_a_reason(cases):
    case = cases.cases["front_line"]

    response = client_for(cases, "bureau").post(
        f"/api/v1/blockage-cases/{case.pk}/escalate",
        {"to_level": "national_meeting"},
        format="json",
    )

    assert response.status_code == 400
    assert BlockageCase.objects.get(pk=case.pk).level == "front_line"


def test_the_register_counts_across_areas_and_suppresses_small_numbers(cases, rule):
    for _ in range(5):
        services.open_case(cases, case_input(rule), opened_on=OPENED, acting_user=None)

    [row] = (
        client_for(cases, "national").get("/api/v1/blocking-rules").json()["results"]
    )

    assert row["cases"] == 11
    assert row["focus_areas_hit"] == 2
    by_area = {area["focus_area"]: area for area in row["areas"]}
    assert by_area["Oost"]["cases"] == 10
    assert by_area["Elders"]["cases"] is None
    assert by_area["Elders"]["outcomes_reached"] == ["structural"]
    assert by_area["Elders"]["structural_years"] == [2026]
    assert "need" not in str(row)


def test_national_figures_are_aggregates_with_small_numbers_null(cases):
    rows = (
        client_for(cases, "national")
        .get("/api/v1/breakthrough-figures/national")
        .json()
    )

    country = rows[-1]
    assert country["focus_area"] is None
    assert country["open_cases"] is None
    assert country["median_days_to_breakthrough"] is None
    own = (
        client_for(cases, "bureau")
        .get("/api/v1/breakthrough-figures?focus-area=oost")
        .json()
    )
    assert own["open_cases"] == 4
    assert own["outcomes"]["incidental"] == 1


def test_the_case_list_stays_within_a_query_ceiling(
    cases, django_assert_max_num_queries
):
    client = client_for(cases, "bureau")

    with django_assert_max_num_queries(12):
        response = client.get("/api/v1/blockage-cases?focus-area=oost")

    assert response.json()["count"] == 5
    assert len(response.json()["results"]) == 5


def test_the_case_list_comes_in_pages(cases):
    client = client_for(cases, "bureau")

    first = client.get("/api/v1/blockage-cases?focus-area=oost&limit=2").json()
    last = client.get("/api/v1/blockage-cases?focus-area=oost&limit=2&offset=4").json()
    rules = client.get("/api/v1/blocking-rules?limit=1").json()

    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert "offset=2" in first["next"]
    assert len(last["results"]) == 1
    assert last["next"] is None
    assert rules["count"] == 1
    assert rules["results"][0]["cases"] is None


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("bureau", True),
        ("alliance", False),
        ("professional", False),
        ("national", False),
        ("outsider", False),
    ],
)
def test_a_hand_over_through_the_api_is_for_who_decides(cases, role, allowed):
    case = cases.cases["programme_bureau"]
    colleague = MembershipFactory(
        role="bureau", focus_area=cases, user=UserFactory(username="collega")
    ).user
    client = client_for(cases, role)

    owners = client.get(f"/api/v1/blockage-cases/{case.pk}/owners")
    response = client.post(
        f"/api/v1/blockage-cases/{case.pk}/hand-over",
        {"to_owner": colleague.pk, "reason": "Collega neemt het over."},
        format="json",
    )

    assert owners.status_code == (200 if allowed else 404)
    assert response.status_code == (201 if allowed else 404)
    assert BlockageCase.objects.get(pk=case.pk).owner_id == (
        colleague.pk if allowed else cases.people["bureau"].pk
    )
    if allowed:
        assert {owner["id"] for owner in owners.json()} == {
            cases.people["bureau"].pk,
            colleague.pk,
        }
        assert response.json()["kind"] == "hand_over"
        assert response.json()["handed_to_label"] == colleague.display_name


def test_a_hand_over_to_someone_without_mandate_is_refused(cases):
    case = cases.cases["programme_bureau"]

    response = client_for(cases, "bureau").post(
        f"/api/v1/blockage-cases/{case.pk}/hand-over",
        {"to_owner": cases.people["professional"].pk, "reason": "Ander team."},
        format="json",
    )

    assert response.status_code == 400
    assert "to_owner" in response.json()
