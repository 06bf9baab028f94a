# SPDX-License-Identifier: EUPL-1.2
"""Pages of blockage cases, the alliance's agenda and the national register.

Parse, call a selector or service, render. Case pages are for the area's
members; the register and national figures show counts and outcomes only.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.adapters.charts import bar_chart
from wijkaanpak.apps.accounts.access import (
    Need,
    access_blockage_case,
    access_focus_area,
    access_problem,
    is_national_viewer,
    may,
    may_decide_on_case,
    may_read_rule_register,
)
from wijkaanpak.apps.breakthroughs import forms, selectors, services
from wijkaanpak.apps.breakthroughs.models import (
    AgendaItem,
    BlockageCase,
    BlockageKind,
    BlockingRule,
    Level,
    Outcome,
)
from wijkaanpak.apps.programme import selectors as programme_selectors
from wijkaanpak.apps.reports.models import Status as ProblemStatus
from wijkaanpak.core.breakthroughs.figures import AGE_BANDS


def _today() -> datetime.date:
    return timezone.localdate()


def _add_errors(form: Any, error: ValidationError) -> None:
    """Put a service's refusal on the form; a warning shows the confirm box."""
    if isinstance(error, services.IdentifierWarning):
        form.fields["confirm_identifiers"].widget = django_forms.CheckboxInput()
        form.identifier_warning = True
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _quiet_confirm(form: Any) -> Any:
    """The confirm box stays hidden until the identifier check warns."""
    if not getattr(form, "identifier_warning", False):
        form.fields["confirm_identifiers"].widget = django_forms.HiddenInput()
    return form


