# SPDX-License-Identifier: EUPL-1.2
"""Exported pabulib files read back the same and pass pabulib's own checker.

``pabulib-checker`` (MIT) is the validator pabulib.org uses for the files it
publishes; it is a test dependency only.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pabulib.checker import Checker

from wijkaanpak.adapters.pabulib import dumps, loads, read_pabulib, rule_name
from wijkaanpak.core.votes.equal_shares import method_of_equal_shares
from wijkaanpak.core.votes.greedy import greedy_approval
from wijkaanpak.core.votes.model import Ballot, Election, Project
from wijkaanpak.core.votes.phragmen import sequential_phragmen
from wijkaanpak.core.votes.tie_breaking import order_for_ties

META = {
    "description": "Buurtbudget Oost",
    "country": "Netherlands",
    "unit": "Amsterdam",
    "instance": "2026",
    "date_begin": "01.03.2026",
    "date_end": "15.03.2026",
    "currency": "EUR",
}


def check(text: str) -> dict:
    """Return the checker's verdict on one file's text (it prints; hush it)."""
    with contextlib.redirect_stdout(io.StringIO()):
        results = Checker().process_files([text])
    return results


def errors(text: str) -> dict:
    results = check(text)
    (verdict,) = (
        value for key, value in results.items() if key not in {"metadata", "summary"}
    )
    found = verdict["results"]
    return {} if isinstance(found, str) else found.get("errors", {})


IDS = [f"p{i}" for i in range(5)]
elections = st.builds(
    lambda costs, ballots, budget, names: Election(
        tuple(
            Project(IDS[i], cost, names[i % len(names)]) for i, cost in enumerate(costs)
        ),
        tuple(
            Ballot(frozenset(IDS[i] for i in kind if i < len(costs)))
            for kind in ballots
        ),
        budget,
    ),
    st.lists(st.integers(1, 500), min_size=1, max_size=5),
    st.lists(
        st.frozensets(st.integers(0, 4), min_size=1, max_size=3),
        min_size=1,
        max_size=20,
    ),
    st.integers(500, 2000),
    st.lists(
        st.text('abc ;,éü"', min_size=1, max_size=8).map(str.strip).filter(bool),
        min_size=1,
    ),
)


@settings(max_examples=50, deadline=None)
@given(elections)
def test_an_exported_election_reads_back_the_same(election: Election) -> None:
    outcome = greedy_approval(election.projects, election.ballots, election.budget)
    text = dumps(election, meta=META, outcome=outcome)
    parsed = loads(text)
    assert parsed.election == election
    assert dict(parsed.meta)["description"] == META["description"]
    selected = parsed.project_columns.index("selected")
    assert {row[0] for row in parsed.project_rows if row[selected] == "1"} == set(
        outcome.funded
    )


@pytest.mark.parametrize(
    ("rule", "completion"), [("greedy", "none"), ("mes", "none"), ("mes", "add1")]
)
def test_an_export_with_its_result_passes_the_checker(
    rule: str, completion: str
) -> None:
    projects = (
        Project("1", 300, "Speeltuin"),
        Project("2", 200, "Bankjes"),
        Project("3", 250, "Bomen"),
    )
    ballots = tuple(
        Ballot(frozenset(kind))
        for kind in [{"1", "2"}] * 5 + [{"3"}] * 3 + [{"2", "3"}] * 2
    )
    election = Election(projects, ballots, budget=600)
    if rule == "greedy":
        outcome = greedy_approval(projects, ballots, election.budget)
    else:
        outcome = method_of_equal_shares(
            projects, ballots, election.budget, completion=completion
        )
    assert errors(dumps(election, meta=META, outcome=outcome)) == {}


def test_rules_without_a_pabulib_name_are_unknown() -> None:
    projects = (Project("1", 5), Project("2", 8))
    election = Election(projects, (Ballot(frozenset({"1"})),), budget=10)
    outcome = sequential_phragmen(election.projects, election.ballots, 10)
    assert rule_name(outcome) == "unknown"
    assert errors(dumps(election, meta=META, outcome=outcome)) == {}


def test_missing_meta_is_named() -> None:
    election = Election((Project("1", 5),), (), budget=10)
    with pytest.raises(ValueError, match="date_begin, date_end"):
        dumps(
            election,
            meta={
                "description": "x",
                "country": "Netherlands",
                "unit": "A",
                "instance": "1",
                "rule": "greedy",
            },
        )


def test_cumulative_votes_need_their_points_limit() -> None:
    election = Election((Project("1", 5),), (), budget=10, vote_type="cumulative")
    with pytest.raises(ValueError, match="max_sum_points"):
        dumps(election, meta={**META, "rule": "greedy"})


def test_meta_contradicting_the_election_is_refused() -> None:
    election = Election((Project("1", 5),), (), budget=10)
    with pytest.raises(ValueError, match="budget"):
        dumps(election, meta={**META, "rule": "greedy", "budget": "11"})


@pytest.mark.shared_data
@pytest.mark.parametrize(
    "name",
    [
        "netherlands/Netherlands_Amsterdam_522.pb",
        "netherlands/Netherlands_Amsterdam_643.pb",
        "other/Switzerland_Zurich_SN.pb",
        "other/Switzerland_Zurich_S5D10.pb",
        "other/Switzerland_Zurich_S5R.pb",
    ],
)
def test_real_votes_exported_with_our_result_pass_the_checker(
    shared_data: Path, name: str
) -> None:
    original = read_pabulib(shared_data / "pabulib" / name)
    election = original.election
    meta = {**META, **{k: v for k, v in original.meta if k == "max_sum_points"}}
    projects = order_for_ties(election.projects, "id")
    for outcome in (
        greedy_approval(projects, election.ballots, election.budget),
        method_of_equal_shares(projects, election.ballots, election.budget),
    ):
        text = dumps(election, meta=meta, outcome=outcome)
        assert errors(text) == {}, (name, outcome.rule)
        assert loads(text).election == election
