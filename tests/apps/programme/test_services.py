# SPDX-License-Identifier: EUPL-1.2
"""The rules of the programme services: refusals, roles, audit records, idempotence."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

import pytest

from wijkaanpak.apps.areas.models import Figure
from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.programme import selectors, services
from wijkaanpak.apps.programme.models import (
    Delivery,
    Goal,
    Measure,
    ProblemStatement,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Error messages are matched in English, the language of the msgids."""
    with translation.override("en"):
        yield


def test_a_goal_takes_its_baseline_from_the_figures_of_the_start_year(area):
    neighbourhoods = list(area.neighbourhoods.all())
    for year, values in ((2021, (10.0, 20.0, 30.0)), (2022, (12.0, 18.0, 30.0))):
        for neighbourhood, value in zip(neighbourhoods, values, strict=True):
            Figure.objects.create(
                neighbourhood=neighbourhood, year=year, variable="p_hh_lkk", value=value
            )
            Figure.objects.create(
                neighbourhood=neighbourhood, year=year, variable="a_hh", value=100
            )

    goal = services.create_goal(
        area,
        national_goal="perspective",
        title="Minder armoede",
        indicator_key="low_income_households",
        target_value=15.0,
        target_year=2026,
        acting_user=area.people["bureau"],
    )

    assert (goal.baseline_year, goal.baseline_value) == (2022, 20.0)
    assert goal.baseline_from_figures
    assert goal.direction == "higher_is_worse"
    assert [(m.year, m.value) for m in goal.milestones.all()] == [
        (2023, 18.8),
        (2024, 17.5),
        (2025, 16.2),
    ]


def test_a_context_indicator_cannot_measure_a_goal(area):
    with pytest.raises(ValidationError, match="context"):
        services.create_goal(
            area,
            national_goal="physical",
            title="Meer koopwoningen",
            indicator_key="owner_occupied_share",
            target_value=40,
            target_year=2030,
            acting_user=None,
        )


@pytest.mark.parametrize("role", ["alliance", "professional", "national", "outsider"])
def test_only_the_bureau_writes_the_plan(area, role):
    with pytest.raises(PermissionDenied):
        services.create_goal(
            area,
            national_goal="safety",
            title="Veilig",
            target_value=1.0,
            target_year=2030,
            acting_user=area.people[role],
        )
    assert not Goal.objects.exists()


def test_every_write_leaves_an_audit_record(plan):
    actions = set(
        AuditEvent.objects.filter(focus_area=plan).values_list("action", "object_type")
    )

    assert {
        ("created", "programme.goal"),
        ("created", "programme.measure"),
        ("created", "programme.commitment"),
        ("created", "programme.meeting"),
        ("created", "programme.decision"),
        ("created", "programme.homeworkitem"),
    } <= actions


def test_an_additional_measure_must_say_how_and_why(area):
    owner = area.people["bureau"].organisation
    with pytest.raises(ValidationError, match="better, more or different"):
        services.create_measure(
            area,
            title="Extra",
            owner=owner,
            start_year=2023,
            end_year=2025,
            is_additional=True,
            acting_user=None,
        )
    with pytest.raises(ValidationError, match="why"):
        services.create_measure(
            area,
            title="Extra",
            owner=owner,
            start_year=2023,
            end_year=2025,
            is_additional=True,
            additional_kind="more",
            acting_user=None,
        )
    assert not Measure.objects.exists()


