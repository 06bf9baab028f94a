# SPDX-License-Identifier: EUPL-1.2
"""Contract and budget pages: every role against every page, then what forms do.

``residents`` is an alliance member from the residents' platform: the way
residents, who have no account, write their neighbourhood's contract.
"""

from __future__ import annotations

import datetime

from django.test import Client
from django.urls import reverse

import pytest

from wijkaanpak.apps.audit.models import AuditEvent
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
EVERYONE = dict.fromkeys(ROLES, 200)
MEMBERS = {
    "anonymous": 404,
    "bureau": 200,
    "residents": 200,
    "alliance": 200,
    "professional": 200,
    "national": 404,
    "outsider": 404,
}
WRITERS = {
    "anonymous": 302,
    "bureau": 200,
    "residents": 200,
    "alliance": 404,
    "professional": 404,
    "national": 404,
    "outsider": 404,
}
BUREAU = {**WRITERS, "residents": 404}
DAY = datetime.date(2025, 6, 1)


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


def answers(area, address: str) -> dict[str, int]:
    return {role: client_for(area, role).get(address).status_code for role in ROLES}


@pytest.fixture
def signed(contract):
    services.sign_contract(contract, signed_on=DAY, acting_user=None)
    return contract


@pytest.fixture
def applied(budget):
    """The budget with one application waiting and one approved."""
    waiting, _c = services.submit_application(
        budget,
        title="Moestuin",
        description="Een moestuin.",
        amount_cents=200_00,
        contact_name="Ayse",
        contact_email="ayse@example.org",
    )
    approved, _c = services.submit_application(
        budget, title="Buurtfeest", description="Een feest.", amount_cents=300_00
    )
    services.decide_application(
        approved,
        approve=True,
        reason="Voor iedereen.",
        decided_by="committee",
        decided_on=DAY,
        acting_user=None,
    )
    budget.waiting, budget.approved = waiting, approved
    return budget


def _contract_pages(contract) -> dict[str, str]:
    item = contract.items.first()
    args = ["oost", contract.pk]
    return {
        "new": reverse("residents:contract_new", args=["oost"]),
        "edit": reverse("residents:contract_edit", args=args),
        "item_new": reverse("residents:item_new", args=args),
        "item_edit": reverse("residents:item_edit", args=[*args, item.pk]),
        "item_remove": reverse("residents:item_remove", args=[*args, item.pk]),
    }


def test_everyone_reads_the_list_of_contracts(contract):
    assert answers(
        contract.focus_area, reverse("residents:contracts", args=["oost"])
    ) == (EVERYONE)


def test_a_draft_is_for_members_only(contract):
    address = reverse("residents:contract", args=["oost", contract.pk])

    assert answers(contract.focus_area, address) == MEMBERS


def test_a_signed_contract_is_public(signed):
    address = reverse("residents:contract", args=["oost", signed.pk])

    assert answers(signed.focus_area, address) == EVERYONE


def test_the_public_list_leaves_drafts_out(contract):
    page = Client().get(reverse("residents:contracts", args=["oost"])).content.decode()

    assert "Er is nog geen ondertekend wijkcontract." in page


@pytest.mark.parametrize(
    "page", ["new", "edit", "item_new", "item_edit", "item_remove"]
)
def test_residents_and_the_bureau_write_a_draft(contract, page):
    assert answers(contract.focus_area, _contract_pages(contract)[page]) == WRITERS


@pytest.mark.parametrize("page", ["edit", "item_new", "item_edit", "item_remove"])
def test_nobody_writes_a_signed_contract(signed, page):
    address = _contract_pages(signed)[page]

    assert set(answers(signed.focus_area, address).values()) <= {302, 404}


def test_only_the_bureau_signs(contract):
    address = reverse("residents:contract_sign", args=["oost", contract.pk])

    assert answers(contract.focus_area, address) == BUREAU


