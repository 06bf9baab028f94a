# SPDX-License-Identifier: EUPL-1.2
"""Plain types for citizens' panels: volunteers, quotas, pools and distributions.

A panel (*burgerpanel*) is drawn from a pool of volunteers so that every quota
(a minimum and maximum number of members with one value of one feature, such as
"between 5 and 7 members aged 16-29") is met. A method does not pick one panel
directly: it fixes a *distribution* over panels first, which can be published
before the lottery seed exists, and then one panel is drawn from it.

A panel of a distribution names its sure members and may hold *lots*: "draw
``seats`` of these ``candidates``", uniformly, among volunteers who are
interchangeable for every quota (the same value of every quota feature, and no
shared household under the household rule). Every way a lot can fall gives a
panel that meets the quotas, and each candidate of a lot is seated with chance
``seats / len(candidates)``. Lots keep the distribution small: a pool of
thousands needs a few hundred panels with lots where named panels would number
hundreds of thousands.

Weights in a :class:`PanelDistribution` are integer multiples of
``1 / WEIGHT_DENOMINATOR`` (a power of two), so the weights sum to exactly one
and the selection probabilities, exact fractions, to exactly the panel size, on
every machine.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import chain, combinations, product
from typing import Any

__all__ = [
    "WEIGHT_DENOMINATOR",
    "Lot",
    "PanelDistribution",
    "PanelInstance",
    "Person",
    "Quota",
    "WeightedPanel",
]

#: Every published weight is an integer multiple of ``1 / WEIGHT_DENOMINATOR``.
WEIGHT_DENOMINATOR = 2**40


@dataclass(frozen=True, slots=True)
class Person:
    """A volunteer (*aanmelder*) in the pool, with the features quotas look at.

    Parameters
    ----------
    id : str
        The registration code or another identifier that is unique in the pool.
    features : tuple of (str, str)
        ``(feature, value)`` pairs, at most one per feature, for example
        ``(("gender", "female"), ("age", "16-29"))``.
    household : str or None
        Volunteers with the same household key share an address; with the
        household rule at most one of them can be on a panel.

    Examples
    --------
    >>> person = Person("p1", (("gender", "female"),), household="3511AB-12")
    >>> person.value("gender")
    'female'
    """

    id: str
    features: tuple[tuple[str, str], ...]
    household: str | None = None

    def __post_init__(self) -> None:
        """Check that every feature occurs at most once."""
        names = [name for name, _ in self.features]
        if len(set(names)) != len(names):
            raise ValueError(f"volunteer {self.id} has a feature listed twice")

    def value(self, feature: str) -> str | None:
        """Return this volunteer's value of ``feature``, or None if unknown.

        Parameters
        ----------
        feature : str
            The feature name.

        Returns
        -------
        str or None
            The value.
        """
        for name, value in self.features:
            if name == feature:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Quota:
    """Between ``minimum`` and ``maximum`` members with ``feature == value``.

    Examples
    --------
    >>> Quota("age", "16-29", minimum=5, maximum=7).describe()
    'between 5 and 7 members with age = 16-29'
    """

    feature: str
    value: str
    minimum: int
    maximum: int

    def __post_init__(self) -> None:
        """Check that the bounds make sense."""
        if not 0 <= self.minimum <= self.maximum:
            raise ValueError(
                f"the quota for {self.feature} = {self.value} needs "
                f"0 <= minimum <= maximum, not {self.minimum} and {self.maximum}"
            )

    def describe(self) -> str:
        """Return the quota as a phrase for a programme officer.

        Returns
        -------
        str
            For example ``'between 5 and 7 members with age = 16-29'``.
        """
        return (
            f"between {self.minimum} and {self.maximum} members with "
            f"{self.feature} = {self.value}"
        )


@dataclass(frozen=True, slots=True)
class PanelInstance:
    """The question a panel method answers: who, which quotas, how many seats.

    Parameters
    ----------
    people : tuple of Person
        The pool, in a documented order (for example sorted by id); results do
        not depend on it except through the names of people.
    quotas : tuple of Quota
        At most one quota per ``(feature, value)``.
    panel_size : int
        The number of seats, ``k``.
    one_per_household : bool
        Whether at most one member per household may be on a panel.

    Examples
    --------
    >>> pool = (Person("a", (("g", "f"),)), Person("b", (("g", "m"),)))
    >>> instance = PanelInstance(pool, (Quota("g", "f", 1, 1),), panel_size=1)
    >>> instance.ids
    ('a', 'b')
    """

    people: tuple[Person, ...]
    quotas: tuple[Quota, ...]
    panel_size: int
    one_per_household: bool = False
    ids: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Check the preconditions every method relies on."""
        ids = tuple(person.id for person in self.people)
        if len(set(ids)) != len(ids):
            raise ValueError("two volunteers in the pool have the same id")
        keys = [(quota.feature, quota.value) for quota in self.quotas]
        if len(set(keys)) != len(keys):
            raise ValueError("a feature value has more than one quota")
        if not 0 <= self.panel_size <= len(self.people):
            raise ValueError(
                f"cannot seat a panel of {self.panel_size} from a pool of "
                f"{len(self.people)} volunteers"
            )
        object.__setattr__(self, "ids", ids)

    def members_of(self, quota: Quota) -> tuple[int, ...]:
        """Return the positions in :attr:`people` of volunteers ``quota`` counts.

        Parameters
        ----------
        quota : Quota
            One of the quotas.

        Returns
        -------
        tuple of int
            Positions, increasing.
        """
        return tuple(
            index
            for index, person in enumerate(self.people)
            if person.value(quota.feature) == quota.value
        )

    def households(self) -> tuple[tuple[int, ...], ...]:
        """Return the positions of volunteers sharing a household, two or more.

        Returns
        -------
        tuple of tuple of int
            One group per shared household key, in order of first appearance.
        """
        groups: dict[str, list[int]] = {}
        for index, person in enumerate(self.people):
            if person.household is not None:
                groups.setdefault(person.household, []).append(index)
        return tuple(tuple(group) for group in groups.values() if len(group) > 1)

    def is_valid_panel(self, members: Sequence[str]) -> bool:
        """Say whether ``members`` is a panel that meets every rule.

        Parameters
        ----------
        members : sequence of str
            Ids of the proposed members.

        Returns
        -------
        bool
            True when the size, every quota and (if asked) the household rule hold.
        """
        chosen = set(members)
        if len(chosen) != len(members) or len(chosen) != self.panel_size:
            return False
        if not chosen <= set(self.ids):
            return False
        selected = [person for person in self.people if person.id in chosen]
        for quota in self.quotas:
            count = sum(
                1 for person in selected if person.value(quota.feature) == quota.value
            )
            if not quota.minimum <= count <= quota.maximum:
                return False
        if self.one_per_household:
            keys = [p.household for p in selected if p.household is not None]
            if len(set(keys)) != len(keys):
                return False
        return True


