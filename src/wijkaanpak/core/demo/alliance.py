# SPDX-License-Identifier: EUPL-1.2
"""Invent the organisations and people who run the demo focus area.

A focus area of the neighbourhood programme is run by a programme bureau and
an alliance (*alliantie*) of the partners who act in the area: municipality,
housing corporations, schools, police, public prosecutor, care and welfare,
business and residents, with the mayor in the chair. The Ministry of the
Interior (BZK) follows all focus areas nationally. The demo gives each role a
login with a fixed username, so the demo can print one login per role.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from wijkaanpak.core.demo.names import person_names

__all__ = [
    "ORGANISATION_KINDS",
    "ROLES",
    "DemoOrganisation",
    "DemoPerson",
    "OrganisationKind",
    "Role",
    "alliance_people",
    "demo_organisations",
]

OrganisationKind = Literal[
    "municipality",
    "housing_corporation",
    "school_board",
    "police",
    "public_prosecutor",
    "care_welfare",
    "business",
    "residents_organisation",
    "ministry",
    "other",
]
Role = Literal["bureau", "alliance", "professional", "national"]

#: The kinds of organisation, as stored.
ORGANISATION_KINDS: tuple[OrganisationKind, ...] = (
    "municipality",
    "housing_corporation",
    "school_board",
    "police",
    "public_prosecutor",
    "care_welfare",
    "business",
    "residents_organisation",
    "ministry",
    "other",
)
#: The roles a person can hold in a focus area, as stored.
ROLES: tuple[Role, ...] = ("bureau", "alliance", "professional", "national")

_EMAIL_DOMAIN = "example.org"


@dataclass(frozen=True, slots=True)
class DemoOrganisation:
    """An organisation that takes part in the demo programme.

    Attributes
    ----------
    key : str
        Identifier within the demo, for example ``"police"``.
    name : str
        The invented Dutch name.
    kind : str
        One of :data:`ORGANISATION_KINDS`.
    """

    key: str
    name: str
    kind: OrganisationKind


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """A person with a demo login and a role in the focus area.

    Attributes
    ----------
    key : str
        Identifier within the demo, for example ``"director"``.
    name : str
        The invented Dutch name.
    organisation_key : str
        The key of the organisation the person works for.
    role : str
        One of :data:`ROLES`.
    username : str
        Lowercase ASCII login name, for example ``"directeur"``.
    email : str
        An address at the reserved domain ``example.org``.
    position : str
        The job title in Dutch, for example ``"Programmadirecteur"``.
    has_mandate : bool
        False for a stand-in in the alliance who cannot decide for the
        organisation.
    """

    key: str
    name: str
    organisation_key: str
    role: Role
    username: str
    email: str
    position: str
    has_mandate: bool = True


def demo_organisations(city: str, focus_area: str) -> tuple[DemoOrganisation, ...]:
    """Return the organisations of the demo programme.

    Parameters
    ----------
    city : str
        The city name without the "(fictief)" label, for example "Havenstad".
    focus_area : str
        The name of the focus area, used by the residents' platform.

    Returns
    -------
    tuple of DemoOrganisation
        The municipality first, the ministry last.

    Examples
    --------
    >>> [org.key for org in demo_organisations("Havenstad", "Havenstad Zuid")][:3]
    ['municipality', 'housing_corporation_1', 'housing_corporation_2']
    """
    entries: tuple[tuple[str, str, OrganisationKind], ...] = (
        ("municipality", f"Gemeente {city} (fictief)", "municipality"),
        ("housing_corporation_1", f"Woonstichting {city} Thuis", "housing_corporation"),
        (
            "housing_corporation_2",
            "Woonvereniging De Nieuwe Kade",
            "housing_corporation",
        ),
        ("school_board", f"Stichting Kinderkansen {city}", "school_board"),
        ("police", f"Politie, basisteam {city}-Stad", "police"),
        (
            "public_prosecutor",
            f"Openbaar Ministerie, parket {city}",
            "public_prosecutor",
        ),
        ("care_welfare", f"Welzijnsstichting Samen {city}", "care_welfare"),
        ("public_health", f"GGD Regio {city}", "care_welfare"),
        ("business", f"Ondernemersvereniging {city}", "business"),
        ("residents", f"Bewonersplatform {focus_area}", "residents_organisation"),
        (
            "ministry",
            "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)",
            "ministry",
        ),
    )
    return tuple(DemoOrganisation(key, name, kind) for key, name, kind in entries)


# key, username, organisation, role, position
_PEOPLE: tuple[tuple[str, str, str, Role, str], ...] = (
    ("director", "directeur", "municipality", "bureau", "Programmadirecteur"),
    ("bureau_staff", "bureau", "municipality", "bureau", "Programmasecretaris"),
    ("bureau_analyst", "analist", "municipality", "bureau", "Data-analist"),
    (
        "mayor",
        "burgemeester",
        "municipality",
        "alliance",
        "Burgemeester, voorzitter van de alliantie",
    ),
    (
        "alliance_housing",
        "alliantie",
        "housing_corporation_1",
        "alliance",
        "Bestuurder",
    ),
    (
        "alliance_housing_2",
        "corporatie",
        "housing_corporation_2",
        "alliance",
        "Directeur",
    ),
    (
        "alliance_schools",
        "onderwijs",
        "school_board",
        "alliance",
        "Voorzitter college van bestuur",
    ),
    ("alliance_police", "politie", "police", "alliance", "Teamchef"),
    (
        "alliance_prosecutor",
        "om",
        "public_prosecutor",
        "alliance",
        "Officier van justitie, invaller voor de hoofdofficier",
    ),
    ("alliance_welfare", "welzijn", "care_welfare", "alliance", "Directeur-bestuurder"),
    ("alliance_business", "ondernemers", "business", "alliance", "Voorzitter"),
    ("alliance_residents", "bewoners", "residents", "alliance", "Voorzitter"),
    (
        "professional_welfare",
        "professional",
        "care_welfare",
        "professional",
        "Wijkcoach",
    ),
    ("professional_police", "wijkagent", "police", "professional", "Wijkagent"),
    (
        "professional_school",
        "leerkracht",
        "school_board",
        "professional",
        "Intern begeleider",
    ),
    ("national_viewer", "rijk", "ministry", "national", "Beleidsmedewerker NPLV"),
)


#: Alliance members who stand in for someone and have no mandate to decide.
_STAND_INS = frozenset({"alliance_prosecutor"})


def alliance_people(*, rng: random.Random) -> tuple[DemoPerson, ...]:
    """Return the people of the demo programme, one login each.

    The bureau has a programme director and two staff, the alliance nine
    members with the mayor in the chair (one of them a stand-in without
    mandate), three front-line professionals work
    in the area, and one civil servant of the ministry follows it nationally.

    Parameters
    ----------
    rng : random.Random
        Chooses the invented names.

    Returns
    -------
    tuple of DemoPerson
        The director first; usernames are fixed, names depend on ``rng``.

    Examples
    --------
    >>> import random
    >>> people = alliance_people(rng=random.Random(1))
    >>> people[0].username, people[0].role, people[0].email
    ('directeur', 'bureau', 'directeur@example.org')
    """
    names = person_names(len(_PEOPLE), rng=rng)
    return tuple(
        DemoPerson(
            key=key,
            name=name,
            organisation_key=organisation,
            role=role,
            username=username,
            email=f"{username}@{_EMAIL_DOMAIN}",
            position=position,
            has_mandate=key not in _STAND_INS,
        )
        for (key, username, organisation, role, position), name in zip(
            _PEOPLE, names, strict=True
        )
    )
