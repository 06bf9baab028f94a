# SPDX-License-Identifier: EUPL-1.2
"""The working-style profile of an organisation's neighbourhood-oriented work.

Partners in one alliance work in the neighbourhood in different ways: one
decides at head office and sticks to its protocols, another gives its people
room to act on the spot. The people who work across the organisations'
boundaries (*grenswerkers*) feel those differences first. An organisation
places itself on five sliders, each from 0 (the left pole) to 100 (the right
pole):

``steering``
    decisions at head office — decisions in the neighbourhood;
``task``
    its own core task — whatever the neighbourhood needs;
``horizon``
    incidents and projects — lasting presence;
``rules``
    protocols and procedures — tailor-made solutions;
``partnering``
    working on its own — working in shared teams.

Each of the five profiles has a typical position; the organisation gets the
profile whose position is nearest (squared Euclidean distance; ties go to
the profile listed first). Comparing the partners of one alliance shows, per
slider, how far apart they stand: a wide spread is where boundary workers
will need agreements.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "PROFILES",
    "SLIDERS",
    "TENSION_SPREAD",
    "Placement",
    "Profile",
    "ProfileComparison",
    "SliderSpread",
    "compare_profiles",
    "working_style_profile",
]

#: The sliders, in the order forms and tables show them.
SLIDERS: tuple[str, ...] = ("steering", "task", "horizon", "rules", "partnering")

#: Partners this far apart on a slider (of 100) need explicit agreements.
TENSION_SPREAD = 50


@dataclass(frozen=True, slots=True)
class Profile:
    """One of the five working styles and its typical slider positions.

    Attributes
    ----------
    key : str
        Stable identifier; the app holds name and description.
    position : tuple of int
        Typical value per slider, in the order of :data:`SLIDERS`.
    """

    key: str
    position: tuple[int, ...]


#: From working from the institution to acting as a neighbourhood entrepreneur.
PROFILES: tuple[Profile, ...] = (
    Profile("institution", (10, 15, 20, 10, 15)),
    Profile("specialist", (35, 20, 55, 35, 40)),
    Profile("chain_partner", (30, 45, 40, 30, 85)),
    Profile("neighbourhood_team", (70, 70, 65, 60, 75)),
    Profile("neighbourhood_entrepreneur", (90, 90, 90, 90, 50)),
)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an organisation's sliders place it.

    Attributes
    ----------
    profile : str
        The key of the nearest profile.
    distances : tuple of (str, int)
        Squared distance to every profile, nearest first.
    """

    profile: str
    distances: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class SliderSpread:
    """How far the partners stand apart on one slider.

    Attributes
    ----------
    slider : str
        The slider's key.
    low, high : int
        The lowest and highest value among the partners.
    lowest, highest : tuple of str
        The partners at the low and at the high end.
    """

    slider: str
    low: int
    high: int
    lowest: tuple[str, ...]
    highest: tuple[str, ...]

    @property
    def spread(self) -> int:
        """The distance between the outer partners."""
        return self.high - self.low

    @property
    def is_tension(self) -> bool:
        """Whether the spread needs explicit agreements between partners."""
        return self.spread >= TENSION_SPREAD


@dataclass(frozen=True, slots=True)
class ProfileComparison:
    """The partners of one alliance side by side.

    Attributes
    ----------
    placements : tuple of (str, Placement)
        Each partner with its placement, in the given order.
    spreads : tuple of SliderSpread
        One per slider, in the order of :data:`SLIDERS`.
    """

    placements: tuple[tuple[str, Placement], ...]
    spreads: tuple[SliderSpread, ...]

    @property
    def tensions(self) -> tuple[SliderSpread, ...]:
        """The sliders on which the partners stand far apart."""
        return tuple(spread for spread in self.spreads if spread.is_tension)


def _check(sliders: Mapping[str, int]) -> tuple[int, ...]:
    if set(sliders) != set(SLIDERS):
        raise ValueError(f"a profile needs exactly the sliders {', '.join(SLIDERS)}")
    values = tuple(sliders[slider] for slider in SLIDERS)
    if not all(0 <= value <= 100 for value in values):
        raise ValueError("each slider lies from 0 to 100")
    return values


def working_style_profile(sliders: Mapping[str, int]) -> Placement:
    """Place an organisation on the nearest of the five profiles.

    Parameters
    ----------
    sliders : mapping of str to int
        A value from 0 to 100 for each of :data:`SLIDERS`.

    Returns
    -------
    Placement
        The nearest profile and the distance to each.

    Examples
    --------
    >>> sliders = dict(steering=80, task=85, horizon=80, rules=85, partnering=55)
    >>> working_style_profile(sliders).profile
    'neighbourhood_entrepreneur'

    References
    ----------
    .. [1] Cover, T. and Hart, P. (1967). "Nearest neighbor pattern
       classification", *IEEE Transactions on Information Theory* 13(1),
       21-27 (the nearest-prototype rule, with one prototype per class).
    """
    values = _check(sliders)
    distances = [
        (
            profile.key,
            sum(
                (value - typical) ** 2
                for value, typical in zip(values, profile.position, strict=True)
            ),
        )
        for profile in PROFILES
    ]
    # sorted() is stable, so equal distances keep the listed profile order.
    ranked = tuple(sorted(distances, key=lambda item: item[1]))
    return Placement(ranked[0][0], ranked)


def compare_profiles(partners: Mapping[str, Mapping[str, int]]) -> ProfileComparison:
    """Compare the working styles of the partners in one alliance.

    Parameters
    ----------
    partners : mapping of str to mapping of str to int
        Per partner name, its sliders; the order is the order of the table.

    Returns
    -------
    ProfileComparison
        Each partner's placement and, per slider, how far they stand apart.

    Examples
    --------
    >>> police = dict(steering=10, task=20, horizon=20, rules=10, partnering=20)
    >>> housing = dict(steering=80, task=80, horizon=85, rules=90, partnering=60)
    >>> comparison = compare_profiles({"Politie": police, "Woonstad": housing})
    >>> [spread.slider for spread in comparison.tensions]
    ['steering', 'task', 'horizon', 'rules']
    """
    if not partners:
        raise ValueError("compare at least one partner")
    values = {name: _check(sliders) for name, sliders in partners.items()}
    spreads = []
    for index, slider in enumerate(SLIDERS):
        column = {name: row[index] for name, row in values.items()}
        low, high = min(column.values()), max(column.values())
        spreads.append(
            SliderSpread(
                slider,
                low,
                high,
                tuple(name for name, value in column.items() if value == low),
                tuple(name for name, value in column.items() if value == high),
            )
        )
    return ProfileComparison(
        placements=tuple(
            (name, working_style_profile(sliders)) for name, sliders in partners.items()
        ),
        spreads=tuple(spreads),
    )
