# SPDX-License-Identifier: EUPL-1.2
"""A member follows a goal to a measure and on to the partner who carries it."""

import datetime

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def small_plan(area):
    """A goal served by one measure whose partner promised and delivered money."""
    from wijkaanpak.apps.programme import services

    partner = area.people["alliance"].organisation
    goal = services.create_goal(
        area,
        national_goal="safety",
        title="Minder inbraken",
        target_value=5.0,
        target_year=2030,
        baseline_value=8.0,
        baseline_year=2022,
        acting_user=None,
    )
    measure = services.create_measure(
        area,
        title="Buurtpreventie",
        owner=partner,
        start_year=2023,
        end_year=2026,
        goals=[goal],
        acting_user=None,
    )
    commitment = services.add_commitment(
        area,
        organisation=partner,
        year=2023,
        kind="money",
        promised=2_500_00,
        description="Camera's en fietsen",
        measure=measure,
        acting_user=None,
    )
    services.report_delivery(
        commitment,
        amount=1_000_00,
        delivered_on=datetime.date(2023, 11, 1),
        acting_user=None,
    )
    return area


def test_a_member_walks_from_goal_to_measure_to_promised_and_delivered(
    live_server, page, small_plan
):
    from tests.factories import PASSWORD

    partner = small_plan.people["alliance"].organisation
    page.goto(f"{live_server.url}/focusgebieden/{small_plan.slug}/programma/plan/")
    # The plan is for members: the login form comes first and leads back.
    page.get_by_label("Gebruikersnaam").fill("professional")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Programmaplan Oost", level=1).wait_for()

    page.get_by_role("link", name="Minder inbraken").first.click()
    page.get_by_role("heading", name="Minder inbraken", level=1).wait_for()

    page.get_by_role("link", name="Buurtpreventie").click()
    page.get_by_role("heading", name="Buurtpreventie", level=1).wait_for()

    page.get_by_role("link", name=partner.name).click()
    heading = f"{partner.name}: beloofd en geleverd"
    page.get_by_role("heading", name=heading, level=1).wait_for()
    balance = page.locator("table.balances tbody tr").first
    assert "€ 2.500,00" in balance.inner_text()
    assert "€ 1.000,00" in balance.inner_text()
    assert "Camera's en fietsen" in page.locator("main").inner_text()
    assert page.url.endswith(f"/toezeggingen/partners/{partner.pk}/")
