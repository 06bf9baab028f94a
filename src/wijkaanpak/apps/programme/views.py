# SPDX-License-Identifier: EUPL-1.2
"""Pages of the programme: the public summary, the plan, goals, measures,
commitments and the alliance. Parse, call a selector or service, render."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.adapters.pdf import html_to_pdf
from wijkaanpak.apps.accounts.access import (
    Need,
    access_focus_area,
    is_national_viewer,
    may,
    may_act_for,
)
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.breakthroughs import forms as breakthrough_forms
from wijkaanpak.apps.breakthroughs import selectors as breakthrough_selectors
from wijkaanpak.apps.programme import forms, selectors, services
from wijkaanpak.apps.programme.models import (
    Commitment,
    CommitmentKind,
    HomeworkItem,
    MeasureBudget,
    NationalGoal,
    ProblemStatement,
    StopRule,
)
from wijkaanpak.apps.residents import selectors as residents_selectors


def _today() -> datetime.date:
    return timezone.localdate()


def _readable_area(request: HttpRequest, slug: str) -> FocusArea:
    """Open areas for everyone; a closed area for its members only."""
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return focus_area


def _units(kind: str, amount: Decimal) -> int:
    """Euros to cents; hours and pieces stay whole."""
    if kind == CommitmentKind.MONEY:
        return int((amount * 100).to_integral_value())
    return int(amount.to_integral_value())


def _national_goal_sections(reviews: list[Any]) -> list[tuple[str, str, list[Any]]]:
    return [
        (value, str(label), [r for r in reviews if r.goal.national_goal == value])
        for value, label in NationalGoal.choices
    ]


def _plan_context(focus_area: FocusArea) -> dict[str, Any]:
    goals = list(selectors.goals_of(focus_area))
    measures = list(selectors.measures_of(focus_area))
    today = _today()
    balances = selectors.balances_of(focus_area, up_to_year=today.year - 1)
    return {
        "focus_area": focus_area,
        "programme": selectors.programme_of(focus_area),
        "goals": goals,
        "measures": measures,
        "tree": selectors.goal_tree_of(focus_area, goals, measures),
        "balances": balances,
        "today": today,
        "due_year": today.year - 1,
    }


def _describe_findings(
    findings: list[Any], focus_area: FocusArea, goals: list[Any], measures: list[Any]
) -> list[str]:
    """One sentence per weak spot of the plan, naming the goal, measure or partner."""
    goal_names = {str(goal.pk): goal.title for goal in goals}
    measure_names = {str(measure.pk): measure.title for measure in measures}
    partners = {
        str(o.pk): o.name for o in selectors.organisations_for_commitments(focus_area)
    }
    national = {value: str(label) for value, label in NationalGoal.choices}
    texts = {
        "national_goal_without_goal": _("No goal serves the national goal “%(name)s”."),
        "goal_without_indicator": _("The goal “%(name)s” has no indicator."),
        "goal_without_measure": _("No measure serves the goal “%(name)s”."),
        "measure_without_goal": _("The measure “%(name)s” serves no goal."),
        "additional_without_reason": _(
            "The measure “%(name)s” is called additional without saying why."
        ),
        "additional_started_before_programme": _(
            "The measure “%(name)s” is called additional but started before the "
            "programme: it looks like regular work."
        ),
        "partner_without_commitment": _("The partner %(name)s has committed nothing."),
        "goal_beyond_horizon": _(
            "The goal “%(name)s” is due after the programme ends."
        ),
        "measure_beyond_horizon": _(
            "The measure “%(name)s” runs on after the programme ends."
        ),
        "too_many_measures": _(
            "The goal “%(name)s” has %(count)s measures: too many to steer; "
            "choose and combine."
        ),
    }
    sentences = []
    for finding in findings:
        if finding.kind == "national_goal_without_goal":
            name = national.get(finding.subject, finding.subject)
        elif finding.kind == "partner_without_commitment":
            name = partners.get(finding.subject, finding.subject)
        elif finding.kind.startswith("measure") or finding.kind.startswith(
            "additional"
        ):
            name = measure_names.get(finding.subject, finding.subject)
        else:
            name = goal_names.get(finding.subject, finding.subject)
        sentences.append(texts[finding.kind] % {"name": name, "count": finding.count})
    return sentences


def public_programme(request: HttpRequest, slug: str) -> HttpResponse:
    """What residents see: goals, measures and promised against delivered."""
    focus_area = _readable_area(request, slug)
    context = _plan_context(focus_area)
    context["sections"] = _national_goal_sections(
        selectors.review_goals(focus_area, context["goals"])
    )
    context["is_member"] = may(request.user, focus_area, Need.MEMBER)
    return render(request, "programme/public.html", context)


@login_required
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    """The members' plan: analysis, goals with their checks, measures, weak spots."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    context = _plan_context(focus_area)
    reviews = selectors.review_goals(focus_area, context["goals"])
    context |= {
        "sections": _national_goal_sections(reviews),
        "problems": selectors.problem_statements_of(focus_area),
        "findings": _describe_findings(
            selectors.coherence_of(focus_area, context["goals"], context["measures"]),
            focus_area,
            context["goals"],
            context["measures"],
        ),
        "minimums": selectors.minimum_goal_statuses(context["goals"]),
        "can_edit": may(request.user, focus_area, Need.BUREAU),
    }
    return render(request, "programme/plan.html", context)


