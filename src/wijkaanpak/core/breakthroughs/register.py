# SPDX-License-Identifier: EUPL-1.2
"""The national register of blocking rules: which block most, where broken through.

A rule that blocks in one neighbourhood usually blocks in others. The register
counts, for every rule or regulation, the cases of all areas that hit it and
how they ended, so that a programme bureau facing the rule learns that another
area already broke through, and the national government learns which rules to
change first. It holds counts and outcomes only, never the text of a case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from wijkaanpak.core.breakthroughs.ladder import Outcome

__all__ = ["AreaTally", "RuleHit", "RuleTally", "rule_register"]


@dataclass(frozen=True, slots=True)
class RuleHit:
    """One case that hit one rule.

    Attributes
    ----------
    rule : str
        The rule's key.
    area : str
        The focus area's key.
    outcome : Outcome or None
        How the case ended; None while open.
    decided_year : int or None
        The year of the closing decision.
    """

    rule: str
    area: str
    outcome: Outcome | None = None
    decided_year: int | None = None


@dataclass(frozen=True, slots=True)
class AreaTally:
    """How one rule fared in one area.

    Attributes
    ----------
    area : str
        The focus area's key.
    cases, open, incidental, structural, not_possible : int
        Cases that hit the rule there, in total and by state.
    structural_years : tuple of int
        The years of the structural breakthroughs, ascending, without repeats.
    """

    area: str
    cases: int
    open: int
    incidental: int
    structural: int
    not_possible: int
    structural_years: tuple[int, ...]

    @property
    def broken_through(self) -> bool:
        """True when at least one case broke through the rule here."""
        return self.incidental + self.structural > 0


@dataclass(frozen=True, slots=True)
class RuleTally:
    """How one rule fared across all areas.

    Attributes
    ----------
    rule : str
        The rule's key.
    areas : tuple of AreaTally
        One per area that hit it, most cases first, then by area key.
    """

    rule: str
    areas: tuple[AreaTally, ...]

    @property
    def cases(self) -> int:
        """All cases that hit the rule."""
        return sum(tally.cases for tally in self.areas)

    @property
    def open(self) -> int:
        """Cases still open."""
        return sum(tally.open for tally in self.areas)

    @property
    def incidental(self) -> int:
        """Cases with an incidental breakthrough."""
        return sum(tally.incidental for tally in self.areas)

    @property
    def structural(self) -> int:
        """Cases with a structural breakthrough."""
        return sum(tally.structural for tally in self.areas)

    @property
    def not_possible(self) -> int:
        """Cases closed without a breakthrough."""
        return sum(tally.not_possible for tally in self.areas)

    @property
    def areas_hit(self) -> int:
        """The number of areas where the rule blocked."""
        return len(self.areas)

    def broken_through_elsewhere(self, area: str) -> tuple[AreaTally, ...]:
        """Return the other areas where the rule was broken through.

        Parameters
        ----------
        area : str
            The area asking.

        Returns
        -------
        tuple of AreaTally
            The tallies of other areas with a breakthrough, structural first.
        """
        return tuple(
            sorted(
                (t for t in self.areas if t.area != area and t.broken_through),
                key=lambda t: (-t.structural, -t.incidental, t.area),
            )
        )


def rule_register(hits: Iterable[RuleHit]) -> tuple[RuleTally, ...]:
    """Tally the cases per rule and area, the rules that block most first.

    Parameters
    ----------
    hits : iterable of RuleHit
        One per case and rule it hit.

    Returns
    -------
    tuple of RuleTally
        Ranked by the number of cases, then the number of areas, then the
        rule's key (so the order does not depend on the input order).

    Examples
    --------
    >>> hits = [
    ...     RuleHit("kostendelersnorm", "oost", Outcome.STRUCTURAL, 2025),
    ...     RuleHit("kostendelersnorm", "west"),
    ...     RuleHit("woonduur", "oost", Outcome.NOT_POSSIBLE, 2025),
    ... ]
    >>> register = rule_register(hits)
    >>> [(t.rule, t.cases, t.areas_hit, t.structural) for t in register]
    [('kostendelersnorm', 2, 2, 1), ('woonduur', 1, 1, 0)]
    >>> [t.area for t in register[0].broken_through_elsewhere("west")]
    ['oost']
    """
    per_rule: dict[str, dict[str, list[RuleHit]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for hit in hits:
        per_rule[hit.rule][hit.area].append(hit)
    tallies = []
    for rule, per_area in per_rule.items():
        areas = []
        for area, area_hits in per_area.items():
            structural_years = sorted(
                {
                    hit.decided_year
                    for hit in area_hits
                    if hit.outcome is Outcome.STRUCTURAL and hit.decided_year
                }
            )
            areas.append(
                AreaTally(
                    area=area,
                    cases=len(area_hits),
                    open=sum(1 for hit in area_hits if hit.outcome is None),
                    incidental=sum(
                        1 for hit in area_hits if hit.outcome is Outcome.INCIDENTAL
                    ),
                    structural=sum(
                        1 for hit in area_hits if hit.outcome is Outcome.STRUCTURAL
                    ),
                    not_possible=sum(
                        1 for hit in area_hits if hit.outcome is Outcome.NOT_POSSIBLE
                    ),
                    structural_years=tuple(structural_years),
                )
            )
        areas.sort(key=lambda tally: (-tally.cases, tally.area))
        tallies.append(RuleTally(rule, tuple(areas)))
    tallies.sort(key=lambda tally: (-tally.cases, -tally.areas_hit, tally.rule))
    return tuple(tallies)
