# SPDX-License-Identifier: EUPL-1.2
"""Geometries from GeoJSON, TopoJSON and GeoPackage, with their boundary year."""

from __future__ import annotations

import doctest
import json
import sqlite3
import struct
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Polygon, box

from wijkaanpak.adapters import geometry
from wijkaanpak.adapters.geometry import decode_topojson, read_geometries
from wijkaanpak.core.errors import WijkaanpakError


def feature(code_key: str, code: str, polygon: Polygon) -> dict[str, object]:
    return {
        "type": "Feature",
        "properties": {code_key: code, "naam": code.lower()},
        "geometry": shapely.geometry.mapping(polygon),
    }


def write_geojson(
    path: Path, features: list[dict[str, object]], **extra: object
) -> Path:
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": features, **extra}),
        encoding="utf-8",
    )
    return path


def test_the_doctests_of_the_module_pass() -> None:
    assert doctest.testmod(geometry).failed == 0


@pytest.mark.parametrize("key", ["statcode", "buurtcode", "WK_CODE", "cbsCode", "x"])
def test_the_code_property_is_found_by_its_values(tmp_path: Path, key: str) -> None:
    path = write_geojson(
        tmp_path / "b.geojson",
        [
            feature(key, "BU03440001", box(0, 0, 1, 1)),
            feature(key, "BU03440002", box(1, 0, 2, 1)),
        ],
    )
    layer = read_geometries(path, boundary_year=2024)
    assert layer.code_property == key
    assert layer.codes() == ("BU03440001", "BU03440002")
    assert layer.boundary_year == 2024


def test_the_boundary_year_comes_from_the_metadata_member(tmp_path: Path) -> None:
    path = write_geojson(
        tmp_path / "wijken.geojson",
        [feature("wijkcode", "WK034403", box(0, 0, 1, 1))],
        metadata={"type": "wijken", "year": 2024},
    )
    assert read_geometries(path).boundary_year == 2024


def test_an_invalid_polygon_names_file_and_feature(tmp_path: Path) -> None:
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    path = write_geojson(
        tmp_path / "bad.geojson",
        [
            feature("statcode", "BU03440001", box(0, 0, 1, 1)),
            feature("statcode", "BU03440002", bowtie),
        ],
    )
    with pytest.raises(WijkaanpakError, match=r"bad.geojson, feature 1 \(BU03440002\)"):
        read_geometries(path)
    repaired = read_geometries(path, repair=True)
    assert repaired.repaired == ("BU03440002",)
    assert all(area.geometry.is_valid for area in repaired.areas)


def test_a_file_without_codes_is_refused(tmp_path: Path) -> None:
    path = write_geojson(
        tmp_path / "x.geojson", [feature("naam", "noord", box(0, 0, 1, 1))]
    )
    with pytest.raises(WijkaanpakError, match="no property holds CBS area codes"):
        read_geometries(path)


def test_quantised_delta_encoded_arcs_are_decoded() -> None:
    # Two unit squares sharing the arc x=1, with scale 0.5: integers 0..4.
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [
            [[2, 0], [0, 2]],
            [[2, 2], [-2, 0], [0, -2], [2, 0]],
            [[2, 0], [2, 0], [0, 2], [-2, 0]],
        ],
        "objects": {
            "buurten": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "arcs": [[0, 1]],
                        "properties": {"statcode": "BU00010001"},
                    },
                    {
                        "type": "Polygon",
                        "arcs": [[2, -1]],
                        "properties": {"statcode": "BU00010002"},
                    },
                ],
            }
        },
    }
    (first, left), (_, right) = decode_topojson(topology)
    assert first["statcode"] == "BU00010001"
    assert left.equals(box(10, 20, 11, 21))
    assert right.equals(box(11, 20, 12, 21))


def gpkg_blob(polygon: Polygon) -> bytes:
    # GeoPackage binary header: magic, version 0, flags (little endian, no
    # envelope), SRS id, then standard WKB.
    return (
        b"GP"
        + bytes([0, 0b00000001])
        + struct.pack("<i", 4326)
        + shapely.to_wkb(polygon)
    )


def test_a_geopackage_is_read(tmp_path: Path) -> None:
    path = tmp_path / "buurten_2023.gpkg"
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,
            geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
        INSERT INTO gpkg_geometry_columns VALUES ('buurten', 'geom', 'POLYGON', 4326, 0, 0);
        CREATE TABLE buurten (fid INTEGER PRIMARY KEY, buurtcode TEXT, buurtnaam TEXT, geom BLOB);
        """
    )
    connection.executemany(
        "INSERT INTO buurten (buurtcode, buurtnaam, geom) VALUES (?, ?, ?)",
        [
            ("BU03440001", "Noord", gpkg_blob(box(0, 0, 1, 1))),
            ("BU03440002", "Zuid", gpkg_blob(box(1, 0, 2, 1))),
        ],
    )
    connection.commit()
    connection.close()
    layer = read_geometries(path)
    assert layer.codes() == ("BU03440001", "BU03440002")
    assert layer.areas[1].name == "Zuid"
    assert layer.areas[1].geometry.equals(box(1, 0, 2, 1))
    assert layer.boundary_year == 2023


@pytest.mark.shared_data
def test_the_national_topojson_is_decoded(shared_data: Path) -> None:
    layer = read_geometries(
        shared_data / "geometries" / "buurten_2014_nl_coarse.topojson", repair=True
    )
    assert len(layer.areas) == 11_691
    assert layer.code_property == "statcode"
    assert layer.boundary_year == 2014
    utrecht = layer.in_municipality("GM0344")
    assert len(utrecht.areas) == 111


@pytest.mark.shared_data
def test_the_coarse_file_needs_repair_and_says_so(shared_data: Path) -> None:
    path = shared_data / "geometries" / "buurten_2014_utrecht_GM0344_coarse.geojson"
    with pytest.raises(WijkaanpakError, match=r"feature 2 .*invalid geometry"):
        read_geometries(path)
    assert len(read_geometries(path, repair=True).areas) == 111


@pytest.mark.shared_data
def test_the_amsterdam_buurten_are_read_by_cbs_code(shared_data: Path) -> None:
    layer = read_geometries(
        shared_data / "geometries" / "amsterdam_buurten_2022.geojson"
    )
    assert layer.code_property == "cbsCode"
    assert len(layer.areas) == 518
    assert layer.boundary_year == 2022


@pytest.mark.shared_data
def test_the_national_wijken_keep_their_year(shared_data: Path) -> None:
    layer = read_geometries(
        shared_data / "geometries" / "wijken_2024_nl.geojson", repair=True
    )
    assert layer.boundary_year == 2024
    assert layer.code_property == "wijkcode"
    assert len(layer.areas) == 3475


@pytest.mark.shared_data
def test_pdok_camel_case_gemeenten_are_read(shared_data: Path) -> None:
    layer = read_geometries(
        shared_data / "geometries" / "gemeenten_2023_kwb_basic.geojson", repair=True
    )
    assert layer.code_property == "gemeentecode"
    assert layer.boundary_year == 2023
