# SPDX-License-Identifier: EUPL-1.2
"""Endpoints of the monitor: one area's status, and the national aggregate.

The area's monitor is for its members, as the page is; the national
aggregate is for national staff, as the dashboard is. Both carry figures of
areas only: no names of people, no report texts, and counts from 1 to 9
(and what rests on them) as null.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from wijkaanpak.apps.accounts.access import Need, access_focus_area, is_national_viewer
from wijkaanpak.apps.monitor import selectors
from wijkaanpak.apps.monitor.process import ProcessFigure
from wijkaanpak.apps.monitor.progress import status_label
from wijkaanpak.apps.monitor.serializers import (
    AreaMonitorSerializer,
    NationalMonitorSerializer,
)
from wijkaanpak.core.monitor import Spread
from wijkaanpak.core.monitor.disclosure import SMALL_NUMBER


def _spread(spread: Spread | None) -> dict[str, Any] | None:
    if spread is None:
        return None
    return {
        "count": spread.count,
        "minimum": spread.minimum,
        "median": spread.median,
        "maximum": spread.maximum,
        "weakest": spread.weakest,
        "strongest": spread.strongest,
    }


def _basis(count: int | None) -> int | None:
    """A count to publish: null from 1 to 9."""
    if count is None or 0 < count < SMALL_NUMBER:
        return None
    return count


def _process(figure: ProcessFigure) -> dict[str, Any]:
    return {
        "key": figure.key,
        "label": str(figure.label),
        "unit": str(figure.unit),
        "value": figure.value,
        "suppressed": figure.suppressed,
        "basis": _basis(figure.basis),
        "note": str(figure.note),
    }


def area_monitor_data(monitor: selectors.AreaMonitor) -> dict[str, Any]:
    """The area monitor as plain data for the serializer."""
    goals = []
    for progress in monitor.goals:
        goal, status = progress.goal, progress.status
        goals.append(
            {
                "id": goal.pk,
                "title": goal.title,
                "national_goal": goal.national_goal,
                "indicator_key": goal.indicator_key,
                "status": status.status,
                "status_label": status_label(status.status),
                "reason": status.reason,
                "baseline_year": goal.baseline_year,
                "baseline_value": goal.baseline_value,
                "target_year": goal.target_year,
                "target_value": goal.target_value,
                "latest_year": status.latest_year,
                "latest_value": status.latest_value,
                "expected": status.expected,
                "band_low": status.band_low,
                "band_high": status.band_high,
            }
        )
    indicators = []
    for comparison in monitor.comparisons:
        year = comparison.latest[0] if comparison.latest else None
        indicators.append(
            {
                "key": comparison.indicator.key,
                "name": comparison.name,
                "unit": comparison.unit,
                "direction": comparison.indicator.direction,
                "latest_year": year,
                "value": comparison.latest[1] if comparison.latest else None,
                "index": comparison.latest_index,
                "base_year": comparison.base_year,
                "city": comparison.city.get(year) if year is not None else None,
                "country": comparison.country.get(year) if year is not None else None,
                "spread": _spread(comparison.spread),
            }
        )
    return {
        "focus_area": monitor.focus_area.slug,
        "name": monitor.focus_area.name,
        "start_year": monitor.start_year,
        "status_counts": dict(monitor.counts),
        "goals": goals,
        "indicators": indicators,
        "minimum_goals": [
            {
                "indicator_key": item.minimum.indicator_key,
                "title": item.minimum.title,
                "plan_meets": item.plan_meets,
                "realised": item.realised,
                "latest_year": item.latest_year,
            }
            for item in monitor.minimums
        ],
        "process": [_process(figure) for figure in monitor.process],
    }


def national_monitor_data(dashboard: selectors.NationalDashboard) -> dict[str, Any]:
    """The national dashboard as plain data for the serializer."""
    slugs = [area.slug for area in dashboard.areas]
    return {
        "areas": [
            {"slug": a.slug, "name": a.name, "municipality": a.municipality}
            for a in dashboard.areas
        ],
        "indicators": [
            {
                "key": row.key,
                "name": row.name,
                "unit": row.unit,
                "direction": row.direction,
                "national_minimum_goal": row.minimum is not None,
                "year": row.year,
                "areas": [
                    {
                        "focus_area": slug,
                        "value": row.values.get(slug),
                        "index": row.index.get(slug),
                    }
                    for slug in slugs
                ],
                "spread": _spread(row.spread),
                "index_spread": _spread(row.index_spread),
            }
            for row in dashboard.indicators
        ],
        "process": [
            {
                "key": row.key,
                "label": row.label,
                "unit": row.unit,
                "higher_is_better": row.higher_is_better,
                "areas": [
                    {
                        "focus_area": slug,
                        "value": row.values.get(slug),
                        "suppressed": row.suppressed.get(slug, False),
                    }
                    for slug in slugs
                ],
                "national": row.national,
                "national_suppressed": row.national_suppressed,
                "spread": _spread(row.spread),
            }
            for row in dashboard.process
        ],
        "goal_statuses": [
            {"focus_area": slug, "counts": dict(dashboard.statuses.get(slug, {}))}
            for slug in slugs
        ],
    }


def _today() -> datetime.date:
    return timezone.localdate()


@extend_schema_view(
    retrieve=extend_schema(
        summary="The monitor of a focus area: goals, indicators, process (members)",
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="Web address name of a focus area.",
            )
        ],
        responses=AreaMonitorSerializer,
        tags=["monitor"],
    ),
    national=extend_schema(
        summary="All focus areas side by side, aggregates only (national staff)",
        responses=NationalMonitorSerializer,
        tags=["monitor"],
    ),
)
class AreaMonitorViewSet(viewsets.ViewSet):
    """The monitor's figures: per area for its members, nationally for the state."""

    serializer_class = AreaMonitorSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-a-z0-9]+"

    def retrieve(self, request: Request, slug: str | None = None) -> Response:
        focus_area = access_focus_area(request.user, slug or "", need=Need.MEMBER)
        monitor = selectors.area_monitor(focus_area, today=_today())
        return Response(AreaMonitorSerializer(area_monitor_data(monitor)).data)

    @action(detail=False, methods=["get"], serializer_class=NationalMonitorSerializer)
    def national(self, request: Request) -> Response:
        if not is_national_viewer(request.user):
            raise Http404
        dashboard = selectors.national_dashboard(today=_today())
        return Response(
            NationalMonitorSerializer(national_monitor_data(dashboard)).data
        )
