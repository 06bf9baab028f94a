# SPDX-License-Identifier: EUPL-1.2
"""The evidence the platform fills in itself, from the programme and the reports."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from tests.factories import UserFactory

from wijkaanpak.apps.accounts import services as accounts_services
from wijkaanpak.apps.mirror import selectors, services
from wijkaanpak.apps.programme import services as programme_services
from wijkaanpak.apps.reports import services as report_services

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 20)


def by_key(evidence):
    return {item.key: item for item in evidence}


def test_the_programme_fills_in_size_mandate_stop_criteria_goals_and_homework(plan):
    stand_in = UserFactory(username="vervanger")
    accounts_services.grant_role(
        stand_in, "alliance", focus_area=plan, has_mandate=False, acting_user=None
    )
    partner = plan.people["alliance"].organisation
    second = programme_services.create_measure(
        plan,
        title="Huiswerkbegeleiding",
        owner=partner,
        start_year=2025,
        end_year=2027,
        acting_user=None,
    )
    programme_services.add_stop_rule(
        second,
        criterion="Minder dan tien kinderen doen mee.",
        comparison="at_most",
        threshold=10,
        check_year=2026,
        acting_user=None,
    )

    found = by_key(selectors.health_evidence(plan, TODAY))

    assert found["alliance_size"].figure_map == {"members": 2, "limit": 10}
    assert found["mandate"].figure_map == {"members": 2, "without_mandate": 1}
    assert found["mandate"].score == 3
    assert found["stop_criteria"].figure_map == {"measures": 2, "without": 1}
    assert found["measurable_goals"].figure_map == {"goals": 1, "without": 1}
    # Both homework items of the plan were due in April 2024 and are not done.
    assert found["homework"].figure_map == {"due": 2, "overdue": 2}
    assert found["homework"].score == 1
    assert found["delivery"].figure_map == {"due": 100, "delivered": 0}
    assert {item.factor for item in found.values()} >= {
        "small_alliance_with_mandate",
        "stop_criteria",
        "concrete_goals",
        "action_oriented_alliance",
    }


def test_without_data_the_platform_adds_no_figures_but_the_alliance_size(area):
    found = by_key(selectors.health_evidence(area, TODAY))

    assert set(found) == {"alliance_size", "mandate"}


def test_the_reports_fill_in_time_to_fix_and_who_heard_back(area, report_in):
    bureau, professional = area.people["bureau"], area.people["professional"]
    problem = report_in(email="bewoner@example.org").problem
    for status in ("assigned", "fix_claimed"):
        report_services.change_status(problem, status, note="Stap.", acting_user=bureau)
    report_services.change_status(
        problem,
        "fix_verified",
        verification_method="inspection",
        acting_user=professional,
    )

    found = by_key(selectors.health_evidence(area, TODAY))
    responded = selectors.live_evidence(area, "participation", TODAY)

    assert found["time_to_fix"].figure_map == {"days": 1}
    assert found["time_to_fix"].score == 5
    assert found["feedback"].figure_map == {"percent": 100}
    assert [(e.key, e.factor, e.score) for e in responded] == [
        ("feedback", "responded_to", Fraction(5))
    ]
    scan = services.open_scan(area, "participation", 2026, acting_user=None)
    assert selectors.result_of(scan, TODAY).score_of("responded_to") == 100
