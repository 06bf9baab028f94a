# SPDX-License-Identifier: EUPL-1.2
"""Contiguity is stored once per boundary year; a focus area stays one piece."""

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

import pytest
from tests.factories import PASSWORD, UserFactory, square

from wijkaanpak.apps.accounts import services as accounts
from wijkaanpak.apps.areas import analysis, services
from wijkaanpak.apps.areas.models import Contiguity, FocusArea
from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.core.areas.contiguity import Adjacency

pytestmark = pytest.mark.django_db

SIZE = 0.01


def code(row: int, column: int) -> str:
    return f"BU990201{row}{column}"


@pytest.fixture
def grid():
    """A municipality of 3 x 3 square neighbourhoods, and a focus area in a corner.

    (0,0) (0,1) (0,2)
    (1,0) (1,1) (1,2)
    (2,0) (2,1) (2,2)
    """
    municipality = services.register_municipality(
        "GM9902", "Rasterdam", acting_user=None
    )
    services.register_areas(
        municipality,
        [services.DistrictInput("WK990201", "Raster")],
        [
            (
                "WK990201",
                services.NeighbourhoodInput(
                    code(r, c), f"Vak {r}{c}", square(c * SIZE, -r * SIZE, SIZE)
                ),
            )
            for r in range(3)
            for c in range(3)
        ],
        boundary_year=2024,
        acting_user=None,
    )
    area = services.create_focus_area(
        municipality=municipality,
        name="Hoek",
        neighbourhood_codes=[code(0, 0)],
        boundary_year=2024,
        start_year=2024,
        acting_user=None,
    )
    bureau = UserFactory(username="raster-bureau")
    accounts.grant_role(bureau, "bureau", focus_area=area, acting_user=None)
    return area, bureau


def test_registering_polygons_stores_their_contiguity_once(grid):
    stored = Contiguity.objects.get(municipality__code="GM9902", boundary_year=2024)
    adjacency = Adjacency.from_dict(stored.adjacency)
    degree = {c: len(adjacency.neighbours[i]) for i, c in enumerate(adjacency.codes)}

    # Rook contiguity: corners touch two squares, the centre four; the diagonal
    # corner points do not count as a shared border.
    assert degree[code(1, 1)] == 4
    assert degree[code(0, 0)] == 2
    assert code(1, 1) not in {adjacency.codes[j] for j in adjacency.neighbours[0]}
    assert not adjacency.on_edge[adjacency.codes.index(code(1, 1))]


def test_a_focus_area_in_two_pieces_is_refused_and_nothing_changes(grid):
    area, bureau = grid

    with pytest.raises(ValidationError, match=r"aaneengesloten|connected"):
        services.set_focus_area_neighbourhoods(
            area, [code(0, 0), code(2, 2)], boundary_year=2024, acting_user=bureau
        )
    assert list(area.neighbourhoods.values_list("code", flat=True)) == [code(0, 0)]


def test_a_focus_area_with_a_hole_is_refused_naming_the_hole(grid):
    area, bureau = grid
    ring = [code(r, c) for r in range(3) for c in range(3) if (r, c) != (1, 1)]

    with pytest.raises(ValidationError, match=code(1, 1)):
        services.set_focus_area_neighbourhoods(
            area, ring, boundary_year=2024, acting_user=bureau
        )


def test_a_connected_choice_is_saved_and_audited(grid):
    area, bureau = grid

    services.set_focus_area_neighbourhoods(
        area,
        [code(0, 0), code(0, 1), code(1, 1)],
        boundary_year=2024,
        acting_user=bureau,
    )

    assert area.neighbourhoods.count() == 3
    event = AuditEvent.objects.filter(action="neighbourhoods_set").get()
    assert event.actor == bureau


def test_the_delimitation_page_saves_a_connected_choice_and_explains_a_broken_one(
    grid,
):
    area, bureau = grid
    client = Client()
    assert client.login(username=bureau.username, password=PASSWORD)
    url = reverse("areas:delimitation", kwargs={"slug": area.slug})

    broken = client.post(url, {"neighbourhoods": [code(0, 0), code(2, 2)]})
    # Without figures the page has no assistant; the choice is not saved either.
    assert broken.status_code == 200
    assert area.neighbourhoods.count() == 1


