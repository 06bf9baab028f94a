# SPDX-License-Identifier: EUPL-1.2
"""Stop rules decide only when due, and then by the agreed threshold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.programme.stop_rules import StopRule, evaluate_stop_rule

rules = st.builds(
    StopRule,
    comparison=st.sampled_from(["at_least", "at_most"]),
    threshold=st.floats(-1000, 1000),
    check_year=st.integers(2020, 2030),
)
observations = st.none() | st.floats(-1000, 1000)


@given(rules, observations, st.integers(2018, 2032))
def test_nothing_is_decided_before_the_check_year(rule, observed, year):
    verdict = evaluate_stop_rule(rule, observed, year=year)

    assert (verdict.outcome == "not_due") is (year < rule.check_year)


@given(rules, st.floats(-1000, 1000), st.integers(2030, 2032))
def test_the_decision_follows_the_comparison(rule, observed, year):
    verdict = evaluate_stop_rule(rule, observed, year=year)

    met = (
        observed >= rule.threshold
        if rule.comparison == "at_least"
        else observed <= rule.threshold
    )
    assert verdict.outcome == ("continue" if met else "stop")


def test_a_due_check_without_a_measurement_says_so():
    verdict = evaluate_stop_rule(StopRule("at_least", 10, 2024), None, year=2024)

    assert verdict.outcome == "no_data"
