# SPDX-License-Identifier: EUPL-1.2
"""Our vote rules give exactly pabutools' winners on real pabulib files.

pabutools breaks ties by project id as text, so our rules get the projects in
that order (``order_for_ties(..., "id")``). The completions by budget increase
rerun pabutools' method for every unit, which takes minutes on towns of more
than a few thousand voters; those files are compared in ``benchmarks/votes.py``.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from pabutools.election import Cost_Sat, parse_pabulib
from pabutools.rules import exhaustion_by_budget_increase, greedy_utilitarian_welfare
from pabutools.rules import method_of_equal_shares as pabutools_mes
from pabutools.rules import sequential_phragmen as pabutools_phragmen
from tests.conftest import SHARED_DATA

from wijkaanpak.adapters.pabulib import read_pabulib
from wijkaanpak.core.votes.equal_shares import method_of_equal_shares
from wijkaanpak.core.votes.greedy import greedy_approval
from wijkaanpak.core.votes.phragmen import sequential_phragmen
from wijkaanpak.core.votes.tie_breaking import order_for_ties

pytestmark = pytest.mark.parity

DATA = SHARED_DATA / "pabulib"
#: Voters above which pabutools takes too long for this suite (the larger
#: files are compared by ``benchmarks/votes.py``).
MAX_VOTERS = 3500
#: Every engine of equal shares must give pabutools' outcome.
ENGINES = ("python", "numpy")


def _voters(path: Path) -> int:
    with path.open(encoding="utf-8-sig") as lines:
        for line in lines:
            if line.startswith("num_votes;"):
                return int(line.split(";")[1])
    return 0


FILES = sorted(
    path.name
    for folder in ("netherlands", "other")
    if (DATA / folder).is_dir()
    for path in (DATA / folder).glob("*.pb")
    if _voters(path) <= MAX_VOTERS
)
#: Files on which pabutools' add1 finishes within a few seconds.
SMALL_FOR_ADD1 = {
    "Netherlands_Amsterdam_515.pb",
    "Netherlands_Amsterdam_522.pb",
    "Netherlands_Amsterdam_588.pb",
    "Netherlands_Amsterdam_643.pb",
    "Switzerland_Zurich_SN.pb",
    "whole_budget.pb",
}


def test_the_real_files_are_compared(shared_data: Path) -> None:
    """Parametrised at collection time, so prove that the files were found."""
    assert FILES, f"no .pb files under {DATA}"
    assert set(FILES) >= SMALL_FOR_ADD1


def locate(shared_data: Path, name: str) -> Path:
    for folder in ("netherlands", "other"):
        path = shared_data / "pabulib" / folder / name
        if path.exists():
            return path
    pytest.skip(f"{name} is not in the shared data")


@functools.cache
def parsed(path: Path):  # type: ignore[no-untyped-def]
    election = read_pabulib(path).election
    instance, profile = parse_pabulib(str(path))
    return election, order_for_ties(election.projects, "id"), instance, profile


def load(shared_data: Path, name: str):  # type: ignore[no-untyped-def]
    return parsed(locate(shared_data, name))


def names(outcome) -> set[str]:  # type: ignore[no-untyped-def]
    return {project.name for project in outcome}


@pytest.mark.parametrize("name", FILES)
def test_greedy_matches_pabutools(shared_data: Path, name: str) -> None:
    election, projects, instance, profile = load(shared_data, name)
    ours = greedy_approval(projects, election.ballots, election.budget)
    theirs = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
    assert set(ours.funded) == names(theirs)


@pytest.mark.parametrize("name", FILES)
def test_equal_shares_matches_pabutools(shared_data: Path, name: str) -> None:
    election, projects, instance, profile = load(shared_data, name)
    theirs = pabutools_mes(instance, profile, sat_class=Cost_Sat)
    # Both engines (plain Python and NumPy): "auto" picks one by size.
    for engine in ENGINES:
        ours = method_of_equal_shares(
            projects, election.ballots, election.budget, engine=engine
        )
        assert list(ours.funded) == [project.name for project in theirs], engine


@pytest.mark.parametrize("name", FILES)
def test_phragmen_matches_pabutools(shared_data: Path, name: str) -> None:
    election, projects, instance, profile = load(shared_data, name)
    if election.vote_type not in ("approval", "choose-1"):
        pytest.skip("pabutools' Phragmén takes approval ballots only")
    ours = sequential_phragmen(projects, election.ballots, election.budget)
    theirs = pabutools_phragmen(instance, profile)
    assert set(ours.funded) == names(theirs)


@pytest.mark.parametrize("exhaustive", [False, True], ids=["add1", "add1-exhaustive"])
@pytest.mark.parametrize("name", sorted(SMALL_FOR_ADD1 & set(FILES)))
def test_add1_matches_pabutools(shared_data: Path, name: str, exhaustive: bool) -> None:
    election, projects, instance, profile = load(shared_data, name)
    completion = "add1-exhaustive" if exhaustive else "add1"
    theirs = exhaustion_by_budget_increase(
        instance,
        profile,
        pabutools_mes,
        {"sat_class": Cost_Sat},
        budget_step=len(election.ballots),
        exhaustive_stop=exhaustive,
    )
    for engine in ENGINES:
        ours = method_of_equal_shares(
            projects,
            election.ballots,
            election.budget,
            completion=completion,
            engine=engine,
        )
        assert set(ours.funded) == names(theirs), engine
