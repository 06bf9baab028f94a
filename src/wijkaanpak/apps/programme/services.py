# SPDX-License-Identifier: EUPL-1.2
"""Every write to the programme: validated, access-checked, audited, atomic.

The programme bureau writes the plan. An alliance member reports what its own
organisation delivered and marks its own homework done. National staff set the
national minimum goals. ``acting_user=None`` is a trusted job (the demo).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wijkaanpak.apps.accounts.access import (
    Need,
    require,
    require_acting_for,
    require_national_viewer,
)
from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.audit.services import changed_fields, record
from wijkaanpak.apps.programme import selectors
from wijkaanpak.apps.programme.models import (
    Commitment,
    CommitmentKind,
    Decision,
    Delivery,
    Domain,
    Goal,
    HomeworkItem,
    Measure,
    MeasureBudget,
    Meeting,
    Milestone,
    NationalGoal,
    NationalMinimumGoal,
    ProblemStatement,
    Programme,
    StopRule,
)
from wijkaanpak.core.programme import interpolate_milestones

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea

_FIRST_YEAR, _LAST_YEAR = 2000, 2100


def _check_year(year: int, label: str) -> None:
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise ValidationError(
            _("%(label)s must lie between 2000 and 2100.") % {"label": label}
        )


def _check_national_goal(national_goal: str) -> None:
    if national_goal not in NationalGoal.values:
        raise ValidationError(
            _("Unknown national goal: %(goal)s") % {"goal": national_goal}
        )


def _check_indicator(indicator_key: str) -> str:
    """Return the indicator's direction; only indicators with a direction serve."""
    if indicator_key not in selectors.catalogue():
        raise ValidationError(
            _("The indicator %(key)s is not in the catalogue.") % {"key": indicator_key}
        )
    direction = selectors.catalogue()[indicator_key].direction
    if direction == "context":
        raise ValidationError(
            _("The indicator %(key)s only gives context; choose one that can improve.")
            % {"key": indicator_key}
        )
    return direction


def _check_in_area(focus_area: FocusArea, *objects: Any) -> None:
    for item in objects:
        if item is not None and item.focus_area_id != focus_area.pk:
            raise ValidationError(_("That belongs to another focus area."))


@transaction.atomic
def save_programme(
    focus_area: FocusArea,
    *,
    vision: str,
    end_year: int | None,
    acting_user: User | None,
) -> Programme:
    """Write the vision and the horizon of the programme."""
    require(acting_user, focus_area, Need.BUREAU)
    if end_year is not None:
        _check_year(end_year, _("The end year"))
        if end_year < focus_area.start_year:
            raise ValidationError(
                _("The programme cannot end before it started in %(year)s.")
                % {"year": focus_area.start_year}
            )
    programme, created = Programme.objects.get_or_create(focus_area=focus_area)
    values = {"vision": vision.strip(), "end_year": end_year}
    changes = changed_fields(programme, values)
    for field, value in values.items():
        setattr(programme, field, value)
    programme.save()
    if "vision" in changes:
        changes["vision"] = ["…", "…"]
    record(
        "created" if created else "updated",
        programme,
        acting_user=acting_user,
        focus_area=focus_area,
        changes=changes,
    )
    return programme


@transaction.atomic
def add_problem_statement(
    focus_area: FocusArea,
    *,
    national_goal: str,
    kind: str,
    text: str,
    indicator_key: str = "",
    document_title: str = "",
    document_url: str = "",
    acting_user: User | None,
) -> ProblemStatement:
    """Add a point to the problem analysis; it must rest on an indicator or a document."""
    require(acting_user, focus_area, Need.BUREAU)
    _check_national_goal(national_goal)
    _check_evidence(indicator_key, document_title)
    statement = ProblemStatement(
        focus_area=focus_area,
        national_goal=national_goal,
        kind=kind,
        text=text.strip(),
        indicator_key=indicator_key,
        document_title=document_title.strip(),
        document_url=document_url.strip(),
    )
    statement.full_clean()
    statement.save()
    record(
        "created",
        statement,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"national_goal": national_goal, "kind": kind},
    )
    return statement


