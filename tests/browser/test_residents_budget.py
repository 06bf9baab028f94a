# SPDX-License-Identifier: EUPL-1.2
"""A resident, without an account, applies for money in Dutch and follows it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_budget(area):
    """A residents' budget of € 1.000 in the first neighbourhood of the area."""
    from wijkaanpak.apps.residents import services

    return services.create_budget(
        area,
        neighbourhood=area.neighbourhoods.order_by("code").first(),
        year=2025,
        amount_cents=1_000_00,
        criteria=["Voor en door bewoners", "Iedereen kan meedoen"],
        acting_user=None,
    )


def test_a_resident_applies_with_a_dutch_amount(live_server, page, open_budget):
    from wijkaanpak.apps.residents.models import Application

    page.goto(f"{live_server.url}/focusgebieden/oost/bewonersbudget/{open_budget.pk}/")
    page.get_by_role("link", name="Geld aanvragen").click()
    page.get_by_role("heading", name="Vraag geld aan voor je initiatief").wait_for()

    page.get_by_label("Naam van je initiatief").fill("Bankjes op het plein")
    page.get_by_label("Wat wil je doen?").fill("Drie bankjes, zodat buren elkaar zien.")
    page.get_by_label("Hoeveel geld heb je nodig, in euro?").fill("750,50")
    page.get_by_label("Iedereen kan meedoen").check()
    page.get_by_role("button", name="Verstuur mijn aanvraag").click()

    page.get_by_role("heading", name="Je aanvraag", level=1).wait_for()
    facts = page.locator("dl.facts").inner_text()
    assert "€ 750,50" in facts
    assert "Ingediend" in facts
    application = Application.objects.get()
    assert application.amount_cents == 750_50
    assert [c.text for c in application.criteria.all()] == ["Iedereen kan meedoen"]
