# SPDX-License-Identifier: EUPL-1.2
"""Who may open which monitor page: every role, own and foreign area."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest

from wijkaanpak.apps.monitor.models import BenefitAssumption

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
EVERYONE = dict.fromkeys(ROLES, 200)
MEMBERS = {
    "anonymous": 302,
    "bureau": 200,
    "alliance": 200,
    "professional": 200,
    "national": 404,
    "outsider": 404,
}
ALLIANCE = MEMBERS | {"professional": 404}
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
    "monitor:area": ({}, MEMBERS),
    "monitor:indicator": ({"key": "low_income_households"}, MEMBERS),
    "monitor:progress": ({}, EVERYONE),
    "monitor:progress_pdf": ({}, EVERYONE),
    "monitor:partners": ({}, ALLIANCE),
    "monitor:partners_pdf": ({}, ALLIANCE),
    "monitor:impact": ({}, ALLIANCE),
    "monitor:measure_impact": ({"pk": "measure"}, ALLIANCE),
    "monitor:national": (None, NATIONAL),
    "monitor:national_csv": (None, NATIONAL),
    "monitor:open_data": (None, EVERYONE),
    "monitor:open_data_csv": (None, EVERYONE),
    "monitor:open_data_geojson": (None, EVERYONE),
    "monitor:open_data_json": (None, EVERYONE),
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
    for key, value in arguments.items():
        kwargs[key] = area.measure.pk if value == "measure" else value
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("page", list(PAGES))
def test_each_role_gets_the_page_it_may_see(monitored, page):
    arguments, expected = PAGES[page]

    answers = {
        role: client_for(monitored, role).get(url_of(page, monitored, arguments))
        for role in ROLES
    }

    assert {role: answer.status_code for role, answer in answers.items()} == expected
    for answer in answers.values():
        if answer.status_code == 302:
            assert answer["Location"].startswith(reverse("login"))


def test_a_closed_area_shows_its_report_to_members_only(monitored):
    monitored.is_public = False
    monitored.save(update_fields=["is_public"])
    url = reverse("monitor:progress", kwargs={"slug": monitored.slug})

    assert client_for(monitored, "anonymous").get(url).status_code == 404
    assert client_for(monitored, "professional").get(url).status_code == 200
    csv = client_for(monitored, "anonymous").get(reverse("monitor:open_data_csv"))
    assert monitored.slug not in csv.content.decode()


def test_an_unknown_indicator_is_not_found(monitored):
    url = reverse(
        "monitor:indicator", kwargs={"slug": monitored.slug, "key": "no_such_thing"}
    )
    assert client_for(monitored, "bureau").get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [("bureau", 302), ("alliance", 404), ("professional", 404), ("outsider", 404)],
)
def test_only_the_bureau_writes_a_benefit(monitored, role, status):
    url = reverse(
        "monitor:measure_impact",
        kwargs={"slug": monitored.slug, "pk": monitored.measure.pk},
    )
    answer = client_for(monitored, role).post(
        url,
        {
            "beneficiary": "Zorgverzekeraar",
            "label": "Minder zorg",
            "value_per_unit": "100.50",
            "units_per_year": "4",
            "first_year": "2024",
            "years": "3",
            "source": "Eigen schatting",
        },
    )
    assert answer.status_code == status
    added = BenefitAssumption.objects.filter(beneficiary="Zorgverzekeraar")
    assert added.exists() == (status == 302)
    if added.exists():
        assert added.get().value_per_unit_cents == 100_50


def test_a_benefit_without_source_is_refused_with_a_message(monitored):
    url = reverse(
        "monitor:measure_impact",
        kwargs={"slug": monitored.slug, "pk": monitored.measure.pk},
    )
    answer = client_for(monitored, "bureau").post(
        url,
        {
            "beneficiary": "Rijk",
            "label": "x",
            "value_per_unit": "1",
            "units_per_year": "1",
            "first_year": "2024",
            "years": "1",
            "source": "",
        },
    )
    assert answer.status_code == 200
    assert not BenefitAssumption.objects.filter(beneficiary="Rijk").exists()


def test_removing_a_benefit_is_for_the_bureau(monitored):
    assumption = BenefitAssumption.objects.get()
    url = reverse(
        "monitor:remove_assumption",
        kwargs={
            "slug": monitored.slug,
            "pk": monitored.measure.pk,
            "item": assumption.pk,
        },
    )
    assert client_for(monitored, "alliance").post(url).status_code == 404
    assert client_for(monitored, "bureau").post(url).status_code == 302
    assert not BenefitAssumption.objects.exists()


def test_the_ladder_calculator_counts_and_values_moves(monitored):
    url = reverse("monitor:impact", kwargs={"slug": monitored.slug})
    answer = client_for(monitored, "alliance").get(
        url,
        {
            "moves": "2 6 10\n6 5 2",
            "values": "6 15000 Gemeente\n5 5000 Gemeente",
            "first_year": "2026",
            "years": "1",
            "retention": "100",
        },
    )
    assert answer.status_code == 200
    result = answer.context["ladder_result"]
    assert (result["up"], result["down"]) == (10, 2)
    # 10 x 15,000 + 2 x (5,000 - 15,000) = 130,000 euro in 2026.
    assert [(b.year, b.amount) for b in result["benefits"]] == [(2026, 130_000_00)]


def test_a_wrong_ladder_line_names_the_line(monitored):
    url = reverse("monitor:impact", kwargs={"slug": monitored.slug})
    answer = client_for(monitored, "alliance").get(
        url,
        {
            "moves": "2 9 10",
            "values": "6 1 G",
            "first_year": "2026",
            "years": "1",
            "retention": "50",
        },
    )
    assert answer.context["ladder_result"] is None
    assert "1" in str(answer.context["ladder"].errors["moves"])


def test_the_national_csv_has_every_area_and_the_spread(monitored):
    import csv
    import io

    answer = client_for(monitored, "national").get(reverse("monitor:national_csv"))
    rows = list(csv.reader(io.StringIO(answer.content.decode())))

    assert rows[0][:3] == ["kind", "key", "name"]
    low_income = [row for row in rows if row[1] == "low_income_households"]
    values = {row[5]: row[6] for row in low_income if row[0] == "indicator"}
    spread = {row[5]: row[6] for row in low_income if row[0] == "spread"}
    assert values == {"Derde": "11.0", "Elders": "4.0", "Oost": "21.5"}
    assert spread == {"minimum": "4.0", "median": "11.0", "maximum": "21.5"}
