# SPDX-License-Identifier: EUPL-1.2
"""Organisations and people of the demo programme."""

from __future__ import annotations

import random

from wijkaanpak.core.demo.alliance import (
    ORGANISATION_KINDS,
    alliance_people,
    demo_organisations,
)


def test_every_person_works_for_a_listed_organisation() -> None:
    keys = {org.key for org in demo_organisations("Havenstad", "Havenstad Zuid")}
    people = alliance_people(rng=random.Random(3))
    assert {person.organisation_key for person in people} <= keys


def test_the_programme_has_the_partners_of_an_alliance() -> None:
    kinds = {org.kind for org in demo_organisations("Havenstad", "Havenstad Zuid")}
    assert kinds == set(ORGANISATION_KINDS) - {"other"}


def test_names_change_with_the_generator_but_logins_do_not() -> None:
    first = alliance_people(rng=random.Random(1))
    second = alliance_people(rng=random.Random(2))
    assert [p.username for p in first] == [p.username for p in second]
    assert [p.name for p in first] != [p.name for p in second]
    assert len({p.name for p in first}) == len(first)
