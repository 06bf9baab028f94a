# SPDX-License-Identifier: EUPL-1.2
"""The services keep the ladder's rules, the identifier check and the link to reports."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest
import time_machine
from tests.apps.breakthroughs.conftest import OPENED, case_input
from tests.factories import MembershipFactory, UserFactory

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.breakthroughs import selectors, services
from wijkaanpak.apps.breakthroughs.models import (
    BlockageCase,
    BlockingRule,
    CaseDecision,
    CaseStep,
)
from wijkaanpak.apps.programme.models import Decision, HomeworkItem
from wijkaanpak.core.breakthroughs import ladder

pytestmark = pytest.mark.django_db


def test_a_new_case_starts_at_the_front_line_with_a_code_and_a_deadline(area, rule):
    case = services.open_case(
        area, case_input(rule), acting_user=area.people["professional"]
    )

    assert case.level == "front_line"
    assert case.household_code.startswith("HH-")
    assert case.level_deadline == timezone.localdate() + datetime.timedelta(days=14)
    assert case.flagged_by == area.people["professional"]
    assert list(case.rules.all()) == [rule]
    assert case.steps.get().owner_label


def test_a_case_blocked_by_a_rule_names_the_rule(area):
    with pytest.raises(ValidationError) as error:
        services.open_case(
            area, case_input(None, blockage_kind="rule"), acting_user=None
        )

    assert "rules" in error.value.message_dict


def test_a_name_is_no_household_code(area, rule):
    with pytest.raises(ValidationError) as error:
        services.open_case(
            area, case_input(rule, household_code="Piet Jansen"), acting_user=None
        )

    assert "household_code" in error.value.message_dict


def test_identifiers_in_free_text_need_confirmation_before_saving(area, rule):
    text = "Vader (BSN 111222333) is bereikbaar op 06-12345678."
    professional = area.people["professional"]

    with pytest.raises(services.IdentifierWarning) as warning:
        services.open_case(area, case_input(rule, need=text), acting_user=professional)

    assert warning.value.kinds == ["bsn", "phone"]
    assert not BlockageCase.objects.exists()
    case = services.open_case(
        area,
        case_input(rule, need=text),
        confirm_identifiers=True,
        acting_user=professional,
    )
    event = AuditEvent.objects.get(
        action="created",
        object_type="breakthroughs.blockagecase",
        object_id=str(case.pk),
    )
    assert event.changes["identifiers_confirmed"] == ["bsn", "phone"]
    assert "111222333" not in str(event.changes)


def test_skipping_a_level_needs_a_recorded_reason(cases):
    case = cases.cases["front_line"]
    bureau = cases.people["bureau"]

    with pytest.raises(ValidationError, match="reden"):
        services.escalate_case(case, to_level="breakthrough_table", acting_user=bureau)
    services.escalate_case(
        case,
        to_level="breakthrough_table",
        reason="Twee partners moeten budget samenvoegen.",
        acting_user=bureau,
    )

    step = case.steps.order_by("-pk").first()
    assert step.skipped == ["programme_bureau"]
    assert step.reason == "Twee partners moeten budget samenvoegen."
    decision = case.decisions.get(kind="escalate")
    assert decision.grounds == step.reason
    assert decision.decided_by == bureau.display_name


def test_a_case_never_climbs_down(cases):
    with pytest.raises(ValidationError, match="alleen omhoog"):
        services.escalate_case(
            cases.cases["programme_bureau"],
            to_level="front_line",
            reason="terug",
            acting_user=None,
        )


def test_a_case_cannot_open_high_without_a_reason(area, rule):
    with pytest.raises(ValidationError):
        services.open_case(
            area, case_input(rule), level="breakthrough_table", acting_user=None
        )


def test_who_decides_depends_on_the_level(cases):
    professional = cases.people["professional"]

    services.record_case_decision(
        cases.cases["front_line"],
        text="Team vraagt maatwerk aan.",
        grounds="Schrijnende situatie.",
        acting_user=professional,
    )
    with pytest.raises(PermissionDenied):
        services.record_case_decision(
            cases.cases["programme_bureau"],
            text="x",
            grounds="y",
            acting_user=professional,
        )
    with pytest.raises(PermissionDenied):
        services.escalate_case(
            cases.cases["front_line"], acting_user=cases.people["outsider"]
        )


def test_an_alliance_member_with_mandate_decides_at_the_table(cases):
    alliance = cases.people["alliance"]

    services.record_case_decision(
        cases.cases["breakthrough_table"],
        text="Corporatie schort huurverhoging op.",
        grounds="Afspraak in de alliantie.",
        acting_user=alliance,
    )
    alliance.memberships.update(has_mandate=False)
    with pytest.raises(PermissionDenied):
        services.record_case_decision(
            cases.cases["breakthrough_table"],
            text="x",
            grounds="y",
            acting_user=alliance,
        )


def test_a_case_closes_only_with_an_outcome_and_its_parts(cases):
    case = cases.cases["programme_bureau"]

    with pytest.raises(ValidationError):
        services.close_case(
            case, outcome="", household_result="x", grounds="y", acting_user=None
        )
    with pytest.raises(ValidationError, match="reden"):
        services.close_case(
            case,
            outcome="not_possible",
            household_result="Doorverwezen.",
            grounds="Wet laat geen ruimte.",
            acting_user=None,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        BlockageCase.objects.filter(pk=case.pk).update(status="closed")


def test_closing_records_the_outcome_and_the_time_to_breakthrough(cases):
    case = cases.cases["programme_bureau"]

    services.close_case(
        case,
        outcome="structural",
        household_result="Huurtoeslag blijft.",
        grounds="Gemeente past beleid aan.",
        structural_change="Beleidsregel aangepast.",
        on=datetime.date(2026, 2, 14),
        acting_user=None,
    )

    case.refresh_from_db()
    assert (case.status, case.outcome, case.days_to_breakthrough) == (
        "closed",
        "structural",
        40,
    )
    with pytest.raises(ValidationError, match=r"closed|gesloten"):
        services.record_case_decision(case, text="x", grounds="y", acting_user=None)


def test_history_rows_are_never_edited(cases):
    step = CaseStep.objects.first()
    decision = CaseDecision.objects.first()

    step.reason = "anders"
    decision.text = "anders"
    with pytest.raises(ValueError, match="only ever added"):
        step.save()
    with pytest.raises(ValueError, match="only ever added"):
        decision.save()


def test_the_deadline_job_climbs_overdue_cases_once_and_flags_the_top(cases):
    day = OPENED + datetime.timedelta(days=20)

    run = services.escalate_overdue_cases(today=day)
    again = services.escalate_overdue_cases(today=day)

    assert sorted(run.escalated) == [cases.cases["front_line"].pk]
    assert run.flagged == ()
    assert again.escalated == again.flagged == ()
    front = BlockageCase.objects.get(pk=cases.cases["front_line"].pk)
    assert front.level == "programme_bureau"
    assert front.steps.last().automatic
    later = services.escalate_overdue_cases(today=OPENED + datetime.timedelta(days=95))
    assert cases.cases["national_meeting"].pk in later.flagged
    assert BlockageCase.objects.get(
        pk=cases.cases["national_meeting"].pk
    ).overdue_flagged_on == OPENED + datetime.timedelta(days=95)


def test_the_deadline_job_is_for_jobs_and_administrators(area):
    with pytest.raises(PermissionDenied):
        services.escalate_overdue_cases(acting_user=area.people["bureau"])


def test_a_report_that_cannot_be_fixed_becomes_a_case_linked_both_ways(
    area, rule, report_in
):
    from wijkaanpak.apps.reports import services as report_services

    report = report_in()
    problem = report.problem
    bureau = area.people["bureau"]
    with pytest.raises(ValidationError, match=r"cannot be fixed|niet op te lossen"):
        services.open_case(area, case_input(rule), problem=problem, acting_user=bureau)
    report_services.change_status(
        problem,
        "cannot_be_fixed",
        note="Budget ontbreekt.",
        acting_user=bureau,
    )

    case = services.open_case(
        area, case_input(rule), problem=problem, acting_user=bureau
    )

    assert case.source == "resident_report"
    assert selectors.case_for_problem(problem) == case
    with pytest.raises(ValidationError, match=r"already|al een knelpunt"):
        services.open_case(area, case_input(rule), problem=problem, acting_user=bureau)


def test_the_alliance_takes_escalations_on_its_agenda_and_makes_homework(cases):
    meeting = cases.cases["meeting"]
    bureau = cases.people["bureau"]
    partner = cases.people["alliance"].organisation

    items = services.put_escalations_on_agenda(meeting, acting_user=bureau)
    again = services.put_escalations_on_agenda(meeting, acting_user=bureau)
    decision = services.decide_at_meeting(
        items[0],
        text="Corporatie en gemeente voegen budgetten samen.",
        grounds="Beide budgetten dienen hetzelfde doel.",
        homework=services.HomeworkInput(
            "Voorstel samenvoeging opstellen", partner, datetime.date(2026, 4, 1)
        ),
        acting_user=bureau,
    )

    assert [item.case for item in items] == [cases.cases["breakthrough_table"]]
    assert again == []
    assert Decision.objects.get(meeting=meeting).blockage_decision == decision
    homework = HomeworkItem.objects.get(meeting=meeting)
    assert decision.homework == homework
    assert homework.organisation == partner
    assert str(cases.cases["breakthrough_table"].pk) in homework.text


def test_linked_cases_of_one_area_only(cases):
    first, second = cases.cases["front_line"], cases.cases["programme_bureau"]

    link = services.link_cases(second, first, kind="follow_up", acting_user=None)
    same = services.link_cases(first, second, kind="same_cause", acting_user=None)

    assert (
        services.link_cases(second, first, kind="same_cause", acting_user=None) == same
    )
    assert link.kind == "follow_up"
    with pytest.raises(ValidationError, match=r"same focus area|hetzelfde focusgebied"):
        services.link_cases(
            first, cases.cases["elders"], kind="same_cause", acting_user=None
        )


def test_the_register_keeps_a_rule_once_and_counts_every_area(cases, rule):
    again = services.register_rule(
        title="Kostendelersnorm (dubbel)",
        kind="law",
        instrument="participatiewet",
        article="ART. 22A",
        owner="SZW",
        acting_user=cases.people["outsider"],
    )

    [row] = selectors.rule_register()
    assert again == rule
    assert BlockingRule.objects.count() == 1
    assert row.tally.cases == 6
    assert row.tally.areas_hit == 2
    assert row.tally.structural == 1
    [(hit_rule, areas)] = selectors.broken_through_elsewhere(cases.cases["front_line"])
    assert hit_rule == rule
    assert [(name, tally.structural_years) for name, tally in areas] == [
        ("Elders", (2026,))
    ]


def test_the_national_figures_suppress_small_numbers(cases):
    result = selectors.national_figures(today=datetime.date(2026, 3, 15))

    per_area = {area.slug: figures for area, figures in result.per_area}
    assert per_area["oost"].open_cases is None
    assert result.country.median_days_to_breakthrough is None
    exact = selectors.figures_of(cases, today=datetime.date(2026, 3, 15))
    assert exact.open_cases == 4
    assert exact.median_days_to_breakthrough == 30


def test_retention_erases_texts_but_keeps_the_counts(cases, settings):
    settings.WIJKAANPAK_CASE_RETENTION_DAYS = 30
    closed = cases.cases["closed"]

    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        erased = services.erase_expired_case_texts()

    assert erased == 2
    closed.refresh_from_db()
    assert closed.need == "…"
    assert closed.household_code == "…"
    assert closed.household_result == ""
    assert closed.outcome == "incidental"
    assert set(closed.decisions.values_list("text", flat=True)) == {"…"}
    assert selectors.rule_register()[0].tally.cases == 6


def test_the_default_norm_times_come_from_the_settings(area, rule, settings):
    settings.WIJKAANPAK_NORM_DAYS = settings.WIJKAANPAK_NORM_DAYS | {"front_line": 5}

    case = services.open_case(
        area, case_input(rule), opened_on=OPENED, acting_user=None
    )

    assert case.level_deadline == OPENED + datetime.timedelta(days=5)
    assert case.steps.get().deadline == OPENED + datetime.timedelta(days=5)


def test_the_bureau_sets_its_own_norm_times_and_deadlines_follow(cases, rule):
    bureau = cases.people["bureau"]

    services.set_norm_times(
        cases, {"front_line": 7, "programme_bureau": 10}, acting_user=bureau
    )
    case = services.open_case(
        cases, case_input(rule), opened_on=OPENED, acting_user=None
    )
    climbed = services.escalate_case(
        case, on=OPENED + datetime.timedelta(days=3), acting_user=None
    )

    assert case.steps.first().deadline == OPENED + datetime.timedelta(days=7)
    assert climbed.level_deadline == OPENED + datetime.timedelta(days=13)
    event = AuditEvent.objects.get(action="norm_times_set")
    assert event.actor == bureau
    assert event.changes == {"front_line": [None, 7], "programme_bureau": [None, 10]}
    # Another area keeps the defaults.
    elders = selectors.norm_days_of(cases.cases["elders"].focus_area)
    assert elders[ladder.Level.FRONT_LINE] == 14


def test_the_deadline_job_climbs_by_each_areas_own_norm_time(cases, rule):
    services.set_norm_times(cases, {"front_line": 3}, acting_user=None)
    quick = services.open_case(
        cases, case_input(rule), opened_on=OPENED, acting_user=None
    )

    run = services.escalate_overdue_cases(today=OPENED + datetime.timedelta(days=4))
    climbed = BlockageCase.objects.get(pk=quick.pk)

    # The older front-line case got its deadline (14 days) before the change.
    assert run.escalated == (quick.pk,)
    assert climbed.level == "programme_bureau"
    assert climbed.level_deadline == OPENED + datetime.timedelta(days=4 + 28)


def test_only_the_bureau_sets_norm_times_within_bounds_for_area_levels(cases):
    with pytest.raises(PermissionDenied):
        services.set_norm_times(
            cases, {"front_line": 7}, acting_user=cases.people["professional"]
        )
    with pytest.raises(ValidationError) as refused:
        services.set_norm_times(
            cases,
            {"front_line": 0, "national_meeting": 30},
            acting_user=cases.people["bureau"],
        )
    assert set(refused.value.message_dict) == {"front_line", "national_meeting"}
    services.set_norm_times(cases, {"front_line": 7}, acting_user=None)
    back = services.set_norm_times(cases, {"front_line": None}, acting_user=None)
    assert back[ladder.Level.FRONT_LINE] == 14


def test_a_case_is_handed_over_within_its_level_as_an_audited_decision(cases):
    case = cases.cases["programme_bureau"]
    bureau = cases.people["bureau"]
    colleague = MembershipFactory(
        role="bureau", focus_area=cases, user=UserFactory(username="collega")
    ).user

    decision = services.hand_over_case(
        case,
        to_owner=colleague,
        reason="Collega kent de corporatie.",
        acting_user=bureau,
    )
    case.refresh_from_db()

    assert case.owner == colleague
    assert case.level == "programme_bureau"
    assert case.steps.count() == 1
    assert decision.kind == "hand_over"
    assert decision.decided_by == bureau.display_name
    assert decision.handed_to == colleague
    assert decision.handed_to_label == colleague.display_name
    assert decision.grounds == "Collega kent de corporatie."
    event = AuditEvent.objects.get(action="handed_over")
    assert event.actor == bureau
    assert event.changes["owner"] == [bureau.pk, colleague.pk]
    with pytest.raises(ValidationError) as twice:
        services.hand_over_case(
            case, to_owner=colleague, reason="Nog eens.", acting_user=bureau
        )
    assert list(twice.value.message_dict) == ["to_owner"]


def test_a_hand_over_needs_a_reason_and_a_new_owner_with_mandate(cases):
    case = cases.cases["breakthrough_table"]
    bureau = cases.people["bureau"]
    professional = cases.people["professional"]
    alliance = cases.people["alliance"]

    with pytest.raises(ValidationError) as no_reason:
        services.hand_over_case(case, to_owner=alliance, reason=" ", acting_user=bureau)
    with pytest.raises(ValidationError) as no_mandate:
        services.hand_over_case(
            case, to_owner=professional, reason="Ander team.", acting_user=bureau
        )
    assert list(no_reason.value.message_dict) == ["reason"]
    assert list(no_mandate.value.message_dict) == ["to_owner"]
    with pytest.raises(PermissionDenied):
        services.hand_over_case(
            case, to_owner=alliance, reason="Zelf.", acting_user=professional
        )
    assert not case.decisions.filter(kind="hand_over").exists()
