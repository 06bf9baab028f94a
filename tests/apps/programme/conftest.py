# SPDX-License-Identifier: EUPL-1.2
"""A small programme in the ``area`` fixture, written through the services."""

from __future__ import annotations

import datetime

import pytest

from wijkaanpak.apps.programme import services


@pytest.fixture
def plan(area):
    """One goal, one measure, a commitment of the alliance member's organisation,
    a meeting with a decision and an overdue task for that organisation."""
    partner = area.people["alliance"].organisation
    other = area.people["professional"].organisation
    goal = services.create_goal(
        area,
        national_goal="safety",
        title="Minder inbraken",
        target_value=5.0,
        target_year=2030,
        baseline_value=8.0,
        baseline_year=2022,
        acting_user=None,
    )
    measure = services.create_measure(
        area,
        title="Buurtpreventie",
        owner=partner,
        start_year=2023,
        end_year=2026,
        goals=[goal],
        acting_user=None,
    )
    commitment = services.add_commitment(
        area,
        organisation=partner,
        year=2023,
        kind="money",
        promised=100_00,
        acting_user=None,
    )
    foreign = services.add_commitment(
        area, organisation=other, year=2023, kind="staff", promised=40, acting_user=None
    )
    meeting = services.schedule_meeting(
        area,
        held_on=datetime.date(2024, 3, 1),
        title="Alliantieoverleg",
        acting_user=None,
    )
    services.record_decision(meeting, text="Het plan is vastgesteld.", acting_user=None)
    homework = services.assign_homework(
        area,
        text="Cijfers aanleveren",
        organisation=partner,
        due_on=datetime.date(2024, 4, 1),
        meeting=meeting,
        acting_user=None,
    )
    foreign_homework = services.assign_homework(
        area,
        text="Zaal regelen",
        organisation=other,
        due_on=datetime.date(2024, 4, 1),
        meeting=meeting,
        acting_user=None,
    )
    area.plan = {
        "goal": goal,
        "measure": measure,
        "commitment": commitment,
        "foreign_commitment": foreign,
        "meeting": meeting,
        "homework": homework,
        "foreign_homework": foreign_homework,
    }
    return area
