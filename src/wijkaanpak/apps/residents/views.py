# SPDX-License-Identifier: EUPL-1.2
"""Pages of contracts and budgets: public pages for residents, edit pages for
those who write them. Parse, call a selector or service, render."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.apps.accounts.access import (
    Need,
    access_focus_area,
    may,
    may_review_contract_item,
    may_write_for_residents,
)
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.residents import forms, selectors, services
from wijkaanpak.apps.residents.models import (
    Application,
    NeighbourhoodContract,
    ResidentsBudget,
)


def _cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def _euros(cents: int) -> Decimal:
    return Decimal(cents) / 100


def _readable_area(request: HttpRequest, slug: str) -> FocusArea:
    """Open areas for everyone; a closed area for its members only."""
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return focus_area


def _writing_area(request: HttpRequest, slug: str) -> FocusArea:
    """The area, for those who write for residents; the same 404 for everyone else."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    if not may_write_for_residents(request.user, focus_area):
        raise Http404
    return focus_area


def _add_errors(form: Any, error: ValidationError) -> None:
    """Put a service's refusal on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _save(form: Any, action: Any) -> bool:
    """Run a service with the form's data; put its refusal on the form."""
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        _add_errors(form, error)
        return False
    return True


def _form_page(
    request: HttpRequest, focus_area: FocusArea, form: Any, title: str, *, back: str
) -> HttpResponse:
    return render(
        request,
        "programme/form.html",
        {"focus_area": focus_area, "form": form, "title": title, "back": back},
        status=400 if form.errors else 200,
    )


# Neighbourhood contracts.


def contracts(request: HttpRequest, slug: str) -> HttpResponse:
    """The area's contracts: signed ones for everyone, drafts for members."""
    focus_area = _readable_area(request, slug)
    with_drafts = may(request.user, focus_area, Need.MEMBER)
    return render(
        request,
        "residents/contracts.html",
        {
            "focus_area": focus_area,
            "contracts": selectors.contracts_in(focus_area, with_drafts=with_drafts),
            "can_write": may_write_for_residents(request.user, focus_area),
        },
    )


def _contract(request: HttpRequest, focus_area: FocusArea, pk: int) -> Any:
    with_drafts = may(request.user, focus_area, Need.MEMBER)
    contract = selectors.contract_in(focus_area, pk, with_drafts=with_drafts)
    if contract is None:
        raise Http404
    return contract


