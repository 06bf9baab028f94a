# SPDX-License-Identifier: EUPL-1.2
"""The figures of fixing the visible, per neighbourhood or area.

Residents judge the programme by whether irritations go away. These figures
say how fast, counting only verified fixes as fixed: the median and the 90th
percentile of the time from the first report to the verified fix, the share of
reporters who were told the outcome, the share of claimed fixes that had to
be reopened, the answers to "is it really fixed?", and how many fixes came
after the deadline. They feed the area monitor.

Percentiles use the nearest-rank method, so each one is a time that really
occurred; shares are exact fractions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction

__all__ = [
    "ProblemFacts",
    "ReportFacts",
    "ReportFigures",
    "nearest_rank",
    "report_figures",
]


@dataclass(frozen=True, slots=True)
class ProblemFacts:
    """What the figures need of one street problem.

    Attributes
    ----------
    received_at : datetime
        When its first report came in.
    verified_at : datetime or None
        When its fix was verified (and not reopened since), else None.
    verified_on : date or None
        The local date of ``verified_at``, to compare with the deadline.
    deadline : date or None
        The last day on time; None when the category has no target.
    was_claimed : bool
        A fix was claimed at least once.
    reopen_count : int
        How often it was reopened.
    """

    received_at: datetime
    verified_at: datetime | None
    verified_on: date | None
    deadline: date | None
    was_claimed: bool
    reopen_count: int


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What the figures need of one resident's report.

    Attributes
    ----------
    outcome_due : bool
        Its problem reached an outcome (verified, closed, forwarded or cannot
        be fixed), so the reporter should have heard it.
    told_outcome : bool
        The reporter was told that outcome.
    answer : bool or None
        The answer to "is it really fixed?": True, False, or None (not asked
        or not answered).
    """

    outcome_due: bool
    told_outcome: bool
    answer: bool | None = None


@dataclass(frozen=True, slots=True)
class ReportFigures:
    """The figures of a set of problems and their reports.

    Attributes
    ----------
    problems : int
        Problems counted.
    verified : int
        Problems with a verified fix that stands.
    median_time_to_fix, p90_time_to_fix : timedelta or None
        Nearest-rank percentiles of the time to a verified fix.
    feedback_share : Fraction or None
        Of the reports whose outcome is due, the share told the outcome.
    reopen_rate : Fraction or None
        Of the problems with a claimed fix, the share reopened at least once.
    really_fixed_yes, really_fixed_no : int
        Answers to "is it really fixed?".
    late : int
        Verified fixes after the deadline.
    late_share : Fraction or None
        ``late`` over the verified fixes that had a deadline.
    """

    problems: int
    verified: int
    median_time_to_fix: timedelta | None
    p90_time_to_fix: timedelta | None
    feedback_share: Fraction | None
    reopen_rate: Fraction | None
    really_fixed_yes: int
    really_fixed_no: int
    late: int
    late_share: Fraction | None


def nearest_rank(values: Sequence[timedelta], percentile: int) -> timedelta | None:
    """Return the nearest-rank percentile of ``values``, or None when empty.

    Parameters
    ----------
    values : sequence of timedelta
        The observations, in any order.
    percentile : int
        From 1 to 100.

    Returns
    -------
    timedelta or None
        The smallest observation with at least ``percentile`` per cent of the
        observations at or below it.

    Examples
    --------
    >>> days = [timedelta(days=d) for d in (3, 1, 2, 10)]
    >>> nearest_rank(days, 50)
    datetime.timedelta(days=2)
    >>> nearest_rank(days, 90)
    datetime.timedelta(days=10)

    References
    ----------
    .. [1] Hyndman, R. J. and Fan, Y. (1996). "Sample quantiles in statistical
       packages", *The American Statistician* 50(4), 361-365 (definition 1).
    """
    if not 1 <= percentile <= 100:
        raise ValueError("a percentile lies from 1 to 100")
    if not values:
        return None
    ordered = sorted(values)
    rank = math.ceil(Fraction(percentile, 100) * len(ordered))
    return ordered[max(rank, 1) - 1]


def _share(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def report_figures(
    problems: Sequence[ProblemFacts], reports: Sequence[ReportFacts]
) -> ReportFigures:
    """Compute the figures of fixing the visible.

    Parameters
    ----------
    problems : sequence of ProblemFacts
        The problems of the neighbourhood or area.
    reports : sequence of ReportFacts
        The reports about those problems.

    Returns
    -------
    ReportFigures
        The figures; a figure without data to count is None.

    Examples
    --------
    >>> from datetime import UTC
    >>> start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    >>> fixed = ProblemFacts(
    ...     start,
    ...     start + timedelta(days=2),
    ...     date(2026, 3, 4),
    ...     date(2026, 3, 6),
    ...     True,
    ...     0,
    ... )
    >>> claimed = ProblemFacts(start, None, None, date(2026, 3, 6), True, 1)
    >>> figures = report_figures([fixed, claimed], [ReportFacts(True, True, True)])
    >>> figures.median_time_to_fix, figures.reopen_rate, figures.late
    (datetime.timedelta(days=2), Fraction(1, 2), 0)
    """
    times = [
        problem.verified_at - problem.received_at
        for problem in problems
        if problem.verified_at is not None
    ]
    with_deadline = [
        problem
        for problem in problems
        if problem.verified_on is not None and problem.deadline is not None
    ]
    late = sum(
        1
        for problem in with_deadline
        if problem.verified_on is not None
        and problem.deadline is not None
        and problem.verified_on > problem.deadline
    )
    claimed = [problem for problem in problems if problem.was_claimed]
    due = [report for report in reports if report.outcome_due]
    return ReportFigures(
        problems=len(problems),
        verified=len(times),
        median_time_to_fix=nearest_rank(times, 50),
        p90_time_to_fix=nearest_rank(times, 90),
        feedback_share=_share(sum(1 for r in due if r.told_outcome), len(due)),
        reopen_rate=_share(sum(1 for p in claimed if p.reopen_count > 0), len(claimed)),
        really_fixed_yes=sum(1 for report in reports if report.answer is True),
        really_fixed_no=sum(1 for report in reports if report.answer is False),
        late=late,
        late_share=_share(late, len(with_deadline)),
    )
