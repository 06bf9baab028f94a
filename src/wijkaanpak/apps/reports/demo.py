# SPDX-License-Identifier: EUPL-1.2
"""Save the demo's residents' reports: every status, a joined problem, an evening.

The reports are made through the services, as residents and staff would make
them, so the demo shows real histories, feedback and figures.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from shapely.geometry import shape

from wijkaanpak.apps.accounts.models import Membership, Organisation, Role
from wijkaanpak.apps.reports import services
from wijkaanpak.apps.reports.models import Category, Channel, Problem, Status

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea

#: (code, name, partner kind, target, unit, group)
CATEGORIES = (
    (
        "bestrating",
        "Losse stoeptegel of gat in de weg",
        "municipality",
        5,
        "working_days",
        "Straat",
    ),
    (
        "zwerfvuil",
        "Zwerfvuil en volle afvalbak",
        "municipality",
        2,
        "working_days",
        "Afval",
    ),
    (
        "verlichting",
        "Straatlantaarn kapot",
        "municipality",
        10,
        "working_days",
        "Straat",
    ),
    ("graffiti", "Graffiti", "municipality", 14, "calendar_days", "Straat"),
    (
        "portiek",
        "Portiek of galerij vies of kapot",
        "housing_corporation",
        5,
        "working_days",
        "Woning",
    ),
)
#: (category, description, place, the status to walk the problem to)
REPORTS = (
    (
        "bestrating",
        "Tegel steekt omhoog, mijn moeder is er bijna over gevallen.",
        "Havenweg 12",
        "received",
    ),
    (
        "zwerfvuil",
        "Afvalbak bij het speelveld zit al dagen vol.",
        "Speelveld Kade",
        "assigned",
    ),
    (
        "verlichting",
        "Lantaarnpaal brandt niet, het is erg donker.",
        "Dokstraat 40",
        "in_progress",
    ),
    ("graffiti", "Tekeningen op de muur van de school.", "Schoolplein", "scheduled"),
    (
        "portiek",
        "Kapotte lamp en vieze vloer in de portiek.",
        "Werfstraat 3",
        "fix_claimed",
    ),
    (
        "bestrating",
        "Gat in de stoep bij de bushalte.",
        "Bushalte Centrum",
        "fix_verified",
    ),
    ("zwerfvuil", "Grofvuil naast de container.", "Containerplek Ankerweg", "closed"),
    ("verlichting", "Lamp in het park knippert.", "Parkpad", "reopened"),
    ("graffiti", "Graffiti op het spoorviaduct.", "Spoorviaduct", "forwarded"),
    (
        "bestrating",
        "Boomwortels duwen de stoep omhoog op privégrond.",
        "Achterpad 7",
        "cannot_be_fixed",
    ),
)
#: The problem several neighbours report: it is joined into one.
JOINED = (
    "zwerfvuil",
    "Overvolle container, zakken ernaast.",
    "Containerplek Marktplein",
)
EVENING_ITEMS = (
    (
        "bestrating",
        "Stoep bij de ingang van het buurthuis is kapot.",
        "Buurthuis De Steiger",
    ),
    ("verlichting", "Donker pad achter de flat.", "Achter Kadeflat"),
    ("zwerfvuil", "Hondenpoep op het grasveld.", "Grasveld Kade"),
    ("portiek", "Deur van de portiek sluit niet.", "Werfstraat 9"),
)


def _first(focus_area: FocusArea, role: str) -> User | None:
    membership = (
        Membership.objects.filter(focus_area=focus_area, role=role)
        .select_related("user")
        .order_by("user__username")
        .first()
    )
    return membership.user if membership else None


def _spots(focus_area: FocusArea, rng: random.Random) -> list[tuple[float, float]]:
    """Points inside the area's neighbourhoods, a few per neighbourhood."""
    spots = []
    for neighbourhood in focus_area.neighbourhoods.order_by("code"):
        if not neighbourhood.geometry:
            continue
        polygon = shape(neighbourhood.geometry)
        west, south, east, north = polygon.bounds
        found = 0
        while found < 4:
            lon, lat = rng.uniform(west, east), rng.uniform(south, north)
            if polygon.contains(shape({"type": "Point", "coordinates": [lon, lat]})):
                spots.append((round(lat, 6), round(lon, 6)))
                found += 1
    return spots


