# SPDX-License-Identifier: EUPL-1.2
"""CBS code validation and the relations codes carry."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.areas import codes

digits = st.text("0123456789", min_size=4, max_size=4)
tail = st.text("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2)


@given(digits, tail, tail)
def test_every_neighbourhood_lies_in_the_district_and_municipality_of_its_code(
    municipality, district, neighbourhood
):
    code = f"BU{municipality}{district}{neighbourhood}"

    assert codes.is_neighbourhood_code(code)
    assert codes.district_of(code) == f"WK{municipality}{district}"
    assert codes.municipality_of(code) == f"GM{municipality}"
    assert codes.is_district_code(codes.district_of(code))
    assert codes.level_of(code) == "neighbourhood"


@pytest.mark.parametrize(
    "code",
    [
        "GM344",
        "GM03440",
        "gm0344",
        "WK03440",
        "WK0344003",
        "BU034403",
        "BU03AA0300",
        "BU0344003",
        "XX0344",
        "",
        "GM 0344",
        "BU0344aa01",
    ],
)
def test_malformed_codes_are_refused(code):
    assert not codes.is_municipality_code(code)
    assert not codes.is_district_code(code)
    assert not codes.is_neighbourhood_code(code)
    with pytest.raises(codes.InvalidCodeError, match="not a CBS area code"):
        codes.level_of(code)


def test_codes_with_letters_since_2022_are_accepted():
    assert codes.is_district_code("WK0363AA")
    assert codes.is_neighbourhood_code("BU0363AA01")
    assert codes.municipality_of("WK0363AA") == "GM0363"


def test_padding_and_lower_case_from_files_are_normalised():
    assert codes.normalise_code("  bu03440300 ") == "BU03440300"


def test_a_district_code_has_no_district_of_its_own():
    with pytest.raises(codes.InvalidCodeError, match="not a neighbourhood code"):
        codes.district_of("WK034403")


@pytest.mark.parametrize("column", ["buurtcode"])
def test_every_neighbourhood_code_in_the_2025_national_list_is_valid(
    shared_data, column
):
    import csv

    with (shared_data / "cbs_codes" / "buurten_2025.csv").open(
        encoding="utf-8"
    ) as file:
        rows = list(csv.DictReader(file))
    assert len(rows) > 14_000
    for row in rows:
        assert codes.is_neighbourhood_code(row[column]), row[column]
        assert codes.municipality_of(row[column]) == row["gemeentecode"]
