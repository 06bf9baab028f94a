# SPDX-License-Identifier: EUPL-1.2
"""Plain types for citizens' panels: volunteers, quotas, pools and distributions.

A panel (*burgerpanel*) is drawn from a pool of volunteers so that every quota
(a minimum and maximum number of members with one value of one feature, such as
"between 5 and 7 members aged 16-29") is met. A method does not pick one panel
directly: it fixes a *distribution* over panels first, which can be published
before the lottery seed exists, and then one panel is drawn from it.

Weights in a :class:`PanelDistribution` are integer multiples of
``1 / WEIGHT_DENOMINATOR`` (a power of two), so weights and selection
probabilities are exact binary floats, the weights sum to exactly one and the
probabilities to exactly the panel size, on every machine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

__all__ = [
    "WEIGHT_DENOMINATOR",
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
class WeightedPanel:
    """One panel of a distribution and the chance that it is drawn.

    ``members`` are sorted ids; ``numerator / WEIGHT_DENOMINATOR`` is the weight.
    """

    members: tuple[str, ...]
    numerator: int

    @property
    def weight(self) -> float:
        """The chance that this panel is drawn (an exact binary float)."""
        return self.numerator / WEIGHT_DENOMINATOR


@dataclass(frozen=True, slots=True)
class PanelDistribution:
    """A lottery over panels, with each volunteer's chance of being selected.

    Parameters
    ----------
    panels : tuple of WeightedPanel
        Sorted by members; numerators are positive and sum to
        ``WEIGHT_DENOMINATOR``.
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
    ...     panels=(WeightedPanel(("a",), half), WeightedPanel(("b",), half)),
    ...     people=("a", "b"),
    ...     panel_size=1,
    ...     method="leximin",
    ...     levels=(0.5,),
    ... )
    >>> distribution.probability("a")
    0.5
    >>> print(distribution.explain("a"))  # doctest: +NORMALIZE_WHITESPACE
    a is on 1 of the 2 panels of the lottery; together these panels are drawn
    with probability 0.5 (1 in 2.0), so that is the chance a is selected.
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
            if len(panel.members) != self.panel_size or list(panel.members) != sorted(
                set(panel.members)
            ):
                raise ValueError(
                    f"panel {panel.members} does not have {self.panel_size} "
                    "distinct members in sorted order"
                )
            if not known.issuperset(panel.members):
                raise ValueError(f"panel {panel.members} names unknown volunteers")
        if [panel.members for panel in self.panels] != sorted(
            panel.members for panel in self.panels
        ):
            raise ValueError("the panels of a distribution must be sorted")

    def exact_probability(self, person_id: str) -> Fraction:
        """Return the chance that ``person_id`` is selected, as a fraction.

        Parameters
        ----------
        person_id : str
            A volunteer of the pool.

        Returns
        -------
        Fraction
            The sum of the weights of the panels that contain the volunteer.
        """
        total = sum(
            panel.numerator for panel in self.panels if person_id in panel.members
        )
        return Fraction(total, WEIGHT_DENOMINATOR)

    def probability(self, person_id: str) -> float:
        """Return the chance that ``person_id`` is selected (exact as a float).

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
            ``(id, probability)`` pairs; the probabilities sum to the panel size.
        """
        totals = dict.fromkeys(self.people, 0)
        for panel in self.panels:
            for member in panel.members:
                totals[member] += panel.numerator
        return tuple(
            (person, totals[person] / WEIGHT_DENOMINATOR) for person in self.people
        )

    def minimum_probability(self) -> float:
        """Return the smallest selection probability of the pool.

        Returns
        -------
        float
            The smallest probability.
        """
        return min(probability for _, probability in self.probabilities())

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
        containing = [panel for panel in self.panels if person_id in panel.members]
        probability = self.probability(person_id)
        odds = f" (1 in {1 / probability:.1f})" if probability > 0 else ""
        return (
            f"{person_id} is on {len(containing)} of the {len(self.panels)} panels "
            f"of the lottery; together these panels are drawn with probability "
            f"{probability:.6g}{odds}, so that is the chance {person_id} is selected."
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the distribution as plain JSON-ready data.

        Returns
        -------
        dict
            ``probabilities``, ``panels`` (members and weight), and the fields
            needed to rebuild it with :meth:`from_dict`.
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
            The published data.

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
            panels.append(WeightedPanel(tuple(panel["members"]), int(numerator)))
        people = data.get("people") or list(data["probabilities"])
        return cls(
            panels=tuple(panels),
            people=tuple(str(person) for person in people),
            panel_size=int(data["panel_size"]),
            method=str(data.get("method", "unknown")),
            levels=tuple(float(level) for level in data.get("levels", ())),
        )
