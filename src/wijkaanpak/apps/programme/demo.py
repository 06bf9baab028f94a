# SPDX-License-Identifier: EUPL-1.2
"""Save the demo programme: plan, commitments, meetings, homework, minimum goals."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.programme import selectors, services
from wijkaanpak.apps.programme.models import CommitmentKind, Goal

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.core.demo import DemoCity
    from wijkaanpak.core.demo.programme import DemoGoal, DemoProgramme


def _organisations(city: DemoCity) -> dict[str, Organisation]:
    by_name = {o.name: o for o in Organisation.objects.all()}
    return {o.key: by_name[o.name] for o in city.organisations}


def _save_goal(focus_area: FocusArea, item: DemoGoal) -> Goal:
    baseline = (
        selectors.baseline_from_figures(focus_area, item.indicator_key)
        if item.indicator_key
        else None
    )
    target = round(baseline[1] * item.target_factor, 1) if baseline else None
    return services.create_goal(
        focus_area,
        national_goal=item.national_goal,
        title=item.title,
        description=item.description,
        indicator_key=item.indicator_key,
        target_value=target,
        target_year=item.target_year,
        acting_user=None,
    )


def save_programme(
    city: DemoCity,
    focus_area: FocusArea,
    programme: DemoProgramme,
) -> None:
    """Write the generated programme through the services, as the bureau would."""
    organisations = _organisations(city)
    services.save_programme(
        focus_area,
        vision=programme.vision,
        end_year=programme.end_year,
        acting_user=None,
    )
    for problem in programme.problems:
        services.add_problem_statement(
            focus_area,
            national_goal=problem.national_goal,
            kind=problem.kind,
            text=problem.text,
            indicator_key=problem.indicator_key,
            document_title=problem.document_title,
            acting_user=None,
        )
    goals = {item.key: _save_goal(focus_area, item) for item in programme.goals}
    for item in programme.measures:
        entrepreneur, method, coalition, effect = item.good_practice
        measure = services.create_measure(
            focus_area,
            title=item.title,
            description=item.description,
            domains=item.domains,
            goals=[goals[key] for key in item.goal_keys],
            owner=organisations[item.owner_key],
            partners=[organisations[key] for key in item.partner_keys],
            is_additional=bool(item.additional_kind),
            additional_kind=item.additional_kind,
            additional_reason=item.additional_reason,
            start_year=item.start_year,
            end_year=item.end_year,
            status=item.status,
            has_entrepreneur=entrepreneur,
            effective_method=method,
            strategic_coalition=coalition,
            measured_effect=effect,
            benefits_to=item.benefits_to,
            acting_user=None,
        )
        for organisation_key, year, euros in item.budgets:
            services.set_measure_budget(
                measure,
                organisations[organisation_key],
                year,
                euros * 100,
                acting_user=None,
            )
        if item.stop_rule is not None:
            rule = services.add_stop_rule(
                measure,
                criterion=item.stop_rule.criterion,
                comparison=item.stop_rule.comparison,
                threshold=item.stop_rule.threshold,
                check_year=item.stop_rule.check_year,
                acting_user=None,
            )
            if item.stop_rule.observed is not None:
                services.record_observation(
                    rule,
                    value=item.stop_rule.observed,
                    observed_on=datetime.date(item.stop_rule.check_year, 12, 1),
                    acting_user=None,
                )
    for item in programme.commitments:
        scale = 100 if item.kind == CommitmentKind.MONEY else 1
        commitment = services.add_commitment(
            focus_area,
            organisation=organisations[item.organisation_key],
            year=item.year,
            kind=item.kind,
            promised=item.promised * scale,
            description=item.description,
            goal=goals.get(item.goal_key),
            acting_user=None,
        )
        if item.delivered:
            services.report_delivery(
                commitment,
                amount=item.delivered * scale,
                delivered_on=datetime.date(item.year, 12, 15),
                client_key=f"demo-{commitment.pk}",
                acting_user=None,
            )
    for item in programme.meetings:
        meeting = services.schedule_meeting(
            focus_area,
            held_on=item.held_on,
            title=item.title,
            agenda=item.agenda,
            acting_user=None,
        )
        for text in item.decisions:
            services.record_decision(meeting, text=text, acting_user=None)
        for task in item.homework:
            homework = services.assign_homework(
                focus_area,
                text=task.text,
                organisation=organisations[task.organisation_key],
                due_on=task.due_on,
                meeting=meeting,
                acting_user=None,
            )
            if task.done_on is not None:
                services.complete_homework(
                    homework, done_on=task.done_on, acting_user=None
                )
    for minimum in programme.minimum_goals:
        services.set_national_minimum_goal(
            national_goal=minimum.national_goal,
            title=minimum.title,
            indicator_key=minimum.indicator_key,
            minimum_improvement=minimum.minimum_improvement,
            deadline_year=minimum.deadline_year,
            acting_user=None,
        )
