# SPDX-License-Identifier: EUPL-1.2
"""Scores of a scan: statements answered on a five-point scale, plus evidence.

The alliance's mirror asks its members to rate statements about their own
practice from 1 (not true at all) to 5 (fully true), and adds evidence the
platform measures itself, on the same scale. One rule scores every scan:

* a statement scores the mean of its answers ("don't know" is no answer);
* a factor scores the mean of its statements and its evidence items, each
  weighing the same, so ten respondents do not drown one hard figure;
* that mean is shown from 0 (all 1) to 100 (all 5);
* the weakest factors are the lowest scores, ties broken by the listed order
  of the factors; factors without any answer or evidence are left out.

All arithmetic is exact (:class:`fractions.Fraction`), so a score is the same
on every machine and in every year it is shown again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "SCALE_HIGH",
    "SCALE_LOW",
    "Evidence",
    "FactorScore",
    "Question",
    "ScanResult",
    "scan_score",
    "share_score",
    "to_percent",
]

#: The lowest and highest answer on the five-point scale.
SCALE_LOW = 1
SCALE_HIGH = 5


@dataclass(frozen=True, slots=True)
class Question:
    """A statement of a scan.

    Attributes
    ----------
    key : str
        Stable identifier; the app holds its text in both languages.
    factor : str
        The factor (or dimension) the statement belongs to.
    """

    key: str
    factor: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """A figure the platform measured, scored on the five-point scale.

    Attributes
    ----------
    key : str
        What was measured, for example ``"stop_criteria"``.
    factor : str
        The factor it is evidence for.
    score : Fraction
        From 1 (points to a weak spot) to 5 (points to a strength).
    figures : tuple of (str, int)
        The measured numbers, for the sentence that explains the score.
    """

    key: str
    factor: str
    score: Fraction
    figures: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        """Check the score lies on the scale."""
        if not SCALE_LOW <= self.score <= SCALE_HIGH:
            raise ValueError(f"evidence {self.key} scores {self.score}, outside 1 to 5")

    @property
    def figure_map(self) -> dict[str, int]:
        """The figures as a dictionary, for placeholders in a sentence."""
        return dict(self.figures)


@dataclass(frozen=True, slots=True)
class FactorScore:
    """The score of one factor and what it rests on.

    Attributes
    ----------
    factor : str
        The factor's key.
    score : Fraction or None
        From 0 to 100; None when nobody answered and no evidence exists.
    answered : int
        Statements of the factor with at least one answer.
    answers : int
        Answers given to its statements, over all respondents.
    evidence : tuple of Evidence
        The platform's figures that count in the score.
    """

    factor: str
    score: Fraction | None
    answered: int
    answers: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The scored scan.

    Attributes
    ----------
    factors : tuple of FactorScore
        One per factor, in the listed order.
    weakest : tuple of str
        The weakest scored factors, weakest first.
    overall : Fraction or None
        The mean of the scored factors, from 0 to 100.
    respondents : int
        People who answered at least one statement.
    """

    factors: tuple[FactorScore, ...]
    weakest: tuple[str, ...]
    overall: Fraction | None
    respondents: int

    def score_of(self, factor: str) -> Fraction | None:
        """Return the score of one factor (None when not scored).

        Parameters
        ----------
        factor : str
            The factor's key.

        Returns
        -------
        Fraction or None
            Its score from 0 to 100.
        """
        for item in self.factors:
            if item.factor == factor:
                return item.score
        raise KeyError(factor)


def to_percent(mean: Fraction) -> Fraction:
    """Map a mean on the five-point scale to 0-100.

    Parameters
    ----------
    mean : Fraction
        A mean from 1 to 5.

    Returns
    -------
    Fraction
        0 for 1, 100 for 5, linear in between.

    Examples
    --------
    >>> to_percent(Fraction(3))
    Fraction(50, 1)
    """
    return (mean - SCALE_LOW) * 100 / (SCALE_HIGH - SCALE_LOW)