def test_the_database_refuses_an_additional_measure_without_kind(plan):
    measure = plan.plan["measure"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.filter(pk=measure.pk).update(is_additional=True)


def test_a_measure_cannot_serve_a_goal_of_another_area(plan):
    from wijkaanpak.apps.areas.models import FocusArea

    elsewhere = FocusArea.objects.get(slug="elders")
    with pytest.raises(ValidationError, match="another focus area"):
        services.create_measure(
            elsewhere,
            title="Leen",
            owner=plan.people["outsider"].organisation,
            start_year=2023,
            end_year=2024,
            goals=[plan.plan["goal"]],
            acting_user=None,
        )


def test_a_budget_outside_the_years_of_the_measure_is_refused(plan):
    with pytest.raises(ValidationError, match="2023 to 2026"):
        services.set_measure_budget(
            plan.plan["measure"],
            plan.people["alliance"].organisation,
            2030,
            100_00,
            acting_user=None,
        )


def test_a_problem_statement_needs_evidence(area):
    with pytest.raises(ValidationError, match="evidence"):
        services.add_problem_statement(
            area,
            national_goal="safety",
            kind="deficit",
            text="Onveilig",
            acting_user=None,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ProblemStatement.objects.create(
            focus_area=area, national_goal="safety", kind="deficit", text="Onveilig"
        )


def test_a_delivery_with_a_known_client_key_is_saved_once(plan):
    commitment = plan.plan["commitment"]
    partner = plan.people["alliance"]

    first = services.report_delivery(
        commitment,
        amount=30_00,
        delivered_on=datetime.date(2024, 1, 5),
        client_key="abc",
        acting_user=partner,
    )
    again = services.report_delivery(
        commitment,
        amount=30_00,
        delivered_on=datetime.date(2024, 1, 5),
        client_key="abc",
        acting_user=partner,
    )

    assert first.pk == again.pk
    assert Delivery.objects.count() == 1
    assert AuditEvent.objects.filter(action="delivered").count() == 1


def test_a_partner_cannot_report_for_another(plan):
    with pytest.raises(PermissionDenied):
        services.report_delivery(
            plan.plan["foreign_commitment"],
            amount=10,
            delivered_on=datetime.date(2024, 1, 5),
            acting_user=plan.people["alliance"],
        )


def test_completing_homework_twice_keeps_the_first_date(plan):
    item = plan.plan["homework"]
    partner = plan.people["alliance"]

    services.complete_homework(
        item, done_on=datetime.date(2024, 5, 1), acting_user=partner
    )
    services.complete_homework(
        item, done_on=datetime.date(2024, 6, 1), acting_user=partner
    )

    item.refresh_from_db()
    assert item.done_on == datetime.date(2024, 5, 1)
    assert item.done_by == partner


def test_only_national_staff_set_minimum_goals(area):
    arguments = {
        "national_goal": "safety",
        "title": "Minder misdrijven",
        "indicator_key": "crime_per_1000",
        "minimum_improvement": 5.0,
        "deadline_year": 2030,
    }
    with pytest.raises(PermissionDenied):
        services.set_national_minimum_goal(
            **arguments, acting_user=area.people["bureau"]
        )

    minimum = services.set_national_minimum_goal(
        **arguments, acting_user=area.people["national"]
    )
    again = services.set_national_minimum_goal(
        **{**arguments, "minimum_improvement": 6.0}, acting_user=area.people["national"]
    )

    assert minimum.pk == again.pk
    assert again.minimum_improvement == 6.0


def test_a_minimum_goal_is_met_by_a_goal_that_improves_enough_in_time(plan):
    services.set_national_minimum_goal(
        national_goal="safety",
        title="Minder misdrijven",
        indicator_key="crime_per_1000",
        minimum_improvement=5.0,
        deadline_year=2030,
        acting_user=None,
    )
    weak = services.create_goal(
        plan,
        national_goal="safety",
        title="Iets minder misdrijven",
        indicator_key="crime_per_1000",
        baseline_value=80.0,
        baseline_year=2022,
        target_value=77.0,
        target_year=2030,
        acting_user=None,
    )
    (status,) = selectors.minimum_goal_statuses([weak])
    assert not status.meets

    strong = services.create_goal(
        plan,
        national_goal="safety",
        title="Veel minder misdrijven",
        indicator_key="crime_per_1000",
        baseline_value=80.0,
        baseline_year=2022,
        target_value=70.0,
        target_year=2030,
        acting_user=None,
    )
    (status,) = selectors.minimum_goal_statuses([weak, strong])
    assert status.meets
    assert status.goal == strong


def test_the_balances_show_the_shortfall_of_a_partner(plan):
    services.report_delivery(
        plan.plan["commitment"],
        amount=60_00,
        delivered_on=datetime.date(2023, 12, 1),
        acting_user=None,
    )

    rows = {row.partner: row for row in selectors.balances_of(plan, up_to_year=2023)}

    partner = plan.people["alliance"].organisation.name
    assert (rows[partner].due, rows[partner].delivered, rows[partner].shortfall) == (
        100_00,
        60_00,
        40_00,
    )


def test_the_reference_level_and_fastest_change_come_from_the_districts(area):
    neighbourhoods = list(area.neighbourhoods.all())
    for year, value in ((2021, 20.0), (2022, 17.0), (2023, 16.0)):
        for neighbourhood in neighbourhoods:
            Figure.objects.create(
                neighbourhood=neighbourhood, year=year, variable="p_hh_lkk", value=value
            )

    found = selectors.benchmarks_for("low_income_households")

    assert found.reference_level == pytest.approx(16.0)
    assert found.reference_year == 2023
    assert found.fastest_improvement == pytest.approx(3.0)
