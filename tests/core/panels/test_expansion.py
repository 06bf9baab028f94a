# SPDX-License-Identifier: EUPL-1.2
"""Class panels split into named panels: quotas, weights and exact marginals."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.panels.expansion import ClassSeats, expand_class_panel
from wijkaanpak.core.panels.model import PanelInstance, Person, Quota


@st.composite
def class_panels(draw: st.DrawFn) -> tuple[list[str], list[ClassSeats], Fraction]:
    sure = [f"s{i}" for i in range(draw(st.integers(0, 3)))]
    classes = []
    for label in range(draw(st.integers(0, 4))):
        size = draw(st.integers(1, 12))
        members = tuple(f"c{label}-{i:02d}" for i in range(size))
        classes.append(ClassSeats(members, draw(st.integers(0, size))))
    weight = draw(
        st.one_of(
            st.integers(1, 2**40),
            st.fractions(min_value=Fraction(1, 10**6), max_value=1),
        )
    )
    return sure, classes, Fraction(weight)


@given(class_panels())
def test_named_panels_meet_quotas_and_keep_every_marginal_exact(case):
    sure, classes, weight = case
    pieces = expand_class_panel(sure, classes, weight)

    # Every named panel seats exactly the class panel's seats of each class:
    # as a pool with one feature value per class and quotas min = max = seats.
    people = tuple(Person(name, (("class", "sure"),)) for name in sure) + tuple(
        Person(name, (("class", str(label)),))
        for label, group in enumerate(classes)
        for name in group.members
    )
    quotas = (
        Quota("class", "sure", len(sure), len(sure)),
        *(
            Quota("class", str(label), group.seats, group.seats)
            for label, group in enumerate(classes)
        ),
    )
    size = len(sure) + sum(group.seats for group in classes)
    instance = PanelInstance(people, quotas, size)
    for members, _ in pieces:
        assert instance.is_valid_panel(members)
        assert list(members) == sorted(members)

    # Distinct panels, positive weights summing to the class panel's weight.
    assert len({members for members, _ in pieces}) == len(pieces)
    assert all(share > 0 for _, share in pieces)
    assert sum(share for _, share in pieces) == weight

    # Marginals exact: a sure member gets the whole weight, a member of a
    # class seats / size of it.
    marginal = dict.fromkeys(instance.ids, Fraction(0))
    for members, share in pieces:
        for member in members:
            marginal[member] += share
    for name in sure:
        assert marginal[name] == weight
    for group in classes:
        for name in group.members:
            assert marginal[name] == weight * group.chance

    # Few panels: at most one more than the rotations of all classes together
    # (a class seated whole or not at all has one), not their product.
    periods = [len(g.members) // math.gcd(len(g.members), g.seats) for g in classes]
    assert len(pieces) <= 1 + sum(period - 1 for period in periods)


def test_one_class_rotates_its_seats():
    pieces = expand_class_panel((), (ClassSeats(("a", "b", "c", "d"), 2),), 1)
    assert pieces == [(("a", "c"), Fraction(1, 2)), (("b", "d"), Fraction(1, 2))]


def test_whole_and_empty_classes_give_one_panel():
    pieces = expand_class_panel(
        ("z",), (ClassSeats(("a", "b"), 2), ClassSeats(("c", "d"), 0)), 7
    )
    assert pieces == [(("a", "b", "z"), Fraction(7))]


def test_overlapping_classes_are_refused():
    with pytest.raises(ValueError, match="disjoint"):
        expand_class_panel(("a",), (ClassSeats(("a", "b"), 1),))
    with pytest.raises(ValueError, match="cannot seat"):
        ClassSeats(("a", "b"), 3)
