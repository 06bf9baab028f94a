# SPDX-License-Identifier: EUPL-1.2
"""Duplicate suggestions and the figures of fixing the visible."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.reports.duplicates import (
    Candidate,
    distance_in_metres,
    suggest_duplicates,
)
from wijkaanpak.core.reports.figures import (
    ProblemFacts,
    ReportFacts,
    nearest_rank,
    report_figures,
)

candidates = st.lists(
    st.builds(
        Candidate,
        st.integers(1, 10_000),
        st.sampled_from(["paving", "graffiti"]),
        st.floats(51.99, 52.01),
        st.floats(4.99, 5.01),
        st.booleans(),
    ),
    max_size=40,
    unique_by=lambda candidate: candidate.id,
)


@given(candidates, st.floats(0, 500))
def test_suggestions_are_open_same_category_near_and_nearest_first(found, radius):
    suggestions = suggest_duplicates(
        "paving", 52.0, 5.0, found, radius=radius, limit=100
    )
    by_id = {candidate.id: candidate for candidate in found}

    for suggestion in suggestions:
        candidate = by_id[suggestion.problem_id]
        assert candidate.is_open
        assert candidate.category == "paving"
        assert suggestion.distance <= round(radius) + 1
    distances = [suggestion.distance for suggestion in suggestions]
    assert distances == sorted(distances)


@given(candidates)
def test_no_open_nearby_problem_of_the_category_is_left_out(found):
    suggestions = suggest_duplicates("paving", 52.0, 5.0, found, radius=300, limit=100)
    expected = {
        c.id
        for c in found
        if c.is_open
        and c.category == "paving"
        and distance_in_metres(52.0, 5.0, c.latitude, c.longitude) <= 300
    }

    assert {s.problem_id for s in suggestions} == expected


def test_a_closed_problem_on_the_same_spot_is_not_suggested():
    closed = Candidate(1, "paving", 52.0, 5.0, is_open=False)

    assert suggest_duplicates("paving", 52.0, 5.0, [closed]) == ()


@given(st.lists(st.integers(0, 10_000), min_size=1), st.integers(1, 100))
def test_a_nearest_rank_percentile_is_an_observation_with_enough_below(minutes, pct):
    values = [timedelta(minutes=m) for m in minutes]
    result = nearest_rank(values, pct)

    assert result in values
    at_or_below = sum(1 for value in values if value <= result)
    assert Fraction(at_or_below, len(values)) >= Fraction(pct, 100)


START = datetime(2026, 3, 2, 9, tzinfo=UTC)


def problem(days_to_fix, *, deadline_day=5, claimed=True, reopened=0):
    verified = None if days_to_fix is None else START + timedelta(days=days_to_fix)
    return ProblemFacts(
        received_at=START,
        verified_at=verified,
        verified_on=verified.date() if verified else None,
        deadline=date(2026, 3, deadline_day),
        was_claimed=claimed,
        reopen_count=reopened,
    )


def test_only_verified_fixes_count_in_the_times_and_lateness():
    problems = [problem(1), problem(2), problem(10), problem(None, reopened=1)]
    reports = [
        ReportFacts(True, True, True),
        ReportFacts(True, False, None),
        ReportFacts(False, False, False),
    ]

    figures = report_figures(problems, reports)

    assert figures.verified == 3
    assert figures.median_time_to_fix == timedelta(days=2)
    assert figures.p90_time_to_fix == timedelta(days=10)
    assert figures.late == 1
    assert figures.late_share == Fraction(1, 3)
    assert figures.reopen_rate == Fraction(1, 4)
    assert figures.feedback_share == Fraction(1, 2)
    assert (figures.really_fixed_yes, figures.really_fixed_no) == (1, 1)


def test_no_data_gives_no_figure_rather_than_zero():
    figures = report_figures([], [])

    assert figures.median_time_to_fix is None
    assert figures.feedback_share is None
    assert figures.reopen_rate is None
