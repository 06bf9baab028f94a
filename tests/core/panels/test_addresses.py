# SPDX-License-Identifier: EUPL-1.2
"""Dutch addresses: every usual way of writing one gives the same key."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.panels.addresses import (
    AddressError,
    assign_households,
    dutch_address,
    group_households,
    normalise_postcode,
    parse_house_number,
)
from wijkaanpak.core.panels.model import Person


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("3511AB", "3511AB"),
        ("3511 AB", "3511AB"),
        ("3511 ab", "3511AB"),
        (" 3511  ab ", "3511AB"),
        ("3511-ab", "3511AB"),
        ("3511\u00a0AB", "3511AB"),
        ("9999 zz", "9999ZZ"),
        ("1011sb", "1011SB"),
    ],
)
def test_postcodes_are_read_in_any_spacing_and_case(written, expected):
    assert normalise_postcode(written) == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("0123 AB", "starts with 0"),
        ("351 AB", "four digits and two letters"),
        ("35111 AB", "four digits and two letters"),
        ("3511 A", "four digits and two letters"),
        ("3511 A8", "four digits and two letters"),
        ("AB 3511", "four digits and two letters"),
        ("3511 SS", "SA, SD and SS"),
        ("3511 sa", "SA, SD and SS"),
        ("1017 SD", "SA, SD and SS"),
    ],
)
def test_unreadable_postcodes_say_why(written, message):
    with pytest.raises(AddressError, match=message):
        normalise_postcode(written)


@pytest.mark.parametrize(
    ("number", "addition", "expected"),
    [
        ("12", "", (12, "", "")),
        (12, "", (12, "", "")),
        ("12a", "", (12, "A", "")),
        ("12A", "", (12, "A", "")),
        ("12-a", "", (12, "A", "")),
        ("12 A", "", (12, "A", "")),
        ("12", "a", (12, "A", "")),
        ("12", " A ", (12, "A", "")),
        ("12 bis", "", (12, "", "BIS")),
        ("12-bis", "", (12, "", "BIS")),
        ("12", "BIS", (12, "", "BIS")),
        ("12 hs", "", (12, "H", "")),
        ("12-H", "", (12, "H", "")),
        ("12", "huis", (12, "H", "")),
        ("12 bg", "", (12, "H", "")),
        ("12 begane grond", "", (12, "H", "")),
        ("12-2", "", (12, "", "2")),
        ("12 2", "", (12, "", "2")),
        ("12/2", "", (12, "", "2")),
        ("12", "2", (12, "", "2")),
        ("12 II", "", (12, "", "2")),
        ("12-ii", "", (12, "", "2")),
        ("12-I", "", (12, "", "1")),
        ("12 III", "", (12, "", "3")),
        ("12 2e", "", (12, "", "2")),
        ("12 2de", "", (12, "", "2")),
        ("12 2 hoog", "", (12, "", "2")),
        ("12-2 verd.", "", (12, "", "2")),
        ("12 zwart", "", (12, "", "ZWART")),
        ("12 zw", "", (12, "", "ZWART")),
        ("12 rood", "", (12, "", "ROOD")),
        ("12 t/o", "", (12, "", "TO")),
        ("12t/o", "", (12, "", "TO")),
        ("12a t/o", "", (12, "A", "TO")),
        ("12 T.O.", "", (12, "", "TO")),
        ("12 tegenover", "", (12, "", "TO")),
        ("12a-2", "", (12, "A", "2")),
        ("12 A 2", "", (12, "A", "2")),
        ("12", "a2", (12, "A", "2")),
        ("12a", "bov", (12, "A", "BOVEN")),
        ("12-02", "", (12, "", "2")),
        ("nr. 12", "", (12, "", "")),
        ("012", "", (12, "", "")),
        ("99999", "", (99999, "", "")),
        ("12 V", "", (12, "V", "")),
        ("12 X", "", (12, "X", "")),
        ("12 boven 2", "", (12, "", "BOVEN-2")),
    ],
)
def test_house_numbers_letters_and_additions(number, addition, expected):
    assert parse_house_number(number, addition) == expected


@pytest.mark.parametrize(
    ("number", "addition", "message"),
    [
        ("", "", "empty"),
        ("a12", "", "does not start with a number"),
        ("bij de kerk", "", "does not start with a number"),
        ("0", "", "between 1 and 99999"),
        ("100000", "", "between 1 and 99999"),
        ("12 @", "", "contains '@'"),
        ("12 + 14", "", "contains '+'"),
        ("12", "naast de bakker", "too long"),
        ("12 a b c d e", "", "too long"),
    ],
)
def test_unreadable_house_numbers_say_why(number, addition, message):
    with pytest.raises(AddressError, match=re.escape(message)):
        parse_house_number(number, addition)


@pytest.mark.parametrize(
    "ways",
    [
        [("3511AB", "12a", ""), ("3511 ab", "12-A", ""), ("3511 AB", "12", "a")],
        [("1071 AA", "7 hs", ""), ("1071AA", "7-H", ""), ("1071aa", "7", "huis")],
        [("1016 EA", "263-2", ""), ("1016EA", "263 II", ""), ("1016 ea", "263", "2e")],
        [("3024 EX", "8 zwart", ""), ("3024EX", "8-zw", ""), ("3024 ex", "8", "ZWART")],
    ],
)
def test_the_same_address_written_differently_has_one_key(ways):
    keys = {dutch_address(*way).key for way in ways}
    assert len(keys) == 1


def test_different_floors_and_letters_are_different_addresses():
    keys = {
        dutch_address("1016EA", number).key
        for number in ["263", "263-1", "263-2", "263a", "263b", "263 bis"]
    }
    assert len(keys) == 6


additions = st.lists(
    st.one_of(
        st.sampled_from(
            ["a", "B", "bis", "hs", "huis", "II", "iii", "2e", "zw", "rood", "t/o"]
        ),
        st.integers(1, 99).map(str),
    ),
    max_size=2,
)
separators = st.sampled_from([" ", "-", "  ", " - ", "/", ""])


@st.composite
def written_addresses(draw: st.DrawFn) -> tuple[str, str, str]:
    digits = draw(st.integers(1000, 9999))
    letters = draw(st.text("ABCDEFGHJKLMNPRTVWXZ", min_size=2, max_size=2))
    postcode = f"{digits}{draw(st.sampled_from(['', ' ', '  ']))}{letters}"
    number = str(draw(st.integers(1, 99999)))
    parts = draw(additions)
    written = number
    for part in parts:
        separator = draw(separators)
        if not separator and written[-1].isalpha() == part[0].isalpha():
            separator = "-"
        written += separator + part
    return postcode, written, ""


def recase(text: str, flips: list[bool]) -> str:
    return "".join(
        char.swapcase() if flip else char
        for char, flip in zip(text, flips + [False] * len(text), strict=False)
    )


@given(written_addresses())
def test_reading_is_idempotent(written):
    address = dutch_address(*written)
    again = dutch_address(address.postcode, address.house_number())
    assert again == address


@given(written_addresses(), st.lists(st.booleans(), max_size=30), separators)
def test_case_and_spacing_do_not_change_the_key(written, flips, separator):
    postcode, number, _ = written
    address = dutch_address(postcode, number)
    spaced = f" {recase(postcode, flips)} ".replace(" ", "  ")
    assert dutch_address(spaced, f" {recase(number, flips[::-1])} ") == address
    assert dutch_address(postcode.replace(" ", ""), number).key == address.key


@given(written_addresses())
def test_a_separate_addition_field_reads_like_one_field(written):
    postcode, number, _ = written
    digits = len(number) - len(number.lstrip("0123456789"))
    head, tail = number[:digits], number[digits:]
    assert dutch_address(postcode, head, tail) == dutch_address(postcode, number)


def test_households_group_volunteers_by_address():
    registrations = [
        ("anna", dutch_address("3511AB", "12-a")),
        ("bram", dutch_address("3511 AB", "14")),
        ("cem", dutch_address("3511 ab", "12", "A")),
        ("dina", dutch_address("3511AB", "12 B")),
    ]
    households = group_households(registrations)
    assert [(h.key, h.members) for h in households] == [
        ("3511AB 12A", ("anna", "cem")),
        ("3511AB 12B", ("dina",)),
        ("3511AB 14", ("bram",)),
    ]


def test_assigned_households_drive_the_household_rule():
    pool = [Person("anna", ()), Person("cem", ()), Person("eva", (), "own")]
    addresses = {
        "anna": dutch_address("1071 AA", "7 hs"),
        "cem": dutch_address("1071AA", "7", "huis"),
    }
    people = assign_households(pool, addresses)
    assert [person.household for person in people] == [
        "1071AA 7H",
        "1071AA 7H",
        "own",
    ]
