# SPDX-License-Identifier: EUPL-1.2
"""Invent a neighbourhood contract and a residents' budget for the demo area.

The contract is last year's, signed and reviewed: most agreements were kept,
one partly and one not, so that the review has something to say. The budget
is last year's too, with criteria residents agreed, three approved
initiatives (one granted less than asked), one rejected with its reason, and
results for the initiatives that took place. Dates are relative to the day
the demo is loaded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DemoApplication",
    "DemoContractItem",
    "DemoResidents",
    "demo_residents",
]


@dataclass(frozen=True, slots=True)
class DemoContractItem:
    """One agreement: a residents' group or a partner (by key) does something."""

    who: str
    is_partner: bool
    what: str
    when: str
    review: Literal["done", "partly", "not_done"]
    review_note: str


@dataclass(frozen=True, slots=True)
class DemoApplication:
    """An application to the residents' budget with its decision and result."""

    title: str
    description: str
    amount_cents: int
    criteria: tuple[int, ...]
    granted_cents: int | None
    reason: str
    result: str
    participants: int | None


@dataclass(frozen=True, slots=True)
class DemoResidents:
    """The contract and the budget of one neighbourhood for one year."""

    year: int
    contract_introduction: str
    signed_on: datetime.date
    items: tuple[DemoContractItem, ...]
    budget_cents: int
    budget_introduction: str
    criteria: tuple[str, ...]
    applications: tuple[DemoApplication, ...]


def demo_residents(today: datetime.date) -> DemoResidents:
    """Return last year's contract and budget of the demo neighbourhood.

    Parameters
    ----------
    today : datetime.date
        The day the demo is loaded; the contract and budget are of the year
        before.

    Returns
    -------
    DemoResidents
        Plain data for the loader to write through the services.

    Examples
    --------
    >>> residents = demo_residents(datetime.date(2026, 3, 1))
    >>> residents.year, len(residents.items), residents.budget_cents
    (2025, 5, 500000)
    >>> sum(a.granted_cents or 0 for a in residents.applications) <= 500000
    True
    """
    year = today.year - 1
    items = (
        DemoContractItem(
            "Bewonerscommissie Het Plein",
            False,
            "Elke maand een opschoondag op het plein en in de straten eromheen.",
            "Eerste zaterdag van de maand",
            "partly",
            "Acht van de twaalf opschoondagen gingen door; in de winter kwamen "
            "te weinig mensen.",
        ),
        DemoContractItem(
            "Jongerenraad",
            False,
            "Een voetbaltoernooi voor de jongeren van de buurt.",
            "Zomervakantie",
            "done",
            "",
        ),
        DemoContractItem(
            "housing_corporation_1",
            True,
            "Kapotte verlichting in portieken binnen een week maken.",
            "Het hele jaar",
            "done",
            "",
        ),
        DemoContractItem(
            "municipality",
            True,
            "Grofvuil ophalen na elke opschoondag.",
            "Na elke opschoondag",
            "done",
            "",
        ),
        DemoContractItem(
            "police",
            True,
            "Elke maand een spreekuur van de wijkagent in het buurthuis.",
            "Elke tweede dinsdag",
            "not_done",
            "Door personeelstekort was er pas vanaf oktober een spreekuur.",
        ),
    )
    applications = (
        DemoApplication(
            "Buurtfeest op het plein",
            "Een feest voor de hele buurt, met muziek en eten uit verschillende "
            "keukens.",
            1_500_00,
            (1, 2),
            1_500_00,
            "Voor en door bewoners, en iedereen kan meedoen.",
            "Ongeveer 250 buren kwamen; vijf nieuwe vrijwilligers meldden zich.",
            250,
        ),
        DemoApplication(
            "Moestuin achter de school",
            "Bakken met groente en kruiden, verzorgd door ouders en kinderen.",
            2_000_00,
            (1, 2, 3),
            1_200_00,
            "Goed plan; de school betaalt de bakken, dus wij betalen de rest.",
            "Twaalf bakken staan er; de eerste oogst ging naar de voedselbank.",
            30,
        ),
        DemoApplication(
            "Huiswerkklas in het buurthuis",
            "Twee middagen per week hulp bij huiswerk door buurtgenoten.",
            800_00,
            (1, 3),
            800_00,
            "Voor kinderen, door buren: dat past precies bij de criteria.",
            "",
            None,
        ),
        DemoApplication(
            "Nieuwe laptop voor de bewonerscommissie",
            "Een laptop om de nieuwsbrief te maken.",
            900_00,
            (),
            None,
            "Geen initiatief voor de buurt zelf; de gemeente heeft hiervoor een "
            "ander potje.",
            "",
            None,
        ),
    )
    return DemoResidents(
        year=year,
        contract_introduction=(
            "Bewoners en partners maken de buurt samen schoon, veilig en gezellig."
        ),
        signed_on=datetime.date(year, 1, 20),
        items=items,
        budget_cents=5_000_00,
        budget_introduction="Heb je een plan voor de buurt? Vraag geld aan.",
        criteria=(
            "Voor en door bewoners van de buurt.",
            "Iedereen kan meedoen.",
            "Het helpt kinderen of jongeren.",
        ),
        applications=applications,
    )
