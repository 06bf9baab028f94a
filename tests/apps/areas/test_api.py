# SPDX-License-Identifier: EUPL-1.2
"""The read API of areas, through HTTP, as clients use it."""

from django.test import Client

import pytest
from tests.factories import (
    PASSWORD,
    DistrictFactory,
    MunicipalityFactory,
    NeighbourhoodFactory,
)

from wijkaanpak.apps.areas.models import FocusArea

pytestmark = pytest.mark.django_db


def test_municipalities_are_listed_by_code_with_the_api_version_header(area):
    response = Client().get("/api/v1/municipalities")

    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["count"] == 2
    assert {row["code"] for row in body["results"]} == {
        area.municipality.code,
        FocusArea.objects.get(slug="elders").municipality.code,
    }


def test_one_municipality_is_found_by_its_code(area):
    response = Client().get(f"/api/v1/municipalities/{area.municipality.code}")

    assert response.json() == {
        "code": area.municipality.code,
        "name": area.municipality.name,
    }


def test_neighbourhoods_come_as_a_geojson_feature_collection(
    area, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = Client().get(
            "/api/v1/neighbourhoods", {"municipality": area.municipality.code}
        )

    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["number_matched"] == body["number_returned"] == 3
    feature = body["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["properties"]["municipality_code"] == area.municipality.code
    assert feature["id"] == feature["properties"]["code"]


def test_neighbourhoods_are_paged(area):
    response = Client().get("/api/v1/neighbourhoods", {"limit": 2})

    body = response.json()
    assert body["number_returned"] == 2
    assert body["number_matched"] == 6
    assert "offset=2" in body["next"]


def test_a_neighbourhood_is_found_by_its_code(area):
    code = area.neighbourhoods.first().code

    response = Client().get(f"/api/v1/neighbourhoods/{code}")

    assert response.status_code == 200
    assert response.json()["properties"]["code"] == code


def test_a_malformed_municipality_filter_is_a_clear_400(area):
    response = Client().get("/api/v1/neighbourhoods", {"municipality": "Utrecht"})

    assert response.status_code == 400
    assert "GM" in response.json()["municipality"]


def test_a_closed_focus_area_is_hidden_from_others_and_shown_to_members(area):
    FocusArea.objects.filter(pk=area.pk).update(is_public=False)
    member = Client()
    member.login(username="professional", password=PASSWORD)

    anonymous_list = Client().get("/api/v1/focus-areas").json()
    member_list = member.get("/api/v1/focus-areas").json()

    assert "oost" not in {row["slug"] for row in anonymous_list["results"]}
    assert "oost" in {row["slug"] for row in member_list["results"]}
    assert Client().get("/api/v1/focus-areas/oost").status_code == 404
    assert (
        Client().get("/api/v1/neighbourhoods", {"focus-area": "oost"}).status_code
        == 404
    )
    assert member.get("/api/v1/focus-areas/oost").status_code == 200


def test_a_focus_area_lists_its_neighbourhood_codes_and_no_people(area):
    body = Client().get("/api/v1/focus-areas/oost").json()

    assert body["municipality"] == area.municipality.code
    assert sorted(body["neighbourhoods"]) == sorted(
        area.neighbourhoods.values_list("code", flat=True)
    )
    assert "programme_director" not in body


def test_the_api_refuses_writes(area):
    response = Client().post("/api/v1/focus-areas", {"name": "Nieuw"})

    assert response.status_code == 405


def test_codes_with_letters_are_served(db):
    municipality = MunicipalityFactory(code="GM0363", name="Amsterdam")
    NeighbourhoodFactory(
        district=DistrictFactory(municipality=municipality, code="WK0363AA"),
        code="BU0363AA01",
    )

    assert Client().get("/api/v1/neighbourhoods/BU0363AA01").status_code == 200
