# SPDX-License-Identifier: EUPL-1.2
"""Replacements keep every quota and the household rule, and skip drop-outs."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from wijkaanpak.core.panels.leximin import leximin_panel_distribution
from wijkaanpak.core.panels.lottery import draw_panel, generator_from_seed
from wijkaanpak.core.panels.model import PanelInstance, Person, Quota
from wijkaanpak.core.panels.quotas import InfeasibleQuotasError
from wijkaanpak.core.panels.replacements import (
    NoReplacementError,
    replace_dropouts,
    replacement_distribution,
)
from wijkaanpak.core.panels.verify import verify_draw


@st.composite
def drawn_panels(draw: st.DrawFn) -> tuple[PanelInstance, tuple[str, ...], list[str]]:
    size = draw(st.integers(4, 12))
    people = tuple(
        Person(
            f"p{i:02}",
            (
                ("gender", draw(st.sampled_from("fm"))),
                ("age", draw(st.sampled_from("yo"))),
            ),
            household=f"h{draw(st.integers(0, size))}",
        )
        for i in range(size)
    )
    k = draw(st.integers(1, size - 1))
    quotas = []
    for feature, values in (("gender", "fm"), ("age", "yo")):
        for value in values:
            low = draw(st.integers(0, k // 2))
            quotas.append(Quota(feature, value, low, draw(st.integers(low, k))))
    instance = PanelInstance(people, tuple(quotas), k, draw(st.booleans()))
    try:
        distribution = leximin_panel_distribution(instance)
    except InfeasibleQuotasError:
        assume(False)
    panel = draw_panel(distribution, rng=random.Random(draw(st.integers(0, 99))))
    dropped = draw(
        st.lists(st.sampled_from(panel), min_size=1, max_size=len(panel), unique=True)
    )
    return instance, panel, dropped


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(drawn_panels(), st.integers(0, 99))
def test_replacements_keep_every_rule_or_explain_why_not(drawn, seed):
    instance, panel, dropped = drawn
    try:
        result = replace_dropouts(instance, panel, dropped, rng=random.Random(seed))
    except NoReplacementError as error:
        message = str(error)
        assert "seat" in message
        return
    # Quotas, size and (if asked) one member per household hold for the new panel.
    assert instance.is_valid_panel(result.panel)
    assert not set(result.replacements) & set(dropped)
    assert not set(result.replacements) & set(panel)
    assert set(result.kept) == set(panel) - set(dropped)
    assert len(result.replacements) == len(dropped)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn_panels())
def test_the_replacement_lottery_never_offers_a_panel_member(drawn):
    instance, panel, dropped = drawn
    try:
        distribution = replacement_distribution(instance, panel, dropped)
    except NoReplacementError:
        return
    offered = {member for option in distribution.panels for member in option.members}
    assert not offered & set(panel)


def pool() -> tuple[Person, ...]:
    # Four young women, four young men, two old women, two old men.
    people = []
    for i in range(12):
        gender = "fm"[i % 2]
        age = "old" if i >= 8 else "young"
        people.append(Person(f"p{i:02}", (("gender", gender), ("age", age)), f"h{i}"))
    return tuple(people)


QUOTAS = (
    Quota("gender", "f", 2, 2),
    Quota("gender", "m", 2, 2),
    Quota("age", "old", 2, 2),
)


def test_a_drop_out_is_replaced_by_someone_with_the_same_values():
    instance = PanelInstance(pool(), QUOTAS, 4)
    panel = ["p00", "p01", "p08", "p09"]
    result = replace_dropouts(instance, panel, ["p08"], rng=random.Random(3))
    # p08 is an old woman; the only old woman left is p10.
    assert result.replacements == ("p10",)
    assert result.panel == ("p00", "p01", "p09", "p10")


def test_unavailable_volunteers_and_housemates_are_not_asked():
    people = list(pool())
    people[10] = Person("p10", people[10].features, "h0")  # lives with p00
    instance = PanelInstance(tuple(people), QUOTAS, 4, one_per_household=True)
    with pytest.raises(NoReplacementError) as caught:
        replace_dropouts(
            instance, ["p00", "p01", "p08", "p09"], ["p08"], rng=random.Random(1)
        )
    message = str(caught.value)
    assert "at least 2 with age = old (the members who stay have 1, so 1 more" in (
        message
    )
    assert "lower the minimum for age = old from 2 to 1" in message


def test_an_unreplaceable_quota_is_named_in_whole_panel_terms():
    instance = PanelInstance(pool(), QUOTAS, 4)
    with pytest.raises(NoReplacementError) as caught:
        replace_dropouts(
            instance,
            ["p00", "p01", "p08", "p09"],
            ["p08"],
            rng=random.Random(1),
            unavailable=["p10"],
        )
    check = caught.value.check
    assert check is not None
    # The only old volunteer left is a man, and the men's seats are full.
    assert [bound.describe() for bound in check.conflicting] == [
        "at most 2 with gender = m",
        "at least 2 with age = old",
    ]
    assert [change.describe() for change in check.relaxations] == [
        "lower the minimum for age = old from 2 to 1"
    ]


def test_a_drop_out_who_is_not_on_the_panel_is_refused():
    instance = PanelInstance(pool(), QUOTAS, 4)
    with pytest.raises(NoReplacementError, match="p05 dropped out but is not on"):
        replace_dropouts(
            instance, ["p00", "p01", "p08", "p09"], ["p05"], rng=random.Random(1)
        )


def test_replacements_are_reproducible_and_verifiable_from_the_seed():
    instance = PanelInstance(pool(), QUOTAS, 4)
    panel = ["p00", "p01", "p08", "p09"]
    first = replace_dropouts(instance, panel, ["p00"], rng=generator_from_seed("8 1"))
    again = replace_dropouts(instance, panel, ["p00"], rng=generator_from_seed("8 1"))
    assert first == again
    assert verify_draw(first.distribution, "8 1", first.replacements).matches
    chances = dict(first.distribution.probabilities())
    # Every young woman left gets the same chance to replace p00.
    for young_woman in ("p02", "p04", "p06"):
        assert chances[young_woman] == pytest.approx(1 / 3)
