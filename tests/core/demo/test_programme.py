# SPDX-License-Identifier: EUPL-1.2
"""The demo programme refers only to what the demo city has."""

from __future__ import annotations

import datetime

from wijkaanpak.adapters.catalogue import default_catalogue
from wijkaanpak.core.demo import generate_city
from wijkaanpak.core.demo.programme import demo_programme

TODAY = datetime.date(2026, 5, 1)


def test_every_reference_points_at_a_known_goal_organisation_or_indicator():
    city = generate_city(seed=3, neighbourhoods=20, districts=4)
    programme = demo_programme(city.focus_area.name, today=TODAY)
    organisations = {organisation.key for organisation in city.organisations}
    goals = {goal.key for goal in programme.goals}
    catalogue = default_catalogue()

    for goal in programme.goals:
        assert not goal.indicator_key or goal.indicator_key in catalogue
    for measure in programme.measures:
        assert set(measure.goal_keys) <= goals
        assert {measure.owner_key, *measure.partner_keys} <= organisations
        assert {key for key, _year, _amount in measure.budgets} <= organisations
    for commitment in programme.commitments:
        assert commitment.organisation_key in organisations
        assert not commitment.goal_key or commitment.goal_key in goals
    for meeting in programme.meetings:
        assert {item.organisation_key for item in meeting.homework} <= organisations


def test_only_commitments_of_past_years_have_deliveries():
    programme = demo_programme("Kadewaard Oost", today=TODAY)

    assert all(
        item.delivered == 0 for item in programme.commitments if item.year >= 2026
    )
    assert any(0 < item.delivered < item.promised for item in programme.commitments)
