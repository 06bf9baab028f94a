# SPDX-License-Identifier: EUPL-1.2
"""The situational analysis page of the demo city: stacking from stored figures."""

from django.test import Client

import pytest

from wijkaanpak.apps.areas.analysis import analysis_of
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.cli.demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_area():
    load_demo(seed=2026, progress=False)
    return FocusArea.objects.order_by("pk").first()


def test_the_demo_focus_area_is_where_problems_stack(demo_area):
    result = analysis_of(demo_area)

    ranked = [row.in_focus_area for row in result.neighbourhoods]
    members = sum(ranked)
    # The generator put the worst cluster in the focus area: most of the
    # municipality's worst neighbourhoods belong to it.
    assert sum(ranked[:members]) >= members - 2
    assert result.area_class <= 3
    assert all(1 <= row.stacking_class <= 9 for row in result.neighbourhoods)
    assert any(result.top_problems.values())


def test_the_analysis_page_colours_every_neighbourhood(demo_area):
    response = Client().get(f"/focusgebieden/{demo_area.slug}/analyse/")

    assert response.status_code == 200
    features = response.context["stacking_map"]["features"]
    assert len(features) == demo_area.municipality.neighbourhoods.count()
    assert all(feature["properties"]["fill"].startswith("#") for feature in features)
    assert sum(feature["properties"]["focus"] for feature in features) == (
        demo_area.neighbourhoods.count()
    )
    assert "Waar problemen samenkomen" in response.content.decode()


def test_an_area_without_figures_says_so(area):
    response = Client().get(f"/focusgebieden/{area.slug}/analyse/")

    assert response.status_code == 200
    assert response.context["analysis"] is None
