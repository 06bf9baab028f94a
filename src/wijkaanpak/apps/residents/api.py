# SPDX-License-Identifier: EUPL-1.2
"""Endpoints of contracts and budgets.

Reads follow the pages: signed contracts and budgets of an open area are
public, drafts are for members. Residents apply without an account; a resent
application (same ``submission_key``) answers 200 with the first one. Writes
call the services, which check the role.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from wijkaanpak.apps.accounts.access import Need, access_focus_area, may
from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.residents import selectors, services
from wijkaanpak.apps.residents.models import (
    Application,
    NeighbourhoodContract,
    ResidentsBudget,
)
from wijkaanpak.apps.residents.serializers import (
    ApplicationDecisionInputSerializer,
    ApplicationInputSerializer,
    ApplicationReceiptSerializer,
    ContractItemInputSerializer,
    ContractItemSerializer,
    NeighbourhoodContractSerializer,
    PublicApplicationSerializer,
    ResidentsBudgetSerializer,
)

_AREA_FILTER = OpenApiParameter(
    "focus-area",
    OpenApiTypes.STR,
    required=True,
    description="Web address name of a focus area.",
)


def _readable_area(request: Request, slug: str | None) -> FocusArea:
    """The focus area of the request, with the same 404 for absent and hidden."""
    if not slug:
        raise ValidationError({"focus-area": "Name a focus area."})
    area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if area.is_public:
        return area
    return access_focus_area(request.user, slug, need=Need.MEMBER)


def _service(call: Any) -> Any:
    """Run a service; its refusals become 400 or 404 answers."""
    try:
        return call()
    except DjangoValidationError as error:
        raise ValidationError(error.messages) from None
    except PermissionDenied:
        raise Http404 from None


@extend_schema_view(
    list=extend_schema(
        summary="List the neighbourhood contracts of a focus area",
        description="Signed contracts for everyone; drafts too for members.",
        parameters=[_AREA_FILTER],
        tags=["residents"],
    ),
)
class NeighbourhoodContractViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Neighbourhood contracts with their agreements and reviews."""

    serializer_class = NeighbourhoodContractSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[NeighbourhoodContract]:
        focus_area = _readable_area(
            self.request, self.request.query_params.get("focus-area")
        )
        return selectors.contracts_in(
            focus_area, with_drafts=may(self.request.user, focus_area, Need.MEMBER)
        )


@extend_schema_view(
    create=extend_schema(
        summary="Add an agreement to a draft contract (residents' writers, bureau)",
        request=ContractItemInputSerializer,
        responses={201: ContractItemSerializer},
        tags=["residents"],
    )
)
class ContractItemViewSet(viewsets.GenericViewSet):
    """Agreements; only drafts take new ones."""

    serializer_class = ContractItemSerializer

    def create(self, request: Request) -> Response:
        data = ContractItemInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        contract = (
            NeighbourhoodContract.objects.select_related("focus_area")
            .filter(pk=values.pop("contract"))
            .first()
        )
        if contract is None:
            raise Http404
        access_focus_area(request.user, contract.focus_area.slug, need=Need.MEMBER)
        partner_id = values.pop("partner")
        organisation = None
        if partner_id is not None:
            organisation = Organisation.objects.filter(pk=partner_id).first()
            if organisation is None:
                raise ValidationError({"partner": "No organisation with this id."})
        item = _service(
            lambda: services.add_contract_item(
                contract, **values, organisation=organisation, acting_user=request.user
            )
        )
        return Response(
            ContractItemSerializer(item).data, status=status.HTTP_201_CREATED
        )


@extend_schema_view(
    list=extend_schema(
        summary="List the residents' budgets of a focus area",
        description="With criteria, the amount granted and the decided applications.",
        parameters=[_AREA_FILTER],
        tags=["residents"],
    ),
)
class ResidentsBudgetViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Residents' budgets: public for open areas."""

    serializer_class = ResidentsBudgetSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[ResidentsBudget]:
        focus_area = _readable_area(
            self.request, self.request.query_params.get("focus-area")
        )
        return selectors.budgets_in(focus_area)


@extend_schema_view(
    create=extend_schema(
        summary="Apply for money from a residents' budget (no account needed)",
        description="A repeated submission_key answers 200 with the first application.",
        request=ApplicationInputSerializer,
        responses={
            201: ApplicationReceiptSerializer,
            200: ApplicationReceiptSerializer,
        },
        tags=["residents"],
    ),
    decide=extend_schema(
        summary="Record the decision on an application (programme bureau)",
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        request=ApplicationDecisionInputSerializer,
        responses=PublicApplicationSerializer,
        tags=["residents"],
    ),
)
class ApplicationViewSet(viewsets.GenericViewSet):
    """Applications to residents' budgets."""

    serializer_class = ApplicationReceiptSerializer
    lookup_value_regex = r"\d+"

    def create(self, request: Request) -> Response:
        data = ApplicationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        budget = (
            ResidentsBudget.objects.select_related("focus_area")
            .filter(pk=values.pop("budget"))
            .first()
        )
        if budget is None:
            raise Http404
        _readable_area(request, budget.focus_area.slug)
        wanted = set(values.pop("criteria"))
        criteria = list(budget.criteria.filter(pk__in=wanted))
        if len(criteria) != len(wanted):
            raise ValidationError({"criteria": "Name criteria of this budget."})
        application, created = _service(
            lambda: services.submit_application(budget, **values, criteria=criteria)
        )
        return Response(
            ApplicationReceiptSerializer(application).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        application = (
            Application.objects.select_related("budget__focus_area")
            .filter(pk=pk)
            .first()
        )
        if application is None:
            raise Http404
        access_focus_area(
            request.user, application.budget.focus_area.slug, need=Need.BUREAU
        )
        data = ApplicationDecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        decided = _service(
            lambda: services.decide_application(
                application, **data.validated_data, acting_user=request.user
            )
        )
        return Response(PublicApplicationSerializer(decided).data)
