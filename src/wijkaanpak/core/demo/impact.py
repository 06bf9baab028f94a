# SPDX-License-Identifier: EUPL-1.2
"""Invent the benefit assumptions behind the demo's impact analysis (MKBA).

A cost-benefit analysis needs benefits written down: how many people or
cases a year, what one is worth, and to whom. The demo gives four measures
of the demo programme such assumptions, so the impact page shows a net
present value, a range and a "who pays, who gains" matrix in which partners
who pay little and gain much stand out. The amounts are invented for the
demo and say so in their source.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DemoBenefit", "demo_benefits"]

_SOURCE = "Demo-aanname (verzonnen), alleen ter illustratie"


@dataclass(frozen=True, slots=True)
class DemoBenefit:
    """One benefit assumption of a demo measure.

    Attributes
    ----------
    measure_key : str
        The key of the measure in :mod:`wijkaanpak.core.demo.programme`.
    beneficiary, label : str
        Who gains, and what. A beneficiary that is a partner of the demo is
        given by its organisation key (see
        :func:`wijkaanpak.core.demo.alliance.demo_organisations`) with the
        prefix ``partner:``, so the loader writes the partner's name and the
        "who pays, who gains" matrix sets its costs against its gains.
    euros_per_unit : int
        Value per person or case per year, in euros.
    units_per_year : int
        Persons or cases per year.
    first_year, years : int
        When the benefit starts and for how many years it is counted.
    source : str
        Where the assumption comes from.
    """

    measure_key: str
    beneficiary: str
    label: str
    euros_per_unit: int
    units_per_year: int
    first_year: int
    years: int
    source: str = _SOURCE


_BENEFITS = (
    DemoBenefit(
        "debt_help",
        "partner:municipality",
        "Minder bijstand en schuldhulp",
        3_000,
        40,
        2024,
        5,
    ),
    DemoBenefit(
        "debt_help",
        "partner:housing_corporation_1",
        "Minder huurachterstand",
        1_500,
        40,
        2024,
        5,
    ),
    DemoBenefit(
        "debt_help",
        "Zorgverzekeraar",
        "Minder zorgkosten door stress",
        800,
        40,
        2024,
        5,
    ),
    DemoBenefit(
        "job_route", "partner:municipality", "Bijstand bespaard", 15_000, 12, 2024, 5
    ),
    DemoBenefit("job_route", "Rijk", "Meer belasting en premies", 5_000, 12, 2024, 5),
    DemoBenefit("renovation", "Huurders", "Lagere energiekosten", 600, 240, 2026, 15),
    DemoBenefit(
        "renovation",
        "partner:housing_corporation_1",
        "Minder onderhoud",
        400,
        240,
        2026,
        15,
    ),
    DemoBenefit("street_watch", "Bewoners", "Minder inbraakschade", 2_500, 10, 2024, 4),
    DemoBenefit("street_watch", "partner:police", "Minder zaken", 1_200, 15, 2024, 4),
)


def demo_benefits() -> tuple[DemoBenefit, ...]:
    """Return the benefit assumptions of the demo measures.

    Returns
    -------
    tuple of DemoBenefit
        Assumptions for four measures of the demo programme.

    Examples
    --------
    >>> sorted({benefit.measure_key for benefit in demo_benefits()})
    ['debt_help', 'job_route', 'renovation', 'street_watch']
    """
    return _BENEFITS
