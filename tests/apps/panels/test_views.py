# SPDX-License-Identifier: EUPL-1.2
"""Who may open which panel page and endpoint, and what the public sees."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
PUBLIC = dict.fromkeys(ROLES, 200)
BUREAU = {
    "anonymous": 302,
    "bureau": 200,
    "alliance": 404,
    "professional": 404,
    "national": 404,
    "outsider": 404,
}
PAGES = {
    "panels:list": PUBLIC,
    "panels:report": PUBLIC,
    "panels:register": PUBLIC,
    "panels:distribution_json": PUBLIC,
    "panels:manage_list": BUREAU,
    "panels:manage": BUREAU,
    "panels:quota_check": BUREAU,
    "panels:export_people": BUREAU,
    "panels:export_features": BUREAU,
}
POSTS = ["publish", "seed", "draw", "close", "erase", "quotas", "invite", "replace"]


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        assert client.login(username=area.people[role].username, password=PASSWORD)
    return client


def url_of(name: str, area, process) -> str:
    if name in {"panels:list", "panels:manage_list"}:
        return reverse(name, kwargs={"slug": area.slug})
    return reverse(name, kwargs={"slug": area.slug, "pk": process.pk})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(PAGES))
def test_each_role_gets_the_panel_page_it_may_see(area, drawn, page, role):
    response = client_for(area, role).get(url_of(page, area, drawn))

    assert response.status_code == PAGES[page][role]
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["anonymous", "alliance", "professional", "outsider"])
@pytest.mark.parametrize("step", POSTS)
def test_only_the_bureau_may_take_a_step(area, pool, step, role):
    response = client_for(area, role).post(url_of(f"panels:{step}", area, pool), {})

    assert response.status_code in {302, 404}
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))
    pool.refresh_from_db()
    assert pool.status == "inviting"


def test_before_anyone_signs_up_the_bureau_pages_answer(area, process):
    # A pool smaller than the panel cannot be checked yet; the pages say so
    # instead of failing.
    client = client_for(area, "bureau")

    check = client.get(url_of("panels:quota_check", area, process))
    people = client.get(url_of("panels:export_people", area, process))

    assert check.status_code == 200
    assert "minder mensen aangemeld dan het panel van 5 nodig" in (
        check.content.decode()
    )
    assert people.status_code == 200
    assert people.content.decode().splitlines()[0].startswith("id")


def test_a_draft_is_not_shown_to_the_public(area, process):
    response = Client().get(url_of("panels:report", area, process))

    assert response.status_code == 404


def test_the_bureau_walks_the_steps_in_order(area, pool):
    client = client_for(area, "bureau")

    client.post(url_of("panels:seed", area, pool), {"seed": "1 2"})
    pool.refresh_from_db()
    assert pool.seed == ""
    client.post(url_of("panels:publish", area, pool))
    client.post(url_of("panels:seed", area, pool), {"seed": "1 2"})
    client.post(url_of("panels:draw", area, pool))
    pool.refresh_from_db()
    assert pool.status == "drawn"
    assert len(pool.panel) == pool.panel_size


def test_the_public_report_and_api_show_no_personal_data(area, drawn):
    report = Client().get(url_of("panels:report", area, drawn)).content.decode()
    api = Client().get(f"/api/v1/panel-processes/{drawn.pk}").content.decode()
    manage = client_for(area, "bureau").get(url_of("panels:manage", area, drawn))

    assert "Quirina" in manage.content.decode()
    for text in (report, api):
        assert "Quirina" not in text
        assert "quirina@example.org" not in text
        assert "1234AB" not in text
        assert drawn.fingerprint in text
        assert drawn.seed in text


def test_a_volunteer_sees_their_own_chance_with_their_code(area, drawn, letters):
    invitation = letters.invitations[0]
    volunteer = drawn.volunteers.get(invitation__code_hash__isnull=False, number="V001")

    response = Client().post(
        url_of("panels:my_chance", area, drawn), {"code": invitation.code}
    )

    probability = drawn.distribution["probabilities"][volunteer.number]
    assert response.status_code == 200
    assert response.context["probability"] == probability
    assert invitation.code not in response.content.decode()


def test_the_registration_page_explains_a_wrong_code(area, pool):
    response = Client().post(
        url_of("panels:register", area, pool),
        {
            "code": "ABC",
            "postcode": "1234AB",
            "house_number": "1",
            "contact_name": "A",
            "contact": "a@example.org",
            "feature_leeftijd": "jong",
            "feature_woning": "huur",
        },
    )

    assert response.status_code == 200
    assert "not right" in response.content.decode() or "klopt niet" in (
        response.content.decode()
    )


@pytest.mark.parametrize("role", ROLES)
def test_the_api_lists_processes_of_open_areas(area, drawn, role):
    response = client_for(area, role).get("/api/v1/panel-processes")

    assert response.status_code == 200
    data = response.json()
    items = data["results"] if isinstance(data, dict) else data
    assert [item["id"] for item in items] == [drawn.pk]