def _check_evidence(indicator_key: str, document_title: str) -> None:
    if indicator_key and indicator_key not in selectors.catalogue():
        raise ValidationError(
            _("The indicator %(key)s is not in the catalogue.") % {"key": indicator_key}
        )
    if not indicator_key and not document_title.strip():
        raise ValidationError(
            _("Name the evidence: an indicator of the analysis or a document.")
        )


@transaction.atomic
def update_problem_statement(
    statement: ProblemStatement,
    *,
    national_goal: str,
    kind: str,
    text: str,
    indicator_key: str = "",
    document_title: str = "",
    document_url: str = "",
    acting_user: User | None,
) -> ProblemStatement:
    """Rewrite a point of the problem analysis; it keeps resting on evidence."""
    focus_area = statement.focus_area
    require(acting_user, focus_area, Need.BUREAU)
    _check_national_goal(national_goal)
    _check_evidence(indicator_key, document_title)
    values = {
        "national_goal": national_goal,
        "kind": kind,
        "text": text.strip(),
        "indicator_key": indicator_key,
        "document_title": document_title.strip(),
        "document_url": document_url.strip(),
    }
    changes = changed_fields(statement, values)
    if not changes:
        return statement
    for field, value in values.items():
        setattr(statement, field, value)
    statement.full_clean()
    statement.save(update_fields=list(changes))
    if "text" in changes:
        changes["text"] = ["…", "…"]
    record(
        "updated",
        statement,
        acting_user=acting_user,
        focus_area=focus_area,
        changes=changes,
    )
    return statement


@transaction.atomic
def remove_problem_statement(
    statement: ProblemStatement, *, acting_user: User | None
) -> None:
    """Take a point out of the problem analysis; the audit trail keeps that it was."""
    focus_area = statement.focus_area
    require(acting_user, focus_area, Need.BUREAU)
    record(
        "removed",
        statement,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "national_goal": [statement.national_goal, None],
            "kind": [statement.kind, None],
        },
    )
    statement.delete()


def _replace_milestones(
    goal: Goal, milestones: Sequence[tuple[int, float]] | None
) -> None:
    Milestone.objects.filter(goal=goal).delete()
    target = selectors.goal_target(goal)
    if milestones is None:
        if target is None:
            return
        proposed = [(m.year, m.value) for m in interpolate_milestones(target)]
    else:
        proposed = list(milestones)
        if target is not None:
            outside = [
                year
                for year, _value in proposed
                if not target.baseline_year < year < target.target_year
            ]
            if outside:
                raise ValidationError(
                    _(
                        "A milestone must lie between the baseline year and the target year."
                    )
                )
    Milestone.objects.bulk_create(
        Milestone(goal=goal, year=year, value=value) for year, value in proposed
    )


@transaction.atomic
def create_goal(
    focus_area: FocusArea,
    *,
    national_goal: str,
    title: str,
    target_year: int,
    target_value: float | None,
    indicator_key: str = "",
    description: str = "",
    direction: str = "higher_is_worse",
    baseline_value: float | None = None,
    baseline_year: int | None = None,
    milestones: Sequence[tuple[int, float]] | None = None,
    acting_user: User | None,
) -> Goal:
    """Add a goal; without a baseline, take it from the figures of the area.

    The baseline is the area's value in its start year (or the latest year
    before). Milestones default to the straight line from baseline to target.
    """
    require(acting_user, focus_area, Need.BUREAU)
    _check_national_goal(national_goal)
    _check_year(target_year, _("The target year"))
    from_figures = False
    if indicator_key:
        direction = _check_indicator(indicator_key)
        if baseline_value is None and baseline_year is None:
            found = selectors.baseline_from_figures(focus_area, indicator_key)
            if found is not None:
                baseline_year, baseline_value = found
                from_figures = True
    if (baseline_value is None) != (baseline_year is None):
        raise ValidationError(_("A baseline needs both a value and a year."))
    if baseline_year is not None and baseline_year >= target_year:
        raise ValidationError(
            _("The target year must come after the baseline year %(year)s.")
            % {"year": baseline_year}
        )
    goal = Goal(
        focus_area=focus_area,
        national_goal=national_goal,
        title=title.strip(),
        description=description.strip(),
        indicator_key=indicator_key,
        direction=direction,
        baseline_value=baseline_value,
        baseline_year=baseline_year,
        baseline_from_figures=from_figures,
        target_value=target_value,
        target_year=target_year,
    )
    goal.full_clean()
    goal.save()
    _replace_milestones(goal, milestones)
    record(
        "created",
        goal,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "national_goal": national_goal,
            "indicator": indicator_key,
            "baseline": [baseline_year, baseline_value],
            "target": [target_year, target_value],
        },
    )
    return goal


