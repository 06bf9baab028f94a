# SPDX-License-Identifier: EUPL-1.2
"""The invitation lottery: stratified, reproducible from the seed, verifiable."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.addresses import dutch_address
from wijkaanpak.core.panels.codes import is_valid_code
from wijkaanpak.core.panels.invitations import (
    InvitationAddress,
    draw_invitation_positions,
    invitation_lottery,
    verify_invitation_draw,
)
from wijkaanpak.core.panels.strata import largest_remainder_allocation


def area(sizes: dict[str, int]) -> list[InvitationAddress]:
    addresses = []
    for position, (neighbourhood, size) in enumerate(sorted(sizes.items())):
        for number in range(1, size + 1):
            postcode = f"{3511 + position}AB"
            letter = "" if number % 7 else "a"
            addresses.append(
                InvitationAddress(
                    dutch_address(postcode, f"{number}{letter}"),
                    neighbourhood,
                    "Teststraat",
                    "Utrecht",
                )
            )
    return addresses


def test_letters_follow_the_number_of_addresses_per_neighbourhood():
    draw = invitation_lottery(
        area({"BU01": 600, "BU02": 300, "BU03": 100}), 50, seed="1 2 3"
    )
    assert [(s.neighbourhood, s.letters) for s in draw.strata] == [
        ("BU01", 30),
        ("BU02", 15),
        ("BU03", 5),
    ]
    drawn = [invitation.address.neighbourhood for invitation in draw.invitations]
    assert drawn.count("BU01") == 30
    assert len({invitation.address.address for invitation in draw.invitations}) == 50


def test_largest_remainders_decide_the_last_letters():
    draw = invitation_lottery(area({"a": 5, "b": 3, "c": 2}), 7, seed="x")
    assert [s.letters for s in draw.strata] == [4, 2, 1]


def test_oversampling_sends_more_letters_to_a_neighbourhood():
    plain = invitation_lottery(area({"a": 100, "b": 100}), 20, seed="5")
    doubled = invitation_lottery(
        area({"a": 100, "b": 100}), 20, seed="5", oversampling={"b": 3}
    )
    assert [s.letters for s in plain.strata] == [10, 10]
    assert [s.letters for s in doubled.strata] == [5, 15]
    assert doubled.summary()["strata"][1]["oversampling"] == "3"


def test_an_oversampled_neighbourhood_never_gets_more_letters_than_addresses():
    draw = invitation_lottery(
        area({"a": 100, "b": 4}), 20, seed="5", oversampling={"b": 10}
    )
    assert [s.letters for s in draw.strata] == [16, 4]


@given(
    st.lists(st.integers(0, 40), min_size=1, max_size=6),
    st.lists(st.sampled_from([1, 2, Fraction(3, 2)]), min_size=6, max_size=6),
    st.data(),
)
def test_allocations_are_within_the_sizes_and_sum_to_the_total(sizes, factors, data):
    total = data.draw(st.integers(0, sum(sizes)))
    named = [(f"s{i}", size) for i, size in enumerate(sizes)]
    weights = {f"s{i}": factors[i] for i in range(len(sizes))}
    allocation = largest_remainder_allocation(named, total, factors=weights)
    assert sum(count for _, count in allocation) == total
    assert all(
        0 <= count <= size
        for (_, size), (_, count) in zip(named, allocation, strict=True)
    )


def test_the_same_seed_gives_the_same_addresses_in_any_input_order():
    addresses = area({"a": 40, "b": 25, "c": 9})
    shuffled = list(addresses)
    random.Random(3).shuffle(shuffled)
    first = invitation_lottery(addresses, 12, seed="17 04 33")
    again = invitation_lottery(shuffled, 12, seed=" 17  04 33 ")
    assert [i.address for i in first.invitations] == [
        i.address for i in again.invitations
    ]
    assert first.strata == again.strata
    assert first.fingerprint == again.fingerprint


def test_another_seed_gives_other_addresses():
    addresses = area({"a": 400})
    first = invitation_lottery(addresses, 10, seed="1")
    other = invitation_lottery(addresses, 10, seed="2")
    assert first.strata[0].positions != other.strata[0].positions


def test_codes_are_unique_valid_and_not_derived_from_the_seed():
    addresses = area({"a": 300, "b": 300})
    first = invitation_lottery(addresses, 200, seed="9")
    again = invitation_lottery(addresses, 200, seed="9")
    codes = [invitation.code for invitation in first.invitations]
    assert len(set(codes)) == 200
    assert all(is_valid_code(code) for code in codes)
    # Same seed, same addresses, but new codes: knowing the seed reveals no code.
    assert [i.address for i in first.invitations] == [
        i.address for i in again.invitations
    ]
    assert not set(codes) & {invitation.code for invitation in again.invitations}


def test_codes_of_an_earlier_round_are_not_issued_again():
    # The same stand-in source would repeat the first round's codes exactly.
    first = invitation_lottery(
        area({"a": 30}), 10, seed="1", randbelow=random.Random(4).randrange
    )
    taken = {invitation.code for invitation in first.invitations}
    draw = invitation_lottery(
        area({"a": 30}),
        10,
        seed="2",
        taken_codes=taken,
        randbelow=random.Random(4).randrange,
    )
    assert not taken & {invitation.code for invitation in draw.invitations}


def test_the_draw_needs_only_the_seed_and_the_published_counts():
    addresses = area({"BU01": 50, "BU02": 20})
    draw = invitation_lottery(addresses, 9, seed="3 1 4", oversampling={"BU02": 2})
    again = draw_invitation_positions(
        [("BU02", 20), ("BU01", 50)], 9, seed="3 1 4", oversampling={"BU02": 2}
    )
    assert again == draw.strata


def test_a_published_summary_verifies_and_a_changed_one_does_not():
    addresses = area({"BU01": 50, "BU02": 20})
    summary = invitation_lottery(addresses, 9, seed="3 1 4").summary()
    assert verify_invitation_draw(summary, addresses=addresses).matches
    summary["strata"][0]["positions"][0] += 1
    result = verify_invitation_draw(summary)
    assert not result.matches
    assert "BU01" in result.explanation


def test_verification_catches_another_address_list():
    addresses = area({"BU01": 50, "BU02": 20})
    summary = invitation_lottery(addresses, 9, seed="3 1 4").summary()
    other = area({"BU01": 50, "BU02": 21})[:-1]
    other[0] = InvitationAddress(dutch_address("9999AA", "1"), "BU01")
    result = verify_invitation_draw(summary, addresses=other)
    assert not result.matches
    assert "fingerprint" in result.explanation


def test_an_address_listed_twice_is_refused():
    addresses = area({"a": 3})
    twice = [*addresses, InvitationAddress(addresses[0].address, "b")]
    with pytest.raises(WijkaanpakError, match="1, 3511 AB is in the list twice"):
        invitation_lottery(twice, 1, seed="1")


def test_more_letters_than_addresses_is_refused():
    with pytest.raises(WijkaanpakError, match="Cannot send 5 letters to 4 addresses"):
        invitation_lottery(area({"a": 4}), 5, seed="1")


def test_oversampling_an_unknown_neighbourhood_is_refused():
    with pytest.raises(WijkaanpakError, match="BU99"):
        invitation_lottery(area({"a": 4}), 2, seed="1", oversampling={"BU99": 2})


@settings(max_examples=30, deadline=None)
@given(
    st.dictionaries(st.sampled_from("abcde"), st.integers(1, 30), min_size=1), st.data()
)
def test_every_drawn_position_points_at_a_distinct_address(sizes, data):
    letters = data.draw(st.integers(0, sum(sizes.values())))
    draw = invitation_lottery(area(sizes), letters, seed=str(letters))
    assert len(draw.invitations) == letters
    for stratum in draw.strata:
        assert len(set(stratum.positions)) == stratum.letters
        assert all(0 <= p < stratum.addresses for p in stratum.positions)
