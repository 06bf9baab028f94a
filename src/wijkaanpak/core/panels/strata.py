# SPDX-License-Identifier: EUPL-1.2
"""Proportional allocation of invitation letters over neighbourhoods (strata).

The invitation lottery sends letters to addresses in every neighbourhood in
proportion to its number of addresses, so that each neighbourhood is heard.
Whole letters cannot be split, so we use the largest-remainder (Hamilton)
method, the rule most people find fair and easy to check by hand.

Some neighbourhoods answer less often; a programme may then *oversample* them:
a factor of 2 counts each of their addresses twice when letters are shared
out. A neighbourhood never gets more letters than it has addresses; what it
cannot take is shared among the others in the same proportions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

__all__ = ["largest_remainder_allocation"]


def largest_remainder_allocation(
    sizes: Sequence[tuple[str, int]],
    total: int,
    *,
    factors: Mapping[str, Fraction | int] | None = None,
) -> tuple[tuple[str, int], ...]:
    """Split ``total`` over strata in proportion to their (weighted) sizes.

    Parameters
    ----------
    sizes : sequence of (str, int)
        ``(stratum, size)`` pairs in tie-breaking order: of two strata with the
        same remainder, the one listed first gets the extra letter.
    total : int
        The number to allocate, at most the sum of the sizes.
    factors : mapping of str to Fraction or int, optional
        Oversampling factors by stratum (default 1): a stratum's share is in
        proportion to ``size * factor``. Strata whose share would exceed their
        size get their size, and the rest is shared again among the others.

    Returns
    -------
    tuple of (str, int)
        ``(stratum, allocation)`` in the given order; allocations sum to
        ``total`` and never exceed a stratum's size.

    Examples
    --------
    >>> largest_remainder_allocation([("noord", 500), ("zuid", 300), ("west", 200)], 7)
    (('noord', 4), ('zuid', 2), ('west', 1))
    >>> largest_remainder_allocation(
    ...     [("noord", 500), ("zuid", 300), ("west", 200)], 7, factors={"west": 2}
    ... )
    (('noord', 3), ('zuid', 2), ('west', 2))

    References
    ----------
    .. [1] Balinski, M. L. and Young, H. P. (2001). *Fair Representation*.
       Brookings Institution Press. (Hamilton's method.)
    """
    population = sum(size for _, size in sizes)
    if any(size < 0 for _, size in sizes):
        raise ValueError("a stratum cannot have a negative size")
    if not 0 <= total <= population:
        raise ValueError(f"cannot allocate {total} over {population} addresses")
    factors = factors or {}
    unknown = sorted(set(factors) - {name for name, _ in sizes})
    if unknown:
        raise ValueError(
            f"an oversampling factor names an unknown stratum {unknown[0]}"
        )
    if any(Fraction(factor) <= 0 for factor in factors.values()):
        raise ValueError("oversampling factors must be positive")
    if total == 0:
        return tuple((name, 0) for name, _ in sizes)
    weights = [Fraction(size) * Fraction(factors.get(name, 1)) for name, size in sizes]
    full: set[int] = set()
    while True:
        # Strata that would get more than their size are filled; the rest of
        # the letters is shared again in the same proportions.
        left = total - sum(sizes[index][1] for index in full)
        weight = sum(w for index, w in enumerate(weights) if index not in full)
        quotas = [
            Fraction(sizes[index][1])
            if index in full
            else (w * left / weight if weight else Fraction(0))
            for index, w in enumerate(weights)
        ]
        overfull = {
            index
            for index, quota in enumerate(quotas)
            if index not in full and quota >= sizes[index][1] and sizes[index][1]
        }
        if not overfull:
            break
        full |= overfull
    allocation = [int(quota) for quota in quotas]
    order = sorted(
        (index for index in range(len(sizes)) if index not in full),
        key=lambda index: (-(quotas[index] - allocation[index]), index),
    )
    for index in order[: total - sum(allocation)]:
        allocation[index] += 1
    return tuple(
        (name, count) for (name, _), count in zip(sizes, allocation, strict=True)
    )
