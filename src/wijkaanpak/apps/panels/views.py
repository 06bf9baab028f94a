# SPDX-License-Identifier: EUPL-1.2
"""Pages of citizens' panels: public report, registration, the bureau's steps.

Codes travel in POST bodies only, never in addresses, so they do not end up
in server logs or browser histories.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.adapters.letters import LetterText
from wijkaanpak.adapters.sortition_csv import format_features, format_people
from wijkaanpak.apps.accounts.access import Need, access_focus_area, may
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.panels import selectors, services
from wijkaanpak.apps.panels.forms import (
    CodeForm,
    InvitationForm,
    ProcessForm,
    QuotasForm,
    RegistrationForm,
    ReplacementForm,
    SeedForm,
)
from wijkaanpak.apps.panels.models import PanelProcess, Status, Volunteer
from wijkaanpak.core.panels.codes import is_valid_code


def _public_area(request: HttpRequest, slug: str) -> FocusArea:
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return focus_area


def _public_process(request: HttpRequest, slug: str, pk: int) -> PanelProcess:
    """A process residents may see: any but a draft, which is the bureau's."""
    focus_area = _public_area(request, slug)
    process = selectors.process_in(focus_area, pk)
    if process is None or process.status == Status.DRAFT:
        raise Http404
    return process


