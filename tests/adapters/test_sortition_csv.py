# SPDX-License-Identifier: EUPL-1.2
"""The sortition-algorithms and replication CSV layouts, on the real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkaanpak.adapters.sortition_csv import (
    format_features,
    format_people,
    parse_features,
    parse_people,
    read_features,
    read_people,
    read_replication_instance,
)
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.model import Quota

pytestmark = pytest.mark.shared_data


def test_reads_the_package_fixture_features(shared_data: Path):
    quotas = read_features(shared_data / "sortition/sortition-algorithms/features.csv")
    assert len(quotas) == 20
    assert quotas[0] == Quota("Gender", "Female", 11, 12)
    assert quotas[3] == Quota("age_bracket", "0-15", 0, 0)


def test_reads_the_package_fixture_people_with_auto_detected_id(shared_data: Path):
    folder = shared_data / "sortition/sortition-algorithms"
    quotas = read_features(folder / "features.csv")
    people = read_people(folder / "candidates.csv", quotas)
    assert len(people) == 150
    assert people[0].id == "p0"
    assert people[0].value("Gender") == "Male"
    assert people[0].value("edu_level") == "Level 4 and above"


def test_reads_the_replication_layout(shared_data: Path):
    folder = shared_data / "sortition/citizensassemblies-replication/example_small_20"
    instance = read_replication_instance(folder, 20)
    assert len(instance.people) == 200
    assert instance.people[0].id == "0"
    assert instance.people[0].features == (
        ("gender", "female"),
        ("leaning", "conservative"),
    )
    assert instance.quotas[0] == Quota("gender", "female", 9, 20)


@pytest.mark.parametrize(
    "header",
    [
        "feature,value,min,max",
        "category,name,min,max",
        "feature,category value,min,max,min_flex,max_flex",
        "category,category_value,min,max",
    ],
)
def test_accepts_every_header_variant_of_the_package(header: str):
    text = header + "\n" + "g,f,1,2" + ",0" * (header.count(",") - 3) + "\n"
    assert parse_features(text) == (Quota("g", "f", 1, 2),)


def test_round_trips_through_the_written_layout(shared_data: Path):
    folder = shared_data / "sortition/sortition-algorithms"
    quotas = read_features(folder / "features.csv")
    people = read_people(folder / "candidates.csv", quotas)
    again = parse_features(format_features(quotas))
    assert again == quotas
    features = list(dict.fromkeys(q.feature for q in quotas))
    assert parse_people(format_people(people, features), quotas) == people


def test_a_bad_minimum_names_file_and_line():
    with pytest.raises(WijkaanpakError, match=r"features.csv, line 3: min must be"):
        parse_features("feature,value,min,max\ng,f,1,2\ng,m,two,3\n")


def test_an_unknown_value_names_file_line_and_known_values():
    quotas = (Quota("g", "f", 1, 1), Quota("g", "m", 0, 1))
    with pytest.raises(WijkaanpakError, match=r"people.csv, line 3: g = 'x'.*f, m"):
        parse_people("id,g\na,f\nb,x\n", quotas)


def test_a_duplicate_id_names_both_lines():
    quotas = (Quota("g", "f", 0, 1),)
    with pytest.raises(WijkaanpakError, match=r"line 3: the id 'a' is also on line 2"):
        parse_people("id,g\na,f\na,f\n", quotas)


def test_a_missing_feature_column_is_named():
    with pytest.raises(WijkaanpakError, match="no column for the feature 'age'"):
        parse_people("id,g\na,f\n", (Quota("age", "old", 0, 1),))


def test_household_columns_are_normalised():
    quotas = (Quota("g", "f", 0, 2),)
    people = parse_people(
        "id,g,postcode,number\na,f,3511 ab,12\nb,f,3511  AB,12\n",
        quotas,
        household_columns=["postcode", "number"],
    )
    assert people[0].household == people[1].household


def test_address_columns_group_one_address_written_differently():
    quotas = (Quota("g", "f", 0, 2),)
    people = parse_people(
        "id,g,postcode,huisnummer,toevoeging\n"
        "a,f,3511 ab,12-a,\n"
        "b,f,3511AB,12,A\n"
        "c,f,3511AB,12,B\n",
        quotas,
        address_columns=["postcode", "huisnummer", "toevoeging"],
    )
    assert [person.household for person in people] == [
        "3511AB 12A",
        "3511AB 12A",
        "3511AB 12B",
    ]


def test_an_unreadable_address_names_file_and_line():
    with pytest.raises(WijkaanpakError, match=r"people\.csv, line 3: .*postcode"):
        parse_people(
            "id,g,postcode,huisnummer\na,f,3511 AB,1\nb,f,35 AB,2\n",
            (Quota("g", "f", 0, 2),),
            address_columns=["postcode", "huisnummer"],
        )
