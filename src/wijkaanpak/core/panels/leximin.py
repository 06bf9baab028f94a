# SPDX-License-Identifier: EUPL-1.2
"""LEXIMIN panel distributions: selection chances as equal as the quotas allow.

Quotas make some volunteers harder to seat than others, so a panel method
cannot give everyone the chance ``k / n``. LEXIMIN (Flanigan et al. 2021) first
makes the smallest selection probability as large as possible (maximin), fixes
the volunteers who cannot get more, then raises the next smallest probability,
and so on. It is the method behind most citizens' assemblies drawn by the
Sortition Foundation and its partners, and here it runs on the open HiGHS
solver instead of a commercial one.

Scheme (column generation, our own implementation of the published method):

0. Volunteers with the same values of every quota feature are interchangeable,
   and the LEXIMIN probabilities are unique, so they share one probability.
   We therefore work with *groups* (one integer variable per group: how many
   of its members are seated), except that with the household rule members of
   a shared household stay groups of one.
1. Find group panels that cover every group that can be seated at all, then
   some varied ones (multiplicative weights), with the integer-programming
   oracle of :mod:`wijkaanpak.core.panels._highs`.
2. For each level, solve the *dual* LP over the known panels: weights
   ``y_g >= 0`` on the groups, summing to one over the groups not yet fixed,
   and a cap ``c`` with ``sum(y_g * c_g / m_g) <= c`` for every known panel
   seating ``c_g`` of the ``m_g`` members of group ``g``; minimise
   ``c - sum(f_g * y_g)`` over the fixed groups with their fixed
   probabilities ``f_g``. The oracle looks for a feasible panel whose weight
   exceeds ``c``; if it finds one, that panel joins the LP and the LP is
   solved again. Otherwise the LP value ``z`` is the optimal smallest
   probability among the groups not fixed, and every group with a positive
   dual weight (complementary slackness) is fixed at ``z``.
3. When everyone is fixed, group panels become panels of named volunteers:
   each group's seats go round its members in turn, then a column generation
   whose pricing needs no integer program (the heaviest realisation of a
   group panel takes each group's heaviest members) adds panels until an LP
   gives every volunteer their level.
4. That LP's weights are rounded to multiples of ``2**-40`` (largest
   remainders), so they sum to exactly one and the probabilities to exactly
   ``k``.

Tolerances: a panel joins the LP only if it beats the cap by more than
``COLUMN_TOLERANCE`` (1e-9), so each level is optimal within that; a dual
weight above ``DUAL_TOLERANCE`` (1e-7) counts as positive; fixed probabilities
are relaxed by ``FIX_SLACK`` (1e-9) so later LPs stay feasible despite
round-off; the final rounding moves each probability by at most
``number of panels * 2**-40`` (about 1e-10 for a thousand panels).
"""

from __future__ import annotations

import math

import highspy
import numpy as np
import numpy.typing as npt

from wijkaanpak.core.panels._highs import PanelOracle, quiet_highs
from wijkaanpak.core.panels.model import (
    WEIGHT_DENOMINATOR,
    PanelDistribution,
    PanelInstance,
    WeightedPanel,
)
from wijkaanpak.core.panels.quotas import InfeasibleQuotasError, check_quotas

__all__ = [
    "COLUMN_TOLERANCE",
    "DUAL_TOLERANCE",
    "FIX_SLACK",
    "leximin_panel_distribution",
    "maximin_panel_distribution",
]

COLUMN_TOLERANCE = 1e-9
DUAL_TOLERANCE = 1e-7
FIX_SLACK = 1e-9
#: Panels added per round when spreading group levels over volunteers.
REALISATIONS_PER_ROUND = 100
#: How much every volunteer's probability may fall short of its level before
#: we call the result wrong rather than round-off.
FINAL_TOLERANCE = 1e-6


