# SPDX-License-Identifier: EUPL-1.2
"""Who may open which vote page and endpoint: every role, own and foreign area."""

from __future__ import annotations

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from tests.factories import PASSWORD

from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.votes import services
from wijkaanpak.core.panels.codes import check_character

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
EXPORT_BEFORE_COUNTING = {**BUREAU, "anonymous": 404}

MATRIX = {
    "votes:list": PUBLIC,
    "votes:vote": PUBLIC,
    "votes:thanks": PUBLIC,
    "votes:results": PUBLIC,
    "votes:export": EXPORT_BEFORE_COUNTING,
    "votes:new": BUREAU,
    "votes:manage": BUREAU,
    "votes:project_new": BUREAU,
    "votes:codes": BUREAU,
}
POSTS = {"votes:count": BUREAU, "votes:feasibility": BUREAU}


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        assert client.login(username=area.people[role].username, password=PASSWORD)
    return client


def url_of(name: str, area, vote) -> str:
    kwargs = {"slug": area.slug}
    if name not in {"votes:list", "votes:new"}:
        kwargs["pk"] = vote.pk
    if name == "votes:feasibility":
        kwargs["project"] = int(vote.titles["Bomen"])
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(MATRIX))
def test_each_role_gets_the_page_it_may_see(area, vote, page, role):
    response = client_for(area, role).get(url_of(page, area, vote))

    assert response.status_code == MATRIX[page][role]
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(POSTS))
def test_only_the_bureau_may_post_its_actions(area, vote, action, role):
    response = client_for(area, role).post(url_of(action, area, vote), {})

    expected = 302 if POSTS[action][role] == 200 else POSTS[action][role]
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["anonymous", "outsider", "national"])
def test_a_closed_area_hides_its_votes(area, vote, role):
    FocusArea.objects.filter(pk=area.pk).update(is_public=False)

    response = client_for(area, role).get(url_of("votes:vote", area, vote))

    assert response.status_code == 404


def test_a_vote_of_another_area_is_not_there(area, vote):
    other = FocusArea.objects.get(slug="elders")
    url = reverse("votes:vote", kwargs={"slug": other.slug, "pk": vote.pk})

    assert Client().get(url).status_code == 404


API = {
    "/api/v1/votes?focus-area=oost": 200,
    "/api/v1/votes/{vote}": 200,
    "/api/v1/vote-projects?vote={vote}": 200,
    "/api/v1/vote-results/{vote}": 404,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", list(API))
def test_the_api_reads_follow_the_pages(area, vote, endpoint, role):
    response = client_for(area, role).get(endpoint.format(vote=vote.pk))

    assert response.status_code == API[endpoint]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "endpoint", ["/api/v1/votes?focus-area=oost", "/api/v1/votes/{vote}"]
)
def test_the_api_hides_a_closed_areas_votes(area, vote, endpoint, role):
    FocusArea.objects.filter(pk=area.pk).update(is_public=False)

    response = client_for(area, role).get(endpoint.format(vote=vote.pk))

    member = role in {"bureau", "alliance", "professional"}
    assert response.status_code == (200 if member else 404)


def _vote_and_count(area, vote):
    client = Client()
    url = url_of("votes:vote", area, vote)
    for index, title in enumerate(["Bomen", "Bomen", "Bankjes"]):
        data = {
            "code": vote.codes_issued[index],
            "eligible": "on",
            "approved": [vote.titles[title]],
        }
        checked = client.post(url, data)
        assert checked.context["confirming"]
        assert client.post(url, {**data, "confirm": "yes"}).status_code == 302
    vote.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    vote.save(update_fields=["closes_at"])
    return services.count_vote(vote, acting_user=area.people["bureau"])


def test_voting_twice_with_one_code_is_refused_on_the_page(area, vote):
    client = Client()
    url = url_of("votes:vote", area, vote)
    data = {
        "code": vote.codes_issued[0],
        "eligible": "on",
        "approved": [vote.titles["Bomen"]],
        "confirm": "yes",
    }
    assert client.post(url, data).status_code == 302

    again = client.post(url, data)

    assert again.status_code == 200
    assert "al gebruikt" in str(again.context["form"].non_field_errors())


