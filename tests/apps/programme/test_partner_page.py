# SPDX-License-Identifier: EUPL-1.2
"""One partner's page: what it promised against what it delivered."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest
from tests.factories import OrganisationFactory

from wijkaanpak.apps.programme.models import Delivery

pytestmark = pytest.mark.django_db


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


def partner_url(area, organisation) -> str:
    return reverse(
        "programme:partner", kwargs={"slug": area.slug, "pk": organisation.pk}
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("bureau", 200),
        ("alliance", 200),
        ("professional", 200),
        ("national", 404),
        ("outsider", 404),
    ],
)
def test_members_of_the_area_see_a_partners_page(plan, role, status):
    partner = plan.people["alliance"].organisation

    response = client_for(plan, role).get(partner_url(plan, partner))

    assert response.status_code == status


def test_a_partner_without_a_place_in_the_area_is_not_found(plan):
    stranger = OrganisationFactory()

    response = client_for(plan, "bureau").get(partner_url(plan, stranger))

    assert response.status_code == 404


def test_the_page_shows_only_that_partners_commitments_and_measures(plan):
    partner = plan.people["alliance"].organisation

    page = client_for(plan, "professional").get(partner_url(plan, partner))

    assert [c.pk for c, _may in page.context["commitments"]] == [
        plan.plan["commitment"].pk
    ]
    assert [row.partner for row in page.context["balances"]] == [partner.name]
    assert [m.title for m in page.context["measures"]] == ["Buurtpreventie"]


@pytest.mark.parametrize(
    ("role", "form_shown"),
    [("alliance", True), ("bureau", True), ("professional", False)],
)
def test_only_the_partner_and_the_bureau_get_the_delivery_form(plan, role, form_shown):
    partner = plan.people["alliance"].organisation
    address = reverse(
        "programme:delivery_new",
        kwargs={"slug": plan.slug, "pk": plan.plan["commitment"].pk},
    )

    page = client_for(plan, role).get(partner_url(plan, partner)).content.decode()

    assert (address in page) is form_shown


def test_a_delivery_from_the_partners_page_returns_there(plan):
    partner = plan.people["alliance"].organisation
    back = partner_url(plan, partner)

    response = client_for(plan, "alliance").post(
        reverse(
            "programme:delivery_new",
            kwargs={"slug": plan.slug, "pk": plan.plan["commitment"].pk},
        ),
        {"amount": "25", "delivered_on": "2024-02-01", "next": back},
    )

    assert response["Location"] == back
    assert Delivery.objects.get().amount == 25_00


def test_a_delivery_never_sends_the_reader_off_the_area(plan):
    response = client_for(plan, "alliance").post(
        reverse(
            "programme:delivery_new",
            kwargs={"slug": plan.slug, "pk": plan.plan["commitment"].pk},
        ),
        {"amount": "25", "delivered_on": "2024-02-01", "next": "https://elders.nl/"},
    )

    assert response["Location"] == reverse(
        "programme:commitments", kwargs={"slug": plan.slug}
    )


def test_the_measure_page_links_its_responsible_partner(plan):
    measure = plan.plan["measure"]
    page = client_for(plan, "professional").get(
        reverse("programme:measure", kwargs={"slug": plan.slug, "pk": measure.pk})
    )

    assert partner_url(plan, measure.owner) in page.content.decode()
