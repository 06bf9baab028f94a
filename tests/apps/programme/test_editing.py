# SPDX-License-Identifier: EUPL-1.2
"""The bureau edits measures, commitments and problem points on the pages.

Every role against every edit page and write, own and foreign area; then what the
forms do with good and bad input, and what the audit trail keeps.
"""

from __future__ import annotations

import datetime

from django.test import Client
from django.urls import reverse

import pytest

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.programme import services
from wijkaanpak.apps.programme.models import (
    Commitment,
    Measure,
    MeasureBudget,
    ProblemStatement,
    StopRule,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]


@pytest.fixture
def editable(plan):
    """The ``plan`` fixture with a problem point, a budget line and a stop rule."""
    measure = plan.plan["measure"]
    partner = plan.people["alliance"].organisation
    plan.plan["problem"] = services.add_problem_statement(
        plan,
        national_goal="safety",
        kind="deficit",
        text="Veel inbraken.",
        document_title="Veiligheidsbeeld 2023",
        acting_user=None,
    )
    plan.plan["budget"] = services.set_measure_budget(
        measure, partner, 2024, 5_000_00, acting_user=None
    )
    plan.plan["stop_rule"] = services.add_stop_rule(
        measure,
        criterion="Preventisten actief",
        comparison="at_least",
        threshold=10,
        check_year=2025,
        acting_user=None,
    )
    return plan


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(area.people[role])
    return client


def url_of(area, name: str, **objects: str) -> str:
    kwargs = {"slug": area.slug}
    kwargs |= {key: area.plan[value].pk for key, value in objects.items()}
    return reverse(f"programme:{name}", kwargs=kwargs)


def measure_data(area, **changes) -> dict:
    data = {
        "title": "Buurtpreventie",
        "owner": area.people["alliance"].organisation.pk,
        "goals": [area.plan["goal"].pk],
        "start_year": "2023",
        "end_year": "2026",
        "status": "running",
    }
    return data | changes


EDIT_PAGES = {
    "measure_edit": {"pk": "measure"},
    "commitment_edit": {"pk": "commitment"},
    "problem_edit": {"pk": "problem"},
}
ONLY_BUREAU = {
    "anonymous": 302,
    "bureau": 200,
    "alliance": 404,
    "professional": 404,
    "national": 404,
    "outsider": 404,
}


@pytest.mark.parametrize("name", list(EDIT_PAGES))
def test_only_the_bureau_opens_an_edit_page(editable, name):
    answers = {
        role: client_for(editable, role)
        .get(url_of(editable, name, **EDIT_PAGES[name]))
        .status_code
        for role in ROLES
    }

    assert answers == ONLY_BUREAU


def _state():
    """What the writes below could change, to compare before and after."""
    return (
        list(Measure.objects.values_list("title", "status")),
        MeasureBudget.objects.count(),
        StopRule.objects.count(),
        list(Commitment.objects.values_list("promised", flat=True)),
        list(ProblemStatement.objects.values_list("text", flat=True)),
    )


