# SPDX-License-Identifier: EUPL-1.2
"""The bureau adjusts the proposed focus area by clicking on the map."""

import pytest
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_bureau(db):
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.cli.demo import load_demo

    load_demo(seed=2026, progress=False)
    area = FocusArea.objects.order_by("pk").first()
    user = area.memberships.filter(role="bureau").first().user
    User.objects.filter(pk=user.pk).update(password="")
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return area, user


def test_clicking_a_neighbourhood_ticks_it_and_the_summary_follows(
    live_server, page, demo_bureau
):
    area, user = demo_bureau
    page.goto(
        f"{live_server.url}/inloggen/?next=/focusgebieden/{area.slug}/afbakening/"
    )
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_selector("#area-map[data-chosen]")
    chosen = int(page.get_attribute("#area-map", "data-chosen"))
    assert chosen == area.neighbourhoods.count()
    outside = page.locator('input[name="neighbourhoods"]:not(:checked)').first
    code = outside.get_attribute("value")
    before = page.inner_text("#selection-summary")

    page.locator(f'#area-map path[data-code="{code}"]').click()

    assert page.is_checked(f'input[name="neighbourhoods"][value="{code}"]')
    assert page.get_attribute("#area-map", "data-chosen") == str(chosen + 1)
    assert page.inner_text("#selection-summary") != before
