# SPDX-License-Identifier: EUPL-1.2
"""Pages of the alliance's mirror.

Parse, call a selector or service, render. Scans and profiles are for the
alliance and the programme bureau of the area; national staff see scores per
area and counts of profiles, never anyone's answers.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.adapters.charts import Series, grouped_bar_chart
from wijkaanpak.apps.accounts.access import (
    Need,
    access_focus_area,
    is_national_viewer,
    may,
    may_act_for,
)
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.mirror import forms, selectors, services, texts
from wijkaanpak.apps.mirror.models import Scan, ScanKind
from wijkaanpak.core.mirror import SLIDERS, FactorTrend, next_steps

#: The Dutch address part of each kind of scan.
KIND_PATHS = {
    "gezondheidscheck": ScanKind.HEALTH_CHECK,
    "participatiescan": ScanKind.PARTICIPATION,
}
PATH_OF_KIND = {kind: path for path, kind in KIND_PATHS.items()}


def _today() -> datetime.date:
    return timezone.localdate()


def _kind(kind_path: str) -> str:
    if kind_path not in KIND_PATHS:
        raise Http404
    return KIND_PATHS[kind_path]


def _scan(focus_area: FocusArea, kind_path: str, year: int) -> Scan:
    scan = selectors.scan_in(focus_area, _kind(kind_path), year)
    if scan is None:
        raise Http404
    return scan


def scan_url(scan: Scan, name: str = "scan") -> str:
    """The address of a scan's page (or its form, or its closing)."""
    return reverse(
        f"mirror:{name}",
        kwargs={
            "slug": scan.focus_area.slug,
            "kind": PATH_OF_KIND[scan.kind],
            "year": scan.year,
        },
    )