def leximin_panel_distribution(
    instance: PanelInstance, *, max_levels: int | None = None
) -> PanelDistribution:
    """Return the LEXIMIN distribution over the feasible panels of ``instance``.

    Parameters
    ----------
    instance : PanelInstance
        Pool, quotas, panel size and household rule.
    max_levels : int or None
        Stop after this many levels; the volunteers not fixed by then get at
        least the last level. ``None`` runs LEXIMIN to the end; ``1`` gives a
        maximin distribution.

    Returns
    -------
    PanelDistribution
        Panels with weights; ``levels`` holds the successive smallest
        probabilities that were fixed, the first being the maximin optimum.

    Raises
    ------
    InfeasibleQuotasError
        When no panel meets all quotas; the message names the conflict.

    Examples
    --------
    Two women and four men, a panel of two with one seat for each gender:
    each woman is selected with probability 1/2 and each man with 1/4.

    >>> from wijkaanpak.core.panels.model import Person, Quota
    >>> pool = tuple(
    ...     Person(f"p{i}", (("gender", "f" if i < 2 else "m"),)) for i in range(6)
    ... )
    >>> quotas = (Quota("gender", "f", 1, 1), Quota("gender", "m", 1, 1))
    >>> result = leximin_panel_distribution(PanelInstance(pool, quotas, 2))
    >>> [probability for _, probability in result.probabilities()]
    [0.5, 0.5, 0.25, 0.25, 0.25, 0.25]
    >>> [round(level, 6) for level in result.levels]
    [0.25, 0.5]

    References
    ----------
    .. [1] Flanigan, B., Gölz, P., Gupta, A., Hennig, B. and Procaccia, A. D.
       (2021). Fair algorithms for selecting citizens' assemblies. *Nature*
       596, 548-552. https://doi.org/10.1038/s41586-021-03788-6
    """
    if max_levels is not None and max_levels < 1:
        raise ValueError("max_levels must be at least 1")
    method = "maximin" if max_levels == 1 else "leximin"
    if instance.panel_size == 0:
        return PanelDistribution(
            panels=(WeightedPanel((), WEIGHT_DENOMINATOR),),
            people=instance.ids,
            panel_size=0,
            method=method,
            levels=(0.0,),
        )
    groups = _interchangeable_groups(instance)
    oracle = PanelOracle(instance, groups=groups)
    if not oracle.is_feasible():
        raise InfeasibleQuotasError(check_quotas(instance))
    sizes = np.array([float(len(group)) for group in groups])
    count = len(groups)

    panels = _initial_panels(oracle, sizes, instance.panel_size)
    known = set(panels)
    fixed = np.full(count, np.nan)
    dual = _DualProgram(sizes, panels)
    levels: list[float] = []
    while np.isnan(fixed).any() and (max_levels is None or len(levels) < max_levels):
        while True:
            weights, cap, value = dual.solve()
            best = oracle.best_counts(weights / sizes)
            assert best is not None
            if best[0] <= cap + COLUMN_TOLERANCE or best[1] in known:
                break
            panels.append(best[1])
            known.add(best[1])
            dual.add_panel(best[1])
        level = min(max(value, 0.0), 1.0)
        unfixed = np.isnan(fixed)
        newly = unfixed & (weights > DUAL_TOLERANCE)
        if not newly.any():
            newly = unfixed & (weights >= weights[unfixed].max())
        fixed[newly] = level
        dual.fix(np.flatnonzero(newly), level)
        levels.append(level)
    group_targets = np.where(np.isnan(fixed), levels[-1], fixed)
    targets = np.zeros(len(instance.people))
    for group, target in zip(groups, group_targets, strict=True):
        targets[list(group)] = target
    seated = _realise(instance, groups, panels, targets)
    return _distribution(instance, seated, targets, method, tuple(levels))


