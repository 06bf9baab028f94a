# SPDX-License-Identifier: EUPL-1.2
"""Equal shares in plain Python: the engine for small elections.

Nothing here is public: :func:`~.equal_shares.method_of_equal_shares` picks
this engine or the vectorised one (:mod:`._shares_engine`) by the size of the
election; both give exactly the same outcome, and the tests compare them
with each other and with :mod:`.equal_shares_reference`.

A town vote of a few thousand ballots has a few hundred *kinds* of ballot
(ballots supporting the same projects) and a few dozen projects: a run is a
few thousand float operations, which plain Python does in a millisecond or
two, while importing NumPy alone costs a tenth of a second. Large elections
(Warsaw, Toulouse) go to the vectorised engine.

The method is the one described in :mod:`._shares_engine`: decisions are
taken in floats when they are clear by the relative margin :data:`MARGIN`
and exactly otherwise, and ``add1`` jumps over increments with
:func:`certify`. The exact state is simpler here: a kind's exact budget
before a round is ``max(0, share - S)`` with ``S`` the sum of the exact
prices of the funded projects it supports, so kinds are grouped by the
rounds they paid in and each group costs one exact subtraction.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from operator import itemgetter, mul

from wijkaanpak.core.votes.model import Ballot, Project

#: Relative margin below which a decision taken in floating point is not
#: trusted and is taken again exactly.
MARGIN = 1e-9

#: Outcomes of a float evaluation besides a price.
BROKE = -1.0
CLOSE = -2.0


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
    #: Per candidate, the kinds supporting it (ascending) and their weights.
    members: tuple[tuple[int, ...], ...]
    member_weights: tuple[tuple[int, ...], ...]
    kind_weights: tuple[int, ...]
    kind_of_ballot: tuple[int, ...]
    #: Per kind, the candidates it supports.
    kind_candidates: tuple[frozenset[int], ...]
    overlap: tuple[frozenset[int], ...] | None = field(default=None)
    ballots_of_kind: tuple[tuple[int, ...], ...] | None = field(default=None)
    readers: tuple[_Reader, ...] | None = field(default=None)

    @property
    def memberships(self) -> int:
        """Return the number of (kind, supported candidate) pairs: the size of a run."""
        return sum(len(kinds) for kinds in self.members)


def prepare(projects: Sequence[Project], ballots: Sequence[Ballot]) -> Prepared:
    """Group the ballots into kinds and index the candidates."""
    # First by the raw set of approved projects (one look-up per ballot:
    # most ballots repeat a set), then by the candidates in it.
    raw: dict[frozenset[str], int] = {}
    raw_of_ballot: list[int] = []
    raw_counts: list[int] = []
    for ballot in ballots:
        index = raw.get(ballot.approved)
        if index is None:
            index = raw[ballot.approved] = len(raw_counts)
            raw_counts.append(0)
        raw_counts[index] += 1
        raw_of_ballot.append(index)
    support = {project.id: 0 for project in projects}
    for approved, index in raw.items():
        for project_id in approved:
            if project_id in support:
                support[project_id] += raw_counts[index]
    candidates = tuple(
        project.id for project in projects if project.cost > 0 and support[project.id]
    )
    number = {project_id: index for index, project_id in enumerate(candidates)}
    cost = {project.id: project.cost for project in projects}
    # Kinds are numbered in the order their first ballot comes.
    kinds: dict[frozenset[int], int] = {}
    kind_of_raw: list[int] = []
    for approved in raw:
        key = frozenset(number[pid] for pid in approved if pid in number)
        kind = kinds.get(key)
        if kind is None:
            kind = kinds[key] = len(kinds)
        kind_of_raw.append(kind)
    counts = [0] * len(kinds)
    for index, kind in enumerate(kind_of_raw):
        counts[kind] += raw_counts[index]
    members: list[list[int]] = [[] for _ in candidates]
    for key, kind in kinds.items():
        for candidate in key:
            members[candidate].append(kind)
    return Prepared(
        order=tuple(project.id for project in projects),
        cost=cost,
        support=support,
        voters=len(ballots),
        candidates=candidates,
        candidate_cost=tuple(cost[c] for c in candidates),
        candidate_support=tuple(support[c] for c in candidates),
        members=tuple(tuple(kinds_of) for kinds_of in members),
        member_weights=tuple(
            tuple(counts[k] for k in kinds_of) for kinds_of in members
        ),
        kind_weights=tuple(counts),
        kind_of_ballot=tuple(kind_of_raw[index] for index in raw_of_ballot),
        kind_candidates=tuple(kinds),
    )


_Reader = Callable[[list[float]], Sequence[float]]


def _reader(kinds: tuple[int, ...]) -> _Reader:
    """Return a function picking the budgets of these kinds (at C speed)."""
    if len(kinds) == 1:
        (kind,) = kinds
        return lambda budgets: (budgets[kind],)
    return itemgetter(*kinds)


def readers(prepared: Prepared) -> tuple[_Reader, ...]:
    """Return, per candidate, the function picking its supporters' budgets."""
    if prepared.readers is None:
        prepared.readers = tuple(_reader(kinds) for kinds in prepared.members)
    return prepared.readers