def _trend_view(trend: tuple[FactorTrend, ...], kind: str) -> dict[str, Any]:
    """The trend as a chart and as the rows of the table beside it."""
    years = [year for year, _score in trend[0].points] if trend else []
    if not years:
        return {"years": [], "rows": [], "chart": ""}
    names = [str(texts.FACTOR_NAMES[item.factor]) for item in trend]
    series = [
        Series(
            str(year),
            tuple(
                None if item.points[i][1] is None else float(item.points[i][1])
                for item in trend
            ),
        )
        for i, year in enumerate(years)
    ]
    chart = grouped_bar_chart(
        names,
        series,
        title=_("Score per factor and year"),
        description=_(
            "Horizontal bars from 0 to 100, one per year for each factor. "
            "The table below gives the same figures."
        ),
        chart_id=f"trend-{kind}",
    )
    return {
        "years": years,
        "rows": [
            (item.factor, [score for _year, score in item.points], item.change)
            for item in trend
        ],
        # Our own SVG code escapes every text it draws.
        "chart": mark_safe(chart),  # noqa: S308
    }


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    """The mirror: every yearly scan, the trend per factor, the profiles."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    today = _today()
    kinds = []
    for kind, label in ScanKind.choices:
        scans = list(selectors.scans_of(focus_area, kind))
        kinds.append(
            {
                "kind": kind,
                "label": label,
                "scans": [(scan, scan_url(scan)) for scan in scans],
                "trend": _trend_view(selectors.trend_of(focus_area, kind, today), kind),
            }
        )
    return render(
        request,
        "mirror/overview.html",
        {
            "focus_area": focus_area,
            "kinds": kinds,
            "open_form": forms.OpenScanForm(initial={"year": today.year}),
            "is_bureau": may(request.user, focus_area, Need.BUREAU),
            "profile_years": selectors.profile_years_of(focus_area),
        },
    )


@login_required
@require_POST
def open_scan(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau opens a scan of a year for the alliance to fill in."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = forms.OpenScanForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Choose a kind of scan and a year from 2000 to 2100.")
        )
        return redirect("mirror:overview", slug=slug)
    scan = services.open_scan(
        focus_area,
        form.cleaned_data["kind"],
        form.cleaned_data["year"],
        acting_user=request.user,  # type: ignore[arg-type]
    )
    return redirect(scan_url(scan))


@login_required
def scan(request: HttpRequest, slug: str, kind: str, year: int) -> HttpResponse:
    """The scan's short report: weakest points, next steps, every factor, the trend."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    found = _scan(focus_area, kind, year)
    today = _today()
    result = selectors.result_of(found, today)
    steps = [(step.factor, texts.step_sentence(step)) for step in next_steps(result)]
    weakest = [
        (
            item.factor,
            item.score,
            [sentence for factor, sentence in steps if factor == item.factor],
        )
        for factor in result.weakest
        for item in result.factors
        if item.factor == factor
    ]
    factors = [
        (
            item,
            [texts.evidence_sentence(evidence) for evidence in item.evidence],
            texts.DIMENSION_HELP.get(item.factor, ""),
        )
        for item in result.factors
    ]
    trend = selectors.trend_of(focus_area, found.kind, today, up_to=found.year)
    return render(
        request,
        "mirror/scan.html",
        {
            "focus_area": focus_area,
            "scan": found,
            "result": result,
            "weakest": weakest,
            "factors": factors,
            "trend": _trend_view(trend, found.kind),
            "fill_in_url": scan_url(found, "fill_in"),
            "close_url": scan_url(found, "close"),
            "is_bureau": may(request.user, focus_area, Need.BUREAU),
            "answered": bool(selectors.answers_of(found, request.user)),  # type: ignore[arg-type]
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def fill_in(request: HttpRequest, slug: str, kind: str, year: int) -> HttpResponse:
    """Each alliance member and bureau member rates the statements for themselves."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    found = _scan(focus_area, kind, year)
    if not found.is_open:
        messages.info(request, _("This scan is closed. Answers can no longer change."))
        return redirect(scan_url(found))
    questions = selectors.QUESTIONS[found.kind]
    if request.method == "POST":
        form = forms.ScanForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                services.save_answers(
                    found,
                    form.cleaned_data,
                    respondent=request.user,  # type: ignore[arg-type]
                    acting_user=request.user,  # type: ignore[arg-type]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you. Your answers are saved."))
                return redirect(scan_url(found))
    else:
        form = forms.ScanForm(
            initial={
                key: str(value)
                for key, value in selectors.answers_of(found, request.user).items()  # type: ignore[arg-type]
            },
            questions=questions,
        )
    return render(
        request,
        "mirror/fill_in.html",
        {
            "focus_area": focus_area,
            "scan": found,
            "form": form,
            "help": texts.DIMENSION_HELP
            if found.kind == ScanKind.PARTICIPATION
            else {},
        },
    )


@login_required
@require_POST
def close(request: HttpRequest, slug: str, kind: str, year: int) -> HttpResponse:
    """The bureau closes the scan; the platform's figures of today are kept with it."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    found = _scan(focus_area, kind, year)
    try:
        services.close_scan(found, on=_today(), acting_user=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The scan is closed. Its figures are kept."))
    return redirect(scan_url(found))


def _slider_rows(profiles: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "key": slider,
            "name": texts.SLIDERS[slider][0],
            "left": texts.SLIDERS[slider][1],
            "right": texts.SLIDERS[slider][2],
            "values": [profile.sliders[slider] for profile in profiles],
        }
        for slider in SLIDERS
    ]


@login_required
def profiles(request: HttpRequest, slug: str) -> HttpResponse:
    """The partners' working styles side by side, for one year."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    today = _today()
    years = selectors.profile_years_of(focus_area)
    try:
        year = int(request.GET.get("jaar", years[0] if years else today.year))
    except ValueError as error:
        raise Http404 from error
    found = list(selectors.style_profiles_of(focus_area, year))
    comparison = selectors.comparison_of(found)
    placements = dict(comparison.placements) if comparison else {}
    partners = [
        (
            profile.organisation.name,
            placements[profile.organisation.name].profile,
            texts.PROFILES[placements[profile.organisation.name].profile],
        )
        for profile in found
    ]
    tensions = [
        (texts.SLIDERS[spread.slider], spread)
        for spread in (comparison.tensions if comparison else ())
    ]
    editable = [
        organisation
        for organisation in selectors.profile_partners_of(focus_area)
        if may_act_for(request.user, focus_area, organisation.pk)
    ]
    return render(
        request,
        "mirror/profiles.html",
        {
            "focus_area": focus_area,
            "year": year,
            "years": sorted(set(years) | {today.year}, reverse=True),
            "profiles": found,
            "partners": partners,
            "slider_rows": _slider_rows(found),
            "tensions": tensions,
            "editable": editable if year == today.year else [],
            "profile_texts": [
                (key, name, what, asks)
                for key, (name, what, asks) in texts.PROFILES.items()
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, slug: str, organisation: int) -> HttpResponse:
    """A partner places its own working style for this year (the bureau for any)."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    partner = selectors.profile_partners_of(focus_area).filter(pk=organisation).first()
    if partner is None:
        raise Http404
    if not may_act_for(request.user, focus_area, partner.pk):
        raise Http404
    year = _today().year
    current = selectors.style_profile_in(focus_area, partner, year)
    if request.method == "POST":
        form = forms.StyleProfileForm(request.POST)
        if form.is_valid():
            try:
                services.save_style_profile(
                    focus_area,
                    partner,
                    year,
                    form.cleaned_data,
                    acting_user=request.user,  # type: ignore[arg-type]
                )
            except (ValidationError, PermissionDenied) as error:
                raise Http404 from error
            messages.success(request, _("The working style is saved."))
            return redirect(
                reverse("mirror:profiles", kwargs={"slug": slug}) + f"?jaar={year}"
            )
    else:
        form = forms.StyleProfileForm(initial=current.sliders if current else None)
    return render(
        request,
        "mirror/profile_form.html",
        {"focus_area": focus_area, "partner": partner, "year": year, "form": form},
    )


@login_required
def national(request: HttpRequest) -> HttpResponse:
    """Scores of every area's latest closed scans and counts of profiles; no answers."""
    if not is_national_viewer(request.user):
        raise PermissionDenied
    overview_data = selectors.national_mirror_overview(_today())
    return render(
        request,
        "mirror/national.html",
        {
            "scans": overview_data["scans"],
            "profiles": [
                (name, overview_data["profiles"].get(key, 0))
                for key, (name, _what, _asks) in texts.PROFILES.items()
            ],
        },
    )
