# SPDX-License-Identifier: EUPL-1.2
"""Reads about people and roles, for one use case each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from wijkaanpak.apps.accounts.models import Membership, Organisation, Role, User

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea


def alliance_of(focus_area: FocusArea) -> QuerySet[Membership]:
    """The alliance members of an area, chair first."""
    return (
        Membership.objects.for_area(focus_area)
        .filter(role=Role.ALLIANCE)
        .select_related("user", "user__organisation")
        .order_by("-is_chair", "user__organisation__name", "user__last_name")
    )


def members_of(focus_area: FocusArea) -> QuerySet[Membership]:
    """Everyone with a role in an area, by role."""
    return (
        Membership.objects.for_area(focus_area)
        .select_related("user", "user__organisation")
        .order_by("role", "user__last_name")
    )


def partners_of(focus_area: FocusArea) -> QuerySet[Organisation]:
    """The organisations whose people hold a role in the area."""
    return (
        Organisation.objects.filter(people__memberships__focus_area=focus_area)
        .distinct()
        .order_by("kind", "name")
    )


def people_in(focus_area: FocusArea) -> QuerySet[User]:
    """The active people with any role in an area, by name (to pick a handler)."""
    return (
        User.objects.filter(memberships__focus_area=focus_area, is_active=True)
        .distinct()
        .order_by("last_name", "first_name")
    )
