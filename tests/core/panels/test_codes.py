# SPDX-License-Identifier: EUPL-1.2
"""Registration codes: easy to type, typing errors caught, never repeated."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.panels.codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    check_character,
    format_code,
    is_valid_code,
    new_registration_code,
)

codes = st.text(CODE_ALPHABET, min_size=CODE_LENGTH - 1, max_size=CODE_LENGTH - 1).map(
    lambda payload: payload + check_character(payload)
)


def test_the_alphabet_has_no_characters_that_look_alike():
    assert not set("0O1I") & set(CODE_ALPHABET)
    assert len(set(CODE_ALPHABET)) == 32


def test_new_codes_are_valid_and_have_the_printed_form():
    code = new_registration_code()
    assert len(code) == CODE_LENGTH
    assert is_valid_code(code)
    printed = format_code(code)
    assert printed[5] == "-"
    assert is_valid_code(f"  {printed.lower()} ")


@given(codes, st.integers(0, CODE_LENGTH - 1), st.sampled_from(CODE_ALPHABET))
def test_every_single_typing_error_is_caught(code, position, character):
    typed = code[:position] + character + code[position + 1 :]
    assert is_valid_code(typed) == (typed == code)


@given(codes, st.integers(0, CODE_LENGTH - 2))
def test_swapped_neighbours_are_caught_except_2_and_z(code, position):
    first, second = code[position], code[position + 1]
    swapped = code[:position] + second + first + code[position + 2 :]
    if first == second or {first, second} == {"2", "Z"}:
        return
    assert not is_valid_code(swapped)


def test_a_code_that_is_taken_is_drawn_again():
    rng = random.Random(1)
    first = new_registration_code(randbelow=random.Random(1).randrange)
    second = new_registration_code(taken={first}, randbelow=rng.randrange)
    assert second != first
    assert is_valid_code(second)


def test_wrong_lengths_and_characters_are_invalid():
    code = new_registration_code()
    assert not is_valid_code(code[:-1])
    assert not is_valid_code(code + "A")
    assert not is_valid_code(code[:-1] + "0")
    assert not is_valid_code("")
