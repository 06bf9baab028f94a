# SPDX-License-Identifier: EUPL-1.2
"""Reads of blockage cases, figures and the register, each for one use case.

Rows become core types here (:class:`CaseFacts`, :class:`RuleHit`), so the
figures and the register are computed by the pure core. National reads return
counts and outcomes only.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy

from wijkaanpak.apps.accounts.models import Membership, Role
from wijkaanpak.apps.breakthroughs.models import (
    AgendaItem,
    BlockageCase,
    BlockingRule,
    CaseLink,
    CaseStatus,
    CaseStep,
    Level,
    NormTime,
)
from wijkaanpak.apps.monitor.process import ProcessFigure
from wijkaanpak.core.breakthroughs import figures, ladder, register

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.apps.programme.models import Meeting
    from wijkaanpak.apps.reports.models import Problem


def default_norm_days() -> dict[ladder.Level, int]:
    """The installation's norm times (``WIJKAANPAK_NORM_DAYS_*``), per level."""
    configured = settings.WIJKAANPAK_NORM_DAYS
    return {level: int(configured[level.value]) for level in ladder.LADDER}


def norm_days_for(
    focus_areas: Iterable[FocusArea],
) -> dict[int, dict[ladder.Level, int]]:
    """Per area id, the norm time of every level: the area's own, else the default."""
    defaults = default_norm_days()
    found = {area.pk: dict(defaults) for area in focus_areas}
    for area_id, level, days in NormTime.objects.filter(
        focus_area_id__in=list(found)
    ).values_list("focus_area_id", "level", "days"):
        found[area_id][ladder.Level(level)] = days
    return found


def own_norm_times(focus_area: FocusArea) -> dict[str, int]:
    """The norm times the area's bureau set itself, by level value."""
    return dict(
        NormTime.objects.filter(focus_area=focus_area).values_list("level", "days")
    )


def norm_days_of(focus_area: FocusArea) -> dict[ladder.Level, int]:
    """The norm time of every level in one area."""
    return norm_days_for([focus_area])[focus_area.pk]


#: The roles that may own a case on each level (with mandate).
OWNER_ROLES = {
    Level.FRONT_LINE: (Role.PROFESSIONAL, Role.BUREAU),
    Level.BUREAU: (Role.BUREAU,),
    Level.ALLIANCE: (Role.ALLIANCE,),
    Level.NATIONAL: (Role.NATIONAL,),
}


def owners_with_mandate(focus_area: FocusArea, level: str) -> QuerySet[User]:
    """The people who may own a case of the area on a level, by name."""
    from wijkaanpak.apps.accounts.models import User

    memberships = Membership.objects.filter(
        role__in=OWNER_ROLES[Level(level)], has_mandate=True
    ).filter(Q(focus_area=focus_area) | Q(focus_area__isnull=True))
    return (
        User.objects.filter(pk__in=memberships.values("user_id"), is_active=True)
        .order_by("first_name", "last_name", "username")
        .distinct()
    )


def cases_in(focus_area: FocusArea) -> QuerySet[BlockageCase]:
    """The cases of an area with what their list shows."""
    return (
        BlockageCase.objects.filter(focus_area=focus_area)
        .select_related("focus_area")
        .prefetch_related("rules")
    )


def open_cases_by_level(
    focus_area: FocusArea,
) -> list[tuple[str, str, list[BlockageCase]]]:
    """Open cases per level, bottom of the ladder first: (value, label, cases)."""
    cases = list(cases_in(focus_area).filter(status=CaseStatus.OPEN))
    return [
        (value, str(label), [case for case in cases if case.level == value])
        for value, label in Level.choices
    ]


def case_page_of(case: BlockageCase) -> BlockageCase:
    """A case with its steps, decisions, links and agenda items loaded."""
    return (
        BlockageCase.objects.select_related("focus_area", "problem", "flagged_by")
        .prefetch_related(
            "rules",
            Prefetch("steps", queryset=CaseStep.objects.select_related("owner")),
            "decisions__recorded_by",
            "decisions__homework__organisation",
            "decisions__meeting_decision__meeting",
            Prefetch("links_out", queryset=CaseLink.objects.select_related("other")),
            Prefetch("links_in", queryset=CaseLink.objects.select_related("case")),
            "agenda_items__meeting",
        )
        .get(pk=case.pk)
    )


def case_for_problem(problem: Problem) -> BlockageCase | None:
    """The blockage case a residents' report became, if any."""
    return BlockageCase.objects.filter(problem=problem).first()


def linkable_cases(case: BlockageCase) -> QuerySet[BlockageCase]:
    """Other cases of the same area, newest first."""
    return BlockageCase.objects.filter(focus_area_id=case.focus_area_id).exclude(
        pk=case.pk
    )