def _bureau_process(request: HttpRequest, slug: str, pk: int) -> PanelProcess:
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    process = selectors.process_in(focus_area, pk)
    if process is None:
        raise Http404
    return process


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _flash_error(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _verify_command(process: PanelProcess) -> str:
    panel = ",".join(process.panel)
    return (
        f'wijk loting verify --distribution verdeling.json --seed "{process.seed}" '
        f"--panel {panel}"
    )


def process_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The citizens' panels of an area that residents can follow."""
    focus_area = _public_area(request, slug)
    processes = selectors.processes_in(focus_area).exclude(status=Status.DRAFT)
    return render(
        request,
        "panels/list.html",
        {
            "focus_area": focus_area,
            "processes": processes,
            "is_bureau": may(request.user, focus_area, Need.BUREAU),
        },
    )


def report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The public draw report: inputs, fingerprint, seed, result, spread of chances."""
    process = _public_process(request, slug, pk)
    return render(
        request,
        "panels/report.html",
        {
            "focus_area": process.focus_area,
            "process": process,
            "counts": selectors.counts_of(process),
            "summary": selectors.probability_summary(process),
            "panel": services.current_panel(process),
            "rounds": process.replacement_rounds.all(),
            "verify_command": _verify_command(process) if process.panel else "",
            "code_form": CodeForm(),
        },
    )


def distribution_json(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The published distribution, the file ``wijk loting verify`` reads."""
    process = _public_process(request, slug, pk)
    if not process.distribution:
        raise Http404
    response = HttpResponse(
        json.dumps(process.distribution, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="verdeling.json"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Stage 2: sign up with the code from the letter; no account needed."""
    process = _public_process(request, slug, pk)
    features = selectors.features_of(process)
    context: dict[str, Any] = {"focus_area": process.focus_area, "process": process}
    if request.method != "POST":
        form = RegistrationForm(features=features)
        return render(request, "panels/register.html", {**context, "form": form})
    form = RegistrationForm(request.POST, features=features)
    if form.is_valid():
        data = form.cleaned_data
        try:
            volunteer, created = services.register_volunteer(
                process,
                services.Registration(
                    code=data["code"],
                    features=form.features(),
                    postcode=data["postcode"],
                    house_number=data["house_number"],
                    addition=data.get("addition", ""),
                    contact_name=data["contact_name"],
                    contact=data["contact"],
                ),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return render(
                request,
                "panels/registered.html",
                {**context, "volunteer": volunteer, "created": created},
            )
    return render(request, "panels/register.html", {**context, "form": form})


@never_cache
@require_POST
def my_chance(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A volunteer sees their own selection probability, by their code."""
    process = _public_process(request, slug, pk)
    form = CodeForm(request.POST)
    volunteer: Volunteer | None = None
    if form.is_valid():
        code = form.cleaned_data["code"]
        if not is_valid_code(code):
            form.add_error("code", _("This code is not right. Check your letter."))
        else:
            volunteer = (
                process.volunteers.filter(
                    invitation__code_hash=services.hash_code(code)
                )
                .select_related("invitation")
                .first()
            )
            if volunteer is None:
                form.add_error(
                    "code", _("No volunteer signed up with this code for this panel.")
                )
    context: dict[str, Any] = {
        "focus_area": process.focus_area,
        "process": process,
        "form": form,
    }
    if volunteer is not None:
        distribution = selectors.distribution_of(process)
        panel = services.current_panel(process)
        probability = (
            distribution.probability(volunteer.number) if distribution else None
        )
        context.update(
            volunteer=volunteer,
            probability=probability,
            percent=100 * probability if probability is not None else None,
            selected=volunteer.number in panel,
            drawn=bool(process.panel),
        )
    return render(request, "panels/my_chance.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def manage_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau's processes of the area, and a form to start one."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = ProcessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        process = services.create_process(
            focus_area, **form.cleaned_data, acting_user=request.user
        )
        return redirect("panels:manage", slug=slug, pk=process.pk)
    return render(
        request,
        "panels/manage_list.html",
        {
            "focus_area": focus_area,
            "processes": selectors.processes_in(focus_area),
            "form": form,
        },
    )


def _manage_context(process: PanelProcess, **forms: Any) -> dict[str, Any]:
    panel = services.current_panel(process)
    return {
        "focus_area": process.focus_area,
        "process": process,
        "quotas": process.quotas.all(),
        "counts": selectors.counts_of(process),
        "volunteers": selectors.pool_of(process),
        "invitations": process.invitations.count(),
        "summary": selectors.probability_summary(process),
        "panel": panel,
        "rounds": process.replacement_rounds.all(),
        "quotas_form": forms.get("quotas_form") or QuotasForm(),
        "invitation_form": forms.get("invitation_form") or InvitationForm(),
        "seed_form": forms.get("seed_form") or SeedForm(),
        "replacement_form": forms.get("replacement_form")
        or ReplacementForm(panel=panel),
    }


@login_required
def manage(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau's page of one process: every step in order."""
    process = _bureau_process(request, slug, pk)
    return render(request, "panels/manage.html", _manage_context(process))


@login_required
@require_POST
def set_quotas(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Import quotas from a features CSV (sortition-algorithms layout)."""
    process = _bureau_process(request, slug, pk)
    form = QuotasForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.set_quotas(
                process, form.cleaned_data["features"], acting_user=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The quotas are saved."))
            return redirect("panels:manage", slug=slug, pk=pk)
    return render(
        request,
        "panels/manage.html",
        _manage_context(process, quotas_form=form),
        status=400,
    )


@login_required
@require_POST
def invite(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Stage 1: draw the addresses and download the letters, once."""
    process = _bureau_process(request, slug, pk)
    form = InvitationForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        url = request.build_absolute_uri(
            reverse("panels:register", kwargs={"slug": slug, "pk": pk})
        )
        try:
            files = services.draw_invitations(
                process,
                addresses_csv=data["addresses"],
                letters=data["letters"],
                seed=data["seed"],
                letter_text=LetterText(
                    url=url,
                    sender=_("Programme bureau %(area)s")
                    % {"area": process.focus_area.name},
                    area=process.focus_area.name,
                    deadline=data.get("deadline", ""),
                    contact=data.get("contact", ""),
                ),
                acting_user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            response = HttpResponse(files.zip_bytes, content_type="application/zip")
            response["Content-Disposition"] = (
                f'attachment; filename="brieven-{process.pk}.zip"'
            )
            return response
    return render(
        request,
        "panels/manage.html",
        _manage_context(process, invitation_form=form),
        status=400,
    )


@login_required
def quota_check(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Which quotas conflict with the current pool, and by how much to relax them."""
    process = _bureau_process(request, slug, pk)
    # Before enough volunteers have signed up there is no panel to check.
    enough = selectors.pool_of(process).count() >= process.panel_size
    return render(
        request,
        "panels/quota_check.html",
        {
            "focus_area": process.focus_area,
            "process": process,
            "check": selectors.quota_check_of(process) if enough else None,
            "counts": selectors.counts_of(process),
        },
    )


def _step(
    request: HttpRequest, slug: str, pk: int, action: Any, success: str
) -> HttpResponse:
    process = _bureau_process(request, slug, pk)
    try:
        action(process)
    except ValidationError as error:
        _flash_error(request, error)
    else:
        messages.success(request, success)
    return redirect("panels:manage", slug=slug, pk=pk)


@login_required
@require_POST
def publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Publish the distribution; registration closes."""
    return _step(
        request,
        slug,
        pk,
        lambda process: services.publish_distribution(
            process, acting_user=request.user
        ),
        _("The distribution is published. Now announce the seed in public."),
    )


@login_required
@require_POST
def enter_seed(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record the seed drawn in public."""
    form = SeedForm(request.POST)
    seed = form.data.get("seed", "")
    return _step(
        request,
        slug,
        pk,
        lambda process: services.enter_seed(process, seed, acting_user=request.user),
        _("The seed is saved."),
    )


@login_required
@require_POST
def draw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Draw the panel from the published distribution and the seed."""
    return _step(
        request,
        slug,
        pk,
        lambda process: services.draw(process, acting_user=request.user),
        _("The panel is drawn."),
    )


@login_required
@require_POST
def replace(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Draw replacements for members who dropped out."""
    process = _bureau_process(request, slug, pk)
    form = ReplacementForm(request.POST, panel=services.current_panel(process))
    if form.is_valid():
        try:
            services.replace_members(
                process,
                list(form.cleaned_data["dropped"]),
                form.cleaned_data["seed"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The replacements are drawn."))
            return redirect("panels:manage", slug=slug, pk=pk)
    return render(
        request,
        "panels/manage.html",
        _manage_context(process, replacement_form=form),
        status=400,
    )


@login_required
@require_POST
def close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Close the process; the retention period starts."""
    return _step(
        request,
        slug,
        pk,
        lambda process: services.close_process(process, acting_user=request.user),
        _("The process is closed."),
    )


@login_required
@require_POST
def erase(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Erase addresses and contact lines now, before the retention period ends."""
    return _step(
        request,
        slug,
        pk,
        lambda process: services.erase_personal_data(process, acting_user=request.user),
        _("The personal data are erased."),
    )


def _csv(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export_people(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The pool in the sortition-algorithms people layout: numbers and features."""
    process = _bureau_process(request, slug, pk)
    # The pool as it is, also while it is still too small to seat a panel.
    features = list(selectors.features_of(process))
    return _csv(format_people(selectors.people_of(process), features), "people.csv")


@login_required
def export_features(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The quotas in the sortition-algorithms features layout."""
    process = _bureau_process(request, slug, pk)
    return _csv(format_features(selectors.core_quotas_of(process)), "features.csv")