@transaction.atomic
def update_goal(
    goal: Goal,
    *,
    title: str,
    description: str,
    target_value: float | None,
    target_year: int,
    acting_user: User | None,
) -> Goal:
    """Change a goal's text or target; the milestones follow the new line."""
    require(acting_user, goal.focus_area, Need.BUREAU)
    _check_year(target_year, _("The target year"))
    if goal.baseline_year is not None and goal.baseline_year >= target_year:
        raise ValidationError(
            _("The target year must come after the baseline year %(year)s.")
            % {"year": goal.baseline_year}
        )
    values = {
        "title": title.strip(),
        "description": description.strip(),
        "target_value": target_value,
        "target_year": target_year,
    }
    changes = changed_fields(goal, values)
    if not changes:
        return goal
    for field, value in values.items():
        setattr(goal, field, value)
    goal.full_clean()
    goal.save(update_fields=list(changes))
    if {"target_value", "target_year"} & set(changes):
        _replace_milestones(goal, None)
    if "description" in changes:
        changes["description"] = ["…", "…"]
    record(
        "updated",
        goal,
        acting_user=acting_user,
        focus_area=goal.focus_area,
        changes=changes,
    )
    return goal


@transaction.atomic
def set_national_minimum_goal(
    *,
    national_goal: str,
    title: str,
    indicator_key: str,
    minimum_improvement: float,
    deadline_year: int,
    acting_user: User | None,
) -> NationalMinimumGoal:
    """Set a minimum goal for every area; only national staff may."""
    require_national_viewer(acting_user)
    _check_national_goal(national_goal)
    direction = _check_indicator(indicator_key)
    _check_year(deadline_year, _("The deadline"))
    if minimum_improvement <= 0:
        raise ValidationError(_("The minimum improvement must be more than zero."))
    minimum, created = NationalMinimumGoal.objects.update_or_create(
        indicator_key=indicator_key,
        deadline_year=deadline_year,
        defaults={
            "national_goal": national_goal,
            "title": title.strip(),
            "direction": direction,
            "minimum_improvement": minimum_improvement,
        },
    )
    record(
        "created" if created else "updated",
        minimum,
        acting_user=acting_user,
        changes={
            "indicator": indicator_key,
            "minimum_improvement": minimum_improvement,
            "deadline_year": deadline_year,
        },
    )
    return minimum


def _check_measure(
    focus_area: FocusArea,
    *,
    goals: Sequence[Goal],
    start_year: int,
    end_year: int,
    domains: Sequence[str],
    is_additional: bool,
    additional_kind: str,
    additional_reason: str,
) -> None:
    _check_in_area(focus_area, *goals)
    _check_year(start_year, _("The start year"))
    _check_year(end_year, _("The end year"))
    if end_year < start_year:
        raise ValidationError(_("A measure cannot end before it starts."))
    unknown = sorted(set(domains) - set(Domain.values))
    if unknown:
        raise ValidationError(
            _("Unknown domains: %(domains)s") % {"domains": ", ".join(unknown)}
        )
    if is_additional and not additional_kind:
        raise ValidationError(
            _("Say how the measure is additional: better, more or different.")
        )
    if is_additional and not additional_reason.strip():
        raise ValidationError(_("Say why the measure is additional."))


