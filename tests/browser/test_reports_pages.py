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
