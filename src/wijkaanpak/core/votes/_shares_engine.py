# SPDX-License-Identifier: EUPL-1.2
"""The vectorised engine behind :func:`~.equal_shares.method_of_equal_shares`.

Nothing here is public: :mod:`.equal_shares` calls it for large elections
(small ones go to the plain-Python engine :mod:`._shares_pure`, which avoids
importing NumPy; both give exactly the same outcome) and
:mod:`.equal_shares_reference` is the plain, slow oracle both are tested
against.

How a run stays exact while it computes in floating point
---------------------------------------------------------
A run of equal shares takes two kinds of discrete decision: *can the
supporters of a project still pay for it?* and *which project has the lowest
price per unit of cost?* (ties go to the project listed first). Everything
else (prices, budgets) depends continuously on the input. The engine computes
prices and budgets as NumPy floats and takes a decision in floating point only
when it is clear by a relative margin of :data:`MARGIN`; rounding errors of a
run are many orders of magnitude smaller (at most some hundreds of operations
of relative error ``2**-53`` on every value). A decision that is close (a
tie, or a near tie) is taken again with exact :class:`fractions.Fraction`
values, computed lazily: a voter's budget after some rounds is ``max(0, share
- sum of the prices of the funded projects she supports)``, so voters who
support the same funded projects hold the same amount and the exact state
needs one exact price per funded project, grouped by those patterns.

How ``add1`` avoids most runs
-----------------------------
For a fixed order of funded projects, every budget is non-decreasing and every
price non-increasing in the share (induction over the rounds: more money makes
the least price that pays for a project smaller, and then leaves more). So if
a run at share ``a`` funds the sequence ``S`` with prices per unit of cost
``t_1, t_2, ...``, then every share in ``[a, b]`` funds ``S`` too as soon as,
following ``S`` at share ``b``, every other project in round ``j`` is either
unaffordable or costs more than ``t_j`` per unit (it costs at least as much at
every smaller share), and nothing is affordable after the last round.
:func:`certify` checks exactly that, which lets ``add1`` jump over whole
ranges of increments whose outcome cannot change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from wijkaanpak.core.votes import _shares_pure as pure
from wijkaanpak.core.votes._shares_pure import MARGIN, exact_price

__all__ = ["MARGIN", "Prepared", "certify", "run", "vectorise"]

_Floats = npt.NDArray[np.float64]
_Ints = npt.NDArray[np.int64]


@dataclass(slots=True)
class Prepared:
    """The election in the form every run needs (built once per election).

    Ballots with the same supported candidates form one *kind*, counted with
    a weight. Candidates are the projects with a positive cost and at least
    one supporter, numbered in tie-breaking order.
    """

    order: tuple[str, ...]
    cost: dict[str, int]
    support: dict[str, int]
    voters: int
    candidates: tuple[str, ...]
    candidate_cost: tuple[int, ...]
    candidate_support: tuple[int, ...]
    members: tuple[_Ints, ...]
    member_weights: tuple[_Floats, ...]
    kind_weights: _Ints
    kind_of_ballot: _Ints
    incidence: npt.NDArray[np.bool_] | None = field(default=None)
    overlap: tuple[frozenset[int], ...] | None = field(default=None)

    def supporters_matrix(self) -> npt.NDArray[np.bool_]:
        """Return kinds x candidates: does the kind support the candidate."""
        if self.incidence is None:
            matrix = np.zeros((len(self.kind_weights), len(self.candidates)), bool)
            for index, members in enumerate(self.members):
                matrix[members, index] = True
            self.incidence = matrix
        return self.incidence


def _touched(prepared: Prepared) -> tuple[frozenset[int], ...]:
    """Return, per candidate, the candidates sharing at least one supporter."""
    if prepared.overlap is None:
        matrix = prepared.supporters_matrix()
        prepared.overlap = tuple(
            frozenset(int(c) for c in np.flatnonzero(matrix[members].any(axis=0)))
            for members in prepared.members
        )
    return prepared.overlap


def vectorise(plain: pure.Prepared) -> Prepared:
    """Return the prepared election of the plain engine as arrays."""
    kind_weights = np.array(plain.kind_weights, np.int64)
    member_arrays = tuple(np.array(kinds, np.int64) for kinds in plain.members)
    return Prepared(
        order=plain.order,
        cost=plain.cost,
        support=plain.support,
        voters=plain.voters,
        candidates=plain.candidates,
        candidate_cost=plain.candidate_cost,
        candidate_support=plain.candidate_support,
        members=member_arrays,
        member_weights=tuple(kind_weights[m].astype(np.float64) for m in member_arrays),
        kind_weights=kind_weights,
        kind_of_ballot=np.array(plain.kind_of_ballot, np.int64),
    )


def _dot(left: _Floats, right: _Floats) -> float:
    """Return the dot product without BLAS.

    A multi-threaded BLAS makes a dot product of a few thousand numbers tens
    of times slower on a busy machine; einsum's own loop does not.
    """
    return float(np.einsum("i,i->", left, right))


#: Outcomes of a float evaluation besides a price.
_BROKE = -1.0
_CLOSE = -2.0


def _float_price(budgets: _Floats, weights: _Floats, support: int, cost: int) -> float:
    """Return the price per supporter in floats, or _BROKE / _CLOSE.

    _CLOSE means the supporters hold the cost up to the margin: affordability
    must be decided exactly.
    """
    total = _dot(budgets, weights)
    if total < cost * (1 - MARGIN):
        return _BROKE
    if total <= cost * (1 + MARGIN):
        return _CLOSE
    price = cost / support
    poor = budgets < price
    count = int(np.count_nonzero(poor))
    if not count:
        return price
    # The set of supporters who cannot pay the price only grows as the price
    # rises, so this converges; a few rounds usually suffice.
    for _ in range(8):
        paid = _dot(budgets[poor], weights[poor])
        rich = support - float(weights[poor].sum())
        price = (cost - paid) / rich
        poor = budgets < price
        new_count = int(np.count_nonzero(poor))
        if new_count == count:
            return price
        count = new_count
    order = np.argsort(budgets, kind="stable")
    held, weight = budgets[order], weights[order]
    paid_before = np.concatenate(([0.0], np.cumsum(held * weight)[:-1]))
    rich_from = support - np.concatenate(([0.0], np.cumsum(weight)[:-1]))
    prices = (cost - paid_before) / rich_from
    first = int(np.argmax(prices <= held))
    return float(prices[first])


@dataclass(slots=True)
class Exact:
    """Exact budgets and prices of one run, computed only when asked for.

    ``funded`` is the run's list of funded candidates and ``estimates`` the
    float prices they were funded at (both may still grow); the state before
    round ``r`` (0-based) is the state after ``funded[:r]``.

    A voter's budget before round ``r`` is ``max(0, share - S)``, with ``S``
    the sum of the exact prices of the funded projects she supports, so every
    exact amount is ``share`` times an integer minus an integer combination of
    exact prices. Floats only sort voters into groups whose exact treatment is
    certain (clearly empty, clearly short of the price, clearly paying the
    full price); voters within the margin of a boundary are computed exactly
    one by one (grouped by the projects they paid for).
    """

    prepared: Prepared
    share: Fraction
    funded: list[int]
    estimates: list[float]
    prices: dict[int, Fraction] = field(default_factory=dict)
    sums: dict[tuple[int, ...], Fraction] = field(default_factory=dict)

    def _spent(self, rounds: tuple[int, ...]) -> Fraction:
        """Return the exact sum of the prices of these rounds (memoised by prefix)."""
        if not rounds:
            return Fraction(0)
        known = self.sums.get(rounds)
        if known is None:
            known = self.sums[rounds] = self._spent(rounds[:-1]) + self.price(
                rounds[-1]
            )
        return known

    def _paid(
        self, candidate: int, rounds: int
    ) -> tuple[npt.NDArray[np.bool_], _Floats]:
        """Return which of the funded rounds each supporter paid for, and S (float)."""
        members = self.prepared.members[candidate]
        if not rounds:
            return np.zeros((len(members), 0), bool), np.zeros(len(members))
        matrix = self.prepared.supporters_matrix()
        paid = matrix[np.ix_(members, np.array(self.funded[:rounds], np.int64))]
        return paid, paid @ np.array(self.estimates[:rounds])

    def _exactly(
        self, paid: npt.NDArray[np.bool_], weights: _Floats
    ) -> list[tuple[Fraction, int]]:
        """Return ``(exact budget, supporters)`` for a few supporters."""
        if not len(weights):
            return []
        rows, group = np.unique(paid, axis=0, return_inverse=True)
        counts = np.bincount(group.reshape(-1), weights=weights, minlength=len(rows))
        merged: dict[Fraction, int] = {}
        for row, count in zip(rows, counts, strict=True):
            spent = self._spent(tuple(int(j) for j in np.flatnonzero(row)))
            amount = max(self.share - spent, Fraction(0))
            merged[amount] = merged.get(amount, 0) + round(float(count))
        return list(merged.items())

    def _linear(self, paid: npt.NDArray[np.bool_], weights: _Floats) -> Fraction:
        """Return the exact sum of ``share - S`` over supporters (weighted)."""
        if not len(weights):
            return Fraction(0)
        counts = weights @ paid if paid.shape[1] else np.zeros(0)
        total = self.share * round(float(weights.sum()))
        for j, count in enumerate(counts):
            if count:
                total -= self.price(j) * round(float(count))
        return total

    def _sorted(
        self, candidate: int, rounds: int, estimate: float
    ) -> tuple[Fraction, int, list[tuple[Fraction, int]]]:
        """Split the supporters around a price estimate.

        Returns what the supporters clearly below it hold together (exactly),
        how many clearly hold more, and the exact budgets of all others.
        """
        paid, spent = self._paid(candidate, rounds)
        weights = self.prepared.member_weights[candidate]
        start = float(self.share)
        held = start - spent
        near_zero = np.abs(held) <= MARGIN * start
        near_price = np.abs(held - estimate) <= MARGIN * max(estimate, start)
        unsure = near_zero | near_price
        poor = (held < estimate) & (held > 0) & ~unsure
        rich = (held > estimate) & ~unsure
        fixed = self._linear(paid[poor], weights[poor])
        return (
            fixed,
            round(float(weights[rich].sum())),
            self._exactly(paid[unsure], weights[unsure]),
        )

    def price(self, round_: int) -> Fraction:
        """Return the exact price per supporter of the project funded in a round."""
        known = self.prices.get(round_)
        if known is None:
            candidate = self.funded[round_]
            cost = self.prepared.candidate_cost[candidate]
            fixed, rich, unsure = self._sorted(
                candidate, round_, self.estimates[round_]
            )
            known = self.prices[round_] = _split_price(cost, fixed, rich, unsure)
        return known

    def holders(self, candidate: int, rounds: int) -> list[tuple[Fraction, int]]:
        """Return ``(exact budget, supporters)`` of a candidate before a round."""
        paid, _ = self._paid(candidate, rounds)
        return self._exactly(paid, self.prepared.member_weights[candidate])

    def ratio(self, candidate: int, rounds: int) -> Fraction | None:
        """Return the exact price per unit of cost before a round, or None."""
        cost = self.prepared.candidate_cost[candidate]
        found = exact_price(cost, self.holders(candidate, rounds))
        return None if found is None else found / cost

    def left(self, candidate: int, rounds: int) -> Fraction:
        """Return what the candidate's supporters hold together before a round."""
        paid, spent = self._paid(candidate, rounds)
        weights = self.prepared.member_weights[candidate]
        start = float(self.share)
        held = start - spent
        unsure = np.abs(held) <= MARGIN * start
        positive = (held > 0) & ~unsure
        return self._linear(paid[positive], weights[positive]) + sum(
            (
                amount * count
                for amount, count in self._exactly(paid[unsure], weights[unsure])
            ),
            Fraction(0),
        )

    def payments(self, round_: int) -> list[tuple[Fraction, _Ints]]:
        """Return ``(amount, supporting kinds)`` per amount paid in a round.

        Supporters who held at least the price pay the price; the others pay
        all they held, exactly, grouped by the projects they paid for before.
        """
        candidate = self.funded[round_]
        price = self.price(round_)
        members = self.prepared.members[candidate]
        paid, spent = self._paid(candidate, round_)
        start = float(self.share)
        held = start - spent
        unsure = np.abs(held - float(price)) <= MARGIN * max(float(price), start)
        groups: dict[Fraction, list[_Ints]] = {}
        rich = (held > float(price)) & ~unsure
        if rich.any():
            groups[price] = [members[rich]]
        empty = held < -MARGIN * start
        if empty.any():
            groups[Fraction(0)] = [members[empty]]
        others = np.flatnonzero(~rich & ~empty)
        if len(others):
            rows, group = np.unique(paid[others], axis=0, return_inverse=True)
            group = group.reshape(-1)
            order = np.argsort(group, kind="stable")
            bounds = np.searchsorted(group[order], np.arange(len(rows) + 1))
            for index, row in enumerate(rows):
                spent_exact = self._spent(tuple(int(j) for j in np.flatnonzero(row)))
                amount = min(max(self.share - spent_exact, Fraction(0)), price)
                kinds = members[others[order[bounds[index] : bounds[index + 1]]]]
                groups.setdefault(amount, []).append(kinds)
        return [
            (amount, np.sort(np.concatenate(parts)))
            for amount, parts in sorted(groups.items())
        ]

    def paid_by(self, round_: int) -> list[tuple[Fraction, tuple[int, ...]]]:
        """Return ``(amount, ballots)`` per amount paid in a round, smallest first.

        Ballots are given by their position, ascending.
        """
        groups = self.payments(round_)
        prepared = self.prepared
        label = np.full(len(prepared.kind_weights), len(groups), np.int64)
        for index, (_, kinds) in enumerate(groups):
            label[kinds] = index
        per_ballot = label[prepared.kind_of_ballot]
        order = np.argsort(per_ballot, kind="stable")
        bounds = np.searchsorted(per_ballot[order], np.arange(len(groups) + 1))
        return [
            (amount, tuple(order[bounds[index] : bounds[index + 1]].tolist()))
            for index, (amount, _) in enumerate(groups)
        ]


