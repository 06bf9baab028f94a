# SPDX-License-Identifier: EUPL-1.2
"""Invent the demo alliance's mirror: two yearly health checks and the partners' styles.

Last year's health check shows the familiar weak spots of a young programme
(no stop criteria, homework left undone, businesses at a distance); this
year's shows some of them improved. Last year's platform figures are made up
here, because the demo's reports and programme only describe the present.
Each partner gets a working style typical of its kind of organisation, moved a
little by the seed, so the comparison shows where partners stand apart.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from wijkaanpak.core.mirror import (
    HEALTH_FACTORS,
    HEALTH_QUESTIONS,
    PARTICIPATION_QUESTIONS,
    SLIDERS,
    Evidence,
    alliance_size_evidence,
    feedback_evidence,
    homework_evidence,
    mandate_evidence,
    stop_criteria_evidence,
    time_to_fix_evidence,
)

__all__ = ["DemoMirror", "DemoScan", "demo_mirror"]

#: The alliance's own view per factor last year (1-5); this year adds the change.
_LAST_YEAR = dict(
    zip(HEALTH_FACTORS, (4, 3, 4, 3, 2, 4, 3, 3, 3, 4, 3, 3, 2), strict=True)
)
_IMPROVED = {"stop_criteria": 2, "action_oriented_alliance": 1, "concrete_goals": 1}
_DECLINED = {"businesses_involved": -1}

#: Typical slider positions per kind of organisation.
_STYLES: dict[str, tuple[int, ...]] = {
    "municipality": (40, 50, 55, 35, 65),
    "housing_corporation": (70, 65, 85, 60, 70),
    "school_board": (35, 30, 75, 40, 45),
    "police": (20, 25, 35, 15, 40),
    "public_prosecutor": (10, 15, 25, 10, 30),
    "care_welfare": (75, 80, 70, 80, 85),
    "business": (25, 20, 30, 55, 20),
    "residents_organisation": (90, 95, 90, 95, 55),
}
_DEFAULT_STYLE = (50, 50, 50, 50, 50)


@dataclass(frozen=True, slots=True)
class DemoScan:
    """A scan of the demo alliance: its year, answers per respondent, evidence.

    ``evidence`` is None when the platform's own figures of today count.
    """

    kind: str
    year: int
    answers: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    evidence: tuple[Evidence, ...] | None
    closed: bool


@dataclass(frozen=True, slots=True)
class DemoMirror:
    """The demo alliance's scans and the partners' working styles of this year."""

    scans: tuple[DemoScan, ...]
    profiles: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _answers(
    respondents: Sequence[str],
    level: dict[str, int],
    questions: Sequence[tuple[str, str]],
    rng: random.Random,
) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    rows = []
    for respondent in respondents:
        given = []
        for key, factor in questions:
            if rng.random() < 0.08:
                continue  # "don't know"
            given.append((key, _clamp(level[factor] + rng.choice((-1, 0, 0, 1)), 1, 5)))
        rows.append((respondent, tuple(given)))
    return tuple(rows)


def demo_mirror(
    respondents: Sequence[str],
    organisations: Sequence[tuple[str, str]],
    *,
    this_year: int,
    seed: int,
) -> DemoMirror:
    """Generate the demo alliance's mirror.

    Parameters
    ----------
    respondents : sequence of str
        Keys of the people who answer (alliance and bureau), in a fixed order.
    organisations : sequence of (str, str)
        Key and kind of each partner that fills in a working style.
    this_year : int
        The current year; last year's health check is one year earlier.
    seed : int
        Seed of the answers and the styles.

    Returns
    -------
    DemoMirror
        Two closed health checks, an open participation scan and the styles.

    Examples
    --------
    >>> mirror = demo_mirror(
    ...     ["a", "b"], [("gem", "municipality")], this_year=2026, seed=1
    ... )
    >>> [(scan.kind, scan.year, scan.closed) for scan in mirror.scans]
    [('health_check', 2025, True), ('health_check', 2026, True), ('participation', 2026, False)]
    """
    rng = random.Random(seed)  # noqa: S311 - made-up answers, not a secret
    health = [(q.key, q.factor) for q in HEALTH_QUESTIONS]
    now = {
        factor: _clamp(
            value + _IMPROVED.get(factor, 0) + _DECLINED.get(factor, 0), 1, 5
        )
        for factor, value in _LAST_YEAR.items()
    }
    members = len(respondents)
    last_year_evidence = tuple(
        item
        for item in (
            alliance_size_evidence(members + 4),
            mandate_evidence(members + 4, 3),
            stop_criteria_evidence(8, 1),
            time_to_fix_evidence(None),
            feedback_evidence(None),
            homework_evidence(12, 5),
        )
        if item is not None
    )
    participation = {"can_do": 3, "like_to": 4, "enabled_to": 3, "asked_to": 2}
    scans = (
        DemoScan(
            "health_check",
            this_year - 1,
            _answers(respondents, _LAST_YEAR, health, rng),
            last_year_evidence,
            closed=True,
        ),
        DemoScan(
            "health_check",
            this_year,
            _answers(respondents, now, health, rng),
            None,
            closed=True,
        ),
        DemoScan(
            "participation",
            this_year,
            _answers(
                respondents[: max(1, members // 2)],
                participation,
                [(q.key, q.factor) for q in PARTICIPATION_QUESTIONS],
                rng,
            ),
            None,
            closed=False,
        ),
    )
    profiles = tuple(
        (
            key,
            tuple(
                (slider, _clamp(typical + rng.randint(-2, 2) * 5, 0, 100))
                for slider, typical in zip(
                    SLIDERS, _STYLES.get(kind, _DEFAULT_STYLE), strict=True
                )
            ),
        )
        for key, kind in organisations
    )
    return DemoMirror(scans, profiles)
