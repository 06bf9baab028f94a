# SPDX-License-Identifier: EUPL-1.2
"""Who may open and post to which breakthrough page: every role, own and foreign area."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest
from tests.factories import MembershipFactory, UserFactory

from wijkaanpak.apps.breakthroughs.models import AgendaItem, BlockageCase, NormTime

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
MEMBERS = {
    "anonymous": 302,
    "bureau": 200,
    "alliance": 200,
    "professional": 200,
    "national": 404,
    "outsider": 404,
}
BUREAU = MEMBERS | {"alliance": 404, "professional": 404}
READERS = dict.fromkeys(ROLES, 200) | {"anonymous": 302}
NATIONAL = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "national": 200}

#: page name → (keyword arguments of the address, expected status per role)
PAGES = {
    "breakthroughs:cases": ({}, MEMBERS),
    "breakthroughs:case_new": ({}, MEMBERS),
    "breakthroughs:figures": ({}, MEMBERS),
    "breakthroughs:norm_times": ({}, MEMBERS),
    "breakthroughs:case": ({"pk": "front_line"}, MEMBERS),
    "breakthroughs:close": ({"pk": "front_line"}, MEMBERS),
    "breakthroughs:register": (None, READERS),
    "breakthroughs:rule_new": (None, READERS),
    "breakthroughs:rule": ("rule", READERS),
    "breakthroughs:rule_edit": ("rule", NATIONAL),
    "breakthroughs:national": (None, NATIONAL),
}


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


def url_of(name: str, area, arguments, rule=None) -> str:
    if arguments is None:
        return reverse(name)
    if arguments == "rule":
        return reverse(name, kwargs={"pk": rule.pk})
    kwargs = {"slug": area.slug}
    kwargs |= {key: area.cases[value].pk for key, value in arguments.items()}
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("page", list(PAGES))
def test_each_role_gets_the_page_it_may_see(cases, rule, page):
    arguments, expected = PAGES[page]

    answers = {
        role: client_for(cases, role).get(url_of(page, cases, arguments, rule))
        for role in ROLES
    }

    assert {role: answer.status_code for role, answer in answers.items()} == expected
    for answer in answers.values():
        if answer.status_code == 302:
            assert answer["Location"].startswith(reverse("login"))


def test_closing_a_case_higher_up_is_for_the_bureau(cases):
    address = url_of("breakthroughs:close", cases, {"pk": "programme_bureau"})

    statuses = {
        role: client_for(cases, role).get(address).status_code for role in ROLES
    }

    assert statuses == BUREAU


def test_a_case_of_another_area_is_not_found_under_this_area(cases):
    address = url_of("breakthroughs:case", cases, {"pk": "elders"})

    assert client_for(cases, "bureau").get(address).status_code == 404
    assert client_for(cases, "outsider").get(address).status_code == 404


def test_national_staff_see_counts_of_the_register_but_no_case_text(cases, rule):
    page = client_for(cases, "national").get(reverse("breakthroughs:register"))
    rule_page = client_for(cases, "national").get(
        url_of("breakthroughs:rule", cases, "rule", rule)
    )
    national = client_for(cases, "national").get(reverse("breakthroughs:national"))

    for answer in (page, rule_page, national):
        text = answer.content.decode()
        assert "Case front_line" not in text
        assert "Moeder met twee kinderen" not in text
        assert cases.cases["front_line"].household_code not in text
    assert "Kostendelersnorm" in page.content.decode()
    assert "Elders" in rule_page.content.decode()


def test_a_member_sees_own_cases_on_the_rule_page_and_only_counts_elsewhere(
    cases, rule
):
    text = (
        client_for(cases, "bureau")
        .get(url_of("breakthroughs:rule", cases, "rule", rule))
        .content.decode()
    )

    assert "Case front_line" in text
    assert "Elders" in text
    assert ">Elders</a>" not in text


def test_the_case_page_shows_the_ladder_and_where_the_rule_was_broken(cases):
    text = (
        client_for(cases, "professional")
        .get(url_of("breakthroughs:case", cases, {"pk": "front_line"}))
        .content.decode()
    )

    assert "Elders" in text
    assert 'action="/focusgebieden/oost/doorbraken/' in text


def test_a_professional_escalates_from_the_front_line(cases):
    case = cases.cases["front_line"]
    address = url_of("breakthroughs:escalate", cases, {"pk": "front_line"})

    response = client_for(cases, "professional").post(
        address, {"to_level": "programme_bureau", "reason": ""}
    )

    assert response.status_code == 302
    assert BlockageCase.objects.get(pk=case.pk).level == "programme_bureau"


def test_skipping_without_reason_is_refused_on_the_page(cases):
    address = url_of("breakthroughs:escalate", cases, {"pk": "front_line"})

    response = client_for(cases, "bureau").post(
        address, {"to_level": "national_meeting"}
    )

    assert response.status_code == 400
    assert (
        BlockageCase.objects.get(pk=cases.cases["front_line"].pk).level == "front_line"
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("professional", 404), ("alliance", 404), ("outsider", 404)],
)
def test_only_the_bureau_decides_above_the_front_line(cases, role, status):
    address = url_of("breakthroughs:decide", cases, {"pk": "programme_bureau"})

    response = client_for(cases, role).post(address, {"text": "x", "grounds": "y"})

    assert response.status_code == status
    assert not cases.cases["programme_bureau"].decisions.exists()


def test_the_page_warns_about_identifiers_and_saves_after_confirmation(cases):
    client = client_for(cases, "professional")
    address = reverse("breakthroughs:case_new", kwargs={"slug": cases.slug})
    data = {
        "title": "Schuld",
        "need": "Mail moeder via moeder@example.org.",
        "blockage_kind": "budget",
        "blockage": "Geen potje.",
        "source": "front_line",
        "level": "front_line",
    }

    warned = client.post(address, data)
    saved = client.post(address, data | {"confirm_identifiers": "on"})

    assert warned.status_code == 200
    assert "e-mail" in warned.content.decode()
    assert 'type="checkbox" name="confirm_identifiers"' in warned.content.decode()
    assert saved.status_code == 302
    assert BlockageCase.objects.filter(title="Schuld").count() == 1


def test_a_report_that_cannot_be_fixed_offers_the_case_and_links_back(
    cases, rule, report_in
):
    from wijkaanpak.apps.reports import services as report_services

    problem = report_in().problem
    report_services.change_status(
        problem, "cannot_be_fixed", note="Regel staat het niet toe.", acting_user=None
    )
    client = client_for(cases, "bureau")
    problem_url = reverse(
        "reports:problem", kwargs={"slug": cases.slug, "pk": problem.pk}
    )
    form_url = reverse(
        "breakthroughs:from_problem", kwargs={"slug": cases.slug, "pk": problem.pk}
    )

    assert form_url in client.get(problem_url).content.decode()
    response = client.post(
        form_url,
        {
            "title": "Losse stoeptegel",
            "need": "Bewoners met rollator kunnen er niet langs.",
            "blockage_kind": "rule",
            "rules": [rule.pk],
            "blockage": "Regel staat het niet toe.",
            "source": "resident_report",
            "level": "front_line",
        },
    )

    case = BlockageCase.objects.get(problem=problem)
    assert response.status_code == 302
    assert reverse(
        "breakthroughs:case", kwargs={"slug": cases.slug, "pk": case.pk}
    ) in (client.get(problem_url).content.decode())


def test_the_meeting_page_takes_escalations_on_the_agenda(cases):
    meeting = cases.cases["meeting"]
    client = client_for(cases, "bureau")
    agenda = reverse(
        "breakthroughs:agenda", kwargs={"slug": cases.slug, "meeting_pk": meeting.pk}
    )

    assert client_for(cases, "alliance").post(agenda).status_code == 404
    assert client.post(agenda).status_code == 302
    item = AgendaItem.objects.get(meeting=meeting)
    decide = reverse(
        "breakthroughs:meeting_decision",
        kwargs={"slug": cases.slug, "item_pk": item.pk},
    )
    client.post(
        decide,
        {
            "text": "Budgetten samenvoegen.",
            "grounds": "Zelfde doel.",
            "homework_text": "Voorstel maken",
            "homework_organisation": cases.people["alliance"].organisation.pk,
            "homework_due_on": "2026-04-01",
        },
    )
    page = client.get(
        reverse("programme:meeting", kwargs={"slug": cases.slug, "pk": meeting.pk})
    )

    assert "Budgetten samenvoegen." in page.content.decode()
    assert "Voorstel maken" in page.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [("bureau", 302), ("alliance", 404), ("professional", 404), ("outsider", 404)],
)
def test_only_the_bureau_sets_the_areas_norm_times(cases, role, status):
    address = reverse("breakthroughs:norm_times", kwargs={"slug": cases.slug})

    response = client_for(cases, role).post(
        address, {"front_line": "10", "programme_bureau": "", "breakthrough_table": ""}
    )

    assert response.status_code == status
    assert NormTime.objects.filter(focus_area=cases).exists() == (status == 302)


def test_the_norm_times_page_shows_own_and_default_times(cases):
    address = reverse("breakthroughs:norm_times", kwargs={"slug": cases.slug})
    client = client_for(cases, "bureau")

    refused = client.post(address, {"front_line": "0"})
    client.post(address, {"front_line": "10"})
    page = client.get(address).content.decode()
    seen_by_member = client_for(cases, "professional").get(address).content.decode()

    assert refused.status_code == 400
    assert '<td class="number">10</td>' in page
    assert '<td class="number">28</td>' in page
    assert "<form" in page
    assert '<td class="number">10</td>' in seen_by_member
    assert 'name="front_line"' not in seen_by_member


def test_the_bureau_hands_a_case_over_on_its_page(cases):
    case = cases.cases["programme_bureau"]
    colleague = MembershipFactory(
        role="bureau",
        focus_area=cases,
        user=UserFactory(username="collega", first_name="Sam", last_name="Smit"),
    ).user
    address = url_of("breakthroughs:hand_over", cases, {"pk": "programme_bureau"})
    client = client_for(cases, "bureau")

    refused = client.post(address, {"to_owner": colleague.pk, "reason": ""})
    done = client.post(address, {"to_owner": colleague.pk, "reason": "Vakantie."})
    page = client.get(
        url_of("breakthroughs:case", cases, {"pk": "programme_bureau"})
    ).content.decode()

    assert refused.status_code == 400
    assert done.status_code == 302
    assert BlockageCase.objects.get(pk=case.pk).owner == colleague
    assert "Sam Smit" in page
    assert "Vakantie." in page