def _walk(
    problem: Problem, target: str, bureau: User, colleague: User, report_id: int
) -> None:
    """Move a problem along the flow to ``target``, as the bureau would."""
    steps = {
        "received": [],
        "assigned": ["assigned"],
        "in_progress": ["assigned", "in_progress"],
        "scheduled": ["assigned", "scheduled"],
        "fix_claimed": ["assigned", "in_progress", "fix_claimed"],
        "fix_verified": ["assigned", "fix_claimed", "fix_verified"],
        "closed": ["assigned", "fix_claimed", "reporter_yes", "closed"],
        "reopened": ["assigned", "fix_claimed", "reporter_no"],
        "forwarded": ["forwarded"],
        "cannot_be_fixed": ["cannot_be_fixed"],
    }[target]
    notes = {
        "forwarded": "Het viaduct is van ProRail; we hebben het daar gemeld.",
        "cannot_be_fixed": "De stoep ligt op privégrond. We hebben de eigenaar gevraagd het te herstellen.",
        "scheduled": "Ingepland voor de schoonmaakronde van volgende week.",
        "fix_claimed": "De aannemer meldt dat het klaar is.",
        "closed": "Afgesloten na bevestiging.",
    }
    from wijkaanpak.apps.reports.models import Report

    report = Report.objects.get(pk=report_id)
    for step in steps:
        if step == "reporter_yes":
            services.answer_fix_question(report, is_fixed=True)
        elif step == "reporter_no":
            services.answer_fix_question(
                report, is_fixed=False, comment="De lamp knippert nog steeds."
            )
        elif step == "fix_verified":
            services.change_status(
                problem,
                Status.FIX_VERIFIED,
                verification_method="inspection",
                note="Gecontroleerd bij de wijkschouw.",
                acting_user=colleague,
            )
        else:
            services.change_status(
                problem, step, note=notes.get(step, ""), acting_user=bureau
            )


def save_reports(focus_area: FocusArea, *, seed: int) -> dict[str, int]:
    """Create the demo's categories, reports in every status, a joined problem and evenings."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not a lottery
    bureau = _first(focus_area, Role.BUREAU)
    colleague = _first(focus_area, Role.PROFESSIONAL) or bureau
    assert bureau is not None, "the demo needs a bureau member"
    partners = {
        organisation.kind: organisation
        for organisation in Organisation.objects.filter(
            people__memberships__focus_area=focus_area
        ).order_by("name")
    }
    categories = {}
    for code, name, kind, target, unit, group in CATEGORIES:
        categories[code] = services.create_category(
            focus_area,
            code=code,
            name=name,
            partner=partners.get(kind),
            partner_email=f"{code}@example.org",
            target_time=target,
            target_unit=unit,
            group=group,
            acting_user=None,
        )
    spots = _spots(focus_area, rng)
    for index, (code, text, place, target) in enumerate(REPORTS):
        lat, lon = spots[index % len(spots)]
        report, _ = services.register_report(
            focus_area,
            services.ReportInput(
                category=categories[code],
                description=text,
                latitude=lat,
                longitude=lon,
                address=place,
                contact=services.Contact(
                    name=f"Bewoner {index + 1}",
                    email=f"bewoner{index + 1}@example.org",
                    email_updates=True,
                ),
            ),
            channel=Channel.WEB,
            acting_user=None,
        )
        _walk(report.problem, target, bureau, colleague, report.pk)
    lat, lon = spots[-1]
    first, _ = services.register_report(
        focus_area,
        services.ReportInput(categories[JOINED[0]], JOINED[1], lat, lon, JOINED[2]),
        channel=Channel.WEB,
        acting_user=None,
    )
    for neighbour in range(3):
        services.register_report(
            focus_area,
            services.ReportInput(
                categories[JOINED[0]],
                f"{JOINED[1]} ({neighbour + 2}e melding)",
                lat + 0.0001 * (neighbour + 1),
                lon,
                JOINED[2],
            ),
            channel=Channel.WEB,
            join=first.problem,
            acting_user=None,
        )
    services.assign_problem(first.problem, colleague, acting_user=bureau)
    today = timezone.localdate()
    earlier = services.hold_irritation_evening(
        focus_area,
        title="Ergernissenavond buurthuis De Steiger",
        held_on=today - timedelta(days=28),
        place="Buurthuis De Steiger",
        acting_user=None,
    )
    services.sync_evening_queue(
        earlier,
        [
            {
                "key": f"demo-evening-{n}",
                "category": code,
                "description": text,
                "address": place,
            }
            for n, (code, text, place) in enumerate(EVENING_ITEMS)
        ],
        acting_user=None,
    )
    evening_problems = Problem.objects.filter(reports__evening=earlier).order_by("pk")
    for problem, target in zip(
        evening_problems, ("fix_verified", "in_progress", "fix_claimed"), strict=False
    ):
        _walk(problem, target, bureau, colleague, problem.reports.first().pk)
    services.hold_irritation_evening(
        focus_area,
        title="Ergernissenavond volgende maand",
        held_on=today + timedelta(days=7),
        place="Buurthuis De Steiger",
        acting_user=None,
    )
    return {"categories": Category.objects.filter(focus_area=focus_area).count()}
