# SPDX-License-Identifier: EUPL-1.2
"""Invent the programme of the demo focus area: plan, commitments and alliance.

The demo shows a programme as a real alliance would write it after some years:
goals under all three national goals, regular and additional measures with
budgets and stop rules, partners' commitments of which some fell short, and
two alliance meetings with decisions and homework, one task overdue. A few
weak spots are left in on purpose (a goal without indicator, a measure that
serves no goal, a partner without commitment, regular work called
additional), so that the coherence check has something to show.

Targets are given as a factor on the baseline, which the loader takes from
the stored figures; dates are given relative to the day the demo is loaded,
so the overdue homework is overdue on that day.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DemoCommitment",
    "DemoGoal",
    "DemoHomework",
    "DemoMeasure",
    "DemoMeeting",
    "DemoMinimumGoal",
    "DemoProblem",
    "DemoProgramme",
    "DemoStopRule",
    "demo_programme",
]

NationalGoal = Literal["perspective", "physical", "safety"]


@dataclass(frozen=True, slots=True)
class DemoProblem:
    """One point of the problem analysis.

    Attributes
    ----------
    national_goal, kind, text : str
        Where it belongs, ``deficit``/``cause``/``consequence``, and the text.
    indicator_key : str
        The indicator that shows it, or empty.
    document_title : str
        The document that shows it, or empty.
    """

    national_goal: NationalGoal
    kind: Literal["deficit", "cause", "consequence"]
    text: str
    indicator_key: str = ""
    document_title: str = ""


@dataclass(frozen=True, slots=True)
class DemoGoal:
    """An area goal; the target is ``target_factor`` times the baseline.

    Attributes
    ----------
    key, national_goal, title, description : str
        Identifier in the demo, national goal, and texts in Dutch.
    indicator_key : str
        An indicator of the catalogue, or empty (a weak spot on purpose).
    target_factor : float
        Target divided by baseline.
    target_year : int
        The deadline.
    """

    key: str
    national_goal: NationalGoal
    title: str
    description: str
    indicator_key: str
    target_factor: float
    target_year: int


@dataclass(frozen=True, slots=True)
class DemoStopRule:
    """The agreed evaluation criterion of a measure.

    Attributes
    ----------
    criterion : str
        What is measured.
    comparison : {"at_least", "at_most"}
        Continue when the value is at least (at most) the threshold.
    threshold : float
        The value agreed.
    check_year : int
        When it is checked.
    observed : float or None
        What was measured, if anything yet.
    """

    criterion: str
    comparison: Literal["at_least", "at_most"]
    threshold: float
    check_year: int
    observed: float | None = None


@dataclass(frozen=True, slots=True)
class DemoMeasure:
    """A measure with its partners, budgets and stop rule.

    Attributes
    ----------
    key, title, description : str
        Identifier and Dutch texts.
    domains : tuple of str
        Policy domains.
    goal_keys : tuple of str
        The goals served (empty: a weak spot on purpose).
    owner_key : str
        The responsible organisation.
    partner_keys : tuple of str
        Other organisations.
    additional_kind : str
        ``better``, ``more`` or ``different``; empty for regular work.
    additional_reason : str
        Why it is additional.
    start_year, end_year : int
        When it runs.
    status : str
        ``planned``, ``running``, ``stopped`` or ``completed``.
    good_practice : tuple of bool
        Entrepreneur, proven method, strategic coalition, measured effect.
    benefits_to : str
        Who cashes in the benefits.
    budgets : tuple of (str, int, int)
        Organisation key, year and amount in euros.
    stop_rule : DemoStopRule or None
        The agreed criterion.
    """

    key: str
    title: str
    description: str
    domains: tuple[str, ...]
    goal_keys: tuple[str, ...]
    owner_key: str
    partner_keys: tuple[str, ...]
    additional_kind: str
    additional_reason: str
    start_year: int
    end_year: int
    status: str
    good_practice: tuple[bool, bool, bool, bool]
    benefits_to: str
    budgets: tuple[tuple[str, int, int], ...]
    stop_rule: DemoStopRule | None


@dataclass(frozen=True, slots=True)
class DemoCommitment:
    """A partner's promise for a year and what it delivered.

    Attributes
    ----------
    organisation_key : str
        The partner.
    year : int
        The year.
    kind : {"money", "staff", "other"}
        The kind of means.
    promised, delivered : int
        Amounts in euros (money), hours (staff) or pieces (other).
    description : str
        What it is for.
    goal_key : str
        The goal it serves, or empty.
    """

    organisation_key: str
    year: int
    kind: Literal["money", "staff", "other"]
    promised: int
    delivered: int
    description: str
    goal_key: str = ""


@dataclass(frozen=True, slots=True)
class DemoHomework:
    """A task for a partner.

    Attributes
    ----------
    text : str
        The task.
    organisation_key : str
        Who does it.
    due_on : datetime.date
        The due date.
    done_on : datetime.date or None
        When it was done, if it was.
    """

    text: str
    organisation_key: str
    due_on: datetime.date
    done_on: datetime.date | None


@dataclass(frozen=True, slots=True)
class DemoMeeting:
    """An alliance meeting.

    Attributes
    ----------
    held_on : datetime.date
        The date.
    title, agenda : str
        Dutch texts.
    decisions : tuple of str
        The decisions taken.
    homework : tuple of DemoHomework
        The tasks handed out.
    """

    held_on: datetime.date
    title: str
    agenda: str
    decisions: tuple[str, ...]
    homework: tuple[DemoHomework, ...]


@dataclass(frozen=True, slots=True)
class DemoMinimumGoal:
    """A national minimum goal.

    Attributes
    ----------
    national_goal, title, indicator_key : str
        What it is about.
    minimum_improvement : float
        In the indicator's unit.
    deadline_year : int
        The deadline.
    """

    national_goal: NationalGoal
    title: str
    indicator_key: str
    minimum_improvement: float
    deadline_year: int


@dataclass(frozen=True, slots=True)
class DemoProgramme:
    """The whole demo programme, as plain data for the loader.

    Attributes
    ----------
    vision : str
        The vision.
    end_year : int
        The programme horizon.
    problems, goals, measures, commitments, meetings, minimum_goals : tuple
        The parts of the programme.
    """

    vision: str
    end_year: int
    problems: tuple[DemoProblem, ...]
    goals: tuple[DemoGoal, ...]
    measures: tuple[DemoMeasure, ...]
    commitments: tuple[DemoCommitment, ...]
    meetings: tuple[DemoMeeting, ...]
    minimum_goals: tuple[DemoMinimumGoal, ...]


_GOALS = (
    DemoGoal(
        "income",
        "perspective",
        "Minder huishoudens met een laag inkomen",
        "Minder gezinnen leven van een laag inkomen, zodat kinderen zonder geldzorgen opgroeien.",
        "low_income_households",
        0.8,
        2030,
    ),
    DemoGoal(
        "assistance",
        "perspective",
        "Minder bewoners in de bijstand",
        "Meer bewoners vinden werk of een opleiding en hebben geen bijstand meer nodig.",
        "social_assistance_per_1000",
        0.85,
        2030,
    ),
    DemoGoal(
        "work",
        "perspective",
        "Meer bewoners aan het werk",
        "De arbeidsdeelname stijgt naar het niveau van de stad.",
        "labour_participation",
        1.06,
        2030,
    ),
    DemoGoal(
        "youth",
        "perspective",
        "Kinderen groeien veilig op",
        "Minder jongeren hebben zware jeugdhulp nodig, omdat gezinnen eerder steun krijgen.",
        "youth_care_share",
        0.9,
        2030,
    ),
    DemoGoal(
        "vacancy",
        "physical",
        "Geen leegstaande woningen meer",
        "Leegstaande woningen worden opgeknapt en verhuurd.",
        "vacant_dwellings",
        0.3,
        2026,
    ),
    DemoGoal(
        "liveability",
        "physical",
        "Een prettiger woonomgeving",
        "De Leefbaarometer laat zien dat de buurt er echt op vooruitgaat.",
        "liveability_score",
        1.12,
        2030,
    ),
    DemoGoal(
        "pride",
        "physical",
        "Bewoners zijn trots op hun buurt",
        "Bewoners noemen hun buurt een fijne plek om te wonen.",
        "",
        1.0,
        2030,
    ),
    DemoGoal(
        "crime",
        "safety",
        "Minder criminaliteit",
        "Het aantal misdrijven daalt naar het niveau van de stad.",
        "crime_per_1000",
        0.8,
        2030,
    ),
    DemoGoal(
        "high_impact",
        "safety",
        "Minder inbraak, overvallen en geweld",
        "Bewoners voelen zich veilig op straat en in huis.",
        "high_impact_crime_per_1000",
        0.97,
        2030,
    ),
)


def _measures() -> tuple[DemoMeasure, ...]:
    return (
        DemoMeasure(
            "debt_help",
            "Schuldhulp aan de keukentafel",
            "Een schuldhulpmaatje komt thuis en helpt het hele gezin om schulden te regelen.",
            ("work_poverty",),
            ("income", "assistance"),
            "municipality",
            ("care_welfare", "housing_corporation_1"),
            "different",
            "Hulp komt nu naar bewoners toe in plaats van andersom; de gemeente deed dit nog niet.",
            2023,
            2028,
            "running",
            (True, True, True, False),
            "Gemeente (minder bijstand) en corporaties (minder huurachterstand)",
            (
                ("municipality", 2023, 180_000),
                ("municipality", 2024, 220_000),
                ("housing_corporation_1", 2024, 40_000),
            ),
            DemoStopRule("Gezinnen met een schuldenplan", "at_least", 120, 2025, 146),
        ),
        DemoMeasure(
            "job_route",
            "Werkroute Kadewaard",
            "Bewoners in de bijstand krijgen een leerwerkplek bij ondernemers in de wijk.",
            ("work_poverty", "education"),
            ("assistance", "work"),
            "municipality",
            ("business",),
            "more",
            "Twee keer zoveel plekken als de gemeente elders biedt.",
            2023,
            2027,
            "running",
            (True, True, False, True),
            "Gemeente (uitkeringen) en Rijk (belastingen)",
            (("municipality", 2023, 250_000), ("ministry", 2024, 300_000)),
            DemoStopRule(
                "Deelnemers met een baan na een jaar (%)", "at_least", 35, 2025, 22
            ),
        ),
        DemoMeasure(
            "school_day",
            "Verlengde schooldag",
            "Kinderen krijgen na school les in sport, muziek en taal.",
            ("education",),
            ("youth",),
            "school_board",
            ("care_welfare",),
            "more",
            "Vier extra uren per week bovenop het gewone lesprogramma.",
            2023,
            2030,
            "running",
            (False, True, True, True),
            "Kinderen en scholen",
            (("school_board", 2023, 150_000), ("ministry", 2024, 200_000)),
            DemoStopRule("Kinderen die meedoen (%)", "at_least", 40, 2026),
        ),
        DemoMeasure(
            "family_coach",
            "Gezinscoach in de wijk",
            "Eén vaste coach per gezin met meerdere problemen.",
            ("health", "work_poverty"),
            ("youth",),
            "care_welfare",
            ("public_health",),
            "",
            "",
            2022,
            2030,
            "running",
            (False, True, False, False),
            "Gemeente (minder jeugdzorg)",
            (("care_welfare", 2023, 90_000),),
            None,
        ),
        DemoMeasure(
            "renovation",
            "Renovatie Havenblokken",
            "Opknappen en isoleren van 240 corporatiewoningen, met een nieuw binnenterrein.",
            ("housing",),
            ("vacancy", "liveability"),
            "housing_corporation_1",
            ("municipality",),
            "better",
            "Eerder en grondiger dan het gewone onderhoudsplan.",
            2024,
            2028,
            "running",
            (True, False, True, False),
            "Huurders (lagere energiekosten) en corporatie",
            (
                ("housing_corporation_1", 2024, 2_400_000),
                ("housing_corporation_1", 2025, 3_100_000),
                ("ministry", 2024, 800_000),
            ),
            DemoStopRule("Leegstaande woningen in de blokken", "at_most", 10, 2026),
        ),
        DemoMeasure(
            "vacancy_team",
            "Aanpak leegstand en woonfraude",
            "Gemeente en corporaties controleren adressen en pakken woonfraude aan.",
            ("housing", "safety_undermining"),
            ("vacancy", "crime"),
            "housing_corporation_2",
            ("municipality", "police"),
            "different",
            "Eén gezamenlijk team in plaats van losse controles.",
            2023,
            2026,
            "completed",
            (False, False, True, True),
            "Corporaties en woningzoekenden",
            (("housing_corporation_2", 2023, 120_000),),
            DemoStopRule("Opgeloste zaken per jaar", "at_least", 30, 2024, 41),
        ),
        DemoMeasure(
            "street_watch",
            "Buurtpreventie en extra wijkagent",
            "Een extra wijkagent en een buurtpreventieteam van bewoners.",
            ("safety_undermining",),
            ("crime", "high_impact"),
            "police",
            ("residents", "municipality"),
            "more",
            "Een tweede wijkagent, bovenop de gewone bezetting.",
            2023,
            2027,
            "running",
            (False, False, True, False),
            "Bewoners en ondernemers",
            (("municipality", 2023, 60_000),),
            DemoStopRule("Inbraken per jaar in de wijk", "at_most", 60, 2025, 71),
        ),
        DemoMeasure(
            "undermining",
            "Wijkgerichte aanpak ondermijning",
            "Gemeente, politie en OM pakken panden en bedrijven aan die criminelen gebruiken.",
            ("safety_undermining",),
            ("crime",),
            "public_prosecutor",
            ("police", "municipality"),
            "different",
            "Bestuurlijke en strafrechtelijke middelen worden samen ingezet.",
            2024,
            2030,
            "running",
            (True, True, True, False),
            "Bewoners en eerlijke ondernemers",
            (("municipality", 2024, 150_000), ("ministry", 2024, 250_000)),
            None,
        ),
        DemoMeasure(
            "youth_work",
            "Jongerenwerk op straat",
            "Jongerenwerkers zijn 's avonds op straat en op pleinen.",
            ("safety_undermining", "education"),
            ("high_impact", "youth"),
            "care_welfare",
            (),
            "more",
            "Meer avonden per week op straat.",
            2018,
            2030,
            "running",
            (False, False, False, False),
            "",
            (("care_welfare", 2023, 110_000),),
            None,
        ),
        DemoMeasure(
            "festival",
            "Zomerfestival Kadewaard",
            "Een jaarlijks festival op het plein, door bewoners georganiseerd.",
            ("health",),
            (),
            "residents",
            ("municipality",),
            "",
            "",
            2023,
            2025,
            "running",
            (True, False, False, False),
            "Bewoners",
            (("municipality", 2023, 25_000), ("municipality", 2024, 25_000)),
            None,
        ),
    )


_PROBLEMS = (
    DemoProblem(
        "perspective",
        "deficit",
        "Bijna een op de zes huishoudens leeft van een laag inkomen.",
        indicator_key="low_income_households",
    ),
    DemoProblem(
        "perspective",
        "cause",
        "Veel bewoners hebben geen startkwalificatie en vinden moeilijk werk.",
        document_title="Onderwijsmonitor Kadewaard 2022",
    ),
    DemoProblem(
        "perspective",
        "consequence",
        "Kinderen groeien op met geldzorgen en hebben vaker jeugdhulp nodig.",
        indicator_key="youth_care_share",
    ),
    DemoProblem(
        "physical",
        "deficit",
        "Veel woningen staan leeg of zijn slecht onderhouden.",
        indicator_key="vacant_dwellings",
    ),
    DemoProblem(
        "physical",
        "cause",
        "De wijk heeft bijna alleen kleine huurwoningen van corporaties.",
        indicator_key="corporation_share",
    ),
    DemoProblem(
        "safety",
        "deficit",
        "Er gebeuren meer misdrijven dan elders in de stad.",
        indicator_key="crime_per_1000",
    ),
    DemoProblem(
        "safety",
        "consequence",
        "Bewoners mijden 's avonds het plein en de onderdoorgang.",
        document_title="Bewonersavond veiligheid, verslag maart 2023",
    ),
)

# organisation, kind, amount per year (euros or hours), delivered share per past year
_COMMITMENTS: tuple[
    tuple[str, Literal["money", "staff", "other"], int, float, str, str], ...
] = (
    ("municipality", "money", 900_000, 1.0, "Programmabudget en uitvoering", ""),
    ("municipality", "staff", 3_200, 1.0, "Programmabureau en wijkteam", ""),
    (
        "housing_corporation_1",
        "money",
        2_500_000,
        0.96,
        "Renovatie en leefbaarheid",
        "liveability",
    ),
    ("housing_corporation_2", "money", 400_000, 0.55, "Aanpak leegstand", "vacancy"),
    ("school_board", "staff", 2_000, 0.9, "Leerkrachten verlengde schooldag", "youth"),
    ("police", "staff", 1_600, 0.75, "Extra wijkagent", "crime"),
    ("public_prosecutor", "staff", 400, 1.0, "Officier voor de wijk", "crime"),
    ("care_welfare", "staff", 2_400, 1.0, "Gezinscoaches en jongerenwerk", "youth"),
    ("public_health", "other", 4, 0.5, "Gezondheidsspreekuren per jaar", ""),
    ("residents", "staff", 600, 1.1, "Vrijwilligers buurtpreventie", "high_impact"),
    ("ministry", "money", 1_500_000, 1.0, "Rijksbijdrage NPLV", ""),
)
_COMMITMENT_YEARS = range(2023, 2028)


def _commitments(today: datetime.date) -> tuple[DemoCommitment, ...]:
    items = []
    for organisation, kind, amount, share, description, goal in _COMMITMENTS:
        for year in _COMMITMENT_YEARS:
            delivered = round(amount * share) if year < today.year else 0
            items.append(
                DemoCommitment(
                    organisation, year, kind, amount, delivered, description, goal
                )
            )
    return tuple(items)


def _meetings(today: datetime.date) -> tuple[DemoMeeting, ...]:
    first = today - datetime.timedelta(weeks=10)
    second = today - datetime.timedelta(weeks=3)
    return (
        DemoMeeting(
            first,
            "Alliantieoverleg: voortgang en leegstand",
            "1. Opening door de burgemeester\n2. Voortgang van de doelen\n"
            "3. Leegstand in de Havenblokken\n4. Rondvraag",
            (
                "De alliantie stelt het jaarplan vast.",
                "Woonvereniging De Nieuwe Kade levert voor de zomer een plan om de achterstand in te halen.",
            ),
            (
                DemoHomework(
                    "Cijfers over leegstand per complex aanleveren.",
                    "housing_corporation_2",
                    first + datetime.timedelta(weeks=4),
                    first + datetime.timedelta(weeks=3),
                ),
                DemoHomework(
                    "Plan om de toegezegde uren voor de extra wijkagent alsnog te leveren.",
                    "police",
                    today - datetime.timedelta(weeks=2),
                    None,
                ),
            ),
        ),
        DemoMeeting(
            second,
            "Alliantieoverleg: werk en inkomen",
            "1. Opening\n2. Resultaten Werkroute Kadewaard\n3. Stopregel Werkroute\n4. Rondvraag",
            (
                "De Werkroute krijgt een half jaar om de stopregel te halen; daarna besluit de alliantie.",
                "De ondernemersvereniging doet een toezegging voor leerwerkplekken.",
            ),
            (
                DemoHomework(
                    "Aantal leerwerkplekken voor 2026 toezeggen.",
                    "business",
                    today + datetime.timedelta(weeks=4),
                    None,
                ),
                DemoHomework(
                    "Evaluatie van de Werkroute met deelnemers bespreken.",
                    "municipality",
                    today + datetime.timedelta(weeks=8),
                    None,
                ),
            ),
        ),
    )


_MINIMUM_GOALS = (
    DemoMinimumGoal(
        "perspective",
        "Minder huishoudens met een laag inkomen",
        "low_income_households",
        2.0,
        2030,
    ),
    DemoMinimumGoal(
        "safety",
        "Minder misdrijven per 1.000 inwoners",
        "crime_per_1000",
        10.0,
        2030,
    ),
)


def demo_programme(focus_area_name: str, *, today: datetime.date) -> DemoProgramme:
    """Return the programme of the demo focus area.

    Parameters
    ----------
    focus_area_name : str
        The name of the focus area, used in the vision.
    today : datetime.date
        The day the demo is loaded; meetings and homework are dated from it,
        and only commitments of earlier years have deliveries.

    Returns
    -------
    DemoProgramme
        Plan, commitments, meetings and national minimum goals.

    Examples
    --------
    >>> import datetime
    >>> programme = demo_programme("Kadewaard Oost", today=datetime.date(2026, 5, 1))
    >>> sorted({goal.national_goal for goal in programme.goals})
    ['perspective', 'physical', 'safety']
    >>> sum(
    ...     item.done_on is None and item.due_on < datetime.date(2026, 5, 1)
    ...     for meeting in programme.meetings
    ...     for item in meeting.homework
    ... )
    1
    """
    return DemoProgramme(
        vision=(
            f"In 2032 is {focus_area_name} een wijk waar kinderen kansen krijgen, "
            "bewoners prettig wonen en iedereen zich veilig voelt."
        ),
        end_year=2032,
        problems=_PROBLEMS,
        goals=_GOALS,
        measures=_measures(),
        commitments=_commitments(today),
        meetings=_meetings(today),
        minimum_goals=_MINIMUM_GOALS,
    )