def open_escalations_in(focus_area: FocusArea) -> QuerySet[BlockageCase]:
    """Open cases at the alliance's breakthrough table: the meeting's agenda."""
    return (
        BlockageCase.objects.filter(
            focus_area=focus_area, status=CaseStatus.OPEN, level=Level.ALLIANCE
        )
        .select_related("focus_area")
        .order_by("level_deadline", "pk")
    )


def agenda_of(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The cases on a meeting's agenda, with the decisions taken on them there."""
    return (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("case")
        .prefetch_related("case__decisions__homework__organisation")
    )


def expired_case_texts(
    retention_days: int, *, now: datetime.datetime
) -> QuerySet[BlockageCase]:
    """Closed cases whose texts the retention period no longer allows."""
    return BlockageCase.objects.filter(
        status=CaseStatus.CLOSED,
        texts_erased_at__isnull=True,
        closed_at__lt=now - datetime.timedelta(days=retention_days),
    ).select_related("focus_area")


def _facts(rows: QuerySet[BlockageCase]) -> list[figures.CaseFacts]:
    return [
        figures.CaseFacts(
            ladder.Level(level),
            opened_on,
            ladder.Outcome(outcome) if outcome else None,
            decided_on,
        )
        for level, opened_on, outcome, decided_on in rows.values_list(
            "level", "opened_on", "outcome", "decided_on"
        )
    ]


def figures_of(focus_area: FocusArea, *, today: datetime.date) -> figures.CaseFigures:
    """The exact figures of one area, for its own members."""
    return figures.case_figures(
        _facts(BlockageCase.objects.filter(focus_area=focus_area)), today=today
    )


@dataclass(frozen=True, slots=True)
class NationalFigures:
    """Published figures per area and for the country, small numbers suppressed."""

    per_area: list[tuple[FocusArea, figures.PublishedFigures]]
    country: figures.PublishedFigures


def _published_by_area(
    focus_area_ids: Iterable[int], *, today: datetime.date
) -> tuple[dict[int, figures.PublishedFigures], figures.PublishedFigures]:
    """Published figures per area id, and of all cases in the country."""
    facts: dict[int, list[figures.CaseFacts]] = {pk: [] for pk in focus_area_ids}
    everything = []
    for (
        area_id,
        level,
        opened_on,
        outcome,
        decided_on,
    ) in BlockageCase.objects.order_by().values_list(
        "focus_area_id", "level", "opened_on", "outcome", "decided_on"
    ):
        item = figures.CaseFacts(
            ladder.Level(level),
            opened_on,
            ladder.Outcome(outcome) if outcome else None,
            decided_on,
        )
        everything.append(item)
        if area_id in facts:
            facts[area_id].append(item)
    return (
        {
            pk: figures.publish(figures.case_figures(found, today=today))
            for pk, found in facts.items()
        },
        figures.publish(figures.case_figures(everything, today=today)),
    )


#: Labels of the open cases per level in the monitor's process figures.
_OPEN_LABELS = {
    ladder.Level.FRONT_LINE: gettext_lazy("Open blockage cases at the front line"),
    ladder.Level.BUREAU: gettext_lazy("Open blockage cases at the programme bureau"),
    ladder.Level.ALLIANCE: gettext_lazy(
        "Open blockage cases at the breakthrough table"
    ),
    ladder.Level.NATIONAL: gettext_lazy(
        "Open blockage cases at the national breakthrough meeting"
    ),
}


def _process_figures(published: figures.PublishedFigures) -> list[ProcessFigure]:
    """The monitor's figures from published figures; None values say suppressed."""
    result = [
        ProcessFigure(
            f"breakthroughs_open_{level.value}",
            _OPEN_LABELS[level],
            None if count is None else float(count),
            gettext_lazy("cases"),
            count,
            suppressed=count is None,
            higher_is_better=False,
        )
        for level, count in published.open_per_level
    ]
    # The median and the share rest on the breakthroughs: hidden from 1 to 9.
    few = published.breakthroughs is None
    result += [
        ProcessFigure(
            "breakthroughs_median_days",
            gettext_lazy("Median time to a breakthrough"),
            None
            if published.median_days_to_breakthrough is None
            else float(published.median_days_to_breakthrough),
            gettext_lazy("days"),
            published.breakthroughs,
            suppressed=few,
            higher_is_better=False,
        ),
        ProcessFigure(
            "breakthroughs_share_structural",
            gettext_lazy("Breakthroughs that were structural"),
            None
            if published.share_structural is None
            else float(published.share_structural) * 100,
            "%",
            published.breakthroughs,
            suppressed=few,
        ),
    ]
    return result


def process_figures_for(
    focus_areas: Sequence[FocusArea], today: datetime.date
) -> dict[int, list[ProcessFigure]]:
    """The monitor's provider: per area the published figures of its cases.

    Open cases per level, the median days to a breakthrough and the share
    that was structural; counts from 1 to 9, and the median and share when
    they rest on fewer than ten breakthroughs, are suppressed.
    """
    per_area, _country = _published_by_area(
        [area.pk for area in focus_areas], today=today
    )
    return {pk: _process_figures(published) for pk, published in per_area.items()}


def national_process_figures(today: datetime.date) -> list[ProcessFigure]:
    """The monitor's national provider: the same figures over every case."""
    _per_area, country = _published_by_area([], today=today)
    return _process_figures(country)


def national_figures(*, today: datetime.date) -> NationalFigures:
    """Figures of every area and the country, aggregates only, for national staff."""
    from wijkaanpak.apps.areas.models import FocusArea

    areas = list(FocusArea.objects.select_related("municipality").order_by("name"))
    per_area, country = _published_by_area([area.pk for area in areas], today=today)
    return NationalFigures(
        per_area=[(area, per_area[area.pk]) for area in areas], country=country
    )


def rules() -> QuerySet[BlockingRule]:
    """The register, for choosing a rule."""
    return BlockingRule.objects.all()


def _hits(rule_ids: list[int] | None = None) -> list[register.RuleHit]:
    rows = BlockageCase.rules.through.objects.all()
    if rule_ids is not None:
        rows = rows.filter(blockingrule_id__in=rule_ids)
    return [
        register.RuleHit(
            str(rule_id),
            str(area_id),
            ladder.Outcome(outcome) if outcome else None,
            decided_on.year if decided_on else None,
        )
        for rule_id, area_id, outcome, decided_on in rows.values_list(
            "blockingrule_id",
            "blockagecase__focus_area_id",
            "blockagecase__outcome",
            "blockagecase__decided_on",
        )
    ]


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One rule of the register with its tally and the names of its areas."""

    rule: BlockingRule
    tally: register.RuleTally
    area_names: dict[str, str]


def rule_register() -> list[RegisterRow]:
    """Every rule that blocked a case, the rules that block most first."""
    from wijkaanpak.apps.areas.models import FocusArea

    tallies = register.rule_register(_hits())
    by_id = {str(rule.pk): rule for rule in BlockingRule.objects.all()}
    names = {str(pk): name for pk, name in FocusArea.objects.values_list("pk", "name")}
    return [RegisterRow(by_id[t.rule], t, names) for t in tallies]


def rule_row(rule: BlockingRule) -> RegisterRow:
    """One rule with its tally (empty when no case hit it yet)."""
    from wijkaanpak.apps.areas.models import FocusArea

    tallies = register.rule_register(_hits([rule.pk]))
    tally = tallies[0] if tallies else register.RuleTally(str(rule.pk), ())
    names = {str(pk): name for pk, name in FocusArea.objects.values_list("pk", "name")}
    return RegisterRow(rule, tally, names)


def broken_through_elsewhere(
    case: BlockageCase,
) -> list[tuple[BlockingRule, list[tuple[str, register.AreaTally]]]]:
    """For each rule of a case, the other areas that broke through it: counts only."""
    rules_of_case = list(case.rules.all())
    tallies = {
        tally.rule: tally
        for tally in register.rule_register(_hits([r.pk for r in rules_of_case]))
    }
    from wijkaanpak.apps.areas.models import FocusArea

    names = {str(pk): name for pk, name in FocusArea.objects.values_list("pk", "name")}
    result = []
    for rule in rules_of_case:
        tally = tallies.get(str(rule.pk))
        elsewhere = (
            tally.broken_through_elsewhere(str(case.focus_area_id)) if tally else ()
        )
        result.append((rule, [(names[t.area], t) for t in elsewhere]))
    return result


def cases_of_rule_in(
    rule: BlockingRule, focus_area_ids: list[int]
) -> QuerySet[BlockageCase]:
    """The cases of the reader's own areas that hit a rule (texts included)."""
    return (
        BlockageCase.objects.filter(rules=rule, focus_area_id__in=focus_area_ids)
        .select_related("focus_area")
        .order_by("focus_area__name", "-opened_on")
    )


def member_area_ids(user: object) -> list[int]:
    """The areas where the user holds a role (for showing own cases)."""
    from wijkaanpak.apps.accounts.models import Membership

    return list(
        Membership.objects.filter(user=user, focus_area__isnull=False)
        .values_list("focus_area_id", flat=True)
        .distinct()
    )
