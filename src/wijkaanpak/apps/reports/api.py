# SPDX-License-Identifier: EUPL-1.2
"""Open311 GeoReport v2 at ``/open311/v2/``: existing reporting apps work unchanged.

The format is the specification's, not our ``/api/v1`` style: the file
extension chooses JSON or XML, errors are lists of ``code`` and
``description``, and a submission is a form-encoded POST with an ``api_key``.
Each view parses, calls one selector or service, and renders through
:mod:`wijkaanpak.adapters.open311`, whose types have no place for contact data.
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from wijkaanpak.adapters import open311
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.reports import limits, selectors, services
from wijkaanpak.apps.reports.models import OPEN_STATUSES, Category, Report

#: The most requests one list answer holds (the specification's default cap).
MAX_REQUESTS = 1000
#: Without dates, a list covers this many days back (as the specification says).
DEFAULT_DAYS = 90
_ROOTS = {
    "services": ("services", "service"),
    "requests": ("service_requests", "request"),
    "errors": ("errors", "error"),
}
_CHANGESET = datetime(2026, 11, 23, tzinfo=timezone.get_fixed_timezone(60))


def _respond(document: Any, fmt: str, kind: str, status: int = 200) -> HttpResponse:
    if fmt == "xml":
        if kind in _ROOTS:
            root, item = _ROOTS[kind]
            body = open311.to_xml(root, item, document)
        else:
            body = open311.to_xml(kind, None, document)
        return HttpResponse(body, content_type="text/xml; charset=utf-8", status=status)
    return HttpResponse(
        json.dumps(document, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
        status=status,
    )


def _error(error: open311.Open311Error, fmt: str) -> HttpResponse:
    return _respond(open311.errors_document([error]), fmt, "errors", error.code)


def _jurisdiction(slug: str) -> FocusArea:
    """The public focus area asked for; alone, it needs not be named."""
    areas = FocusArea.objects.published()
    if slug:
        area = areas.filter(slug=slug).first()
        if area is None:
            raise open311.Open311Error(404, "jurisdiction_id is not known here.")
        return area
    found = list(areas[:2])
    if len(found) != 1:
        raise open311.Open311Error(400, "jurisdiction_id is required.")
    return found[0]


def _service(category: Category) -> open311.Service:
    return open311.Service(
        code=category.code,
        name=category.name,
        description=category.description,
        group=category.group,
        jurisdiction_id=category.focus_area.slug,
    )


def _notice(category: Category) -> str:
    if category.target_time is None:
        return ""
    return f"Target: {category.target_time} {category.get_target_unit_display()}."


def _request(report: Report) -> open311.ServiceRequest:
    problem = report.problem
    category = report.category
    expected = None
    if problem.deadline is not None:
        expected = timezone.make_aware(datetime.combine(problem.deadline, time(17)))
    return open311.ServiceRequest(
        id=str(report.pk),
        status="open" if problem.status in OPEN_STATUSES else "closed",
        status_notes=problem.public_note,
        service_code=category.code,
        service_name=category.name,
        description=report.description,
        agency_responsible=category.partner.name if category.partner else "",
        service_notice=_notice(category),
        requested=report.created_at,
        updated=max(problem.status_changed_at, report.created_at),
        expected=expected,
        address=report.address,
        latitude=report.latitude,
        longitude=report.longitude,
    )


def _reports(area: FocusArea) -> QuerySet[Report]:
    return Report.objects.filter(focus_area=area).select_related(
        "problem", "category", "category__partner"
    )


@require_GET
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    """Where the endpoint is and what it speaks."""
    base = request.build_absolute_uri("/open311/v2").rstrip("/")
    document = open311.discovery_document(
        base, contact="Wijkaanpak programme bureau", changeset=_CHANGESET
    )
    return _respond(document, fmt, "discovery")


@require_GET
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    """The categories residents can report in."""
    try:
        area = _jurisdiction(request.GET.get("jurisdiction_id", ""))
    except open311.Open311Error as error:
        return _error(error, fmt)
    categories = selectors.categories_of(area).select_related("focus_area")
    return _respond(
        open311.services_document(_service(c) for c in categories), fmt, "services"
    )


@require_GET
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """A category's definition; ours ask no extra attributes."""
    try:
        area = _jurisdiction(request.GET.get("jurisdiction_id", ""))
        category = (
            selectors.categories_of(area)
            .select_related("focus_area")
            .filter(code=code)
            .first()
        )
        if category is None:
            raise open311.Open311Error(404, "service_code is not known here.")
    except open311.Open311Error as error:
        return _error(error, fmt)
    return _respond(
        open311.service_definition_document(_service(category)),
        fmt,
        "service_definition",
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    """GET lists requests; POST submits one with an ``api_key``."""
    try:
        if request.method == "POST":
            return _submit(request, fmt)
        return _list(request, fmt)
    except open311.Open311Error as error:
        return _error(error, fmt)


def _list(request: HttpRequest, fmt: str) -> HttpResponse:
    params = request.GET
    area = _jurisdiction(params.get("jurisdiction_id", ""))
    reports = _reports(area)
    if ids := params.get("service_request_id", "").strip():
        wanted = [part.strip() for part in ids.split(",") if part.strip()]
        if not all(part.isdigit() for part in wanted):
            raise open311.Open311Error(400, "service_request_id holds numbers only.")
        reports = reports.filter(pk__in=[int(part) for part in wanted])
    else:
        if codes := params.get("service_code", "").strip():
            reports = reports.filter(
                category__code__in=[code.strip() for code in codes.split(",")]
            )
        end = (
            open311.parse_w3c_datetime(params["end_date"])
            if params.get("end_date")
            else timezone.now()
        )
        start = (
            open311.parse_w3c_datetime(params["start_date"])
            if params.get("start_date")
            else end - timedelta(days=DEFAULT_DAYS)
        )
        if start > end:
            raise open311.Open311Error(400, "start_date lies after end_date.")
        reports = reports.filter(created_at__gte=start, created_at__lte=end)
        statuses = {s.strip() for s in params.get("status", "").split(",") if s.strip()}
        if statuses - {"open", "closed"}:
            raise open311.Open311Error(400, "status is open, closed or both.")
        if statuses == {"open"}:
            reports = reports.filter(problem__status__in=OPEN_STATUSES)
        elif statuses == {"closed"}:
            reports = reports.exclude(problem__status__in=OPEN_STATUSES)
    found = reports.order_by("-created_at", "-id")[:MAX_REQUESTS]
    return _respond(
        open311.requests_document(_request(r) for r in found), fmt, "requests"
    )


def _submit(request: HttpRequest, fmt: str) -> HttpResponse:
    key = selectors.api_key_for(request.POST.get("api_key", ""))
    if key is None:
        raise open311.Open311Error(403, "api_key is missing or not valid.")
    submission = open311.parse_submission(
        {name: request.POST.get(name, "") for name in request.POST}
    )
    area = key.focus_area
    if submission.jurisdiction_id and submission.jurisdiction_id != area.slug:
        raise open311.Open311Error(403, "This api_key is not for that jurisdiction_id.")
    category = (
        selectors.categories_of(area).filter(code=submission.service_code).first()
    )
    if category is None:
        raise open311.Open311Error(404, "service_code is not known here.")
    submission_key = (
        request.headers.get("Idempotency-Key", "")
        or request.POST.get("submission_key", "")
    ).strip()[:64]
    wait = limits.wait_for("open311", str(key.pk))
    if wait and not selectors.known_submissions(area, "open311", [submission_key]):
        response = _error(open311.Open311Error(429, limits.too_many_message(wait)), fmt)
        response["Retry-After"] = str(wait)
        return response
    name = f"{submission.first_name} {submission.last_name}".strip()
    try:
        report, _created = services.register_report(
            area,
            services.ReportInput(
                category=category,
                description=submission.description,
                latitude=submission.latitude,
                longitude=submission.longitude,
                address=submission.address,
                contact=services.Contact(
                    name=name,
                    email=submission.email,
                    phone=submission.phone,
                    email_updates=bool(submission.email),
                ),
            ),
            channel="open311",
            submission_key=submission_key,
            api_key=key,
            acting_user=None,
        )
    except ValidationError as error:
        raise open311.Open311Error(400, " ".join(error.messages)) from None
    return _respond(
        open311.submitted_document(
            str(report.pk), report.open311_token, _notice(category)
        ),
        fmt,
        "requests",
        status=201,
    )


@require_GET
def request_detail(request: HttpRequest, request_id: int, fmt: str) -> HttpResponse:
    """One request by its id, as a list of one."""
    try:
        area = _jurisdiction(request.GET.get("jurisdiction_id", ""))
        report = _reports(area).filter(pk=request_id).first()
        if report is None:
            raise open311.Open311Error(404, "service_request_id is not known here.")
    except open311.Open311Error as error:
        return _error(error, fmt)
    return _respond(open311.requests_document([_request(report)]), fmt, "requests")


@require_GET
def token_detail(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """The request id a submission token stands for."""
    report = (
        Report.objects.filter(open311_token=token).only("pk", "open311_token").first()
    )
    if report is None:
        return _error(open311.Open311Error(404, "token is not known here."), fmt)
    return _respond(
        open311.tokens_document(report.open311_token, str(report.pk)), fmt, "requests"
    )