def test_residents_write_an_agreement_on_the_page(contract):
    address = reverse("residents:item_new", args=["oost", contract.pk])

    response = client_for(contract.focus_area, "residents").post(
        address,
        {
            "party": "residents",
            "residents_group": "Jongerenraad",
            "what": "Een voetbaltoernooi",
            "when": "Zomervakantie",
        },
    )

    assert response.status_code == 302
    item = ContractItem.objects.get(residents_group="Jongerenraad")
    assert AuditEvent.objects.filter(
        object_id=str(item.pk), actor=contract.focus_area.people["residents"]
    ).exists()


def test_a_partner_agreement_without_a_partner_is_a_clear_error(contract):
    address = reverse("residents:item_new", args=["oost", contract.pk])

    response = client_for(contract.focus_area, "residents").post(
        address, {"party": "partner", "what": "Iets", "when": "Ooit"}
    )

    assert response.status_code == 400
    assert "Kies de partner die dit doet." in response.content.decode()


def test_removing_an_agreement_asks_first(contract):
    address = _contract_pages(contract)["item_remove"]
    client = client_for(contract.focus_area, "residents")

    assert "Ja, verwijder de afspraak" in client.get(address).content.decode()
    assert contract.items.count() == 2
    client.post(address)
    assert contract.items.count() == 1


def test_the_bureau_signs_on_the_page(contract):
    address = reverse("residents:contract_sign", args=["oost", contract.pk])

    client_for(contract.focus_area, "bureau").post(address, {"signed_on": "2025-01-15"})

    contract.refresh_from_db()
    assert contract.is_signed
    assert contract.signed_on == datetime.date(2025, 1, 15)


def _review_address(contract, party: str) -> str:
    item = contract.items.get(party=party)
    return reverse("residents:item_review", args=["oost", contract.pk, item.pk])


def test_residents_review_their_own_agreements(signed):
    expected = {
        "anonymous": 302,
        "bureau": 200,
        "residents": 200,
        "alliance": 404,
        "professional": 404,
        "national": 404,
        "outsider": 404,
    }

    assert answers(signed.focus_area, _review_address(signed, "residents")) == expected


def test_a_partner_reviews_its_own_agreements(signed):
    expected = {
        "anonymous": 302,
        "bureau": 200,
        "residents": 404,
        "alliance": 200,
        "professional": 404,
        "national": 404,
        "outsider": 404,
    }

    assert answers(signed.focus_area, _review_address(signed, "partner")) == expected


def test_a_review_shows_on_the_public_page(signed):
    client_for(signed.focus_area, "residents").post(
        _review_address(signed, "residents"),
        {"review": "partly", "note": "Acht van de twaalf keer."},
    )

    page = Client().get(reverse("residents:contract", args=["oost", signed.pk]))

    assert "Acht van de twaalf keer." in page.content.decode()


# Budgets.


def test_everyone_reads_budgets_and_the_form(applied):
    area = applied.focus_area
    for address in (
        reverse("residents:budgets", args=["oost"]),
        reverse("residents:budget", args=["oost", applied.pk]),
        reverse("residents:apply", args=["oost", applied.pk]),
    ):
        assert answers(area, address) == EVERYONE


def test_a_closed_area_hides_its_budgets(applied):
    from wijkaanpak.apps.areas.models import FocusArea

    FocusArea.objects.filter(pk=applied.focus_area_id).update(is_public=False)

    assert Client().get(reverse("residents:budgets", args=["oost"])).status_code == 404


@pytest.mark.parametrize("page", ["budget_new", "budget_edit"])
def test_only_the_bureau_sets_up_budgets(applied, page):
    args = ["oost"] if page == "budget_new" else ["oost", applied.pk]

    assert (
        answers(applied.focus_area, reverse(f"residents:{page}", args=args)) == BUREAU
    )


def test_residents_and_the_bureau_open_an_application(applied):
    address = reverse(
        "residents:application", args=["oost", applied.pk, applied.waiting.pk]
    )

    assert answers(applied.focus_area, address) == WRITERS


