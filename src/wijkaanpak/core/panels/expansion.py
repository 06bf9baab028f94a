# SPDX-License-Identifier: EUPL-1.2
"""Turn a panel of interchangeable classes into a few panels of named volunteers.

The LEXIMIN method (:mod:`wijkaanpak.core.panels.leximin`) works on *classes*
of volunteers who are interchangeable for every rule (the same value of every
quota feature, and no shared household under the household rule). Its panels
say "seat ``s`` of the ``n`` members of this class" for each class. A published
distribution lists panels of named volunteers, so each such *class panel* is
split into named panels whose weights add up to the class panel's weight, and
so that every member of a class gets exactly ``s / n`` of that weight.

Construction (systematic sampling with one common start ``t``): write the
members of a class, sorted by id, as consecutive intervals of length ``s / n``
on ``[0, s)``: member ``i`` owns ``[i s / n, (i + 1) s / n)``. For a start
``t`` in ``[0, 1)`` the points ``t, t + 1, ..., t + s - 1`` fall in ``s``
distinct intervals (each is shorter than one), so they seat exactly ``s``
members: those at positions ``floor((m + t) n / s)`` for ``m < s``. The map
``(m, t) -> m + t`` covers ``[0, s)`` once, so the set of starts that seat
member ``i`` has length exactly ``s / n``: with ``t`` uniform, every member is
seated with chance ``s / n``. The seats change only where ``t`` crosses a
multiple of ``1 / n'`` with ``n' = n / gcd(n, s)``. Every class uses the *same*
``t``, so the class panel splits into one named panel per piece between
consecutive breakpoints of all classes together, with the length of the piece
as its share of the weight: at most ``1 + sum(n' - 1)`` named panels, not the
product over the classes. Each seats ``s`` members of each class, so it meets
every quota the class panel meets. Two pieces are never the same panel: a
breakpoint of some class lies between them, and that class seats others.

Examples
--------
>>> pieces = expand_class_panel(("x",), (ClassSeats(("a", "b", "c"), 2),))
>>> [(members, str(share)) for members, share in pieces]
[(('a', 'b', 'x'), '1/3'), (('a', 'c', 'x'), '1/3'), (('b', 'c', 'x'), '1/3')]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["ClassSeats", "expand_class_panel"]


@dataclass(frozen=True, slots=True)
class ClassSeats:
    """Seat ``seats`` of ``members``, a class of interchangeable volunteers.

    ``members`` are distinct ids in the order the construction walks them
    (sorted, for a published result), and ``0 <= seats <= len(members)``.

    Examples
    --------
    >>> ClassSeats(("a", "b", "c"), 1).chance
    Fraction(1, 3)
    """

    members: tuple[str, ...]
    seats: int

    def __post_init__(self) -> None:
        """Check the bounds."""
        if len(set(self.members)) != len(self.members):
            raise ValueError("the members of a class must be distinct")
        if not 0 <= self.seats <= len(self.members):
            raise ValueError(
                f"a class of {len(self.members)} cannot seat {self.seats} members"
            )

    @property
    def chance(self) -> Fraction:
        """The chance that one member is seated: ``seats / len(members)``."""
        if not self.members:
            return Fraction(0)
        return Fraction(self.seats, len(self.members))

    def period(self) -> int:
        """Return ``n'``: the seats repeat when the start moves by ``1 / n'``."""
        if self.seats in (0, len(self.members)):
            return 1
        return len(self.members) // math.gcd(len(self.members), self.seats)

    def seated(self, start: Fraction) -> list[str]:
        """Return the members the start ``start`` (in ``[0, 1)``) seats."""
        n, s = len(self.members), self.seats
        if s == n:
            return list(self.members)
        # floor((m + a / b) * n / s) in integers, for start = a / b.
        a, b = start.numerator, start.denominator
        return [self.members[(m * b + a) * n // (s * b)] for m in range(s)]


def expand_class_panel(
    sure: Sequence[str],
    classes: Sequence[ClassSeats],
    weight: Fraction | int = 1,
) -> list[tuple[tuple[str, ...], Fraction]]:
    """Split a class panel into named panels with exact shares of ``weight``.

    Parameters
    ----------
    sure : sequence of str
        Volunteers on every named panel (for example classes seated whole).
    classes : sequence of ClassSeats
        Disjoint from each other and from ``sure``.
    weight : Fraction or int
        The class panel's weight, split over the named panels.

    Returns
    -------
    list of (tuple of str, Fraction)
        Named panels (sorted ids), distinct, in the order of their starts, and
        their weights: positive, summing to ``weight``. A member of a class
        is on named panels that together weigh ``weight * seats / len``
        exactly; a sure volunteer is on all of them.

    Examples
    --------
    >>> pieces = expand_class_panel(
    ...     (), (ClassSeats(("a", "b"), 1), ClassSeats(("c", "d", "e"), 1)), 6
    ... )
    >>> [(members, int(share)) for members, share in pieces]
    [(('a', 'c'), 2), (('a', 'd'), 1), (('b', 'd'), 1), (('b', 'e'), 2)]
    """
    named = list(sure)
    for group in classes:
        named.extend(group.members)
    if len(set(named)) != len(named):
        raise ValueError("the classes and sure members of a panel must be disjoint")
    breakpoints = sorted(
        {
            Fraction(step, group.period())
            for group in classes
            for step in range(group.period())
        }
        | {Fraction(0)}
    )
    ends = [*breakpoints[1:], Fraction(1)]
    pieces = []
    for start, end in zip(breakpoints, ends, strict=True):
        members = list(sure)
        for group in classes:
            members.extend(group.seated(start))
        pieces.append((tuple(sorted(members)), (end - start) * weight))
    return pieces
