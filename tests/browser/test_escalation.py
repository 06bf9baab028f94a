# SPDX-License-Identifier: EUPL-1.2
"""A blockage case climbs to the breakthrough table and lands on its agenda."""

import datetime

from django.utils import timezone

import pytest
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def front_line_case(area):
    from wijkaanpak.apps.breakthroughs import services
    from wijkaanpak.apps.programme import services as programme_services

    rule = services.register_rule(
        title="Kostendelersnorm",
        kind="law",
        instrument="Participatiewet",
        article="art. 22a",
        owner="Ministerie van Sociale Zaken en Werkgelegenheid",
        acting_user=None,
    )
    case = services.open_case(
        area,
        services.CaseInput(
            title="Huur loopt op door kostendelersnorm",
            need="Moeder met twee studerende kinderen kan de huur niet betalen.",
            blockage_kind="rule",
            blockage="De uitkering daalt omdat de kinderen als kostendelers tellen.",
            rules=[rule],
        ),
        acting_user=None,
    )
    meeting = programme_services.schedule_meeting(
        area,
        held_on=timezone.localdate() + datetime.timedelta(days=7),
        title="Doorbraaktafel",
        acting_user=None,
    )
    return area, case, meeting


def test_the_bureau_escalates_a_case_with_a_reason_onto_the_agenda(
    live_server, page, front_line_case
):
    area, case, meeting = front_line_case
    user = area.people["bureau"]
    case_url = f"/focusgebieden/{area.slug}/doorbraken/{case.pk}/"
    page.goto(f"{live_server.url}/inloggen/?next={case_url}")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_selector("h1")
    assert "Huur loopt op" in page.inner_text("h1")

    escalate = page.locator("form[aria-labelledby=escalate]")
    escalate.locator("select[name=to_level]").select_option("breakthrough_table")
    escalate.locator("button[type=submit]").click()
    # Skipping the bureau without a reason is refused on the page.
    page.wait_for_selector("[role=alert]")
    assert "reden" in page.inner_text("[role=alert]")

    escalate = page.locator("form[aria-labelledby=escalate]")
    escalate.locator("select[name=to_level]").select_option("breakthrough_table")
    escalate.locator("textarea[name=reason]").fill(
        "Twee partners moeten hun budgetten samenvoegen."
    )
    escalate.locator("button[type=submit]").click()
    page.wait_for_selector(".messages, [role=status]")
    facts = page.inner_text("dl.facts")
    assert "Doorbraaktafel van de alliantie" in facts
    assert "Twee partners moeten hun budgetten samenvoegen." in page.inner_text("main")

    page.goto(
        f"{live_server.url}/focusgebieden/{area.slug}/programma/alliantie/overleggen/"
        f"{meeting.pk}/"
    )
    page.locator(f"form[action$='/agenda/{meeting.pk}/'] button").click()
    heading = page.locator("section[aria-labelledby^=blockage-] h3").first
    heading.wait_for()
    assert f"Knelpunt {case.pk}: Huur loopt op" in heading.inner_text()
    assert "Doorbraaktafel van de alliantie" in heading.inner_text()
