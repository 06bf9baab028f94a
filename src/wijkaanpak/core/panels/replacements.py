# SPDX-License-Identifier: EUPL-1.2
"""Replacements for panel members who drop out, keeping every quota.

After the draw some members say no or leave. Their seats are filled from the
volunteers who were not drawn, so that the whole panel still meets every
quota and, when asked, has at most one member per household. The choice is as
fair as the first draw: we solve the *remaining problem* with LEXIMIN and draw
from its distribution with a published seed, so replacements can be verified
like the panel itself.

The remaining problem:

* pool: the volunteers not on the panel, minus the drop-outs, minus anyone
  marked unavailable, minus (with the household rule) anyone who shares a
  household with a member who stays;
* seats: the number of drop-outs;
* quotas: for each quota with ``c`` members who stay, between
  ``max(0, minimum - c)`` and ``maximum - c`` replacements with that value.

When no replacement can keep the quotas, the error names the quotas in terms
of the whole panel (how many the members who stay already have, how many more
are needed) and the smallest change that allows a replacement.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.leximin import leximin_panel_distribution
from wijkaanpak.core.panels.lottery import draw_panel
from wijkaanpak.core.panels.model import PanelDistribution, PanelInstance, Quota
from wijkaanpak.core.panels.quotas import (
    InfeasibleQuotasError,
    QuotaBound,
    QuotaCheck,
    Relaxation,
)

__all__ = [
    "NoReplacementError",
    "Replacement",
    "remaining_problem",
    "replace_dropouts",
    "replacement_distribution",
]


class NoReplacementError(WijkaanpakError):
    """No replacement keeps every quota; ``check`` is in whole-panel terms."""

    def __init__(self, message: str, check: QuotaCheck | None = None) -> None:
        super().__init__(message)
        self.check = check


@dataclass(frozen=True, slots=True)
class Replacement:
    """The outcome of :func:`replace_dropouts`.

    ``distribution`` is the LEXIMIN lottery over sets of replacements from
    which ``replacements`` was drawn; publish it with the seed, and
    :func:`wijkaanpak.core.panels.verify.verify_draw` re-runs the draw.
    """

    kept: tuple[str, ...]
    dropped: tuple[str, ...]
    replacements: tuple[str, ...]
    panel: tuple[str, ...]
    distribution: PanelDistribution


def remaining_problem(
    instance: PanelInstance,
    panel: Sequence[str],
    dropped: Collection[str],
    *,
    unavailable: Collection[str] = (),
) -> tuple[PanelInstance, tuple[str, ...]]:
    """Return the problem of filling the drop-outs' seats, and who stays.

    Parameters
    ----------
    instance : PanelInstance
        The original pool, quotas, panel size and household rule.
    panel : sequence of str
        The members drawn.
    dropped : collection of str
        The members who dropped out (a subset of ``panel``).
    unavailable : collection of str
        Volunteers of the pool who can no longer be asked (for example an
        earlier replacement who said no).

    Returns
    -------
    (PanelInstance, tuple of str)
        The remaining problem (see the module docstring) and the members who
        stay, sorted.

    Raises
    ------
    NoReplacementError
        When a drop-out is not on the panel, the members who stay already
        break a maximum, or too few volunteers are left.
    """
    on_panel = set(panel)
    unknown = sorted(set(dropped) - on_panel)
    if unknown:
        raise NoReplacementError(f"{unknown[0]} dropped out but is not on the panel.")
    strangers = sorted(on_panel - set(instance.ids))
    if strangers:
        raise NoReplacementError(f"{strangers[0]} is on the panel but not in the pool.")
    kept = tuple(sorted(on_panel - set(dropped)))
    kept_people = [person for person in instance.people if person.id in kept]
    households = {person.household for person in kept_people if person.household}
    excluded = on_panel | set(dropped) | set(unavailable)
    pool = tuple(
        person
        for person in instance.people
        if person.id not in excluded
        and not (instance.one_per_household and person.household in households)
    )
    quotas = []
    for quota in instance.quotas:
        have = sum(1 for p in kept_people if p.value(quota.feature) == quota.value)
        if have > quota.maximum:
            raise NoReplacementError(
                f"The members who stay already break a quota: {have} have "
                f"{quota.feature} = {quota.value}, more than the maximum "
                f"{quota.maximum}."
            )
        quotas.append(
            Quota(
                quota.feature,
                quota.value,
                max(0, quota.minimum - have),
                quota.maximum - have,
            )
        )
    seats = len(on_panel) - len(kept)
    if seats > len(pool):
        raise NoReplacementError(
            f"{_plural(seats, 'seat is', 'seats are')} free, but only "
            f"{_plural(len(pool), 'volunteer is', 'volunteers are')} left who "
            "are not on the panel, not unavailable and (with the household rule) "
            "not living with a member who stays."
        )
    remaining = PanelInstance(pool, tuple(quotas), seats, instance.one_per_household)
    return remaining, kept


def _plural(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def _in_panel_terms(
    instance: PanelInstance, remaining: PanelInstance, check: QuotaCheck
) -> NoReplacementError:
    """Say why no replacement works, with the quotas of the whole panel."""
    original = {(q.feature, q.value): q for q in instance.quotas}
    phrases = []
    bounds = []
    for bound in check.conflicting:
        quota = original[bound.quota.feature, bound.quota.value]
        have = quota.maximum - bound.quota.maximum
        bounds.append(QuotaBound(quota, bound.bound))
        if bound.bound == "minimum":
            phrases.append(
                f"at least {quota.minimum} with {quota.feature} = {quota.value} "
                f"(the members who stay have {have}, so {bound.quota.minimum} more "
                "are needed)"
            )
        else:
            phrases.append(
                f"at most {quota.maximum} with {quota.feature} = {quota.value} "
                f"(the members who stay have {have}, so at most "
                f"{bound.quota.maximum} of the replacements)"
            )
    changes = []
    for change in check.relaxations:
        quota = original[change.quota.feature, change.quota.value]
        have = quota.maximum - change.quota.maximum
        changes.append(
            Relaxation(quota, change.bound, change.old + have, change.new + have)
        )
    seats = _plural(remaining.panel_size, "free seat", "free seats")
    left = _plural(len(remaining.people), "volunteer", "volunteers")
    if phrases:
        message = (
            f"No replacement for the {seats} keeps every quota with the "
            f"{left} left. These quotas cannot all "
            f"hold: {'; '.join(phrases)}. The smallest change that allows a "
            f"replacement: {'; '.join(c.describe() for c in changes)}."
        )
    else:
        message = f"No replacement for the {seats} is possible: {check.explanation}"
    return NoReplacementError(
        message,
        QuotaCheck(False, tuple(bounds), tuple(changes), message),
    )


def replacement_distribution(
    instance: PanelInstance,
    panel: Sequence[str],
    dropped: Collection[str],
    *,
    unavailable: Collection[str] = (),
) -> PanelDistribution:
    """Return the LEXIMIN lottery over sets of replacements.

    Parameters
    ----------
    instance : PanelInstance
        The original pool, quotas, panel size and household rule.
    panel : sequence of str
        The members drawn.
    dropped : collection of str
        The members who dropped out.
    unavailable : collection of str
        Volunteers who can no longer be asked.

    Returns
    -------
    PanelDistribution
        Over the remaining pool; its "panels" are sets of replacements.

    Raises
    ------
    NoReplacementError
        When no set of replacements keeps every quota; the message names the
        quotas of the whole panel that conflict.
    """
    remaining, _ = remaining_problem(instance, panel, dropped, unavailable=unavailable)
    try:
        return leximin_panel_distribution(remaining)
    except InfeasibleQuotasError as error:
        raise _in_panel_terms(instance, remaining, error.check) from None


def replace_dropouts(
    instance: PanelInstance,
    panel: Sequence[str],
    dropped: Collection[str],
    *,
    rng: random.Random,
    unavailable: Collection[str] = (),
) -> Replacement:
    """Draw replacements for the drop-outs so that every quota still holds.

    Parameters
    ----------
    instance : PanelInstance
        The original pool, quotas, panel size and household rule.
    panel : sequence of str
        The members drawn.
    dropped : collection of str
        The members who dropped out.
    rng : random.Random
        For a public draw,
        :func:`~wijkaanpak.core.panels.lottery.generator_from_seed` of a seed
        announced after the distribution was published.
    unavailable : collection of str
        Volunteers who can no longer be asked.

    Returns
    -------
    Replacement
        Who stays, who replaces, the new panel and the distribution drawn from.

    Raises
    ------
    NoReplacementError
        When no replacement keeps every quota; the message says which.

    Examples
    --------
    >>> from wijkaanpak.core.panels.model import Person
    >>> pool = tuple(Person(f"p{i}", (("g", "fm"[i % 2]),)) for i in range(8))
    >>> instance = PanelInstance(pool, (Quota("g", "f", 2, 2),), 4)
    >>> result = replace_dropouts(
    ...     instance, ["p0", "p1", "p2", "p3"], ["p2"], rng=random.Random(1)
    ... )
    >>> instance.is_valid_panel(result.panel), result.replacements[0] in {"p4", "p6"}
    (True, True)

    References
    ----------
    .. [1] Flanigan, B. et al. (2021). Fair algorithms for selecting citizens'
       assemblies. *Nature* 596, 548-552.
    """
    distribution = replacement_distribution(
        instance, panel, dropped, unavailable=unavailable
    )
    _, kept = remaining_problem(instance, panel, dropped, unavailable=unavailable)
    replacements = draw_panel(distribution, rng=rng)
    return Replacement(
        kept=kept,
        dropped=tuple(sorted(set(dropped))),
        replacements=replacements,
        panel=tuple(sorted((*kept, *replacements))),
        distribution=distribution,
    )