def _split_price(
    cost: int, fixed: Fraction, rich: int, unsure: list[tuple[Fraction, int]]
) -> Fraction:
    """Return the exact price given supporters split around an estimate.

    ``fixed`` is what the supporters surely below the price hold together,
    ``rich`` counts those surely above it, ``unsure`` lists the exact budgets
    of the others.
    """
    paid = fixed
    count = rich + sum(n for _, n in unsure)
    for budget, n in sorted(unsure, key=lambda holder: holder[0]):
        price = (cost - paid) / count
        if price <= budget:
            return price
        paid += budget * n
        count -= n
    return (cost - paid) / count


@dataclass(slots=True)
class Run:
    """One run of equal shares at a given share.

    ``funded`` lists candidate numbers in the order funded, ``ratios`` the
    price per unit of cost each was funded at (floats, for certificates).
    """

    share: Fraction
    funded: list[int]
    ratios: list[float]
    exact: Exact


def run(prepared: Prepared, share: Fraction) -> Run:
    """Run equal shares once, every voter starting with ``share``; exact outcome."""
    start = float(share)
    budgets = np.full(len(prepared.kind_weights), start)
    costs = prepared.candidate_cost
    supports = prepared.candidate_support
    bound = [1.0 / support for support in supports]
    remaining = set(range(len(prepared.candidates)))
    funded: list[int] = []
    ratios: list[float] = []
    estimates: list[float] = []
    exact = Exact(prepared, share, funded, estimates)
    members, weights = prepared.members, prepared.member_weights
    touched = _touched(prepared)
    # A candidate is fresh when none of its supporters paid since its price
    # was last computed: its bound is then its current ratio.
    fresh: set[int] = set()
    while remaining:
        best = float("inf")
        found: list[tuple[float, int]] = []
        close: list[int] = []
        broke: list[int] = []
        for candidate in sorted(remaining, key=lambda c: (bound[c], c)):
            if bound[candidate] > best * (1 + 4 * MARGIN):
                break
            if candidate in fresh:
                found.append((bound[candidate], candidate))
                best = min(best, bound[candidate])
                continue
            price = _float_price(
                budgets[members[candidate]],
                weights[candidate],
                supports[candidate],
                costs[candidate],
            )
            if price == _BROKE:
                broke.append(candidate)
            elif price == _CLOSE:
                close.append(candidate)
            else:
                ratio = price / costs[candidate]
                bound[candidate] = ratio
                fresh.add(candidate)
                found.append((ratio, candidate))
                best = min(best, ratio)
        remaining.difference_update(broke)
        contested = [c for ratio, c in found if ratio <= best * (1 + 4 * MARGIN)]
        if close or len(contested) > 1:
            # A tie or a near tie: decide exactly.
            rounds = len(funded)
            exact_best: tuple[Fraction, int] | None = None
            for candidate in sorted(set(contested) | set(close)):
                ratio_exact = exact.ratio(candidate, rounds)
                if ratio_exact is None:
                    remaining.discard(candidate)
                elif exact_best is None or ratio_exact < exact_best[0]:
                    exact_best = (ratio_exact, candidate)
            if exact_best is None:
                continue
            chosen = exact_best[1]
            chosen_ratio = float(exact_best[0])
        elif contested:
            chosen = contested[0]
            chosen_ratio = best
        else:
            break
        price = chosen_ratio * costs[chosen]
        index = members[chosen]
        budgets[index] = np.maximum(budgets[index] - price, 0.0)
        fresh.difference_update(touched[chosen])
        remaining.discard(chosen)
        funded.append(chosen)
        ratios.append(chosen_ratio)
        estimates.append(price)
    return Run(share, funded, ratios, exact)


