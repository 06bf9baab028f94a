# SPDX-License-Identifier: EUPL-1.2
"""Reading and writing pabulib files, on real files and on broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkaanpak.adapters.pabulib import dumps, loads, read_pabulib, write_pabulib
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.votes.model import Ballot, Election, Project

SMALL = "META\nkey;value\nbudget;10\nvote_type;{kind}\nPROJECTS\nproject_id;cost\n"
SMALL += "1;6\n2;5\nVOTES\n"


def real_files(shared_data: Path) -> list[Path]:
    return sorted((shared_data / "pabulib").glob("[no]*/*.pb"))


@pytest.mark.shared_data
def test_every_real_file_round_trips(shared_data: Path) -> None:
    for path in real_files(shared_data):
        parsed = read_pabulib(path)
        assert loads(dumps(parsed)) == parsed, path.name


@pytest.mark.shared_data
def test_windows_line_endings_are_read(shared_data: Path) -> None:
    path = shared_data / "pabulib" / "netherlands" / "Netherlands_Amsterdam_288.pb"
    assert b"\r\n" in path.read_bytes()
    election = read_pabulib(path).election
    assert election.budget == 100000
    assert len(election.projects) == 14
    assert len(election.ballots) == 3057
    assert all("\r" not in project.id for project in election.projects)


@pytest.mark.shared_data
def test_projects_keep_the_file_order(shared_data: Path) -> None:
    path = shared_data / "pabulib" / "other" / "whole_budget.pb"
    election = read_pabulib(path).election
    assert [p.id for p in election.projects] == ["1", "2"]
    assert [p.name for p in election.projects] == ["First project", "Second project"]


@pytest.mark.shared_data
def test_cumulative_and_ordinal_votes_keep_points_and_order(shared_data: Path) -> None:
    folder = shared_data / "pabulib" / "other"
    cumulative = read_pabulib(folder / "Switzerland_Zurich_S5D10.pb").election
    assert cumulative.vote_type == "cumulative"
    first = cumulative.ballots[0]
    assert first.points[:2] == (("18", 3), ("1", 2))
    assert first.approved == {"18", "1", "15", "20", "8"}
    ordinal = read_pabulib(folder / "Switzerland_Zurich_S5R.pb").election
    assert ordinal.ballots[0].ranking == ("8", "15", "20", "18", "1")


def test_decimal_costs_that_are_whole_are_accepted() -> None:
    text = SMALL.replace("1;6", "1;6.0").format(kind="approval")
    assert loads(text + "voter_id;vote\n").election.projects[0].cost == 6


def test_fractional_cost_names_the_line() -> None:
    text = SMALL.replace("1;6", "1;6.5").format(kind="approval") + "voter_id;vote\n"
    with pytest.raises(WijkaanpakError, match=r"vote\.pb, line 7: cost '6\.5'"):
        loads(text, source="vote.pb")


def test_vote_for_unknown_project_names_the_line() -> None:
    text = SMALL.format(kind="approval") + "voter_id;vote\nv1;1,3\n"
    with pytest.raises(WijkaanpakError, match=r"line 11: vote for unknown project '3'"):
        loads(text, source="vote.pb")


def test_choose_one_with_two_projects_is_refused() -> None:
    text = SMALL.format(kind="choose-1") + "voter_id;vote\nv1;1,2\n"
    with pytest.raises(WijkaanpakError, match="choose-1"):
        loads(text)


def test_unknown_vote_type_is_refused() -> None:
    with pytest.raises(WijkaanpakError, match="scoring"):
        loads(SMALL.format(kind="scoring") + "voter_id;vote\n")


def test_missing_votes_section_is_refused() -> None:
    text = SMALL.format(kind="approval").replace("VOTES\n", "")
    with pytest.raises(WijkaanpakError, match="VOTES section is missing"):
        loads(text)


def test_points_must_match_the_projects() -> None:
    text = SMALL.format(kind="cumulative") + "voter_id;vote;points\nv1;1,2;3\n"
    with pytest.raises(WijkaanpakError, match="2 projects but 1 points"):
        loads(text)


def test_an_election_written_and_read_is_the_same(tmp_path: Path) -> None:
    election = Election(
        (Project("a", 10, "Bankjes; twee stuks"), Project("b", 20)),
        (Ballot.from_points([("b", 2), ("a", 1)]), Ballot.from_points([])),
        budget=25,
        vote_type="cumulative",
    )
    path = tmp_path / "vote.pb"
    write_pabulib(election, path)
    assert read_pabulib(path).election == election


def test_empty_ballots_are_kept() -> None:
    text = SMALL.format(kind="approval") + "voter_id;vote\nv1;\nv2;1\n"
    election = loads(text).election
    assert [set(b.approved) for b in election.ballots] == [set(), {"1"}]
