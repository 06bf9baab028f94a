# SPDX-License-Identifier: EUPL-1.2
"""The alliance's mirror: health check, participation scan, working-style profile.

Pure scoring the mirror pages share: a scan's statements and evidence scored
per factor (:mod:`.scoring`), the health check against the lessons learned and
its next steps (:mod:`.health`), the participation scan after the CLEAR model
(:mod:`.participation`), the working-style profile of an organisation and the
comparison of partners (:mod:`.profile`), and the yearly trend (:mod:`.trend`).
The texts of statements and factors live in the app, in both languages.
"""

from wijkaanpak.core.mirror.health import (
    HEALTH_FACTORS,
    HEALTH_QUESTIONS,
    NextStep,
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
from wijkaanpak.core.mirror.participation import (
    CLEAR_DIMENSIONS,
    PARTICIPATION_QUESTIONS,
    RESPONDED,
    participation_scan,
)
from wijkaanpak.core.mirror.profile import (
    PROFILES,
    SLIDERS,
    Placement,
    ProfileComparison,
    SliderSpread,
    compare_profiles,
    working_style_profile,
)
from wijkaanpak.core.mirror.scoring import (
    Evidence,
    FactorScore,
    Question,
    ScanResult,
    scan_score,
)
from wijkaanpak.core.mirror.trend import FactorTrend, yearly_trend

__all__ = [
    "CLEAR_DIMENSIONS",
    "HEALTH_FACTORS",
    "HEALTH_QUESTIONS",
    "PARTICIPATION_QUESTIONS",
    "PROFILES",
    "RESPONDED",
    "SLIDERS",
    "Evidence",
    "FactorScore",
    "FactorTrend",
    "NextStep",
    "Placement",
    "ProfileComparison",
    "Question",
    "ScanResult",
    "SliderSpread",
    "alliance_size_evidence",
    "compare_profiles",
    "delivery_evidence",
    "feedback_evidence",
    "health_check",
    "homework_evidence",
    "mandate_evidence",
    "measurable_goals_evidence",
    "next_steps",
    "participation_scan",
    "scan_score",
    "stop_criteria_evidence",
    "time_to_fix_evidence",
    "working_style_profile",
    "yearly_trend",
]
