# SPDX-License-Identifier: EUPL-1.2
"""Who may open and post to which mirror page: every role, own and foreign area."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest
from tests.apps.mirror.conftest import STATEMENT

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.mirror.models import Answer, Scan

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
ALLIANCE = {
    "anonymous": 302,
    "bureau": 200,
    "alliance": 200,
    "professional": 404,
    "national": 404,
    "outsider": 404,
}
NATIONAL = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "national": 200}

#: page name → (keyword arguments of the address, expected status per role)
PAGES = {
    "mirror:overview": ({}, ALLIANCE),
    "mirror:profiles": ({}, ALLIANCE),
    "mirror:scan": ({"kind": "gezondheidscheck", "year": 2025}, ALLIANCE),
    "mirror:fill_in": ({"kind": "gezondheidscheck", "year": 2026}, ALLIANCE),
    "mirror:profile_edit": ({"organisation": "alliance"}, ALLIANCE),
    "mirror:national": (None, NATIONAL),
}


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


def url_of(name: str, area, arguments) -> str:
    if arguments is None:
        return reverse(name)
    kwargs = {"slug": area.slug} | arguments
    if kwargs.get("organisation") in area.people:
        kwargs["organisation"] = area.people[kwargs["organisation"]].organisation.pk
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("page", list(PAGES))
def test_each_role_gets_the_page_it_may_see(scans, page):
    arguments, expected = PAGES[page]

    answers = {
        role: client_for(scans, role).get(url_of(page, scans, arguments))
        for role in ROLES
    }

    assert {role: answer.status_code for role, answer in answers.items()} == expected
    for answer in answers.values():
        if answer.status_code == 302:
            assert answer["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("name", "arguments", "data"),
    [
        ("mirror:open", {}, {"kind": "participation", "year": 2027}),
        ("mirror:close", {"kind": "gezondheidscheck", "year": 2026}, {}),
    ],
)
def test_opening_and_closing_scans_is_for_the_bureau(scans, name, arguments, data):
    address = url_of(name, scans, arguments)

    statuses = {
        role: client_for(scans, role).post(address, data).status_code
        for role in ROLES
        if role != "bureau"
    }
    bureau = client_for(scans, "bureau").post(address, data)

    assert statuses == {
        "anonymous": 302,
        "alliance": 404,
        "professional": 404,
        "national": 404,
        "outsider": 404,
    }
    assert bureau.status_code == 302
    assert Scan.objects.filter(
        focus_area=scans, kind="participation", year=2027
    ).exists() == (name == "mirror:open")


def test_a_scan_of_another_area_is_not_found_under_this_area(scans):
    address = url_of("mirror:scan", scans, {"kind": "gezondheidscheck", "year": 2024})

    assert client_for(scans, "bureau").get(address).status_code == 404
    assert (
        client_for(scans, "outsider")
        .get(
            reverse(
                "mirror:scan",
                kwargs={"slug": "oost", "kind": "gezondheidscheck", "year": 2026},
            )
        )
        .status_code
        == 404
    )


def test_an_alliance_member_fills_in_the_scan_and_sees_the_report(scans):
    client = client_for(scans, "alliance")
    address = url_of(
        "mirror:fill_in", scans, {"kind": "gezondheidscheck", "year": 2026}
    )

    response = client.post(
        address,
        {"stop_criteria_1": "1", "stop_criteria_2": "", "concrete_goals_1": "2"},
    )
    report = client.get(response["Location"]).content.decode()

    assert response.status_code == 302
    mine = Answer.objects.filter(
        scan=scans.scans["now"], respondent=scans.people["alliance"]
    )
    assert dict(mine.values_list("question", "value")) == {
        "stop_criteria_1": 1,
        "concrete_goals_1": 2,
    }
    assert "zwakste" in report
    assert AuditEvent.objects.filter(
        action="answered", object_id=str(scans.scans["now"].pk)
    ).exists()


def test_an_answer_outside_the_scale_is_refused_and_nothing_is_saved(scans):
    client = client_for(scans, "alliance")
    address = url_of(
        "mirror:fill_in", scans, {"kind": "gezondheidscheck", "year": 2026}
    )

    response = client.post(address, {"stop_criteria_1": "1", "concrete_goals_1": "9"})

    assert response.status_code == 200
    assert (
        not Answer.objects.filter(respondent=scans.people["alliance"])
        .filter(scan=scans.scans["now"])
        .exists()
    )


def test_a_closed_scan_sends_the_form_back_to_the_report(scans):
    address = url_of(
        "mirror:fill_in", scans, {"kind": "gezondheidscheck", "year": 2025}
    )

    response = client_for(scans, "alliance").post(address, {"stop_criteria_1": "5"})

    assert response.status_code == 302
    assert not Answer.objects.filter(
        scan=scans.scans["last"], respondent=scans.people["alliance"], value=5
    ).exists()


def test_the_report_names_the_weakest_points_with_next_steps(scans):
    with_english = client_for(scans, "bureau")
    with_english.cookies["django_language"] = "en"
    address = url_of("mirror:scan", scans, {"kind": "gezondheidscheck", "year": 2025})

    text = with_english.get(address, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Stop criteria" in text
    assert "Agree a stop criterion for each of the 4 measures that have none." in text
    assert "Measures without a stop criterion: 4 of 4." in text


def test_national_staff_see_scores_but_no_answers_or_names(scans):
    from wijkaanpak.apps.mirror import services

    services.close_scan(
        scans.scans["now"], on=scans.scans["now"].opened_at.date(), acting_user=None
    )
    text = (
        client_for(scans, "national").get(reverse("mirror:national")).content.decode()
    )

    assert "Oost" in text
    assert "Elders" not in text  # it has no closed scan
    assert STATEMENT not in text
    for role in ("bureau", "alliance"):
        person = scans.people[role]
        assert person.last_name not in text
        assert person.organisation.name not in text


def test_an_alliance_member_places_only_its_own_organisation(scans):
    own = url_of("mirror:profile_edit", scans, {"organisation": "alliance"})
    other = url_of("mirror:profile_edit", scans, {"organisation": "bureau"})
    values = {"steering": 80, "task": 80, "horizon": 90, "rules": 90, "partnering": 50}

    client = client_for(scans, "alliance")
    saved = client.post(own, values)
    refused = client.post(other, values)
    page = client.get(saved["Location"]).content.decode()

    assert saved.status_code == 302
    assert refused.status_code == 404
    scans.scans["profile"].refresh_from_db()
    assert scans.scans["profile"].sliders == values
    assert scans.people["alliance"].organisation.name in page