def maximin_panel_distribution(instance: PanelInstance) -> PanelDistribution:
    """Return a distribution that maximises the smallest selection probability.

    The first level of :func:`leximin_panel_distribution`; the same objective
    as ``maximin`` in the ``sortition-algorithms`` package, used to compare.

    Parameters
    ----------
    instance : PanelInstance
        Pool, quotas, panel size and household rule.

    Returns
    -------
    PanelDistribution
        Panels with weights; ``levels`` holds the maximin optimum only.

    Examples
    --------
    >>> from wijkaanpak.core.panels.model import Person, Quota
    >>> pool = tuple(Person(f"p{i}", (("gender", "fm"[i % 2]),)) for i in range(4))
    >>> instance = PanelInstance(pool, (Quota("gender", "f", 1, 1),), 2)
    >>> maximin_panel_distribution(instance).minimum_probability()
    0.5

    References
    ----------
    .. [1] Flanigan, B., Gölz, P., Gupta, A., Hennig, B. and Procaccia, A. D.
       (2021). Fair algorithms for selecting citizens' assemblies. *Nature*
       596, 548-552. https://doi.org/10.1038/s41586-021-03788-6
    """
    return leximin_panel_distribution(instance, max_levels=1)


def _interchangeable_groups(instance: PanelInstance) -> tuple[tuple[int, ...], ...]:
    """Group volunteers who differ in nothing the rules look at.

    Volunteers with the same values of every quota feature can be exchanged in
    any panel, so a LEXIMIN distribution gives them the same probability (the
    LEXIMIN probabilities are unique and such exchanges keep them). Working on
    groups makes the programs much smaller. With the household rule, members
    of a shared household stay in groups of their own.
    """
    features = list(dict.fromkeys(quota.feature for quota in instance.quotas))
    shared = {member for group in instance.households() for member in group}
    groups: dict[object, list[int]] = {}
    for index, person in enumerate(instance.people):
        key: object
        if instance.one_per_household and index in shared:
            key = ("alone", index)
        else:
            key = tuple(person.value(feature) for feature in features)
        groups.setdefault(key, []).append(index)
    return tuple(tuple(group) for group in groups.values())


def _initial_panels(
    oracle: PanelOracle, sizes: npt.NDArray[np.float64], k: int
) -> list[tuple[int, ...]]:
    """Return panels covering every seatable group, then varied panels."""
    count = len(sizes)
    panels: list[tuple[int, ...]] = []
    known: set[tuple[int, ...]] = set()
    covered = np.zeros(count, dtype=bool)
    while not covered.all():
        best = oracle.best_counts((~covered).astype(np.float64) / sizes)
        if best is None or best[0] < 1e-6:
            break
        if best[1] not in known:
            panels.append(best[1])
            known.add(best[1])
        covered |= np.array(best[1]) > 0
    # Multiplicative weights: groups seated often weigh less next time, which
    # gives the LP a varied start and saves rounds of column generation.
    weights = np.ones(count)
    for _ in range(min(2 * math.ceil(sizes.sum() / k), 60)):
        best = oracle.best_counts(weights / sizes)
        if best is None:
            break
        if best[1] not in known:
            panels.append(best[1])
            known.add(best[1])
        weights *= 0.8 ** (np.array(best[1]) / sizes * k)
        weights *= count / weights.sum()
    return panels


class _DualProgram:
    """The dual LP of one level, kept in HiGHS between rounds (warm starts).

    Over groups: ``y_g`` weighs group ``g``'s selection probability, and a panel
    seating ``c_g`` of its ``m_g`` members contributes ``c_g / m_g`` to it.
    """

    def __init__(
        self, sizes: npt.NDArray[np.float64], panels: list[tuple[int, ...]]
    ) -> None:
        n = len(sizes)
        self.n = n
        self.sizes = sizes
        highs = quiet_highs()
        highs.setOptionValue("primal_feasibility_tolerance", 1e-10)
        highs.setOptionValue("dual_feasibility_tolerance", 1e-10)
        inf = highspy.kHighsInf
        # Columns 0..n-1: the weights y_g; column n: the cap c.
        highs.addVars(n, np.zeros(n), np.full(n, inf))
        highs.addVar(-inf, inf)
        costs = np.zeros(n + 1)
        costs[n] = 1.0
        highs.changeColsCost(n + 1, np.arange(n + 1, dtype=np.int32), costs)
        highs.changeObjectiveSense(highspy.ObjSense.kMinimize)
        highs.addRow(1.0, 1.0, n, np.arange(n, dtype=np.int32), np.ones(n))
        self._highs = highs
        for panel in panels:
            self.add_panel(panel)

    def add_panel(self, counts: tuple[int, ...]) -> None:
        seated = [index for index, count in enumerate(counts) if count]
        indices = np.array([*seated, self.n], dtype=np.int32)
        values = np.array([counts[i] / self.sizes[i] for i in seated] + [-1.0])
        self._highs.addRow(-highspy.kHighsInf, 0.0, len(indices), indices, values)

    def fix(self, groups: npt.NDArray[np.intp], level: float) -> None:
        for group in groups:
            self._highs.changeCoeff(0, int(group), 0.0)
            self._highs.changeColCost(int(group), -(level - FIX_SLACK))

    def solve(self) -> tuple[npt.NDArray[np.float64], float, float]:
        highs = self._highs
        highs.run()
        status = highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"the HiGHS dual LP stopped with status {status}")
        values = np.asarray(highs.getSolution().col_value)
        weights = np.clip(values[: self.n], 0.0, None)
        return weights, float(values[self.n]), float(highs.getObjectiveValue())


