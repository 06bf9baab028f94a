# SPDX-License-Identifier: EUPL-1.2
"""The public programme of the demo area, as a resident's browser shows it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_area():
    from wijkaanpak.cli.demo import load_demo

    assert load_demo(seed=2026, progress=False)
    from wijkaanpak.apps.areas.models import FocusArea

    return FocusArea.objects.order_by("pk").first()


def test_the_public_programme_draws_the_goal_tree(live_server, page, demo_area):
    from wijkaanpak.apps.programme.models import Goal, Measure

    failed_requests = []
    page.on("requestfailed", lambda request: failed_requests.append(request.url))

    page.goto(f"{live_server.url}/focusgebieden/{demo_area.slug}/programma/")

    tree = page.locator("svg#goal-tree")
    tree.wait_for()
    box = tree.bounding_box()
    assert box is not None
    assert box["width"] > 300
    assert box["height"] > 200
    goals = Goal.objects.filter(focus_area=demo_area).count()
    measures = Measure.objects.filter(focus_area=demo_area).count()
    assert page.locator("svg#goal-tree g.node-goal").count() == goals
    assert page.locator("svg#goal-tree g.node-measure").count() == measures
    assert page.locator("svg#goal-tree path.edge").count() >= goals + measures - 1
    first_goal = Goal.objects.filter(focus_area=demo_area).order_by("pk").first()
    assert first_goal.title.split()[0] in (tree.text_content() or "")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Kadewaard Oost" in page.locator("h1").inner_text()
    assert not failed_requests