@transaction.atomic
def create_measure(
    focus_area: FocusArea,
    *,
    title: str,
    owner: Organisation,
    start_year: int,
    end_year: int,
    goals: Sequence[Goal] = (),
    partners: Sequence[Organisation] = (),
    domains: Sequence[str] = (),
    description: str = "",
    is_additional: bool = False,
    additional_kind: str = "",
    additional_reason: str = "",
    status: str = Measure.Status.PLANNED,
    has_entrepreneur: bool = False,
    effective_method: bool = False,
    strategic_coalition: bool = False,
    measured_effect: bool = False,
    benefits_to: str = "",
    acting_user: User | None,
) -> Measure:
    """Add a measure; an additional one says how and why it is additional."""
    require(acting_user, focus_area, Need.BUREAU)
    _check_measure(
        focus_area,
        goals=goals,
        start_year=start_year,
        end_year=end_year,
        domains=domains,
        is_additional=is_additional,
        additional_kind=additional_kind,
        additional_reason=additional_reason,
    )
    if not is_additional:
        additional_kind, additional_reason = "", ""
    measure = Measure(
        focus_area=focus_area,
        title=title.strip(),
        description=description.strip(),
        domains=[value for value in Domain.values if value in set(domains)],
        owner=owner,
        is_additional=is_additional,
        additional_kind=additional_kind,
        additional_reason=additional_reason.strip(),
        start_year=start_year,
        end_year=end_year,
        status=status,
        has_entrepreneur=has_entrepreneur,
        effective_method=effective_method,
        strategic_coalition=strategic_coalition,
        measured_effect=measured_effect,
        benefits_to=benefits_to.strip(),
    )
    measure.full_clean()
    measure.save()
    measure.goals.set(goals)
    measure.partners.set([p for p in partners if p.pk != owner.pk])
    record(
        "created",
        measure,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "owner": owner.pk,
            "goals": sorted(goal.pk for goal in goals),
            "is_additional": is_additional,
            "years": [start_year, end_year],
        },
    )
    return measure


@transaction.atomic
def update_measure(
    measure: Measure,
    *,
    title: str,
    owner: Organisation,
    start_year: int,
    end_year: int,
    goals: Sequence[Goal] = (),
    partners: Sequence[Organisation] = (),
    domains: Sequence[str] = (),
    description: str = "",
    is_additional: bool = False,
    additional_kind: str = "",
    additional_reason: str = "",
    status: str = Measure.Status.PLANNED,
    has_entrepreneur: bool = False,
    effective_method: bool = False,
    strategic_coalition: bool = False,
    measured_effect: bool = False,
    benefits_to: str = "",
    acting_user: User | None,
) -> Measure:
    """Change a measure; its budget lines must still fall within its years."""
    focus_area = measure.focus_area
    require(acting_user, focus_area, Need.BUREAU)
    _check_measure(
        focus_area,
        goals=goals,
        start_year=start_year,
        end_year=end_year,
        domains=domains,
        is_additional=is_additional,
        additional_kind=additional_kind,
        additional_reason=additional_reason,
    )
    outside = sorted(
        set(
            measure.budgets.exclude(
                year__gte=start_year, year__lte=end_year
            ).values_list("year", flat=True)
        )
    )
    if outside:
        raise ValidationError(
            _(
                "The measure has budget lines for %(years)s, outside the new years. "
                "Remove those lines first."
            )
            % {"years": ", ".join(str(year) for year in outside)}
        )
    if status not in Measure.Status.values:
        raise ValidationError(_("Unknown status: %(status)s") % {"status": status})
    if not is_additional:
        additional_kind, additional_reason = "", ""
    values = {
        "title": title.strip(),
        "description": description.strip(),
        "domains": [value for value in Domain.values if value in set(domains)],
        "owner": owner,
        "is_additional": is_additional,
        "additional_kind": additional_kind,
        "additional_reason": additional_reason.strip(),
        "start_year": start_year,
        "end_year": end_year,
        "status": status,
        "has_entrepreneur": has_entrepreneur,
        "effective_method": effective_method,
        "strategic_coalition": strategic_coalition,
        "measured_effect": measured_effect,
        "benefits_to": benefits_to.strip(),
    }
    changes = changed_fields(measure, values)
    for field, value in values.items():
        setattr(measure, field, value)
    measure.full_clean()
    measure.save()
    goal_ids = sorted(goal.pk for goal in goals)
    partner_ids = sorted(p.pk for p in partners if p.pk != owner.pk)
    old_goals = sorted(measure.goals.values_list("pk", flat=True))
    old_partners = sorted(measure.partners.values_list("pk", flat=True))
    measure.goals.set(goals)
    measure.partners.set([p for p in partners if p.pk != owner.pk])
    if "owner" in changes:
        changes["owner"] = [changes["owner"][0].pk, owner.pk]
    for field in ("description", "additional_reason"):
        if field in changes:
            changes[field] = ["…", "…"]
    if goal_ids != old_goals:
        changes["goals"] = [old_goals, goal_ids]
    if partner_ids != old_partners:
        changes["partners"] = [old_partners, partner_ids]
    if changes:
        record(
            "updated",
            measure,
            acting_user=acting_user,
            focus_area=focus_area,
            changes=changes,
        )
    return measure


