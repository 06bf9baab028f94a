# SPDX-License-Identifier: EUPL-1.2
"""The KWB importer: three spellings, sentinels, errors that name file and line."""

from __future__ import annotations

import doctest
import json
import math
from pathlib import Path

import numpy as np
import pytest

from wijkaanpak.adapters import cbs
from wijkaanpak.adapters.cbs import (
    canonical_variable,
    read_code_list,
    read_kwb_csv,
    read_kwb_odata,
)
from wijkaanpak.core.errors import WijkaanpakError

DATA = Path(__file__).parent / "data"


def write(tmp_path: Path, text: str, name: str = "kwb-2023.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_doctests_of_the_module_pass() -> None:
    assert doctest.testmod(cbs).failed == 0


def test_semicolon_file_with_decimal_commas_and_sentinels_is_read(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "Regio;Code;AantalInwoners_5;GemiddeldeHuishoudensgrootte_33;"
        "InBezitWoningcorporatie_49\n"
        "Noord;BU03440001;1200;2,1;.\n"
        "Zuid;BU03440002;-99999999;1,8;45\n",
    )
    table = read_kwb_csv(path)
    first, second = table.areas
    assert first.values["g_hhgro"] == pytest.approx(2.1)
    assert first.values["p_wcorpw"] is None
    assert second.values["a_inw"] is None
    assert second.values["p_wcorpw"] == 45
    assert table.columns["AantalInwoners_5"] == "a_inw"
    assert table.boundary_year == 2023


def test_the_code_column_is_found_by_its_values_whatever_its_name(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "x,y,a_inw\nfoo,WK034403,35960\nbar,BU03440342,4485\n")
    table = read_kwb_csv(path)
    assert [area.code for area in table.areas] == ["WK034403", "BU03440342"]
    assert [area.level for area in table.areas] == ["district", "neighbourhood"]


def test_inhabitants_are_derived_from_the_age_groups(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "code;a_00_14;a_15_24;a_25_44;a_45_64;a_65_oo\nBU03440342;10;20;30;40;50\n",
    )
    assert read_kwb_csv(path, require=["a_inw"]).areas[0].values["a_inw"] == 150


def test_a_missing_required_column_names_the_file_and_the_header(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "code;a_inw\nBU03440342;10\n")
    with pytest.raises(WijkaanpakError, match=r"kwb-2023.csv, line 1: .*p_hh_lkk"):
        read_kwb_csv(path, require=["p_hh_lkk"])


def test_a_wrong_delimiter_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "code|a_inw\nBU03440342|10\n")
    with pytest.raises(WijkaanpakError, match="line 1: no delimiter"):
        read_kwb_csv(path)
    path = write(tmp_path, "code,a_inw\nBU03440342,10\n")
    with pytest.raises(WijkaanpakError, match="line 1: the header has no ';'"):
        read_kwb_csv(path, delimiter=";")


def test_a_ragged_row_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "code;a_inw\nBU03440341;10\nBU03440342;1;2\n")
    with pytest.raises(WijkaanpakError, match="line 3: 3 fields"):
        read_kwb_csv(path)


def test_no_code_column_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "naam;a_inw\nNoord;10\n")
    with pytest.raises(WijkaanpakError, match="no column holds CBS area codes"):
        read_kwb_csv(path)


def test_codes_of_another_boundary_year_are_refused_with_their_line(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "code;a_inw\nBU03440342;10\nBU99990000;5\n")
    known = frozenset({"BU03440342"})
    with pytest.raises(WijkaanpakError, match="line 3: BU99990000 is not in the code"):
        read_kwb_csv(path, known_codes=known)


def test_the_three_spellings_map_to_one_identifier() -> None:
    assert canonical_variable("a_inw") == "a_inw"
    assert canonical_variable("AantalInwoners_5") == "a_inw"
    assert canonical_variable("AantalInwoners_7") == "a_inw"
    assert canonical_variable("aantalInwoners") == "a_inw"
    assert canonical_variable("aantal_inwoners") == "a_inw"


