# SPDX-License-Identifier: EUPL-1.2
"""The participation scan after the CLEAR model.

Residents take part when they *can* (skills and means), *like* to (feel
part of the neighbourhood), are *enabled* to (groups and places to meet),
are *asked* to (invited in person, in time), and are *responded* to (they see
what came of it). The first four dimensions are rated by the alliance with
two statements each. "Responded to" is not asked: the platform measures it
from the reports residents file, as the share of reporters who were told what
happened to their report.

References
----------
.. [1] Lowndes, V., Pratchett, L. and Stoker, G. (2006). "Diagnosing and
   remedying the failings of official participation schemes: the CLEAR
   framework", *Social Policy and Society* 5(2), 281-291.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from wijkaanpak.core.mirror.health import feedback_evidence
from wijkaanpak.core.mirror.scoring import Question, ScanResult, scan_score

__all__ = [
    "CLEAR_DIMENSIONS",
    "PARTICIPATION_QUESTIONS",
    "RESPONDED",
    "participation_scan",
]

#: The five dimensions, in the model's order.
CLEAR_DIMENSIONS: tuple[str, ...] = (
    "can_do",
    "like_to",
    "enabled_to",
    "asked_to",
    "responded_to",
)

#: The dimension the platform measures instead of asking.
RESPONDED = "responded_to"

#: Two statements for each dimension the alliance rates, keyed ``<dimension>_<n>``.
PARTICIPATION_QUESTIONS: tuple[Question, ...] = tuple(
    Question(f"{dimension}_{number}", dimension)
    for dimension in CLEAR_DIMENSIONS
    if dimension != RESPONDED
    for number in (1, 2)
)


def participation_scan(
    answers: Sequence[Mapping[str, int]], feedback_share: Fraction | None
) -> ScanResult:
    """Score the participation scan.

    Parameters
    ----------
    answers : sequence of mapping of str to int
        One mapping per respondent, from statement key to an answer 1-5.
    feedback_share : Fraction or None
        Of residents' reports with an outcome, the share whose reporter was
        told it; None when no report has an outcome yet (then "responded to"
        is not scored).

    Returns
    -------
    ScanResult
        Scores per dimension; "responded to" from the figures alone.

    Examples
    --------
    >>> result = participation_scan([{"can_do_1": 5}], Fraction(1, 2))
    >>> result.score_of("can_do"), result.score_of("responded_to")
    (Fraction(100, 1), Fraction(50, 1))
    """
    return scan_score(
        CLEAR_DIMENSIONS,
        PARTICIPATION_QUESTIONS,
        answers,
        [
            item
            for item in [feedback_evidence(feedback_share, factor=RESPONDED)]
            if item is not None
        ],
    )
