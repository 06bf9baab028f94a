# SPDX-License-Identifier: EUPL-1.2
"""``wijk importeer``: real CBS files into the database, all or nothing."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from tests.factories import square

from wijkaanpak.apps.areas.models import (
    Contiguity,
    Figure,
    Municipality,
    Neighbourhood,
    ReferenceLevel,
)
from wijkaanpak.cli import main

pytestmark = pytest.mark.django_db

RECORDED = Path(__file__).parents[1] / "adapters" / "data"


def run(capsys, *arguments: str) -> tuple[int, dict | None, str]:
    code = main(["importeer", *arguments, "--no-progress"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if code == 0 else None, captured.err


@pytest.mark.shared_data
def test_the_utrecht_file_is_imported_once_however_often_it_is_run(shared_data, capsys):
    path = str(shared_data / "cbs_kwb" / "kwb_2023_utrecht_GM0344.csv")

    code, first, _ = run(capsys, path)
    figures = Figure.objects.count()
    again, second, _ = run(capsys, path)

    assert code == again == 0
    assert first["neighbourhoods_added"] == 111
    assert second["neighbourhoods_added"] == 0
    assert Neighbourhood.objects.filter(municipality__code="GM0344").count() == 111
    assert Figure.objects.count() == figures
    overvecht = Neighbourhood.objects.get(code="BU03440342")
    assert overvecht.district.code == "WK034403"
    assert Figure.objects.get(neighbourhood=overvecht, variable="a_inw", year=2023)


def grid_files(tmp_path: Path, year: int = 2024) -> tuple[Path, Path]:
    """Figures and polygons of a 2 x 2 municipality, in the CBS layouts."""
    codes = [f"BU9902010{i}" for i in range(4)]
    lines = ["gwb_code_10;regio;a_inw;p_hh_li", "GM9902;Rasterdam;4000;40"]
    lines.append("WK990201;Raster;4000;40")
    lines += [f"{code};Vak {i};1000;{30 + 5 * i}" for i, code in enumerate(codes)]
    figures = tmp_path / f"kwb_{year}.csv"
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    features = [
        {
            "type": "Feature",
            "properties": {"statcode": code, "statnaam": f"Vak {i}", "jaar": year},
            "geometry": square(0.01 * (i % 2), 0.01 * (i // 2)),
        }
        for i, code in enumerate(codes)
    ]
    polygons = tmp_path / f"buurten_{year}.geojson"
    polygons.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}),
        encoding="utf-8",
    )
    return figures, polygons


def test_polygons_come_in_with_their_contiguity(tmp_path, capsys):
    figures, polygons = grid_files(tmp_path)

    code, report, _ = run(capsys, str(figures), "--geometry", str(polygons))

    assert code == 0
    assert report["contiguity_stored"] == ["GM9902"]
    stored = Contiguity.objects.get(municipality__code="GM9902", boundary_year=2024)
    assert len(stored.adjacency["neighbours"]["BU99020100"]) == 2
    assert Neighbourhood.objects.get(code="BU99020103").geometry["type"] == "Polygon"


def test_polygons_of_another_boundary_year_are_refused_and_nothing_is_written(
    tmp_path, capsys
):
    figures, _ = grid_files(tmp_path, 2024)
    _, polygons = grid_files(tmp_path, 2023)

    code, _, error = run(capsys, str(figures), "--geometry", str(polygons))

    assert code == 1
    assert "2023" in error
    assert "2024" in error
    assert not Municipality.objects.exists()


def test_a_failure_in_the_second_municipality_undoes_the_first(tmp_path, capsys):
    figures, _ = grid_files(tmp_path)
    with figures.open("a", encoding="utf-8") as lines:
        lines.write("BU99030100;Elders;500;50\n")
    # GM9903 already has another neighbourhood for 2024: the file does not match.
    other = tmp_path / "kwb_other.csv"
    other.write_text(
        "gwb_code_10;regio;a_inw\nBU99030199;Anders;700\n", encoding="utf-8"
    )
    assert run(capsys, str(other), "--boundary-year", "2024")[0] == 0

    code, _, error = run(capsys, str(figures), "--boundary-year", "2024")

    assert code == 1
    assert "GM9903" in error
    assert not Municipality.objects.filter(code="GM9902").exists()
    assert not Figure.objects.filter(neighbourhood__code__startswith="BU9902").exists()


def test_a_statline_table_is_fetched_with_the_cbsodata_client(monkeypatch, capsys):
    records = json.loads(
        (RECORDED / "statline_85984NED_utrecht_sample.json").read_text("utf-8")
    )
    asked = []

    def get_data(table: str) -> list[dict]:
        asked.append(table)
        return records

    monkeypatch.setitem(
        sys.modules, "cbsodata", types.SimpleNamespace(get_data=get_data)
    )

    code, report, _ = run(capsys, "--statline", "85984NED", "--boundary-year", "2024")

    assert code == 0
    assert asked == ["85984NED"]
    assert report["municipalities"] == ["GM0344"]
    assert Figure.objects.filter(neighbourhood__code="BU03440342", variable="a_inw")


def test_offline_statline_says_what_to_do_instead(monkeypatch, capsys):
    def get_data(table: str) -> list[dict]:
        raise ConnectionError("no network")

    monkeypatch.setitem(
        sys.modules, "cbsodata", types.SimpleNamespace(get_data=get_data)
    )

    code, _, error = run(capsys, "--statline", "85984NED")

    assert code == 1
    assert "online" in error


def test_a_national_file_becomes_the_national_reference(tmp_path, capsys):
    figures, _ = grid_files(tmp_path)

    code, report, _ = run(capsys, str(figures), "--national-reference")

    assert code == 0
    assert report["national_reference_levels"] > 0
    level = ReferenceLevel.objects.get(
        region_code="NL00", indicator="lowest_income_households"
    )
    assert level.level == pytest.approx(37.5)
    assert level.spread > 0


def test_own_figures_join_areas_imported_before_and_feed_own_indicators(
    tmp_path, capsys, settings
):
    figures, polygons = grid_files(tmp_path)
    assert run(capsys, str(figures), "--geometry", str(polygons))[0] == 0
    survey = tmp_path / "enquete.csv"
    survey.write_text(
        "buurt;veilig_gevoel\nBU99020100;61\nBU99020101;74\n", encoding="utf-8"
    )
    own = tmp_path / "eigen.yaml"
    own.write_text(
        "version: 1\nindicators:\n"
        "  - key: feels_safe\n    name_en: Feels safe\n    name_nl: Voelt zich veilig\n"
        "    theme: safety\n    unit: '% of residents'\n"
        "    direction: higher_is_better\n    formula: veilig_gevoel\n",
        encoding="utf-8",
    )
    settings.WIJKAANPAK_INDICATORS = str(own)

    code, report, error = run(capsys, str(survey), "--own-figures", "--year", "2024")

    assert code == 0, error
    assert report["neighbourhoods_added"] == 0
    stored = Figure.objects.get(
        neighbourhood__code="BU99020101", variable="veilig_gevoel"
    )
    assert (stored.year, stored.value) == (2024, 74)
    from wijkaanpak.apps.areas.analysis import catalogue

    assert "feels_safe" in {indicator.key for indicator in catalogue().indicators}


def test_own_figures_of_an_unknown_municipality_are_refused(tmp_path, capsys):
    survey = tmp_path / "enquete.csv"
    survey.write_text("buurt;score\nBU99990100;5\n", encoding="utf-8")

    code, _, error = run(capsys, str(survey), "--own-figures", "--year", "2024")

    assert code == 1
    assert "GM9999" in error
