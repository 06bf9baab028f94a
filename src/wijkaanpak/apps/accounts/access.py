# SPDX-License-Identifier: EUPL-1.2
"""The one door: every view, API call and service gets protected objects here.

Each condition stands on its own line so that coverage shows every case tested.
A focus area that does not exist and one the user may not see give the same
404, so nobody learns which areas exist by guessing.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from wijkaanpak.apps.accounts.models import Membership, OrganisationKind, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.apps.breakthroughs.models import BlockageCase
    from wijkaanpak.apps.reports.models import Problem
    from wijkaanpak.apps.residents.models import ContractItem

    AnyUser = User | AnonymousUser


class Need(enum.Enum):
    """What a request needs of the user in one focus area."""

    #: Anyone, residents without an account included.
    PUBLIC = "public"
    #: Any member of the area: bureau, alliance or front-line professional.
    MEMBER = "member"
    #: The alliance or the programme bureau.
    ALLIANCE = "alliance"
    #: The programme bureau only.
    BUREAU = "bureau"


_ROLES_MEETING = {
    Need.MEMBER: frozenset({Role.BUREAU, Role.ALLIANCE, Role.PROFESSIONAL}),
    Need.ALLIANCE: frozenset({Role.BUREAU, Role.ALLIANCE}),
    Need.BUREAU: frozenset({Role.BUREAU}),
}


def roles_in(user: AnyUser, focus_area: FocusArea) -> frozenset[str]:
    """The roles a user holds in one focus area; anonymous users hold none."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        Membership.objects.filter(user=user, focus_area=focus_area).values_list(
            "role", flat=True
        )
    )


