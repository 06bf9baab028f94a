# SPDX-License-Identifier: EUPL-1.2
"""A social cost-benefit analysis (MKBA) of a measure or a programme.

Partners pay for a measure over several years; its benefits fall to others:
the municipality pays less social assistance, the health insurer less care,
the police handles fewer crimes, owners see their houses gain value. The
analysis discounts both streams to one base year (see
:mod:`wijkaanpak.core.impact.discounting`), and gives the net present value,
the benefit-cost ratio, a sensitivity range over the uncertain assumptions,
and the "who pays, who gains" matrix that shows which partners gain more than
they pay and so have reason to co-fund.

The analysis counts what it is given: it does not prove that a measure
caused a benefit. The benefits are assumptions the alliance writes down
(how many people, how much per person), and the sensitivity range shows how
much the answer leans on them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.impact.discounting import (
    DEFAULT_DISCOUNT_RATE,
    present_value,
)

__all__ = [
    "Benefit",
    "CostBenefit",
    "CostLine",
    "PartyBalance",
    "Scenario",
    "Sensitivity",
    "cost_benefit_analysis",
    "who_pays_who_gains",
]


@dataclass(frozen=True, slots=True)
class CostLine:
    """What one partner pays in one year.

    Attributes
    ----------
    partner : str
        The partner who pays.
    year : int
        The year.
    amount : int
        Euro cents, not negative.
    """

    partner: str
    year: int
    amount: int


@dataclass(frozen=True, slots=True)
class Benefit:
    """A monetised benefit that falls to one beneficiary in one year.

    Attributes
    ----------
    beneficiary : str
        Who gains: a partner (the municipality) or a group (residents).
    year : int
        The year.
    amount : int
        Euro cents; negative for a loss (a *negatieve baat*).
    label : str
        What the benefit is, for example "bijstand bespaard".
    """

    beneficiary: str
    year: int
    amount: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """The variations of the sensitivity range.

    Attributes
    ----------
    benefit_factors : tuple of Fraction
        Multipliers of all benefits, for example 70 % and 130 %.
    cost_factors : tuple of Fraction
        Multipliers of all costs, for example 120 % for an overrun.
    rates : tuple of Fraction
        Other discount rates to try.
    """

    benefit_factors: tuple[Fraction, ...] = (Fraction(7, 10), Fraction(13, 10))
    cost_factors: tuple[Fraction, ...] = (Fraction(6, 5),)
    rates: tuple[Fraction, ...] = (Fraction(1, 80), Fraction(13, 400))


@dataclass(frozen=True, slots=True)
class Scenario:
    """One combination of the sensitivity variations and its outcome.

    Attributes
    ----------
    benefit_factor, cost_factor, rate : Fraction
        The assumptions.
    net_present_value : Fraction
        Euro cents.
    """

    benefit_factor: Fraction
    cost_factor: Fraction
    rate: Fraction
    net_present_value: Fraction


@dataclass(frozen=True, slots=True)
class PartyBalance:
    """One party's row of the "who pays, who gains" matrix.

    Attributes
    ----------
    party : str
        A partner or beneficiary.
    pays : Fraction
        Present value of what it pays, in euro cents.
    gains : Fraction
        Present value of what it gains.
    net : Fraction
        ``gains - pays``.
    fair_share : Fraction
        What it would pay if the costs were shared in proportion to the
        benefits each party gains (a party that loses on balance: nothing).
    co_funding_gap : Fraction
        ``fair_share - pays`` when positive: the reason to co-fund. Zero
        for parties that already pay their share or more.
    """

    party: str
    pays: Fraction
    gains: Fraction
    net: Fraction
    fair_share: Fraction
    co_funding_gap: Fraction

    @property
    def should_co_fund(self) -> bool:
        """Tell whether the party gains more of the benefits than it pays for."""
        return self.co_funding_gap > 0


@dataclass(frozen=True, slots=True)
class CostBenefit:
    """The outcome of a cost-benefit analysis, with what explains it.

    Attributes
    ----------
    base_year : int
        The year all amounts are discounted to.
    rate : Fraction
        The discount rate used.
    costs, benefits : Fraction
        Present values in euro cents.
    net_present_value : Fraction
        ``benefits - costs``.
    benefit_cost_ratio : Fraction or None
        ``benefits / costs``; None when nothing is paid.
    costs_by_partner, benefits_by_beneficiary : tuple of (str, Fraction)
        Present values per party, largest first.
    scenarios : tuple of Scenario
        Every combination tried for the sensitivity range.
    low, high : Fraction
        The lowest and highest net present value over the base case and the
        scenarios.
    matrix : tuple of PartyBalance
        Who pays, who gains.
    """

    base_year: int
    rate: Fraction
    costs: Fraction
    benefits: Fraction
    net_present_value: Fraction
    benefit_cost_ratio: Fraction | None
    costs_by_partner: tuple[tuple[str, Fraction], ...]
    benefits_by_beneficiary: tuple[tuple[str, Fraction], ...]
    scenarios: tuple[Scenario, ...] = field(default=())
    low: Fraction = Fraction(0)
    high: Fraction = Fraction(0)
    matrix: tuple[PartyBalance, ...] = field(default=())

    @property
    def always_positive(self) -> bool:
        """Tell whether the net present value stays above zero in every scenario."""
        return self.low > 0

    @property
    def sign_depends_on_assumptions(self) -> bool:
        """Tell whether some scenario turns the outcome from gain to loss or back."""
        return self.low <= 0 < self.high


def _by_party(
    items: Iterable[tuple[str, int, int]], base_year: int, rate: Fraction
) -> dict[str, Fraction]:
    per_party: dict[str, list[tuple[int, int]]] = {}
    for party, year, amount in items:
        per_party.setdefault(party, []).append((year, amount))
    return {
        party: present_value(amounts, base_year=base_year, rate=rate)
        for party, amounts in per_party.items()
    }


def _largest_first(values: dict[str, Fraction]) -> tuple[tuple[str, Fraction], ...]:
    # Ties by name, so the order never depends on the input order.
    return tuple(sorted(values.items(), key=lambda item: (-item[1], item[0])))


def who_pays_who_gains(
    pays: dict[str, Fraction], gains: dict[str, Fraction]
) -> tuple[PartyBalance, ...]:
    """Set what each party pays against what it gains, and its fair share.

    Parameters
    ----------
    pays : dict of str to Fraction
        Present value of the costs per partner.
    gains : dict of str to Fraction
        Present value of the benefits per beneficiary.

    Returns
    -------
    tuple of PartyBalance
        One row per party that pays or gains, the largest co-funding gap
        first, then by name.

    Examples
    --------
    The municipality pays 100 and gains 30; the insurer pays nothing and
    gains 70, so it would pay 70 of the 100 in a share by benefit:

    >>> rows = who_pays_who_gains(
    ...     {"Gemeente": Fraction(100)},
    ...     {"Gemeente": Fraction(30), "Zorgverzekeraar": Fraction(70)},
    ... )
    >>> [(row.party, row.fair_share, row.co_funding_gap) for row in rows]
    [('Zorgverzekeraar', Fraction(70, 1), Fraction(70, 1)), ('Gemeente', Fraction(30, 1), Fraction(0, 1))]
    """
    total_costs = sum(pays.values(), start=Fraction(0))
    # A party that loses on balance gets no share of the costs.
    total_gains = sum((max(Fraction(0), g) for g in gains.values()), Fraction(0))
    rows = []
    for party in set(pays) | set(gains):
        paid = pays.get(party, Fraction(0))
        gained = gains.get(party, Fraction(0))
        share = (
            total_costs * max(Fraction(0), gained) / total_gains
            if total_gains > 0
            else Fraction(0)
        )
        rows.append(
            PartyBalance(
                party=party,
                pays=paid,
                gains=gained,
                net=gained - paid,
                fair_share=share,
                co_funding_gap=max(Fraction(0), share - paid),
            )
        )
    return tuple(sorted(rows, key=lambda row: (-row.co_funding_gap, row.party)))


def _npv(
    costs: Sequence[CostLine],
    benefits: Sequence[Benefit],
    base_year: int,
    rate: Fraction,
    cost_factor: Fraction = Fraction(1),
    benefit_factor: Fraction = Fraction(1),
) -> Fraction:
    paid = present_value(
        ((line.year, line.amount) for line in costs), base_year=base_year, rate=rate
    )
    gained = present_value(
        ((item.year, item.amount) for item in benefits),
        base_year=base_year,
        rate=rate,
    )
    return benefit_factor * gained - cost_factor * paid


def cost_benefit_analysis(
    costs: Iterable[CostLine],
    benefits: Iterable[Benefit],
    *,
    base_year: int,
    rate: Fraction = DEFAULT_DISCOUNT_RATE,
    sensitivity: Sensitivity | None = None,
) -> CostBenefit:
    """Discount costs and benefits, and give NPV, ratio, range and matrix.

    Parameters
    ----------
    costs : iterable of CostLine
        What partners pay, per year.
    benefits : iterable of Benefit
        What beneficiaries gain, per year.
    base_year : int
        The year to discount to, usually the first year of the measure.
    rate : Fraction
        The discount rate; by default the 2.25 % of the Dutch guidance.
    sensitivity : Sensitivity, optional
        The variations for the range; by default benefits at 70 % and
        130 %, costs at 120 %, and rates of 1.25 % and 3.25 %. Every
        combination of the base values and the variations is tried.

    Returns
    -------
    CostBenefit
        Present values, NPV, ratio, scenarios with their range, and the
        "who pays, who gains" matrix.

    Raises
    ------
    WijkaanpakError
        If a cost is negative (write savings as benefits, not as negative
        costs). A benefit may be negative: a loss to its beneficiary.

    Examples
    --------
    A measure costs 1,000 euro now and brings 550 euro in each of the next
    two years; at 10 % the benefits are worth 500 + 454.55 = 954.55 euro:

    >>> result = cost_benefit_analysis(
    ...     [CostLine("Gemeente", 2025, 1_000_00)],
    ...     [Benefit("Gemeente", 2026, 550_00), Benefit("Gemeente", 2027, 550_00)],
    ...     base_year=2025,
    ...     rate=Fraction(1, 10),
    ... )
    >>> float(round(result.net_present_value / 100, 2))
    -45.45
    >>> round(float(result.benefit_cost_ratio), 4)
    0.9545

    References
    ----------
    Romijn and Renes, *Algemene leidraad voor maatschappelijke
    kosten-batenanalyse* (CPB/PBL, 2013); Werkgroep discontovoet 2020.
    """
    cost_lines = tuple(costs)
    benefit_lines = tuple(benefits)
    negative = [line for line in cost_lines if line.amount < 0]
    if negative:
        raise WijkaanpakError(
            "Costs must not be negative; write a saving as a benefit. "
            f"Found {len(negative)} negative cost(s)."
        )
    pays = _by_party(
        ((line.partner, line.year, line.amount) for line in cost_lines),
        base_year,
        rate,
    )
    gains = _by_party(
        ((item.beneficiary, item.year, item.amount) for item in benefit_lines),
        base_year,
        rate,
    )
    total_costs = sum(pays.values(), start=Fraction(0))
    total_benefits = sum(gains.values(), start=Fraction(0))
    npv = total_benefits - total_costs
    variations = sensitivity or Sensitivity()
    scenarios = tuple(
        Scenario(
            benefit_factor,
            cost_factor,
            scenario_rate,
            _npv(
                cost_lines,
                benefit_lines,
                base_year,
                scenario_rate,
                cost_factor,
                benefit_factor,
            ),
        )
        for benefit_factor, cost_factor, scenario_rate in itertools.product(
            (Fraction(1), *variations.benefit_factors),
            (Fraction(1), *variations.cost_factors),
            (rate, *variations.rates),
        )
    )
    outcomes = [npv, *(scenario.net_present_value for scenario in scenarios)]
    return CostBenefit(
        base_year=base_year,
        rate=rate,
        costs=total_costs,
        benefits=total_benefits,
        net_present_value=npv,
        benefit_cost_ratio=total_benefits / total_costs if total_costs else None,
        costs_by_partner=_largest_first(pays),
        benefits_by_beneficiary=_largest_first(gains),
        scenarios=scenarios,
        low=min(outcomes),
        high=max(outcomes),
        matrix=who_pays_who_gains(pays, gains),
    )