def touched(prepared: Prepared) -> tuple[frozenset[int], ...]:
    """Return, per candidate, the candidates sharing at least one supporter."""
    if prepared.overlap is None:
        sets = prepared.kind_candidates
        prepared.overlap = tuple(
            frozenset().union(*(sets[kind] for kind in kinds))
            for kinds in prepared.members
        )
    return prepared.overlap


def exact_price(cost: int, holders: list[tuple[Fraction, int]]) -> Fraction | None:
    """Return the least price per supporter that pays for the project, exactly.

    ``holders`` lists ``(budget, supporters with that budget)``. Supporters
    holding less than the price pay all they hold, the others the price.
    None when all of them together hold less than the cost.
    """
    if sum(budget * count for budget, count in holders) < cost:
        return None
    holders = sorted(holders, key=lambda holder: holder[0])
    paid = Fraction(0)
    rich = sum(count for _, count in holders)
    for budget, count in holders:
        price = (cost - paid) / rich
        if price <= budget:
            return price
        paid += budget * count
        rich -= count
    raise AssertionError("the supporters' money covers the cost")  # pragma: no cover


def float_price(
    held: Sequence[float], weights: Sequence[int], support: int, cost: int
) -> float:
    """Return the price per supporter in floats, or BROKE / CLOSE.

    CLOSE means the supporters hold the cost up to the margin: affordability
    must be decided exactly.
    """
    total = sum(map(mul, held, weights))
    if total < cost * (1 - MARGIN):
        return BROKE
    if total <= cost * (1 + MARGIN):
        return CLOSE
    price = cost / support
    if min(held) >= price:
        return price
    paid, rich = 0.0, support
    for budget, weight in sorted(zip(held, weights, strict=True)):
        price = (cost - paid) / rich
        if price <= budget:
            return price
        paid += budget * weight
        rich -= weight
    return price  # pragma: no cover (the total exceeds the cost)