def is_national_viewer(user: AnyUser) -> bool:
    """National staff see aggregates across all areas, never personal data."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(
        user=user, role=Role.NATIONAL, focus_area__isnull=True
    ).exists()


def may(user: AnyUser, focus_area: FocusArea, need: Need) -> bool:
    """Say whether the user meets ``need`` in the focus area."""
    if need is Need.PUBLIC:
        return True
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(roles_in(user, focus_area) & _ROLES_MEETING[need])


def require_administrator(acting_user: User | None) -> None:
    """Registering areas, organisations and accounts is for administrators.

    ``None`` stands for a trusted job (the demo loader, an import run from the
    command line), which has no user.
    """
    if acting_user is None:
        return
    if acting_user.is_superuser:
        return
    raise PermissionDenied


def require(acting_user: User | None, focus_area: FocusArea, need: Need) -> None:
    """Raise unless the acting user meets ``need`` in the area; ``None`` is a job."""
    if acting_user is None:
        return
    if may(acting_user, focus_area, need):
        return
    raise PermissionDenied


def require_national_viewer(acting_user: User | None) -> None:
    """Raise unless the acting user is national staff; ``None`` is a job."""
    if acting_user is None:
        return
    if is_national_viewer(acting_user):
        return
    raise PermissionDenied


def may_act_for(
    user: AnyUser, focus_area: FocusArea, organisation_id: int | None
) -> bool:
    """The bureau acts for every partner; an alliance member for its own only."""
    if may(user, focus_area, Need.BUREAU):
        return True
    if not may(user, focus_area, Need.ALLIANCE):
        return False
    if organisation_id is None:
        return False
    return getattr(user, "organisation_id", None) == organisation_id


def require_acting_for(
    acting_user: User | None, focus_area: FocusArea, organisation_id: int | None
) -> None:
    """Raise unless the acting user may act for the organisation in the area."""
    if acting_user is None:
        return
    if may_act_for(acting_user, focus_area, organisation_id):
        return
    raise PermissionDenied


def may_write_for_residents(user: AnyUser, focus_area: FocusArea) -> bool:
    """Residents write their neighbourhood's contract through their own organisation.

    Residents have no account of their own; a member of the area who comes
    from a residents' organisation (a residents' platform in the alliance)
    writes for them. The programme bureau may always.
    """
    if may(user, focus_area, Need.BUREAU):
        return True
    if not may(user, focus_area, Need.MEMBER):
        return False
    organisation = getattr(user, "organisation", None)
    if organisation is None:
        return False
    return bool(organisation.kind == OrganisationKind.RESIDENTS_ORGANISATION)


def require_writing_for_residents(
    acting_user: User | None, focus_area: FocusArea
) -> None:
    """Raise unless the acting user may write for residents; ``None`` is a job."""
    if acting_user is None:
        return
    if may_write_for_residents(acting_user, focus_area):
        return
    raise PermissionDenied


def may_review_contract_item(user: AnyUser, item: ContractItem) -> bool:
    """The bureau reviews any agreement; residents their own; a partner its own."""
    from wijkaanpak.apps.residents.models import ContractItem

    focus_area = item.contract.focus_area
    if may(user, focus_area, Need.BUREAU):
        return True
    if item.party == ContractItem.Party.RESIDENTS:
        return may_write_for_residents(user, focus_area)
    return may_act_for(user, focus_area, item.organisation_id)


def access_focus_area(user: AnyUser, slug: str, *, need: Need) -> FocusArea:
    """Return the focus area if the user meets ``need`` there; else the same 404."""
    from wijkaanpak.apps.areas.models import FocusArea

    focus_area = (
        FocusArea.objects.select_related("municipality").filter(slug=slug).first()
    )
    if focus_area is None:
        raise Http404
    if not may(user, focus_area, need):
        raise Http404
    return focus_area


def focus_areas_of(user: AnyUser) -> list[FocusArea]:
    """The focus areas where the user holds any role, for navigation."""
    from wijkaanpak.apps.areas.models import FocusArea

    if not user.is_authenticated:
        return []
    areas = FocusArea.objects.order_by("name")
    if user.is_superuser:
        return list(areas)
    return list(areas.filter(memberships__user=user).distinct())


def access_problem(user: AnyUser, slug: str, problem_id: int, *, need: Need) -> Problem:
    """Return a problem of the area if the user meets ``need`` there; else 404."""
    from wijkaanpak.apps.reports.models import Problem

    focus_area = access_focus_area(user, slug, need=need)
    problem = (
        Problem.objects.select_related("category", "focus_area", "handler")
        .filter(pk=problem_id, focus_area=focus_area)
        .first()
    )
    if problem is None:
        raise Http404
    return problem


def may_see_contact_data(user: AnyUser, problem: Problem) -> bool:
    """Reporters' contact data are for the bureau and the problem's handler only."""
    if not user.is_authenticated:
        return False
    if problem.handler_id is not None and problem.handler_id == user.pk:
        return True
    return may(user, problem.focus_area, Need.BUREAU)


def require_problem_handling(
    acting_user: User | None, problem: Problem, *, status: str
) -> None:
    """Who may move a problem: the bureau always; the handler while working on it.

    Any member may verify a fix by inspection or photo (the flow keeps the one
    who claimed it from verifying it); forwarding, giving up, closing and
    reopening are decisions of the bureau.
    """
    from wijkaanpak.apps.reports.models import Status

    if acting_user is None:
        return
    if may(acting_user, problem.focus_area, Need.BUREAU):
        return
    handler_steps = {Status.IN_PROGRESS, Status.SCHEDULED, Status.FIX_CLAIMED}
    if status in handler_steps and problem.handler_id == acting_user.pk:
        return
    if status == Status.FIX_VERIFIED and may(
        acting_user, problem.focus_area, Need.MEMBER
    ):
        return
    raise PermissionDenied


def access_blockage_case(
    user: AnyUser, slug: str, case_id: int, *, need: Need = Need.MEMBER
) -> BlockageCase:
    """Return a blockage case of the area if the user meets ``need`` there; else 404."""
    from wijkaanpak.apps.breakthroughs.models import BlockageCase

    focus_area = access_focus_area(user, slug, need=need)
    case = (
        BlockageCase.objects.select_related("focus_area", "problem", "flagged_by")
        .filter(pk=case_id, focus_area=focus_area)
        .first()
    )
    if case is None:
        raise Http404
    return case


def may_decide_on_case(user: AnyUser, case: BlockageCase) -> bool:
    """Who records decisions on a case depends on the level it stands on.

    At the front line any member of the area decides (the team that knows
    the household); higher up the programme bureau records the decisions of
    the bureau, the breakthrough table and the national meeting. At the
    breakthrough table an alliance member with mandate may record them too.
    """
    from wijkaanpak.apps.breakthroughs.models import Level

    if may(user, case.focus_area, Need.BUREAU):
        return True
    if case.level == Level.FRONT_LINE:
        return may(user, case.focus_area, Need.MEMBER)
    if case.level != Level.ALLIANCE:
        return False
    if not may(user, case.focus_area, Need.ALLIANCE):
        return False
    return Membership.objects.filter(
        user=user, focus_area=case.focus_area, role=Role.ALLIANCE, has_mandate=True
    ).exists()


def require_case_decision(acting_user: User | None, case: BlockageCase) -> None:
    """Raise unless the acting user may decide at the case's level; ``None`` is a job."""
    if acting_user is None:
        return
    if may_decide_on_case(acting_user, case):
        return
    raise PermissionDenied


def may_read_rule_register(user: AnyUser) -> bool:
    """The register of blocking rules: national staff and every area's members."""
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    if is_national_viewer(user):
        return True
    return Membership.objects.filter(user=user, focus_area__isnull=False).exists()


def require_rule_register_reader(acting_user: User | None) -> None:
    """Raise unless the acting user may read and add to the register; ``None`` is a job."""
    if acting_user is None:
        return
    if may_read_rule_register(acting_user):
        return
    raise PermissionDenied
