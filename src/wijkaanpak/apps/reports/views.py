# SPDX-License-Identifier: EUPL-1.2
"""Pages of residents' reports: the public form, tracking, map, back office, evenings."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.apps.accounts import selectors as people
from wijkaanpak.apps.accounts.access import (
    Need,
    access_focus_area,
    access_problem,
    may,
    may_see_contact_data,
)
from wijkaanpak.apps.areas import selectors as area_selectors
from wijkaanpak.apps.breakthroughs import selectors as breakthrough_selectors
from wijkaanpak.apps.reports import limits, selectors, services
from wijkaanpak.apps.reports.forms import (
    AssignForm,
    EveningForm,
    FixAnswerForm,
    JoinForm,
    PartnerLinkForm,
    PartnerOutcomeForm,
    ReportForm,
    StatusForm,
)
from wijkaanpak.apps.reports.models import (
    Channel,
    IrritationEvening,
    Problem,
    Report,
    Status,
)
from wijkaanpak.core.reports import status as flow

#: Problems per page of the public list and the back office.
PAGE_SIZE = 50
#: Points drawn on the public map at most (the newest).
MAP_LIMIT = 2000
#: The public list shows figures at most this old; computing them reads every
#: problem and report of the area, too much for each view of a busy map. The
#: figures page computes them fresh.
PUBLIC_FIGURES_SECONDS = 60


def _public_area(request: HttpRequest, slug: str) -> Any:
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return focus_area


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _report_input(form: ReportForm, request: HttpRequest) -> services.ReportInput:
    data = form.cleaned_data
    return services.ReportInput(
        category=data["category"],
        description=data["description"],
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        address=data.get("address", ""),
        photo=request.FILES.get("photo"),
        contact=services.Contact(
            name=data.get("name", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            email_updates=bool(data.get("email_updates")),
        ),
    )


def _map_points(problems: QuerySet[Problem]) -> list[dict[str, Any]]:
    """Points for the map: place, category and status, nothing about people."""
    # Plain rows: building two thousand model instances cost more than the query.
    labels = {value: str(label) for value, label in Status.choices}
    rows = problems.filter(latitude__isnull=False).values_list(
        "pk", "latitude", "longitude", "category__name", "status"
    )[:MAP_LIMIT]
    return [
        {
            "id": pk,
            "lat": round(latitude, 5),
            "lon": round(longitude, 5),
            "category": category,
            "status": labels.get(status, status),
        }
        for pk, latitude, longitude, category, status in rows
    ]


def _intake(
    request: HttpRequest, focus_area: Any, *, channel: str, template: str
) -> HttpResponse:
    """The report form, shared by residents and staff."""
    categories = selectors.categories_of(focus_area)
    context = {
        "focus_area": focus_area,
        "area_geojson": area_selectors.feature_collection(
            area_selectors.neighbourhoods_in(focus_area)
        ),
    }
    if request.method != "POST":
        form = ReportForm(categories=categories)
        return render(request, template, {**context, "form": form})
    key = request.POST.get("submission_key", "").strip()[:64]
    resent = selectors.report_by_submission_key(focus_area, channel, key)
    if resent is not None:
        # A form sent twice (a double click, a reload) leads to the report
        # it made, not to a suggestion to join its own problem.
        return _after_intake(request, resent, channel)
    if channel == Channel.WEB:
        wait = limits.wait_for("web", request.META.get("REMOTE_ADDR", ""))
        if wait:
            form = ReportForm(request.POST, request.FILES, categories=categories)
            form.add_error(None, limits.too_many_message(wait))
            response = render(request, template, {**context, "form": form}, status=429)
            response["Retry-After"] = str(wait)
            return response
    probe = ReportForm(request.POST, request.FILES, categories=categories)
    duplicates: list[tuple[Problem, int]] = []
    if probe.is_valid() or "category" in probe.cleaned_data:
        data = probe.cleaned_data
        if data.get("category") is not None:
            duplicates = selectors.duplicates_for(
                focus_area,
                data["category"],
                data.get("latitude"),
                data.get("longitude"),
            )
    form = ReportForm(
        request.POST, request.FILES, categories=categories, duplicates=duplicates
    )
    if form.is_valid():
        join_choice = form.cleaned_data.get("join") or "new"
        join = next(
            (problem for problem, _m in duplicates if str(problem.pk) == join_choice),
            None,
        )
        try:
            report, _created = services.register_report(
                focus_area,
                _report_input(form, request),
                channel=channel,
                submission_key=form.cleaned_data.get("submission_key", ""),
                join=join,
                acting_user=request.user if request.user.is_authenticated else None,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return _after_intake(request, report, channel)
    return render(
        request,
        template,
        {**context, "form": form, "duplicates": duplicates},
        status=400 if form.errors else 200,
    )


def _after_intake(request: HttpRequest, report: Report, channel: str) -> HttpResponse:
    if channel == Channel.STAFF:
        messages.success(request, _("The report is saved."))
        return redirect(
            "reports:problem", slug=report.focus_area.slug, pk=report.problem_id
        )
    messages.success(
        request,
        _("Thank you. We have received your report. Keep this page to follow it."),
    )
    return redirect("reports:track", token=report.tracking_token)


@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest, slug: str) -> HttpResponse:
    """The public report form with a map pin; no account needed."""
    focus_area = _public_area(request, slug)
    return _intake(
        request, focus_area, channel=Channel.WEB, template="reports/report_form.html"
    )


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest, token: str) -> HttpResponse:
    """The reporter's own page: where the problem stands, and "is it really fixed?"."""
    report = selectors.report_by_tracking_token(token)
    if report is None:
        raise Http404
    problem = report.problem
    form = FixAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_fix_question(
                report,
                is_fixed=form.cleaned_data["is_fixed"],
                comment=form.cleaned_data.get("comment", ""),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Thank you for your answer."))
            return redirect("reports:track", token=token)
    response = render(
        request,
        "reports/track.html",
        {
            "report": report,
            "problem": problem,
            "history": problem.history.order_by("at", "id"),
            "form": form,
            "ask": problem.status == Status.FIX_CLAIMED,
            "may_reopen": problem.status in {Status.FIX_VERIFIED, Status.CLOSED},
        },
    )
    # The address is the reporter's key; keep it out of other sites' logs.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def public_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The public map and list of problems: no names, no contact data."""
    focus_area = _public_area(request, slug)
    problems = selectors.public_problems_in(focus_area)
    page = Paginator(problems, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "reports/public_list.html",
        {
            "focus_area": focus_area,
            "page": page,
            "points": _map_points(problems),
            "figures": cache.get_or_set(
                f"reports:public-figures:{focus_area.pk}",
                lambda: selectors.figures_for(focus_area),
                PUBLIC_FIGURES_SECONDS,
            ),
        },
    )


def figures_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The figures of fixing the visible, for the area and per neighbourhood."""
    focus_area = _public_area(request, slug)
    rows = [
        (neighbourhood, selectors.figures_for(focus_area, neighbourhood=neighbourhood))
        for neighbourhood in focus_area.neighbourhoods.order_by("code")
    ]
    return render(
        request,
        "reports/figures.html",
        {
            "focus_area": focus_area,
            "figures": selectors.figures_for(focus_area),
            "rows": rows,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def partner_return(request: HttpRequest, token: str) -> HttpResponse:
    """A partner without an account reports the result, once."""
    link = services.partner_link_for(token)
    if link is None:
        return render(request, "reports/partner_void.html", status=404)
    form = PartnerOutcomeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_partner_outcome(
                token,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data.get("note", ""),
                photo=request.FILES.get("photo"),
            )
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied:
            return render(request, "reports/partner_void.html", status=404)
        else:
            return render(request, "reports/partner_thanks.html", {"link": link})
    response = render(
        request, "reports/partner_return.html", {"link": link, "form": form}
    )
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def handling_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The back office: every problem of the area, filtered by status or category."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    status = request.GET.get("status", "open")
    category = request.GET.get("categorie", "")
    problems = selectors.problems_for_handling(
        focus_area, status=status, category=category
    )
    page = Paginator(problems, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "reports/handling_list.html",
        {
            "focus_area": focus_area,
            "page": page,
            "status": status,
            "category": category,
            "statuses": Status.choices,
            "categories": selectors.categories_of(focus_area),
            "late": selectors.late_problems(focus_area).count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_report(request: HttpRequest, slug: str) -> HttpResponse:
    """Staff enter a report taken by telephone or at the counter."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return _intake(
        request, focus_area, channel=Channel.STAFF, template="reports/staff_form.html"
    )


