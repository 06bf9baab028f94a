# SPDX-License-Identifier: EUPL-1.2
"""The programme API through HTTP: every role against every endpoint."""

from __future__ import annotations

from django.test import Client

import pytest

from wijkaanpak.apps.programme.models import Delivery, Goal, HomeworkItem

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
PUBLIC = dict.fromkeys(ROLES, 200)
MEMBERS = {
    "anonymous": 404,
    "bureau": 200,
    "alliance": 200,
    "professional": 200,
    "national": 404,
    "outsider": 404,
}


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


READS = {
    "/api/v1/programmes/oost": PUBLIC,
    "/api/v1/goals?focus-area=oost": PUBLIC,
    "/api/v1/measures?focus-area=oost": PUBLIC,
    "/api/v1/commitments?focus-area=oost": MEMBERS,
    "/api/v1/homework-items?focus-area=oost": MEMBERS,
    "/api/v1/national-minimum-goals": PUBLIC,
}


@pytest.mark.parametrize("address", list(READS))
def test_each_role_reads_what_it_may(plan, address):
    answers = {role: client_for(plan, role).get(address).status_code for role in ROLES}

    assert answers == READS[address]


@pytest.mark.parametrize(
    "address",
    ["/api/v1/goals?focus-area=elders", "/api/v1/goals?focus-area=bestaat-niet"],
)
def test_a_foreign_closed_area_and_a_missing_one_look_the_same(plan, address):
    from wijkaanpak.apps.areas.models import FocusArea

    FocusArea.objects.filter(slug="elders").update(is_public=False)

    assert client_for(plan, "alliance").get(address).status_code == 404


def test_the_programme_export_holds_goals_measures_and_balances(plan):
    body = Client().get("/api/v1/programmes/oost").json()

    assert body["focus_area"] == "oost"
    assert [goal["title"] for goal in body["goals"]] == ["Minder inbraken"]
    assert body["goals"][0]["milestones"][0] == {"year": 2023, "value": 7.6}
    assert [measure["title"] for measure in body["measures"]] == ["Buurtpreventie"]
    assert {row["kind"] for row in body["balances"]} == {"money", "staff"}


def test_lists_need_a_focus_area(plan):
    assert Client().get("/api/v1/goals").status_code == 400


def test_the_goal_list_has_a_query_ceiling(plan, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        Client().get("/api/v1/goals?focus-area=oost")


GOAL = {
    "focus_area": "oost",
    "national_goal": "physical",
    "title": "Minder leegstand",
    "baseline_value": 7.0,
    "baseline_year": 2022,
    "target_value": 4.0,
    "target_year": 2028,
}


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("bureau", 201),
        ("alliance", 404),
        ("professional", 404),
        ("national", 404),
        ("outsider", 404),
    ],
)
def test_only_the_bureau_adds_goals(plan, role, status):
    response = client_for(plan, role).post(
        "/api/v1/goals", GOAL, content_type="application/json"
    )

    assert response.status_code == status
    assert Goal.objects.filter(title="Minder leegstand").exists() is (status == 201)


def test_a_bad_goal_is_a_clear_400(plan):
    response = client_for(plan, "bureau").post(
        "/api/v1/goals",
        {**GOAL, "target_year": 2021},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "2022" in str(response.json())


@pytest.mark.parametrize(
    ("role", "commitment", "status"),
    [
        ("alliance", "commitment", 201),
        ("alliance", "foreign_commitment", 404),
        ("bureau", "foreign_commitment", 201),
        ("professional", "commitment", 404),
        ("anonymous", "commitment", 404),
        ("outsider", "commitment", 404),
    ],
)
def test_deliveries_come_from_the_partner_or_the_bureau(plan, role, commitment, status):
    response = client_for(plan, role).post(
        "/api/v1/deliveries",
        {
            "commitment": plan.plan[commitment].pk,
            "amount": 500,
            "delivered_on": "2024-02-01",
            "client_key": "retry-1",
        },
        content_type="application/json",
    )

    assert response.status_code == status


def test_a_retried_delivery_is_counted_once(plan):
    client = client_for(plan, "alliance")
    payload = {
        "commitment": plan.plan["commitment"].pk,
        "amount": 500,
        "delivered_on": "2024-02-01",
        "client_key": "retry-1",
    }

    first = client.post("/api/v1/deliveries", payload, content_type="application/json")
    second = client.post("/api/v1/deliveries", payload, content_type="application/json")

    assert first.json()["id"] == second.json()["id"]
    assert Delivery.objects.count() == 1


@pytest.mark.parametrize(
    ("role", "item", "done"),
    [
        ("alliance", "homework", True),
        ("alliance", "foreign_homework", False),
        ("bureau", "foreign_homework", True),
        ("professional", "homework", False),
        ("anonymous", "homework", False),
    ],
)
def test_homework_is_completed_through_the_api(plan, role, item, done):
    response = client_for(plan, role).post(
        f"/api/v1/homework-items/{plan.plan[item].pk}/complete"
    )

    assert response.status_code == (200 if done else 404)
    assert (HomeworkItem.objects.get(pk=plan.plan[item].pk).done_on is not None) is done


def test_the_homework_list_marks_overdue_items(plan):
    body = (
        client_for(plan, "professional")
        .get("/api/v1/homework-items?focus-area=oost")
        .json()
    )

    assert [item["is_overdue"] for item in body] == [True, True]


@pytest.mark.parametrize(
    ("role", "status"),
    [("national", 201), ("bureau", 404), ("anonymous", 404)],
)
def test_national_minimum_goals_are_set_by_national_staff(plan, role, status):
    response = client_for(plan, role).post(
        "/api/v1/national-minimum-goals",
        {
            "national_goal": "safety",
            "title": "Minder misdrijven",
            "indicator_key": "crime_per_1000",
            "minimum_improvement": 5.0,
            "deadline_year": 2030,
        },
        content_type="application/json",
    )

    assert response.status_code == status
