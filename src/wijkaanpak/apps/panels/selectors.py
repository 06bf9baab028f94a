# SPDX-License-Identifier: EUPL-1.2
"""Reads of panel processes: the core's instance, the public figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from wijkaanpak.apps.panels.models import PanelProcess, Status, Volunteer
from wijkaanpak.core.panels.model import PanelDistribution, PanelInstance, Person
from wijkaanpak.core.panels.model import Quota as CoreQuota
from wijkaanpak.core.panels.quotas import QuotaCheck, check_quotas

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea

#: Bands of the public histogram of selection probabilities (upper bounds).
PROBABILITY_BANDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0)


def processes_in(focus_area: FocusArea) -> QuerySet[PanelProcess]:
    """The panel processes of an area, newest first."""
    return PanelProcess.objects.filter(focus_area=focus_area).order_by(
        "-created_at", "-pk"
    )


def process_in(focus_area: FocusArea, pk: int) -> PanelProcess | None:
    """One process of the area, or None (the caller answers 404)."""
    return (
        PanelProcess.objects.select_related("focus_area")
        .filter(focus_area=focus_area, pk=pk)
        .first()
    )


def core_quotas_of(process: PanelProcess) -> tuple[CoreQuota, ...]:
    """The process's quotas as the core reads them."""
    return tuple(
        CoreQuota(quota.feature, quota.value, quota.minimum, quota.maximum)
        for quota in process.quotas.order_by("feature", "pk")
    )


def features_of(process: PanelProcess) -> dict[str, list[str]]:
    """Each feature and its values, in the order the bureau listed them."""
    features: dict[str, list[str]] = {}
    for quota in process.quotas.order_by("feature", "pk"):
        features.setdefault(quota.feature, []).append(quota.value)
    return features


def pool_of(process: PanelProcess) -> QuerySet[Volunteer]:
    """The volunteers in pool order: their numbers, given in order of registration."""
    return process.volunteers.order_by("number")


def people_of(process: PanelProcess) -> tuple[Person, ...]:
    """The pool as core people: numbers, features and households."""
    return tuple(
        Person(
            volunteer.number,
            tuple(sorted(volunteer.features.items())),
            volunteer.household or None,
        )
        for volunteer in pool_of(process)
    )


def instance_of(process: PanelProcess) -> PanelInstance:
    """The core problem: pool, quotas, panel size and the household rule."""
    return PanelInstance(
        people=people_of(process),
        quotas=core_quotas_of(process),
        panel_size=process.panel_size,
        one_per_household=process.one_per_household,
    )


def quota_check_of(process: PanelProcess) -> QuotaCheck:
    """Whether the quotas can be met by the current pool, and how to relax them."""
    return check_quotas(instance_of(process))


def counts_of(process: PanelProcess) -> list[dict[str, Any]]:
    """Per quota: volunteers in the pool with the value, and members drawn."""
    from wijkaanpak.apps.panels.services import current_panel

    panel = set(current_panel(process))
    rows = []
    volunteers = list(pool_of(process))
    for quota in process.quotas.order_by("feature", "pk"):
        having = [v for v in volunteers if v.features.get(quota.feature) == quota.value]
        rows.append(
            {
                "quota": quota,
                "pool": len(having),
                "panel": sum(1 for v in having if v.number in panel),
            }
        )
    return rows


def distribution_of(process: PanelProcess) -> PanelDistribution | None:
    """The published distribution, or None before publication."""
    if not process.distribution:
        return None
    return PanelDistribution.from_dict(process.distribution)


def probability_summary(process: PanelProcess) -> dict[str, Any] | None:
    """The anonymised spread of selection probabilities: no numbers, no people."""
    if not process.distribution:
        return None
    values = sorted(process.distribution["probabilities"].values())
    bands = []
    lower = 0.0
    for upper in PROBABILITY_BANDS:
        count = sum(
            1 for value in values if lower < value <= upper or (lower == 0 == value)
        )
        bands.append({"lower": lower, "upper": upper, "count": count})
        lower = upper
    return {
        "volunteers": len(values),
        "minimum": values[0],
        "maximum": values[-1],
        "mean": sum(values) / len(values),
        "levels": process.distribution.get("levels", []),
        "panels": len(process.distribution["panels"]),
        "bands": bands,
    }


def visible_processes(areas: QuerySet[FocusArea]) -> QuerySet[PanelProcess]:
    """Processes whose distribution is public, in the given areas."""
    return (
        PanelProcess.objects.filter(focus_area__in=areas)
        .exclude(status=Status.DRAFT)
        .select_related("focus_area")
        .order_by("-created_at", "-pk")
    )