WRITES = {
    "measure_edit": (
        {"pk": "measure"},
        lambda area: measure_data(area, title="Buurtpreventie plus"),
    ),
    "budget_remove": ({"pk": "measure", "budget_pk": "budget"}, lambda area: {}),
    "stop_rule_remove": (
        {"pk": "measure", "rule_pk": "stop_rule"},
        lambda area: {},
    ),
    "commitment_edit": (
        {"pk": "commitment"},
        lambda area: {"year": "2023", "kind": "money", "promised": "150"},
    ),
    "problem_edit": (
        {"pk": "problem"},
        lambda area: {
            "national_goal": "safety",
            "kind": "cause",
            "text": "Slechte sloten.",
            "document_title": "Veiligheidsbeeld 2023",
        },
    ),
    "problem_remove": ({"pk": "problem"}, lambda area: {}),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_only_the_bureau_changes_the_plan(editable, name):
    objects, data = WRITES[name]
    address = url_of(editable, name, **objects)
    before = _state()

    refused = {
        role: client_for(editable, role).post(address, data(editable)).status_code
        for role in ROLES
        if role != "bureau"
    }
    assert _state() == before
    assert refused == {
        "anonymous": 302,
        "alliance": 404,
        "professional": 404,
        "national": 404,
        "outsider": 404,
    }

    answer = client_for(editable, "bureau").post(address, data(editable))
    assert answer.status_code == 302
    assert _state() != before


def test_the_bureau_edits_a_measure_and_the_audit_trail_says_what_changed(editable):
    other = editable.people["professional"].organisation
    response = client_for(editable, "bureau").post(
        url_of(editable, "measure_edit", pk="measure"),
        measure_data(
            editable,
            partners=[other.pk],
            domains=["safety_undermining"],
            is_additional="on",
            additional_kind="more",
            additional_reason="Twee avonden extra.",
            effective_method="on",
        ),
    )

    measure = Measure.objects.get(pk=editable.plan["measure"].pk)
    assert response.status_code == 302
    assert (measure.is_additional, measure.additional_kind) == (True, "more")
    assert measure.domains == ["safety_undermining"]
    assert list(measure.partners.all()) == [other]
    assert measure.good_practice_score == 1
    event = AuditEvent.objects.filter(
        action="updated", object_type="programme.measure"
    ).get()
    assert event.actor == editable.people["bureau"]
    assert set(event.changes) >= {"is_additional", "partners", "domains", "status"}
    assert event.changes["additional_reason"] == ["…", "…"]


def test_an_additional_measure_without_a_reason_is_refused_in_dutch(editable):
    response = client_for(editable, "bureau").post(
        url_of(editable, "measure_edit", pk="measure"),
        measure_data(editable, title="Nieuw", is_additional="on", additional_kind=""),
    )

    errors = " ".join(response.context["form"].non_field_errors())
    assert response.status_code == 200
    assert "Zeg hoe de maatregel extra is" in errors
    assert Measure.objects.get(pk=editable.plan["measure"].pk).title == "Buurtpreventie"


def test_shortening_a_measure_past_its_budget_lines_is_refused(editable):
    response = client_for(editable, "bureau").post(
        url_of(editable, "measure_edit", pk="measure"),
        measure_data(editable, end_year="2023"),
    )

    errors = " ".join(response.context["form"].non_field_errors())
    assert "2024" in errors
    assert Measure.objects.get(pk=editable.plan["measure"].pk).end_year == 2026


def test_a_field_error_names_the_field(editable):
    response = client_for(editable, "bureau").post(
        url_of(editable, "measure_edit", pk="measure"),
        measure_data(editable, start_year="twintig"),
    )

    assert "Voer een geheel getal in." in response.content.decode()
    assert response.context["form"].errors["start_year"]


def test_the_edit_form_starts_from_the_measure_as_it_is(editable):
    page = client_for(editable, "bureau").get(
        url_of(editable, "measure_edit", pk="measure")
    )

    form = page.context["form"]
    assert form.initial["title"] == "Buurtpreventie"
    assert form.initial["goals"] == [editable.plan["goal"]]


def test_removing_a_budget_line_is_audited_with_its_amount(editable):
    client_for(editable, "bureau").post(
        url_of(editable, "budget_remove", pk="measure", budget_pk="budget")
    )

    event = AuditEvent.objects.get(action="budget_removed")
    assert event.changes["amount_cents"] == [5_000_00, None]
    assert not MeasureBudget.objects.exists()


def test_a_budget_line_of_another_measure_is_not_found(editable):
    other = services.create_measure(
        editable,
        title="Ander",
        owner=editable.people["alliance"].organisation,
        start_year=2023,
        end_year=2024,
        acting_user=None,
    )
    address = reverse(
        "programme:budget_remove",
        kwargs={
            "slug": editable.slug,
            "pk": other.pk,
            "budget_pk": editable.plan["budget"].pk,
        },
    )

    assert client_for(editable, "bureau").post(address).status_code == 404
    assert MeasureBudget.objects.exists()


def test_the_bureau_corrects_a_commitment_in_euros(editable):
    response = client_for(editable, "bureau").post(
        url_of(editable, "commitment_edit", pk="commitment"),
        {
            "year": "2024",
            "kind": "money",
            "promised": "1250.50",
            "measure": editable.plan["measure"].pk,
        },
    )

    commitment = Commitment.objects.get(pk=editable.plan["commitment"].pk)
    assert response.status_code == 302
    assert (commitment.year, commitment.promised) == (2024, 1250_50)
    assert commitment.measure == editable.plan["measure"]
    event = AuditEvent.objects.get(action="updated", object_type="programme.commitment")
    assert event.changes["promised"] == [100_00, 1250_50]


def test_a_commitment_with_deliveries_keeps_its_kind(editable):
    services.report_delivery(
        editable.plan["commitment"],
        amount=10_00,
        delivered_on=datetime.date(2023, 5, 1),
        acting_user=None,
    )

    response = client_for(editable, "bureau").post(
        url_of(editable, "commitment_edit", pk="commitment"),
        {"year": "2023", "kind": "staff", "promised": "40"},
    )

    errors = " ".join(response.context["form"].non_field_errors())
    assert "soort middelen kan niet veranderen" in errors
    assert Commitment.objects.get(pk=editable.plan["commitment"].pk).kind == "money"


def test_a_problem_point_keeps_its_evidence(editable):
    response = client_for(editable, "bureau").post(
        url_of(editable, "problem_edit", pk="problem"),
        {"national_goal": "safety", "kind": "cause", "text": "Zonder bron."},
    )

    assert response.status_code == 200
    assert "onderbouwing" in " ".join(response.context["form"].non_field_errors())
    assert ProblemStatement.objects.get().text == "Veel inbraken."


def test_removing_a_problem_point_leaves_a_trace(editable):
    client_for(editable, "bureau").post(
        url_of(editable, "problem_remove", pk="problem")
    )

    assert not ProblemStatement.objects.exists()
    event = AuditEvent.objects.get(action="removed")
    assert event.object_type == "programme.problemstatement"
    assert event.actor == editable.people["bureau"]


def test_the_bureau_sees_the_edit_controls_and_others_do_not(editable):
    measure_page = url_of(editable, "measure", pk="measure")
    edit = url_of(editable, "measure_edit", pk="measure")
    remove = url_of(editable, "budget_remove", pk="measure", budget_pk="budget")

    bureau = client_for(editable, "bureau").get(measure_page).content.decode()
    member = client_for(editable, "professional").get(measure_page).content.decode()

    assert edit in bureau
    assert remove in bureau
    assert edit not in member
    assert remove not in member