@pytest.mark.shared_data
def test_every_statline_key_with_a_meaning_maps(shared_data: Path) -> None:
    path = shared_data / "cbs_kwb" / "kwb_2024_85984NED_DataProperties.json"
    keys = [
        entry["Key"]
        for entry in json.loads(path.read_text(encoding="utf-8"))
        if entry.get("Type") == "Topic"
    ]
    mapped = cbs._map_columns(keys)
    targets = [mapped[i] for i in range(len(keys))]
    assert targets[keys.index("AantalInwoners_5")] == "a_inw"
    assert targets[keys.index("InBezitWoningcorporatie_49")] == "p_wcorpw"
    assert targets[keys.index("PersonenPerSoortUitkeringBijstand_94")] == "a_soz_wb"
    assert targets[keys.index("Nederland_17")] == "a_nl_all"
    assert targets[keys.index("Nederland_20")] == "a_geb_nl"
    known = [t for t in targets if t in cbs.SHORT_CODES]
    assert len(known) >= 85
    assert len(set(known)) == len(known)


def test_the_recorded_odata_response_is_read() -> None:
    records = json.loads(
        (DATA / "statline_85984NED_utrecht_sample.json").read_text(encoding="utf-8")
    )
    table = read_kwb_odata(records, source="85984NED", boundary_year=2024)
    buurt = table.area("BU03440342")
    assert buurt.name == "Tigrisdreef en omgeving"
    assert buurt.values["a_inw"] == 4485
    assert buurt.values["a_soz_wb"] == 540
    assert table.area("WK034403").values["p_wcorpw"] == 55
    assert table.boundary_year == 2024


def test_an_empty_odata_response_is_an_error() -> None:
    with pytest.raises(WijkaanpakError, match="no records"):
        read_kwb_odata([])


@pytest.mark.shared_data
def test_the_official_utrecht_layout_is_read(shared_data: Path) -> None:
    table = read_kwb_csv(shared_data / "cbs_kwb" / "kwb_2023_utrecht_GM0344.csv")
    assert len(table.areas) == 122
    assert len(table.rows(level="neighbourhood", municipality="GM0344")) == 111
    overvecht = table.area("WK034403")
    assert "Overvecht" in overvecht.name
    assert overvecht.values["a_inw"]
    assert overvecht.values["a_inw"] > 30_000
    assert table.area("GM0344").values["p_hh_li"] is None
    assert table.boundary_year == 2023


@pytest.mark.shared_data
def test_utrecht_2024_is_read_against_the_2025_code_list(shared_data: Path) -> None:
    codes = read_code_list(shared_data / "cbs_codes" / "buurten_2025.csv")
    table = read_kwb_csv(
        shared_data / "cbs_kwb" / "kwb_2024_utrecht_GM0344.csv", known_codes=codes
    )
    assert table.boundary_year == 2024
    assert math.isclose(table.area("GM0344").values["a_inw"] or 0, 374238)


@pytest.mark.shared_data
def test_the_national_statline_keyed_file_is_read(shared_data: Path) -> None:
    table = read_kwb_csv(shared_data / "cbs_kwb" / "kwb_2024_gemeente_wijk_basic.csv")
    assert len(table.rows(level="municipality")) == 342
    assert "a_inw" in table.variables
    assert table.boundary_year == 2024


def test_a_national_number_of_neighbourhoods_is_imported(tmp_path: Path) -> None:
    # The full national width (120 columns) and its timing are in
    # benchmarks/analysis.py; here the shape at national length.
    rng = np.random.default_rng(3)
    columns = sorted(cbs.SHORT_CODES - {"gwb_code_10", "regio"})[:20]
    lines = ["gwb_code_10;regio;" + ";".join(columns)]
    for i in range(14_000):
        values = rng.integers(0, 5000, len(columns)).astype(str)
        values[rng.random(len(columns)) < 0.1] = "."
        lines.append(f"BU{i // 40:04d}{i % 40:04d};Buurt {i};" + ";".join(values))
    path = write(tmp_path, "\n".join(lines) + "\n")
    table = read_kwb_csv(path)
    assert len(table.areas) == 14_000
    # The 20 columns, and the inhabitants derived from the age groups.
    assert table.matrix.shape == (14_000, 21)
