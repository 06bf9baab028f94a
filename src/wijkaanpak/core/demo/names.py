# SPDX-License-Identifier: EUPL-1.2
"""Invent Dutch-sounding names for the demo city, its areas and its people.

Every name is made up from common Dutch word parts, so the demo never
suggests that a real place or person has the problems the figures show. The
city name carries the label "(fictief)" for the same reason.
"""

from __future__ import annotations

import math
import random

from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "CENTRE_DISTRICT",
    "CITY_NAMES",
    "city_name",
    "compass_name",
    "district_names",
    "neighbourhood_names",
    "person_names",
]

#: Invented city names; none is the name of a Dutch municipality.
CITY_NAMES: tuple[str, ...] = (
    "Havenstad",
    "Vlietburg",
    "Lindendam",
    "Kadewaard",
    "Sluisveen",
)
#: The name of the district around the city centre.
CENTRE_DISTRICT = "Centrum"

_DISTRICTS: tuple[str, ...] = (
    "Vlietland",
    "Hoogveld",
    "Lindenhorst",
    "Dijkzicht",
    "Havenkwartier",
    "Molenweide",
    "Rietvelden",
    "Zuiderpolder",
    "Noorderhout",
    "Oosterwaard",
    "Westerdijk",
    "Kastanjehof",
    "Beekdal",
    "Sluiskwartier",
    "Bremhorst",
    "Vogelzang",
    "Essenburg",
    "Grachtzoom",
    "Heidemeer",
    "Zonneveld",
)

_PREFIXES: tuple[str, ...] = (
    "Molen",
    "Bloemen",
    "Vogel",
    "Vliet",
    "Kastanje",
    "Linden",
    "Eiken",
    "Haven",
    "Dijk",
    "Sluis",
    "Kerk",
    "Markt",
    "Beek",
    "Weide",
    "Polder",
    "Zonne",
    "Wilgen",
    "Berken",
    "Riet",
    "Schepen",
    "Brug",
    "Iepen",
    "Meidoorn",
    "Kievit",
    "Lelie",
)
_SUFFIXES: tuple[str, ...] = (
    "buurt",
    "kwartier",
    "wijk",
    "hof",
    "park",
    "zoom",
    "veld",
    "hoek",
    "kade",
    "laan",
    "rijk",
)
_STANDALONE: tuple[str, ...] = (
    "Oude Haven",
    "Nieuwe Haven",
    "Binnenstad",
    "Stationskwartier",
    "Oude Dorp",
    "De Werf",
    "Het Spoor",
    "De Singels",
)

_FIRST_NAMES: tuple[str, ...] = (
    "Anouk",
    "Bram",
    "Charlotte",
    "Daan",
    "Esra",
    "Fenna",
    "Gijs",
    "Hanneke",
    "Ilse",
    "Jeroen",
    "Karim",
    "Lotte",
    "Marieke",
    "Noah",
    "Olga",
    "Pieter",
    "Quinten",
    "Roos",
    "Sanne",
    "Thijs",
    "Umut",
    "Vera",
    "Wouter",
    "Yasmina",
    "Zeynep",
    "Joost",
    "Mila",
    "Rachid",
)
_SURNAMES: tuple[str, ...] = (
    "van der Vliet",
    "de Molenaar",
    "Kastelein",
    "van Dijkhuis",
    "Brouwersma",
    "ter Horst",
    "de Wilde",
    "Hoekstra",
    "van den Akker",
    "Bakkenes",
    "Verschoor",
    "El Idrissi",
    "Yilmazer",
    "Schuurman",
    "de Kadt",
    "van Lindert",
    "Rietveldt",
    "Zandbergen",
    "Groenewoud",
    "van Sluijs",
    "Dekkers",
    "Oosterbaan",
    "Mulderink",
    "Tuinstra",
)


def city_name(*, rng: random.Random) -> str:
    """Choose an invented city name, labelled as fictional.

    Parameters
    ----------
    rng : random.Random
        The source of randomness.

    Returns
    -------
    str
        For example ``"Havenstad (fictief)"``.

    Examples
    --------
    >>> import random
    >>> city_name(rng=random.Random(1)).endswith(" (fictief)")
    True
    """
    return f"{rng.choice(CITY_NAMES)} (fictief)"


def district_names(count: int, *, rng: random.Random) -> tuple[str, ...]:
    """Invent ``count`` district names; the first is the centre district.

    Parameters
    ----------
    count : int
        The number of districts, at most 21.
    rng : random.Random
        The source of randomness.

    Returns
    -------
    tuple of str
        Unique names, ``"Centrum"`` first.

    Raises
    ------
    WijkaanpakError
        If more names are asked for than the list holds.

    Examples
    --------
    >>> import random
    >>> names = district_names(4, rng=random.Random(1))
    >>> names[0], len(set(names))
    ('Centrum', 4)
    """
    if count - 1 > len(_DISTRICTS):
        raise WijkaanpakError(
            f"The demo names at most {len(_DISTRICTS) + 1} districts, not {count}."
        )
    return (CENTRE_DISTRICT, *rng.sample(_DISTRICTS, count - 1))[:count]


def neighbourhood_names(
    count: int, *, rng: random.Random, avoid: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """Invent ``count`` unique neighbourhood names.

    Names are compounds such as "Molenkwartier" or "Vlietzoom", plus a few
    fixed ones such as "Oude Haven".

    Parameters
    ----------
    count : int
        The number of names.
    rng : random.Random
        The source of randomness.
    avoid : frozenset of str
        Names already in use (district names), which are not returned.

    Returns
    -------
    tuple of str
        Unique names in random order.

    Raises
    ------
    WijkaanpakError
        If more names are asked for than can be made.

    Examples
    --------
    >>> import random
    >>> names = neighbourhood_names(50, rng=random.Random(3))
    >>> len(set(names))
    50
    """
    pool = [prefix + suffix for prefix in _PREFIXES for suffix in _SUFFIXES]
    pool += list(_STANDALONE)
    pool = [name for name in pool if name not in avoid]
    if count > len(pool):
        raise WijkaanpakError(
            f"The demo can name at most {len(pool)} neighbourhoods, not {count}."
        )
    return tuple(rng.sample(pool, count))


def person_names(count: int, *, rng: random.Random) -> tuple[str, ...]:
    """Invent ``count`` person names with distinct first names and surnames.

    Parameters
    ----------
    count : int
        The number of names, at most 24.
    rng : random.Random
        The source of randomness.

    Returns
    -------
    tuple of str
        Names such as ``"Sanne de Wilde"``.

    Examples
    --------
    >>> import random
    >>> len(set(person_names(12, rng=random.Random(5))))
    12
    """
    first = rng.sample(_FIRST_NAMES, count)
    last = rng.sample(_SURNAMES, count)
    return tuple(f"{given} {family}" for given, family in zip(first, last, strict=True))


def compass_name(x: float, y: float) -> str:
    """Return the Dutch compass direction of a point seen from the origin.

    Parameters
    ----------
    x, y : float
        The point, east and north of the origin.

    Returns
    -------
    str
        One of "Noord", "Noordoost", "Oost", "Zuidoost", "Zuid", "Zuidwest",
        "West" and "Noordwest".

    Examples
    --------
    >>> compass_name(0.0, -3.0), compass_name(2.0, 2.0)
    ('Zuid', 'Noordoost')
    """
    directions = (
        "Oost",
        "Noordoost",
        "Noord",
        "Noordwest",
        "West",
        "Zuidwest",
        "Zuid",
        "Zuidoost",
    )
    sector = round(math.atan2(y, x) / (math.pi / 4)) % 8
    return directions[sector]
