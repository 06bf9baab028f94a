# SPDX-License-Identifier: EUPL-1.2
"""The peer focus areas of the demo: other municipalities, same generator."""

from __future__ import annotations

import datetime

import pytest

from wijkaanpak.core.demo import generate_city
from wijkaanpak.core.demo.peers import PEER_NUMBERS, generate_peers
from wijkaanpak.core.errors import WijkaanpakError

TODAY = datetime.date(2026, 5, 1)


@pytest.fixture(scope="module")
def peers():
    return generate_peers(seed=2026, today=TODAY)


def test_each_peer_has_its_own_fictional_municipality(peers):
    codes = [peer.city.municipality.code for peer in peers]
    assert codes == [f"GM{number}" for number in PEER_NUMBERS]
    for peer in peers:
        number = peer.city.municipality.code[2:]
        assert all(n.code.startswith(f"BU{number}") for n in peer.city.neighbourhoods)
        assert peer.city.municipality.name.endswith("(fictief)")
        assert peer.city.national_sample == ()


def test_peers_are_the_same_for_the_same_seed(peers):
    assert generate_peers(seed=2026, today=TODAY) == peers


def test_a_peer_never_takes_a_city_name_in_use(peers):
    taken = frozenset({peers[0].city.municipality.name})
    again = generate_peers(seed=2026, today=TODAY, taken_names=taken)
    assert again[0].city.municipality.name not in taken
    assert len({peer.city.municipality.name for peer in again} | taken) == 3


def test_each_peer_has_a_small_programme_and_logins(peers):
    for peer in peers:
        keys = {o.key for o in peer.organisations}
        assert {m.owner_key for m in peer.programme.measures} <= keys
        assert {c.organisation_key for c in peer.programme.commitments} <= keys
        assert {p.role for p in peer.people} == {"bureau", "alliance", "professional"}
        assert peer.city.focus_area.director_key == peer.people[0].key
        assert not any(
            c.delivered for c in peer.programme.commitments if c.year >= 2026
        )


def test_the_demo_city_itself_is_unchanged_by_the_municipality_number():
    assert generate_city(seed=5, neighbourhoods=12, districts=2) == generate_city(
        seed=5, neighbourhoods=12, districts=2, number="9901"
    )


def test_a_real_municipality_number_is_refused():
    with pytest.raises(WijkaanpakError, match="99"):
        generate_city(seed=5, neighbourhoods=12, districts=2, number="0344")
