# SPDX-License-Identifier: EUPL-1.2
"""The programme of a focus area: goals, measures, commitments and their checks.

Pure functions the programme pages and the API share: the ambition check of a
goal, milestones on the way to a target, promised against delivered per
partner, the stop rules of measures, the coherence check of a plan, and the
layout of the goal tree (*doel-inspanningennetwerk*).
"""

from wijkaanpak.core.programme.ambition import (
    AmbitionCheck,
    ambition_check,
    fastest_yearly_improvement,
    linear_trend,
)
from wijkaanpak.core.programme.coherence import (
    Finding,
    Plan,
    PlanGoal,
    PlanMeasure,
    coherence_check,
)
from wijkaanpak.core.programme.commitments import (
    Contribution,
    PartnerBalance,
    promised_versus_delivered,
)
from wijkaanpak.core.programme.goal_tree import (
    Layout,
    PlacedEdge,
    PlacedNode,
    TreeGoal,
    TreeMeasure,
    goal_tree_layout,
)
from wijkaanpak.core.programme.milestones import (
    Milestone,
    expected_value,
    interpolate_milestones,
)
from wijkaanpak.core.programme.model import (
    NATIONAL_GOALS,
    GoalTarget,
    NationalGoal,
)
from wijkaanpak.core.programme.stop_rules import (
    StopRule,
    StopRuleVerdict,
    evaluate_stop_rule,
)

__all__ = [
    "NATIONAL_GOALS",
    "AmbitionCheck",
    "Contribution",
    "Finding",
    "GoalTarget",
    "Layout",
    "Milestone",
    "NationalGoal",
    "PartnerBalance",
    "PlacedEdge",
    "PlacedNode",
    "Plan",
    "PlanGoal",
    "PlanMeasure",
    "StopRule",
    "StopRuleVerdict",
    "TreeGoal",
    "TreeMeasure",
    "ambition_check",
    "coherence_check",
    "evaluate_stop_rule",
    "expected_value",
    "fastest_yearly_improvement",
    "goal_tree_layout",
    "interpolate_milestones",
    "linear_trend",
    "promised_versus_delivered",
]
