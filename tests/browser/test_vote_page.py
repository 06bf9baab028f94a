# SPDX-License-Identifier: EUPL-1.2
"""A resident votes in the demo's open vote with a printed code, once only."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_vote():
    from wijkaanpak.cli.demo import load_demo

    assert load_demo(seed=2026, progress=False)
    from wijkaanpak.apps.votes.models import Vote

    return Vote.objects.filter(result__isnull=True).get()


def test_a_code_votes_once(live_server, page, open_vote):
    from wijkaanpak.apps.votes.demo import demo_codes
    from wijkaanpak.apps.votes.models import Ballot

    code = demo_codes(2026)[0]
    url = (
        f"{live_server.url}/focusgebieden/{open_vote.focus_area.slug}"
        f"/stemmen/{open_vote.pk}/"
    )

    def choose_and_send() -> None:
        page.goto(url)
        page.get_by_label("Je code uit de brief").fill(code.lower())
        page.get_by_label("Kunst op de blinde muur").check()
        page.get_by_label("Ik woon in").check()
        page.get_by_role("button", name="Volgende: mijn keuze controleren").click()
        page.get_by_role("button", name="Mijn stem bevestigen").click()

    choose_and_send()
    page.get_by_role("heading", name="Bedankt voor je stem").wait_for()
    assert Ballot.objects.filter(vote=open_vote).count() == 1

    choose_and_send()
    assert "al gebruikt" in page.get_by_role("alert").inner_text()
    assert Ballot.objects.filter(vote=open_vote).count() == 1
