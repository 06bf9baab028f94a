# SPDX-License-Identifier: EUPL-1.2
"""Impact analysis: the social cost-benefit analysis (MKBA) of measures.

Discounting at the rate of the Dutch guidance, net present value,
benefit-cost ratio, a sensitivity range, who pays and who gains, and the
participation ladder as a source of benefits.
"""

from wijkaanpak.core.impact.cost_benefit import (
    Benefit,
    CostBenefit,
    CostLine,
    PartyBalance,
    Scenario,
    Sensitivity,
    cost_benefit_analysis,
    who_pays_who_gains,
)
from wijkaanpak.core.impact.discounting import (
    DEFAULT_DISCOUNT_RATE,
    discount_factor,
    present_value,
    rate_from_percent,
)
from wijkaanpak.core.impact.ladder import (
    RUNGS,
    LadderMoves,
    RungValue,
    ladder_benefits,
    ladder_moves,
)

__all__ = [
    "DEFAULT_DISCOUNT_RATE",
    "RUNGS",
    "Benefit",
    "CostBenefit",
    "CostLine",
    "LadderMoves",
    "PartyBalance",
    "RungValue",
    "Scenario",
    "Sensitivity",
    "cost_benefit_analysis",
    "discount_factor",
    "ladder_benefits",
    "ladder_moves",
    "present_value",
    "rate_from_percent",
    "who_pays_who_gains",
]
