# SPDX-License-Identifier: EUPL-1.2
"""Save the demo's blockage cases through the services, as teams would have.

The cases of ``core.demo.breakthroughs`` land in the demo focus area with
their climb, decisions and outcomes on the days the generator gives. The
cases that show one rule blocking in several areas go to the other focus
areas when there are any; with the demo area alone, one small second area is
added, labelled as fictional, so the national register has something to show.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from wijkaanpak.apps.accounts.models import Organisation, OrganisationKind
from wijkaanpak.apps.areas import services as area_services
from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood
from wijkaanpak.apps.breakthroughs import services
from wijkaanpak.apps.breakthroughs.models import AgendaItem, BlockageCase, BlockingRule
from wijkaanpak.apps.programme.models import Meeting
from wijkaanpak.core.demo.breakthroughs import (
    DEMO_RULES,
    DemoCase,
    demo_cases,
    elsewhere_cases,
)

if TYPE_CHECKING:
    from wijkaanpak.core.demo import DemoCity

SECOND_AREA_NAME = "Tweede demogebied (fictief)"
SECOND_AREA_SLUG = "tweede-demogebied"


def _second_area(city: DemoCity, focus_area: FocusArea) -> FocusArea:
    """A small fictional second area of two neighbourhoods outside the first."""
    codes = list(
        Neighbourhood.objects.filter(
            municipality=focus_area.municipality, boundary_year=city.boundary_year
        )
        .exclude(focus_areas=focus_area)
        .order_by("code")
        .values_list("code", flat=True)[:2]
    )
    second = area_services.create_focus_area(
        municipality=focus_area.municipality,
        name=SECOND_AREA_NAME,
        slug=SECOND_AREA_SLUG,
        neighbourhood_codes=codes,
        boundary_year=city.boundary_year,
        start_year=focus_area.start_year,
        description=(
            "Een klein, verzonnen tweede focusgebied. Het laat in het landelijke "
            "register zien dat dezelfde regel in meer gebieden knelt."
        ),
        acting_user=None,
    )
    return area_services.update_focus_area(
        second, description=second.description, is_public=False, acting_user=None
    )


def _save_case(
    focus_area: FocusArea,
    item: DemoCase,
    rules: dict[str, BlockingRule],
    *,
    code: str,
    today: datetime.date,
) -> BlockageCase:
    opened = today - datetime.timedelta(days=item.opened_days_ago)
    case = services.open_case(
        focus_area,
        services.CaseInput(
            title=item.title,
            need=item.need,
            blockage_kind=item.blockage_kind,
            blockage=item.blockage,
            tried=item.tried,
            domains=item.domains,
            rules=[rules[key] for key in item.rule_keys],
            household_code=code,
        ),
        opened_on=opened,
        acting_user=None,
    )
    for step in item.steps:
        services.escalate_case(
            case,
            to_level=step.level,
            reason=step.reason,
            on=opened + datetime.timedelta(days=step.days),
            acting_user=None,
        )
    for days, text, grounds in item.interim:
        services.record_case_decision(
            case,
            text=text,
            grounds=grounds,
            on=opened + datetime.timedelta(days=days),
            acting_user=None,
        )
    if item.outcome is not None:
        services.close_case(
            case,
            outcome=item.outcome,
            household_result=item.household_result,
            grounds=item.grounds,
            outcome_reason=item.outcome_reason,
            structural_change=item.structural_change,
            on=opened + datetime.timedelta(days=item.decided_after),
            acting_user=None,
        )
    return case


def _table_meeting(
    focus_area: FocusArea, cases: dict[str, BlockageCase], items: tuple[DemoCase, ...]
) -> None:
    """The last alliance meeting took the escalations on and gave homework."""
    meeting = Meeting.objects.filter(focus_area=focus_area).order_by("-held_on").first()
    if meeting is None:
        return
    services.put_escalations_on_agenda(meeting, acting_user=None)
    partner = (
        Organisation.objects.filter(kind=OrganisationKind.HOUSING_CORPORATION)
        .order_by("name")
        .first()
    )
    for item in items:
        if not item.at_table_meeting:
            continue
        agenda_item = AgendaItem.objects.get(meeting=meeting, case=cases[item.key])
        services.decide_at_meeting(
            agenda_item,
            text="De corporatie zoekt een woning buiten de inkomensgrens, binnen "
            "de ruimte die de wet voor maatwerk laat.",
            grounds="De zorg van de grootouder maakt een grotere woning nodig.",
            homework=(
                services.HomeworkInput(
                    "Twee woningen voorstellen die binnen de ruimte voor maatwerk vallen.",
                    partner,
                    meeting.held_on + datetime.timedelta(weeks=6),
                )
                if partner is not None
                else None
            ),
            acting_user=None,
        )


def save_breakthroughs(
    city: DemoCity, focus_area: FocusArea, *, today: datetime.date
) -> None:
    """Write the register, the demo area's cases and the cases of other areas."""
    rules = {
        rule.key: services.register_rule(
            title=rule.title,
            kind=rule.kind,
            instrument=rule.instrument,
            article=rule.article,
            owner=rule.owner,
            url=rule.url,
            acting_user=None,
        )
        for rule in DEMO_RULES
    }
    items = demo_cases()
    cases: dict[str, BlockageCase] = {}
    for number, item in enumerate(items, start=1):
        cases[item.key] = _save_case(
            focus_area, item, rules, code=f"DEMO-{number:03d}", today=today
        )
        for kind, other in item.links:
            services.link_cases(
                cases[item.key], cases[other], kind=kind, acting_user=None
            )
    _table_meeting(focus_area, cases, items)
    others = list(FocusArea.objects.exclude(pk=focus_area.pk).order_by("pk")[:2])
    if not others:
        others = [_second_area(city, focus_area)]
    for number, item in enumerate(elsewhere_cases(), start=1):
        _save_case(
            others[(number - 1) % len(others)],
            item,
            rules,
            code=f"DEMO-E{number:02d}",
            today=today,
        )
