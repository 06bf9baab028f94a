# SPDX-License-Identifier: EUPL-1.2
"""The command contract of ``wijk stemming uitslag``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijkaanpak.cli import main

VOTE = """META
key;value
budget;100
vote_type;approval
PROJECTS
project_id;cost;name
speeltuin;75;Speeltuin
speelveld;25;Speelveld
bomen;25;Bomen
VOTES
voter_id;vote
1;speeltuin,speelveld
2;speeltuin,speelveld
3;speeltuin,speelveld
4;bomen
"""


@pytest.fixture
def vote(tmp_path: Path) -> Path:
    path = tmp_path / "vote.pb"
    path.write_bytes(VOTE.replace("\n", "\r\n").encode())
    return path


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> dict:
    assert main(["stemming", "uitslag", *arguments, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("rule", "winners"),
    [("greedy", ["speeltuin", "speelveld"]), ("mes", ["speeltuin", "bomen"])],
)
def test_winners_are_the_project_ids(capsys, vote, rule, winners) -> None:
    document = run(capsys, str(vote), "--rule", rule, "--completion", "none")
    assert document["winners"] == winners


@pytest.mark.parametrize(
    "completion", ["none", "add1", "add1-exhaustive", "add1-greedy"]
)
def test_every_project_is_explained(capsys, vote, completion) -> None:
    document = run(capsys, str(vote), "--rule", "mes", "--completion", completion)
    assert [p["id"] for p in document["projects"]] == [
        "speeltuin",
        "speelveld",
        "bomen",
    ]
    funded = {p["id"] for p in document["projects"] if p["decision"] == "funded"}
    assert funded == set(document["winners"])


def test_equal_shares_says_who_paid(capsys, vote) -> None:
    document = run(capsys, str(vote), "--rule", "mes")
    speeltuin = document["projects"][0]
    assert speeltuin["payments"] == [
        {"voters": 3, "amount": "25", "amount_float": 25.0}
    ]
    assert document["projects"][1]["lacking"] is not None


def test_phragmen_runs(capsys, vote) -> None:
    assert run(capsys, str(vote), "--rule", "phragmen")["winners"]


def test_text_summary_is_dutch(capsys, vote) -> None:
    assert main(["stemming", "uitslag", str(vote), "--format", "text"]) == 0
    assert "gekozen" in capsys.readouterr().out


def test_a_broken_file_gives_a_message_and_exit_code_1(capsys, tmp_path) -> None:
    path = tmp_path / "broken.pb"
    path.write_text("META\nkey;value\n")
    assert main(["stemming", "uitslag", str(path)]) == 1
    assert "broken.pb" in capsys.readouterr().err


def test_every_project_has_a_typed_explanation(capsys, vote) -> None:
    document = run(capsys, str(vote), "--rule", "mes")
    speeltuin, speelveld, bomen = document["projects"]
    assert speeltuin["explanation"]["kind"] == "bought with shares"
    assert speeltuin["explanation"]["round"] == 1
    assert speeltuin["explanation"]["payments"]["total"] == "75"
    assert speeltuin["explanation"]["payments"]["largest_float"] == 25.0
    assert speeltuin["explanation"]["payments"]["groups"] == [
        {"voters": 3, "amount": "25", "amount_float": 25.0}
    ]
    assert speelveld["explanation"] == {
        "left": "0",
        "left_float": 0.0,
        "lacking": "25",
        "lacking_float": 25.0,
        "least_price": "25/3",
        "least_price_float": 25 / 3,
        "unaffordable_from_round": 1,
        "outbid_by": ["speeltuin"],
        "kind": "shares fell short",
    }
    assert bomen["explanation"]["kind"] == "bought with shares"


def test_greedy_names_the_projects_that_took_the_budget(capsys, vote) -> None:
    document = run(capsys, str(vote), "--rule", "greedy")
    bomen = document["projects"][2]["explanation"]
    assert bomen == {
        "remaining": 0,
        "lacking": 25,
        "funded_before": ["speeltuin", "speelveld"],
        "kind": "did not fit",
    }


def test_phragmen_explains_every_project(capsys, vote) -> None:
    document = run(capsys, str(vote), "--rule", "phragmen")
    # speelveld at time 25/3, bomen at 25; speeltuin's turn comes at 100/3,
    # but 75 no longer fits the 50 left, so the rule stops.
    kinds = {p["id"]: p["explanation"]["kind"] for p in document["projects"]}
    assert document["winners"] == ["speelveld", "bomen"]
    assert kinds == {
        "speelveld": "bought with earnings",
        "bomen": "bought with earnings",
        "speeltuin": "stopped",
    }
    speeltuin = document["projects"][0]["explanation"]
    assert (speeltuin["remaining"], speeltuin["lacking"]) == (50, 25)
    assert speeltuin["stopped_by"] == "speeltuin"
    assert speeltuin["time"] == "100/3"
