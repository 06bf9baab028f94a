# SPDX-License-Identifier: EUPL-1.2
"""The public page of a focus area, as a resident's browser shows it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_public_area_page_draws_every_neighbourhood_on_the_map(
    live_server, page, area
):
    codes = sorted(area.neighbourhoods.values_list("code", flat=True))
    failed_requests = []
    page.on("requestfailed", lambda request: failed_requests.append(request.url))

    page.goto(f"{live_server.url}/focusgebieden/{area.slug}/")

    page.wait_for_selector("#area-map[data-drawn]")
    polygons = page.locator("#area-map path.leaflet-interactive")
    assert polygons.count() == len(codes)
    drawn = sorted(
        polygons.nth(index).get_attribute("data-code") for index in range(len(codes))
    )
    assert drawn == codes
    assert page.locator("h1").inner_text() == area.name
    assert page.locator("html").get_attribute("lang") == "nl"
    # Everything the page needs comes from our own server: no CDN.
    assert not failed_requests
    assert all(
        url.startswith(live_server.url)
        for url in page.evaluate("performance.getEntries().map(entry => entry.name)")
        if url.startswith("http")
    )


def test_a_neighbourhood_names_itself_when_hovered(live_server, page, area):
    page.goto(f"{live_server.url}/focusgebieden/{area.slug}/")
    page.wait_for_selector("#area-map[data-drawn]")

    first = area.neighbourhoods.order_by("code").first()
    page.locator(f'#area-map path[data-code="{first.code}"]').hover()

    assert first.name in page.locator(".leaflet-tooltip").inner_text()
