# SPDX-License-Identifier: EUPL-1.2
"""Figures of cases and the register of blocking rules: exact, then suppressed."""

from __future__ import annotations

import datetime
import random
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.breakthroughs.figures import (
    CaseFacts,
    case_figures,
    publish,
    suppress_small,
)
from wijkaanpak.core.breakthroughs.ladder import LADDER, Outcome
from wijkaanpak.core.breakthroughs.register import RuleHit, rule_register

TODAY = datetime.date(2026, 6, 1)
outcomes = st.one_of(st.none(), st.sampled_from(list(Outcome)))


@st.composite
def facts(draw) -> CaseFacts:
    opened = draw(st.dates(datetime.date(2024, 1, 1), TODAY))
    outcome = draw(outcomes)
    decided = (
        None
        if outcome is None
        else opened + datetime.timedelta(days=draw(st.integers(0, 400)))
    )
    return CaseFacts(draw(st.sampled_from(LADDER)), opened, outcome, decided)


@given(st.lists(facts(), max_size=60))
def test_the_figures_account_for_every_case(cases):
    figures = case_figures(cases, today=TODAY)

    grid_total = sum(sum(row) for _level, row in figures.open_by_level)
    assert grid_total == figures.open_cases == sum(1 for c in cases if c.is_open)
    assert figures.open_cases + figures.closed_cases == len(cases)
    if figures.share_structural is not None:
        assert 0 <= figures.share_structural <= 1


@given(st.lists(facts(), max_size=60))
def test_the_median_lies_between_the_fastest_and_slowest_breakthrough(cases):
    durations = [
        (c.decided_on - c.opened_on).days
        for c in cases
        if c.outcome in {Outcome.INCIDENTAL, Outcome.STRUCTURAL} and c.decided_on
    ]

    median = case_figures(cases, today=TODAY).median_days_to_breakthrough

    if durations:
        assert min(durations) <= median <= max(durations)
    else:
        assert median is None


@given(st.lists(facts(), max_size=40))
def test_published_figures_never_show_a_count_from_one_to_nine(cases):
    shown = publish(case_figures(cases, today=TODAY))

    counts = [c for _level, row in shown.open_by_level for c in row]
    counts += [shown.open_cases, shown.closed_cases, shown.breakthroughs]
    counts += [count for _outcome, count in shown.outcomes]
    assert not any(count is not None and 0 < count < 10 for count in counts)
    if shown.breakthroughs is None:
        assert shown.median_days_to_breakthrough is None
        assert shown.share_structural is None


def test_the_share_structural_is_of_the_breakthroughs_only():
    day = datetime.date(2026, 1, 1)
    cases = [
        CaseFacts(LADDER[1], day, Outcome.STRUCTURAL, day),
        CaseFacts(LADDER[1], day, Outcome.INCIDENTAL, day),
        CaseFacts(LADDER[1], day, Outcome.INCIDENTAL, day),
        CaseFacts(LADDER[1], day, Outcome.NOT_POSSIBLE, day),
    ]

    assert case_figures(cases, today=day).share_structural == Fraction(1, 3)


def test_zero_is_shown_and_ten_is_shown():
    assert [suppress_small(n) for n in (0, 1, 9, 10)] == [0, None, None, 10]


hits = st.lists(
    st.builds(
        RuleHit,
        st.sampled_from(["a", "b", "c", "d"]),
        st.sampled_from(["oost", "west", "noord"]),
        outcomes,
        st.one_of(st.none(), st.integers(2024, 2026)),
    ),
    max_size=50,
)


@given(hits)
def test_the_register_counts_every_hit_once(all_hits):
    register = rule_register(all_hits)

    assert sum(tally.cases for tally in register) == len(all_hits)
    for tally in register:
        mine = [hit for hit in all_hits if hit.rule == tally.rule]
        assert tally.cases == len(mine)
        assert tally.areas_hit == len({hit.area for hit in mine})
        assert tally.structural == sum(
            1 for hit in mine if hit.outcome is Outcome.STRUCTURAL
        )
        assert (
            tally.open + tally.incidental + tally.structural + tally.not_possible
            == tally.cases
        )


@given(hits, st.randoms(use_true_random=False))
def test_the_register_does_not_depend_on_the_order_of_the_cases(all_hits, rng):
    shuffled = list(all_hits)
    rng.shuffle(shuffled)

    assert rule_register(shuffled) == rule_register(all_hits)


@given(hits)
def test_the_rules_that_block_most_come_first(all_hits):
    counts = [tally.cases for tally in rule_register(all_hits)]

    assert counts == sorted(counts, reverse=True)


def test_another_area_sees_where_the_rule_was_already_broken_through():
    register = rule_register(
        [
            RuleHit("kostendelersnorm", "oost", Outcome.INCIDENTAL, 2025),
            RuleHit("kostendelersnorm", "noord", Outcome.STRUCTURAL, 2026),
            RuleHit("kostendelersnorm", "zuid", Outcome.NOT_POSSIBLE, 2026),
            RuleHit("kostendelersnorm", "west"),
        ]
    )

    elsewhere = register[0].broken_through_elsewhere("west")

    assert [(t.area, t.structural_years) for t in elsewhere] == [
        ("noord", (2026,)),
        ("oost", ()),
    ]


def test_a_seeded_shuffle_is_reproducible():
    # The register's order must not hinge on set or dict order either.
    rng = random.Random(4)
    items = [RuleHit(rule, "oost") for rule in "dcba"]
    rng.shuffle(items)

    assert [t.rule for t in rule_register(items)] == ["a", "b", "c", "d"]
