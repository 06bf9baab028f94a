# SPDX-License-Identifier: EUPL-1.2
"""``wijk analyse`` on the real Utrecht figures and coarse geometry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijkaanpak.adapters.geometry import read_geometries
from wijkaanpak.cli import main
from wijkaanpak.core.areas.contiguity import polygon_contiguity
from wijkaanpak.core.areas.delimitation import enclosed_by, is_contiguous

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def utrecht(shared_data: Path) -> tuple[Path, Path]:
    return (
        shared_data / "cbs_kwb" / "kwb_2023_utrecht_GM0344.csv",
        shared_data / "geometries" / "buurten_2014_utrecht_GM0344_coarse.geojson",
    )


def run_json(capsys: pytest.CaptureFixture[str], *arguments: str) -> dict[str, object]:
    assert main(["analyse", *arguments, "--format", "json", "--no-progress"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_json_contract_holds(
    utrecht: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    figures, _ = utrecht
    result = run_json(capsys, "GM0344", "--cbs", str(figures))
    neighbourhoods = result["neighbourhoods"]
    assert isinstance(neighbourhoods, list)
    assert len(neighbourhoods) == 111
    for item in neighbourhoods:
        assert {"code", "name", "population", "score", "class", "themes"} <= set(item)
        assert 1 <= item["class"] <= 9
        assert set(item["themes"]) == {"perspective", "physical", "safety"}
    assert "proposal" not in result


def test_overvecht_stacks_the_most_problems(
    utrecht: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    figures, _ = utrecht
    result = run_json(capsys, "GM0344", "--cbs", str(figures))
    ranked = sorted(result["neighbourhoods"], key=lambda n: -n["score"])
    top = [item["code"] for item in ranked[:5]]
    assert sum(code.startswith("BU034403") for code in top) >= 3


def test_the_proposal_is_contiguous_hole_free_and_within_bounds(
    utrecht: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    figures, shapes = utrecht
    result = run_json(
        capsys,
        "GM0344",
        "--cbs",
        str(figures),
        "--geometry",
        str(shapes),
        "--min-population",
        "20000",
        "--max-population",
        "40000",
    )
    proposal = result["proposal"]
    assert proposal
    assert all(code.startswith("BU0344") for code in proposal)
    details = result["proposal_details"]
    assert 20_000 <= details["population"] <= 40_000
    layer = read_geometries(shapes, repair=True)
    adjacency = polygon_contiguity(layer.codes(), [a.geometry for a in layer.areas])
    index = {code: i for i, code in enumerate(adjacency.codes)}
    members = frozenset(index[code] for code in proposal)
    assert is_contiguous(adjacency, members)
    assert not enclosed_by(adjacency, members)
    assert sum(code.startswith("BU034403") for code in proposal) >= 5
    assert result["trade_off"]


def test_the_html_profile_is_written(
    utrecht: tuple[Path, Path], tmp_path: Path
) -> None:
    figures, shapes = utrecht
    output = tmp_path / "profile.html"
    code = main(
        [
            "analyse",
            "GM0344",
            "--cbs",
            str(figures),
            "--geometry",
            str(shapes),
            "--area",
            "Overvecht",
            "--format",
            "html",
            "--output",
            str(output),
            "--no-progress",
        ]
    )
    assert code == 0
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Overvecht" in page
    assert "Top problems per theme" in page
    assert "#a50026" in page


def test_a_data_error_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("naam;a_inw\nNoord;10\n", encoding="utf-8")
    assert main(["analyse", "GM0344", "--cbs", str(path), "--no-progress"]) == 1
    assert "no column holds CBS area codes" in capsys.readouterr().err
