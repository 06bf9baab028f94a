# SPDX-License-Identifier: EUPL-1.2
"""The participation ladder: counting moves and valuing them."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.impact.ladder import RungValue, ladder_benefits, ladder_moves

rungs = st.dictionaries(st.text(min_size=1, max_size=4), st.integers(1, 6), max_size=30)


def test_moves_count_only_people_measured_twice():
    moves = ladder_moves({"a": 1, "b": 4, "c": 6, "gone": 2}, {"a": 2, "b": 6, "c": 5})
    assert (moves.up, moves.down, moves.stable) == (2, 1, 0)
    assert moves.steps_up == 1 + 2 - 1
    assert moves.participants == 3
    assert dict(moves.moves) == {(1, 2): 1, (4, 6): 1, (6, 5): 1}


def test_an_unknown_rung_is_refused():
    with pytest.raises(WijkaanpakError, match="rungs 1 to 6"):
        ladder_moves({"a": 7}, {"a": 6})


def test_benefits_by_hand():
    # 10 people from rung 4 to 6 and 2 from 6 to 5. The municipality saves
    # 15,000 a year at rung 6 and 5,000 at rung 5: 10 * 15,000 + 2 * (5,000 -
    # 15,000) = 130,000 in the first year, 80 % of that in the second.
    values = [
        RungValue(6, "Gemeente", 15_000_00, "bijstand"),
        RungValue(5, "Gemeente", 5_000_00, "bijstand"),
    ]
    benefits = ladder_benefits(
        [((4, 6), 10), ((6, 5), 2)],
        values,
        first_year=2026,
        years=2,
        retention=Fraction(4, 5),
    )
    assert [(b.year, b.amount) for b in benefits] == [
        (2026, 130_000_00),
        (2027, 104_000_00),
    ]


@given(rungs, rungs)
def test_up_down_and_stable_add_up(before, after):
    moves = ladder_moves(before, after)
    assert moves.participants == len(set(before) & set(after))
    assert moves.up + moves.down + moves.stable == sum(n for _m, n in moves.moves)


@given(rungs, rungs, st.integers(1, 20_000_00))
def test_moving_nobody_up_is_worth_nothing_when_only_paid_work_counts(
    before, after, value
):
    moves = ladder_moves(before, {key: before[key] for key in after if key in before})
    assert (
        ladder_benefits(
            moves.moves, [RungValue(6, "Gemeente", value)], first_year=2026, years=3
        )
        == ()
    )
