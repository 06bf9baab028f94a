# SPDX-License-Identifier: EUPL-1.2
"""``wijk analyse`` without a file: the stored figures, as for the demo city."""

from __future__ import annotations

import json

import pytest

from wijkaanpak.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    from wijkaanpak.cli.demo import load_demo

    load_demo(seed=2026, progress=False)


def test_the_demo_city_gets_the_same_json_contract_and_its_profile(demo, capsys):
    assert main(["analyse", "GM9901", "--format", "json", "--no-progress"]) == 0
    result = json.loads(capsys.readouterr().out)

    assert len(result["neighbourhoods"]) == 60
    for item in result["neighbourhoods"]:
        assert {"code", "name", "population", "score", "class", "themes"} <= set(item)
        assert 1 <= item["class"] <= 9
    area = result["area"]
    assert area["name"] == "Kadewaard Oost"
    assert set(result["proposal"]) <= {n["code"] for n in result["neighbourhoods"]}
    assert result["country"] == "Nederland (fictieve referentie)"
    assert area["trend"]
    assert all(len(t["points"]) == 6 for t in area["trend"])
    assert len(area["history"]) == 2
    assert all(n["source"] for n in area["history"])
    # Scores are against the city: the focus area stacks more than most.
    scores = sorted(n["score"] for n in result["neighbourhoods"])
    assert area["score"] > scores[len(scores) // 2]


def test_an_unknown_focus_area_names_the_ones_there_are(demo, capsys):
    assert main(["analyse", "GM9901", "--area", "Nergens", "--no-progress"]) == 1

    assert "Kadewaard Oost" in capsys.readouterr().err


def test_the_html_profile_carries_trend_and_story(demo, tmp_path):
    output = tmp_path / "profiel.html"

    code = main(["analyse", "GM9901", "--format", "html", "--output", str(output)])

    assert code == 0
    html = output.read_text(encoding="utf-8")
    assert "Trend:" in html
    assert "Strengths" in html
