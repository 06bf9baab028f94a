# SPDX-License-Identifier: EUPL-1.2
"""Quota check: whether any panel meets every quota, and which quotas conflict.

A programme officer sets quotas before volunteers have registered; when the
pool turns out not to allow them all, "infeasible" is no help. This module
names a smallest set of quota bounds that cannot hold together (a deletion
filter over the bounds, each test an integer program on HiGHS: the result is
an irreducible infeasible subset, IIS) and the smallest total change to the
bounds that makes a panel possible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import highspy
import numpy as np

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels._highs import PanelOracle, quiet_highs
from wijkaanpak.core.panels.model import PanelInstance, Quota

__all__ = [
    "InfeasibleQuotasError",
    "QuotaBound",
    "QuotaCheck",
    "Relaxation",
    "check_quotas",
]


@dataclass(frozen=True, slots=True)
class QuotaBound:
    """One side of a quota: its minimum or its maximum."""

    quota: Quota
    bound: Literal["minimum", "maximum"]

    def describe(self) -> str:
        """Return the bound as a phrase, such as ``'at least 5 members with ...'``.

        Returns
        -------
        str
            The phrase.
        """
        quota = self.quota
        if self.bound == "minimum":
            return f"at least {quota.minimum} with {quota.feature} = {quota.value}"
        return f"at most {quota.maximum} with {quota.feature} = {quota.value}"


@dataclass(frozen=True, slots=True)
class Relaxation:
    """Change one bound of a quota from ``old`` to ``new``."""

    quota: Quota
    bound: Literal["minimum", "maximum"]
    old: int
    new: int

    def describe(self) -> str:
        """Return the change as an instruction.

        Returns
        -------
        str
            For example ``'lower the minimum for age = 16-29 from 5 to 4'``.
        """
        verb = "lower" if self.bound == "minimum" else "raise"
        return (
            f"{verb} the {self.bound} for {self.quota.feature} = {self.quota.value} "
            f"from {self.old} to {self.new}"
        )


@dataclass(frozen=True, slots=True)
class QuotaCheck:
    """The answer of :func:`check_quotas`, with a sentence that explains it."""

    feasible: bool
    conflicting: tuple[QuotaBound, ...]
    relaxations: tuple[Relaxation, ...]
    explanation: str


class InfeasibleQuotasError(WijkaanpakError):
    """No panel meets every quota; ``check`` says which quotas conflict."""

    def __init__(self, check: QuotaCheck) -> None:
        super().__init__(check.explanation)
        self.check = check


def check_quotas(instance: PanelInstance) -> QuotaCheck:
    """Say whether some panel meets every quota, and if not, why not.

    Parameters
    ----------
    instance : PanelInstance
        Pool, quotas, panel size and household rule.

    Returns
    -------
    QuotaCheck
        When infeasible: a minimal set of conflicting bounds (removing any one
        of them removes this conflict; others may remain), the smallest total
        change to the bounds that makes a panel possible, and a sentence.

    Examples
    --------
    >>> from wijkaanpak.core.panels.model import Person
    >>> pool = tuple(
    ...     Person(f"p{i}", (("age", "young" if i < 2 else "old"),)) for i in range(6)
    ... )
    >>> quotas = (Quota("age", "young", 3, 4), Quota("age", "old", 0, 4))
    >>> check = check_quotas(PanelInstance(pool, quotas, panel_size=4))
    >>> check.feasible
    False
    >>> [bound.describe() for bound in check.conflicting]
    ['at least 3 with age = young']
    >>> [change.describe() for change in check.relaxations]
    ['lower the minimum for age = young from 3 to 2']

    References
    ----------
    .. [1] Chinneck, J. W. (2008). *Feasibility and Infeasibility in
       Optimization*. Springer. (The deletion filter, chapter 6.)
    """
    if PanelOracle(instance).is_feasible():
        return QuotaCheck(True, (), (), "Every quota can be met.")
    k, n = instance.panel_size, len(instance.people)
    bounds: list[tuple[int, Literal["minimum", "maximum"]]] = []
    for position, quota in enumerate(instance.quotas):
        if quota.minimum > 0:
            bounds.append((position, "minimum"))
        if quota.maximum < k:
            bounds.append((position, "maximum"))
    everything = [(position, bound) for position, bound in bounds]
    if PanelOracle(instance, relaxed=everything).is_feasible():
        kept = list(everything)
        for candidate in everything:
            trial = [bound for bound in kept if bound != candidate]
            left_out = [bound for bound in everything if bound not in trial]
            if not PanelOracle(instance, relaxed=left_out).is_feasible():
                kept = trial
        conflicting = tuple(
            QuotaBound(instance.quotas[position], bound) for position, bound in kept
        )
        relaxations = _smallest_relaxation(instance)
        phrases = "; ".join(bound.describe() for bound in conflicting)
        changes = "; ".join(change.describe() for change in relaxations)
        explanation = (
            f"No panel of {k} from these {n} volunteers meets every quota. "
            f"These quotas cannot all hold together: {phrases}. Loosening any one "
            "of them removes this conflict, though others may remain. The smallest "
            f"change that makes a panel possible: {changes}."
        )
        return QuotaCheck(False, conflicting, relaxations, explanation)
    households = len(
        {person.household or f"\0{person.id}" for person in instance.people}
    )
    explanation = (
        f"No panel of {k} is possible even without quotas: with at most one member "
        f"per household, these {n} volunteers from {households} households can fill "
        f"at most {households} seats."
    )
    return QuotaCheck(False, (), (), explanation)


def _smallest_relaxation(instance: PanelInstance) -> tuple[Relaxation, ...]:
    """Return the changes of bounds with the smallest total that allow a panel."""
    n, k = len(instance.people), instance.panel_size
    highs = quiet_highs()
    inf = highspy.kHighsInf
    quotas = instance.quotas
    q = len(quotas)
    # Columns: x_0..x_{n-1} (seated or not), then per quota a slack below and above.
    highs.addVars(
        n + 2 * q, np.zeros(n + 2 * q), np.append(np.ones(n), np.full(2 * q, inf))
    )
    highs.changeColsIntegrality(
        n + 2 * q,
        np.arange(n + 2 * q, dtype=np.int32),
        np.array([highspy.HighsVarType.kInteger] * (n + 2 * q)),
    )
    costs = np.append(np.zeros(n), np.ones(2 * q))
    highs.changeColsCost(n + 2 * q, np.arange(n + 2 * q, dtype=np.int32), costs)
    highs.addRow(float(k), float(k), n, np.arange(n, dtype=np.int32), np.ones(n))
    for position, quota in enumerate(quotas):
        members = list(instance.members_of(quota))
        below, above = n + 2 * position, n + 2 * position + 1
        highs.addRow(
            float(quota.minimum),
            inf,
            len(members) + 1,
            np.array([*members, below], dtype=np.int32),
            np.ones(len(members) + 1),
        )
        highs.addRow(
            -inf,
            float(quota.maximum),
            len(members) + 1,
            np.array([*members, above], dtype=np.int32),
            np.append(np.ones(len(members)), -1.0),
        )
    if instance.one_per_household:
        for group in instance.households():
            highs.addRow(
                -inf,
                1.0,
                len(group),
                np.array(group, dtype=np.int32),
                np.ones(len(group)),
            )
    highs.changeObjectiveSense(highspy.ObjSense.kMinimize)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return ()
    values = np.asarray(highs.getSolution().col_value)
    changes: list[Relaxation] = []
    for position, quota in enumerate(quotas):
        below = round(values[n + 2 * position])
        above = round(values[n + 2 * position + 1])
        if below > 0:
            changes.append(
                Relaxation(quota, "minimum", quota.minimum, quota.minimum - below)
            )
        if above > 0:
            changes.append(
                Relaxation(quota, "maximum", quota.maximum, quota.maximum + above)
            )
    return tuple(changes)
