# SPDX-License-Identifier: EUPL-1.2
"""Cases at every level in the ``area`` fixture, and one in the area "elders"."""

from __future__ import annotations

import datetime

import pytest
from tests.apps.reports.conftest import categories, report_in  # noqa: F401 - fixtures

from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.breakthroughs import services
from wijkaanpak.apps.programme import services as programme_services

OPENED = datetime.date(2026, 1, 5)


def case_input(rule=None, **values) -> services.CaseInput:
    data = {
        "title": "Huur loopt op door kostendelersnorm",
        "need": "Moeder met twee kinderen van 19 en 21 kan de huur niet betalen.",
        "blockage_kind": "rule" if rule is not None else "budget",
        "blockage": "De uitkering daalt omdat de kinderen als kostendelers tellen.",
        "tried": "Bijzondere bijstand aangevraagd en afgewezen.",
        "domains": ["work_poverty", "housing"],
        "rules": [rule] if rule is not None else [],
        "household_code": "",
    }
    return services.CaseInput(**(data | values))


@pytest.fixture
def rule(db):
    return services.register_rule(
        title="Kostendelersnorm",
        kind="law",
        instrument="Participatiewet",
        article="art. 22a",
        owner="Ministerie van Sociale Zaken en Werkgelegenheid",
        acting_user=None,
    )


@pytest.fixture
def cases(area, rule):
    """An open case on every level, a closed one, one in "elders", a meeting."""
    made = {}
    for level in ("front_line", "programme_bureau", "breakthrough_table"):
        made[level] = services.open_case(
            area,
            case_input(rule, title=f"Case {level}"),
            level=level,
            reason="Opened high for the test.",
            opened_on=OPENED,
            acting_user=None,
        )
    made["national_meeting"] = services.open_case(
        area,
        case_input(rule, title="Case national"),
        level="national_meeting",
        reason="Only the ministry can change the rule.",
        opened_on=OPENED,
        acting_user=None,
    )
    made["closed"] = services.open_case(
        area, case_input(rule, title="Closed"), opened_on=OPENED, acting_user=None
    )
    services.close_case(
        made["closed"],
        outcome="incidental",
        household_result="Huur deze keer betaald uit het wijkbudget.",
        grounds="Maatwerk: de schuld was anders onvermijdelijk.",
        on=datetime.date(2026, 2, 4),
        acting_user=None,
    )
    elders = FocusArea.objects.get(slug="elders")
    made["elders"] = services.open_case(
        elders, case_input(rule, title="Elders"), opened_on=OPENED, acting_user=None
    )
    services.close_case(
        made["elders"],
        outcome="structural",
        household_result="Kinderen tellen niet meer mee.",
        grounds="Beleidsregel van de gemeente aangepast.",
        structural_change="Gemeentelijke beleidsregel: studerende kinderen uitgezonderd.",
        on=datetime.date(2026, 3, 1),
        acting_user=None,
    )
    made["meeting"] = programme_services.schedule_meeting(
        area,
        held_on=datetime.date(2026, 3, 10),
        title="Doorbraaktafel maart",
        acting_user=None,
    )
    area.cases = made
    return area
