# SPDX-License-Identifier: EUPL-1.2
"""The plan as a document: its page, its PDF, and who may read them."""

from __future__ import annotations

import datetime
import io

from django.test import Client
from django.urls import reverse

import pytest
from pypdf import PdfReader

from wijkaanpak.apps.programme import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_plan(plan):
    """The ``plan`` fixture with everything a document shows filled in."""
    partner = plan.people["alliance"].organisation
    other = plan.people["professional"].organisation
    measure = plan.plan["measure"]
    services.save_programme(
        plan,
        vision="Oost is in 2032 een wijk waar kinderen kansen krijgen.",
        end_year=2032,
        acting_user=None,
    )
    services.add_problem_statement(
        plan,
        national_goal="safety",
        kind="deficit",
        text="Veel woninginbraken in de portiekflats.",
        document_title="Veiligheidsbeeld Oost 2023",
        acting_user=None,
    )
    services.set_measure_budget(measure, partner, 2024, 12_500_00, acting_user=None)
    services.set_measure_budget(measure, other, 2025, 3_000_00, acting_user=None)
    services.add_stop_rule(
        measure,
        criterion="Buurtpreventisten actief",
        comparison="at_least",
        threshold=12,
        check_year=2025,
        acting_user=None,
    )
    services.create_measure(
        plan,
        title="Huiswerkklas",
        owner=other,
        start_year=2024,
        end_year=2026,
        is_additional=True,
        additional_kind="more",
        additional_reason="Drie middagen in plaats van één.",
        acting_user=None,
    )
    services.set_national_minimum_goal(
        national_goal="safety",
        title="Minder misdrijven",
        indicator_key="crime_per_1000",
        minimum_improvement=5,
        deadline_year=2030,
        acting_user=None,
    )
    services.report_delivery(
        plan.plan["commitment"],
        amount=40_00,
        delivered_on=datetime.date(2023, 12, 1),
        acting_user=None,
    )
    return plan


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


def document_url(area, name: str = "programme:plan_document") -> str:
    return reverse(name, kwargs={"slug": area.slug})


KEY_PARTS = [
    # vision
    "Oost is in 2032 een wijk waar kinderen kansen krijgen.",
    # problem analysis with its evidence
    "Veel woninginbraken in de portiekflats.",
    "Veiligheidsbeeld Oost 2023",
    # a goal with baseline, target and milestones
    "Minder inbraken",
    # measures with owner, regular/additional and the reason
    "Buurtpreventie",
    "Huiswerkklas",
    "Drie middagen in plaats van één.",
    # stop rule
    "Buurtpreventisten actief",
    # the national minimum goal
    "Minder misdrijven",
]


def test_the_document_holds_every_part_of_the_plan(full_plan):
    page = client_for(full_plan, "professional").get(document_url(full_plan))

    text = page.content.decode()
    assert page.status_code == 200
    for part in KEY_PARTS:
        assert part in text
    partner = full_plan.people["alliance"].organisation.name
    assert partner in text
    for heading in (
        "Visie",
        "Probleemanalyse",
        "Doelen",
        "Landelijke minimumdoelen",
        "Doelenboom",
        "Maatregelen",
        "Budget per partner per jaar",
        "Toezeggingen: beloofd en geleverd",
        "Samenhangcheck",
    ):
        assert heading in text
    # Baseline 8 (2022), target 5 by 2030, and the milestones on the way.
    assert "8,0 (2022)" in text
    assert "5,0 voor 2030" in text
    assert "2026: 6,5" in text
    # Budget per partner per year and the total over the measure.
    assert "€ 12.500" in text
    assert "€ 15.500" in text
    # Promised and delivered for the partner.
    money = [row for row in page.context["balances"] if row.partner == partner]
    assert [(row.promised, row.delivered) for row in money] == [(100_00, 40_00)]
    assert "€ 40</td>" in text


def test_the_document_names_partners_not_people(full_plan):
    page = client_for(full_plan, "bureau").get(document_url(full_plan))

    # The page header greets the reader; the document itself names no one.
    document = page.content.decode().split('<article class="plan-document">')[1]
    assert full_plan.people["alliance"].organisation.name in document
    for role in ("bureau", "alliance", "professional"):
        assert full_plan.people[role].last_name not in document


def test_the_pdf_reads_as_the_plan(full_plan):
    response = client_for(full_plan, "alliance").get(
        document_url(full_plan, "programme:plan_pdf")
    )

    assert response["Content-Type"] == "application/pdf"
    assert f"programmaplan-{full_plan.slug}.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    for part in [
        "Programmaplan Oost",
        "Veiligheidsbeeld Oost 2023",
        "Minder inbraken",
        "Huiswerkklas",
        "Buurtpreventisten actief",
        "Minder misdrijven",
        "€ 12.500",
    ]:
        assert part in text
    assert f"pagina 1 / {len(reader.pages)}" in text


@pytest.mark.parametrize("name", ["programme:plan_document", "programme:plan_pdf"])
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("bureau", 200),
        ("alliance", 200),
        ("professional", 200),
        # National staff see aggregates only; another area's bureau nothing.
        ("national", 404),
        ("outsider", 404),
    ],
)
def test_only_members_of_the_area_get_the_plan_document(plan, name, role, status):
    response = client_for(plan, role).get(document_url(plan, name))

    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("login"))


def test_the_plan_page_links_the_document_and_its_pdf(plan):
    page = client_for(plan, "professional").get(
        reverse("programme:plan", kwargs={"slug": plan.slug})
    )

    text = page.content.decode()
    assert document_url(plan) in text
    assert document_url(plan, "programme:plan_pdf") in text


def test_the_budget_table_sums_per_partner_and_year():
    table = selectors.budget_table(
        [("Woonstad", 2025, 300), ("Gemeente", 2024, 100), ("Gemeente", 2025, 50)]
    )

    assert table.years == (2024, 2025)
    assert table.rows == (
        ("Gemeente", (100, 50), 150),
        ("Woonstad", (None, 300), 300),
    )
    assert table.year_totals == (100, 350)
    assert table.total == 450


def test_an_empty_budget_table_has_no_rows():
    table = selectors.budget_table([])

    assert (table.years, table.rows, table.total) == ((), (), 0)