def _problem_forms(
    request: HttpRequest, problem: Problem, data: Any = None, files: Any = None
) -> dict[str, Any]:
    allowed = [s.value for s in flow.allowed_next(flow.Status(problem.status))]
    return {
        "status_form": StatusForm(data, files, allowed=allowed),
        "assign_form": AssignForm(data, people=people.people_in(problem.focus_area)),
        "link_form": PartnerLinkForm(
            data, initial={"email": problem.category.partner_email}
        ),
        "join_form": JoinForm(data),
    }


@login_required
@require_http_methods(["GET", "POST"])
def problem_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One problem: its reports, history, return links and what to do next."""
    problem = access_problem(request.user, slug, pk, need=Need.MEMBER)
    action = request.POST.get("action", "")
    forms = _problem_forms(request, problem)
    if request.method == "POST":
        forms = _problem_forms(request, problem, request.POST, request.FILES)
        done = _act(request, problem, action, forms)
        if done is not None:
            return done
    detail = selectors.problem_detail(problem)
    return render(
        request,
        "reports/problem.html",
        {
            "focus_area": problem.focus_area,
            "problem": problem,
            **detail,
            **forms,
            "show_contact": may_see_contact_data(request.user, problem),
            "is_bureau": may(request.user, problem.focus_area, Need.BUREAU),
            "duplicates": selectors.duplicates_for(
                problem.focus_area,
                problem.category,
                problem.latitude,
                problem.longitude,
                exclude=problem.pk,
            ),
            "action": action,
            "blockage_case": breakthrough_selectors.case_for_problem(problem),
        },
        status=400 if request.method == "POST" else 200,
    )


def _act(
    request: HttpRequest, problem: Problem, action: str, forms: dict[str, Any]
) -> HttpResponse | None:
    """Carry out one back-office action; None when the form has errors."""
    forms_by_action = {
        "status": "status_form",
        "assign": "assign_form",
        "link": "link_form",
        "join": "join_form",
    }
    if action == "erase":
        report = Report.objects.filter(
            pk=request.POST.get("report"), problem=problem
        ).first()
        if report is None:
            raise Http404
        try:
            services.erase_contact_data(report, acting_user=request.user)
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("The contact data are erased."))
        return redirect("reports:problem", slug=problem.focus_area.slug, pk=problem.pk)
    if action not in forms_by_action:
        raise Http404
    form = forms[forms_by_action[action]]
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        if action == "status":
            services.change_status(
                problem,
                data["status"],
                note=data.get("note", ""),
                verification_method=data.get("verification_method", ""),
                photo=request.FILES.get("photo"),
                acting_user=request.user,
            )
            messages.success(
                request, _("The status is changed. Every reporter is told.")
            )
        elif action == "assign":
            services.assign_problem(problem, data["handler"], acting_user=request.user)
            messages.success(request, _("The problem has a handler."))
        elif action == "link":
            services.send_partner_link(
                problem, email=data["email"], acting_user=request.user
            )
            messages.success(request, _("The return link is sent to the partner."))
        elif action == "join":
            report = Report.objects.filter(pk=data["report"], problem=problem).first()
            target = Problem.objects.filter(
                pk=data["problem"], focus_area=problem.focus_area
            ).first()
            if report is None or target is None:
                raise ValidationError(_("That problem does not exist in this area."))
            services.join_report(report, target, acting_user=request.user)
            messages.success(request, _("The report is joined; its reporter is told."))
            return redirect(
                "reports:problem", slug=problem.focus_area.slug, pk=target.pk
            )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        _add_errors(form, error)
        return None
    return redirect("reports:problem", slug=problem.focus_area.slug, pk=problem.pk)


@login_required
def report_photo(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """A report's photo, for members of the area only (photos are never public)."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    report = Report.objects.filter(pk=pk, focus_area=focus_area).first()
    if report is None or not report.photo:
        raise Http404
    response = FileResponse(report.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def evenings(request: HttpRequest, slug: str) -> HttpResponse:
    """The irritation evenings of an area, and a form to plan one."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    form = EveningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        evening = services.hold_irritation_evening(
            focus_area, acting_user=request.user, **form.cleaned_data
        )
        return redirect("reports:evening", slug=slug, pk=evening.pk)
    return render(
        request,
        "reports/evenings.html",
        {
            "focus_area": focus_area,
            "evenings": selectors.evenings_of(focus_area),
            "form": form,
        },
    )


def _evening(request: HttpRequest, slug: str, pk: int) -> IrritationEvening:
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    evening = IrritationEvening.objects.filter(pk=pk, focus_area=focus_area).first()
    if evening is None:
        raise Http404
    return evening


@login_required
def evening_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One evening: its intake list."""
    evening = _evening(request, slug, pk)
    return render(
        request,
        "reports/evening.html",
        {
            "focus_area": evening.focus_area,
            "evening": evening,
            "reports": selectors.evening_intake(evening),
        },
    )


@login_required
def evening_tablet(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The tablet page: works without network and sends its queue when back."""
    evening = _evening(request, slug, pk)
    categories = selectors.categories_of(evening.focus_area)
    return render(
        request,
        "reports/tablet.html",
        {
            "focus_area": evening.focus_area,
            "evening": evening,
            "categories": categories,
        },
    )


def tablet_worker(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The tablet page's service worker, served beside the page it keeps.

    A worker may only look after pages at or below its own address, so it is
    served here rather than from the static files. It holds no data: the same
    script for every evening, and no login needed to fetch it.
    """
    response = render(
        request, "reports/tablet-worker.js", content_type="text/javascript"
    )
    response["Cache-Control"] = "no-cache"
    return response


@login_required
@require_POST
def evening_sync(request: HttpRequest, slug: str, pk: int) -> JsonResponse:
    """Receive a tablet's queue; each item is saved once by its key."""
    evening = _evening(request, slug, pk)
    try:
        payload = json.loads(request.body.decode("utf-8"))
        items = payload["items"]
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return JsonResponse({"error": _("Send a list of items as JSON.")}, status=400)
    if len(items) > 500:
        return JsonResponse({"error": _("Send at most 500 items at once.")}, status=400)
    wait = limits.wait_for("tablet", str(request.user.pk))
    if wait:
        # A queue sent again after a lost answer is still answered.
        keys = {str(item.get("key", "")).strip()[:64] for item in items}
        if not keys <= selectors.known_submissions(
            evening.focus_area, Channel.EVENING, keys
        ):
            response = JsonResponse(
                {"error": limits.too_many_message(wait), "retry_after": wait},
                status=429,
            )
            response["Retry-After"] = str(wait)
            return response
    results = services.sync_evening_queue(evening, items, acting_user=request.user)
    return JsonResponse(
        {
            "results": [
                {
                    "key": result.key,
                    "outcome": result.outcome,
                    "report": result.report,
                    "errors": list(result.errors),
                }
                for result in results
            ]
        }
    )


@login_required
def evening_account(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The printable account for the next evening: every earlier report and its fate."""
    evening = _evening(request, slug, pk)
    return render(
        request,
        "reports/evening_account.html",
        {
            "focus_area": evening.focus_area,
            "evening": evening,
            "reports": selectors.account_for_next_evening(
                evening.focus_area, evening.held_on
            ),
        },
    )