@pytest.fixture
def demo(db):
    """The fictional demo city, its focus area and its bureau login."""
    from wijkaanpak.cli.demo import load_demo

    load_demo(seed=2026, progress=False)
    area = FocusArea.objects.order_by("pk").first()
    bureau = area.memberships.filter(role="bureau").first().user
    return area, bureau


def test_the_assistant_proposes_one_connected_area_within_the_bounds(demo):
    area, _bureau = demo
    city = analysis.delimitation_of(area)
    low, high = 0.08 * city.city_inhabitants, 0.12 * city.city_inhabitants

    result = analysis.delimitation_of(area, min_population=low, max_population=high)

    proposal = result.proposal
    assert low <= proposal.population <= high
    checked = analysis.selection_of(
        result.adjacency,
        [
            r.inhabitants
            for r in sorted(
                result.analysis.neighbourhoods, key=lambda r: r.neighbourhood.code
            )
        ],
        [
            r.mass
            for r in sorted(
                result.analysis.neighbourhoods, key=lambda r: r.neighbourhood.code
            )
        ],
        proposal.codes,
    )
    assert checked.contiguous
    assert not checked.enclosed
    # More inhabitants allowed never captures less of the problems.
    shares = [point.share for point in result.curve]
    assert shares == sorted(shares)


def test_the_bureau_adjusts_the_area_on_the_delimitation_page(demo):
    area, bureau = demo
    client = Client()
    client.force_login(bureau)
    url = reverse("areas:delimitation", kwargs={"slug": area.slug})
    page = client.get(url)
    assert page.status_code == 200
    current = list(page.context["delimitation"].current.codes)
    adjacency = page.context["delimitation"].adjacency
    inside = {adjacency.codes.index(c) for c in current}
    outside = next(
        adjacency.codes[j]
        for i in sorted(inside)
        for j in adjacency.neighbours[i]
        if j not in inside and adjacency.on_edge[j]
    )

    saved = client.post(url, {"neighbourhoods": [*current, outside]})

    assert saved.status_code == 302
    assert outside in set(area.neighbourhoods.values_list("code", flat=True))
    far = next(
        c
        for i, c in enumerate(adjacency.codes)
        if i not in inside
        and not set(adjacency.neighbours[i]) & inside
        and c != outside
        and adjacency.codes.index(outside) not in adjacency.neighbours[i]
    )
    refused = client.post(url, {"neighbourhoods": [*current, outside, far]})
    assert refused.status_code == 200
    assert (
        "connected area" in refused.content.decode()
        or "aaneengesloten" in refused.content.decode()
    )
    assert far not in set(area.neighbourhoods.values_list("code", flat=True))


def test_the_profile_compares_with_the_country_and_shows_trends(demo):
    area, _bureau = demo

    page = Client().get(reverse("areas:analysis", kwargs={"slug": area.slug}))

    result = page.context["analysis"]
    assert result.country == "Nederland (fictieve referentie)"
    assert len(result.years) == 6
    assert result.trends
    assert all(len(t.points) == 6 for t in result.trends)
    income = next(f for f in result.key_figures if f.key == "lowest_income_households")
    # The 40 % lowest incomes of the country: about 40 % nationally, by definition,
    # and clearly more in the focus area.
    assert 37 <= income.country_value <= 43
    assert income.area_value > income.city_value > income.country_value
    html = page.content.decode()
    assert html.count('role="img"') == len(result.trends)
    assert "Nederland (fictieve referentie)" in html


def test_the_demo_area_tells_its_history_and_strengths_with_sources(demo):
    area, _bureau = demo

    page = Client().get(reverse("areas:analysis", kwargs={"slug": area.slug}))

    assert len(page.context["history"]) == 2
    assert len(page.context["strengths"]) == 2
    html = page.content.decode()
    assert all(note.source in html for note in area.profile_notes.all())