def contract_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One contract: who does what and when, and afterwards whether it was done."""
    focus_area = _readable_area(request, slug)
    contract = _contract(request, focus_area, pk)
    can_write = not contract.is_signed and may_write_for_residents(
        request.user, focus_area
    )
    return render(
        request,
        "residents/contract.html",
        {
            "focus_area": focus_area,
            "contract": contract,
            "items": [
                (
                    item,
                    contract.is_signed
                    and request.user.is_authenticated
                    and may_review_contract_item(request.user, item),
                )
                for item in contract.items.all()
            ],
            "counts": selectors.review_counts(contract),
            "can_write": can_write,
            "can_sign": not contract.is_signed
            and may(request.user, focus_area, Need.BUREAU),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_contract(request: HttpRequest, slug: str) -> HttpResponse:
    """Residents (through their organisation) or the bureau start a contract."""
    focus_area = _writing_area(request, slug)
    form = forms.ContractForm(
        request.POST or None,
        focus_area=focus_area,
        initial={"year": timezone.localdate().year},
    )
    created: list[NeighbourhoodContract] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: created.append(
                services.draft_contract(focus_area, **data, acting_user=request.user)
            ),
        )
    ):
        messages.success(request, _("The contract is started. Add the agreements."))
        return redirect("residents:contract", slug=slug, pk=created[0].pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Start a neighbourhood contract"),
        back=reverse("residents:contracts", args=[slug]),
    )


def _draft_for_writer(request: HttpRequest, slug: str, pk: int) -> Any:
    focus_area = _writing_area(request, slug)
    contract = selectors.contract_in(focus_area, pk, with_drafts=True)
    if contract is None or contract.is_signed:
        raise Http404
    return focus_area, contract


@login_required
@require_http_methods(["GET", "POST"])
def edit_contract(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Rewrite the introduction of a draft."""
    focus_area, contract = _draft_for_writer(request, slug, pk)
    form = forms.IntroductionForm(
        request.POST or None, initial={"introduction": contract.introduction}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.update_contract(
                contract, **data, acting_user=request.user
            ),
        )
    ):
        messages.success(request, _("The contract is saved."))
        return redirect("residents:contract", slug=slug, pk=pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Change the introduction"),
        back=reverse("residents:contract", args=[slug, pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_item(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Add an agreement to a draft."""
    focus_area, contract = _draft_for_writer(request, slug, pk)
    form = forms.ContractItemForm(request.POST or None, focus_area=focus_area)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.add_contract_item(
                contract, **data, acting_user=request.user
            ),
        )
    ):
        messages.success(request, _("The agreement is added."))
        return redirect("residents:contract", slug=slug, pk=pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Add an agreement"),
        back=reverse("residents:contract", args=[slug, pk]),
    )


def _item_for_writer(request: HttpRequest, slug: str, pk: int, item_pk: int) -> Any:
    focus_area, contract = _draft_for_writer(request, slug, pk)
    item = selectors.item_in(contract, item_pk)
    if item is None:
        raise Http404
    return focus_area, contract, item


@login_required
@require_http_methods(["GET", "POST"])
def edit_item(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """Rewrite an agreement of a draft."""
    focus_area, _contract_row, item = _item_for_writer(request, slug, pk, item_pk)
    form = forms.ContractItemForm(
        request.POST or None,
        focus_area=focus_area,
        initial={
            "party": item.party,
            "residents_group": item.residents_group,
            "organisation": item.organisation_id,
            "what": item.what,
            "when": item.when,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.update_contract_item(
                item, **data, acting_user=request.user
            ),
        )
    ):
        messages.success(request, _("The agreement is saved."))
        return redirect("residents:contract", slug=slug, pk=pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Change an agreement"),
        back=reverse("residents:contract", args=[slug, pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove_item(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """Take an agreement out of a draft, after a page that asks to be sure."""
    focus_area, _contract_row, item = _item_for_writer(request, slug, pk, item_pk)
    if request.method == "POST":
        try:
            services.remove_contract_item(item, acting_user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The agreement is removed."))
        return redirect("residents:contract", slug=slug, pk=pk)
    return render(
        request,
        "residents/confirm.html",
        {
            "focus_area": focus_area,
            "title": _("Remove an agreement"),
            "question": _("Do you want to remove this agreement from the contract?"),
            "quote": f"{item.who}: {item.what} ({item.when})",
            "button": _("Yes, remove the agreement"),
            "back": reverse("residents:contract", args=[slug, pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sign_contract(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau signs a draft; from then on only reviews change."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    contract = selectors.contract_in(focus_area, pk, with_drafts=True)
    if contract is None or contract.is_signed:
        raise Http404
    form = forms.SignForm(
        request.POST or None, initial={"signed_on": timezone.localdate()}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.sign_contract(
                contract, **data, acting_user=request.user
            ),
        )
    ):
        messages.success(request, _("The contract is signed."))
        return redirect("residents:contract", slug=slug, pk=pk)
    return render(
        request,
        "residents/sign.html",
        {"focus_area": focus_area, "contract": contract, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_item(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """Say whether an agreement was kept: the bureau, or the party itself."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    contract = selectors.contract_in(focus_area, pk, with_drafts=False)
    item = selectors.item_in(contract, item_pk) if contract is not None else None
    if item is None or not may_review_contract_item(request.user, item):
        raise Http404
    form = forms.ReviewForm(
        request.POST or None,
        initial={"review": item.review, "note": item.review_note},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.review_contract_item(
                item,
                review=data["review"],
                note=data["note"],
                reviewed_on=timezone.localdate(),
                acting_user=request.user,
            ),
        )
    ):
        messages.success(request, _("The review is saved."))
        return redirect("residents:contract", slug=slug, pk=pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Review: %(what)s") % {"what": item.what[:80]},
        back=reverse("residents:contract", args=[slug, pk]),
    )


# Residents' budgets.


def budgets(request: HttpRequest, slug: str) -> HttpResponse:
    """The residents' budgets of the area, with money granted and left."""
    focus_area = _readable_area(request, slug)
    return render(
        request,
        "residents/budgets.html",
        {
            "focus_area": focus_area,
            "budgets": selectors.budgets_in(focus_area),
            "can_edit": may(request.user, focus_area, Need.BUREAU),
        },
    )


def _budget(focus_area: FocusArea, pk: int) -> ResidentsBudget:
    budget = selectors.budget_in(focus_area, pk)
    if budget is None:
        raise Http404
    return budget


def budget_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One budget: criteria, granted against budget, decisions and results."""
    focus_area = _readable_area(request, slug)
    budget = _budget(focus_area, pk)
    can_handle = may_write_for_residents(request.user, focus_area)
    granted = int(budget.granted)  # type: ignore[attr-defined]
    return render(
        request,
        "residents/budget.html",
        {
            "focus_area": focus_area,
            "budget": budget,
            "granted": granted,
            "left": budget.amount_cents - granted,
            "granted_share": round(100 * granted / budget.amount_cents),
            "decided": selectors.public_applications_of(budget),
            "waiting": selectors.applications_of(budget).filter(
                status=Application.Status.SUBMITTED
            )
            if can_handle
            else None,
            "can_handle": can_handle,
            "can_edit": may(request.user, focus_area, Need.BUREAU),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_budget(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau sets up a residents' budget with the agreed criteria."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = forms.BudgetForm(
        request.POST or None,
        focus_area=focus_area,
        initial={"year": timezone.localdate().year},
    )
    created: list[ResidentsBudget] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: created.append(
                services.create_budget(
                    focus_area,
                    neighbourhood=data["neighbourhood"],
                    year=data["year"],
                    amount_cents=_cents(data["amount"]),
                    criteria=data["criteria"],
                    introduction=data["introduction"],
                    acting_user=request.user,
                )
            ),
        )
    ):
        messages.success(request, _("The residents' budget is saved."))
        return redirect("residents:budget", slug=slug, pk=created[0].pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Set up a residents' budget"),
        back=reverse("residents:budgets", args=[slug]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_budget(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau changes the amount, the criteria or whether the budget is open."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    budget = _budget(focus_area, pk)
    form = forms.BudgetEditForm(
        request.POST or None,
        focus_area=focus_area,
        initial={
            "amount": _euros(budget.amount_cents),
            "criteria": "\n".join(c.text for c in budget.criteria.all()),
            "introduction": budget.introduction,
            "is_open": budget.is_open,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            form,
            lambda data: services.update_budget(
                budget,
                amount_cents=_cents(data["amount"]),
                criteria=data["criteria"],
                introduction=data["introduction"],
                is_open=data["is_open"],
                acting_user=request.user,
            ),
        )
    ):
        messages.success(request, _("The residents' budget is saved."))
        return redirect("residents:budget", slug=slug, pk=pk)
    return _form_page(
        request,
        focus_area,
        form,
        _("Change the residents' budget"),
        back=reverse("residents:budget", args=[slug, pk]),
    )


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The public application form; no account needed, a resend adds nothing."""
    focus_area = _readable_area(request, slug)
    budget = _budget(focus_area, pk)
    context = {"focus_area": focus_area, "budget": budget}
    if request.method != "POST":
        form = forms.ApplicationForm(
            budget=budget, initial={"submission_key": secrets.token_urlsafe(24)}
        )
        return render(request, "residents/apply.html", {**context, "form": form})
    form = forms.ApplicationForm(request.POST, budget=budget)
    if form.is_valid():
        data = form.cleaned_data
        try:
            application, _created = services.submit_application(
                budget,
                title=data["title"],
                description=data["description"],
                amount_cents=_cents(data["amount"]),
                criteria=list(data["criteria"]),
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                submission_key=data["submission_key"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you. We have received your application. Keep this page."),
            )
            return redirect("residents:track", token=application.tracking_token)
    return render(
        request, "residents/apply.html", {**context, "form": form}, status=400
    )


@never_cache
def track(request: HttpRequest, token: str) -> HttpResponse:
    """The applicants' own page: where their application stands."""
    application = selectors.application_by_token(token)
    if application is None:
        raise Http404
    return render(request, "residents/track.html", {"application": application})


def _application_for_handler(
    request: HttpRequest, slug: str, pk: int, application_pk: int
) -> Any:
    focus_area = _writing_area(request, slug)
    budget = _budget(focus_area, pk)
    application = selectors.application_in(budget, application_pk)
    if application is None:
        raise Http404
    return focus_area, budget, application


@login_required
def application_page(
    request: HttpRequest, slug: str, pk: int, application_pk: int
) -> HttpResponse:
    """One application: the bureau decides; residents and the bureau report the result."""
    focus_area, budget, application = _application_for_handler(
        request, slug, pk, application_pk
    )
    is_bureau = may(request.user, focus_area, Need.BUREAU)
    return render(
        request,
        "residents/application.html",
        {
            "focus_area": focus_area,
            "budget": budget,
            "application": application,
            "show_contact": is_bureau,
            "decision_form": forms.DecisionForm(
                initial={"decided_on": timezone.localdate(), "decided_by": "committee"}
            )
            if is_bureau and application.status == Application.Status.SUBMITTED
            else None,
            "result_form": forms.ResultForm(
                initial={
                    "result": application.result,
                    "participants": application.participants,
                }
            )
            if application.status == Application.Status.APPROVED
            else None,
        },
    )


def _report_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@login_required
@require_POST
def decide(
    request: HttpRequest, slug: str, pk: int, application_pk: int
) -> HttpResponse:
    """The bureau records a decision, its own or a residents' committee's."""
    focus_area, _budget_row, application = _application_for_handler(
        request, slug, pk, application_pk
    )
    if not may(request.user, focus_area, Need.BUREAU):
        raise Http404
    form = forms.DecisionForm(request.POST)
    if form.is_valid() and _save(
        form,
        lambda data: services.decide_application(
            application,
            approve=data["decision"] == Application.Status.APPROVED,
            reason=data["reason"],
            decided_by=data["decided_by"],
            decided_on=data["decided_on"],
            granted_cents=_cents(data["granted"]) if data["granted"] else None,
            acting_user=request.user,
        ),
    ):
        messages.success(request, _("The decision is saved."))
    else:
        _report_errors(request, form)
    return redirect(
        "residents:application", slug=slug, pk=pk, application_pk=application_pk
    )


@login_required
@require_POST
def report_result(
    request: HttpRequest, slug: str, pk: int, application_pk: int
) -> HttpResponse:
    """Residents or the bureau tell what the initiative achieved."""
    _focus_area, _budget_row, application = _application_for_handler(
        request, slug, pk, application_pk
    )
    form = forms.ResultForm(request.POST)
    if form.is_valid() and _save(
        form,
        lambda data: services.report_result(
            application,
            result=data["result"],
            participants=data["participants"],
            result_on=timezone.localdate(),
            acting_user=request.user,
        ),
    ):
        messages.success(request, _("The result is saved."))
    else:
        _report_errors(request, form)
    return redirect(
        "residents:application", slug=slug, pk=pk, application_pk=application_pk
    )