@transaction.atomic
def set_measure_status(
    measure: Measure, status: str, *, acting_user: User | None
) -> Measure:
    """Start, stop or complete a measure."""
    require(acting_user, measure.focus_area, Need.BUREAU)
    if status not in Measure.Status.values:
        raise ValidationError(_("Unknown status: %(status)s") % {"status": status})
    changes = changed_fields(measure, {"status": status})
    if changes:
        measure.status = status
        measure.save(update_fields=["status"])
        record(
            "status_set",
            measure,
            acting_user=acting_user,
            focus_area=measure.focus_area,
            changes=changes,
        )
    return measure


@transaction.atomic
def set_measure_budget(
    measure: Measure,
    organisation: Organisation,
    year: int,
    amount_cents: int,
    *,
    acting_user: User | None,
) -> MeasureBudget:
    """Set what one partner puts into a measure in a year; a second call replaces it."""
    require(acting_user, measure.focus_area, Need.BUREAU)
    if not measure.start_year <= year <= measure.end_year:
        raise ValidationError(
            _("The measure runs from %(start)s to %(end)s; %(year)s lies outside.")
            % {"start": measure.start_year, "end": measure.end_year, "year": year}
        )
    if amount_cents < 0:
        raise ValidationError(_("A budget cannot be negative."))
    budget, _created = MeasureBudget.objects.update_or_create(
        measure=measure,
        organisation=organisation,
        year=year,
        defaults={"amount_cents": amount_cents},
    )
    record(
        "budget_set",
        measure,
        acting_user=acting_user,
        focus_area=measure.focus_area,
        changes={
            "partner": organisation.pk,
            "year": year,
            "amount_cents": amount_cents,
        },
    )
    return budget


@transaction.atomic
def add_stop_rule(
    measure: Measure,
    *,
    criterion: str,
    comparison: str,
    threshold: float,
    check_year: int,
    acting_user: User | None,
) -> StopRule:
    """Agree when the measure continues and when it stops."""
    require(acting_user, measure.focus_area, Need.BUREAU)
    _check_year(check_year, _("The year of the check"))
    rule = StopRule(
        measure=measure,
        criterion=criterion.strip(),
        comparison=comparison,
        threshold=threshold,
        check_year=check_year,
    )
    rule.full_clean()
    rule.save()
    record(
        "created",
        rule,
        acting_user=acting_user,
        focus_area=measure.focus_area,
        changes={"comparison": comparison, "threshold": threshold, "year": check_year},
    )
    return rule


@transaction.atomic
def remove_measure_budget(budget: MeasureBudget, *, acting_user: User | None) -> None:
    """Take a partner's budget line for a year off a measure."""
    measure = budget.measure
    require(acting_user, measure.focus_area, Need.BUREAU)
    record(
        "budget_removed",
        measure,
        acting_user=acting_user,
        focus_area=measure.focus_area,
        changes={
            "partner": budget.organisation_id,
            "year": budget.year,
            "amount_cents": [budget.amount_cents, None],
        },
    )
    budget.delete()


@transaction.atomic
def remove_stop_rule(rule: StopRule, *, acting_user: User | None) -> None:
    """Withdraw a stop rule that was agreed by mistake; the audit trail keeps it."""
    measure = rule.measure
    require(acting_user, measure.focus_area, Need.BUREAU)
    record(
        "removed",
        rule,
        acting_user=acting_user,
        focus_area=measure.focus_area,
        changes={
            "criterion": [rule.criterion, None],
            "comparison": [rule.comparison, None],
            "threshold": [rule.threshold, None],
            "year": [rule.check_year, None],
        },
    )
    rule.delete()


