# SPDX-License-Identifier: EUPL-1.2
"""Properties and worked examples of the vote rules."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from wijkaanpak.core.votes.equal_shares import method_of_equal_shares
from wijkaanpak.core.votes.greedy import greedy_approval
from wijkaanpak.core.votes.model import Ballot, Project
from wijkaanpak.core.votes.phragmen import sequential_phragmen

IDS = [f"p{i}" for i in range(6)]
projects = st.lists(st.integers(1, 60), min_size=1, max_size=6).map(
    lambda costs: [Project(IDS[i], cost) for i, cost in enumerate(costs)]
)
ballots = st.lists(
    st.frozensets(st.sampled_from(IDS), max_size=4).map(Ballot), min_size=1, max_size=12
)
budgets = st.integers(0, 150)
COMPLETIONS = ("none", "add1", "add1-exhaustive", "add1-greedy")


def cost_of(projects: list[Project], funded: tuple[str, ...]) -> int:
    costs = {project.id: project.cost for project in projects}
    return sum(costs[project_id] for project_id in funded)


def exhaustive(projects: list[Project], funded: tuple[str, ...], budget: int) -> bool:
    spent = cost_of(projects, funded)
    return all(spent + p.cost > budget for p in projects if p.id not in funded)


@given(projects, ballots, budgets)
def test_greedy_never_spends_more_than_the_budget(projects, ballots, budget):
    assert (
        cost_of(projects, greedy_approval(projects, ballots, budget).funded) <= budget
    )


@given(projects, ballots, budgets)
def test_greedy_is_exhaustive(projects, ballots, budget):
    outcome = greedy_approval(projects, ballots, budget)
    assert exhaustive(projects, outcome.funded, budget)


@given(projects, ballots, budgets)
def test_phragmen_never_spends_more_than_the_budget(projects, ballots, budget):
    outcome = sequential_phragmen(projects, ballots, budget)
    assert cost_of(projects, outcome.funded) <= budget


@settings(max_examples=60)
@given(projects, ballots, budgets, st.sampled_from(COMPLETIONS))
def test_equal_shares_never_spends_more_than_the_budget(
    projects, ballots, budget, completion
):
    outcome = method_of_equal_shares(projects, ballots, budget, completion=completion)
    assert cost_of(projects, outcome.funded) <= budget


@settings(max_examples=60)
@given(projects, ballots, budgets)
def test_greedy_completion_is_exhaustive(projects, ballots, budget):
    outcome = method_of_equal_shares(
        projects, ballots, budget, completion="add1-greedy"
    )
    assert exhaustive(projects, outcome.funded, budget)


@given(projects, ballots, budgets)
def test_equal_shares_supporters_pay_exactly_the_cost_from_their_share(
    projects, ballots, budget
):
    # A project is only funded when its supporters can afford it from their
    # equal shares: the payments add up to the cost, and nobody pays more than
    # the share.
    outcome = method_of_equal_shares(projects, ballots, budget)
    costs = {project.id: project.cost for project in projects}
    share = Fraction(budget, len(ballots))
    for step in outcome.steps:
        if step.decision == "funded":
            paid = step.explanation.payments
            assert paid.total == costs[step.project]
            assert sum(p.voters * p.amount for p in paid.groups) == paid.total
            assert paid.largest == step.explanation.price <= share
            assert sum(p.voters for p in paid.groups) == step.support
            assert sorted(i for p in paid.groups for i in p.ballots) == [
                i for i, b in enumerate(ballots) if step.project in b.approved
            ]


@given(projects, ballots, budgets, st.sampled_from(COMPLETIONS))
def test_equal_shares_is_deterministic(projects, ballots, budget, completion):
    # The order of the ballots changes who is who, not the outcome.
    first = method_of_equal_shares(projects, ballots, budget, completion=completion)
    again = method_of_equal_shares(
        projects, list(reversed(ballots)), budget, completion=completion
    )

    def summary(outcome):  # type: ignore[no-untyped-def]
        return [
            (step.decision, step.round, getattr(step.explanation, "price", None))
            for step in outcome.steps
        ]

    assert first.funded == again.funded
    assert first.budget_per_voter == again.budget_per_voter
    assert summary(first) == summary(again)


@settings(max_examples=60)
@given(st.integers(1, 10), st.integers(1, 10), st.integers(1, 5))
def test_equal_shares_gives_a_cohesive_minority_its_share(majority, minority, items):
    # Proportionality: a group holding a share of the votes that pays for its
    # projects gets them, whatever the majority wants.
    budget = (majority + minority) * items * 10
    ours = [Project(f"m{i}", 10 * majority) for i in range(items)]
    theirs = [Project(f"n{i}", 10 * minority) for i in range(items)]
    ballots = [Ballot(frozenset(p.id for p in ours))] * majority
    ballots += [Ballot(frozenset(p.id for p in theirs))] * minority
    outcome = method_of_equal_shares(ours + theirs, ballots, budget)
    assert set(outcome.funded) == {p.id for p in ours + theirs}


def test_equal_support_is_broken_by_the_listed_order():
    bankjes, bomen = Project("bankjes", cost=60), Project("bomen", cost=60)
    ballots = [Ballot(frozenset({"bankjes", "bomen"}))]
    for rule in (greedy_approval, sequential_phragmen, method_of_equal_shares):
        assert rule([bankjes, bomen], ballots, 100).funded == ("bankjes",)
        assert rule([bomen, bankjes], ballots, 100).funded == ("bomen",)


def test_equal_shares_worked_example_by_hand():
    # 4 voters, budget 100: share 25 each. a (cost 60) by v1,v2,v3: price 20
    # each, per unit of cost 1/3. b (cost 30) by v3,v4: 15 each, per unit 1/2.
    # a first; v3 has 5 left, so b needs 30 - 5 = 25 from v4, who has 25:
    # price 25 for v4 (v3 pays its 5), so b is funded second.
    a, b = Project("a", 60), Project("b", 30)
    ballots = [
        Ballot(frozenset({"a"})),
        Ballot(frozenset({"a"})),
        Ballot(frozenset({"a", "b"})),
        Ballot(frozenset({"b"})),
    ]
    outcome = method_of_equal_shares([a, b], ballots, 100)
    assert outcome.funded == ("a", "b")
    paid_b = {
        (p.voters, p.amount) for p in outcome.steps[1].explanation.payments.groups
    }
    assert paid_b == {(1, Fraction(5)), (1, Fraction(25))}


def test_add1_keeps_the_last_outcome_that_fits():
    # Share 10 each: b (cost 25, 3 supporters hold 30) is funded, a (cost 30,
    # 2 supporters hold 20) is not. At share 15 the two supporters of a hold
    # 30 and a is funded too, but 30 + 25 > 50: add1 keeps share 14.
    a, b = Project("a", 30), Project("b", 25)
    ballots = [Ballot(frozenset({"a"}))] * 2 + [Ballot(frozenset({"b"}))] * 3
    assert method_of_equal_shares([a, b], ballots, 50).funded == ("b",)
    outcome = method_of_equal_shares([a, b], ballots, 50, completion="add1")
    assert outcome.funded == ("b",)
    assert outcome.budget_per_voter == 14


@given(projects, ballots, budgets, st.sampled_from(COMPLETIONS))
def test_equal_shares_losers_lacked_money(projects, ballots, budget, completion):
    # A supported project equal shares did not buy was out of its supporters'
    # reach: they held less than its cost at the end, and from the round named.
    outcome = method_of_equal_shares(projects, ballots, budget, completion=completion)
    costs = {project.id: project.cost for project in projects}
    for step in outcome.steps:
        if step.decision == "not affordable":
            lost = step.explanation
            assert lost.lacking > 0
            assert lost.left + lost.lacking == costs[step.project]
            assert lost.least_price == Fraction(costs[step.project], step.support)
            assert lost.outbid_by == outcome.funded[: lost.unaffordable_from_round]


def test_equal_shares_names_the_round_a_loser_became_unaffordable():
    # Share 10 each. a (cost 20) by v1, v2: bought first at 10 each. b (cost
    # 15) by v2, v3: before round 1 they held 20, more than 15, but b costs
    # 7.5 per supporter, 3/4 per unit, against a's 1/2. After a, v2 has
    # nothing and v3 holds 10 < 15.
    a, b = Project("a", 20), Project("b", 15)
    ballots = [
        Ballot(frozenset({"a"})),
        Ballot(frozenset({"a", "b"})),
        Ballot(frozenset({"b"})),
    ]
    outcome = method_of_equal_shares([a, b], ballots, 30)
    lost = outcome.steps[1].explanation
    assert outcome.funded == ("a",)
    assert (lost.left, lost.lacking) == (10, 5)
    assert lost.unaffordable_from_round == 1
    assert lost.outbid_by == ("a",)


@given(projects, ballots, budgets)
def test_greedy_losers_did_not_fit_what_was_left(projects, ballots, budget):
    outcome = greedy_approval(projects, ballots, budget)
    costs = {project.id: project.cost for project in projects}
    for step in outcome.steps:
        if step.decision == "does not fit":
            lost = step.explanation
            assert 0 < lost.lacking == costs[step.project] - lost.remaining
            before = set(lost.funded_before)
            assert before <= set(outcome.funded)
            assert budget - sum(costs[p] for p in before) == lost.remaining


@given(projects, ballots, budgets)
def test_phragmen_supporters_pay_the_cost(projects, ballots, budget):
    outcome = sequential_phragmen(projects, ballots, budget)
    costs = {project.id: project.cost for project in projects}
    for step in outcome.steps:
        if step.decision == "funded" and step.support:
            assert step.explanation.payments.total == costs[step.project]
        elif step.decision == "does not fit":
            assert step.explanation.lacking > 0
