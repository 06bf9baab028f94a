# SPDX-License-Identifier: EUPL-1.2
"""Scans and profiles in the ``area`` fixture, and a scan in the area "elders"."""

from __future__ import annotations

import datetime

from django.utils import timezone

import pytest
from tests.apps.programme.conftest import plan  # noqa: F401 - fixture
from tests.apps.reports.conftest import categories, report_in  # noqa: F401 - fixtures

from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.mirror import services
from wijkaanpak.core.mirror import SLIDERS, stop_criteria_evidence

#: Words of a statement that only a page with the answers would show.
STATEMENT = "when we will stop it"


@pytest.fixture
def scans(area):
    """Last year's health check closed with its own figures, this year's open."""
    alliance, bureau = area.people["alliance"], area.people["bureau"]
    last = services.open_scan(area, "health_check", 2025, acting_user=None)
    services.save_answers(
        last,
        {"stop_criteria_1": 2, "long_term_story_1": 4},
        respondent=alliance,
        acting_user=None,
    )
    services.close_scan(
        last,
        on=datetime.date(2025, 11, 1),
        evidence=[stop_criteria_evidence(4, 0)],
        acting_user=None,
    )
    now = services.open_scan(area, "health_check", 2026, acting_user=None)
    services.save_answers(
        now,
        {"stop_criteria_1": 4, "long_term_story_1": 5, "youth_and_crime_1": 1},
        respondent=bureau,
        acting_user=None,
    )
    participation = services.open_scan(area, "participation", 2026, acting_user=None)
    elders = FocusArea.objects.get(slug="elders")
    foreign = services.open_scan(elders, "health_check", 2026, acting_user=None)
    profile = services.save_style_profile(
        area,
        alliance.organisation,
        timezone.localdate().year,
        dict.fromkeys(SLIDERS, 20),
        acting_user=None,
    )
    area.scans = {
        "last": last,
        "now": now,
        "participation": participation,
        "elders": foreign,
        "profile": profile,
    }
    return area