@transaction.atomic
def record_observation(
    rule: StopRule,
    *,
    value: float,
    observed_on: datetime.date,
    acting_user: User | None,
) -> StopRule:
    """Record what was measured for a stop rule."""
    focus_area = rule.measure.focus_area
    require(acting_user, focus_area, Need.BUREAU)
    changes = changed_fields(
        rule, {"observed_value": value, "observed_on": observed_on}
    )
    rule.observed_value = value
    rule.observed_on = observed_on
    rule.save(update_fields=["observed_value", "observed_on"])
    record(
        "observed",
        rule,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={key: [str(v) for v in pair] for key, pair in changes.items()},
    )
    return rule


@transaction.atomic
def add_commitment(
    focus_area: FocusArea,
    *,
    organisation: Organisation,
    year: int,
    kind: str,
    promised: int,
    description: str = "",
    goal: Goal | None = None,
    measure: Measure | None = None,
    acting_user: User | None,
) -> Commitment:
    """Record what a partner promises for a year (money in cents, staff in hours)."""
    require(acting_user, focus_area, Need.BUREAU)
    _check_in_area(focus_area, goal, measure)
    _check_year(year, _("The year"))
    if kind not in CommitmentKind.values:
        raise ValidationError(_("Unknown kind of means: %(kind)s") % {"kind": kind})
    if promised <= 0:
        raise ValidationError(_("A promise must be more than zero."))
    commitment = Commitment.objects.create(
        focus_area=focus_area,
        organisation=organisation,
        year=year,
        kind=kind,
        promised=promised,
        description=description.strip(),
        goal=goal,
        measure=measure,
    )
    record(
        "created",
        commitment,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "partner": organisation.pk,
            "year": year,
            "kind": kind,
            "promised": promised,
        },
    )
    return commitment


@transaction.atomic
def update_commitment(
    commitment: Commitment,
    *,
    year: int,
    kind: str,
    promised: int,
    description: str = "",
    goal: Goal | None = None,
    measure: Measure | None = None,
    acting_user: User | None,
) -> Commitment:
    """Correct a promise; its kind stays once deliveries are counted in that unit."""
    focus_area = commitment.focus_area
    require(acting_user, focus_area, Need.BUREAU)
    _check_in_area(focus_area, goal, measure)
    _check_year(year, _("The year"))
    if kind not in CommitmentKind.values:
        raise ValidationError(_("Unknown kind of means: %(kind)s") % {"kind": kind})
    if promised <= 0:
        raise ValidationError(_("A promise must be more than zero."))
    if kind != commitment.kind and commitment.deliveries.exists():
        raise ValidationError(
            _(
                "The kind of means cannot change: deliveries are already reported "
                "in the old unit."
            )
        )
    values = {
        "year": year,
        "kind": kind,
        "promised": promised,
        "description": description.strip(),
        "goal": goal,
        "measure": measure,
    }
    changes = changed_fields(commitment, values)
    if not changes:
        return commitment
    for field, value in values.items():
        setattr(commitment, field, value)
    commitment.save(update_fields=list(changes))
    for field in ("goal", "measure"):
        if field in changes:
            changes[field] = [
                item.pk if item is not None else None for item in changes[field]
            ]
    record(
        "updated",
        commitment,
        acting_user=acting_user,
        focus_area=focus_area,
        changes=changes,
    )
    return commitment


@transaction.atomic
def remove_commitment(commitment: Commitment, *, acting_user: User | None) -> None:
    """Take a promise off the plan, with its deliveries; the audit trail keeps both."""
    focus_area = commitment.focus_area
    require(acting_user, focus_area, Need.BUREAU)
    deliveries = list(commitment.deliveries.order_by("delivered_on", "pk"))
    record(
        "removed",
        commitment,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "partner": [commitment.organisation_id, None],
            "year": [commitment.year, None],
            "kind": [commitment.kind, None],
            "promised": [commitment.promised, None],
            "deliveries": [
                [[d.amount, d.delivered_on.isoformat()] for d in deliveries],
                None,
            ],
        },
    )
    commitment.delete()