@dataclass(slots=True)
class Exact:
    """Exact budgets and prices of one run, computed only when asked for.

    ``funded`` is the run's list of funded candidates (it may still grow);
    the state before round ``r`` (0-based) is the state after
    ``funded[:r]``.

    A kind's exact budget before a round depends only on the rounds it paid
    in before: its *pattern*. Patterns are numbered as they appear (0: paid
    nothing; every other pattern is a parent pattern plus one later round),
    and the exact amounts are computed once per pattern, so a query costs a
    few integer operations per supporting kind and a few exact operations per
    pattern.
    """

    prepared: Prepared
    share: Fraction
    funded: list[int]
    prices: dict[int, Fraction] = field(default_factory=dict)
    #: Per pattern: the pattern it extends and the round it adds.
    parent: list[int] = field(default_factory=lambda: [0])
    last_round: list[int] = field(default_factory=lambda: [-1])
    child: dict[tuple[int, int], int] = field(default_factory=dict)
    spent: dict[int, Fraction] = field(default_factory=lambda: {0: Fraction(0)})
    amounts: dict[int, Fraction] = field(default_factory=dict)
    #: Per kind: the rounds it paid in, and its pattern after each payment.
    paid_rounds: list[list[int]] = field(default_factory=list)
    pattern_after: list[list[int]] = field(default_factory=list)
    synced: int = 0

    def _sync(self) -> None:
        """Bring the patterns of the kinds up to the rounds funded so far."""
        if not self.pattern_after:
            kinds = len(self.prepared.kind_weights)
            self.paid_rounds = [[] for _ in range(kinds)]
            self.pattern_after = [[0] for _ in range(kinds)]
        child, parent, last_round = self.child, self.parent, self.last_round
        while self.synced < len(self.funded):
            round_ = self.synced
            for kind in self.prepared.members[self.funded[round_]]:
                after = self.pattern_after[kind]
                key = (after[-1], round_)
                pattern = child.get(key)
                if pattern is None:
                    pattern = child[key] = len(parent)
                    parent.append(after[-1])
                    last_round.append(round_)
                after.append(pattern)
                self.paid_rounds[kind].append(round_)
            self.synced += 1

    def _spent(self, pattern: int) -> Fraction:
        """Return the exact sum of the prices paid in a pattern's rounds."""
        known = self.spent.get(pattern)
        if known is None:
            known = self.spent[pattern] = self._spent(
                self.parent[pattern]
            ) + self.price(self.last_round[pattern])
        return known

    def amount(self, pattern: int) -> Fraction:
        """Return what a voter with this pattern holds, exactly."""
        known = self.amounts.get(pattern)
        if known is None:
            left = self.share - self._spent(pattern)
            known = self.amounts[pattern] = left if left > 0 else Fraction(0)
        return known

    def groups(self, candidate: int, rounds: int) -> dict[int, list[int]]:
        """Group the kinds supporting a candidate by their pattern before a round."""
        self._sync()
        paid_rounds, pattern_after = self.paid_rounds, self.pattern_after
        found: dict[int, list[int]] = {}
        for kind in self.prepared.members[candidate]:
            paid = paid_rounds[kind]
            after = pattern_after[kind]
            if not paid or paid[-1] < rounds:
                pattern = after[-1]
            else:
                pattern = after[bisect_left(paid, rounds)]
            group = found.get(pattern)
            if group is None:
                found[pattern] = [kind]
            else:
                group.append(kind)
        return found

    def holders(self, candidate: int, rounds: int) -> list[tuple[Fraction, int]]:
        """Return ``(exact budget, supporters)`` of a candidate before a round."""
        weights = self.prepared.kind_weights
        return [
            (self.amount(pattern), sum([weights[k] for k in kinds]))
            for pattern, kinds in self.groups(candidate, rounds).items()
        ]

    def price(self, round_: int) -> Fraction:
        """Return the exact price per supporter of the project funded in a round."""
        known = self.prices.get(round_)
        if known is None:
            candidate = self.funded[round_]
            cost = self.prepared.candidate_cost[candidate]
            found = exact_price(cost, self.holders(candidate, round_))
            if found is None:  # pragma: no cover (runs fund affordable projects)
                raise AssertionError("a funded project was affordable")
            known = self.prices[round_] = found
        return known

    def ratio(self, candidate: int, rounds: int) -> Fraction | None:
        """Return the exact price per unit of cost before a round, or None."""
        cost = self.prepared.candidate_cost[candidate]
        found = exact_price(cost, self.holders(candidate, rounds))
        return None if found is None else found / cost

    def left(self, candidate: int, rounds: int) -> Fraction:
        """Return what the candidate's supporters hold together before a round.

        The sum of ``share - S`` over the supporters who still hold money,
        computed as ``share`` times their number minus every round's price
        times the number of them who paid in it: exact operations per round,
        not per supporter.
        """
        weights = self.prepared.kind_weights
        parent, last_round = self.parent, self.last_round
        holding = 0
        paid_in = [0] * rounds
        for pattern, kinds in self.groups(candidate, rounds).items():
            if self.amount(pattern) > 0:
                weight = sum([weights[k] for k in kinds])
                holding += weight
                while pattern:
                    paid_in[last_round[pattern]] += weight
                    pattern = parent[pattern]
        total = self.share * holding
        for round_, count in enumerate(paid_in):
            if count:
                total -= self.price(round_) * count
        return total

    def paid_by(self, round_: int) -> list[tuple[Fraction, tuple[int, ...]]]:
        """Return ``(amount, ballots)`` per amount paid in a round, smallest first.

        Supporters who held at least the price pay the price, the others all
        they held; ballots are given by their position, ascending.
        """
        prepared = self.prepared
        price = self.price(round_)
        paying = sorted(
            (
                (min(self.amount(pattern), price), kinds)
                for pattern, kinds in self.groups(self.funded[round_], round_).items()
            ),
            key=lambda item: item[0],
        )
        if prepared.ballots_of_kind is None:
            positions: list[list[int]] = [[] for _ in prepared.kind_weights]
            for position, kind in enumerate(prepared.kind_of_ballot):
                positions[kind].append(position)
            prepared.ballots_of_kind = tuple(tuple(p) for p in positions)
        of_kind = prepared.ballots_of_kind
        merged: list[tuple[Fraction, list[int]]] = []
        for amount, kinds in paying:
            if merged and merged[-1][0] == amount:
                merged[-1][1].extend(kinds)
            else:
                merged.append((amount, list(kinds)))
        return [
            (amount, tuple(sorted([b for k in kinds for b in of_kind[k]])))
            for amount, kinds in merged
        ]


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
    budgets = [float(share)] * len(prepared.kind_weights)
    costs = prepared.candidate_cost
    supports = prepared.candidate_support
    bound = [1.0 / support for support in supports]
    remaining = set(range(len(prepared.candidates)))
    funded: list[int] = []
    ratios: list[float] = []
    exact = Exact(prepared, share, funded)
    members, weights = prepared.members, prepared.member_weights
    read = readers(prepared)
    overlap = touched(prepared)
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
            price = float_price(
                read[candidate](budgets),
                weights[candidate],
                supports[candidate],
                costs[candidate],
            )
            if price == BROKE:
                broke.append(candidate)
            elif price == CLOSE:
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
        for kind in members[chosen]:
            held = budgets[kind] - price
            budgets[kind] = held if held > 0.0 else 0.0
        fresh.difference_update(overlap[chosen])
        remaining.discard(chosen)
        funded.append(chosen)
        ratios.append(chosen_ratio)
    return Run(share, funded, ratios, exact)


