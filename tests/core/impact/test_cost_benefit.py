# SPDX-License-Identifier: EUPL-1.2
"""Net present value, ratio, range and who pays who gains, by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.impact.cost_benefit import (
    Benefit,
    CostLine,
    Sensitivity,
    cost_benefit_analysis,
    who_pays_who_gains,
)

TEN_PERCENT = Fraction(1, 10)


def test_npv_and_ratio_by_hand():
    # Costs: 1,000 now (municipality) and 210 in a year (corporation):
    # 1000 + 210/1.1 = 1190.91. Benefits: 1,210 in two years to the insurer
    # = 1210/1.21 = 1000. NPV = -190.91, ratio 1000/1190.91 = 0.8397.
    result = cost_benefit_analysis(
        [CostLine("Gemeente", 2025, 1_000_00), CostLine("Corporatie", 2026, 210_00)],
        [Benefit("Zorgverzekeraar", 2027, 1_210_00)],
        base_year=2025,
        rate=TEN_PERCENT,
    )
    assert result.costs == 1_000_00 + Fraction(210_00 * 10, 11)
    assert result.benefits == 1_000_00
    assert round(result.net_present_value) == -19_091
    assert round(float(result.benefit_cost_ratio), 4) == 0.8397
    assert result.costs_by_partner[0][0] == "Gemeente"


def test_a_measure_nobody_pays_for_has_no_ratio():
    result = cost_benefit_analysis([], [Benefit("Bewoners", 2025, 100)], base_year=2025)
    assert result.benefit_cost_ratio is None
    assert result.net_present_value == 100


def test_the_range_spans_the_corner_cases_by_hand():
    # At rate 0: costs 100, benefits 150. Benefits at 70 % and costs at 120 %
    # give 105 - 120 = -15; benefits at 130 % and costs at 100 % give 95.
    result = cost_benefit_analysis(
        [CostLine("Gemeente", 2025, 100)],
        [Benefit("Rijk", 2025, 150)],
        base_year=2025,
        rate=Fraction(0),
        sensitivity=Sensitivity(rates=()),
    )
    assert result.net_present_value == 50
    assert result.low == -15
    assert result.high == 95
    assert result.sign_depends_on_assumptions
    assert not result.always_positive
    assert len(result.scenarios) == 3 * 2 * 1


def test_negative_costs_are_refused_with_advice():
    with pytest.raises(WijkaanpakError, match="saving as a benefit"):
        cost_benefit_analysis([CostLine("Gemeente", 2025, -5)], [], base_year=2025)


def test_who_pays_who_gains_by_hand():
    # Costs 120, all paid by the municipality. Gains: municipality 20,
    # insurer 60, police 20, residents lose 10. Shares by gain: 120 * 20/100,
    # 120 * 60/100, 120 * 20/100; the residents, who lose, pay nothing.
    rows = {
        row.party: row
        for row in who_pays_who_gains(
            {"Gemeente": Fraction(120)},
            {
                "Gemeente": Fraction(20),
                "Zorgverzekeraar": Fraction(60),
                "Politie": Fraction(20),
                "Bewoners": Fraction(-10),
            },
        )
    }
    assert rows["Zorgverzekeraar"].fair_share == 72
    assert rows["Zorgverzekeraar"].co_funding_gap == 72
    assert rows["Politie"].co_funding_gap == 24
    assert rows["Gemeente"].co_funding_gap == 0
    assert rows["Gemeente"].net == -100
    assert rows["Bewoners"].fair_share == 0
    assert not rows["Gemeente"].should_co_fund
    assert rows["Zorgverzekeraar"].should_co_fund


costs = st.lists(
    st.builds(
        CostLine,
        st.sampled_from(["Gemeente", "Corporatie", "Rijk"]),
        st.integers(2024, 2032),
        st.integers(0, 1_000_000_00),
    ),
    max_size=8,
)
benefits = st.lists(
    st.builds(
        Benefit,
        st.sampled_from(["Gemeente", "Zorgverzekeraar", "Bewoners"]),
        st.integers(2024, 2040),
        st.integers(0, 1_000_000_00),
    ),
    max_size=8,
)


@given(costs, benefits)
def test_the_fair_shares_add_up_to_the_costs_when_anyone_gains(cost_lines, gains):
    result = cost_benefit_analysis(cost_lines, gains, base_year=2024)
    shares = sum((row.fair_share for row in result.matrix), Fraction(0))
    if result.benefits > 0:
        assert shares == result.costs
    assert sum((row.net for row in result.matrix), Fraction(0)) == (
        result.net_present_value
    )


@given(costs, benefits)
def test_the_base_case_lies_within_the_range(cost_lines, gains):
    result = cost_benefit_analysis(cost_lines, gains, base_year=2024)
    assert result.low <= result.net_present_value <= result.high