def test_contact_data_are_for_the_bureau_only(applied):
    area = applied.focus_area
    address = reverse(
        "residents:application", args=["oost", applied.pk, applied.waiting.pk]
    )

    assert (
        "ayse@example.org" in client_for(area, "bureau").get(address).content.decode()
    )
    assert "ayse@example.org" not in (
        client_for(area, "residents").get(address).content.decode()
    )
    public = Client().get(reverse("residents:budget", args=["oost", applied.pk]))
    assert "Ayse" not in public.content.decode()


def test_the_form_shows_the_criteria(applied):
    page = Client().get(reverse("residents:apply", args=["oost", applied.pk]))

    assert "Iedereen kan meedoen" in page.content.decode()


def test_a_resent_application_form_adds_nothing(applied):
    address = reverse("residents:apply", args=["oost", applied.pk])
    form = Client().get(address).context["form"]
    key = form.initial["submission_key"]
    data = {
        "title": "Bankjes",
        "description": "Bankjes op het plein.",
        "amount": "1.000,00",
        "criteria": [applied.criteria.first().pk],
        "submission_key": key,
    }

    first = Client().post(address, data, HTTP_ACCEPT_LANGUAGE="nl")
    second = Client().post(address, data, HTTP_ACCEPT_LANGUAGE="nl")

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    application = Application.objects.get(title="Bankjes")
    assert application.amount_cents == 1000_00
    assert Client().get(first["Location"]).status_code == 200


def test_a_nonsense_amount_is_a_clear_error(applied):
    response = Client().post(
        reverse("residents:apply", args=["oost", applied.pk]),
        {"title": "X", "description": "Y", "amount": "veel"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )

    assert response.status_code == 400
    assert "1.250,50" in response.content.decode()
    assert not Application.objects.filter(title="X").exists()


def test_a_decision_that_would_overspend_is_refused_on_the_page(applied):
    too_much, _c = services.submit_application(
        applied, title="Groot", description="Groot.", amount_cents=800_00
    )
    address = reverse("residents:decide", args=["oost", applied.pk, too_much.pk])

    response = client_for(applied.focus_area, "bureau").post(
        address,
        {
            "decision": "approved",
            "decided_by": "committee",
            "reason": "Mooi plan.",
            "decided_on": "2025-06-01",
        },
        follow=True,
    )

    assert "Er is nog maar € 700,00 over" in response.content.decode()
    too_much.refresh_from_db()
    assert too_much.status == Application.Status.SUBMITTED


@pytest.mark.parametrize(
    ("role", "decided"),
    [
        ("bureau", True),
        ("residents", False),
        ("alliance", False),
        ("anonymous", False),
        ("outsider", False),
    ],
)
def test_only_the_bureau_records_a_decision(applied, role, decided):
    address = reverse("residents:decide", args=["oost", applied.pk, applied.waiting.pk])

    client_for(applied.focus_area, role).post(
        address,
        {
            "decision": "rejected",
            "decided_by": "bureau",
            "reason": "Past niet.",
            "decided_on": "2025-06-01",
        },
    )

    applied.waiting.refresh_from_db()
    assert (applied.waiting.status == "rejected") is decided


def test_residents_report_a_result_that_shows_publicly(applied):
    address = reverse(
        "residents:result", args=["oost", applied.pk, applied.approved.pk]
    )

    client_for(applied.focus_area, "residents").post(
        address, {"result": "Zestig buren op het plein.", "participants": "60"}
    )

    page = Client().get(reverse("residents:budget", args=["oost", applied.pk]))
    text = page.content.decode()
    assert "Zestig buren op het plein." in text
    assert "60 deelnemers" in text


def test_an_unknown_tracking_link_is_404(applied):
    address = reverse("residents:track", args=["onzin"])

    assert Client().get(address).status_code == 404


def test_a_closed_budget_shows_no_form(applied):
    services.update_budget(
        applied,
        amount_cents=applied.amount_cents,
        introduction="",
        is_open=False,
        criteria=[c.text for c in applied.criteria.all()],
        acting_user=None,
    )

    page = Client().get(reverse("residents:apply", args=["oost", applied.pk]))

    assert "Bij dit budget kun je niet meer aanvragen." in page.content.decode()
    assert page.context.get("form") is not None
    assert 'name="title"' not in page.content.decode()
