# SPDX-License-Identifier: EUPL-1.2
"""Endpoints of blockage cases, the register of blocking rules and the figures.

Cases are for the members of their area; the register and national figures
give counts and outcomes only. Writes call the services, which check the
role. A text the identifier check warns about is refused with the findings
(field, kind, position) until the client resends with ``confirm_identifiers``.
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
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from wijkaanpak.apps.accounts.access import (
    Need,
    access_blockage_case,
    access_focus_area,
    access_problem,
    is_national_viewer,
    may_decide_on_case,
    may_read_rule_register,
)
from wijkaanpak.apps.breakthroughs import selectors, services
from wijkaanpak.apps.breakthroughs.models import BlockageCase, BlockingRule
from wijkaanpak.apps.breakthroughs.serializers import (
    BlockageCaseDetailSerializer,
    BlockageCaseInputSerializer,
    BlockageCaseSerializer,
    BlockingRuleSerializer,
    CaseDecisionSerializer,
    CaseLinkSerializer,
    CloseInputSerializer,
    DecisionInputSerializer,
    EscalateInputSerializer,
    FiguresSerializer,
    HandOverInputSerializer,
    LinkInputSerializer,
    OwnerSerializer,
    RuleTallySerializer,
)
from wijkaanpak.core.breakthroughs.figures import AGE_BANDS, suppress_small

_AREA_FILTER = OpenApiParameter(
    "focus-area",
    OpenApiTypes.STR,
    required=True,
    description="Web address name of a focus area.",
)
_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)


class ListPagination(LimitOffsetPagination):
    """Pages of a list: ``limit`` (at most 500) items from ``offset``, with the count."""

    default_limit = 100
    max_limit = 500


def _service(call: Any) -> Any:
    """Run a service; its refusals become 400 answers, or 404 for "not yours"."""
    try:
        return call()
    except services.IdentifierWarning as warning:
        raise ValidationError(
            {
                "identifiers": [
                    {
                        "field": field,
                        "kind": finding.kind.value,
                        "start": finding.start,
                        "end": finding.end,
                    }
                    for field, found in warning.findings.items()
                    for finding in found
                ],
                "detail": warning.messages,
            }
        ) from None
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(error.message_dict) from None
        raise ValidationError(error.messages) from None
    except PermissionDenied:
        raise Http404 from None


def _case(request: Request, pk: Any) -> BlockageCase:
    """A case the user may see, with the same 404 for absent and hidden."""
    case = BlockageCase.objects.select_related("focus_area").filter(pk=pk).first()
    if case is None or not request.user.is_authenticated:
        raise Http404
    return access_blockage_case(request.user, case.focus_area.slug, case.pk)


def _deciding(request: Request, pk: Any) -> BlockageCase:
    case = _case(request, pk)
    if not may_decide_on_case(request.user, case):
        raise Http404
    return case


@extend_schema_view(
    list=extend_schema(
        summary="List the blockage cases of a focus area (members)",
        parameters=[_AREA_FILTER],
        tags=["breakthroughs"],
    ),
    retrieve=extend_schema(
        summary="Get a blockage case with its ladder and decisions (members)",
        parameters=[_ID],
        responses=BlockageCaseDetailSerializer,
        tags=["breakthroughs"],
    ),
    create=extend_schema(
        summary="Open a blockage case (members)",
        request=BlockageCaseInputSerializer,
        responses={201: BlockageCaseDetailSerializer},
        tags=["breakthroughs"],
    ),
    escalate=extend_schema(
        summary="Escalate a case; skipping a level needs a reason",
        parameters=[_ID],
        request=EscalateInputSerializer,
        responses=BlockageCaseDetailSerializer,
        tags=["breakthroughs"],
    ),
    decisions=extend_schema(
        summary="Record an interim decision on a case",
        parameters=[_ID],
        request=DecisionInputSerializer,
        responses={201: CaseDecisionSerializer},
        tags=["breakthroughs"],
    ),
    close=extend_schema(
        summary="Close a case with its outcome",
        parameters=[_ID],
        request=CloseInputSerializer,
        responses=BlockageCaseDetailSerializer,
        tags=["breakthroughs"],
    ),
    hand_over=extend_schema(
        summary="Hand a case over to another owner on the same level, with the reason",
        parameters=[_ID],
        request=HandOverInputSerializer,
        responses={201: CaseDecisionSerializer},
        tags=["breakthroughs"],
    ),
    owners=extend_schema(
        summary="The people with mandate on the case's level (who may own it)",
        parameters=[_ID],
        responses=OwnerSerializer(many=True),
        tags=["breakthroughs"],
    ),
    links=extend_schema(
        summary="Link a case to another case of the area",
        parameters=[_ID],
        request=LinkInputSerializer,
        responses={201: CaseLinkSerializer},
        tags=["breakthroughs"],
    ),
)
class BlockageCaseViewSet(viewsets.GenericViewSet):
    """Blockage cases of one area; the ladder's rules are in the services."""

    serializer_class = BlockageCaseSerializer
    pagination_class = ListPagination
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[BlockageCase]:
        slug = self.request.query_params.get("focus-area")
        if not slug:
            raise ValidationError({"focus-area": "Name a focus area."})
        focus_area = access_focus_area(self.request.user, slug, need=Need.MEMBER)
        return selectors.cases_in(focus_area)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset().order_by("-opened_on", "-id"))
        return self.get_paginated_response(BlockageCaseSerializer(page, many=True).data)

    def _detail(self, case: BlockageCase, code: int = status.HTTP_200_OK) -> Response:
        return Response(
            BlockageCaseDetailSerializer(selectors.case_page_of(case)).data, status=code
        )

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return self._detail(_case(request, pk))

    def create(self, request: Request) -> Response:
        data = BlockageCaseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        focus_area = access_focus_area(
            request.user, values.pop("focus_area"), need=Need.MEMBER
        )
        rule_ids = values.pop("rules")
        rules = list(BlockingRule.objects.filter(pk__in=rule_ids))
        if len(rules) != len(set(rule_ids)):
            raise ValidationError({"rules": "No rule with one of these ids."})
        problem = None
        if values["problem"] is not None:
            problem = access_problem(
                request.user, focus_area.slug, values["problem"], need=Need.MEMBER
            )
        case = _service(
            lambda: services.open_case(
                focus_area,
                services.CaseInput(
                    title=values["title"],
                    need=values["need"],
                    blockage_kind=values["blockage_kind"],
                    blockage=values["blockage"],
                    tried=values["tried"],
                    domains=values["domains"],
                    rules=rules,
                    household_code=values["household_code"],
                    source=values["source"],
                ),
                level=values["level"],
                reason=values["reason"],
                problem=problem,
                confirm_identifiers=values["confirm_identifiers"],
                acting_user=request.user,
            )
        )
        return self._detail(case, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def escalate(self, request: Request, pk: str | None = None) -> Response:
        case = _deciding(request, pk)
        data = EscalateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = _service(
            lambda: services.escalate_case(
                case, **data.validated_data, acting_user=request.user
            )
        )
        return self._detail(case)

    @action(detail=True, methods=["post"], url_path="hand-over")
    def hand_over(self, request: Request, pk: str | None = None) -> Response:
        case = _deciding(request, pk)
        data = HandOverInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        to_owner = (
            selectors.owners_with_mandate(case.focus_area, case.level)
            .filter(pk=values.pop("to_owner"))
            .first()
        )
        if to_owner is None:
            raise ValidationError(
                {"to_owner": "Nobody with this id has mandate on the case's level."}
            )
        decision = _service(
            lambda: services.hand_over_case(
                case, to_owner=to_owner, **values, acting_user=request.user
            )
        )
        return Response(
            CaseDecisionSerializer(decision).data, status=status.HTTP_201_CREATED
        )

    @action(detail=True, methods=["get"], pagination_class=None)
    def owners(self, request: Request, pk: str | None = None) -> Response:
        case = _deciding(request, pk)
        people = selectors.owners_with_mandate(case.focus_area, case.level)
        return Response(
            OwnerSerializer(
                [
                    {
                        "id": person.pk,
                        "name": person.display_name,
                        "is_owner": person.pk == case.owner_id,
                    }
                    for person in people
                ],
                many=True,
            ).data
        )

    @action(detail=True, methods=["post"])
    def decisions(self, request: Request, pk: str | None = None) -> Response:
        case = _deciding(request, pk)
        data = DecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        decision = _service(
            lambda: services.record_case_decision(
                case, **data.validated_data, acting_user=request.user
            )
        )
        return Response(
            CaseDecisionSerializer(decision).data, status=status.HTTP_201_CREATED
        )

    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        case = _deciding(request, pk)
        data = CloseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _service(
            lambda: services.close_case(
                case, **data.validated_data, acting_user=request.user
            )
        )
        return self._detail(case)

    @action(detail=True, methods=["post"])
    def links(self, request: Request, pk: str | None = None) -> Response:
        case = _case(request, pk)
        data = LinkInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        other = (
            selectors.linkable_cases(case)
            .filter(pk=data.validated_data["other"])
            .first()
        )
        if other is None:
            raise ValidationError({"other": "No other case with this id in the area."})
        link = _service(
            lambda: services.link_cases(
                case, other, kind=data.validated_data["kind"], acting_user=request.user
            )
        )
        return Response(CaseLinkSerializer(link).data, status=status.HTTP_201_CREATED)


def _tally_data(row: selectors.RegisterRow) -> dict[str, Any]:
    areas = []
    for tally in row.tally.areas:
        reached = [
            name
            for name, count in (
                ("structural", tally.structural),
                ("incidental", tally.incidental),
                ("not_possible", tally.not_possible),
                ("open", tally.open),
            )
            if count
        ]
        areas.append(
            {
                "focus_area": row.area_names.get(tally.area, tally.area),
                "cases": suppress_small(tally.cases),
                "outcomes_reached": reached,
                "structural_years": list(tally.structural_years),
            }
        )
    return {
        "rule": row.rule,
        "cases": suppress_small(row.tally.cases),
        "focus_areas_hit": row.tally.areas_hit,
        "areas": areas,
    }


@extend_schema_view(
    list=extend_schema(
        summary="The register of blocking rules, the rules that block most first",
        responses=RuleTallySerializer(many=True),
        tags=["breakthroughs"],
    ),
    retrieve=extend_schema(
        summary="One rule with counts and outcomes per area",
        parameters=[_ID],
        responses=RuleTallySerializer,
        tags=["breakthroughs"],
    ),
    create=extend_schema(
        summary="Add a rule to the register (members of any area, national staff)",
        request=BlockingRuleSerializer,
        responses={201: BlockingRuleSerializer},
        tags=["breakthroughs"],
    ),
)
class BlockingRuleViewSet(viewsets.GenericViewSet):
    """The national register: counts and outcomes only, never case text."""

    serializer_class = BlockingRuleSerializer
    pagination_class = ListPagination
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[BlockingRule]:
        return selectors.rules()

    def _reader(self, request: Request) -> None:
        if not may_read_rule_register(request.user):
            raise Http404

    def list(self, request: Request) -> Response:
        self._reader(request)
        used = selectors.rule_register()
        listed = {row.rule.pk for row in used}
        unused = [
            selectors.rule_row(rule)
            for rule in BlockingRule.objects.exclude(pk__in=listed)
        ]
        page = self.paginate_queryset(used + unused)  # type: ignore[arg-type]
        return self.get_paginated_response(
            RuleTallySerializer([_tally_data(row) for row in page], many=True).data
        )

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        self._reader(request)
        rule = BlockingRule.objects.filter(pk=pk).first()
        if rule is None:
            raise Http404
        return Response(RuleTallySerializer(_tally_data(selectors.rule_row(rule))).data)

    def create(self, request: Request) -> Response:
        self._reader(request)
        data = BlockingRuleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rule = _service(
            lambda: services.register_rule(
                **data.validated_data, acting_user=request.user
            )
        )
        return Response(
            BlockingRuleSerializer(rule).data, status=status.HTTP_201_CREATED
        )


def _figures_data(figures: Any, focus_area: str | None) -> dict[str, Any]:
    return {
        "focus_area": focus_area,
        "age_bands": [[first, last] for first, last in AGE_BANDS],
        "open_by_level": [
            {"level": level.value, "by_age": list(row), "total": total}
            for (level, row), (_level, total) in zip(
                figures.open_by_level, figures.open_per_level, strict=True
            )
        ],
        "open_cases": figures.open_cases,
        "closed_cases": figures.closed_cases,
        "outcomes": {outcome.value: count for outcome, count in figures.outcomes},
        "breakthroughs": figures.breakthroughs,
        "median_days_to_breakthrough": (
            float(figures.median_days_to_breakthrough)
            if figures.median_days_to_breakthrough is not None
            else None
        ),
        "share_structural": (
            float(figures.share_structural)
            if figures.share_structural is not None
            else None
        ),
    }


@extend_schema_view(
    list=extend_schema(
        summary="The figures of one area's cases, exact (members)",
        parameters=[_AREA_FILTER],
        responses=FiguresSerializer,
        tags=["breakthroughs"],
    ),
    national=extend_schema(
        summary="Figures per area and for the country, small numbers null (national)",
        responses=FiguresSerializer(many=True),
        tags=["breakthroughs"],
    ),
)
class BreakthroughFiguresViewSet(viewsets.ViewSet):
    """Open cases by level and age, median time to breakthrough, share structural."""

    serializer_class = FiguresSerializer

    def list(self, request: Request) -> Response:
        slug = request.query_params.get("focus-area")
        if not slug:
            raise ValidationError({"focus-area": "Name a focus area."})
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
        figures = selectors.figures_of(focus_area, today=timezone.localdate())
        return Response(FiguresSerializer(_figures_data(figures, focus_area.slug)).data)

    @action(detail=False, methods=["get"])
    def national(self, request: Request) -> Response:
        if not is_national_viewer(request.user):
            raise Http404
        result = selectors.national_figures(today=timezone.localdate())
        rows = [_figures_data(f, area.slug) for area, f in result.per_area]
        rows.append(_figures_data(result.country, None))
        return Response(FiguresSerializer(rows, many=True).data)
