# SPDX-License-Identifier: EUPL-1.2
"""Who may open and post to which programme page: every role, own and foreign area."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest

from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.programme.models import (
    Commitment,
    Delivery,
    Goal,
    HomeworkItem,
    NationalMinimumGoal,
)

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
BUREAU = {
    "anonymous": 302,
    "bureau": 200,
    "alliance": 404,
    "professional": 404,
    "national": 404,
    "outsider": 404,
}
NATIONAL = {
    "anonymous": 302,
    "bureau": 403,
    "alliance": 403,
    "professional": 403,
    "national": 200,
    "outsider": 403,
}

#: page name → (keyword arguments of the address, expected status per role)
PAGES = {
    "programme:public": ({}, dict.fromkeys(ROLES, 200)),
    "programme:plan": ({}, MEMBERS),
    "programme:goal": ({"pk": "goal"}, MEMBERS),
    "programme:measure": ({"pk": "measure"}, MEMBERS),
    "programme:commitments": ({}, MEMBERS),
    "programme:alliance": ({}, MEMBERS),
    "programme:meeting": ({"pk": "meeting"}, MEMBERS),
    "programme:vision": ({}, BUREAU),
    "programme:problem_new": ({}, BUREAU),
    "programme:goal_new": ({}, BUREAU),
    "programme:goal_edit": ({"pk": "goal"}, BUREAU),
    "programme:measure_new": ({}, BUREAU),
    "programme:commitment_new": ({}, BUREAU),
    "programme:meeting_new": ({}, BUREAU),
    "programme:national": (None, NATIONAL),
    "programme:minimum_goal_new": (None, NATIONAL),
}


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


def url_of(name: str, area, arguments: dict | None) -> str:
    if arguments is None:
        return reverse(name)
    kwargs = {"slug": area.slug}
    kwargs |= {key: area.plan[value].pk for key, value in arguments.items()}
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("page", list(PAGES))
def test_each_role_gets_the_page_it_may_see(plan, page):
    # One page per test and every role inside it: the plan is built once per page.
    arguments, expected = PAGES[page]

    answers = {
        role: client_for(plan, role).get(url_of(page, plan, arguments))
        for role in ROLES
    }

    assert {role: answer.status_code for role, answer in answers.items()} == expected
    for answer in answers.values():
        if answer.status_code == 302:
            assert answer["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 404), ("outsider", 404), ("national", 404), ("professional", 200)],
)
def test_the_public_programme_of_a_closed_area_is_for_members(plan, role, status):
    FocusArea.objects.filter(pk=plan.pk).update(is_public=False)

    response = client_for(plan, role).get(url_of("programme:public", plan, {}))

    assert response.status_code == status


def test_the_public_programme_shows_goals_measures_and_balances_not_people(plan):
    # A surname no page text contains (a generated one like "Mens" is in "Mensen").
    person = plan.people["alliance"]
    person.last_name = "Zwartewaterveld"
    person.save(update_fields=["last_name"])
    page = Client().get(url_of("programme:public", plan, {})).content.decode()

    assert "Minder inbraken" in page
    assert "Buurtpreventie" in page
    assert plan.people["alliance"].organisation.name in page
    assert 'id="goal-tree"' in page
    assert plan.people["alliance"].last_name not in page
    assert "Cijfers aanleveren" not in page


def test_a_goal_of_another_area_is_not_found(plan):
    foreign = client_for(plan, "outsider")
    own = client_for(plan, "bureau")
    address = url_of("programme:goal", plan, {"pk": "goal"}).replace(
        plan.slug, "elders"
    )

    assert foreign.get(address).status_code == 404
    assert own.get(address).status_code == 404


POSTS = {
    "programme:delivery_new": {"pk": "commitment"},
    "programme:homework_done": {"pk": "homework"},
}


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("bureau", True),
        ("alliance", True),
        ("professional", False),
        ("national", False),
        ("outsider", False),
    ],
)
def test_a_partner_reports_its_own_delivery(plan, role, allowed):
    response = client_for(plan, role).post(
        url_of("programme:delivery_new", plan, {"pk": "commitment"}),
        {"amount": "40.00", "delivered_on": "2024-01-10", "client_key": "k1"},
    )

    assert response.status_code in ({302} if allowed else {302, 403, 404})
    assert Delivery.objects.exists() is allowed


def test_a_partner_cannot_report_for_another_partner(plan):
    response = client_for(plan, "alliance").post(
        url_of("programme:delivery_new", plan, {"pk": "foreign_commitment"}),
        {"amount": "10", "delivered_on": "2024-01-10"},
    )

    assert response.status_code == 403
    assert not Delivery.objects.exists()


def test_euros_on_the_form_are_stored_as_cents(plan):
    client_for(plan, "alliance").post(
        url_of("programme:delivery_new", plan, {"pk": "commitment"}),
        {"amount": "40.50", "delivered_on": "2024-01-10"},
    )

    assert Delivery.objects.get().amount == 40_50


@pytest.mark.parametrize(
    ("role", "item", "done"),
    [
        ("alliance", "homework", True),
        ("alliance", "foreign_homework", False),
        ("bureau", "foreign_homework", True),
        ("professional", "homework", False),
        ("anonymous", "homework", False),
        ("outsider", "homework", False),
    ],
)
def test_homework_is_marked_done_by_its_partner_or_the_bureau(plan, role, item, done):
    client_for(plan, role).post(
        url_of("programme:homework_done", plan, {"pk": item}), {"next": "/elders/"}
    )

    assert (
        HomeworkItem.objects.get(pk=plan.plan[item].pk).done_on is not None
        if done
        else (HomeworkItem.objects.get(pk=plan.plan[item].pk).done_on is None)
    )


def test_overdue_homework_is_shown_to_every_member(plan):
    page = client_for(plan, "professional").get(url_of("programme:alliance", plan, {}))

    assert [item.text for item in page.context["overdue"]] == [
        "Cijfers aanleveren",
        "Zaal regelen",
    ]
    assert 'role="alert"' in page.content.decode()


def test_the_bureau_adds_a_goal_through_the_form(plan):
    response = client_for(plan, "bureau").post(
        url_of("programme:goal_new", plan, {}),
        {
            "national_goal": "perspective",
            "title": "Meer werk",
            "baseline_value": "60",
            "baseline_year": "2022",
            "target_value": "64",
            "target_year": "2026",
        },
    )

    goal = Goal.objects.get(title="Meer werk")
    assert response.status_code == 302
    assert [m.year for m in goal.milestones.all()] == [2023, 2024, 2025]


def test_a_goal_form_with_a_target_before_the_baseline_says_so(plan):
    response = client_for(plan, "bureau").post(
        url_of("programme:goal_new", plan, {}),
        {
            "national_goal": "perspective",
            "title": "Te vroeg",
            "baseline_value": "60",
            "baseline_year": "2024",
            "target_value": "64",
            "target_year": "2023",
        },
    )

    assert response.status_code == 200
    assert "2024" in " ".join(response.context["form"].non_field_errors())
    assert not Goal.objects.filter(title="Te vroeg").exists()


def test_the_bureau_records_a_commitment_in_euros(plan):
    partner = plan.people["alliance"].organisation
    client_for(plan, "bureau").post(
        url_of("programme:commitment_new", plan, {}),
        {
            "organisation": partner.pk,
            "year": "2025",
            "kind": "money",
            "promised": "1250",
        },
    )

    assert Commitment.objects.get(year=2025).promised == 1250_00


def test_national_staff_set_a_minimum_goal(plan):
    response = client_for(plan, "national").post(
        reverse("programme:minimum_goal_new"),
        {
            "national_goal": "safety",
            "title": "Minder misdrijven",
            "indicator_key": "crime_per_1000",
            "minimum_improvement": "5",
            "deadline_year": "2030",
        },
    )

    assert response.status_code == 302
    assert NationalMinimumGoal.objects.get().minimum_improvement == 5.0


def test_the_national_overview_names_no_people(plan):
    page = client_for(plan, "national").get(reverse("programme:national"))

    text = page.content.decode()
    assert plan.name in text
    for role in ("bureau", "alliance", "professional"):
        assert plan.people[role].last_name not in text


def test_the_plan_names_its_weak_spots(plan):
    page = client_for(plan, "professional").get(url_of("programme:plan", plan, {}))

    findings = " ".join(page.context["findings"])
    assert "Minder inbraken" in findings  # no indicator
    assert plan.people["professional"].organisation.name not in findings


@pytest.mark.parametrize(
    ("role", "links"),
    [("anonymous", False), ("bureau", True), ("national", False), ("outsider", False)],
)
def test_the_menu_links_the_programme_for_members(plan, role, links):
    page = client_for(plan, role).get(reverse("home")).content.decode()

    assert (url_of("programme:plan", plan, {}) in page) is links
    assert (reverse("programme:national") in page) is (role == "national")
