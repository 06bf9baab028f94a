# SPDX-License-Identifier: EUPL-1.2
"""Endpoints of the mirror: scored scans per area, and national scores.

Read only: answers are given on the scan pages. Scans of an area are for its
alliance and programme bureau; national staff get each area's latest closed
scores. No endpoint returns a person's answers.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from wijkaanpak.apps.accounts.access import Need, access_focus_area, is_national_viewer
from wijkaanpak.apps.mirror import selectors, texts
from wijkaanpak.apps.mirror.models import ScanKind
from wijkaanpak.apps.mirror.serializers import (
    NationalScanSerializer,
    ScanResultSerializer,
)


def _number(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 1)


@extend_schema_view(
    list=extend_schema(
        summary="The scored yearly scans of one area (alliance and bureau)",
        parameters=[
            OpenApiParameter("focus-area", OpenApiTypes.STR, required=True),
            OpenApiParameter("kind", OpenApiTypes.STR, enum=ScanKind.values),
        ],
        responses=ScanResultSerializer(many=True),
        tags=["mirror"],
    ),
    national=extend_schema(
        summary="Each area's latest closed scan: scores only (national)",
        responses=NationalScanSerializer(many=True),
        tags=["mirror"],
    ),
)
class ScanResultViewSet(viewsets.ViewSet):
    """Scores per factor, evidence and weakest points of each yearly scan."""

    serializer_class = ScanResultSerializer

    def list(self, request: Request) -> Response:
        slug = request.query_params.get("focus-area")
        if not slug:
            raise ValidationError({"focus-area": "Name a focus area."})
        kind = request.query_params.get("kind")
        if kind and kind not in ScanKind.values:
            raise ValidationError({"kind": "Use health_check or participation."})
        focus_area = access_focus_area(request.user, slug, need=Need.ALLIANCE)
        today = timezone.localdate()
        rows: list[dict[str, Any]] = []
        for scan_kind in [kind] if kind else ScanKind.values:
            for scan in selectors.scans_of(focus_area, scan_kind).order_by("year"):
                result = selectors.result_of(scan, today)
                rows.append(
                    {
                        "focus_area": focus_area.slug,
                        "kind": scan_kind,
                        "year": scan.year,
                        "closed_on": scan.closed_on,
                        "respondents": result.respondents,
                        "overall": _number(result.overall),
                        "weakest": list(result.weakest),
                        "factors": [
                            {
                                "factor": item.factor,
                                "name": str(texts.FACTOR_NAMES[item.factor]),
                                "score": _number(item.score),
                                "answers": item.answers,
                                "evidence": [
                                    {
                                        "key": e.key,
                                        "score": float(e.score),
                                        "figures": e.figure_map,
                                    }
                                    for e in item.evidence
                                ],
                            }
                            for item in result.factors
                        ],
                    }
                )
        return Response(ScanResultSerializer(rows, many=True).data)

    @action(detail=False, methods=["get"])
    def national(self, request: Request) -> Response:
        if not is_national_viewer(request.user):
            raise Http404
        overview = selectors.national_mirror_overview(timezone.localdate())
        rows = [
            {
                "focus_area": row.focus_area.slug,
                "kind": row.kind,
                "year": row.year,
                "respondents": row.respondents,
                "overall": _number(row.overall),
                "weakest": list(row.weakest),
            }
            for row in overview["scans"]
        ]
        return Response(NationalScanSerializer(rows, many=True).data)
