# SPDX-License-Identifier: EUPL-1.2
"""Proportional allocation of invitation letters over neighbourhoods (strata).

The invitation lottery sends letters to addresses in every neighbourhood in
proportion to its number of addresses, so that each neighbourhood is heard.
Whole letters cannot be split, so we use the largest-remainder (Hamilton)
method, the rule most people find fair and easy to check by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

__all__ = ["largest_remainder_allocation"]


def largest_remainder_allocation(
    sizes: Sequence[tuple[str, int]], total: int
) -> tuple[tuple[str, int], ...]:
    """Split ``total`` over strata in proportion to their sizes.

    Parameters
    ----------
    sizes : sequence of (str, int)
        ``(stratum, size)`` pairs in tie-breaking order: of two strata with the
        same remainder, the one listed first gets the extra letter.
    total : int
        The number to allocate, at most the sum of the sizes.

    Returns
    -------
    tuple of (str, int)
        ``(stratum, allocation)`` in the given order; allocations sum to
        ``total`` and never exceed a stratum's size.

    Examples
    --------
    >>> largest_remainder_allocation([("noord", 500), ("zuid", 300), ("west", 200)], 7)
    (('noord', 4), ('zuid', 2), ('west', 1))

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
    if total == 0:
        return tuple((name, 0) for name, _ in sizes)
    quotas = [Fraction(size * total, population) for _, size in sizes]
    allocation = [int(quota) for quota in quotas]
    order = sorted(
        range(len(sizes)),
        key=lambda index: (-(quotas[index] - allocation[index]), index),
    )
    for index in order[: total - sum(allocation)]:
        allocation[index] += 1
    return tuple(
        (name, count) for (name, _), count in zip(sizes, allocation, strict=True)
    )
