# SPDX-License-Identifier: EUPL-1.2
"""Invent the blockage cases of the demo: every level of the ladder, every outcome.

The demo shows a ladder in use after a year: cases at the front line (one
past its deadline, so ``wijk doorbraak escaleer`` has work), at the programme
bureau, at the alliance's breakthrough table (on the agenda of the last
meeting, with homework), and at the national meeting; one that skipped the
bureau with its reason; closed cases with each outcome; linked cases. The
rules that block are real Dutch laws, named as the register names them; the
households, codes and stories are made up.

One rule, the cost-sharers' norm (*kostendelersnorm*), blocks in several
areas: the loader adds cases in other focus areas, so the national register
shows it broken through elsewhere.

Dates are days before the day the demo is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DEMO_RULES",
    "DemoCase",
    "DemoRule",
    "DemoStep",
    "demo_cases",
    "elsewhere_cases",
]

Level = Literal[
    "front_line", "programme_bureau", "breakthrough_table", "national_meeting"
]
Outcome = Literal["incidental", "structural", "not_possible"]


@dataclass(frozen=True, slots=True)
class DemoRule:
    """A rule of the national register.

    Attributes
    ----------
    key, title, kind, instrument, article, owner, url : str
        Identifier in the demo, then the register's fields.
    """

    key: str
    title: str
    kind: Literal["law", "policy"]
    instrument: str
    article: str
    owner: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class DemoStep:
    """A move up the ladder, ``days`` after the case was opened.

    Attributes
    ----------
    level : str
        The level the case climbs to.
    days : int
        Days after opening.
    reason : str
        Why; required when it skips a level.
    """

    level: Level
    days: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class DemoCase:
    """A blockage case of the demo.

    Attributes
    ----------
    key, title, need, blockage_kind, blockage, tried : str
        Identifier in the demo and the case's texts.
    domains : tuple of str
        Domains it crosses.
    rule_keys : tuple of str
        Keys of :data:`DEMO_RULES` it hit.
    opened_days_ago : int
        When it was opened.
    steps : tuple of DemoStep
        Its climb, in order.
    interim : tuple of (int, str, str)
        Interim decisions: days after opening, decision, grounds.
    outcome : str or None
        How it ended, or None while open.
    decided_after : int
        Days from opening to the outcome.
    household_result, outcome_reason, structural_change, grounds : str
        The closing decision's texts.
    at_table_meeting : bool
        Put on the agenda of the last alliance meeting, with homework.
    links : tuple of (str, str)
        (kind, key of the other case).
    """

    key: str
    title: str
    need: str
    blockage_kind: Literal["rule", "budget", "procedure", "capacity"]
    blockage: str
    tried: str
    domains: tuple[str, ...]
    rule_keys: tuple[str, ...]
    opened_days_ago: int
    steps: tuple[DemoStep, ...] = ()
    interim: tuple[tuple[int, str, str], ...] = ()
    outcome: Outcome | None = None
    decided_after: int = 0
    household_result: str = ""
    outcome_reason: str = ""
    structural_change: str = ""
    grounds: str = ""
    at_table_meeting: bool = False
    links: tuple[tuple[str, str], ...] = ()


DEMO_RULES: tuple[DemoRule, ...] = (
    DemoRule(
        "kostendelersnorm",
        "Kostendelersnorm",
        "law",
        "Participatiewet",
        "art. 22a",
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        "https://wetten.overheid.nl/BWBR0015703",
    ),
    DemoRule(
        "jeugd18",
        "Jeugdhulp stopt bij 18 jaar",
        "law",
        "Jeugdwet",
        "art. 1.1",
        "Ministerie van Volksgezondheid, Welzijn en Sport",
        "https://wetten.overheid.nl/BWBR0034925",
    ),
    DemoRule(
        "passend-toewijzen",
        "Passend toewijzen",
        "law",
        "Woningwet",
        "art. 46",
        "Ministerie van Volkshuisvesting en Ruimtelijke Ordening",
        "https://wetten.overheid.nl/BWBR0005181",
    ),
    DemoRule(
        "terugvordering-toeslagen",
        "Terugvordering van toeslagen ineens",
        "law",
        "Algemene wet inkomensafhankelijke regelingen",
        "art. 26",
        "Ministerie van Financiën",
        "https://wetten.overheid.nl/BWBR0018472",
    ),
    DemoRule(
        "bijzondere-bijstand",
        "Geen bijzondere bijstand voor inrichting na verhuizing",
        "policy",
        "Beleidsregels bijzondere bijstand (demo)",
        "art. 4",
        "Gemeente (fictief)",
    ),
)


def demo_cases() -> tuple[DemoCase, ...]:
    """Return the cases of the demo focus area, at every level and with each outcome.

    Returns
    -------
    tuple of DemoCase
        In the order they are saved; links point to earlier cases.

    Examples
    --------
    >>> cases = demo_cases()
    >>> levels = {s.level for c in cases for s in c.steps} | {"front_line"}
    >>> sorted(levels)
    ['breakthrough_table', 'front_line', 'national_meeting', 'programme_bureau']
    >>> sorted({c.outcome for c in cases if c.outcome})
    ['incidental', 'not_possible', 'structural']
    """
    return (
        DemoCase(
            "net-18",
            "Hulp stopt op de 18e verjaardag",
            "Een jongere met een licht verstandelijke beperking wordt binnenkort 18. "
            "De begeleiding thuis stopt dan, terwijl het gezin die nog nodig heeft.",
            "rule",
            "Jeugdhulp stopt bij 18 jaar; de Wmo-indicatie loopt pas na maanden.",
            "Wmo-aanvraag gedaan; wachttijd vier maanden.",
            ("health", "education"),
            ("jeugd18",),
            opened_days_ago=5,
        ),
        DemoCase(
            "schuld-toeslag",
            "Terugvordering toeslag maakt schuldregeling onmogelijk",
            "Een alleenstaande ouder met drie kinderen zit in een minnelijk traject. "
            "De Belastingdienst vordert een toeslag ineens terug.",
            "rule",
            "De terugvordering past niet in de schuldregeling; de schuldeisers haken af.",
            "Persoonlijke betalingsregeling gevraagd, nog geen antwoord.",
            ("work_poverty",),
            ("terugvordering-toeslagen",),
            opened_days_ago=20,
        ),
        DemoCase(
            "inrichting",
            "Geen bed na verhuizing uit de opvang",
            "Een moeder en twee kinderen kregen een woning na de vrouwenopvang. Er is "
            "geen geld voor bedden en een koelkast.",
            "rule",
            "De beleidsregel sluit inrichtingskosten uit als er eerder een lening was.",
            "Kerk en voedselbank gevraagd; gedeeltelijk geholpen.",
            ("work_poverty", "housing"),
            ("bijzondere-bijstand",),
            opened_days_ago=30,
            steps=(DemoStep("programme_bureau", 12),),
            interim=(
                (
                    14,
                    "Het programmabureau vraagt de gemeente om maatwerk.",
                    "De regel is bedoeld tegen misbruik, niet voor dit gezin.",
                ),
            ),
        ),
        DemoCase(
            "woning-mantelzorg",
            "Gezin past niet in een passende woning",
            "Een gezin met een inwonende grootouder die zorg nodig heeft, zoekt een "
            "grotere woning in de wijk.",
            "rule",
            "Met de inkomensgrens van passend toewijzen komt het gezin niet in "
            "aanmerking voor de woningen die groot genoeg zijn.",
            "Urgentie aangevraagd en afgewezen.",
            ("housing", "health"),
            ("passend-toewijzen",),
            opened_days_ago=60,
            steps=(
                DemoStep("programme_bureau", 10),
                DemoStep("breakthrough_table", 30),
            ),
            at_table_meeting=True,
        ),
        DemoCase(
            "kostendelers-studie",
            "Uitkering moeder daalt omdat studerende kinderen meetellen",
            "Een moeder in de bijstand woont met twee studerende kinderen boven de 21. "
            "Haar uitkering daalt sterk; de huur komt in gevaar.",
            "rule",
            "De kostendelersnorm telt de kinderen als kostendelers, ook als zij niets "
            "bijdragen.",
            "Bijzondere bijstand voor woonkosten, eenmalig.",
            ("work_poverty", "housing"),
            ("kostendelersnorm",),
            opened_days_ago=130,
            steps=(
                DemoStep("programme_bureau", 14),
                DemoStep("breakthrough_table", 40),
                DemoStep("national_meeting", 80),
            ),
            interim=(
                (
                    85,
                    "Het interdepartementale doorbraakoverleg vraagt SZW om een "
                    "uitzondering voor studerende kinderen.",
                    "Het probleem speelt in meer focusgebieden.",
                ),
            ),
        ),
        DemoCase(
            "kostendelers-mantelzorg",
            "Mantelzorger verliest bijstand door inwonen",
            "Een zoon trekt in bij zijn vader om voor hem te zorgen. De bijstand van de "
            "vader daalt.",
            "rule",
            "De kostendelersnorm geldt ook voor een inwonende mantelzorger.",
            "Gesprek met Werk en Inkomen.",
            ("work_poverty", "health"),
            ("kostendelersnorm",),
            opened_days_ago=200,
            steps=(DemoStep("programme_bureau", 10),),
            outcome="incidental",
            decided_after=45,
            grounds="De wet laat afwijken toe als de situatie daarom vraagt.",
            household_result="De vader houdt voor een jaar zijn volledige uitkering.",
            links=(("same_cause", "kostendelers-studie"),),
        ),
        DemoCase(
            "schuldhulp-wonen",
            "Twee potjes voor één gezin in de schulden",
            "Een gezin met huurachterstand krijgt schuldhulp en woonbegeleiding van "
            "twee partijen die elkaar niet kennen.",
            "budget",
            "Schuldhulp en woonbegeleiding komen uit aparte budgetten met eigen regels.",
            "Gezamenlijk gesprek georganiseerd.",
            ("work_poverty", "housing"),
            ("bijzondere-bijstand",),
            opened_days_ago=260,
            steps=(
                DemoStep("programme_bureau", 12),
                DemoStep("breakthrough_table", 35),
            ),
            outcome="structural",
            decided_after=70,
            grounds="Beide budgetten dienen hetzelfde doel in dezelfde wijk.",
            household_result="Het gezin heeft één hulpverlener en een betalingsregeling.",
            structural_change="Gemeente en corporatie voegen de budgetten voor "
            "schuldhulp en woonbegeleiding in de wijk samen.",
        ),
        DemoCase(
            "grote-woning",
            "Geen grote woning voor een gezin met zes kinderen",
            "Een gezin met zes kinderen woont in een driekamerwoning.",
            "capacity",
            "Er zijn in de wijk geen woningen met vijf slaapkamers.",
            "Zoeken in de hele regio; twee woningen aangeboden, te ver weg.",
            ("housing",),
            ("passend-toewijzen",),
            opened_days_ago=300,
            steps=(DemoStep("programme_bureau", 14),),
            outcome="not_possible",
            decided_after=60,
            grounds="Bouwen kost jaren; ombouwen van twee woningen is onderzocht.",
            household_result="Het gezin krijgt voorrang op de eerste grote woning in de regio.",
            outcome_reason="De woningen bestaan niet in de wijk; samenvoegen kan pas "
            "bij de renovatie over drie jaar.",
        ),
        DemoCase(
            "grote-woning-vervolg",
            "Tijdelijke extra ruimte voor het grote gezin",
            "Het gezin met zes kinderen heeft tot de renovatie meer ruimte nodig.",
            "rule",
            "Een tweede woning naast de eerste mag niet worden toegewezen.",
            "Navraag bij de corporatie.",
            ("housing",),
            ("passend-toewijzen",),
            opened_days_ago=40,
            steps=(
                DemoStep(
                    "breakthrough_table",
                    2,
                    "Alleen de alliantie kan een tweede woning toewijzen; het "
                    "programmabureau heeft het eerder onderzocht.",
                ),
            ),
            links=(("follow_up", "grote-woning"),),
        ),
    )


def elsewhere_cases() -> tuple[DemoCase, ...]:
    """Return the cases other focus areas had with the cost-sharers' norm.

    Returns
    -------
    tuple of DemoCase
        One closed with a structural breakthrough, one open at the bureau.

    Examples
    --------
    >>> [c.rule_keys for c in elsewhere_cases()]
    [('kostendelersnorm',), ('kostendelersnorm',)]
    """
    return (
        DemoCase(
            "elders-studie",
            "Studerende kinderen drukken de bijstand",
            "Een vader in de bijstand woont met een studerende dochter.",
            "rule",
            "De kostendelersnorm telt de dochter mee.",
            "Bijzondere bijstand aangevraagd.",
            ("work_poverty",),
            ("kostendelersnorm",),
            opened_days_ago=240,
            steps=(DemoStep("programme_bureau", 10),),
            outcome="structural",
            decided_after=90,
            grounds="De gemeente mag studerenden buiten beschouwing laten.",
            household_result="De uitkering is hersteld.",
            structural_change="Beleidsregel: studerende kinderen tellen niet als kostendeler.",
        ),
        DemoCase(
            "elders-mantelzorg",
            "Inwonende mantelzorger",
            "Een dochter zorgt bij haar moeder thuis.",
            "rule",
            "De kostendelersnorm telt de dochter mee.",
            "Gesprek met de consulent.",
            ("work_poverty", "health"),
            ("kostendelersnorm",),
            opened_days_ago=25,
            steps=(DemoStep("programme_bureau", 15),),
        ),
    )
