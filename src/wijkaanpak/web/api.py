# SPDX-License-Identifier: EUPL-1.2
"""The ``/api/v1`` router and its OpenAPI 3 schema.

Follows the Dutch API design rules: the major version in the path, no trailing
slash, plural kebab-case collections, an ``API-Version`` header on every answer.
"""

from typing import Any

from django.urls import include, path
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter

from wijkaanpak.apps.areas.api import (
    FocusAreaViewSet,
    MunicipalityViewSet,
    NeighbourhoodViewSet,
)
from wijkaanpak.apps.breakthroughs.api import (
    BlockageCaseViewSet,
    BlockingRuleViewSet,
    BreakthroughFiguresViewSet,
)
from wijkaanpak.apps.mirror.api import ScanResultViewSet
from wijkaanpak.apps.monitor.api import AreaMonitorViewSet
from wijkaanpak.apps.panels.api import PanelProcessViewSet
from wijkaanpak.apps.programme.api import (
    CommitmentViewSet,
    DeliveryViewSet,
    GoalViewSet,
    HomeworkItemViewSet,
    MeasureViewSet,
    NationalMinimumGoalViewSet,
    ProgrammeViewSet,
)
from wijkaanpak.apps.residents.api import (
    ApplicationViewSet,
    ContractItemViewSet,
    NeighbourhoodContractViewSet,
    ResidentsBudgetViewSet,
)
from wijkaanpak.apps.votes.api import ProjectViewSet, ResultViewSet, VoteViewSet

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("municipalities", MunicipalityViewSet, basename="municipality")
router.register("neighbourhoods", NeighbourhoodViewSet, basename="neighbourhood")
router.register("focus-areas", FocusAreaViewSet, basename="focus-area")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("goals", GoalViewSet, basename="goal")
router.register("measures", MeasureViewSet, basename="measure")
router.register("commitments", CommitmentViewSet, basename="commitment")
router.register("deliveries", DeliveryViewSet, basename="delivery")
router.register("homework-items", HomeworkItemViewSet, basename="homework-item")
router.register("panel-processes", PanelProcessViewSet, basename="panel-process")
router.register(
    "national-minimum-goals",
    NationalMinimumGoalViewSet,
    basename="national-minimum-goal",
)
router.register("blockage-cases", BlockageCaseViewSet, basename="blockage-case")
router.register("blocking-rules", BlockingRuleViewSet, basename="blocking-rule")
router.register(
    "breakthrough-figures", BreakthroughFiguresViewSet, basename="breakthrough-figures"
)
router.register("area-monitors", AreaMonitorViewSet, basename="area-monitor")
router.register("votes", VoteViewSet, basename="vote")
router.register("vote-projects", ProjectViewSet, basename="vote-project")
router.register("vote-results", ResultViewSet, basename="vote-result")
router.register("mirror-results", ScanResultViewSet, basename="mirror-result")
router.register(
    "neighbourhood-contracts",
    NeighbourhoodContractViewSet,
    basename="neighbourhood-contract",
)
router.register("contract-items", ContractItemViewSet, basename="contract-item")
router.register(
    "residents-budgets", ResidentsBudgetViewSet, basename="residents-budget"
)
router.register(
    "budget-applications", ApplicationViewSet, basename="budget-application"
)

#: The language of the published schema, whatever the reader's browser asks.
SCHEMA_LANGUAGE = "en"


def generate_schema() -> dict[str, Any]:
    """The OpenAPI 3 schema of ``/api/v1``, as committed in ``docs/api``."""
    with translation.override(SCHEMA_LANGUAGE):
        return SchemaGenerator().get_schema(request=None, public=True)


class SchemaView(SpectacularJSONAPIView):
    """Serve the schema in one language, so it equals the committed file."""

    schema = None  # the schema does not describe itself

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with translation.override(SCHEMA_LANGUAGE):
            return super().get(request, *args, **kwargs)


urlpatterns = [
    path("openapi.json", SchemaView.as_view(), name="openapi"),
    path("", include(router.urls)),
]