def _realise(
    instance: PanelInstance,
    groups: tuple[tuple[int, ...], ...],
    group_panels: list[tuple[int, ...]],
    targets: npt.NDArray[np.float64],
) -> list[tuple[int, ...]]:
    """Turn panels of groups into panels of volunteers reaching ``targets``.

    Each group panel first becomes volunteer panels by taking each group's
    seats in turn around its members, so every volunteer is used; then column
    generation on the volunteer oracle adds panels until the LP of
    :func:`_distribution` can give everyone their target: the dual LP
    ``max sum(t_i y_i) + u`` subject to ``sum(y_i for i in P) + u <= 0`` for
    known panels and ``sum(y_i) <= 1`` is the smallest shortfall; a panel joins
    when its weight exceeds ``-u``.
    """
    n = len(instance.people)
    pointers = [0] * len(groups)
    panels: list[tuple[int, ...]] = []
    known: set[tuple[int, ...]] = set()
    used = np.zeros(n, dtype=bool)
    for _ in range(3):
        for counts in group_panels:
            members: list[int] = []
            for position, (group, seats) in enumerate(zip(groups, counts, strict=True)):
                start = pointers[position]
                members.extend(group[(start + j) % len(group)] for j in range(seats))
                pointers[position] = (start + seats) % len(group)
            panel = tuple(sorted(members))
            if panel not in known:
                panels.append(panel)
                known.add(panel)
                used[list(panel)] = True
        if used[targets > 0].all():
            break
    table = np.array(group_panels, dtype=np.int64)
    highs = quiet_highs()
    highs.setOptionValue("primal_feasibility_tolerance", 1e-10)
    highs.setOptionValue("dual_feasibility_tolerance", 1e-10)
    inf = highspy.kHighsInf
    # Columns 0..n-1: y_i >= 0; column n: u free. Maximise t.y + u.
    highs.addVars(n, np.zeros(n), np.full(n, inf))
    highs.addVar(-inf, inf)
    highs.changeColsCost(
        n + 1, np.arange(n + 1, dtype=np.int32), np.append(targets, 1.0)
    )
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    highs.addRow(-inf, 1.0, n, np.arange(n, dtype=np.int32), np.ones(n))

    def add(panel: tuple[int, ...]) -> None:
        indices = np.array([*panel, n], dtype=np.int32)
        highs.addRow(-inf, 0.0, len(indices), indices, np.ones(len(indices)))

    for panel in panels:
        add(panel)
    while True:
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError("the HiGHS LP that realises the levels has no optimum")
        values = np.asarray(highs.getSolution().col_value)
        weights, bound = np.clip(values[:n], 0.0, None), float(values[n])
        fresh = [
            panel
            for panel in _best_realisations(
                groups, table, weights, -bound + COLUMN_TOLERANCE
            )
            if panel not in known
        ]
        if not fresh:
            return panels
        for panel in fresh:
            panels.append(panel)
            known.add(panel)
            add(panel)


