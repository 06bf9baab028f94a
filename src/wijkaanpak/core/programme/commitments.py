# SPDX-License-Identifier: EUPL-1.2
"""Promised against delivered: what each partner said it would bring, and brought.

Every partner of an alliance, the national government included, commits money,
staff or other means per year (*toezegging*). Keeping partners to their word
starts with one honest sum per partner: promised, due by now, delivered, and
the shortfall. Amounts are integers in the unit of their kind (euro cents for
money, hours for staff, pieces for other means), so sums are exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

__all__ = ["Contribution", "Kind", "PartnerBalance", "promised_versus_delivered"]

#: The kinds of means a partner commits, in the order pages show them.
Kind = Literal["money", "staff", "other"]
_KINDS: tuple[Kind, ...] = ("money", "staff", "other")


@dataclass(frozen=True, slots=True)
class Contribution:
    """One commitment of one partner for one year, with what came of it.

    Attributes
    ----------
    partner : str
        The partner's name or key.
    year : int
        The year the means are promised for.
    kind : {"money", "staff", "other"}
        What is promised.
    promised : int
        The amount promised, in the unit of the kind.
    delivered : int
        The amount delivered so far.
    """

    partner: str
    year: int
    kind: Kind
    promised: int
    delivered: int = 0


@dataclass(frozen=True, slots=True)
class PartnerBalance:
    """One partner's sum for one kind of means.

    Attributes
    ----------
    partner : str
        The partner.
    kind : {"money", "staff", "other"}
        The kind of means.
    promised : int
        Everything promised, all years.
    due : int
        What was promised for the years up to the reference year.
    delivered : int
        Everything delivered.
    shortfall : int
        What is due but not delivered; never negative.
    delivered_share : fractions.Fraction or None
        Delivered as a share of what is due; None when nothing is due yet.
    """

    partner: str
    kind: Kind
    promised: int
    due: int
    delivered: int
    shortfall: int
    delivered_share: Fraction | None

    @property
    def falls_short(self) -> bool:
        """Tell whether the partner delivered less than is due."""
        return self.shortfall > 0


def promised_versus_delivered(
    contributions: Iterable[Contribution], *, up_to_year: int
) -> tuple[PartnerBalance, ...]:
    """Sum what every partner promised and delivered, per kind of means.

    Parameters
    ----------
    contributions : iterable of Contribution
        The commitments with their deliveries.
    up_to_year : int
        Promises for this year and earlier are due; later ones are not yet.

    Returns
    -------
    tuple of PartnerBalance
        Partners in the order they first appear, and within a partner the
        kinds in the order money, staff, other.

    Examples
    --------
    >>> rows = promised_versus_delivered(
    ...     [
    ...         Contribution("Woonstichting", 2024, "money", 100_000_00, 60_000_00),
    ...         Contribution("Woonstichting", 2025, "money", 100_000_00),
    ...         Contribution("Politie", 2024, "staff", 800, 800),
    ...     ],
    ...     up_to_year=2024,
    ... )
    >>> [(row.partner, row.due, row.shortfall) for row in rows]
    [('Woonstichting', 10000000, 4000000), ('Politie', 800, 0)]
    >>> rows[0].delivered_share
    Fraction(3, 5)
    """
    totals: dict[tuple[str, Kind], list[int]] = {}
    partners: dict[str, None] = {}
    for item in contributions:
        partners.setdefault(item.partner)
        row = totals.setdefault((item.partner, item.kind), [0, 0, 0])
        row[0] += item.promised
        if item.year <= up_to_year:
            row[1] += item.promised
        row[2] += item.delivered
    balances = []
    for partner in partners:
        for kind in _KINDS:
            if (partner, kind) not in totals:
                continue
            promised, due, delivered = totals[partner, kind]
            balances.append(
                PartnerBalance(
                    partner=partner,
                    kind=kind,
                    promised=promised,
                    due=due,
                    delivered=delivered,
                    shortfall=max(0, due - delivered),
                    delivered_share=Fraction(delivered, due) if due else None,
                )
            )
    return tuple(balances)