def certify(
    prepared: Prepared, funded: Sequence[int], ratios: Sequence[float], share: Fraction
) -> list[float] | None:
    """Return the ratios at ``share`` if every share up to it funds ``funded``.

    ``funded`` and ``ratios`` come from a run at a smaller share (see the
    module docstring for why the check is sound). None when the check fails,
    which says nothing about the outcome: the caller then runs step by step.
    """
    start = float(share)
    budgets = np.full(len(prepared.kind_weights), start)
    costs = prepared.candidate_cost
    supports = prepared.candidate_support
    members, weights = prepared.members, prepared.member_weights
    bound = [1.0 / support for support in supports]
    remaining = set(range(len(prepared.candidates)))
    found_ratios: list[float] = []
    touched = _touched(prepared)
    fresh: set[int] = set()
    for chosen, threshold in zip(funded, ratios, strict=True):
        remaining.discard(chosen)
        limit = threshold * (1 + 4 * MARGIN)
        broke = []
        for candidate in sorted(remaining, key=lambda c: (bound[c], c)):
            if bound[candidate] > limit:
                break
            if candidate in fresh:
                return None
            price = _float_price(
                budgets[members[candidate]],
                weights[candidate],
                supports[candidate],
                costs[candidate],
            )
            if price == _BROKE:
                broke.append(candidate)
                continue
            if price == _CLOSE:
                return None
            bound[candidate] = price / costs[candidate]
            fresh.add(candidate)
            if bound[candidate] <= limit:
                return None
        remaining.difference_update(broke)
        index = members[chosen]
        price = _float_price(
            budgets[index], weights[chosen], supports[chosen], costs[chosen]
        )
        if price < 0:
            return None
        found_ratios.append(price / costs[chosen])
        budgets[index] = np.maximum(budgets[index] - price, 0.0)
        fresh.difference_update(touched[chosen])
    for candidate in remaining:
        total = _dot(budgets[members[candidate]], weights[candidate])
        if total >= costs[candidate] * (1 - MARGIN):
            return None
    return found_ratios
