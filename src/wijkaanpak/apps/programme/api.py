# SPDX-License-Identifier: EUPL-1.2
"""Endpoints of the programme: goals, measures, commitments, deliveries, homework.

Reads follow the pages: the plan of an open area is public, commitments and
homework are for members. Writes call the services, which check the role.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from wijkaanpak.apps.accounts.access import Need, access_focus_area
from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.programme import selectors, services
from wijkaanpak.apps.programme.models import (
    Commitment,
    Goal,
    HomeworkItem,
    Measure,
    NationalMinimumGoal,
)
from wijkaanpak.apps.programme.serializers import (
    CommitmentInputSerializer,
    CommitmentSerializer,
    DeliveryInputSerializer,
    DeliverySerializer,
    GoalInputSerializer,
    GoalSerializer,
    HomeworkItemSerializer,
    MeasureSerializer,
    NationalMinimumGoalSerializer,
    ProgrammeSerializer,
)
from wijkaanpak.apps.residents import selectors as residents_selectors

_AREA_FILTER = OpenApiParameter(
    "focus-area",
    OpenApiTypes.STR,
    required=True,
    description="Web address name of a focus area.",
)


def _area(request: Request, slug: str | None, need: Need) -> FocusArea:
    """The focus area of the request, with the same 404 for absent and hidden."""
    if not slug:
        raise ValidationError({"focus-area": "Name a focus area."})
    if need is Need.PUBLIC:
        area = access_focus_area(request.user, slug, need=Need.PUBLIC)
        if area.is_public:
            return area
        need = Need.MEMBER
    return access_focus_area(request.user, slug, need=need)


def _service(call: Any) -> Any:
    """Run a service; its refusals become 400 or 403 answers."""
    try:
        return call()
    except DjangoValidationError as error:
        raise ValidationError(error.messages) from None
    except PermissionDenied:
        raise Http404 from None


@extend_schema_view(
    retrieve=extend_schema(
        summary="Get the public programme plan of a focus area (export)",
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="Web address name of a focus area.",
            )
        ],
        tags=["programme"],
    )
)
class ProgrammeViewSet(viewsets.ViewSet):
    """The whole plan: vision, goals, measures, promised against delivered."""

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    serializer_class = ProgrammeSerializer

    def retrieve(self, request: Request, slug: str | None = None) -> Response:
        focus_area = _area(request, slug, Need.PUBLIC)
        programme = selectors.programme_of(focus_area)
        today = timezone.localdate()
        residents = residents_selectors.plan_summary_of(focus_area)
        data = {
            "focus_area": focus_area.slug,
            "vision": programme.vision,
            "end_year": programme.end_year,
            "goals": selectors.goals_of(focus_area),
            "measures": selectors.measures_of(focus_area),
            "balances": selectors.balances_of(focus_area, up_to_year=today.year - 1),
            "neighbourhood_contracts": residents["contracts"],
            "residents_budgets": residents["budgets"],
        }
        return Response(ProgrammeSerializer(data).data)


@extend_schema_view(
    list=extend_schema(
        summary="List the goals of a focus area",
        parameters=[_AREA_FILTER],
        tags=["programme"],
    ),
    create=extend_schema(
        summary="Add a goal (programme bureau)",
        request=GoalInputSerializer,
        responses={201: GoalSerializer},
        tags=["programme"],
    ),
)
class GoalViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Goals: public for open areas; the bureau adds them."""

    serializer_class = GoalSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Goal]:
        slug = self.request.query_params.get("focus-area")
        return selectors.goals_of(
            _area(self.request, slug, Need.PUBLIC)
        ).select_related("focus_area")

    def create(self, request: Request) -> Response:
        data = GoalInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        focus_area = _area(request, values.pop("focus_area"), Need.MEMBER)
        goal = _service(
            lambda: services.create_goal(focus_area, **values, acting_user=request.user)
        )
        return Response(GoalSerializer(goal).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="List the measures of a focus area",
        parameters=[_AREA_FILTER],
        tags=["programme"],
    )
)
class MeasureViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Measures: public for open areas."""

    serializer_class = MeasureSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Measure]:
        slug = self.request.query_params.get("focus-area")
        return selectors.measures_of(
            _area(self.request, slug, Need.PUBLIC)
        ).select_related("focus_area")


@extend_schema_view(
    list=extend_schema(
        summary="List the commitments of a focus area (members)",
        parameters=[_AREA_FILTER],
        tags=["programme"],
    ),
    create=extend_schema(
        summary="Add a commitment (programme bureau)",
        request=CommitmentInputSerializer,
        responses={201: CommitmentSerializer},
        tags=["programme"],
    ),
)
class CommitmentViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Commitments with what was delivered on each."""

    serializer_class = CommitmentSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Commitment]:
        slug = self.request.query_params.get("focus-area")
        return selectors.commitments_of(
            _area(self.request, slug, Need.MEMBER)
        ).select_related("focus_area")

    def create(self, request: Request) -> Response:
        data = CommitmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        focus_area = _area(request, values.pop("focus_area"), Need.MEMBER)
        organisation = Organisation.objects.filter(
            pk=values.pop("organisation")
        ).first()
        if organisation is None:
            raise ValidationError({"organisation": "No organisation with this id."})
        commitment = _service(
            lambda: services.add_commitment(
                focus_area,
                organisation=organisation,
                **values,
                acting_user=request.user,
            )
        )
        row = selectors.commitments_of(focus_area).get(pk=commitment.pk)
        return Response(CommitmentSerializer(row).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    create=extend_schema(
        summary="Report a delivery on a commitment (the partner or the bureau)",
        request=DeliveryInputSerializer,
        responses={201: DeliverySerializer},
        tags=["programme"],
    )
)
class DeliveryViewSet(viewsets.GenericViewSet):
    """Deliveries; a retried request with the same client key adds nothing."""

    serializer_class = DeliverySerializer

    def create(self, request: Request) -> Response:
        data = DeliveryInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        commitment = (
            Commitment.objects.select_related("focus_area")
            .filter(pk=values.pop("commitment"))
            .first()
        )
        if commitment is None:
            raise Http404
        access_focus_area(request.user, commitment.focus_area.slug, need=Need.ALLIANCE)
        delivery = _service(
            lambda: services.report_delivery(
                commitment, **values, acting_user=request.user
            )
        )
        return Response(
            DeliverySerializer(delivery).data, status=status.HTTP_201_CREATED
        )


