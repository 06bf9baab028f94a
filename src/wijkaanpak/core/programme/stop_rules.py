# SPDX-License-Identifier: EUPL-1.2
"""Evaluate the stop rule of a measure: continue, stop, or not yet known.

A measure (*maatregel*) gets its evaluation criterion before it starts: what
must be measured by when, and which value means "go on". Agreeing this up
front keeps the alliance from extending every project out of habit (the
*projectencarrousel*) and from stopping good ones too early.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Comparison", "Outcome", "StopRule", "StopRuleVerdict", "evaluate_stop_rule"]

#: How the observed value is held against the threshold to continue.
Comparison = Literal["at_least", "at_most"]
#: What the rule says now.
Outcome = Literal["not_due", "no_data", "continue", "stop"]


@dataclass(frozen=True, slots=True)
class StopRule:
    """The criterion agreed before a measure starts.

    Attributes
    ----------
    comparison : {"at_least", "at_most"}
        The measure continues when the observed value is at least (or at
        most) the threshold.
    threshold : float
        The value agreed.
    check_year : int
        The year in which the criterion is checked.
    """

    comparison: Comparison
    threshold: float
    check_year: int


@dataclass(frozen=True, slots=True)
class StopRuleVerdict:
    """What the rule says, and why.

    Attributes
    ----------
    outcome : {"not_due", "no_data", "continue", "stop"}
        ``not_due`` before the check year; ``no_data`` when the check is due
        but nothing was observed; otherwise the decision the rule prescribes.
    observed : float or None
        The value the decision rests on.
    margin : float or None
        How far the observed value lies on the good side of the threshold
        (negative: on the bad side).
    """

    outcome: Outcome
    observed: float | None
    margin: float | None


def evaluate_stop_rule(
    rule: StopRule, observed: float | None, *, year: int
) -> StopRuleVerdict:
    """Apply an agreed stop rule to what was observed.

    Parameters
    ----------
    rule : StopRule
        The criterion.
    observed : float or None
        The value measured for the criterion, if any.
    year : int
        The current year.

    Returns
    -------
    StopRuleVerdict
        The outcome; a value observed before the check year is shown but does
        not decide yet.

    Examples
    --------
    >>> rule = StopRule("at_least", 40, check_year=2024)
    >>> evaluate_stop_rule(rule, 25, year=2025).outcome
    'stop'
    >>> evaluate_stop_rule(rule, 55, year=2025).outcome
    'continue'
    >>> evaluate_stop_rule(rule, None, year=2025).outcome
    'no_data'
    >>> evaluate_stop_rule(rule, 25, year=2023).outcome
    'not_due'
    """
    margin = None
    if observed is not None:
        margin = (
            observed - rule.threshold
            if rule.comparison == "at_least"
            else rule.threshold - observed
        )
    if year < rule.check_year:
        return StopRuleVerdict("not_due", observed, margin)
    if observed is None or margin is None:
        return StopRuleVerdict("no_data", None, None)
    return StopRuleVerdict("continue" if margin >= 0 else "stop", observed, margin)
