# SPDX-License-Identifier: EUPL-1.2
"""Properties of the scan scoring, the health check and its next steps."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkaanpak.core.mirror import (
    HEALTH_FACTORS,
    HEALTH_QUESTIONS,
    Evidence,
    alliance_size_evidence,
    delivery_evidence,
    feedback_evidence,
    health_check,
    homework_evidence,
    mandate_evidence,
    measurable_goals_evidence,
    next_steps,
    stop_criteria_evidence,
    time_to_fix_evidence,
)

#: Enough examples to find a counter-example; the suite stays fast.
few = settings(max_examples=40, deadline=None)
KEYS = [question.key for question in HEALTH_QUESTIONS]
answer = st.integers(1, 5)
respondent = st.dictionaries(st.sampled_from(KEYS), answer, max_size=len(KEYS))
respondents = st.lists(respondent, max_size=4)
evidence_item = st.builds(
    Evidence,
    key=st.sampled_from(["a", "b", "c"]),
    factor=st.sampled_from(HEALTH_FACTORS),
    score=st.fractions(1, 5),
)
evidence_list = st.lists(evidence_item, max_size=5)


@few
@given(respondents, evidence_list)
def test_every_score_lies_from_0_to_100(answers, evidence):
    result = health_check(answers, evidence)

    for factor in result.factors:
        assert factor.score is None or 0 <= factor.score <= 100
    assert result.overall is None or 0 <= result.overall <= 100


@few
@given(respondents, evidence_list)
def test_the_weakest_are_the_lowest_scores_in_listed_order_of_ties(answers, evidence):
    result = health_check(answers, evidence)
    scored = [f for f in result.factors if f.score is not None]

    assert len(result.weakest) == min(3, len(scored))
    ranked = sorted(scored, key=lambda f: (f.score, HEALTH_FACTORS.index(f.factor)))
    assert list(result.weakest) == [f.factor for f in ranked[:3]]


@few
@given(respondents, evidence_list, st.randoms(use_true_random=False))
def test_the_order_of_respondents_does_not_matter(answers, evidence, rng):
    shuffled = list(answers)
    rng.shuffle(shuffled)

    assert health_check(shuffled, evidence) == health_check(answers, evidence)


@few
@given(respondents, evidence_list, st.sampled_from(KEYS))
def test_a_higher_answer_never_lowers_its_factor(answers, evidence, key):
    lower = [*answers, {key: 2}]
    higher = [*answers, {key: 5}]
    factor = next(q.factor for q in HEALTH_QUESTIONS if q.key == key)

    assert health_check(higher, evidence).score_of(factor) >= health_check(
        lower, evidence
    ).score_of(factor)


@few
@given(st.integers(1, 40), answer)
def test_unanimous_answers_give_the_scale_point(count, value):
    result = health_check([dict.fromkeys(KEYS, value)] * count)

    assert {f.score for f in result.factors} == {Fraction(value - 1, 4) * 100}
    assert result.respondents == count


def test_one_figure_weighs_as_much_as_one_statement():
    answers = [{"stop_criteria_1": 5, "stop_criteria_2": 5}] * 10

    result = health_check(answers, [stop_criteria_evidence(4, 1)])

    # Mean of 5, 5 and the figure's 2: (4 - 1) / 4 = 75.
    assert result.score_of("stop_criteria") == 75


def test_factors_without_answers_or_figures_are_not_among_the_weakest():
    result = health_check([{"long_term_story_1": 1}])

    assert result.weakest == ("long_term_story",)
    assert result.score_of("stop_criteria") is None


def test_ties_go_to_the_factor_listed_first():
    answers = [{"stop_criteria_1": 2, "visible_problems_first_1": 2}]

    assert health_check(answers).weakest == ("visible_problems_first", "stop_criteria")


@pytest.mark.parametrize(
    "bad",
    [{"stop_criteria_1": 0}, {"stop_criteria_1": 6}, {"no_such_statement": 3}],
)
def test_impossible_answers_are_refused(bad):
    with pytest.raises(ValueError, match=r"statement|outside"):
        health_check([bad])


@few
@given(respondents, evidence_list)
def test_next_steps_cover_exactly_the_weakest_factors(answers, evidence):
    result = health_check(answers, evidence)
    steps = next_steps(result)

    general = [step.factor for step in steps if step.evidence is None]
    assert general == list(result.weakest)
    assert {step.factor for step in steps} == set(result.weakest)


def test_a_weak_figure_comes_first_among_its_factors_steps():
    result = health_check([{"stop_criteria_1": 3}], [stop_criteria_evidence(10, 2)])

    steps = next_steps(result)

    assert steps[0].evidence == "stop_criteria"
    assert steps[0].figure_map == {"measures": 10, "without": 8}
    assert steps[1].evidence is None


# Evidence from the platform's figures.


@few
@given(st.integers(1, 200).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n))))
def test_share_evidence_lies_on_the_scale_and_rises_with_the_share(pair):
    whole, part = pair
    for make in (stop_criteria_evidence, measurable_goals_evidence):
        score = make(whole, part).score
        assert 1 <= score <= 5
        if part < whole:
            assert make(whole, part + 1).score > score


def test_without_anything_to_count_there_is_no_evidence():
    assert stop_criteria_evidence(0, 0) is None
    assert measurable_goals_evidence(0, 0) is None
    assert homework_evidence(0, 0) is None
    assert delivery_evidence(0, 10) is None
    assert mandate_evidence(0, 0) is None
    assert time_to_fix_evidence(None) is None
    assert feedback_evidence(None) is None


@few
@given(st.integers(0, 60))
def test_a_larger_alliance_never_scores_better(members):
    assert (
        alliance_size_evidence(members + 1).score
        <= alliance_size_evidence(max(members, 1)).score
    )


def test_an_alliance_of_ten_is_small_and_one_of_sixteen_is_not():
    assert alliance_size_evidence(10).score == 5
    assert alliance_size_evidence(16).score == 2


def test_stand_ins_without_mandate_lower_the_mandate_score():
    assert mandate_evidence(10, 0).score == 5
    assert mandate_evidence(10, 5).score == 3


@few
@given(st.integers(0, 400), st.integers(0, 400))
def test_a_slower_fix_never_scores_better(days, extra):
    faster = time_to_fix_evidence(timedelta(days=days))
    slower = time_to_fix_evidence(timedelta(days=days + extra))

    assert slower.score <= faster.score


def test_part_of_a_day_counts_as_a_started_day():
    assert time_to_fix_evidence(timedelta(days=7)).score == 5
    assert time_to_fix_evidence(timedelta(days=7, minutes=1)).score == 4


@few
@given(st.integers(1, 1000), st.integers(0, 2000))
def test_delivering_more_than_due_counts_as_all(due, delivered):
    score = delivery_evidence(due, delivered).score

    assert 1 <= score <= 5
    assert (score == 5) == (delivered >= due)


def test_homework_and_delivery_are_evidence_for_an_acting_alliance():
    items = [homework_evidence(8, 2), delivery_evidence(100, 50)]

    result = health_check([], items)

    assert {e.key for e in result.factors[6].evidence} == {"homework", "delivery"}
    assert result.score_of("action_oriented_alliance") == Fraction(
        1, 2
    ) * 100 + Fraction(25, 2)


@pytest.mark.parametrize(
    ("make", "arguments"),
    [
        (stop_criteria_evidence, (2, 3)),
        (measurable_goals_evidence, (1, -1)),
        (homework_evidence, (2, 3)),
        (mandate_evidence, (2, 3)),
        (alliance_size_evidence, (-1,)),
        (delivery_evidence, (-5, 0)),
    ],
)
def test_impossible_counts_are_refused(make, arguments):
    with pytest.raises(ValueError, match=r"\w"):
        make(*arguments)
