# SPDX-License-Identifier: EUPL-1.2
"""The sequential ("legacy") panel method, kept to compare fairness with LEXIMIN.

Before Flanigan et al. (2021), panels were filled one seat at a time, always
serving the quota that is hardest to fill next. It meets the quotas but can
give some volunteers far smaller chances than others; the public report shows
the comparison. This is our own version of that idea (documented below), not
a copy of the Sortition Foundation's code.

One attempt:

1. For each quota whose minimum is not yet met, its *urgency* is the number of
   seats it still needs divided by the number of eligible volunteers who could
   fill them. If any quota is urgent, take the most urgent one (ties: the
   quota listed first) and draw a volunteer uniformly among the eligible ones
   with that value; otherwise draw uniformly among all eligible volunteers.
2. Seat the volunteer; remove from the eligible set everyone whose value of
   some feature has reached its quota maximum and, with the household rule,
   everyone of the same household.
3. Stop when ``k`` are seated. The attempt fails when nobody eligible is left
   or when a minimum can no longer be met; up to ``max_attempts`` attempts run.
"""

from __future__ import annotations

import random
from fractions import Fraction

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.model import PanelInstance

__all__ = ["legacy_panel"]


def legacy_panel(
    instance: PanelInstance, *, rng: random.Random, max_attempts: int = 100
) -> tuple[str, ...]:
    """Draw one panel seat by seat, serving the most urgent quota first.

    Parameters
    ----------
    instance : PanelInstance
        Pool (in the order draws index into), quotas, panel size, household rule.
    rng : random.Random
        The generator; the same seed and pool order give the same panel.
    max_attempts : int
        Attempts before giving up.

    Returns
    -------
    tuple of str
        The members' ids, sorted.

    Raises
    ------
    WijkaanpakError
        When no attempt met every quota.

    Examples
    --------
    >>> from wijkaanpak.core.panels.model import Person, Quota
    >>> pool = tuple(Person(f"p{i}", (("g", "fm"[i % 2]),)) for i in range(10))
    >>> instance = PanelInstance(
    ...     pool, (Quota("g", "f", 2, 2), Quota("g", "m", 2, 2)), 4
    ... )
    >>> panel = legacy_panel(instance, rng=random.Random(3))
    >>> instance.is_valid_panel(panel)
    True

    References
    ----------
    .. [1] Flanigan, B. et al. (2021). Fair algorithms for selecting citizens'
       assemblies. *Nature* 596, 548-552. (Describes the greedy sequential
       algorithm used before LEXIMIN.)
    """
    for _ in range(max_attempts):
        panel = _attempt(instance, rng)
        if panel is not None:
            return panel
    raise WijkaanpakError(
        f"The sequential method found no panel meeting every quota in "
        f"{max_attempts} attempts; check the quotas or use LEXIMIN."
    )


def _attempt(instance: PanelInstance, rng: random.Random) -> tuple[str, ...] | None:
    people = instance.people
    members = [set(instance.members_of(quota)) for quota in instance.quotas]
    seated_per_quota = [0] * len(instance.quotas)
    eligible = set(range(len(people)))
    seated: list[int] = []
    while len(seated) < instance.panel_size:
        best: tuple[Fraction, int] | None = None
        for position, quota in enumerate(instance.quotas):
            need = quota.minimum - seated_per_quota[position]
            if need <= 0:
                continue
            available = len(members[position] & eligible)
            if available < need:
                return None
            urgency = Fraction(need, available)
            if best is None or urgency > best[0]:
                best = (urgency, position)
        candidates = sorted(members[best[1]] & eligible if best else eligible)
        if not candidates:
            return None
        chosen = candidates[rng.randrange(len(candidates))]
        seated.append(chosen)
        eligible.discard(chosen)
        for position, quota in enumerate(instance.quotas):
            if chosen in members[position]:
                seated_per_quota[position] += 1
                if seated_per_quota[position] >= quota.maximum:
                    eligible -= members[position]
        household = people[chosen].household
        if instance.one_per_household and household is not None:
            eligible = {i for i in eligible if people[i].household != household}
    panel = tuple(sorted(people[index].id for index in seated))
    return panel if instance.is_valid_panel(panel) else None