@extend_schema_view(
    list=extend_schema(
        summary="List the homework of a focus area (members)",
        parameters=[_AREA_FILTER],
        tags=["programme"],
    ),
    complete=extend_schema(
        summary="Mark a task done (the partner or the bureau)",
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        request=None,
        responses=HomeworkItemSerializer,
        tags=["programme"],
    ),
)
class HomeworkItemViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Homework of the alliance; overdue items are visible to every member."""

    lookup_value_regex = r"\d+"

    serializer_class = HomeworkItemSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[HomeworkItem]:
        slug = self.request.query_params.get("focus-area")
        return selectors.homework_of(_area(self.request, slug, Need.MEMBER))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        today = timezone.localdate()
        items = list(self.get_queryset())
        for item in items:
            item.is_overdue = item.is_overdue(today)  # type: ignore[method-assign,assignment]
        return Response(HomeworkItemSerializer(items, many=True).data)

    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        item = (
            HomeworkItem.objects.select_related("focus_area", "organisation")
            .filter(pk=pk)
            .first()
        )
        if item is None:
            raise Http404
        access_focus_area(request.user, item.focus_area.slug, need=Need.ALLIANCE)
        today = timezone.localdate()
        item = _service(
            lambda: services.complete_homework(
                item, done_on=today, acting_user=request.user
            )
        )
        item.is_overdue = False  # type: ignore[method-assign,assignment]
        return Response(HomeworkItemSerializer(item).data)


@extend_schema_view(
    list=extend_schema(summary="List the national minimum goals", tags=["programme"]),
    create=extend_schema(
        summary="Set a national minimum goal (national staff)", tags=["programme"]
    ),
)
class NationalMinimumGoalViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Minimum goals every area's plan must meet; public to read."""

    serializer_class = NationalMinimumGoalSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[NationalMinimumGoal]:
        return selectors.minimum_goals()

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = NationalMinimumGoalSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not request.user.is_authenticated:
            raise Http404
        try:
            minimum = services.set_national_minimum_goal(
                **data.validated_data, acting_user=request.user
            )
        except PermissionDenied:
            raise Http404 from None
        except DjangoValidationError as error:
            raise ValidationError(error.messages) from None
        return Response(
            NationalMinimumGoalSerializer(minimum).data, status=status.HTTP_201_CREATED
        )