@login_required
def goal_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One goal: baseline, target, milestones, history and the ambition check."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    goal = selectors.goal_in(focus_area, pk)
    if goal is None:
        raise Http404
    review = selectors.review_goals(focus_area, [goal])[0]
    return render(
        request,
        "programme/goal.html",
        {
            "focus_area": focus_area,
            "goal": goal,
            "review": review,
            "history": sorted(review.history.items()),
            "measures": selectors.measures_of(focus_area).filter(goals=goal),
            "commitments": selectors.commitments_of(focus_area).filter(goal=goal),
            "can_edit": may(request.user, focus_area, Need.BUREAU),
        },
    )


def _document_context(focus_area: FocusArea, *, as_pdf: bool) -> dict[str, Any]:
    """Everything the plan document shows, for the page and the PDF alike."""
    context = _plan_context(focus_area)
    goals, measures = context["goals"], context["measures"]
    today = context["today"]
    context |= {
        "sections": _national_goal_sections(selectors.review_goals(focus_area, goals)),
        "analysis": selectors.problem_analysis_of(focus_area),
        "measure_blocks": [
            (
                measure,
                selectors.budget_table(selectors.budget_lines_of([measure])),
                [
                    (rule, selectors.stop_rule_verdict(rule, today))
                    for rule in measure.stop_rules.all()
                ],
            )
            for measure in measures
        ],
        "budget_total": selectors.budget_table(selectors.budget_lines_of(measures)),
        "commitments": selectors.commitments_of(focus_area),
        "findings": _describe_findings(
            selectors.coherence_of(focus_area, goals, measures),
            focus_area,
            goals,
            measures,
        ),
        "minimums": selectors.minimum_goal_statuses(goals),
        "residents": residents_selectors.plan_summary_of(focus_area),
        "as_pdf": as_pdf,
    }
    return context


@login_required
def plan_document(request: HttpRequest, slug: str) -> HttpResponse:
    """The whole plan as one readable document, with a link to its PDF."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return render(
        request,
        "programme/plan_document.html",
        _document_context(focus_area, as_pdf=False),
    )


def plan_pdf_of(focus_area: FocusArea) -> bytes:
    """The plan document as PDF, from the same content as the page."""
    html = render_to_string(
        "programme/plan_print.html", _document_context(focus_area, as_pdf=True)
    )
    return html_to_pdf(html)


@login_required
def plan_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The plan document as PDF, for the members of the area."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    response = HttpResponse(plan_pdf_of(focus_area), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="programmaplan-{slug}.pdf"'
    return response


def _form_page(
    request: HttpRequest,
    focus_area: FocusArea | None,
    form: Any,
    title: str,
    *,
    back: str,
) -> HttpResponse:
    return render(
        request,
        "programme/form.html",
        {"focus_area": focus_area, "form": form, "title": title, "back": back},
    )


def _save(form: Any, action: Any) -> bool:
    """Run a service with the form's data; put its refusal on the form."""
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def edit_programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau writes the vision and the horizon."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    programme = selectors.programme_of(focus_area)
    form = forms.ProgrammeForm(
        request.POST or None,
        initial={"vision": programme.vision, "end_year": programme.end_year},
    )
    back = f"/focusgebieden/{slug}/programma/plan/"
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.save_programme(
                focus_area,
                vision=data["vision"],
                end_year=data["end_year"],
                acting_user=request.user,
            ),
        )
    ):
        messages.success(request, _("The programme is saved."))
        return redirect("programme:plan", slug=slug)
    return _form_page(request, focus_area, form, _("Vision and horizon"), back=back)


