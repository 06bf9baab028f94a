# SPDX-License-Identifier: EUPL-1.2
"""An alliance member fills in the health check in a real browser, by keyboard and mouse."""

import pytest
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_alliance_member_fills_in_the_health_check(live_server, page, area):
    from wijkaanpak.apps.mirror import selectors, services
    from wijkaanpak.core.mirror import HEALTH_QUESTIONS

    scan = services.open_scan(area, "health_check", 2026, acting_user=None)
    failed_requests = []
    page.on("requestfailed", lambda request: failed_requests.append(request.url))
    address = f"/focusgebieden/{area.slug}/spiegel/gezondheidscheck/2026/invullen/"

    page.goto(f"{live_server.url}{address}")
    page.fill("#id_username", "alliance")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.locator("form.scan-form").wait_for()
    statements = page.locator("fieldset[id^=statement-]")
    assert statements.count() == len(HEALTH_QUESTIONS)
    # Every statement is a labelled radio group: its legend names it.
    first = statements.first
    assert first.locator("legend").inner_text()
    assert first.get_by_role("radio").count() == 6
    for index, question in enumerate(HEALTH_QUESTIONS):
        group = page.locator(f"#statement-{question.key}")
        if question.factor == "stop_criteria":
            group.get_by_label("1 · helemaal niet waar").check()
        elif index % 5 == 0:
            continue  # left on "don't know"
        else:
            group.get_by_label("4 · grotendeels waar").check()
    page.get_by_role("button", name="Mijn antwoorden opslaan").click()
    page.locator("ol.weakest").wait_for()

    assert "Je antwoorden zijn opgeslagen" in page.locator(".messages").inner_text()
    weakest = page.locator("ol.weakest > li")
    assert weakest.count() == 3
    assert "Stopcriteria" in weakest.first.locator("h3").inner_text()
    assert page.locator("html").get_attribute("lang") == "nl"
    answers = selectors.answers_of(scan, area.people["alliance"])
    assert answers["stop_criteria_1"] == 1
    assert len(answers) == len(HEALTH_QUESTIONS) - len(
        [
            i
            for i, q in enumerate(HEALTH_QUESTIONS)
            if i % 5 == 0 and q.factor != "stop_criteria"
        ]
    )
    assert not failed_requests
