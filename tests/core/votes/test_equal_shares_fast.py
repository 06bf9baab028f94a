# SPDX-License-Identifier: EUPL-1.2
"""The fast equal shares gives exactly the outcome of the plain reference.

The fast path computes in floats, decides close calls exactly and jumps over
budget increments; small elections with small integers are full of exact ties
and near ties, so they exercise every one of those paths.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wijkaanpak.core.votes.equal_shares import method_of_equal_shares
from wijkaanpak.core.votes.equal_shares_reference import equal_shares_reference
from wijkaanpak.core.votes.model import Ballot, Project

IDS = [f"p{i}" for i in range(7)]


@st.composite
def elections(draw, max_cost: int = 40, max_voters: int = 14):  # type: ignore[no-untyped-def]
    costs = draw(st.lists(st.integers(0, max_cost), min_size=1, max_size=7))
    projects = [Project(IDS[i], cost) for i, cost in enumerate(costs)]
    # Few distinct ballots, repeated: ties of support and of price are common.
    kinds = draw(
        st.lists(
            st.frozensets(st.sampled_from(IDS[: len(costs)]), max_size=4),
            min_size=1,
            max_size=5,
        )
    )
    picks = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=max_voters))
    budget = draw(st.integers(0, 3 * max_cost))
    return projects, [Ballot(kind) for kind in picks], budget


@settings(max_examples=300, deadline=None)
@given(elections())
def test_one_run_matches_the_reference(election):
    projects, ballots, budget = election
    fast = method_of_equal_shares(projects, ballots, budget)
    assert (fast.funded, fast.budget_per_voter) == equal_shares_reference(
        projects, ballots, budget
    )


@settings(max_examples=150, deadline=None)
@given(elections(), st.sampled_from(["add1", "add1-exhaustive"]))
def test_add1_matches_the_reference(election, completion):
    projects, ballots, budget = election
    fast = method_of_equal_shares(projects, ballots, budget, completion=completion)
    assert (fast.funded, fast.budget_per_voter) == equal_shares_reference(
        projects, ballots, budget, completion=completion
    )


@settings(max_examples=40, deadline=None)
@given(elections(max_cost=400, max_voters=30), st.sampled_from(["none", "add1"]))
def test_larger_amounts_match_the_reference(election, completion):
    # Larger amounts mean long add1 walks, where the jumps do most work.
    projects, ballots, budget = election
    fast = method_of_equal_shares(projects, ballots, budget, completion=completion)
    assert (fast.funded, fast.budget_per_voter) == equal_shares_reference(
        projects, ballots, budget, completion=completion
    )
