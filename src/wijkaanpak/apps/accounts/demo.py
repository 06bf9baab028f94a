# SPDX-License-Identifier: EUPL-1.2
"""Save the demo city's partners, people and their roles in the focus area."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.hashers import make_password

from wijkaanpak.apps.accounts import services
from wijkaanpak.apps.accounts.models import Role, User

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.core.demo import DemoCity
    from wijkaanpak.core.demo.peers import DemoPeer

#: Every demo login shares this password; ``wijk demo`` prints it.
DEMO_PASSWORD = "demo-wijkaanpak"  # noqa: S105 - fictional accounts on a local demo
ADMIN_USERNAME = "beheerder"


def save_people(city: DemoCity) -> dict[str, User]:
    """Register the organisations and people; return people by generator key."""
    organisations = {
        organisation.key: services.register_organisation(
            organisation.name, organisation.kind, acting_user=None
        )
        for organisation in city.organisations
    }
    # One hash for all: hashing is slow on purpose, and the password is shared.
    password_hash = make_password(DEMO_PASSWORD)
    people: dict[str, User] = {}
    for person in city.people:
        first_name, _, last_name = person.name.partition(" ")
        people[person.key] = services.register_person(
            username=person.username,
            first_name=first_name,
            last_name=last_name,
            email=person.email,
            organisation=organisations[person.organisation_key],
            password=None,
            password_hash=password_hash,
            job_title=person.position,
            acting_user=None,
        )
    admin = services.register_person(
        username=ADMIN_USERNAME,
        first_name="Beheer",
        last_name="(demo)",
        email="beheer@example.org",
        organisation=None,
        password=None,
        password_hash=password_hash,
        acting_user=None,
    )
    services.make_administrator(admin, acting_user=None)
    return people


def save_peer_people(peer: DemoPeer) -> dict[str, User]:
    """Register a peer area's partners and its few people; no administrator."""
    organisations = {
        organisation.key: services.register_organisation(
            organisation.name, organisation.kind, acting_user=None
        )
        for organisation in peer.organisations
    }
    password_hash = make_password(DEMO_PASSWORD)
    people: dict[str, User] = {}
    for person in peer.people:
        first_name, _, last_name = person.name.partition(" ")
        people[person.key] = services.register_person(
            username=person.username,
            first_name=first_name,
            last_name=last_name,
            email=person.email,
            organisation=organisations[person.organisation_key],
            password=None,
            password_hash=password_hash,
            job_title=person.position,
            acting_user=None,
        )
    return people


def save_roles(city: DemoCity, people: dict[str, User], focus_area: FocusArea) -> None:
    """Give every demo person the role the generator assigned."""
    chair_given = False
    for person in city.people:
        user = people[person.key]
        is_chair = person.role == Role.ALLIANCE and not chair_given
        chair_given = chair_given or is_chair
        services.grant_role(
            user,
            person.role,
            focus_area=None if person.role == Role.NATIONAL else focus_area,
            is_chair=is_chair,
            has_mandate=person.has_mandate,
            acting_user=None,
        )


def demo_logins(city: DemoCity) -> list[tuple[str, str]]:
    """One login per role, for the demo's welcome text: (role label, username)."""
    logins: list[tuple[str, str]] = []
    seen: set[str] = set()
    for person in city.people:
        if person.role in seen:
            continue
        seen.add(person.role)
        logins.append((str(Role(person.role).label), person.username))
    logins.append(("Beheer (admin)", ADMIN_USERNAME))
    return logins