@login_required
@require_http_methods(["GET", "POST"])
def new_problem(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau adds a point to the problem analysis."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = forms.ProblemStatementForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.add_problem_statement(
                focus_area, **data, acting_user=request.user
            ),
        )
    ):
        messages.success(request, _("The point is added to the analysis."))
        return redirect("programme:plan", slug=slug)
    return _form_page(
        request,
        focus_area,
        form,
        _("Add a point to the problem analysis"),
        back=f"/focusgebieden/{slug}/programma/plan/",
    )


def _problem_for_bureau(request: HttpRequest, slug: str, pk: int) -> Any:
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    statement = ProblemStatement.objects.filter(focus_area=focus_area, pk=pk).first()
    if statement is None:
        raise Http404
    return focus_area, statement


@login_required
@require_http_methods(["GET", "POST"])
def edit_problem(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau rewrites a point of the problem analysis."""
    focus_area, statement = _problem_for_bureau(request, slug, pk)
    form = forms.ProblemStatementForm(
        request.POST or None,
        initial={
            field: getattr(statement, field)
            for field in forms.ProblemStatementForm.base_fields
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.update_problem_statement(
                statement, **data, acting_user=request.user
            ),
        )
    ):
        messages.success(request, _("The point is saved."))
        return redirect(f"{reverse('programme:plan', args=[slug])}#analysis")
    return _form_page(
        request,
        focus_area,
        form,
        _("Change a point of the problem analysis"),
        back=f"/focusgebieden/{slug}/programma/plan/",
    )


@login_required
@require_POST
def remove_problem(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau takes a point out of the problem analysis."""
    _focus_area, statement = _problem_for_bureau(request, slug, pk)
    services.remove_problem_statement(statement, acting_user=request.user)
    messages.success(request, _("The point is removed from the analysis."))
    return redirect(f"{reverse('programme:plan', args=[slug])}#analysis")


@login_required
@require_http_methods(["GET", "POST"])
def new_goal(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau adds a goal; the baseline comes from the figures when left empty."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = forms.GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created: list[Any] = []
        if _save(
            form,
            lambda data: created.append(
                services.create_goal(focus_area, **data, acting_user=request.user)
            ),
        ):
            messages.success(request, _("The goal is added."))
            return redirect("programme:goal", slug=slug, pk=created[0].pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Add a goal"),
        back=f"/focusgebieden/{slug}/programma/plan/",
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_goal(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau changes a goal's text or target."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    goal = selectors.goal_in(focus_area, pk)
    if goal is None:
        raise Http404
    form = forms.GoalEditForm(
        request.POST or None,
        initial={
            "title": goal.title,
            "description": goal.description,
            "target_value": goal.target_value,
            "target_year": goal.target_year,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.update_goal(goal, **data, acting_user=request.user),
        )
    ):
        messages.success(request, _("The goal is saved."))
        return redirect("programme:goal", slug=slug, pk=goal.pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Change the goal"),
        back=f"/focusgebieden/{slug}/programma/doelen/{goal.pk}/",
    )


@login_required
def measure_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One measure: goals, partners, budget per partner per year, stop rules."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    measure = selectors.measure_in(focus_area, pk)
    if measure is None:
        raise Http404
    today = _today()
    can_edit = may(request.user, focus_area, Need.BUREAU)
    return render(
        request,
        "programme/measure.html",
        {
            "focus_area": focus_area,
            "measure": measure,
            "rules": [
                (rule, selectors.stop_rule_verdict(rule, today))
                for rule in measure.stop_rules.all()
            ],
            "budgets": measure.budgets.all(),
            "commitments": selectors.commitments_of(focus_area).filter(measure=measure),
            "can_edit": can_edit,
            "status_form": forms.MeasureStatusForm(initial={"status": measure.status}),
            "budget_form": forms.BudgetForm(focus_area=focus_area)
            if can_edit
            else None,
            "rule_form": forms.StopRuleForm() if can_edit else None,
            "observation_form": forms.ObservationForm(initial={"observed_on": today}),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_measure(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau adds a measure."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = forms.MeasureForm(request.POST or None, focus_area=focus_area)
    if request.method == "POST" and form.is_valid():
        created: list[Any] = []
        if _save(
            form,
            lambda data: created.append(
                services.create_measure(
                    focus_area,
                    **{
                        **data,
                        "goals": list(data["goals"]),
                        "partners": list(data["partners"]),
                    },
                    acting_user=request.user,
                )
            ),
        ):
            messages.success(request, _("The measure is added."))
            return redirect("programme:measure", slug=slug, pk=created[0].pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Add a measure"),
        back=f"/focusgebieden/{slug}/programma/plan/",
    )


def _measure_for_bureau(request: HttpRequest, slug: str, pk: int) -> Any:
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    measure = selectors.measure_in(focus_area, pk)
    if measure is None:
        raise Http404
    return focus_area, measure


def _back_in_area(request: HttpRequest, slug: str, default: str) -> HttpResponse:
    """Return to the page the form came from, if it lies in the same area."""
    back = request.POST.get("next", "")
    if back.startswith(f"/focusgebieden/{slug}/") and "//" not in back:
        return redirect(back)
    return redirect(default, slug=slug)


def _report_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@login_required
@require_http_methods(["GET", "POST"])
def edit_measure(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau changes a measure: its goals, partners, years and assessment."""
    focus_area, measure = _measure_for_bureau(request, slug, pk)
    initial = {
        field: getattr(measure, field)
        for field in forms.MeasureForm.base_fields
        if field not in {"goals", "partners"}
    }
    initial["goals"] = list(measure.goals.all())
    initial["partners"] = list(measure.partners.all())
    form = forms.MeasureForm(
        request.POST or None, focus_area=focus_area, initial=initial
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.update_measure(
                measure,
                **{
                    **data,
                    "goals": list(data["goals"]),
                    "partners": list(data["partners"]),
                },
                acting_user=request.user,
            ),
        )
    ):
        messages.success(request, _("The measure is saved."))
        return redirect("programme:measure", slug=slug, pk=pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Change the measure"),
        back=f"/focusgebieden/{slug}/programma/maatregelen/{pk}/",
    )


@login_required
@require_POST
def remove_budget(
    request: HttpRequest, slug: str, pk: int, budget_pk: int
) -> HttpResponse:
    """The bureau takes a budget line off a measure."""
    _focus_area, measure = _measure_for_bureau(request, slug, pk)
    budget = MeasureBudget.objects.filter(measure=measure, pk=budget_pk).first()
    if budget is None:
        raise Http404
    services.remove_measure_budget(budget, acting_user=request.user)
    messages.success(request, _("The budget line is removed."))
    return redirect("programme:measure", slug=slug, pk=pk)


@login_required
@require_POST
def remove_stop_rule(
    request: HttpRequest, slug: str, pk: int, rule_pk: int
) -> HttpResponse:
    """The bureau withdraws a stop rule."""
    _focus_area, measure = _measure_for_bureau(request, slug, pk)
    rule = StopRule.objects.filter(measure=measure, pk=rule_pk).first()
    if rule is None:
        raise Http404
    services.remove_stop_rule(rule, acting_user=request.user)
    messages.success(request, _("The stop rule is removed."))
    return redirect("programme:measure", slug=slug, pk=pk)


@login_required
@require_POST
def set_measure_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau starts, stops or completes a measure."""
    _focus_area, measure = _measure_for_bureau(request, slug, pk)
    form = forms.MeasureStatusForm(request.POST)
    if form.is_valid():
        services.set_measure_status(
            measure, form.cleaned_data["status"], acting_user=request.user
        )
        messages.success(request, _("The status is saved."))
    else:
        _report_errors(request, form)
    return redirect("programme:measure", slug=slug, pk=pk)


@login_required
@require_POST
def add_budget(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau sets a partner's budget for a measure in a year."""
    focus_area, measure = _measure_for_bureau(request, slug, pk)
    form = forms.BudgetForm(request.POST, focus_area=focus_area)
    if form.is_valid() and _save(
        form,
        lambda data: services.set_measure_budget(
            measure,
            data["organisation"],
            data["year"],
            _units(CommitmentKind.MONEY, data["amount"]),
            acting_user=request.user,
        ),
    ):
        messages.success(request, _("The budget is saved."))
    else:
        _report_errors(request, form)
    return redirect("programme:measure", slug=slug, pk=pk)


@login_required
@require_POST
def add_stop_rule(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau records the evaluation criterion of a measure."""
    _focus_area, measure = _measure_for_bureau(request, slug, pk)
    form = forms.StopRuleForm(request.POST)
    if form.is_valid() and _save(
        form,
        lambda data: services.add_stop_rule(measure, **data, acting_user=request.user),
    ):
        messages.success(request, _("The stop rule is saved."))
    else:
        _report_errors(request, form)
    return redirect("programme:measure", slug=slug, pk=pk)


@login_required
@require_POST
def record_observation(
    request: HttpRequest, slug: str, pk: int, rule_pk: int
) -> HttpResponse:
    """The bureau records what was measured for a stop rule."""
    _focus_area, measure = _measure_for_bureau(request, slug, pk)
    rule = StopRule.objects.filter(measure=measure, pk=rule_pk).first()
    if rule is None:
        raise Http404
    form = forms.ObservationForm(request.POST)
    if form.is_valid():
        services.record_observation(rule, **form.cleaned_data, acting_user=request.user)
        messages.success(request, _("The measurement is saved."))
    else:
        _report_errors(request, form)
    return redirect("programme:measure", slug=slug, pk=pk)


@login_required
def commitments(request: HttpRequest, slug: str) -> HttpResponse:
    """Promised against delivered for every partner, with the means behind it."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    today = _today()
    rows = list(selectors.commitments_of(focus_area))
    return render(
        request,
        "programme/commitments.html",
        {
            "focus_area": focus_area,
            "balances": selectors.balances_of(focus_area, up_to_year=today.year - 1),
            "commitments": [
                (c, may_act_for(request.user, focus_area, c.organisation_id))
                for c in rows
            ],
            "today": today,
            "due_year": today.year - 1,
            "can_edit": may(request.user, focus_area, Need.BUREAU),
            "delivery_form": forms.DeliveryForm(initial={"delivered_on": today}),
        },
    )


@login_required
def partner_commitments(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One partner: what it promised against what it delivered, and its measures."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    partner = selectors.partner_in(focus_area, pk)
    if partner is None:
        raise Http404
    today = _today()
    may_report = may_act_for(request.user, focus_area, partner.pk)
    return render(
        request,
        "programme/partner.html",
        {
            "focus_area": focus_area,
            "partner": partner,
            "balances": selectors.balances_of_partner(
                focus_area, partner, up_to_year=today.year - 1
            ),
            "commitments": [
                (c, may_report)
                for c in selectors.commitments_of(focus_area).filter(
                    organisation=partner
                )
            ],
            "measures": selectors.measures_of(focus_area).filter(owner=partner),
            "deliveries": selectors.deliveries_of_partner(focus_area, partner),
            "may_report": may_report,
            "today": today,
            "due_year": today.year - 1,
            "delivery_form": forms.DeliveryForm(initial={"delivered_on": today}),
            "can_edit": may(request.user, focus_area, Need.BUREAU),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_commitment(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau records a partner's promise."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = forms.CommitmentForm(request.POST or None, focus_area=focus_area)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.add_commitment(
                focus_area,
                organisation=data["organisation"],
                year=data["year"],
                kind=data["kind"],
                promised=_units(data["kind"], data["promised"]),
                description=data["description"],
                goal=data["goal"],
                measure=data["measure"],
                acting_user=request.user,
            ),
        )
    ):
        messages.success(request, _("The commitment is saved."))
        return redirect("programme:commitments", slug=slug)
    return _form_page(
        request,
        focus_area,
        form,
        _("Add a commitment"),
        back=f"/focusgebieden/{slug}/programma/toezeggingen/",
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_commitment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau corrects a partner's promise."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    commitment = Commitment.objects.filter(focus_area=focus_area, pk=pk).first()
    if commitment is None:
        raise Http404
    promised = Decimal(commitment.promised)
    if commitment.kind == CommitmentKind.MONEY:
        promised = promised / 100
    form = forms.CommitmentEditForm(
        request.POST or None,
        focus_area=focus_area,
        initial={
            "year": commitment.year,
            "kind": commitment.kind,
            "promised": promised,
            "description": commitment.description,
            "goal": commitment.goal_id,
            "measure": commitment.measure_id,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.update_commitment(
                commitment,
                year=data["year"],
                kind=data["kind"],
                promised=_units(data["kind"], data["promised"]),
                description=data["description"],
                goal=data["goal"],
                measure=data["measure"],
                acting_user=request.user,
            ),
        )
    ):
        messages.success(request, _("The commitment is saved."))
        return redirect("programme:partner", slug=slug, pk=commitment.organisation_id)
    return _form_page(
        request,
        focus_area,
        form,
        _("Change the commitment of %(partner)s")
        % {"partner": commitment.organisation.name},
        back=f"/focusgebieden/{slug}/programma/toezeggingen/",
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove_commitment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau removes a commitment after a page that says what goes with it."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    commitment = (
        Commitment.objects.select_related("organisation")
        .filter(focus_area=focus_area, pk=pk)
        .first()
    )
    if commitment is None:
        raise Http404
    if request.method == "POST":
        services.remove_commitment(commitment, acting_user=request.user)
        messages.success(request, _("The commitment is removed."))
        return redirect("programme:partner", slug=slug, pk=commitment.organisation_id)
    return render(
        request,
        "programme/commitment_remove.html",
        {
            "focus_area": focus_area,
            "commitment": commitment,
            "deliveries": commitment.deliveries.order_by("delivered_on", "pk"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def correct_delivery(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A partner (or the bureau) corrects a delivery it reported."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    delivery = selectors.delivery_in(focus_area, pk)
    if delivery is None:
        raise Http404
    commitment = delivery.commitment
    if not may_act_for(request.user, focus_area, commitment.organisation_id):
        raise Http404
    amount = Decimal(delivery.amount)
    if commitment.kind == CommitmentKind.MONEY:
        amount = amount / 100
    form = forms.DeliveryCorrectionForm(
        request.POST or None,
        initial={
            "amount": amount,
            "delivered_on": delivery.delivered_on,
            "note": delivery.note,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.correct_delivery(
                delivery,
                amount=_units(commitment.kind, data["amount"]),
                delivered_on=data["delivered_on"],
                note=data["note"],
                acting_user=request.user,
            ),
        )
    ):
        messages.success(request, _("The delivery is corrected."))
        return redirect("programme:partner", slug=slug, pk=commitment.organisation_id)
    return _form_page(
        request,
        focus_area,
        form,
        _("Correct a delivery of %(partner)s")
        % {"partner": commitment.organisation.name},
        back=reverse("programme:partner", args=[slug, commitment.organisation_id]),
    )


@login_required
@require_POST
def report_delivery(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A partner (or the bureau) reports what was delivered on a commitment."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    commitment = Commitment.objects.filter(focus_area=focus_area, pk=pk).first()
    if commitment is None:
        raise Http404
    if not may_act_for(request.user, focus_area, commitment.organisation_id):
        raise PermissionDenied
    form = forms.DeliveryForm(request.POST)
    if form.is_valid() and _save(
        form,
        lambda data: services.report_delivery(
            commitment,
            amount=_units(commitment.kind, data["amount"]),
            delivered_on=data["delivered_on"],
            note=data["note"],
            client_key=data["client_key"],
            acting_user=request.user,
        ),
    ):
        messages.success(request, _("The delivery is saved."))
    else:
        _report_errors(request, form)
    return _back_in_area(request, slug, "programme:commitments")


@login_required
def alliance(request: HttpRequest, slug: str) -> HttpResponse:
    """The alliance: members with their mandate, meetings and homework."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    today = _today()
    homework = list(selectors.homework_of(focus_area))
    return render(
        request,
        "programme/alliance.html",
        {
            "focus_area": focus_area,
            "members": selectors.alliance_members_of(focus_area),
            "meetings": selectors.meetings_of(focus_area),
            "overdue": [item for item in homework if item.is_overdue(today)],
            "homework": [
                (item, may_act_for(request.user, focus_area, item.organisation_id))
                for item in homework
            ],
            "today": today,
            "can_edit": may(request.user, focus_area, Need.BUREAU),
        },
    )


@login_required
def meeting_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One meeting: agenda, decisions and the homework it gave out."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    meeting = selectors.meeting_in(focus_area, pk)
    if meeting is None:
        raise Http404
    can_edit = may(request.user, focus_area, Need.BUREAU)
    return render(
        request,
        "programme/meeting.html",
        {
            "focus_area": focus_area,
            "meeting": meeting,
            "today": _today(),
            "homework": [
                (item, may_act_for(request.user, focus_area, item.organisation_id))
                for item in meeting.homework.all()
            ],
            "can_edit": can_edit,
            "decision_form": forms.DecisionForm() if can_edit else None,
            "homework_form": forms.HomeworkForm(focus_area=focus_area)
            if can_edit
            else None,
            "blockage_items": [
                (
                    item,
                    breakthrough_forms.MeetingDecisionForm(
                        auto_id=f"id_case{item.pk}_%s"
                    )
                    if can_edit
                    else None,
                )
                for item in breakthrough_selectors.agenda_of(meeting)
            ],
            "open_escalations": breakthrough_selectors.open_escalations_in(
                focus_area
            ).count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_meeting(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau schedules an alliance meeting."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = services.schedule_meeting(
            focus_area, **form.cleaned_data, acting_user=request.user
        )
        messages.success(request, _("The meeting is saved."))
        return redirect("programme:meeting", slug=slug, pk=meeting.pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Add a meeting"),
        back=f"/focusgebieden/{slug}/programma/alliantie/",
    )


def _meeting_for_bureau(request: HttpRequest, slug: str, pk: int) -> Any:
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    meeting = selectors.meeting_in(focus_area, pk)
    if meeting is None:
        raise Http404
    return focus_area, meeting


@login_required
@require_POST
def add_decision(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau writes down a decision of a meeting."""
    _focus_area, meeting = _meeting_for_bureau(request, slug, pk)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        services.record_decision(meeting, **form.cleaned_data, acting_user=request.user)
        messages.success(request, _("The decision is saved."))
    else:
        _report_errors(request, form)
    return redirect("programme:meeting", slug=slug, pk=pk)


@login_required
@require_POST
def add_homework(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau gives a partner a task from a meeting."""
    focus_area, meeting = _meeting_for_bureau(request, slug, pk)
    form = forms.HomeworkForm(request.POST, focus_area=focus_area)
    if form.is_valid() and _save(
        form,
        lambda data: services.assign_homework(
            focus_area, **data, meeting=meeting, acting_user=request.user
        ),
    ):
        messages.success(request, _("The task is saved."))
    else:
        _report_errors(request, form)
    return redirect("programme:meeting", slug=slug, pk=pk)


@login_required
@require_POST
def complete_homework(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A partner marks its own task done (the bureau any task)."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    item = HomeworkItem.objects.filter(focus_area=focus_area, pk=pk).first()
    if item is None:
        raise Http404
    if not may_act_for(request.user, focus_area, item.organisation_id):
        raise PermissionDenied
    services.complete_homework(item, done_on=_today(), acting_user=request.user)
    messages.success(request, _("The task is marked as done."))
    return _back_in_area(request, slug, "programme:alliance")


@login_required
def national(request: HttpRequest) -> HttpResponse:
    """National staff: programmes side by side, counts and sums only."""
    if not is_national_viewer(request.user):
        raise PermissionDenied
    return render(
        request,
        "programme/national.html",
        {
            "rows": selectors.national_programme_overview(_today()),
            "minimums": [
                (
                    m,
                    selectors.indicator_name(m.indicator_key),
                    selectors.indicator_unit(m.indicator_key),
                )
                for m in selectors.minimum_goals()
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_minimum_goal(request: HttpRequest) -> HttpResponse:
    """National staff set a minimum goal for every area."""
    if not is_national_viewer(request.user):
        raise PermissionDenied
    form = forms.MinimumGoalForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.set_national_minimum_goal(
                **data, acting_user=request.user
            ),
        )
    ):
        messages.success(request, _("The national minimum goal is saved."))
        return redirect("programme:national")
    return _form_page(
        request,
        None,
        form,
        _("Set a national minimum goal"),
        back="/landelijk/programma/",
    )
