# SPDX-License-Identifier: EUPL-1.2
"""Save the demo alliance's mirror: two yearly health checks and the partners' styles."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from wijkaanpak.apps.accounts.models import Role, User
from wijkaanpak.apps.accounts.selectors import members_of, partners_of
from wijkaanpak.apps.mirror import services
from wijkaanpak.core.demo.mirror import demo_mirror

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea


def save_mirror(focus_area: FocusArea, *, seed: int, today: datetime.date) -> int:
    """Write the scans and styles through the services, as the alliance would.

    Returns the number of scans saved.
    """
    people: dict[str, User] = {
        membership.user.username: membership.user
        for membership in members_of(focus_area).filter(
            role__in=[Role.ALLIANCE, Role.BUREAU]
        )
    }
    partners = {
        organisation.name: organisation
        for organisation in partners_of(focus_area)
        if organisation.people.filter(
            memberships__focus_area=focus_area, memberships__role=Role.ALLIANCE
        ).exists()
    }
    mirror = demo_mirror(
        sorted(people),
        [(name, organisation.kind) for name, organisation in sorted(partners.items())],
        this_year=today.year,
        seed=seed,
    )
    for demo_scan in mirror.scans:
        scan = services.open_scan(
            focus_area, demo_scan.kind, demo_scan.year, acting_user=None
        )
        for username, answers in demo_scan.answers:
            services.save_answers(
                scan, dict(answers), respondent=people[username], acting_user=None
            )
        if demo_scan.closed:
            closed_on = (
                today
                if demo_scan.year == today.year
                else datetime.date(demo_scan.year, 11, 15)
            )
            services.close_scan(
                scan, on=closed_on, evidence=demo_scan.evidence, acting_user=None
            )
    for name, sliders in mirror.profiles:
        services.save_style_profile(
            focus_area, partners[name], today.year, dict(sliders), acting_user=None
        )
    return len(mirror.scans)
