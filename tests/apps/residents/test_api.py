# SPDX-License-Identifier: EUPL-1.2
"""The contracts and budgets API through HTTP: every role against every endpoint."""

from __future__ import annotations

import datetime

from django.test import Client

import pytest

from wijkaanpak.apps.residents import services
from wijkaanpak.apps.residents.models import Application, ContractItem

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "bureau",
    "residents",
    "alliance",
    "professional",
    "national",
    "outsider",
]


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_listed_for_members_only(contract, role):
    response = client_for(contract.focus_area, role).get(
        "/api/v1/neighbourhood-contracts?focus-area=oost"
    )

    assert response.status_code == 200
    member = role in {"bureau", "residents", "alliance", "professional"}
    assert len(response.json()) == (1 if member else 0)


def test_a_signed_contract_is_public_with_its_agreements(contract):
    services.sign_contract(
        contract, signed_on=datetime.date(2025, 1, 1), acting_user=None
    )

    body = Client().get("/api/v1/neighbourhood-contracts?focus-area=oost").json()

    assert body[0]["status"] == "signed"
    assert {item["who"] for item in body[0]["items"]} == {
        "Bewonerscommissie Lindeplein",
        contract.focus_area.people["alliance"].organisation.name,
    }


def test_lists_need_a_focus_area():
    assert Client().get("/api/v1/residents-budgets").status_code == 400


ITEM = {
    "party": "residents",
    "residents_group": "Buurtmoeders",
    "what": "Koffie",
    "when": "Dinsdag",
}


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("bureau", 201),
        ("residents", 201),
        ("alliance", 404),
        ("professional", 404),
        ("national", 404),
        ("outsider", 404),
    ],
)
def test_residents_and_the_bureau_add_agreements(contract, role, status):
    response = client_for(contract.focus_area, role).post(
        "/api/v1/contract-items",
        {**ITEM, "contract": contract.pk},
        content_type="application/json",
    )

    assert response.status_code == status
    assert ContractItem.objects.filter(residents_group="Buurtmoeders").exists() is (
        status == 201
    )


def test_a_signed_contract_takes_no_agreements(contract):
    services.sign_contract(
        contract, signed_on=datetime.date(2025, 1, 1), acting_user=None
    )

    response = client_for(contract.focus_area, "bureau").post(
        "/api/v1/contract-items",
        {**ITEM, "contract": contract.pk},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "ondertekend" in str(response.json())


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_budgets_without_contact_data(budget, role):
    services.submit_application(
        budget,
        title="Moestuin",
        description="Een moestuin.",
        amount_cents=100_00,
        contact_email="geheim@example.org",
    )
    application = Application.objects.get()
    services.decide_application(
        application,
        approve=True,
        reason="Goed.",
        decided_by="committee",
        decided_on=datetime.date(2025, 2, 1),
        acting_user=None,
    )

    response = client_for(budget.focus_area, role).get(
        "/api/v1/residents-budgets?focus-area=oost"
    )

    assert response.status_code == 200
    body = response.json()
    assert body[0]["granted_cents"] == 100_00
    assert [a["title"] for a in body[0]["applications"]] == ["Moestuin"]
    assert "geheim@example.org" not in response.content.decode()


def test_the_budget_list_has_a_query_ceiling(budget, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        Client().get("/api/v1/residents-budgets?focus-area=oost")


def test_an_application_sent_twice_is_taken_once(budget):
    data = {
        "budget": budget.pk,
        "title": "Bankjes",
        "description": "Bankjes op het plein.",
        "amount_cents": 250_00,
        "criteria": [budget.criteria.first().pk],
        "submission_key": "abc-123",
    }

    first = Client().post(
        "/api/v1/budget-applications", data, content_type="application/json"
    )
    again = Client().post(
        "/api/v1/budget-applications", data, content_type="application/json"
    )

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Application.objects.count() == 1


def test_an_application_with_a_foreign_criterion_is_refused(budget):
    response = Client().post(
        "/api/v1/budget-applications",
        {
            "budget": budget.pk,
            "title": "X",
            "description": "Y",
            "amount_cents": 1,
            "criteria": [999_999],
            "submission_key": "k",
        },
        content_type="application/json",
    )

    assert response.status_code == 400


DECISION = {
    "approve": True,
    "reason": "Past bij de criteria.",
    "decided_by": "committee",
    "decided_on": "2025-03-01",
}


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("bureau", 200),
        ("residents", 404),
        ("alliance", 404),
        ("professional", 404),
        ("national", 404),
        ("outsider", 404),
    ],
)
def test_only_the_bureau_records_decisions(budget, role, status):
    application, _c = services.submit_application(
        budget, title="Feest", description="Feest.", amount_cents=100_00
    )

    response = client_for(budget.focus_area, role).post(
        f"/api/v1/budget-applications/{application.pk}/decide",
        DECISION,
        content_type="application/json",
    )

    assert response.status_code == status
    application.refresh_from_db()
    assert (application.status == "approved") is (status == 200)


def test_an_overspending_decision_is_a_clear_400(budget):
    application, _c = services.submit_application(
        budget, title="Groot", description="Groot.", amount_cents=1000_00
    )
    services.decide_application(
        application,
        approve=True,
        reason="Ja.",
        decided_by="bureau",
        decided_on=datetime.date(2025, 1, 1),
        granted_cents=900_00,
        acting_user=None,
    )
    second, _c = services.submit_application(
        budget, title="Nog een", description="Nog een.", amount_cents=200_00
    )

    response = client_for(budget.focus_area, "bureau").post(
        f"/api/v1/budget-applications/{second.pk}/decide",
        DECISION,
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "nog maar" in str(response.json())
