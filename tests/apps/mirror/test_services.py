# SPDX-License-Identifier: EUPL-1.2
"""The mirror's writes: answers, closing with kept evidence, working styles."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

import pytest

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.mirror import selectors, services
from wijkaanpak.apps.mirror.models import Answer, Scan
from wijkaanpak.apps.programme import services as programme_services
from wijkaanpak.core.mirror import SLIDERS

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 20)


def test_opening_a_scan_twice_gives_the_same_scan(area):
    first = services.open_scan(area, "health_check", 2026, acting_user=None)
    second = services.open_scan(area, "health_check", 2026, acting_user=None)

    assert first.pk == second.pk
    assert (
        AuditEvent.objects.filter(action="created", object_id=str(first.pk)).count()
        == 1
    )


def test_only_the_bureau_opens_a_scan(area):
    with pytest.raises(PermissionDenied):
        services.open_scan(
            area, "health_check", 2026, acting_user=area.people["alliance"]
        )


def test_dont_know_removes_an_earlier_answer(scans):
    scan, bureau = scans.scans["now"], scans.people["bureau"]

    kept = services.save_answers(
        scan,
        {"stop_criteria_1": None, "stop_criteria_2": 3},
        respondent=bureau,
        acting_user=bureau,
    )

    answers = selectors.answers_of(scan, bureau)
    assert "stop_criteria_1" not in answers
    assert answers["stop_criteria_2"] == 3
    assert answers["long_term_story_1"] == 5
    assert kept == 3


def test_nobody_answers_for_someone_else(scans):
    with pytest.raises(PermissionDenied):
        services.save_answers(
            scans.scans["now"],
            {"stop_criteria_1": 5},
            respondent=scans.people["alliance"],
            acting_user=scans.people["bureau"],
        )


def test_a_statement_of_another_scan_is_refused_and_nothing_is_saved(scans):
    scan, alliance = scans.scans["participation"], scans.people["alliance"]

    with pytest.raises(ValidationError, match="stop_criteria_1"):
        services.save_answers(
            scan,
            {"can_do_1": 4, "stop_criteria_1": 3},
            respondent=alliance,
            acting_user=alliance,
        )

    assert not Answer.objects.filter(scan=scan).exists()


def test_the_audit_trail_says_who_answered_but_not_what(scans):
    event = AuditEvent.objects.filter(
        action="answered", object_id=str(scans.scans["now"].pk)
    ).get()

    assert event.changes == {"respondent": scans.people["bureau"].pk, "answers": 3}


def test_a_closed_scan_keeps_its_figures_when_the_data_change(scans, area):
    scan = scans.scans["now"]
    partner = area.people["alliance"].organisation
    programme_services.create_measure(
        area,
        title="Buurtpreventie",
        owner=partner,
        start_year=2025,
        end_year=2027,
        acting_user=None,
    )
    services.close_scan(scan, on=TODAY, acting_user=None)
    before = selectors.result_of(Scan.objects.get(pk=scan.pk), TODAY)

    programme_services.create_measure(
        area,
        title="Schoolmaatschappelijk werk",
        owner=partner,
        start_year=2025,
        end_year=2027,
        acting_user=None,
    )
    after = selectors.result_of(Scan.objects.get(pk=scan.pk), TODAY)

    assert before == after
    (stop,) = [e for e in after.factors[-1].evidence if e.key == "stop_criteria"]
    assert stop.figure_map == {"measures": 1, "without": 1}
    with pytest.raises(ValidationError):
        services.close_scan(scan, on=TODAY, acting_user=None)


def test_a_closed_scan_takes_no_more_answers(scans):
    alliance = scans.people["alliance"]

    with translation.override("en"), pytest.raises(ValidationError, match="closed"):
        services.save_answers(
            scans.scans["last"],
            {"stop_criteria_1": 5},
            respondent=alliance,
            acting_user=alliance,
        )


def test_the_trend_shows_each_year_with_the_change(scans):
    trend = {
        item.factor: item for item in selectors.trend_of(scans, "health_check", TODAY)
    }

    # 2025: the answer 2 and the figure 1 (no stop criteria); 2026: the answer 4.
    assert trend["stop_criteria"].points == ((2025, 12.5), (2026, 75))
    assert trend["stop_criteria"].change == 62.5
    assert trend["long_term_story"].change == 25


def test_an_alliance_member_places_its_own_organisation_only(scans):
    alliance = scans.people["alliance"]
    year = timezone.localdate().year
    values = dict.fromkeys(SLIDERS, 70)

    profile = services.save_style_profile(
        scans, alliance.organisation, year, values, acting_user=alliance
    )
    with pytest.raises(PermissionDenied):
        services.save_style_profile(
            scans,
            scans.people["bureau"].organisation,
            year,
            values,
            acting_user=alliance,
        )

    assert profile.pk == scans.scans["profile"].pk
    event = AuditEvent.objects.filter(action="updated", object_id=str(profile.pk)).get()
    assert event.changes["steering"] == [20, 70]


@pytest.mark.parametrize(
    "values", [dict.fromkeys(SLIDERS, 101), dict.fromkeys(SLIDERS[:3], 50)]
)
def test_a_profile_needs_five_sliders_from_0_to_100(area, values):
    with pytest.raises(ValidationError):
        services.save_style_profile(
            area, area.people["alliance"].organisation, 2026, values, acting_user=None
        )
