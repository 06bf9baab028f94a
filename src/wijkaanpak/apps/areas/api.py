# SPDX-License-Identifier: EUPL-1.2
"""Read endpoints for municipalities, neighbourhoods (GeoJSON) and focus areas."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from wijkaanpak.apps.accounts.access import Need, may
from wijkaanpak.apps.areas.models import FocusArea, Municipality, Neighbourhood
from wijkaanpak.apps.areas.serializers import (
    FocusAreaSerializer,
    MunicipalitySerializer,
    NeighbourhoodCollectionSerializer,
    NeighbourhoodFeatureSerializer,
)
from wijkaanpak.core.areas import codes


@extend_schema_view(
    list=extend_schema(summary="List municipalities", tags=["areas"]),
    retrieve=extend_schema(summary="Get one municipality by CBS code", tags=["areas"]),
)
class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    """Municipalities known to this installation."""

    serializer_class = MunicipalitySerializer
    queryset = Municipality.objects.order_by("code")
    lookup_field = "code"
    lookup_value_regex = r"GM\d{4}"


class FeatureCollectionPagination(LimitOffsetPagination):
    """Pages of a GeoJSON FeatureCollection, counted as OGC API Features does."""

    default_limit = 500
    max_limit = 5000

    def get_paginated_response(self, data: list[dict]) -> Response:  # type: ignore[type-arg]
        return Response(
            {
                "type": "FeatureCollection",
                "number_matched": self.count,
                "number_returned": len(data),
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "features": data,
            }
        )


_NEIGHBOURHOOD_FILTERS = [
    OpenApiParameter(
        "municipality",
        OpenApiTypes.STR,
        description="CBS municipality code, e.g. GM0344.",
    ),
    OpenApiParameter(
        "focus-area", OpenApiTypes.STR, description="Web address name of a focus area."
    ),
    OpenApiParameter("boundary-year", OpenApiTypes.INT, description="Boundary year."),
]


@extend_schema_view(
    list=extend_schema(
        summary="List neighbourhoods as a GeoJSON FeatureCollection",
        parameters=_NEIGHBOURHOOD_FILTERS,
        responses=NeighbourhoodCollectionSerializer,
        tags=["areas"],
    ),
    retrieve=extend_schema(
        summary="Get one neighbourhood as a GeoJSON Feature",
        parameters=[_NEIGHBOURHOOD_FILTERS[2]],
        tags=["areas"],
    ),
)
class NeighbourhoodViewSet(viewsets.ReadOnlyModelViewSet):
    """Neighbourhoods with their polygons, for maps and analysis."""

    serializer_class = NeighbourhoodFeatureSerializer
    pagination_class = FeatureCollectionPagination
    lookup_field = "code"
    lookup_value_regex = r"BU\d{4}[0-9A-Z]{4}"

    def get_queryset(self) -> QuerySet[Neighbourhood]:
        queryset = Neighbourhood.objects.select_related("municipality", "district")
        params = self.request.query_params
        if municipality := params.get("municipality"):
            if not codes.is_municipality_code(municipality):
                raise ValidationError({"municipality": "Expected GM and four digits."})
            queryset = queryset.filter(municipality__code=municipality)
        if slug := params.get("focus-area"):
            area = FocusArea.objects.filter(slug=slug).first()
            if area is None or not may(self.request.user, area, _area_need(area)):
                raise Http404
            queryset = queryset.filter(focus_areas=area)
        if year := params.get("boundary-year"):
            if not year.isdigit():
                raise ValidationError(
                    {"boundary-year": "Expected a year such as 2024."}
                )
            queryset = queryset.filter(boundary_year=int(year))
        return queryset.order_by("code", "-boundary_year")

    def retrieve(self, request: Request, *args: object, **kwargs: object) -> Response:
        # A code may exist for several boundary years; the newest wins unless asked.
        neighbourhood = self.get_queryset().filter(code=kwargs["code"]).first()
        if neighbourhood is None:
            raise Http404
        return Response(self.get_serializer(neighbourhood).data)


def _area_need(focus_area: FocusArea) -> Need:
    """Open areas are public; a closed area is visible to its members only."""
    return Need.PUBLIC if focus_area.is_public else Need.MEMBER


@extend_schema_view(
    list=extend_schema(summary="List focus areas", tags=["focus areas"]),
    retrieve=extend_schema(summary="Get one focus area", tags=["focus areas"]),
)
class FocusAreaViewSet(viewsets.ReadOnlyModelViewSet):
    """Focus areas: public ones for everyone, closed ones for their members."""

    serializer_class = FocusAreaSerializer
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[FocusArea]:
        queryset = FocusArea.objects.select_related("municipality").prefetch_related(
            "neighbourhoods"
        )
        user = self.request.user
        if user.is_authenticated and user.is_superuser:
            return queryset.order_by("name")
        visible = Q(is_public=True)
        if user.is_authenticated:
            visible |= Q(memberships__user=user)
        return queryset.filter(visible).distinct().order_by("name")
