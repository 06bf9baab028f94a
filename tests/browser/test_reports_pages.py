# SPDX-License-Identifier: EUPL-1.2
"""The pin of the public report form, in Chromium."""

from __future__ import annotations

import pytest

from wijkaanpak.apps.reports import services
from wijkaanpak.apps.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_resident_puts_a_pin_on_the_map_and_reports(live_server, page, area):
    services.create_category(area, code="graffiti", name="Graffiti", acting_user=None)
    page.goto(f"{live_server.url}/focusgebieden/{area.slug}/meldingen/nieuw/")
    pin_map = page.locator("#pin-map")
    page.set_default_timeout(20_000)
    pin_map.wait_for()
    page.wait_for_function("document.querySelector('#pin-map .leaflet-interactive')")

    box = pin_map.bounding_box()
    assert box is not None
    pin_map.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    page.get_by_text("52.").first.wait_for()
    page.get_by_label("Beschrijf het probleem").fill("Tekening op de muur")
    page.get_by_role("button", name="Melding versturen").click()

    page.get_by_text("We hebben je melding ontvangen").wait_for()
    report = Report.objects.get()
    assert report.latitude is not None
    assert report.longitude is not None
    assert report.problem.neighbourhood is not None


def test_the_tablet_reopens_without_network_and_syncs_its_queue_once(
    live_server, page, area
):
    import datetime

    from tests.factories import PASSWORD

    services.create_category(area, code="afval", name="Afval", acting_user=None)
    evening = services.hold_irritation_evening(
        area,
        title="Avond in De Kade",
        held_on=datetime.date(2026, 11, 23),
        acting_user=None,
    )
    tablet = f"/focusgebieden/{area.slug}/ergernissenavonden/{evening.pk}/tablet/"
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/inloggen/?next={tablet}")
    page.fill("input[name=username]", "professional")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    # The worker has kept the page and its files, and looks after the page.
    page.wait_for_selector("#tablet-form[data-kept=yes]")
    page.wait_for_function("navigator.serviceWorker.controller !== null")

    page.context.set_offline(True)
    page.reload()
    page.get_by_label("Beschrijf het probleem").fill("Zakken afval bij de container")
    page.get_by_label("Waar is het?").fill("Kadeplein 3")
    page.get_by_role("button", name="Melding opslaan").click()
    assert page.inner_text("#queue-count") == "1"
    assert Report.objects.count() == 0
    # Reloaded offline once more, the queue is still on the tablet.
    page.reload()
    assert page.inner_text("#queue-count") == "1"

    page.context.set_offline(False)
    page.get_by_role("button", name="Wachtende meldingen nu versturen").click()
    page.wait_for_function("document.querySelector('#queue-count').textContent === '0'")
    page.get_by_role("button", name="Wachtende meldingen nu versturen").click()
    page.reload()
    assert page.inner_text("#queue-count") == "0"
    report = Report.objects.get()
    assert report.description == "Zakken afval bij de container"