def _best_realisations(
    groups: tuple[tuple[int, ...], ...],
    counts: npt.NDArray[np.int64],
    weights: npt.NDArray[np.float64],
    threshold: float,
) -> list[tuple[int, ...]]:
    """Return the heaviest volunteer panels that realise known group panels.

    Within a group, the heaviest choice of ``c`` members is the ``c`` with the
    largest weights (ties: earlier in the pool), so no integer program is
    needed: a table of running sums per group prices every group panel. Up to
    ``REALISATIONS_PER_ROUND`` panels heavier than ``threshold`` are returned,
    heaviest first, to save rounds of the LP.
    """
    longest = max(len(group) for group in groups)
    ranked = [sorted(group, key=lambda i: (-weights[i], i)) for group in groups]
    running = np.zeros((len(groups), longest + 1))
    for position, members in enumerate(ranked):
        running[position, 1 : len(members) + 1] = np.cumsum(weights[members])
    values = running[np.arange(len(groups))[None, :], counts].sum(axis=1)
    order = np.argsort(-values, kind="stable")[:REALISATIONS_PER_ROUND]
    return [
        tuple(
            sorted(
                member
                for position, seats in enumerate(counts[best])
                for member in ranked[position][: int(seats)]
            )
        )
        for best in order
        if values[best] > threshold
    ]


def _distribution(
    instance: PanelInstance,
    panels: list[tuple[int, ...]],
    targets: npt.NDArray[np.float64],
    method: str,
    levels: tuple[float, ...],
) -> PanelDistribution:
    """Weigh the known panels so everyone reaches their target; round exactly."""
    n, m = len(targets), len(panels)
    highs = quiet_highs()
    highs.setOptionValue("primal_feasibility_tolerance", 1e-10)
    highs.setOptionValue("dual_feasibility_tolerance", 1e-10)
    inf = highspy.kHighsInf
    # Rows 0..n-1: volunteer i reaches target_i (with shortfall s); row n: sum 1.
    highs.addRows(
        n + 1,
        np.append(targets, 1.0),
        np.append(np.full(n, inf), 1.0),
        0,
        np.zeros(n + 2, dtype=np.int32),
        np.zeros(0, dtype=np.int32),
        np.zeros(0),
    )
    for panel in panels:
        indices = np.array([*panel, n], dtype=np.int32)
        highs.addCol(0.0, 0.0, inf, len(indices), indices, np.ones(len(indices)))
    shortfall_rows = np.arange(n, dtype=np.int32)
    highs.addCol(1.0, 0.0, inf, n, shortfall_rows, np.ones(n))
    highs.changeObjectiveSense(highspy.ObjSense.kMinimize)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError("the HiGHS LP over the final panels has no optimum")
    values = np.asarray(highs.getSolution().col_value)
    if values[m] > FINAL_TOLERANCE:
        raise RuntimeError(
            f"the panels found fall short of the fixed levels by {values[m]:.2g}"
        )
    numerators = _round_to_denominator(np.clip(values[:m], 0.0, None))
    ids = instance.ids
    weighted: dict[tuple[str, ...], int] = {}
    for panel, numerator in zip(panels, numerators, strict=True):
        if numerator > 0:
            members = tuple(sorted(ids[index] for index in panel))
            weighted[members] = weighted.get(members, 0) + numerator
    return PanelDistribution(
        panels=tuple(
            WeightedPanel(members, weighted[members]) for members in sorted(weighted)
        ),
        people=ids,
        panel_size=instance.panel_size,
        method=method,
        levels=levels,
    )


def _round_to_denominator(weights: npt.NDArray[np.float64]) -> list[int]:
    """Round weights summing to about one to integers summing to the denominator.

    Largest remainders; ties go to the earlier panel, so the result is the same
    on every machine that computes the same floats.
    """
    scaled = weights / weights.sum() * WEIGHT_DENOMINATOR
    floors = [math.floor(value) for value in scaled]
    shortage = WEIGHT_DENOMINATOR - sum(floors)
    order = sorted(
        range(len(floors)), key=lambda index: (floors[index] - scaled[index], index)
    )
    for index in order[:shortage]:
        floors[index] += 1
    return floors
