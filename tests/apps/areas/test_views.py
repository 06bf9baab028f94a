# SPDX-License-Identifier: EUPL-1.2
"""Who may open which area page: every role, own and foreign area."""

from django.test import Client
from django.urls import reverse

import pytest
from tests.factories import PASSWORD

from wijkaanpak.apps.areas.models import FocusArea

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]

#: Expected status per page and role. 302 sends an anonymous visitor to log in;
#: 404 is the same answer for "does not exist" and "not yours".
MATRIX = {
    "home": dict.fromkeys(ROLES, 200),
    "areas:focus_area": dict.fromkeys(ROLES, 200),
    "areas:workspace": {
        "anonymous": 302,
        "bureau": 200,
        "alliance": 200,
        "professional": 200,
        "national": 404,
        "outsider": 404,
    },
    "areas:edit": {
        "anonymous": 302,
        "bureau": 200,
        "alliance": 404,
        "professional": 404,
        "national": 404,
        "outsider": 404,
    },
    "areas:delimitation": {
        "anonymous": 302,
        "bureau": 200,
        "alliance": 200,
        "professional": 200,
        "national": 404,
        "outsider": 404,
    },
    "areas:profile_notes": {
        "anonymous": 302,
        "bureau": 200,
        "alliance": 404,
        "professional": 404,
        "national": 404,
        "outsider": 404,
    },
    "areas:analysis": dict.fromkeys(ROLES, 200),
    "areas:national": {
        "anonymous": 302,
        "bureau": 403,
        "alliance": 403,
        "professional": 403,
        "national": 200,
        "outsider": 403,
    },
}


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        assert client.login(username=area.people[role].username, password=PASSWORD)
    return client


def url_of(name: str, area) -> str:
    if name in {"home", "areas:national"}:
        return reverse(name)
    return reverse(name, kwargs={"slug": area.slug})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(MATRIX))
def test_each_role_gets_the_page_it_may_see(area, page, role):
    response = client_for(area, role).get(url_of(page, area))

    assert response.status_code == MATRIX[page][role]
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES)
def test_a_missing_area_looks_the_same_as_a_foreign_one(area, role):
    response = client_for(area, role).get(
        reverse("areas:workspace", kwargs={"slug": "bestaat-niet"})
    )

    assert response.status_code in {302, 404}


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 404), ("outsider", 404), ("national", 404), ("professional", 200)],
)
def test_a_closed_area_page_is_for_its_members_only(area, role, status):
    FocusArea.objects.filter(pk=area.pk).update(is_public=False)

    response = client_for(area, role).get(url_of("areas:focus_area", area))

    assert response.status_code == status


def test_the_public_page_carries_the_polygons_for_the_map(area):
    response = Client().get(url_of("areas:focus_area", area))

    collection = response.context["geojson"]
    assert len(collection["features"]) == 3
    assert b'id="area-geojson"' in response.content
    assert b"vendor/leaflet/leaflet.js" in response.content


def test_the_workspace_shows_people_only_to_members(area):
    bureau = area.people["bureau"]
    # A name no page text can contain by chance (Faker's could: "Bos", "Dijk").
    bureau.last_name = "Quaedvlieg-Zwartkruis"
    bureau.save(update_fields=["last_name"])
    page = client_for(area, "bureau").get(url_of("areas:workspace", area))
    public = Client().get(url_of("areas:focus_area", area))

    assert bureau.last_name in page.content.decode()
    assert bureau.last_name not in public.content.decode()


def test_the_bureau_saves_the_public_text_through_the_service(area):
    client = client_for(area, "bureau")

    response = client.post(
        url_of("areas:edit", area),
        {"description": "Welkom in Oost.", "is_public": "on"},
    )

    assert response.status_code == 302
    area.refresh_from_db()
    assert area.description == "Welkom in Oost."


def test_a_post_by_a_partner_changes_nothing(area):
    client = client_for(area, "alliance")

    response = client.post(url_of("areas:edit", area), {"description": "Gekaapt"})

    assert response.status_code == 404
    area.refresh_from_db()
    assert area.description != "Gekaapt"


def test_pages_speak_dutch_by_default_and_english_on_request(area):
    dutch = Client().get(reverse("home"))
    english = Client(headers={"accept-language": "en"}).get(reverse("home"))

    assert "Focusgebieden" in dutch.content.decode()
    assert 'lang="nl"' in dutch.content.decode()
    assert "Focus areas" in english.content.decode()


@pytest.mark.parametrize(
    ("role", "workspace", "national"),
    [
        ("anonymous", False, False),
        ("bureau", True, False),
        ("professional", True, False),
        ("national", False, True),
        ("outsider", False, False),
    ],
)
def test_the_menu_offers_what_the_role_may_open(area, role, workspace, national):
    page = client_for(area, role).get(reverse("home")).content.decode()

    assert (reverse("areas:workspace", kwargs={"slug": area.slug}) in page) is workspace
    assert (reverse("areas:national") in page) is national
