# SPDX-License-Identifier: EUPL-1.2
"""Read endpoints of citizens' panels: processes and their public results."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from wijkaanpak.apps.panels.models import PanelProcess, Status
from wijkaanpak.apps.panels.serializers import PanelProcessSerializer


@extend_schema_view(
    list=extend_schema(summary="List citizens' panel processes", tags=["panels"]),
    retrieve=extend_schema(
        summary="Get one panel process with its published result", tags=["panels"]
    ),
)
class PanelProcessViewSet(viewsets.ReadOnlyModelViewSet):
    """Panel processes past the draft, in open areas or the reader's own areas.

    Only what the public report shows: quotas, fingerprint, seed, the panel as
    volunteer numbers and the anonymised spread of chances; never people.
    """

    serializer_class = PanelProcessSerializer

    def get_queryset(self) -> QuerySet[PanelProcess]:
        queryset = (
            PanelProcess.objects.exclude(status=Status.DRAFT)
            .select_related("focus_area")
            .prefetch_related("quotas")
        )
        user = self.request.user
        if user.is_authenticated and user.is_superuser:
            return queryset.order_by("-created_at", "-pk")
        visible = Q(focus_area__is_public=True)
        if user.is_authenticated:
            visible |= Q(focus_area__memberships__user=user)
        return queryset.filter(visible).distinct().order_by("-created_at", "-pk")
