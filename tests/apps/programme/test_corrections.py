# SPDX-License-Identifier: EUPL-1.2
"""Removing a commitment, correcting a delivery, and amounts typed the Dutch way."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.programme import services
from wijkaanpak.apps.programme.forms import DeliveryForm
from wijkaanpak.apps.programme.models import Commitment, Delivery

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


@pytest.fixture
def delivered(plan):
    """The alliance member's commitment with one delivery of € 40."""
    plan.plan["delivery"] = services.report_delivery(
        plan.plan["commitment"],
        amount=40_00,
        delivered_on=datetime.date(2023, 5, 1),
        acting_user=None,
    )
    return plan


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("bureau", 200),
        ("alliance", 404),
        ("professional", 404),
        ("national", 404),
        ("outsider", 404),
    ],
)
def test_only_the_bureau_sees_the_removal_page(delivered, role, status):
    commitment = delivered.plan["commitment"]
    address = reverse("programme:commitment_remove", args=["oost", commitment.pk])

    response = client_for(delivered, role).get(address)

    assert response.status_code == status
    if status == 200:
        assert "Op deze toezegging is één levering gemeld" in response.content.decode()
    assert Commitment.objects.filter(pk=commitment.pk).exists()


@pytest.mark.parametrize("role", ["alliance", "professional", "national", "outsider"])
def test_others_cannot_remove_a_commitment(delivered, role):
    commitment = delivered.plan["commitment"]
    address = reverse("programme:commitment_remove", args=["oost", commitment.pk])

    client_for(delivered, role).post(address)

    assert Commitment.objects.filter(pk=commitment.pk).exists()


def test_the_bureau_removes_a_commitment_and_the_audit_keeps_it(delivered):
    commitment = delivered.plan["commitment"]
    address = reverse("programme:commitment_remove", args=["oost", commitment.pk])

    response = client_for(delivered, "bureau").post(address)

    assert response.status_code == 302
    assert not Commitment.objects.filter(pk=commitment.pk).exists()
    event = AuditEvent.objects.get(action="removed", object_id=str(commitment.pk))
    assert event.actor == delivered.people["bureau"]
    assert event.changes["promised"] == [100_00, None]
    assert event.changes["deliveries"] == [[[40_00, "2023-05-01"]], None]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("bureau", 200),
        ("alliance", 200),
        ("professional", 404),
        ("national", 404),
        ("outsider", 404),
    ],
)
def test_the_partner_and_the_bureau_open_the_correction(delivered, role, status):
    delivery = delivered.plan["delivery"]
    address = reverse("programme:delivery_correct", args=["oost", delivery.pk])

    assert client_for(delivered, role).get(address).status_code == status


def test_a_partner_cannot_correct_another_partners_delivery(delivered):
    foreign = services.report_delivery(
        delivered.plan["foreign_commitment"],
        amount=8,
        delivered_on=datetime.date(2023, 5, 1),
        acting_user=None,
    )
    address = reverse("programme:delivery_correct", args=["oost", foreign.pk])

    response = client_for(delivered, "alliance").post(
        address, {"amount": "9", "delivered_on": "2023-05-02"}
    )

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.amount == 8


def test_a_correction_keeps_the_old_value_in_the_audit(delivered):
    delivery = delivered.plan["delivery"]
    address = reverse("programme:delivery_correct", args=["oost", delivery.pk])

    response = client_for(delivered, "alliance").post(
        address,
        {"amount": "1.250,50", "delivered_on": "2023-05-01", "note": "typfout"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )

    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.amount == 1250_50
    event = AuditEvent.objects.get(action="delivery_corrected")
    assert event.changes["amount"] == [40_00, 1250_50]
    assert event.actor == delivered.people["alliance"]


def test_the_partner_page_lists_deliveries_with_a_correction_link(delivered):
    page = client_for(delivered, "alliance").get(
        reverse(
            "programme:partner",
            args=["oost", delivered.people["alliance"].organisation_id],
        )
    )

    assert (
        reverse(
            "programme:delivery_correct", args=["oost", delivered.plan["delivery"].pk]
        )
        in page.content.decode()
    )


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1.250,50", Decimal("1250.50")),
        ("1250,5", Decimal("1250.5")),
        ("1250", Decimal("1250")),
        ("€ 25,-", Decimal("25")),
        ("1.250", Decimal("1250")),
    ],
)
def test_amounts_are_read_the_dutch_way(typed, amount):
    with translation.override("nl"):
        form = DeliveryForm({"amount": typed, "delivered_on": "2024-01-01"})

        assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == amount


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "12,5,0", "1,250.50", "-5"])
def test_nonsense_amounts_get_a_clear_message(typed):
    with translation.override("nl"):
        form = DeliveryForm({"amount": typed, "delivered_on": "2024-01-01"})

        assert not form.is_valid()
        assert "1.250,50" in str(form.errors["amount"])


def test_english_reads_the_english_way():
    with translation.override("en"):
        good = DeliveryForm({"amount": "1,250.50", "delivered_on": "2024-01-01"})
        bad = DeliveryForm({"amount": "1250,5", "delivered_on": "2024-01-01"})

        assert good.is_valid()
        assert not bad.is_valid()
    assert good.cleaned_data["amount"] == Decimal("1250.50")


def test_a_delivery_form_typed_in_dutch_saves_cents(plan):
    commitment = plan.plan["commitment"]

    client_for(plan, "alliance").post(
        reverse("programme:delivery_new", args=["oost", commitment.pk]),
        {"amount": "1.250,50", "delivered_on": "2024-01-01", "client_key": "k1"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )

    assert Delivery.objects.get(commitment=commitment).amount == 1250_50