@login_required
def cases(request: HttpRequest, slug: str) -> HttpResponse:
    """The area's cases: open ones per level of the ladder, then closed ones."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return render(
        request,
        "breakthroughs/cases.html",
        {
            "focus_area": focus_area,
            "levels": selectors.open_cases_by_level(focus_area),
            "closed": selectors.cases_in(focus_area).filter(status="closed"),
            "today": _today(),
        },
    )


def _case_input(data: dict[str, Any]) -> services.CaseInput:
    return services.CaseInput(
        title=data["title"],
        need=data["need"],
        blockage_kind=data["blockage_kind"],
        blockage=data["blockage"],
        tried=data.get("tried", ""),
        domains=data.get("domains", []),
        rules=list(data.get("rules") or []),
        household_code=data.get("household_code", ""),
        source=data.get("source") or "front_line",
    )


def _open(
    request: HttpRequest, focus_area: Any, form: Any, *, problem: Any = None
) -> BlockageCase | None:
    data = form.cleaned_data
    try:
        return services.open_case(
            focus_area,
            _case_input(data),
            level=data["level"],
            reason=data.get("reason", ""),
            problem=problem,
            confirm_identifiers=data.get("confirm_identifiers", False),
            acting_user=request.user,
        )
    except ValidationError as error:
        _add_errors(form, error)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def new_case(request: HttpRequest, slug: str) -> HttpResponse:
    """A member flags a blockage: a new case at the front line."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    form = forms.CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = _open(request, focus_area, form)
        if case is not None:
            messages.success(request, _("The blockage case is saved."))
            return redirect("breakthroughs:case", slug=slug, pk=case.pk)
    return render(
        request,
        "breakthroughs/case_form.html",
        {"focus_area": focus_area, "form": _quiet_confirm(form), "problem": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_from_problem(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A report that cannot be fixed because something blocks becomes a case."""
    problem = access_problem(request.user, slug, pk, need=Need.MEMBER)
    focus_area = problem.focus_area
    existing = selectors.case_for_problem(problem)
    if existing is not None:
        return redirect("breakthroughs:case", slug=slug, pk=existing.pk)
    if problem.status != ProblemStatus.CANNOT_BE_FIXED:
        raise Http404
    initial = {
        "title": problem.category.name,
        "source": "resident_report",
        "blockage_kind": BlockageKind.RULE,
        "blockage": problem.public_note,
        "level": Level.FRONT_LINE,
    }
    form = forms.CaseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        case = _open(request, focus_area, form, problem=problem)
        if case is not None:
            messages.success(request, _("The report is now a blockage case."))
            return redirect("breakthroughs:case", slug=slug, pk=case.pk)
    return render(
        request,
        "breakthroughs/case_form.html",
        {"focus_area": focus_area, "form": _quiet_confirm(form), "problem": problem},
    )


def _hand_over_candidates(case: BlockageCase) -> Any:
    return selectors.owners_with_mandate(case.focus_area, case.level).exclude(
        pk=case.owner_id
    )


def _case_page(request: HttpRequest, case: BlockageCase, **bound: Any) -> HttpResponse:
    full = selectors.case_page_of(case)
    can_decide = full.is_open and may_decide_on_case(request.user, full)
    forms_shown: dict[str, Any] = {}
    if can_decide:
        forms_shown = {
            "escalate_form": bound.get("escalate_form")
            or forms.EscalateForm(current=full.level),
            "hand_over_form": bound.get("hand_over_form")
            or forms.HandOverForm(candidates=_hand_over_candidates(full)),
            "decision_form": bound.get("decision_form") or forms.DecisionForm(),
        }
        for form in forms_shown.values():
            _quiet_confirm(form)
    links = [(link.get_kind_display(), link.other) for link in full.links_out.all()]
    links += [
        (
            _("Followed up by") if link.kind == "follow_up" else _("Same cause as"),
            link.case,
        )
        for link in full.links_in.all()
    ]
    return render(
        request,
        "breakthroughs/case.html",
        {
            "focus_area": full.focus_area,
            "case": full,
            "steps": list(full.steps.all()),
            "decisions": list(full.decisions.all()),
            "links": links,
            "elsewhere": selectors.broken_through_elsewhere(full),
            "can_decide": can_decide,
            "link_form": bound.get("link_form") or forms.LinkForm(),
            "today": _today(),
            **forms_shown,
        },
        status=400 if bound else 200,
    )


@login_required
def case_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One case: where it stands, its ladder history, decisions and links."""
    return _case_page(request, access_blockage_case(request.user, slug, pk))


def _deciding(request: HttpRequest, slug: str, pk: int) -> BlockageCase:
    case = access_blockage_case(request.user, slug, pk)
    if not may_decide_on_case(request.user, case):
        raise Http404
    return case


@login_required
@require_POST
def escalate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Take a case up the ladder, skipping a level only with a reason."""
    case = _deciding(request, slug, pk)
    form = forms.EscalateForm(request.POST, current=case.level)
    if form.is_valid():
        try:
            services.escalate_case(
                case,
                to_level=form.cleaned_data["to_level"],
                reason=form.cleaned_data["reason"],
                confirm_identifiers=form.cleaned_data["confirm_identifiers"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The case climbed the ladder."))
            return redirect("breakthroughs:case", slug=slug, pk=pk)
    return _case_page(request, case, escalate_form=form)


@login_required
@require_POST
def hand_over(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Give the case to another owner on the same level, with the reason."""
    case = _deciding(request, slug, pk)
    form = forms.HandOverForm(request.POST, candidates=_hand_over_candidates(case))
    if form.is_valid():
        try:
            services.hand_over_case(
                case,
                to_owner=form.cleaned_data["to_owner"],
                reason=form.cleaned_data["reason"],
                confirm_identifiers=form.cleaned_data["confirm_identifiers"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The case has a new owner."))
            return redirect("breakthroughs:case", slug=slug, pk=pk)
    return _case_page(request, case, hand_over_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def norm_times(request: HttpRequest, slug: str) -> HttpResponse:
    """The norm time of each level; the bureau may set its own."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    may_set = may(request.user, focus_area, Need.BUREAU)
    if request.method == "POST" and not may_set:
        raise Http404
    defaults = {
        level.value: days for level, days in selectors.default_norm_days().items()
    }
    own = selectors.own_norm_times(focus_area)
    form = forms.NormTimesForm(request.POST or None, defaults=defaults, initial=own)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_norm_times(
                focus_area, form.cleaned_data, acting_user=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The norm times are saved."))
            return redirect("breakthroughs:norm_times", slug=slug)
    current = selectors.norm_days_of(focus_area)
    return render(
        request,
        "breakthroughs/norm_times.html",
        {
            "focus_area": focus_area,
            "rows": [
                (Level(level.value).label, days, level.value in own)
                for level, days in current.items()
            ],
            "form": form if may_set else None,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record an interim decision at the case's level."""
    case = _deciding(request, slug, pk)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.record_case_decision(
                case, **form.cleaned_data, acting_user=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The decision is saved."))
            return redirect("breakthroughs:case", slug=slug, pk=pk)
    return _case_page(request, case, decision_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Close a case with its outcome and the result for the household."""
    case = _deciding(request, slug, pk)
    if not case.is_open:
        return redirect("breakthroughs:case", slug=slug, pk=pk)
    form = forms.CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_case(case, **form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The case is closed."))
            return redirect("breakthroughs:case", slug=slug, pk=pk)
    return render(
        request,
        "breakthroughs/close.html",
        {"focus_area": case.focus_area, "case": case, "form": _quiet_confirm(form)},
    )


@login_required
@require_POST
def link(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Link a case to another case of the area."""
    case = access_blockage_case(request.user, slug, pk)
    form = forms.LinkForm(request.POST)
    if form.is_valid():
        other = selectors.linkable_cases(case).filter(pk=form.cleaned_data["other"])
        try:
            if not other.exists():
                raise ValidationError(
                    _("There is no other case with that number here.")
                )
            services.link_cases(
                case,
                other.get(),
                kind=form.cleaned_data["kind"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The cases are linked."))
            return redirect("breakthroughs:case", slug=slug, pk=pk)
    return _case_page(request, case, link_form=form)


def _figures_chart(figures: Any) -> str:
    labels = [str(Level(level).label) for level, _row in figures.open_by_level]
    values = [float(sum(row)) for _level, row in figures.open_by_level]
    return mark_safe(  # noqa: S308 - built from escaped parts by bar_chart
        bar_chart(
            labels,
            values,
            title=_("Open cases per level"),
            description=_("The number of open blockage cases on each level."),
            chart_id="open-per-level",
        )
    )


def _age_labels() -> list[str]:
    labels = []
    for first, last in AGE_BANDS:
        if last is None:
            labels.append(_("%(first)s days or more") % {"first": first})
        else:
            labels.append(
                _("%(first)s to %(last)s days") % {"first": first, "last": last}
            )
    return labels


@login_required
def figures_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The area's figures for its members, exact."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    figures = selectors.figures_of(focus_area, today=_today())
    return render(
        request,
        "breakthroughs/figures.html",
        {
            "focus_area": focus_area,
            "figures": figures,
            "rows": [
                (Level(level).label, row, sum(row))
                for level, row in figures.open_by_level
            ],
            "outcomes": [
                (Outcome(value).label, count) for value, count in figures.outcomes
            ],
            "age_labels": _age_labels(),
            "chart": _figures_chart(figures),
        },
    )


@login_required
@require_POST
def put_on_agenda(request: HttpRequest, slug: str, meeting_pk: int) -> HttpResponse:
    """The bureau puts the open escalations on a meeting's agenda."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    meeting = programme_selectors.meeting_in(focus_area, meeting_pk)
    if meeting is None:
        raise Http404
    items = services.put_escalations_on_agenda(meeting, acting_user=request.user)
    messages.success(
        request,
        _("%(count)s open escalations put on the agenda.") % {"count": len(items)},
    )
    return redirect("programme:meeting", slug=slug, pk=meeting_pk)


@login_required
@require_POST
def decide_at_meeting(request: HttpRequest, slug: str, item_pk: int) -> HttpResponse:
    """The bureau records the alliance's decision on a case, with its homework."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    item = (
        AgendaItem.objects.select_related("meeting", "meeting__focus_area", "case")
        .filter(pk=item_pk, meeting__focus_area=focus_area)
        .first()
    )
    if item is None:
        raise Http404
    form = forms.MeetingDecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        homework = None
        if data["homework_text"]:
            homework = services.HomeworkInput(
                data["homework_text"],
                data["homework_organisation"],
                data["homework_due_on"],
            )
        try:
            services.decide_at_meeting(
                item,
                text=data["text"],
                grounds=data["grounds"],
                homework=homework,
                confirm_identifiers=data["confirm_identifiers"],
                acting_user=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            if isinstance(error, services.IdentifierWarning):
                messages.error(
                    request,
                    _("Remove the identifiers, or tick the box to confirm."),
                )
        else:
            messages.success(request, _("The decision is saved."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("programme:meeting", slug=slug, pk=item.meeting_id)


def _register_reader(request: HttpRequest) -> None:
    if not may_read_rule_register(request.user):
        raise PermissionDenied


@login_required
def register_page(request: HttpRequest) -> HttpResponse:
    """The national register: which rules block most, and where they were broken."""
    _register_reader(request)
    rows = selectors.rule_register()
    top = rows[:10]
    chart = (
        mark_safe(  # noqa: S308 - built from escaped parts by bar_chart
            bar_chart(
                [row.rule.title for row in top],
                [float(row.tally.areas_hit) for row in top],
                title=_("Focus areas where the rule blocks"),
                description=_(
                    "For the rules that block most: the number of focus areas "
                    "where the rule blocked a case."
                ),
                chart_id="rules-areas",
            )
        )
        if top
        else ""
    )
    return render(
        request,
        "breakthroughs/register.html",
        {
            "rows": rows,
            "chart": chart,
            "unused": BlockingRule.objects.filter(cases__isnull=True),
            "is_national": is_national_viewer(request.user),
        },
    )


@login_required
def rule_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One rule: counts and outcomes per area; the reader's own cases in full."""
    _register_reader(request)
    rule = BlockingRule.objects.filter(pk=pk).first()
    if rule is None:
        raise Http404
    own_areas = selectors.member_area_ids(request.user)
    return render(
        request,
        "breakthroughs/rule.html",
        {
            "row": selectors.rule_row(rule),
            "own_cases": selectors.cases_of_rule_in(rule, own_areas),
            "is_national": is_national_viewer(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_rule(request: HttpRequest) -> HttpResponse:
    """Add a rule to the register; a rule already there is shown instead."""
    _register_reader(request)
    form = forms.RuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rule = services.register_rule(**form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The rule is in the register."))
            back = request.GET.get("terug", "")
            if back.startswith("/focusgebieden/"):
                return redirect(back)
            return redirect("breakthroughs:rule", pk=rule.pk)
    return render(
        request,
        "breakthroughs/rule_form.html",
        {"form": form, "title": _("Add a rule to the register")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_rule(request: HttpRequest, pk: int) -> HttpResponse:
    """National staff correct a rule of the register."""
    if not is_national_viewer(request.user):
        raise PermissionDenied
    rule = BlockingRule.objects.filter(pk=pk).first()
    if rule is None:
        raise Http404
    form = forms.RuleForm(
        request.POST or None,
        initial={
            "title": rule.title,
            "kind": rule.kind,
            "instrument": rule.instrument,
            "article": rule.article,
            "owner": rule.owner,
            "url": rule.url,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_rule(rule, **form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The rule is saved."))
            return redirect("breakthroughs:rule", pk=rule.pk)
    return render(
        request,
        "breakthroughs/rule_form.html",
        {"form": form, "title": _("Correct a rule of the register")},
    )


@login_required
def national_figures(request: HttpRequest) -> HttpResponse:
    """Figures of every area and the country: aggregates, small numbers suppressed."""
    if not is_national_viewer(request.user):
        raise PermissionDenied
    result = selectors.national_figures(today=_today())
    return render(
        request,
        "breakthroughs/national.html",
        {
            "per_area": result.per_area,
            "country": result.country,
            "levels": [label for _value, label in Level.choices],
            "age_labels": _age_labels(),
            "outcome_labels": [label for _value, label in Outcome.choices],
        },
    )