@dataclass(frozen=True, slots=True)
class Lot:
    """Draw ``seats`` of ``candidates`` uniformly, when the panel is drawn.

    ``candidates`` are sorted ids, and ``0 < seats < len(candidates)``.

    Examples
    --------
    >>> Lot(("a", "b", "c"), 1).chance
    Fraction(1, 3)
    """

    candidates: tuple[str, ...]
    seats: int

    def __post_init__(self) -> None:
        """Check the canonical form."""
        if list(self.candidates) != sorted(set(self.candidates)):
            raise ValueError("the candidates of a lot must be distinct and sorted")
        if not 0 < self.seats < len(self.candidates):
            raise ValueError(
                f"a lot draws between 1 and {len(self.candidates) - 1} of its "
                f"{len(self.candidates)} candidates, not {self.seats}"
            )

    @property
    def chance(self) -> Fraction:
        """The chance that one candidate is drawn: ``seats / len(candidates)``."""
        return Fraction(self.seats, len(self.candidates))


@dataclass(frozen=True, slots=True)
class WeightedPanel:
    """One panel of a distribution and the chance that it is drawn.

    ``members`` are sorted ids of the sure members; ``lots`` (sorted, their
    candidates disjoint from each other and from ``members``) fill the other
    seats; ``numerator / WEIGHT_DENOMINATOR`` is the weight.
    """

    members: tuple[str, ...]
    numerator: int
    lots: tuple[Lot, ...] = ()

    @property
    def weight(self) -> float:
        """The chance that this panel is drawn (an exact binary float)."""
        return self.numerator / WEIGHT_DENOMINATOR

    @property
    def size(self) -> int:
        """The number of seats: sure members plus the seats of every lot."""
        return len(self.members) + sum(lot.seats for lot in self.lots)

    def key(self) -> tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], int], ...]]:
        """Return the sort key of a panel in a distribution: members, then lots."""
        return self.members, tuple((lot.candidates, lot.seats) for lot in self.lots)

    def outcomes(self) -> Iterator[tuple[str, ...]]:
        """Yield every panel the lots can give, each as sorted ids.

        All outcomes are equally likely. Their number is the product of the
        binomial coefficients of the lots, so this is for small panels (tests,
        explanations), not for drawing.

        Yields
        ------
        tuple of str
            One outcome.
        """
        choices = [combinations(lot.candidates, lot.seats) for lot in self.lots]
        for picks in product(*choices):
            yield tuple(sorted(chain(self.members, *picks)))


