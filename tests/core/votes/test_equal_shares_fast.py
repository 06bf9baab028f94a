# SPDX-License-Identifier: EUPL-1.2
"""The fast equal shares gives exactly the outcome of the plain reference.

The fast path computes in floats, decides close calls exactly and jumps over
budget increments; small elections with small integers are full of exact ties
and near ties, so they exercise every one of those paths. It has two engines,
plain Python for small elections and NumPy for large ones: both are checked
against the reference, and against each other on the whole allocation
(explanations included), also with amounts of a billion that differ by one,
whose prices tie within the float margin.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkaanpak.core.votes.equal_shares import method_of_equal_shares
from wijkaanpak.core.votes.equal_shares_reference import equal_shares_reference
from wijkaanpak.core.votes.model import Ballot, Project

IDS = [f"p{i}" for i in range(7)]
ENGINES = ("python", "numpy")


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


def both_engines(projects, ballots, budget, completion="none"):  # type: ignore[no-untyped-def]
    """Return the outcome of both engines, after checking they are equal."""
    python, numpy = (
        method_of_equal_shares(
            projects, ballots, budget, completion=completion, engine=engine
        )
        for engine in ENGINES
    )
    assert python == numpy
    return python


@settings(max_examples=300, deadline=None)
@given(elections())
def test_one_run_matches_the_reference(election):
    projects, ballots, budget = election
    fast = both_engines(projects, ballots, budget)
    assert (fast.funded, fast.budget_per_voter) == equal_shares_reference(
        projects, ballots, budget
    )


@settings(max_examples=150, deadline=None)
@given(elections(), st.sampled_from(["add1", "add1-exhaustive"]))
def test_add1_matches_the_reference(election, completion):
    projects, ballots, budget = election
    fast = both_engines(projects, ballots, budget, completion)
    assert (fast.funded, fast.budget_per_voter) == equal_shares_reference(
        projects, ballots, budget, completion=completion
    )


@settings(max_examples=40, deadline=None)
@given(elections(max_cost=400, max_voters=30), st.sampled_from(["none", "add1"]))
def test_larger_amounts_match_the_reference(election, completion):
    # Larger amounts mean long add1 walks, where the jumps do most work.
    projects, ballots, budget = election
    fast = both_engines(projects, ballots, budget, completion)
    assert (fast.funded, fast.budget_per_voter) == equal_shares_reference(
        projects, ballots, budget, completion=completion
    )


BILLION = 10**9


@st.composite
def near_ties(draw):  # type: ignore[no-untyped-def]
    """Costs of about a billion that differ by a unit: ratios within 1e-9."""
    costs = draw(
        st.lists(
            st.builds(
                lambda times, offset: times * BILLION + offset,
                st.integers(1, 3),
                st.integers(-2, 2),
            ),
            min_size=2,
            max_size=6,
        )
    )
    projects = [Project(IDS[i], cost) for i, cost in enumerate(costs)]
    kinds = draw(
        st.lists(
            st.frozensets(st.sampled_from(IDS[: len(costs)]), min_size=1, max_size=3),
            min_size=1,
            max_size=5,
        )
    )
    picks = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=12))
    budget = draw(
        st.builds(
            lambda times, offset: times * BILLION + offset,
            st.integers(1, 6),
            st.integers(-3, 3),
        )
    )
    return projects, [Ballot(kind) for kind in picks], budget


@settings(max_examples=200, deadline=None)
@given(near_ties())
def test_engines_agree_on_near_ties(election):
    # One run only: add1 would walk a billion units one by one here, as no
    # jump can be certified across a near tie.
    projects, ballots, budget = election
    fast = both_engines(projects, ballots, budget)
    assert (fast.funded, fast.budget_per_voter) == equal_shares_reference(
        projects, ballots, budget
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_an_unknown_engine_is_refused_and_known_ones_count(engine: str) -> None:
    projects = [Project("a", 10), Project("b", 10)]
    ballots = [Ballot(frozenset({"a"}))] * 2 + [Ballot(frozenset({"b"}))]
    outcome = method_of_equal_shares(projects, ballots, 15, engine=engine)  # type: ignore[arg-type]
    assert outcome.funded == ("a",)
    with pytest.raises(ValueError, match="unknown engine"):
        method_of_equal_shares(projects, ballots, 10, engine="fortran")  # type: ignore[arg-type]
