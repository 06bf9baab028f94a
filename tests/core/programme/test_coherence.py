# SPDX-License-Identifier: EUPL-1.2
"""The coherence check on hand-made plans with known faults."""

from __future__ import annotations

from dataclasses import replace

from wijkaanpak.core.programme.coherence import (
    Plan,
    PlanGoal,
    PlanMeasure,
    coherence_check,
)

GOALS = [
    PlanGoal("armoede", "perspective", True, 2030),
    PlanGoal("woningen", "physical", True, 2030),
    PlanGoal("inbraak", "safety", True, 2030),
]
MEASURES = [
    PlanMeasure("schuldhulp", frozenset({"armoede"}), False, "", 2022, 2026),
    PlanMeasure(
        "renovatie", frozenset({"woningen"}), True, "meer woningen", 2023, 2030
    ),
    PlanMeasure("wijkagent", frozenset({"inbraak"}), True, "anders", 2022, 2028),
]
SOUND = Plan(
    goals=GOALS,
    measures=MEASURES,
    partners=["gemeente", "politie"],
    committed_partners=frozenset({"gemeente", "politie"}),
    start_year=2022,
    end_year=2032,
)


def kinds(plan: Plan) -> list[tuple[str, str]]:
    return [(finding.kind, finding.subject) for finding in coherence_check(plan)]


def test_a_sound_plan_has_no_findings():
    assert kinds(SOUND) == []


def test_a_measure_serving_no_goal_is_named():
    loose = PlanMeasure("festival", frozenset(), False, "", 2022, 2023)

    assert kinds(replace(SOUND, measures=[*MEASURES, loose])) == [
        ("measure_without_goal", "festival")
    ]


def test_a_measure_serving_an_unknown_goal_serves_no_goal():
    loose = PlanMeasure("festival", frozenset({"weg"}), False, "", 2022, 2023)

    assert ("measure_without_goal", "festival") in kinds(
        replace(SOUND, measures=[*MEASURES, loose])
    )


def test_a_goal_without_measure_or_indicator_is_named():
    vague = PlanGoal("trots", "physical", False, 2030)

    assert kinds(replace(SOUND, goals=[*GOALS, vague])) == [
        ("goal_without_indicator", "trots"),
        ("goal_without_measure", "trots"),
    ]


def test_regular_work_presented_as_additional_is_named():
    relabelled = PlanMeasure(
        "jongerenwerk", frozenset({"armoede"}), True, "", 2015, 2026
    )

    assert kinds(replace(SOUND, measures=[*MEASURES, relabelled])) == [
        ("additional_without_reason", "jongerenwerk"),
        ("additional_started_before_programme", "jongerenwerk"),
    ]


def test_a_partner_without_commitment_is_named():
    plan = replace(SOUND, partners=["gemeente", "politie", "school"])

    assert kinds(plan) == [("partner_without_commitment", "school")]


def test_a_horizon_shorter_than_the_goals_is_named():
    plan = replace(SOUND, end_year=2028)

    assert kinds(plan) == [
        ("goal_beyond_horizon", "armoede"),
        ("goal_beyond_horizon", "woningen"),
        ("goal_beyond_horizon", "inbraak"),
        ("measure_beyond_horizon", "renovatie"),
    ]


def test_a_national_goal_without_area_goal_is_named():
    plan = replace(SOUND, goals=GOALS[:2], measures=MEASURES[:2])

    assert kinds(plan) == [("national_goal_without_goal", "safety")]


def test_the_project_carousel_is_named_with_its_size():
    carousel = [
        PlanMeasure(f"project{n}", frozenset({"armoede"}), False, "", 2022, 2024)
        for n in range(5)
    ]

    findings = coherence_check(replace(SOUND, measures=[*MEASURES, *carousel]))

    assert [(f.kind, f.subject, f.count) for f in findings] == [
        ("too_many_measures", "armoede", 6)
    ]
