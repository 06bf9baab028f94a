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
3. When everyone is fixed, an LP over the known group panels gives every
   group its level, and its weights are rounded to multiples of ``2**-40``
   (largest remainders), so they sum to exactly one.
4. Each group panel with a weight becomes a few panels of named volunteers
   (:mod:`wijkaanpak.core.panels.expansion`): groups seated whole are on all
   of them; a group with ``c_g`` of its ``m_g`` members seated is seated in
   rotation with one start common to all groups, so that each member is on
   named panels worth exactly ``c_g / m_g`` of the group panel's weight (the
   group's level) and every named panel meets the quotas. Those shares are
   rounded to multiples of ``2**-40`` within the group panel (largest
   remainders), so the weights still sum to exactly one and the
   probabilities, sums of weights, to exactly ``k``. This replaces a second
   column generation over named volunteers, which took most of the time on
   large pools, and needs at most ``1 + sum(m_g / gcd(m_g, c_g) - 1)`` named
   panels per group panel.

Tolerances: a panel joins the LP only if it beats the cap by more than
``COLUMN_TOLERANCE`` (1e-9), so each level is optimal within that; a dual
weight above ``DUAL_TOLERANCE`` (1e-7) counts as positive; fixed probabilities
are relaxed by ``FIX_SLACK`` (1e-9) so later LPs stay feasible despite
round-off; the final roundings move each probability by at most
``number of panels * 2**-40`` (about 1e-9 for a thousand panels).
"""

from __future__ import annotations

import math
from fractions import Fraction

import highspy
import numpy as np
import numpy.typing as npt

from wijkaanpak.core.panels._highs import PanelOracle, quiet_highs
from wijkaanpak.core.panels.expansion import ClassSeats, expand_class_panel
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
#: How much every volunteer's probability may fall short of its level before
#: we call the result wrong rather than round-off.
FINAL_TOLERANCE = 1e-6
#: Heavy neighbours of a new panel that join the LP with it.
NEIGHBOURS_PER_ROUND = 10


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

    search = _SwapSearch(instance, groups)
    panels = _initial_panels(oracle, sizes, instance.panel_size)
    known = set(panels)
    table = _Table(count)
    for panel in panels:
        table.add(panel)
    fixed = np.full(count, np.nan)
    dual = _DualProgram(sizes, panels)
    levels: list[float] = []
    while np.isnan(fixed).any() and (max_levels is None or len(levels) < max_levels):
        while True:
            weights, cap, value = dual.solve()
            extra = NEIGHBOURS_PER_ROUND if not levels else 0
            fresh = _price(
                oracle, search, panels, table, known, weights / sizes, cap, extra
            )
            if not fresh:
                break
            for panel in fresh:
                panels.append(panel)
                known.add(panel)
                table.add(panel)
                dual.add_panel(panel)
        level = min(max(value, 0.0), 1.0)
        unfixed = np.isnan(fixed)
        newly = unfixed & (weights > DUAL_TOLERANCE)
        if not newly.any():
            newly = unfixed & (weights >= weights[unfixed].max())
        fixed[newly] = level
        dual.fix(np.flatnonzero(newly), level)
        levels.append(level)
    targets = np.where(np.isnan(fixed), levels[-1], fixed)
    return _distribution(instance, groups, panels, targets, method, tuple(levels))


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


def _price(
    oracle: PanelOracle,
    search: _SwapSearch,
    panels: list[tuple[int, ...]],
    table: _Table,
    known: set[tuple[int, ...]],
    weights: npt.NDArray[np.float64],
    cap: float,
    extra: int,
) -> list[tuple[int, ...]]:
    """Return new panels heavier than ``cap``; none means the level is optimal.

    First local search from the heaviest known panel; only when that finds
    nothing new does the integer program look (and its answer is exact). The
    panel found and up to ``NEIGHBOURS_PER_ROUND`` of its heavy neighbours
    join the LP, which saves rounds.
    """
    threshold = cap + COLUMN_TOLERANCE
    found: tuple[int, ...] = ()
    if extra:
        start = panels[int(np.argmax(table.matrix() @ weights))]
        found = search.improve(start, weights)
    if not found or found in known or float(weights @ np.array(found)) <= threshold:
        best = oracle.best_counts(weights)
        assert best is not None
        if best[0] <= threshold or best[1] in known:
            return []
        found = best[1]
    fresh = [found]
    for neighbour in search.neighbours(found, weights, threshold, 4 * extra):
        if neighbour not in known and neighbour not in fresh:
            fresh.append(neighbour)
            if len(fresh) > extra:
                break
    return fresh


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
    # gives the LP a varied start and saves rounds of column generation. (The
    # integer program, not local search, finds these: its panels are more
    # varied, which saved many rounds in the benchmarks.)
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


class _Table:
    """The known group panels as rows of a matrix that grows by doubling."""

    def __init__(self, width: int) -> None:
        self._rows = np.zeros((64, width))
        self._used = 0

    def add(self, counts: tuple[int, ...]) -> None:
        if self._used == len(self._rows):
            self._rows = np.vstack([self._rows, np.zeros_like(self._rows)])
        self._rows[self._used] = counts
        self._used += 1

    def matrix(self) -> npt.NDArray[np.float64]:
        return self._rows[: self._used]


class _SwapSearch:
    """Cheap pricing: improve a panel by moving one seat at a time.

    A *move* takes a seat from one group and gives it to another so that every
    quota (and the household rule) still holds. Local search with the best
    move finds heavy panels in milliseconds where the integer program takes
    tenths of a second; the integer program stays the judge of optimality
    (a level is fixed only when it finds nothing heavier than the cap), so
    this changes how fast, never what, the method finds.
    """

    def __init__(
        self, instance: PanelInstance, groups: tuple[tuple[int, ...], ...]
    ) -> None:
        column_of = {
            member: column for column, group in enumerate(groups) for member in group
        }
        rows: list[npt.NDArray[np.float64]] = []
        low: list[float] = []
        high: list[float] = []
        for quota in instance.quotas:
            row = np.zeros(len(groups))
            row[sorted({column_of[i] for i in instance.members_of(quota)})] = 1.0
            rows.append(row)
            low.append(float(quota.minimum))
            high.append(float(quota.maximum))
        if instance.one_per_household:
            for household in instance.households():
                row = np.zeros(len(groups))
                row[[column_of[i] for i in household]] = 1.0
                rows.append(row)
                low.append(-np.inf)
                high.append(1.0)
        self.rows = np.array(rows).reshape(len(rows), len(groups))
        self.low = np.array(low)[:, None, None]
        self.high = np.array(high)[:, None, None]
        self.capacity = np.array([len(group) for group in groups])

    def moves(
        self, counts: npt.NDArray[np.int64], weights: npt.NDArray[np.float64]
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.float64]]:
        """Return every allowed move (from, to) and the weight it adds."""
        sources = np.flatnonzero(counts > 0)
        targets = np.flatnonzero(counts < self.capacity)
        totals = self.rows @ counts
        after = (
            totals[:, None, None]
            - self.rows[:, sources][:, :, None]
            + self.rows[:, targets][:, None, :]
        )
        allowed = ((after >= self.low) & (after <= self.high)).all(axis=0)
        allowed &= sources[:, None] != targets[None, :]
        gain = weights[targets][None, :] - weights[sources][:, None]
        first, second = np.nonzero(allowed)
        return sources[first], targets[second], gain[first, second]

    def improve(
        self, counts: tuple[int, ...], weights: npt.NDArray[np.float64]
    ) -> tuple[int, ...]:
        """Apply the best move while it adds weight; return the local optimum."""
        current = np.array(counts, dtype=np.int64)
        for _ in range(4 * int(current.sum()) + 4):
            sources, targets, gain = self.moves(current, weights)
            if not len(gain) or gain.max() <= 1e-12:
                break
            best = int(np.argmax(gain))
            current[sources[best]] -= 1
            current[targets[best]] += 1
        return tuple(int(count) for count in current)

    def neighbours(
        self,
        counts: tuple[int, ...],
        weights: npt.NDArray[np.float64],
        threshold: float,
        limit: int,
    ) -> list[tuple[int, ...]]:
        """Return up to ``limit`` panels one move away, heavier than ``threshold``."""
        current = np.array(counts, dtype=np.int64)
        sources, targets, gain = self.moves(current, weights)
        base = float(weights @ current)
        order = np.argsort(-gain, kind="stable")[:limit]
        found = []
        for move in order:
            if base + gain[move] <= threshold:
                break
            neighbour = current.copy()
            neighbour[sources[move]] -= 1
            neighbour[targets[move]] += 1
            found.append(tuple(int(count) for count in neighbour))
        return found


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
        # Rounds add a few rows each: the simplex restarts from the last basis
        # (presolve would throw that basis away).
        highs.setOptionValue("presolve", "off")
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


def _distribution(
    instance: PanelInstance,
    groups: tuple[tuple[int, ...], ...],
    group_panels: list[tuple[int, ...]],
    targets: npt.NDArray[np.float64],
    method: str,
    levels: tuple[float, ...],
) -> PanelDistribution:
    """Weigh the known group panels so every group reaches its target.

    The LP: weights ``w_P >= 0`` summing to one and a shortfall ``s >= 0``,
    with ``sum_P w_P c_gP / m_g + s >= t_g`` for every group; minimise ``s``.
    A simplex optimum is a vertex, so at most one panel more than there are
    groups gets a weight. Each group panel with a weight is split into named
    panels by :func:`~wijkaanpak.core.panels.expansion.expand_class_panel`,
    which gives each member of a group seated in part exactly ``c_gP / m_g``
    of the group panel's weight, as in the LP.
    """
    count, m = len(groups), len(group_panels)
    sizes = np.array([float(len(group)) for group in groups])
    highs = quiet_highs()
    highs.setOptionValue("primal_feasibility_tolerance", 1e-10)
    highs.setOptionValue("dual_feasibility_tolerance", 1e-10)
    inf = highspy.kHighsInf
    # Rows 0..count-1: group g reaches target_g (with shortfall s); row count: sum 1.
    highs.addRows(
        count + 1,
        np.append(targets, 1.0),
        np.append(np.full(count, inf), 1.0),
        0,
        np.zeros(count + 2, dtype=np.int32),
        np.zeros(0, dtype=np.int32),
        np.zeros(0),
    )
    for counts in group_panels:
        seated = [g for g, seats in enumerate(counts) if seats]
        indices = np.array([*seated, count], dtype=np.int32)
        values = np.array([counts[g] / sizes[g] for g in seated] + [1.0])
        highs.addCol(0.0, 0.0, inf, len(indices), indices, values)
    highs.addCol(1.0, 0.0, inf, count, np.arange(count, dtype=np.int32), np.ones(count))
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
    names = [tuple(sorted(ids[index] for index in group)) for group in groups]
    totals: dict[tuple[str, ...], int] = {}
    for counts, numerator in zip(group_panels, numerators, strict=True):
        if numerator == 0:
            continue
        sure: list[str] = []
        classes: list[ClassSeats] = []
        for group, seats in enumerate(counts):
            if seats == len(names[group]):
                sure.extend(names[group])
            elif seats:
                classes.append(ClassSeats(names[group], seats))
        pieces = expand_class_panel(sure, classes, numerator)
        shares = _round_shares([share for _, share in pieces], numerator)
        for (members, _), share in zip(pieces, shares, strict=True):
            if share:
                totals[members] = totals.get(members, 0) + share
    panels = tuple(
        WeightedPanel(members, totals[members]) for members in sorted(totals)
    )
    return PanelDistribution(
        panels=panels,
        people=ids,
        panel_size=instance.panel_size,
        method=method,
        levels=levels,
    )


def _round_shares(shares: list[Fraction], total: int) -> list[int]:
    """Round exact shares summing to ``total`` to integers with the same sum.

    Largest remainders; ties go to the earlier share.
    """
    floors = [math.floor(share) for share in shares]
    order = sorted(
        range(len(shares)), key=lambda index: (floors[index] - shares[index], index)
    )
    for index in order[: total - sum(floors)]:
        floors[index] += 1
    return floors


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
