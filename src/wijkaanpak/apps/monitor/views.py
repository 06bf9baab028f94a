# SPDX-License-Identifier: EUPL-1.2
"""Pages of the monitor: area monitor, reports, national dashboard, impact, open data.

Parse, call a selector or service, render. Who may see what:

- the area monitor and its drill-down: members of the area;
- the residents' progress report (HTML and PDF): everyone, for an open area;
- the partners' report and the impact analysis: the alliance and the bureau;
  writing benefit assumptions: the bureau;
- the national dashboard: national staff, aggregates only;
- the open data: everyone, open areas only, no personal data.
"""

from __future__ import annotations

import csv
import datetime
import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.adapters.charts import Series, line_chart
from wijkaanpak.adapters.pdf import html_to_pdf
from wijkaanpak.apps.accounts.access import (
    Need,
    access_focus_area,
    is_national_viewer,
    may,
)
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.monitor import forms, open_data, selectors, services
from wijkaanpak.apps.monitor.models import BenefitAssumption
from wijkaanpak.apps.monitor.progress import progress_report, status_label
from wijkaanpak.apps.programme.models import Measure
from wijkaanpak.apps.programme.selectors import (
    balances_of,
    organisations_for_commitments,
)
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.impact import ladder_benefits, present_value


def _today() -> datetime.date:
    return timezone.localdate()


def _readable_area(request: HttpRequest, slug: str) -> FocusArea:
    """Open areas for everyone; a closed area for its members only."""
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return focus_area


@login_required
def area_monitor(request: HttpRequest, slug: str) -> HttpResponse:
    """Every goal against its path, every indicator compared, the process figures."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    monitor = selectors.area_monitor(focus_area, today=_today())
    return render(
        request,
        "monitor/area.html",
        {
            "focus_area": focus_area,
            "monitor": monitor,
            "status_rows": [
                (progress, status_label(progress.status.status))
                for progress in monitor.goals
            ],
            "is_alliance": may(request.user, focus_area, Need.ALLIANCE),
        },
    )


@login_required
def indicator(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """From the index to the raw figures per neighbourhood, small numbers hidden."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    found = selectors.drill_down(focus_area, key)
    if found is None:
        raise Http404
    return render(
        request,
        "monitor/indicator.html",
        {"focus_area": focus_area, "drill": found, "chart": _drill_chart(found)},
    )


def _drill_chart(drill: selectors.DrillDown) -> str:
    comparison = drill.comparison
    years = comparison.years
    if not years:
        return ""
    return line_chart(
        [str(year) for year in years],
        [
            Series(_("Focus area"), tuple(comparison.area.get(y) for y in years)),
            Series(_("City"), tuple(comparison.city.get(y) for y in years)),
            Series(_("Country"), tuple(comparison.country.get(y) for y in years)),
        ],
        title=comparison.name,
        description=_(
            "The figure per year in the focus area, the city and the country. "
            "The table gives the same figures."
        ),
        unit=comparison.unit,
        chart_id="drill-chart",
    )


def _progress_context(focus_area: FocusArea, *, as_pdf: bool) -> dict[str, Any]:
    return {
        "focus_area": focus_area,
        "report": progress_report(focus_area, today=_today()),
        "as_pdf": as_pdf,
    }


def progress(request: HttpRequest, slug: str) -> HttpResponse:
    """The residents' progress report: short, plain, with charts and the map."""
    focus_area = _readable_area(request, slug)
    return render(
        request,
        "monitor/progress.html",
        _progress_context(focus_area, as_pdf=False),
    )


def progress_report_pdf(focus_area: FocusArea) -> bytes:
    """The progress report for residents as PDF, from the same content as the page."""
    html = render_to_string(
        "monitor/progress_print.html", _progress_context(focus_area, as_pdf=True)
    )
    return html_to_pdf(html)


def progress_report_html(focus_area: FocusArea) -> str:
    """The progress report for residents as one HTML file (for ``wijk rapport``)."""
    return render_to_string(
        "monitor/progress_print.html", _progress_context(focus_area, as_pdf=False)
    )


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def progress_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The residents' progress report as PDF."""
    focus_area = _readable_area(request, slug)
    return _pdf_response(progress_report_pdf(focus_area), f"voortgang-{slug}.pdf")


def _partner_context(focus_area: FocusArea, *, as_pdf: bool) -> dict[str, Any]:
    today = _today()
    report = progress_report(focus_area, today=today)
    total, measures = selectors.impact_of_programme(
        focus_area, rate=selectors.discount_rate_setting()
    )
    return {
        "focus_area": focus_area,
        "report": report,
        "monitor": report.monitor,
        "status_rows": [
            (progress, status_label(progress.status.status))
            for progress in report.monitor.goals
        ],
        "balances": balances_of(focus_area, up_to_year=today.year - 1),
        "impact": total,
        "measure_impacts": measures,
        "as_pdf": as_pdf,
    }


