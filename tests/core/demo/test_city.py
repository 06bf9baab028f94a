# SPDX-License-Identifier: EUPL-1.2
"""The fictional demo city: tiling, codes, stacked problems and people."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon, shape

from wijkaanpak.core.areas.codes import (
    district_of,
    is_district_code,
    is_neighbourhood_code,
    municipality_of,
)
from wijkaanpak.core.demo import (
    ORGANISATION_KINDS,
    ROLES,
    VARIABLES,
    DemoCity,
    DemoNeighbourhood,
    generate_city,
)
from wijkaanpak.core.errors import WijkaanpakError

KM2_PER_SQUARE_DEGREE = 68.7 * 111.2
AGE_GROUPS = ("a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo")
COUNTS = ("a_inw", *AGE_GROUPS, "a_hh", "a_soz_wb", "a_soz_ao", "a_soz_ww", "a_woning")
PERCENTAGES = (
    "p_hh_li",
    "p_hh_lkk",
    "p_hh_osm",
    "p_arb_pp",
    "p_jz_tn",
    "p_wcorpw",
    "p_koopw",
    "p_leegsw",
)
INCOME = ("p_hh_li", "p_hh_lkk", "p_hh_osm", "g_ink_pi")


@pytest.fixture(scope="module")
def city() -> DemoCity:
    return generate_city()


def polygons_of(city: DemoCity) -> list[Polygon]:
    return [Polygon(item.rings[0], item.rings[1:]) for item in city.neighbourhoods]


def edge_neighbours(areas: Sequence[DemoNeighbourhood]) -> dict[str, set[str]]:
    owners: dict[frozenset[tuple[float, float]], set[str]] = defaultdict(set)
    for area in areas:
        for ring in area.rings:
            for start, end in itertools.pairwise(ring):
                owners[frozenset((start, end))].add(area.code)
    neighbours: dict[str, set[str]] = {area.code: set() for area in areas}
    for codes in owners.values():
        for code in codes:
            neighbours[code] |= codes - {code}
    return neighbours


def is_connected(codes: Iterable[str], neighbours: dict[str, set[str]]) -> bool:
    members = set(codes)
    first = min(members)
    reached, todo = {first}, [first]
    while todo:
        for neighbour in neighbours[todo.pop()] & members:
            if neighbour not in reached:
                reached.add(neighbour)
                todo.append(neighbour)
    return reached == members


def values(city: DemoCity) -> dict[tuple[str, int], dict[str, float | None]]:
    table: dict[tuple[str, int], dict[str, float | None]] = defaultdict(dict)
    for figure in city.figures:
        table[figure.neighbourhood_code, figure.year][figure.variable] = figure.value
    return table


def assert_tiles_outline(city: DemoCity) -> None:
    polygons = polygons_of(city)
    assert all(polygon.is_valid for polygon in polygons)
    outline = shape(city.outline())
    union = shapely.unary_union(polygons)
    assert union.geom_type == "Polygon"
    assert abs(union.area - outline.area) <= 1e-9 * outline.area
    assert abs(sum(p.area for p in polygons) - union.area) <= 1e-9 * union.area
    assert union.symmetric_difference(outline).area <= 1e-9 * outline.area


def assert_areas_are_contiguous(city: DemoCity) -> None:
    neighbours = edge_neighbours(city.neighbourhoods)
    assert is_connected(neighbours, neighbours)
    for district in city.districts:
        members = [
            item.code
            for item in city.neighbourhoods
            if item.district_code == district.code
        ]
        assert members, district.code
        assert is_connected(members, neighbours), district.code
    assert is_connected(city.focus_area.neighbourhood_codes, neighbours)


def test_neighbourhoods_tile_the_outline(city: DemoCity) -> None:
    assert_tiles_outline(city)


def test_neighbourhoods_do_not_overlap(city: DemoCity) -> None:
    polygons = polygons_of(city)
    tree = shapely.STRtree(polygons)
    for index, polygon in enumerate(polygons):
        for other in tree.query(polygon):
            if other != index:
                assert polygon.intersection(polygons[other]).area == pytest.approx(
                    0.0, abs=1e-15
                )


def test_neighbourhoods_have_no_slivers(city: DemoCity) -> None:
    smallest = min(polygon.area for polygon in polygons_of(city))
    assert smallest * KM2_PER_SQUARE_DEGREE >= 0.05


def test_rings_are_closed_counter_clockwise_and_rounded(city: DemoCity) -> None:
    for item in city.neighbourhoods:
        exterior = item.rings[0]
        assert exterior[0] == exterior[-1]
        assert Polygon(exterior).exterior.is_ccw
        for lon, lat in exterior:
            assert round(lon, 6) == lon
            assert round(lat, 6) == lat
            assert 5.15 < lon < 5.45
            assert 51.85 < lat < 52.05


def test_geometry_is_a_geojson_polygon(city: DemoCity) -> None:
    geometry = city.neighbourhoods[0].geometry()
    assert geometry["type"] == "Polygon"
    assert shape(geometry).equals(polygons_of(city)[0])


def test_city_is_about_twelve_kilometres_across(city: DemoCity) -> None:
    minx, miny, maxx, maxy = shape(city.outline()).bounds
    assert 9 < (maxx - minx) * 68.7 < 16
    assert 9 < (maxy - miny) * 111.2 < 16


def test_the_same_seed_gives_an_identical_city(city: DemoCity) -> None:
    assert generate_city() == city


def test_another_seed_gives_another_city(city: DemoCity) -> None:
    other = generate_city(seed=2027)
    assert other.neighbourhoods != city.neighbourhoods
    assert other.figures != city.figures


def test_codes_follow_the_cbs_patterns(city: DemoCity) -> None:
    assert city.municipality.code == "GM9901"
    assert [district.code for district in city.districts] == [
        f"WK9901{number:02d}" for number in range(10)
    ]
    for item in city.neighbourhoods:
        assert is_neighbourhood_code(item.code)
        assert re.fullmatch(r"BU9901\d{4}", item.code)
        assert district_of(item.code) == item.district_code
        assert is_district_code(item.district_code)
        assert municipality_of(item.code) == city.municipality.code
    codes = [item.code for item in city.neighbourhoods]
    assert codes == sorted(set(codes))


def test_neighbourhoods_are_numbered_from_00_within_each_district(
    city: DemoCity,
) -> None:
    numbers: dict[str, list[int]] = defaultdict(list)
    for item in city.neighbourhoods:
        numbers[item.district_code].append(int(item.code[-2:]))
    for found in numbers.values():
        assert found == list(range(len(found)))


def test_names_are_unique_and_the_city_is_labelled_fictional(city: DemoCity) -> None:
    assert "(fictief)" in city.municipality.name
    names = [item.name for item in city.neighbourhoods]
    names += [district.name for district in city.districts]
    assert len(names) == len(set(names))
    assert "verzonnen" in city.focus_area.description


def test_districts_and_focus_area_are_contiguous(city: DemoCity) -> None:
    assert_areas_are_contiguous(city)


def test_focus_area_has_six_to_ten_neighbourhoods(city: DemoCity) -> None:
    codes = city.focus_area.neighbourhood_codes
    known = {item.code for item in city.neighbourhoods}
    assert 6 <= len(codes) <= 10
    assert set(codes) <= known
    assert city.focus_area.start_year == 2022


def test_figures_cover_every_neighbourhood_year_and_variable(city: DemoCity) -> None:
    keys = {(f.neighbourhood_code, f.year, f.variable) for f in city.figures}
    assert len(keys) == len(city.figures)
    assert keys == {
        (item.code, year, variable)
        for item in city.neighbourhoods
        for year in range(2019, 2025)
        for variable in VARIABLES
    }
    assert city.boundary_year == 2024


def test_age_groups_add_up_to_the_inhabitants(city: DemoCity) -> None:
    for row in values(city).values():
        assert sum(row[group] or 0 for group in AGE_GROUPS) == row["a_inw"]


def test_counts_and_percentages_are_rounded_as_cbs_does(city: DemoCity) -> None:
    for row in values(city).values():
        for variable in COUNTS:
            value = row[variable]
            assert value is not None
            assert value % 5 == 0, variable
        for variable in PERCENTAGES:
            value = row[variable]
            assert value is None or (value == int(value) and 0 <= value <= 100)


def test_inhabitants_are_those_of_a_city_of_250_000(city: DemoCity) -> None:
    rows = [row for (_, year), row in values(city).items() if year == 2024]
    inhabitants = [row["a_inw"] or 0 for row in rows]
    assert min(inhabitants) >= 500
    assert max(inhabitants) <= 9000
    assert 200_000 <= sum(inhabitants) <= 300_000


def test_income_is_secret_for_small_neighbourhoods(city: DemoCity) -> None:
    rows = list(values(city).values())
    small = [row for row in rows if (row["a_hh"] or 0) < 200]
    assert small
    for row in small:
        assert all(row[variable] is None for variable in INCOME)
    assert any(row["p_hh_li"] is not None for row in rows)


def test_livability_score_lies_around_four(city: DemoCity) -> None:
    scores = [row["lbm_score"] for row in values(city).values()]
    assert all(score is not None and 3.7 <= score <= 4.6 for score in scores)


def mean_of(
    city: DemoCity, year: int, focus: bool, variable: str, per: str | None = None
) -> float:
    focus_codes = set(city.focus_area.neighbourhood_codes)
    found = []
    for (code, row_year), row in values(city).items():
        value = row[variable]
        if row_year != year or (code in focus_codes) != focus or value is None:
            continue
        found.append(value / (row[per] or 1) if per else value)
    return sum(found) / len(found)


@pytest.mark.parametrize(
    ("variable", "per", "margin"),
    [
        ("p_hh_li", None, 12.0),
        ("p_hh_lkk", None, 4.0),
        ("a_soz_ao", "a_inw", 0.01),
        ("p_hh_osm", None, 3.0),
        ("a_soz_wb", "a_inw", 0.02),
        ("p_jz_tn", None, 3.0),
        ("p_wcorpw", None, 15.0),
        ("crime_total", "a_inw", 0.015),
        ("crime_high_impact", "a_inw", 0.002),
    ],
)
def test_problems_stack_in_the_focus_area(
    city: DemoCity, variable: str, per: str | None, margin: float
) -> None:
    inside = mean_of(city, 2022, True, variable, per)
    outside = mean_of(city, 2022, False, variable, per)
    assert inside >= outside + margin


@pytest.mark.parametrize(
    ("variable", "margin"),
    [("p_arb_pp", 4.0), ("lbm_score", 0.1), ("g_wozbag", 40), ("g_ink_pi", 3)],
)
def test_the_focus_area_scores_lower_where_higher_is_better(
    city: DemoCity, variable: str, margin: float
) -> None:
    assert (
        mean_of(city, 2022, True, variable)
        <= mean_of(city, 2022, False, variable) - margin
    )


def test_the_focus_area_improves_after_the_start(city: DemoCity) -> None:
    assert mean_of(city, 2024, True, "p_hh_li") < mean_of(city, 2022, True, "p_hh_li")
    assert mean_of(city, 2024, True, "lbm_score") > mean_of(
        city, 2022, True, "lbm_score"
    )


def test_every_role_has_a_login(city: DemoCity) -> None:
    roles = [person.role for person in city.people]
    assert set(roles) == set(ROLES)
    assert roles.count("alliance") <= 10
    usernames = [person.username for person in city.people]
    assert len(usernames) == len(set(usernames))
    assert {"directeur", "bureau", "alliantie", "professional", "rijk"} <= set(
        usernames
    )
    for person in city.people:
        assert re.fullmatch(r"[a-z0-9_]+", person.username)
        assert person.email == f"{person.username}@example.org"


def test_the_mayor_chairs_the_alliance(city: DemoCity) -> None:
    mayor = next(person for person in city.people if person.key == "mayor")
    assert mayor.role == "alliance"
    assert mayor.organisation_key == "municipality"


def test_the_director_works_in_the_bureau(city: DemoCity) -> None:
    director = next(
        person for person in city.people if person.key == city.focus_area.director_key
    )
    assert director.role == "bureau"
    assert director.username == "directeur"


def test_organisations_are_of_known_kinds(city: DemoCity) -> None:
    keys = {organisation.key for organisation in city.organisations}
    assert len(keys) == len(city.organisations)
    assert 10 <= len(keys) <= 12
    assert {organisation.kind for organisation in city.organisations} <= set(
        ORGANISATION_KINDS
    )
    assert {person.organisation_key for person in city.people} <= keys


@pytest.mark.parametrize(
    "arguments",
    [
        {"neighbourhoods": 5},
        {"neighbourhoods": 500},
        {"districts": 0},
        {"districts": 22},
        {"neighbourhoods": 12, "districts": 13},
        {"first_year": 2023},
        {"last_year": 2021},
    ],
)
def test_impossible_arguments_are_refused(arguments: dict[str, int]) -> None:
    with pytest.raises(WijkaanpakError):
        generate_city(**arguments)


@settings(max_examples=15, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    neighbourhoods=st.integers(20, 80),
    districts=st.integers(3, 12),
)
def test_any_seed_and_size_tiles_with_contiguous_areas(
    seed: int, neighbourhoods: int, districts: int
) -> None:
    city = generate_city(seed=seed, neighbourhoods=neighbourhoods, districts=districts)
    assert len(city.neighbourhoods) == neighbourhoods
    assert len(city.districts) == districts
    assert_tiles_outline(city)
    assert_areas_are_contiguous(city)
    smallest = min(polygon.area for polygon in polygons_of(city))
    assert smallest * KM2_PER_SQUARE_DEGREE >= 0.05
