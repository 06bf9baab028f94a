# SPDX-License-Identifier: EUPL-1.2
"""The participation ladder: who moved up, and what that is worth.

Municipalities follow participants of work and welfare programmes on the
participation ladder (*participatieladder*), six rungs from isolated (1) to
paid work (6). Moving up has value: a person in paid work needs no social
assistance, a person who is no longer isolated needs less care. This module
counts the moves between two measurements (process indicator P8) and turns
them into yearly monetised benefits per beneficiary for the cost-benefit
analysis. The values per rung are the alliance's assumptions, written down
with their source; a share of people falls back every year (``retention``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.impact.cost_benefit import Benefit

__all__ = [
    "RUNGS",
    "LadderMoves",
    "RungValue",
    "ladder_benefits",
    "ladder_moves",
]

#: The six rungs, lowest first, as municipalities name them.
RUNGS = {
    1: "Geïsoleerd",
    2: "Sociale contacten buiten de deur",
    3: "Deelname aan georganiseerde activiteiten",
    4: "Onbetaald werk",
    5: "Betaald werk met ondersteuning",
    6: "Betaald werk",
}


@dataclass(frozen=True, slots=True)
class LadderMoves:
    """The moves of participants measured twice.

    Attributes
    ----------
    moves : tuple of ((int, int), int)
        ``((from rung, to rung), count)``, sorted by rungs.
    up, down, stable : int
        Participants who moved up, down, or stayed.
    steps_up : int
        Rungs climbed minus rungs fallen, over all participants.
    """

    moves: tuple[tuple[tuple[int, int], int], ...]
    up: int
    down: int
    stable: int
    steps_up: int

    @property
    def participants(self) -> int:
        """Return the number of participants measured twice."""
        return self.up + self.down + self.stable


@dataclass(frozen=True, slots=True)
class RungValue:
    """What one person on a rung is worth to a beneficiary per year.

    Attributes
    ----------
    rung : int
        1 to 6.
    beneficiary : str
        Who gains, for example the municipality.
    yearly_amount : int
        Euro cents per person per year, compared with rung 1.
    label : str
        What it is, for example "bijstand bespaard".
    """

    rung: int
    beneficiary: str
    yearly_amount: int
    label: str = ""


def _check_rung(rung: int) -> None:
    if rung not in RUNGS:
        raise WijkaanpakError(
            f"The participation ladder has rungs 1 to 6; {rung} is not one."
        )


def ladder_moves(before: Mapping[str, int], after: Mapping[str, int]) -> LadderMoves:
    """Count the moves of participants between two measurements.

    Parameters
    ----------
    before, after : mapping of str to int
        Rung per participant (a pseudonymous key) at the two moments; only
        participants in both count.

    Returns
    -------
    LadderMoves
        Counts only: no participant key leaves this function.

    Raises
    ------
    WijkaanpakError
        If a rung is not 1 to 6.

    Examples
    --------
    >>> moves = ladder_moves({"a": 1, "b": 3, "c": 5, "d": 2}, {"a": 3, "b": 3, "c": 4})
    >>> moves.up, moves.down, moves.stable, moves.steps_up
    (1, 1, 1, 1)
    """
    counter: Counter[tuple[int, int]] = Counter()
    for key, start in before.items():
        if key not in after:
            continue
        end = after[key]
        _check_rung(start)
        _check_rung(end)
        counter[start, end] += 1
    up = sum(n for (start, end), n in counter.items() if end > start)
    down = sum(n for (start, end), n in counter.items() if end < start)
    stable = sum(n for (start, end), n in counter.items() if end == start)
    steps = sum((end - start) * n for (start, end), n in counter.items())
    return LadderMoves(tuple(sorted(counter.items())), up, down, stable, steps)


def ladder_benefits(
    moves: Iterable[tuple[tuple[int, int], int]],
    values: Iterable[RungValue],
    *,
    first_year: int,
    years: int,
    retention: Fraction = Fraction(1),
) -> tuple[Benefit, ...]:
    """Turn moves on the ladder into yearly benefits per beneficiary.

    A person moving from rung ``a`` to rung ``b`` brings each beneficiary
    ``value(b) - value(a)`` a year (negative when moving down). In each
    following year only the share ``retention`` of the year before is still
    on the new rung.

    Parameters
    ----------
    moves : iterable of ((int, int), int)
        ``((from, to), count)``, for example :attr:`LadderMoves.moves`.
    values : iterable of RungValue
        Per rung and beneficiary the yearly value; a rung without a value is
        worth nothing to that beneficiary.
    first_year : int
        The first year the benefit falls.
    years : int
        How many years to count, at least 1.
    retention : Fraction
        The share still on the new rung after each year, 0 to 1.

    Returns
    -------
    tuple of Benefit
        One per beneficiary, value label and year with a non-zero amount,
        rounded to whole cents (half to even).

    Raises
    ------
    WijkaanpakError
        If ``years`` is below 1, ``retention`` outside 0 to 1, or a rung
        unknown.

    Examples
    --------
    Ten people move from rung 2 to paid work; paid work saves the
    municipality 15,000 euro a year; half fall back each year:

    >>> benefits = ladder_benefits(
    ...     [((2, 6), 10)],
    ...     [RungValue(6, "Gemeente", 15_000_00, "bijstand")],
    ...     first_year=2026,
    ...     years=3,
    ...     retention=Fraction(1, 2),
    ... )
    >>> [(b.year, b.amount // 100) for b in benefits]
    [(2026, 150000), (2027, 75000), (2028, 37500)]
    """
    if years < 1:
        raise WijkaanpakError("Count the benefits for at least one year.")
    if not 0 <= retention <= 1:
        raise WijkaanpakError("The retention is a share between 0 and 1.")
    value_of: dict[tuple[str, str], dict[int, int]] = {}
    for value in values:
        _check_rung(value.rung)
        value_of.setdefault((value.beneficiary, value.label), {})[value.rung] = (
            value.yearly_amount
        )
    per_year: dict[tuple[str, str], Fraction] = {}
    for (start, end), count in moves:
        _check_rung(start)
        _check_rung(end)
        for key, by_rung in value_of.items():
            gain = by_rung.get(end, 0) - by_rung.get(start, 0)
            per_year[key] = per_year.get(key, Fraction(0)) + gain * count
    benefits = []
    for (beneficiary, label), amount in sorted(per_year.items()):
        for offset in range(years):
            cents = round(amount * retention**offset)
            if cents:
                benefits.append(Benefit(beneficiary, first_year + offset, cents, label))
    return tuple(benefits)
