# SPDX-License-Identifier: EUPL-1.2
"""The ladder: cases climb, skip only with a reason, and escalate past deadlines."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.breakthroughs.ladder import (
    DEFAULT_NORM_DAYS,
    LADDER,
    CaseClock,
    LadderError,
    Level,
    Outcome,
    Rung,
    check_history,
    check_outcome,
    deadline_at,
    next_level,
    overdue_escalations,
    plan_move,
    rank,
)

levels = st.sampled_from(LADDER)
reasons = st.text(min_size=0, max_size=20)
days = st.dates(datetime.date(2024, 1, 1), datetime.date(2028, 12, 31))
clocks = st.lists(
    st.builds(CaseClock, st.integers(1, 10_000), levels, days, st.booleans()),
    unique_by=lambda clock: clock.key,
    max_size=30,
)


@given(levels, levels, reasons)
def test_a_move_is_allowed_only_upwards_and_skips_only_with_a_reason(
    current, target, reason
):
    climbs = rank(target) > rank(current)
    adjacent = rank(target) == rank(current) + 1
    allowed = climbs and (adjacent or bool(reason.strip()))

    if allowed:
        move = plan_move(current, target, reason=reason)
        assert move.skipped == LADDER[rank(current) + 1 : rank(target)]
    else:
        with pytest.raises(LadderError):
            plan_move(current, target, reason=reason)


def test_skipping_names_the_levels_skipped():
    with pytest.raises(LadderError, match="programme_bureau, breakthrough_table"):
        plan_move(Level.FRONT_LINE, Level.NATIONAL, reason="")


@given(clocks, days)
def test_escalation_climbs_exactly_one_level_and_only_past_the_deadline(cases, today):
    by_key = {case.key: case for case in cases}

    for step in overdue_escalations(cases, today):
        case = by_key[step.key]
        assert case.deadline < today
        assert step.from_level is case.level
        assert step.to_level is next_level(case.level)
        if step.to_level is not None:
            assert step.deadline == deadline_at(step.to_level, today)
            assert step.deadline > today
        else:
            assert not case.flagged


@given(clocks, days)
def test_every_overdue_case_climbs_or_is_flagged(cases, today):
    handled = {step.key for step in overdue_escalations(cases, today)}

    for case in cases:
        overdue = case.deadline < today
        already_flagged = case.level is Level.NATIONAL and case.flagged
        assert (case.key in handled) == (overdue and not already_flagged)


def _apply(cases: list[CaseClock], today: datetime.date) -> list[CaseClock]:
    steps = {step.key: step for step in overdue_escalations(cases, today)}
    result = []
    for case in cases:
        step = steps.get(case.key)
        if step is None:
            result.append(case)
        elif step.to_level is None:
            result.append(CaseClock(case.key, case.level, case.deadline, True))
        else:
            assert step.deadline is not None
            result.append(CaseClock(case.key, step.to_level, step.deadline))
    return result


@given(clocks, days)
def test_running_the_job_twice_on_one_day_changes_nothing_the_second_time(cases, today):
    assert overdue_escalations(_apply(cases, today), today) == ()


@given(days, st.integers(0, 400))
def test_a_daily_job_builds_a_history_the_ladder_accepts(opened, run_for):
    case = CaseClock(1, Level.FRONT_LINE, deadline_at(Level.FRONT_LINE, opened))
    history = [Rung(Level.FRONT_LINE, opened)]
    for offset in range(run_for):
        today = opened + datetime.timedelta(days=offset)
        [after] = _apply([case], today)
        if after.level is not case.level:
            history.append(Rung(after.level, today, reason="deadline passed"))
        case = after

    check_history(history)
    total = sum(DEFAULT_NORM_DAYS[level] for level in LADDER[:-1])
    if run_for > total + len(LADDER):
        assert case.level is Level.NATIONAL


def test_a_history_that_climbs_down_is_refused():
    day = datetime.date(2026, 1, 1)

    with pytest.raises(LadderError, match="only climbs"):
        check_history([Rung(Level.BUREAU, day, "urgent"), Rung(Level.FRONT_LINE, day)])


def test_a_case_opened_high_needs_a_reason():
    day = datetime.date(2026, 1, 1)

    with pytest.raises(LadderError):
        check_history([Rung(Level.ALLIANCE, day)])
    check_history([Rung(Level.ALLIANCE, day, "Two budgets of partners collide.")])


@pytest.mark.parametrize(
    ("outcome", "values", "message"),
    [
        (Outcome.INCIDENTAL, {"household_result": " "}, "household"),
        (Outcome.NOT_POSSIBLE, {"household_result": "x"}, "reason"),
        (Outcome.STRUCTURAL, {"household_result": "x"}, "changed"),
    ],
)
def test_closing_needs_the_parts_of_its_outcome(outcome, values, message):
    with pytest.raises(LadderError, match=message):
        check_outcome(outcome, **values)
