# SPDX-License-Identifier: EUPL-1.2
"""Promised against delivered: exact sums per partner and kind."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.programme.commitments import (
    Contribution,
    promised_versus_delivered,
)

contributions = st.lists(
    st.builds(
        Contribution,
        partner=st.sampled_from(["gemeente", "woonstichting", "politie", "rijk"]),
        year=st.integers(2022, 2027),
        kind=st.sampled_from(["money", "staff", "other"]),
        promised=st.integers(0, 10**9),
        delivered=st.integers(0, 10**9),
    ),
    max_size=30,
)


@given(contributions, st.integers(2021, 2028))
def test_the_balances_add_up_to_the_commitments(items, year):
    rows = promised_versus_delivered(items, up_to_year=year)

    assert sum(row.promised for row in rows) == sum(item.promised for item in items)
    assert sum(row.delivered for row in rows) == sum(item.delivered for item in items)
    assert sum(row.due for row in rows) == sum(
        item.promised for item in items if item.year <= year
    )


@given(contributions, st.integers(2021, 2028))
def test_a_shortfall_is_never_negative_and_only_when_less_is_delivered(items, year):
    for row in promised_versus_delivered(items, up_to_year=year):
        assert row.shortfall >= 0
        assert row.falls_short is (row.delivered < row.due)


@given(contributions, st.integers(2021, 2028))
def test_each_partner_and_kind_appears_once(items, year):
    rows = promised_versus_delivered(items, up_to_year=year)

    keys = [(row.partner, row.kind) for row in rows]
    assert len(keys) == len(set(keys)) == len({(i.partner, i.kind) for i in items})


def test_promises_for_later_years_are_not_yet_due():
    rows = promised_versus_delivered(
        [
            Contribution("rijk", 2024, "money", 300, 100),
            Contribution("rijk", 2026, "money", 300),
        ],
        up_to_year=2025,
    )

    assert rows[0].promised == 600
    assert rows[0].due == 300
    assert rows[0].shortfall == 200
    assert rows[0].delivered_share == Fraction(1, 3)
