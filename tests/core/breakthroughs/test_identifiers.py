# SPDX-License-Identifier: EUPL-1.2
"""The identifier check finds BSNs, e-mail, phone numbers and dates of birth."""

from __future__ import annotations

import datetime
import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from wijkaanpak.core.breakthroughs.identifiers import (
    IdentifierKind,
    find_identifiers,
    is_valid_household_code,
    passes_eleven_test,
)

TODAY = datetime.date(2026, 5, 1)
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
words = st.lists(
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=8), max_size=6
).map(" ".join)


def kinds(text: str) -> list[str]:
    return [finding.kind.value for finding in find_identifiers(text, today=TODAY)]


@st.composite
def valid_bsns(draw) -> str:
    """Random digits, the eighth moved on until a ninth makes the 11-test pass."""
    first = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    for shift in range(10):
        digits = [*first[:7], (first[7] + shift) % 10]
        partial = sum(w * d for w, d in zip(WEIGHTS, digits, strict=False))
        if partial % 11 <= 9 and partial - partial % 11 != 0:
            return "".join(map(str, [*digits, partial % 11]))
    return "111222333"


@given(valid_bsns(), words, words, st.sampled_from(["", ".", " ", "-"]))
def test_a_number_passing_the_eleven_test_is_found_in_any_sentence(
    bsn, before, after, separator
):
    written = f"{bsn[:4]}{separator}{bsn[4:6]}{separator}{bsn[6:]}"

    found = find_identifiers(f"{before} {written} {after}", today=TODAY)

    assert [f.kind for f in found] == [IdentifierKind.BSN]


@given(st.text(alphabet=string.digits, min_size=9, max_size=9))
def test_a_nine_digit_number_failing_the_eleven_test_is_no_bsn(number):
    assume(not passes_eleven_test(number))

    assert IdentifierKind.BSN.value not in kinds(f"dossier {number} bij de gemeente")


@given(
    st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z]{2,10}\.(nl|com|org)", fullmatch=True),
)
def test_an_email_address_is_found(local, domain):
    assert kinds(f"mail naar {local}@{domain} graag") == ["email"]


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31612345678",
        "0031 (0)20 123 4567",
        "020-1234567",
        "(010) 123 45 67",
    ],
)
def test_dutch_telephone_numbers_are_found(phone):
    assert kinds(f"Bereikbaar op {phone}, na vijven.") == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "Zoon, geboren op 3 maart 2025, heeft zorg nodig.",
        "geb. 12-05-2024",
        "Geboortedatum: 2025-11-30.",
        "Vader 14/02/1979 woont in.",
        "dochter 7 jan 1990",
    ],
)
def test_dates_of_birth_are_found(text):
    assert kinds(text) == ["date_of_birth"]


@pytest.mark.parametrize(
    "text",
    [
        "Overleg met de corporatie op 14-04-2026.",
        "Brief van de SVB van 2 maart 2026.",
        "Besluit 2026-01-15 is nog niet uitgevoerd.",
        "Huur is 812 euro per maand, schuld 4.500 euro.",
        "Participatiewet artikel 22a, kostendelersnorm.",
        "Het gezin wacht 18 maanden op een woning in 2025 en 2026.",
    ],
)
def test_ordinary_case_text_raises_no_alarm(text):
    assert kinds(text) == []


def test_a_postcode_and_an_iban_are_found():
    assert kinds("Woont op 3512 AB, rekening NL91 ABNA 0417 1643 00.") == [
        "postcode",
        "iban",
    ]


def test_findings_say_where_the_identifier_is():
    text = "Bel 06-12345678 of mail a@b.nl"

    found = find_identifiers(text, today=TODAY)

    assert [text[f.start : f.end] for f in found] == ["06-12345678", "a@b.nl"]


@given(st.text(alphabet=string.ascii_letters + " ,;:'()", max_size=80))
def test_text_without_digits_or_at_signs_has_no_identifiers(text):
    assert kinds(text) == []


@given(
    st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=3, max_size=3),
    st.text(alphabet="23456789", min_size=3, max_size=3),
)
def test_codes_shaped_as_the_generated_ones_are_valid(letters, digits):
    assert is_valid_household_code(f"HH-{letters}{digits}", today=TODAY)


def test_a_code_hiding_a_postcode_is_refused():
    assert not is_valid_household_code("HH-2222AA", today=TODAY)


@pytest.mark.parametrize(
    "code", ["111222333", "06-12345678", "Piet Jansen", "x", "p@x.nl", "3512AB"]
)
def test_identifiers_and_names_are_no_household_code(code):
    assert not is_valid_household_code(code, today=TODAY)