@dataclass(frozen=True, slots=True)
class PanelDistribution:
    """A lottery over panels, with each volunteer's chance of being selected.

    Parameters
    ----------
    panels : tuple of WeightedPanel
        Sorted by :meth:`WeightedPanel.key`, each of ``panel_size`` seats;
        numerators are positive and sum to ``WEIGHT_DENOMINATOR``.
    people : tuple of str
        Every volunteer of the pool, in pool order.
    panel_size : int
        Seats per panel.
    method : str
        ``"leximin"``, ``"maximin"`` or ``"legacy"``.
    levels : tuple of float
        For leximin, the successive smallest probabilities that were fixed.

    Examples
    --------
    >>> half = WEIGHT_DENOMINATOR // 2
    >>> distribution = PanelDistribution(
    ...     panels=(
    ...         WeightedPanel((), half, (Lot(("b", "c"), 1),)),
    ...         WeightedPanel(("a",), half),
    ...     ),
    ...     people=("a", "b", "c"),
    ...     panel_size=1,
    ...     method="leximin",
    ...     levels=(0.25, 0.5),
    ... )
    >>> distribution.probability("a"), distribution.probability("b")
    (0.5, 0.25)
    >>> print(distribution.explain("b"))  # doctest: +NORMALIZE_WHITESPACE
    b is in a lot on 1 of the 2 panels of the lottery; counting the chance of
    each panel and of the lots, b is selected with probability 0.25 (1 in 4.0).
    """

    panels: tuple[WeightedPanel, ...]
    people: tuple[str, ...]
    panel_size: int
    method: str
    levels: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        """Check that the weights form a lottery over panels of the right size."""
        if sum(panel.numerator for panel in self.panels) != WEIGHT_DENOMINATOR:
            raise ValueError("the panel weights of a distribution must sum to one")
        known = set(self.people)
        for panel in self.panels:
            if panel.numerator <= 0:
                raise ValueError("every panel of a distribution needs weight > 0")
            named = list(panel.members)
            for lot in panel.lots:
                named.extend(lot.candidates)
            if (
                panel.size != self.panel_size
                or list(panel.members) != sorted(panel.members)
                or len(set(named)) != len(named)
                or list(panel.lots) != sorted(panel.lots, key=_lot_key)
            ):
                raise ValueError(
                    f"panel {panel.members} does not have {self.panel_size} "
                    "distinct members and lots in sorted order"
                )
            if not known.issuperset(named):
                raise ValueError(f"panel {panel.members} names unknown volunteers")
        keys = [panel.key() for panel in self.panels]
        if keys != sorted(keys) or len(set(keys)) != len(keys):
            raise ValueError("the panels of a distribution must be sorted and distinct")

    def exact_probabilities(self) -> dict[str, Fraction]:
        """Return every volunteer's chance of being selected, as fractions.

        A sure member gets the panel's weight; a candidate of a lot gets the
        panel's weight times the lot's :attr:`Lot.chance`.

        Returns
        -------
        dict of str to Fraction
            In pool order; the values sum to exactly the panel size.
        """
        sure = dict.fromkeys(self.people, 0)
        # Lots over the same candidates recur in many panels: add up their
        # seat mass first, one fraction per distinct set of candidates.
        mass: dict[tuple[str, ...], int] = {}
        for panel in self.panels:
            for member in panel.members:
                sure[member] += panel.numerator
            for lot in panel.lots:
                mass[lot.candidates] = (
                    mass.get(lot.candidates, 0) + panel.numerator * lot.seats
                )
        exact = {
            person: Fraction(total, WEIGHT_DENOMINATOR)
            for person, total in sure.items()
        }
        for candidates, seats in mass.items():
            share = Fraction(seats, WEIGHT_DENOMINATOR * len(candidates))
            for candidate in candidates:
                exact[candidate] += share
        return exact

    def exact_probability(self, person_id: str) -> Fraction:
        """Return the chance that ``person_id`` is selected, as a fraction.

        Parameters
        ----------
        person_id : str
            A volunteer of the pool.

        Returns
        -------
        Fraction
            The weights of the panels with the volunteer as a sure member, plus
            the weights of those with the volunteer in a lot times the lot's
            chance.
        """
        total = Fraction(0)
        for panel in self.panels:
            if person_id in panel.members:
                total += Fraction(panel.numerator, WEIGHT_DENOMINATOR)
            for lot in panel.lots:
                if person_id in lot.candidates:
                    total += Fraction(panel.numerator, WEIGHT_DENOMINATOR) * lot.chance
        return total

    def probability(self, person_id: str) -> float:
        """Return the chance that ``person_id`` is selected (the nearest float).

        Parameters
        ----------
        person_id : str
            A volunteer of the pool.

        Returns
        -------
        float
            The selection probability.
        """
        return float(self.exact_probability(person_id))

    def probabilities(self) -> tuple[tuple[str, float], ...]:
        """Return every volunteer's selection probability, in pool order.

        Returns
        -------
        tuple of (str, float)
            ``(id, probability)`` pairs; each is the float nearest to the exact
            fraction of :meth:`exact_probabilities`, which sum to the panel size.
        """
        return tuple(
            (person, float(chance))
            for person, chance in self.exact_probabilities().items()
        )

    def minimum_probability(self) -> float:
        """Return the smallest selection probability of the pool.

        Returns
        -------
        float
            The smallest probability.
        """
        return float(min(self.exact_probabilities().values()))

    def explain(self, person_id: str) -> str:
        """Say in one sentence why ``person_id`` has their selection probability.

        Parameters
        ----------
        person_id : str
            A volunteer of the pool.

        Returns
        -------
        str
            A sentence for the volunteer or the public draw report.
        """
        if person_id not in self.people:
            raise ValueError(f"{person_id} is not in the pool of this distribution")
        sure = sum(1 for panel in self.panels if person_id in panel.members)
        lots = sum(
            1
            for panel in self.panels
            if any(person_id in lot.candidates for lot in panel.lots)
        )
        probability = self.probability(person_id)
        odds = f" (1 in {1 / probability:.1f})" if probability > 0 else ""
        places = []
        if sure:
            places.append(f"a sure member of {sure}")
        if lots:
            places.append(f"in a lot on {lots}")
        where = " and ".join(places) or "on none"
        return (
            f"{person_id} is {where} of the {len(self.panels)} panels of the "
            f"lottery; counting the chance of each panel and of the lots, "
            f"{person_id} is selected with probability {probability:.6g}{odds}."
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the distribution as plain JSON-ready data.

        Returns
        -------
        dict
            ``probabilities``; ``panels``, each with its sure ``members``, its
            ``lots`` (``candidates`` and ``seats``) and its weight; and the
            fields needed to rebuild it with :meth:`from_dict`.
        """
        return {
            "method": self.method,
            "panel_size": self.panel_size,
            "weight_denominator": WEIGHT_DENOMINATOR,
            "levels": list(self.levels),
            "people": list(self.people),
            "probabilities": dict(self.probabilities()),
            "panels": [
                {
                    "members": list(panel.members),
                    "lots": [
                        {"candidates": list(lot.candidates), "seats": lot.seats}
                        for lot in panel.lots
                    ],
                    "weight": panel.weight,
                    "weight_numerator": panel.numerator,
                }
                for panel in self.panels
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PanelDistribution:
        """Rebuild a distribution published with :meth:`as_dict`.

        Parameters
        ----------
        data : mapping
            The published data (panels without ``lots`` have none).

        Returns
        -------
        PanelDistribution
            The same distribution.
        """
        if data.get("weight_denominator", WEIGHT_DENOMINATOR) != WEIGHT_DENOMINATOR:
            raise ValueError("the distribution uses a different weight denominator")
        panels = []
        for panel in data["panels"]:
            numerator = panel.get("weight_numerator")
            if numerator is None:
                numerator = round(Fraction(panel["weight"]) * WEIGHT_DENOMINATOR)
            lots = tuple(
                Lot(tuple(str(c) for c in lot["candidates"]), int(lot["seats"]))
                for lot in panel.get("lots", ())
            )
            panels.append(
                WeightedPanel(
                    tuple(str(m) for m in panel["members"]), int(numerator), lots
                )
            )
        people = data.get("people") or list(data["probabilities"])
        return cls(
            panels=tuple(panels),
            people=tuple(str(person) for person in people),
            panel_size=int(data["panel_size"]),
            method=str(data.get("method", "unknown")),
            levels=tuple(float(level) for level in data.get("levels", ())),
        )


def _lot_key(lot: Lot) -> tuple[tuple[str, ...], int]:
    return lot.candidates, lot.seats