@transaction.atomic
def correct_delivery(
    delivery: Delivery,
    *,
    amount: int,
    delivered_on: datetime.date,
    note: str = "",
    acting_user: User | None,
) -> Delivery:
    """Correct a reported delivery; the audit record keeps the old values."""
    commitment = delivery.commitment
    focus_area = commitment.focus_area
    require_acting_for(acting_user, focus_area, commitment.organisation_id)
    if amount <= 0:
        raise ValidationError(_("A delivery must be more than zero."))
    values = {"amount": amount, "delivered_on": delivered_on, "note": note.strip()}
    changes = changed_fields(delivery, values)
    if not changes:
        return delivery
    for field, value in values.items():
        setattr(delivery, field, value)
    delivery.save(update_fields=list(changes))
    if "delivered_on" in changes:
        changes["delivered_on"] = [d.isoformat() for d in changes["delivered_on"]]
    record(
        "delivery_corrected",
        commitment,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"delivery": delivery.pk, **changes},
    )
    return delivery


@transaction.atomic
def report_delivery(
    commitment: Commitment,
    *,
    amount: int,
    delivered_on: datetime.date,
    note: str = "",
    client_key: str = "",
    acting_user: User | None,
) -> Delivery:
    """A partner reports what it delivered; a repeated client key adds nothing."""
    focus_area = commitment.focus_area
    require_acting_for(acting_user, focus_area, commitment.organisation_id)
    if amount <= 0:
        raise ValidationError(_("A delivery must be more than zero."))
    if client_key:
        earlier = Delivery.objects.filter(
            commitment=commitment, client_key=client_key
        ).first()
        if earlier is not None:
            return earlier
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                commitment=commitment,
                amount=amount,
                delivered_on=delivered_on,
                note=note.strip(),
                reported_by=acting_user,
                client_key=client_key,
            )
    except IntegrityError:
        # Two retries raced; the first one won and is the answer.
        return Delivery.objects.get(commitment=commitment, client_key=client_key)
    record(
        "delivered",
        commitment,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"amount": amount, "delivered_on": delivered_on.isoformat()},
    )
    return delivery


@transaction.atomic
def schedule_meeting(
    focus_area: FocusArea,
    *,
    held_on: datetime.date,
    title: str,
    agenda: str = "",
    acting_user: User | None,
) -> Meeting:
    """Put an alliance meeting on the calendar with its agenda."""
    require(acting_user, focus_area, Need.BUREAU)
    meeting = Meeting(
        focus_area=focus_area,
        held_on=held_on,
        title=title.strip(),
        agenda=agenda.strip(),
    )
    meeting.full_clean()
    meeting.save()
    record(
        "created",
        meeting,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"held_on": held_on.isoformat()},
    )
    return meeting


@transaction.atomic
def record_decision(
    meeting: Meeting, *, text: str, acting_user: User | None
) -> Decision:
    """Write down a decision of the alliance."""
    require(acting_user, meeting.focus_area, Need.BUREAU)
    if not text.strip():
        raise ValidationError(_("Write the decision."))
    decision = Decision.objects.create(meeting=meeting, text=text.strip())
    record(
        "created",
        decision,
        acting_user=acting_user,
        focus_area=meeting.focus_area,
        changes={"meeting": meeting.pk},
    )
    return decision


@transaction.atomic
def assign_homework(
    focus_area: FocusArea,
    *,
    text: str,
    organisation: Organisation,
    due_on: datetime.date,
    meeting: Meeting | None = None,
    acting_user: User | None,
) -> HomeworkItem:
    """Give a partner a task with a due date."""
    require(acting_user, focus_area, Need.BUREAU)
    _check_in_area(focus_area, meeting)
    if not text.strip():
        raise ValidationError(_("Describe the task."))
    item = HomeworkItem.objects.create(
        focus_area=focus_area,
        meeting=meeting,
        text=text.strip(),
        organisation=organisation,
        due_on=due_on,
    )
    record(
        "created",
        item,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"partner": organisation.pk, "due_on": due_on.isoformat()},
    )
    return item


@transaction.atomic
def complete_homework(
    item: HomeworkItem, *, done_on: datetime.date, acting_user: User | None
) -> HomeworkItem:
    """Mark a task done; a partner marks its own, the bureau any. Twice is once."""
    require_acting_for(acting_user, item.focus_area, item.organisation_id)
    if item.done_on is not None:
        return item
    item.done_on = done_on
    item.done_by = acting_user
    item.save(update_fields=["done_on", "done_by"])
    record(
        "completed",
        item,
        acting_user=acting_user,
        focus_area=item.focus_area,
        changes={"done_on": done_on.isoformat()},
    )
    return item