def share_score(share: Fraction) -> Fraction:
    """Score a share from 0 to 1 on the five-point scale (linear).

    Parameters
    ----------
    share : Fraction
        For example the share of measures with a stop criterion.

    Returns
    -------
    Fraction
        1 for none, 5 for all.

    Examples
    --------
    >>> share_score(Fraction(1, 2))
    Fraction(3, 1)
    """
    if not 0 <= share <= 1:
        raise ValueError(f"a share lies from 0 to 1, not {share}")
    return SCALE_LOW + (SCALE_HIGH - SCALE_LOW) * share


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def scan_score(
    factors: Sequence[str],
    questions: Sequence[Question],
    answers: Sequence[Mapping[str, int]],
    evidence: Sequence[Evidence] = (),
    *,
    weakest_count: int = 3,
) -> ScanResult:
    """Score a scan from its respondents' answers and the measured evidence.

    Parameters
    ----------
    factors : sequence of str
        The factors in the order pages list them; this order breaks ties
        between equally weak factors.
    questions : sequence of Question
        The statements of the scan.
    answers : sequence of mapping of str to int
        One mapping per respondent, from statement key to an answer from 1
        to 5; a statement left out is "don't know".
    evidence : sequence of Evidence
        The platform's figures for this scan.
    weakest_count : int
        How many weakest factors to name.

    Returns
    -------
    ScanResult
        Scores per factor, the weakest ones and the overall score.

    Examples
    --------
    >>> questions = [Question("q1", "bureau"), Question("q2", "stop")]
    >>> stop = Evidence("stop_criteria", "stop", Fraction(1))
    >>> result = scan_score(
    ...     ["bureau", "stop"], questions, [{"q1": 4, "q2": 5}, {"q1": 5}], [stop]
    ... )
    >>> result.score_of("bureau"), result.score_of("stop"), result.weakest
    (Fraction(175, 2), Fraction(50, 1), ('stop', 'bureau'))

    References
    ----------
    .. [1] Likert, R. (1932). "A technique for the measurement of attitudes",
       *Archives of Psychology* 140 (the summed five-point rating scale).
    """
    known = set(factors)
    if len(known) != len(factors):
        raise ValueError("each factor may be listed once")
    by_key = {question.key: question for question in questions}
    for question in questions:
        if question.factor not in known:
            raise ValueError(f"statement {question.key} has an unknown factor")
    for item in evidence:
        if item.factor not in known:
            raise ValueError(f"evidence {item.key} has an unknown factor")
    given: dict[str, list[int]] = {key: [] for key in by_key}
    respondents = 0
    for respondent in answers:
        counted = False
        for key, value in respondent.items():
            if key not in by_key:
                raise ValueError(f"there is no statement {key} in this scan")
            if not SCALE_LOW <= value <= SCALE_HIGH:
                raise ValueError(f"answer {value} to {key} is outside 1 to 5")
            given[key].append(value)
            counted = True
        respondents += counted
    scores = []
    for factor in factors:
        statement_means = [
            Fraction(sum(given[q.key]), len(given[q.key]))
            for q in questions
            if q.factor == factor and given[q.key]
        ]
        found = tuple(item for item in evidence if item.factor == factor)
        parts = statement_means + [item.score for item in found]
        scores.append(
            FactorScore(
                factor=factor,
                score=to_percent(_mean(parts)) if parts else None,
                answered=len(statement_means),
                answers=sum(len(given[q.key]) for q in questions if q.factor == factor),
                evidence=found,
            )
        )
    position = {factor: index for index, factor in enumerate(factors)}
    scored = [item for item in scores if item.score is not None]
    ranked = sorted(scored, key=lambda item: (item.score, position[item.factor]))
    values = [item.score for item in scored if item.score is not None]
    return ScanResult(
        factors=tuple(scores),
        weakest=tuple(item.factor for item in ranked[:weakest_count]),
        overall=_mean(values) if values else None,
        respondents=respondents,
    )
