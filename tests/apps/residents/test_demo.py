# SPDX-License-Identifier: EUPL-1.2
"""The demo's contract and budget, saved on their own (not through ``load_demo``)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

from wijkaanpak.apps.residents.demo import save_residents
from wijkaanpak.apps.residents.models import (
    Application,
    ContractItem,
    NeighbourhoodContract,
    ResidentsBudget,
)
from wijkaanpak.core.demo.alliance import DemoOrganisation
from wijkaanpak.core.demo.residents import demo_residents

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(residents_area):
    from tests.factories import OrganisationFactory

    organisations = [
        DemoOrganisation(key, name, "other")
        for key, name in [
            ("housing_corporation_1", "Woonstichting Demo"),
            ("municipality", "Gemeente Demo"),
            ("police", "Politie Demo"),
        ]
    ]
    for organisation in organisations:
        OrganisationFactory(name=organisation.name)
    city = SimpleNamespace(organisations=organisations)
    save_residents(city, residents_area, demo_residents(datetime.date(2026, 3, 1)))
    return residents_area


def test_the_demo_contract_is_signed_and_every_agreement_reviewed(saved):
    contract = NeighbourhoodContract.objects.get(focus_area=saved)

    assert contract.is_signed
    assert contract.year == 2025
    assert not ContractItem.objects.filter(contract=contract, review="").exists()
    assert set(contract.items.values_list("review", flat=True)) == {
        "done",
        "partly",
        "not_done",
    }


def test_the_demo_budget_has_decisions_results_and_money_left(saved):
    budget = ResidentsBudget.objects.get(focus_area=saved)
    applications = Application.objects.filter(budget=budget)
    granted = sum(a.granted_cents or 0 for a in applications)

    assert set(applications.values_list("status", flat=True)) == {
        "approved",
        "rejected",
    }
    assert applications.exclude(result="").count() == 2
    assert 0 < granted < budget.amount_cents
    assert not budget.is_open


def test_the_plan_document_shows_both(saved, client):
    from django.urls import reverse

    client.force_login(saved.people["bureau"])
    page = client.get(reverse("programme:plan_document", args=["oost"]))

    text = page.content.decode()
    assert "Bewonerscommissie Het Plein" in text
    assert "Buurtfeest op het plein" in text


def test_the_json_export_holds_both(saved, client):
    body = client.get("/api/v1/programmes/oost").json()

    assert body["neighbourhood_contracts"][0]["status"] == "signed"
    budget = body["residents_budgets"][0]
    assert budget["granted_cents"] == 3_500_00
    assert len(budget["applications"]) == 4