@login_required
def partner_report(request: HttpRequest, slug: str) -> HttpResponse:
    """The fuller report for alliance partners."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    return render(
        request, "monitor/partners.html", _partner_context(focus_area, as_pdf=False)
    )


@login_required
def partner_report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The partners' report as PDF."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    html = render_to_string(
        "monitor/partners_print.html", _partner_context(focus_area, as_pdf=True)
    )
    return _pdf_response(html_to_pdf(html), f"rapportage-{slug}.pdf")


# The national dashboard.


def _require_national(request: HttpRequest) -> None:
    if not is_national_viewer(request.user):
        raise PermissionDenied


class _Numbers:
    """Formats many numbers in the page's locale, reading the separators once.

    The dashboard has a cell per area and indicator; Django's
    ``number_format`` looks the separators up on every call.
    """

    def __init__(self) -> None:
        self.decimal = str(get_format("DECIMAL_SEPARATOR"))
        self.thousands = str(get_format("THOUSAND_SEPARATOR"))

    def __call__(self, value: float | None, decimals: int = 1) -> str:
        if value is None:
            return "\u2013"
        text = f"{value:,.{decimals}f}"
        return (
            text.replace(",", "\x00")
            .replace(".", self.decimal)
            .replace("\x00", self.thousands)
        )


def _dashboard_tables(dashboard: selectors.NationalDashboard) -> dict[str, Any]:
    """The dashboard's cells as text, so the template only places them."""
    number = _Numbers()
    slugs = [area.slug for area in dashboard.areas]
    indicators = [
        {
            "row": row,
            "cells": [
                (number(row.values[slug]), number(row.index[slug], 0))
                if row.index[slug] is not None
                else (number(row.values[slug]), "")
                for slug in slugs
            ],
            "spread": [
                number(row.spread.minimum if row.spread else None),
                number(row.spread.median if row.spread else None),
                number(row.spread.maximum if row.spread else None),
            ],
        }
        for row in dashboard.indicators
    ]
    process = [
        {
            "row": row,
            "cells": [
                "<10" if row.suppressed.get(slug) else number(row.values.get(slug))
                for slug in slugs
            ],
            "national": "<10" if row.national_suppressed else number(row.national),
            "spread": [
                number(row.spread.minimum if row.spread else None),
                number(row.spread.median if row.spread else None),
                number(row.spread.maximum if row.spread else None),
            ],
        }
        for row in dashboard.process
    ]
    lessons = [
        (name, area, number(index, 0)) for name, area, index in dashboard.lessons
    ]
    return {
        "indicator_rows": indicators,
        "process_rows": process,
        "lessons": lessons,
        "minimum_charts": [
            _spread_chart(row, number) for row in dashboard.indicators if row.minimum
        ],
    }


def _spread_chart(row: selectors.IndicatorRow, number: _Numbers) -> dict[str, Any]:
    """The lowest, median and highest area per year: the film of a minimum goal."""
    years = sorted(row.spread_by_year)
    spreads = [row.spread_by_year[year] for year in years]
    svg = line_chart(
        [str(year) for year in years],
        [
            Series(_("Highest area"), tuple(s.maximum for s in spreads)),
            Series(_("Median"), tuple(s.median for s in spreads)),
            Series(_("Lowest area"), tuple(s.minimum for s in spreads)),
        ],
        title=row.name,
        description=_(
            "Per year the lowest, the median and the highest focus area. "
            "The table gives the same figures."
        ),
        unit=row.unit,
        chart_id=f"spread-{row.key}",
    )
    return {
        "row": row,
        "svg": svg,
        "table": [
            (year, number(s.minimum), number(s.median), number(s.maximum), s.count)
            for year, s in zip(years, spreads, strict=True)
        ],
    }


@login_required
def national(request: HttpRequest) -> HttpResponse:
    """All focus areas side by side: values, change since the start, spread."""
    _require_national(request)
    dashboard = selectors.national_dashboard(today=_today())
    return render(
        request,
        "monitor/national.html",
        {"dashboard": dashboard, **_dashboard_tables(dashboard)},
    )


@login_required
def national_csv(request: HttpRequest) -> HttpResponse:
    """The national dashboard as CSV: one row per area and figure, then the spread."""
    _require_national(request)
    dashboard = selectors.national_dashboard(today=_today())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="landelijk-dashboard.csv"'
    writer = csv.writer(response)
    writer.writerow(open_data.DASHBOARD_COLUMNS)
    writer.writerows(open_data.dashboard_rows(dashboard))
    return response


# The impact analysis.


def _rate(request: HttpRequest) -> tuple[forms.RateForm, Any]:
    form = forms.RateForm(request.GET or None)
    try:
        rate = form.rate_or(selectors.discount_rate_setting())
    except WijkaanpakError:
        rate = selectors.discount_rate_setting()
    return form, rate


