# SPDX-License-Identifier: EUPL-1.2
"""Reads of contracts and budgets, one per use case."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from wijkaanpak.apps.residents.models import (
    Application,
    ContractItem,
    NeighbourhoodContract,
    ResidentsBudget,
)

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea


def contracts_in(
    focus_area: FocusArea, *, with_drafts: bool
) -> QuerySet[NeighbourhoodContract]:
    """The contracts of an area with their items; drafts only for those who write them."""
    contracts = NeighbourhoodContract.objects.filter(focus_area=focus_area)
    if not with_drafts:
        contracts = contracts.filter(status=NeighbourhoodContract.Status.SIGNED)
    return contracts.select_related("neighbourhood", "focus_area").prefetch_related(
        Prefetch(
            "items",
            queryset=ContractItem.objects.select_related("organisation").order_by(
                "party", "pk"
            ),
        )
    )


def contract_in(
    focus_area: FocusArea, pk: int, *, with_drafts: bool
) -> NeighbourhoodContract | None:
    """One contract of the area, or None (drafts count only when allowed)."""
    return contracts_in(focus_area, with_drafts=with_drafts).filter(pk=pk).first()


def item_in(contract: NeighbourhoodContract, pk: int) -> ContractItem | None:
    """One agreement of a contract, or None."""
    return (
        ContractItem.objects.select_related("contract__focus_area", "organisation")
        .filter(contract=contract, pk=pk)
        .first()
    )


def review_counts(contract: NeighbourhoodContract) -> dict[str, int]:
    """How many agreements were done, partly done, not done or not yet reviewed."""
    counts = dict.fromkeys(["done", "partly", "not_done", ""], 0)
    for item in contract.items.all():
        counts[item.review] += 1
    return counts


def budgets_in(focus_area: FocusArea) -> QuerySet[ResidentsBudget]:
    """The budgets of an area with what is granted and how many applied."""
    return (
        ResidentsBudget.objects.filter(focus_area=focus_area)
        .select_related("neighbourhood", "focus_area")
        .annotate(
            granted=Sum(
                "applications__granted_cents",
                filter=Q(applications__status=Application.Status.APPROVED),
                default=0,
            ),
            application_count=Count("applications"),
        )
        .prefetch_related(
            "criteria",
            Prefetch(
                "applications",
                queryset=Application.objects.exclude(
                    status=Application.Status.SUBMITTED
                )
                .defer("contact_name", "contact_email")
                .prefetch_related("criteria"),
                to_attr="decided",
            ),
        )
    )


def budget_in(focus_area: FocusArea, pk: int) -> ResidentsBudget | None:
    """One budget of the area, or None."""
    return budgets_in(focus_area).filter(pk=pk).first()


def applications_of(budget: ResidentsBudget) -> QuerySet[Application]:
    """Every application to a budget, oldest first, with the criteria it meets."""
    return Application.objects.filter(budget=budget).prefetch_related("criteria")


def public_applications_of(budget: ResidentsBudget) -> QuerySet[Application]:
    """What residents see: decided applications, never the contact data."""
    return (
        applications_of(budget)
        .exclude(status=Application.Status.SUBMITTED)
        .defer("contact_name", "contact_email")
    )


def application_in(budget: ResidentsBudget, pk: int) -> Application | None:
    """One application to a budget, or None."""
    return (
        Application.objects.select_related("budget__focus_area")
        .prefetch_related("criteria")
        .filter(budget=budget, pk=pk)
        .first()
    )


def application_by_token(token: str) -> Application | None:
    """The application a tracking link stands for, or None."""
    if not token or len(token) > 64:
        return None
    return (
        Application.objects.select_related(
            "budget__neighbourhood", "budget__focus_area"
        )
        .prefetch_related("criteria")
        .filter(tracking_token=token)
        .first()
    )


def expired_application_contacts(
    retention_days: int, *, today: datetime.date
) -> QuerySet[Application]:
    """Applications with contact data whose case ended more than the period ago.

    A rejected application ends with its decision; an approved one when its
    result is reported. An approved one without a result keeps its contact
    data: the bureau still needs to reach the residents.
    """
    cut_off = today - datetime.timedelta(days=retention_days)
    ended = Q(status=Application.Status.REJECTED, decided_on__lt=cut_off) | Q(
        status=Application.Status.APPROVED, result_on__lt=cut_off
    )
    return Application.objects.filter(ended).exclude(contact_name="", contact_email="")


def plan_summary_of(focus_area: FocusArea) -> dict[str, list[Any]]:
    """The signed contracts and the budgets, for the plan document and export."""
    return {
        "contracts": list(contracts_in(focus_area, with_drafts=False)),
        "budgets": list(budgets_in(focus_area)),
    }
