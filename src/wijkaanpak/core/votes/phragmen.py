# SPDX-License-Identifier: EUPL-1.2
"""Sequential Phragmén: supporters earn money continuously and buy projects.

Every resident earns virtual money at the same rate from time zero. As soon as
the supporters of a project hold together enough money to pay its cost, they
buy it and their money is spent (their *load* becomes the time of the
purchase). The rule stops as soon as the next project to be bought no longer
fits in the budget. It is proportional in the same spirit as equal shares
and is the rule behind Sweden's and Norway's former seat distributions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from fractions import Fraction

from wijkaanpak.core.votes.model import (
    Allocation,
    Ballot,
    Decision,
    Explanation,
    NoSupport,
    Payment,
    Payments,
    PhragmenBought,
    PhragmenStopped,
    Project,
    Step,
)

__all__ = ["sequential_phragmen"]


def sequential_phragmen(
    projects: Sequence[Project], ballots: Sequence[Ballot], budget: int
) -> Allocation:
    """Fund projects in the order their supporters can first pay for them.

    In every round, for each project not yet funded, the time at which its
    supporters could buy it is ``(sum of their loads + cost) / supporters``.
    The project with the earliest time is funded, and each supporter's load
    becomes that time. When the earliest project (or any project tied for
    earliest) does not fit in the remaining budget, the rule stops.

    Parameters
    ----------
    projects : sequence of Project
        The projects, in tie-breaking order (the first of equal projects wins).
    ballots : sequence of Ballot
        One ballot per resident; only the approved projects count.
    budget : int
        The money available.

    Returns
    -------
    Allocation
        The funded projects in the order funded and one step per project.

    Notes
    -----
    Arithmetic is exact (:class:`fractions.Fraction`). The outcome equals that
    of ``pabutools.rules.sequential_phragmen``: projects costing more than
    the whole budget are left out from the start, projects without support
    come last (infinite time), and the stop rule looks at every project tied
    for the earliest time.

    References
    ----------
    .. [1] Brill, M., Freeman, R., Janson, S. and Lackner, M. (2017).
       "Phragmén's voting methods and justified representation". AAAI 2017.
    .. [2] Los, M., Christoff, Z. and Grossi, D. (2022). "Proportional
       budget allocations: towards a systematization". IJCAI 2022.

    Examples
    --------
    >>> a, b, c = Project("a", 60), Project("b", 60), Project("c", 40)
    >>> ballots = [Ballot(frozenset({"a"}))] * 3 + [Ballot(frozenset({"b", "c"}))]
    >>> sequential_phragmen([a, b, c], ballots, budget=100).funded
    ('a', 'c')
    """
    order = {project.id: position for position, project in enumerate(projects)}
    cost = {project.id: project.cost for project in projects}
    # Identical ballots behave identically: count them once, with a weight.
    positions: defaultdict[frozenset[str], list[int]] = defaultdict(list)
    for position, ballot in enumerate(ballots):
        positions[frozenset(pid for pid in ballot.approved if pid in order)].append(
            position
        )
    kinds = Counter({kind: len(where) for kind, where in positions.items()})
    support: Counter[str] = Counter()
    for kind, weight in kinds.items():
        for project_id in kind:
            support[project_id] += weight
    # loads[j] is the load of voters whose last funded project was funded in
    # round j (round 0: nothing funded yet, load 0); holders[p][j] counts the
    # supporters of p with that load.
    loads: list[Fraction] = [Fraction(0)]
    last_round = dict.fromkeys(kinds, 0)
    holders: dict[str, defaultdict[int, int]] = {
        project.id: defaultdict(int) for project in projects
    }
    for kind, weight in kinds.items():
        for project_id in kind:
            holders[project_id][0] += weight

    remaining = [project.id for project in projects if project.cost <= budget]
    funded: list[str] = []
    bought: dict[str, PhragmenBought] = {}
    times: dict[str, Fraction] = {}
    stopped_by: str | None = None
    spent = 0
    while remaining:
        best: Fraction | None = None
        tied: list[str] = []
        times = {}
        for project_id in remaining:
            if not support[project_id]:
                continue
            total = sum(
                (loads[j] * count for j, count in holders[project_id].items()),
                Fraction(0),
            )
            time = times[project_id] = (total + cost[project_id]) / support[project_id]
            if best is None or time < best:
                best, tied = time, [project_id]
            elif time == best:
                tied.append(project_id)
        if best is None:
            # Only projects without support are left: their time is infinite.
            tied = list(remaining)
        misfits = [p for p in tied if spent + cost[p] > budget]
        if misfits:
            stopped_by = min(misfits, key=order.__getitem__)
            break
        chosen = min(tied, key=order.__getitem__)
        funded.append(chosen)
        spent += cost[chosen]
        remaining.remove(chosen)
        if best is None:
            continue
        loads.append(best)
        new_round = len(loads) - 1
        paid: defaultdict[Fraction, list[int]] = defaultdict(list)
        for kind, weight in kinds.items():
            if chosen in kind:
                old_round = last_round[kind]
                paid[best - loads[old_round]].extend(positions[kind])
                last_round[kind] = new_round
                for project_id in kind:
                    holders[project_id][old_round] -= weight
                    holders[project_id][new_round] += weight
        bought[chosen] = PhragmenBought(
            len(funded),
            best,
            Payments.of(
                [
                    Payment(len(who), amount, tuple(sorted(who)))
                    for amount, who in sorted(paid.items())
                ]
            ),
        )

    rounds = {project_id: position + 1 for position, project_id in enumerate(funded)}
    left = budget - spent
    steps = []
    for project in projects:
        decision: Decision
        explanation: Explanation
        if project.id in rounds:
            decision = "funded"
            explanation = bought.get(project.id) or PhragmenBought(
                rounds[project.id], Fraction(0), Payments.of([])
            )
        else:
            if project.cost > budget or spent + project.cost > budget:
                decision = "does not fit"
            elif not support[project.id]:
                decision = "no support"
            else:
                decision = "not reached"
            explanation = PhragmenStopped(
                left,
                max(project.cost - left, 0),
                times.get(project.id),
                stopped_by,
            )
            if decision == "no support":
                explanation = NoSupport()
        steps.append(
            Step(
                project.id,
                support[project.id],
                decision,
                round=rounds.get(project.id),
                explanation=explanation,
            )
        )
    return Allocation(funded=tuple(funded), steps=tuple(steps), rule="phragmen")
