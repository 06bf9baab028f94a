# SPDX-License-Identifier: EUPL-1.2
"""Properties of the participation scan, the working-style profile and the trend."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkaanpak.core.mirror import (
    CLEAR_DIMENSIONS,
    PARTICIPATION_QUESTIONS,
    PROFILES,
    SLIDERS,
    compare_profiles,
    participation_scan,
    working_style_profile,
    yearly_trend,
)

#: Enough examples to find a counter-example; the suite stays fast.
few = settings(max_examples=40, deadline=None)
KEYS = [question.key for question in PARTICIPATION_QUESTIONS]
respondents = st.lists(
    st.dictionaries(st.sampled_from(KEYS), st.integers(1, 5)), max_size=5
)
sliders = st.fixed_dictionaries({slider: st.integers(0, 100) for slider in SLIDERS})


def test_responded_to_is_measured_not_asked():
    assert not [q for q in PARTICIPATION_QUESTIONS if q.factor == "responded_to"]
    assert {q.factor for q in PARTICIPATION_QUESTIONS} == set(CLEAR_DIMENSIONS) - {
        "responded_to"
    }


@few
@given(respondents, st.fractions(0, 1))
def test_responded_to_follows_the_feedback_share_alone(answers, share):
    result = participation_scan(answers, share)

    assert result.score_of("responded_to") == share * 100


@few
@given(respondents)
def test_without_feedback_figures_responded_to_is_not_scored(answers):
    result = participation_scan(answers, None)

    assert result.score_of("responded_to") is None
    assert "responded_to" not in result.weakest


def test_answers_to_responded_to_are_refused():
    with pytest.raises(ValueError, match="no statement"):
        participation_scan([{"responded_to_1": 5}], Fraction(1))


@pytest.mark.parametrize("profile", PROFILES, ids=lambda profile: profile.key)
def test_a_profiles_own_position_places_it_there(profile):
    placement = working_style_profile(dict(zip(SLIDERS, profile.position, strict=True)))

    assert placement.profile == profile.key
    assert placement.distances[0] == (profile.key, 0)


@few
@given(sliders)
def test_the_placement_is_the_nearest_profile(values):
    placement = working_style_profile(values)
    distances = dict(placement.distances)

    assert set(distances) == {profile.key for profile in PROFILES}
    assert distances[placement.profile] == min(distances.values())
    assert [d for _key, d in placement.distances] == sorted(distances.values())


@few
@given(
    st.dictionaries(st.text(min_size=1, max_size=8), sliders, min_size=1, max_size=6)
)
def test_the_spread_spans_the_outer_partners(partners):
    comparison = compare_profiles(partners)

    assert [name for name, _ in comparison.placements] == list(partners)
    for index, spread in enumerate(comparison.spreads):
        column = [values[SLIDERS[index]] for values in partners.values()]
        assert spread.spread == max(column) - min(column) >= 0
        assert all(
            partners[name][spread.slider] == spread.low for name in spread.lowest
        )
        assert spread.is_tension == (spread.spread >= 50)


def test_a_single_partner_has_no_tension():
    assert compare_profiles({"Gemeente": dict.fromkeys(SLIDERS, 40)}).tensions == ()


@pytest.mark.parametrize(
    "bad",
    [dict.fromkeys(SLIDERS, 101), dict.fromkeys(SLIDERS[:4], 50)],
)
def test_sliders_outside_the_range_or_missing_are_refused(bad):
    with pytest.raises(ValueError, match="slider"):
        working_style_profile(bad)


@few
@given(
    st.dictionaries(
        st.integers(2015, 2035),
        st.fixed_dictionaries({"a": st.none() | st.fractions(0, 100)}),
        max_size=5,
    )
)
def test_the_trend_lists_years_in_order_and_changes_over_scored_years(scores):
    (trend,) = yearly_trend(["a"], scores)

    assert [year for year, _ in trend.points] == sorted(scores)
    scored = [score for _, score in trend.points if score is not None]
    expected = scored[-1] - scored[-2] if len(scored) > 1 else None
    assert trend.change == expected