def test_the_results_page_explains_every_project(area, vote):
    result = _vote_and_count(area, vote)

    response = Client().get(url_of("votes:results", area, vote))

    rows = response.context["rows"]
    # Three voters hold a third of the budget each: the one supporter of
    # Bankjes cannot pay for it alone.
    assert [row["title"] for row in rows if row["funded"]] == ["Bomen"]
    bankjes = next(row for row in rows if row["title"] == "Bankjes")
    assert "tekort" in bankjes["reason"]
    assert len(rows) == 3
    assert all(row["reason"] for row in rows)
    bomen = next(row for row in rows if row["title"] == "Bomen")
    assert sum(group["voters"] for group in bomen["groups"]) == 2
    assert b"<svg" in response.content
    assert result.voters == 3
    api = Client().get(f"/api/v1/vote-results/{vote.pk}").json()
    assert api["funded"] == result.funded


def test_the_export_is_anonymous_pabulib(area, vote):
    _vote_and_count(area, vote)

    text = Client().get(url_of("votes:export", area, vote)).content.decode()

    assert text.startswith("META")
    for code in vote.codes_issued:
        assert code not in text
        assert code.replace("-", "") not in text


def test_the_export_passes_pabulibs_checker(area, vote):
    import contextlib
    import io

    from pabulib.checker import Checker

    _vote_and_count(area, vote)
    text = Client().get(url_of("votes:export", area, vote)).content.decode()

    with contextlib.redirect_stdout(io.StringIO()):
        results = Checker().process_files([text])
    (verdict,) = (
        value for key, value in results.items() if key not in {"metadata", "summary"}
    )
    found = verdict["results"]
    assert (found if isinstance(found, str) else found.get("errors", {})) in ("", {}), (
        found
    )


def test_the_vote_list_endpoint_has_a_query_ceiling(
    area, vote, django_assert_max_num_queries
):
    client = Client()
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/votes?focus-area=oost").status_code == 200


def test_a_ranking_refuses_two_projects_in_one_place(area, vote):
    vote.ballot_kind = "ordinal"
    vote.save(update_fields=["ballot_kind"])
    data = {"code": vote.codes_issued[0], "eligible": "on"}
    for pk in vote.titles.values():
        data[f"project_{pk}"] = "1"

    response = Client().post(url_of("votes:vote", area, vote), data)

    assert response.context["form"].non_field_errors()
    assert not response.context["confirming"]


def test_guessing_codes_is_stopped_per_address(area, vote, settings):
    settings.WIJKAANPAK_VOTE_CODE_RATE = "3/hour"
    url = url_of("votes:vote", area, vote)
    ballot = {"eligible": "on", "approved": [vote.titles["Bomen"]], "confirm": "yes"}
    # Well-formed codes (right check character) that belong to no letter.
    guesses = ["K7QMP4XRT8", "23456789AB", "ABCDEFGHJK"]
    guesses = [g[:9] + check_character(g[:9]) for g in guesses]
    for guess in guesses:
        response = Client().post(url, {**ballot, "code": guess}, REMOTE_ADDR="10.1.1.1")
        assert response.status_code == 200

    refused = Client().post(
        url, {**ballot, "code": vote.codes_issued[0]}, REMOTE_ADDR="10.1.1.1"
    )

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3601
    assert "Te veel verkeerde codes" in refused.content.decode()
    # The real code was not used up, and works from another address.
    elsewhere = Client().post(
        url, {**ballot, "code": vote.codes_issued[0]}, REMOTE_ADDR="10.1.1.2"
    )
    assert elsewhere.status_code == 302


def test_a_used_or_right_code_does_not_count_as_a_guess(area, vote, settings):
    settings.WIJKAANPAK_VOTE_CODE_RATE = "1/hour"
    url = url_of("votes:vote", area, vote)
    ballot = {"eligible": "on", "approved": [vote.titles["Bomen"]], "confirm": "yes"}
    for index in range(3):
        data = {**ballot, "code": vote.codes_issued[index]}
        assert Client().post(url, data).status_code == 302
        assert Client().post(url, data).status_code == 200
