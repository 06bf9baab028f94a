# SPDX-License-Identifier: EUPL-1.2
"""Endpoints of budget votes: votes, their projects and their results.

Reads follow the pages: the votes of an open area are public, and so are
their results. Ballots are never served one by one.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from wijkaanpak.apps.accounts.access import Need, access_focus_area
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.votes import selectors
from wijkaanpak.apps.votes.models import Project, Result, Vote
from wijkaanpak.apps.votes.serializers import (
    ProjectSerializer,
    ResultSerializer,
    VoteSerializer,
)

_AREA_FILTER = OpenApiParameter(
    "focus-area",
    OpenApiTypes.STR,
    required=True,
    description="Web address name of a focus area.",
)
_VOTE_FILTER = OpenApiParameter(
    "vote", OpenApiTypes.INT, required=True, description="Id of a vote."
)


def _area(request: Request, slug: str | None) -> FocusArea:
    """An open area for everyone, a closed one for its members; else 404."""
    if not slug:
        raise ValidationError({"focus-area": "Name a focus area."})
    area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if area.is_public:
        return area
    return access_focus_area(request.user, slug, need=Need.MEMBER)


def _vote(request: Request, pk: str | None) -> Vote:
    """A vote the user may read, with the same 404 for absent and hidden."""
    if not pk or not str(pk).isdigit():
        raise ValidationError({"vote": "Give the id of a vote."})
    vote = Vote.objects.select_related("focus_area").filter(pk=int(pk)).first()
    if vote is None:
        raise Http404
    _area(request, vote.focus_area.slug)
    return vote


@extend_schema_view(
    list=extend_schema(
        summary="List the votes of a focus area",
        parameters=[_AREA_FILTER],
        tags=["votes"],
    ),
    retrieve=extend_schema(
        summary="Get a vote",
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        tags=["votes"],
    ),
)
class VoteViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Votes with their rule, window and limits."""

    serializer_class = VoteSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Vote]:
        if self.action == "retrieve":
            return Vote.objects.filter(pk=_vote(self.request, self.kwargs["pk"]).pk)
        slug = self.request.query_params.get("focus-area")
        return selectors.votes_in(_area(self.request, slug))


@extend_schema_view(
    list=extend_schema(
        summary="List the projects of a vote, rejected ones with the reason",
        parameters=[_VOTE_FILTER],
        tags=["votes"],
    )
)
class ProjectViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Proposals of a vote, with the bureau's feasibility verdict."""

    serializer_class = ProjectSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Project]:
        vote = _vote(self.request, self.request.query_params.get("vote"))
        return selectors.projects_of(vote)


@extend_schema_view(
    retrieve=extend_schema(
        summary="Get the counted result of a vote (the id of the vote)",
        parameters=[OpenApiParameter("vote", OpenApiTypes.INT, OpenApiParameter.PATH)],
        tags=["votes"],
    )
)
class ResultViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The stored result, with the rule's reason for every project."""

    serializer_class = ResultSerializer
    lookup_field = "vote"

    def get_queryset(self) -> QuerySet[Result]:
        vote = _vote(self.request, self.kwargs.get("vote"))
        return Result.objects.filter(vote=vote)
