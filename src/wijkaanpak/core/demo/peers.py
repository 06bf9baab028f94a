# SPDX-License-Identifier: EUPL-1.2
"""Two more fictional focus areas, so the national dashboard has areas to compare.

The national dashboard sets focus areas side by side; with one demo area it
would show nothing. The peers are made by the same generator as the demo
city, each in its own fictional municipality (codes ``GM9902`` and
``GM9903``, which no real municipality has) with another seed, a smaller
alliance of five partners, three logins, a small programme and the same
kinds of residents' reports. The first demo city is not touched: its seed,
codes and figures stay as they were.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from wijkaanpak.core.demo.alliance import DemoOrganisation, DemoPerson
from wijkaanpak.core.demo.city import DemoCity, generate_city
from wijkaanpak.core.demo.programme import (
    _GOALS,
    DemoCommitment,
    DemoMeasure,
    DemoProgramme,
    DemoStopRule,
)

__all__ = ["PEER_NUMBERS", "DemoPeer", "generate_peers"]

#: The municipality numbers of the peers, after the demo city's 9901.
PEER_NUMBERS = ("9902", "9903")
#: Size of each peer city: (neighbourhoods, districts).
_SIZES = ((30, 5), (24, 4))
#: How much of its promises each peer's partners delivered: the dashboard
#: shows a spread, so one peer delivers well and the other does not.
_DELIVERY = ((1.0, 0.9, 0.8, 1.0, 1.0), (0.6, 0.5, 0.9, 0.7, 1.0))
_PARTNERS = (
    "municipality",
    "housing_corporation",
    "police",
    "care_welfare",
    "ministry",
)
_EMAIL_DOMAIN = "example.org"


@dataclass(frozen=True, slots=True)
class DemoPeer:
    """A peer focus area with its city, partners, people and programme.

    Attributes
    ----------
    city : DemoCity
        The generated municipality and its focus area (``city.people`` and
        ``city.organisations`` are not used: see below).
    organisations : tuple of DemoOrganisation
        Five partners; the ministry is the one of the demo city.
    people : tuple of DemoPerson
        A bureau member, an alliance member and a front-line professional.
    programme : DemoProgramme
        A small plan: goals, three measures with budgets, commitments.
    """

    city: DemoCity
    organisations: tuple[DemoOrganisation, ...]
    people: tuple[DemoPerson, ...]
    programme: DemoProgramme


def _organisations(city: str, focus_area: str) -> tuple[DemoOrganisation, ...]:
    return (
        DemoOrganisation("municipality", f"Gemeente {city} (fictief)", "municipality"),
        DemoOrganisation(
            "housing_corporation", f"Woonbron {city} (fictief)", "housing_corporation"
        ),
        DemoOrganisation("police", f"Politie, basisteam {city}", "police"),
        DemoOrganisation(
            "care_welfare", f"Wijkteam {focus_area} (fictief)", "care_welfare"
        ),
        DemoOrganisation(
            "ministry",
            "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)",
            "ministry",
        ),
    )


def _people(number: str, names: tuple[str, ...]) -> tuple[DemoPerson, ...]:
    roles = (
        ("bureau", f"bureau{number}", "municipality", "bureau", "Programmamanager"),
        (
            "alliance",
            f"alliantie{number}",
            "housing_corporation",
            "alliance",
            "Bestuurder",
        ),
        (
            "professional",
            f"wijkteam{number}",
            "care_welfare",
            "professional",
            "Wijkcoach",
        ),
    )
    return tuple(
        DemoPerson(
            key=key,
            name=name,
            organisation_key=organisation,
            role=role,  # type: ignore[arg-type]
            username=username,
            email=f"{username}@{_EMAIL_DOMAIN}",
            position=position,
            has_mandate=True,
        )
        for (key, username, organisation, role, position), name in zip(
            roles, names, strict=False
        )
    )


def _programme(focus_area: str, variant: int, today: datetime.date) -> DemoProgramme:
    goals = tuple(
        goal
        for goal in _GOALS
        if goal.key in {"income", "assistance", "work", "liveability", "crime"}
    )
    measures = (
        DemoMeasure(
            "work_coach",
            "Werkcoach in het buurthuis",
            "Een vaste werkcoach helpt bewoners in de bijstand op weg naar werk.",
            ("work_poverty",),
            ("assistance", "work"),
            "municipality",
            ("care_welfare",),
            "more",
            "Een extra coach bovenop de gewone begeleiding.",
            2023,
            2027,
            "running",
            (True, True, False, True),
            "Gemeente (minder bijstand)",
            (("municipality", 2023, 120_000), ("municipality", 2024, 140_000)),
            DemoStopRule("Deelnemers met werk na een jaar (%)", "at_least", 30, 2025),
        ),
        DemoMeasure(
            "green_streets",
            "Groene straten",
            "Bewoners en corporatie vergroenen samen straten en binnenterreinen.",
            ("housing",),
            ("liveability",),
            "housing_corporation",
            ("municipality",),
            "better",
            "Bewoners kiezen zelf mee waar het groen komt.",
            2023,
            2026,
            "running" if variant == 0 else "planned",
            (True, False, True, False),
            "Bewoners en corporatie",
            (("housing_corporation", 2023, 300_000), ("ministry", 2024, 200_000)),
            None,
        ),
        DemoMeasure(
            "safe_square",
            "Veilig plein",
            "Politie, wijkteam en bewoners pakken overlast op het plein samen aan.",
            ("safety_undermining",),
            ("crime",),
            "police",
            ("care_welfare", "municipality"),
            "different",
            "Eén gezamenlijk team in plaats van losse acties.",
            2023,
            2027,
            "running",
            (False, True, True, False),
            "Bewoners en ondernemers",
            (("municipality", 2023, 80_000), ("police", 2024, 60_000)),
            None,
        ),
    )
    amounts = {
        "municipality": ("money", 600_000, "Programmabudget"),
        "housing_corporation": ("money", 900_000, "Groen en onderhoud"),
        "police": ("staff", 1_200, "Extra inzet wijkagent"),
        "care_welfare": ("staff", 1_600, "Wijkcoaches"),
        "ministry": ("money", 1_000_000, "Rijksbijdrage NPLV"),
    }
    commitments = []
    for partner, share in zip(_PARTNERS, _DELIVERY[variant], strict=True):
        kind, amount, description = amounts[partner]
        for year in range(2023, 2027):
            delivered = round(amount * share) if year < today.year else 0
            commitments.append(
                DemoCommitment(partner, year, kind, amount, delivered, description)  # type: ignore[arg-type]
            )
    return DemoProgramme(
        vision=(
            f"In 2032 wonen de bewoners van {focus_area} in een wijk met werk, "
            "groen en veilige straten."
        ),
        end_year=2032,
        problems=(),
        goals=goals,
        measures=measures,
        commitments=tuple(commitments),
        meetings=(),
        minimum_goals=(),
    )


def generate_peers(
    *, seed: int, today: datetime.date, taken_names: frozenset[str] = frozenset()
) -> tuple[DemoPeer, ...]:
    """Generate the peer focus areas of the demo.

    Parameters
    ----------
    seed : int
        The seed of the demo; each peer uses its own seed derived from it.
    today : datetime.date
        The day the demo is loaded: only commitments of earlier years have
        deliveries.
    taken_names : frozenset of str
        City names already in use; a peer whose seed gives one of them tries
        the next seed, so every city has its own name.

    Returns
    -------
    tuple of DemoPeer
        One per number in :data:`PEER_NUMBERS`.

    Examples
    --------
    >>> import datetime
    >>> peers = generate_peers(seed=2026, today=datetime.date(2026, 5, 1))
    >>> [peer.city.municipality.code for peer in peers]
    ['GM9902', 'GM9903']
    >>> len({peer.city.municipality.name for peer in peers})
    2
    """
    peers = []
    taken = set(taken_names)
    for variant, (number, (size, districts)) in enumerate(
        zip(PEER_NUMBERS, _SIZES, strict=True)
    ):
        peer_seed = seed * 100 + int(number[2:])
        city = generate_city(
            seed=peer_seed,
            neighbourhoods=size,
            districts=districts,
            number=number,
            with_national_sample=False,
        )
        while city.municipality.name in taken:
            peer_seed += 1000
            city = generate_city(
                seed=peer_seed,
                neighbourhoods=size,
                districts=districts,
                number=number,
                with_national_sample=False,
            )
        taken.add(city.municipality.name)
        plain = city.municipality.name.removesuffix(" (fictief)")
        people = _people(number, tuple(person.name for person in city.people[:3]))
        focus_area = dataclasses.replace(city.focus_area, director_key=people[0].key)
        city = dataclasses.replace(city, focus_area=focus_area)
        peers.append(
            DemoPeer(
                city=city,
                organisations=_organisations(plain, focus_area.name),
                people=people,
                programme=_programme(focus_area.name, variant, today),
            )
        )
    return tuple(peers)