@login_required
def impact(request: HttpRequest, slug: str) -> HttpResponse:
    """The programme's cost-benefit analysis, each measure's, and the ladder."""
    focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
    rate_form, rate = _rate(request)
    total, measures = selectors.impact_of_programme(focus_area, rate=rate)
    ladder = forms.LadderForm(
        request.GET if "moves" in request.GET else None,
        initial={"first_year": _today().year},
    )
    ladder_result = None
    if ladder.is_bound and ladder.is_valid():
        arguments = ladder.calculation()
        benefits = ladder_benefits(
            arguments["moves"],
            arguments["values"],
            first_year=arguments["first_year"],
            years=arguments["years"],
            retention=arguments["retention"],
        )
        moves = arguments["moves"]
        ladder_result = {
            "benefits": benefits,
            "up": sum(n for (a, b), n in moves if b > a),
            "down": sum(n for (a, b), n in moves if b < a),
            "present_value": present_value(
                ((b.year, b.amount) for b in benefits),
                base_year=arguments["first_year"],
                rate=rate,
            ),
        }
    return render(
        request,
        "monitor/impact.html",
        {
            "focus_area": focus_area,
            "rate": rate,
            "rate_form": rate_form,
            "total": total,
            "measures": measures,
            "without_benefits": sum(not item.assumptions for item in measures),
            "ladder": ladder,
            "ladder_result": ladder_result,
        },
    )


def _measure(focus_area: FocusArea, pk: int) -> Measure:
    measure = (
        Measure.objects.filter(focus_area=focus_area, pk=pk)
        .select_related("focus_area", "owner")
        .first()
    )
    if measure is None:
        raise Http404
    return measure


@login_required
@require_http_methods(["GET", "POST"])
def measure_impact(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One measure's analysis; the bureau adds benefit assumptions here."""
    need = Need.BUREAU if request.method == "POST" else Need.ALLIANCE
    focus_area = access_focus_area(request.user, slug, need=need)
    measure = _measure(focus_area, pk)
    form = forms.BenefitAssumptionForm(
        request.POST or None, initial={"first_year": measure.start_year, "years": 5}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_benefit_assumption(
                measure,
                beneficiary=data["beneficiary"],
                label=data["label"],
                value_per_unit_cents=form.cents(),
                units_per_year=data["units_per_year"],
                first_year=data["first_year"],
                years=data["years"],
                source=data["source"],
                acting_user=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The benefit is added."))
            return redirect("monitor:measure_impact", slug=slug, pk=pk)
    rate_form, rate = _rate(request)
    return render(
        request,
        "monitor/measure_impact.html",
        {
            "focus_area": focus_area,
            "impact": selectors.impact_of_measure(measure, rate=rate),
            "rate": rate,
            "rate_form": rate_form,
            "form": form,
            "may_edit": may(request.user, focus_area, Need.BUREAU),
            "parties": sorted(
                {b.organisation.name for b in measure.budgets.all()}
                | set(
                    organisations_for_commitments(focus_area).values_list(
                        "name", flat=True
                    )
                )
            ),
        },
    )


@login_required
@require_POST
def remove_assumption(
    request: HttpRequest, slug: str, pk: int, item: int
) -> HttpResponse:
    """The bureau takes back a benefit assumption."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    measure = _measure(focus_area, pk)
    assumption = BenefitAssumption.objects.filter(measure=measure, pk=item).first()
    if assumption is None:
        raise Http404
    services.remove_benefit_assumption(assumption, acting_user=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The benefit is removed."))
    return redirect("monitor:measure_impact", slug=slug, pk=pk)


# Open data.


def open_data_page(request: HttpRequest) -> HttpResponse:
    """What can be downloaded, in which formats, under which licence."""
    return render(
        request,
        "monitor/open_data.html",
        {"areas": open_data.public_areas()},
    )


def open_data_csv(request: HttpRequest) -> HttpResponse:
    """The indicator values of every open focus area per year, as CSV."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wijkaanpak-cijfers.csv"'
    writer = csv.writer(response)
    writer.writerow(open_data.FIGURE_COLUMNS)
    writer.writerows(open_data.figure_rows())
    return response


def open_data_geojson(request: HttpRequest) -> HttpResponse:
    """The open focus areas as GeoJSON, with their latest indicator values."""
    return HttpResponse(
        json.dumps(open_data.focus_areas_geojson(), ensure_ascii=False),
        content_type="application/geo+json",
    )


def open_data_json(request: HttpRequest) -> JsonResponse:
    """Everything without personal data, as one JSON document."""
    return JsonResponse(
        open_data.everything(today=_today()), json_dumps_params={"ensure_ascii": False}
    )