def certify(
    prepared: Prepared, funded: Sequence[int], ratios: Sequence[float], share: Fraction
) -> list[float] | None:
    """Return the ratios at ``share`` if every share up to it funds ``funded``.

    ``funded`` and ``ratios`` come from a run at a smaller share (see
    :mod:`._shares_engine` for why the check is sound). None when the check
    fails, which says nothing about the outcome: the caller then runs step
    by step.
    """
    budgets = [float(share)] * len(prepared.kind_weights)
    costs = prepared.candidate_cost
    supports = prepared.candidate_support
    members, weights = prepared.members, prepared.member_weights
    read = readers(prepared)
    bound = [1.0 / support for support in supports]
    remaining = set(range(len(prepared.candidates)))
    found_ratios: list[float] = []
    overlap = touched(prepared)
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
            price = float_price(
                read[candidate](budgets),
                weights[candidate],
                supports[candidate],
                costs[candidate],
            )
            if price == BROKE:
                broke.append(candidate)
                continue
            if price == CLOSE:
                return None
            bound[candidate] = price / costs[candidate]
            fresh.add(candidate)
            if bound[candidate] <= limit:
                return None
        remaining.difference_update(broke)
        price = float_price(
            read[chosen](budgets),
            weights[chosen],
            supports[chosen],
            costs[chosen],
        )
        if price < 0:
            return None
        found_ratios.append(price / costs[chosen])
        for kind in members[chosen]:
            held = budgets[kind] - price
            budgets[kind] = held if held > 0.0 else 0.0
        fresh.difference_update(overlap[chosen])
    for candidate in remaining:
        total = sum(map(mul, read[candidate](budgets), weights[candidate]))
        if total >= costs[candidate] * (1 - MARGIN):
            return None
    return found_ratios
