# SPDX-License-Identifier: EUPL-1.2
"""Figures, a small programme and a resident's report in the ``area`` fixture.

``oost`` has three neighbourhoods with low-income shares of 10, 20 and 30 %
over 100, 100 and 200 households: 22.5 % together. ``elders`` (the
outsider's area) has 5 % everywhere, and a third area ``derde`` 12 %.
"""

from __future__ import annotations

import pytest
from tests.factories import FocusAreaFactory

from wijkaanpak.apps.areas.models import Figure, FocusArea
from wijkaanpak.apps.monitor import services as monitor_services
from wijkaanpak.apps.programme import services
from wijkaanpak.apps.reports import services as report_services
from wijkaanpak.apps.reports.models import Channel

YEARS = range(2019, 2025)
#: A resident's data that must never reach a national or public output.
SECRET_NAME = "Jannie Geheimzinnig"
SECRET_EMAIL = "jannie.geheim@example.org"
SECRET_TEXT = "Stoeptegel voor Geheimstraat 77"


def add_figures(focus_area: FocusArea, shares: list[float], households: list[int]):
    """Give each neighbourhood a low-income share and households for every year.

    The share falls by 0.5 point a year from 2022 on, with a small wobble
    before, so a goal on it has a path, a noise and a status.
    """
    rows = []
    neighbourhoods = list(focus_area.neighbourhoods.order_by("code"))
    for neighbourhood, share, count in zip(
        neighbourhoods, shares, households, strict=True
    ):
        for year in YEARS:
            wobble = (0.2, -0.1, 0.1, 0.0, 0.0, 0.0)[year - 2019]
            value = share + wobble - 0.5 * max(0, year - 2022)
            rows += [
                Figure(
                    neighbourhood=neighbourhood,
                    year=year,
                    variable="a_inw",
                    value=count * 2,
                ),
                Figure(
                    neighbourhood=neighbourhood, year=year, variable="a_hh", value=count
                ),
                Figure(
                    neighbourhood=neighbourhood,
                    year=year,
                    variable="p_hh_lkk",
                    value=value,
                ),
                Figure(
                    neighbourhood=neighbourhood, year=year, variable="a_soz_wb", value=7
                ),
            ]
    Figure.objects.bulk_create(rows)


@pytest.fixture
def monitored(area):
    """The ``area`` with figures, a goal, a measure with costs and benefits, a report."""
    add_figures(area, [10.0, 20.0, 30.0], [100, 100, 200])
    elders = FocusArea.objects.get(slug="elders")
    add_figures(elders, [5.0, 5.0, 5.0], [100, 100, 100])
    derde = FocusAreaFactory(slug="derde", name="Derde")
    add_figures(derde, [12.0, 12.0, 12.0], [100, 100, 100])
    partner = area.people["alliance"].organisation
    goal = services.create_goal(
        area,
        national_goal="perspective",
        title="Minder armoede",
        indicator_key="low_income_households",
        baseline_value=23.0,
        baseline_year=2022,
        target_value=19.0,
        target_year=2030,
        acting_user=None,
    )
    measure = services.create_measure(
        area,
        title="Schuldhulp thuis",
        owner=partner,
        start_year=2023,
        end_year=2026,
        goals=[goal],
        status="running",
        acting_user=None,
    )
    services.set_measure_budget(measure, partner, 2023, 1_000_00, acting_user=None)
    monitor_services.add_benefit_assumption(
        measure,
        beneficiary="Gemeente",
        label="Minder bijstand",
        value_per_unit_cents=550_00,
        units_per_year=1,
        first_year=2024,
        years=2,
        source="Test",
        acting_user=None,
    )
    category = report_services.create_category(
        area,
        code="bestrating",
        name="Losse stoeptegel",
        target_time=5,
        target_unit="working_days",
        acting_user=None,
    )
    ring = area.neighbourhoods.order_by("code").first().geometry["coordinates"][0]
    lon, lat = ring[0]
    report_services.register_report(
        area,
        report_services.ReportInput(
            category=category,
            description=SECRET_TEXT,
            latitude=lat + 0.005,
            longitude=lon + 0.005,
            address="Geheimstraat 77",
            contact=report_services.Contact(name=SECRET_NAME, email=SECRET_EMAIL),
        ),
        channel=Channel.WEB,
        acting_user=None,
    )
    area.goal = goal
    area.measure = measure
    area.derde = derde
    return area
