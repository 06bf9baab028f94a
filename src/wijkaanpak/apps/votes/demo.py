# SPDX-License-Identifier: EUPL-1.2
"""The demo's budget votes: one finished and counted, one open with codes.

The demo prints the unused codes of the open vote so a visitor can try voting;
they come from a generator seeded with the demo seed, which real codes never
do (real codes come from :mod:`secrets`).
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.votes import services
from wijkaanpak.apps.votes.models import Vote

#: Proposals of the finished vote: title, cost in euros, proposer, and the
#: group of residents who like it most (so that equal shares shows its point).
_FINISHED = [
    ("Nieuwe speeltuin bij de school", 38_000, "Ouders van De Kade", "families"),
    ("Bankjes langs de singel", 6_000, "Bewonersgroep Singel", "elderly"),
    ("Meer licht in het parkje", 12_000, "Buurtpreventie Oost", "everyone"),
    ("Moestuin voor de buurt", 9_000, "Stichting Groen Oost", "gardeners"),
    ("Voetbalkooi opknappen", 15_000, "Jongerenwerk Oost", "youth"),
    ("Ontmoetingsplek in de flat", 14_000, "Huurdersvereniging Kade", "elderly"),
    ("Bomen in de Havenstraat", 20_000, "Bewonersgroep Singel", "gardeners"),
]
_LIKES = {
    "families": ["families", "everyone", "youth"],
    "elderly": ["elderly", "everyone"],
    "gardeners": ["gardeners", "everyone"],
    "youth": ["youth", "families"],
}
_GROUP_SIZES = {"families": 110, "elderly": 60, "gardeners": 45, "youth": 35}

_OPEN = [
    ("Kunst op de blinde muur", 8_000, "Kunstenaars aan de Kade"),
    ("Watertappunt in het park", 4_500, "Bewonersgroep Singel"),
    ("Fietsenstalling bij de flat", 11_000, "Huurdersvereniging Kade"),
    ("Buurtfeest in september", 3_000, "Buurtcentrum Oost"),
]
#: How many printed, unused codes the open vote has.
DEMO_CODES = 5


def demo_codes(seed: int) -> list[str]:
    """The same seeded source the demo used, for ``wijk demo`` to print."""
    from wijkaanpak.core.panels.codes import format_code, new_registration_code

    source = random.Random(seed)  # noqa: S311 - demo codes only, printed openly
    return [
        format_code(new_registration_code(randbelow=source.randrange))
        for _ in range(DEMO_CODES)
    ]


def _finished_vote(focus_area: FocusArea, *, seed: int, now: datetime.datetime) -> Vote:
    opens_at = now - datetime.timedelta(days=60)
    closes_at = now - datetime.timedelta(days=46)
    before = opens_at - datetime.timedelta(days=1)
    vote = services.create_vote(
        focus_area,
        title="Buurtbudget 2026: jij kiest",
        description="Bewoners kozen hoe 60.000 euro in de buurt wordt besteed.",
        budget_cents=60_000_00,
        opens_at=opens_at,
        closes_at=closes_at,
        max_projects=3,
        rule="mes",
        completion="add1",
        acting_user=None,
    )
    ids: dict[str, list[str]] = {}
    for title, euros, proposer, group in _FINISHED:
        project = services.add_project(
            vote,
            title=title,
            cost_cents=euros * 100,
            proposer=proposer,
            acting_user=None,
            now=before,
        )
        services.check_feasibility(project, feasible=True, acting_user=None, now=before)
        ids.setdefault(group, []).append(str(project.pk))
    rejected = services.add_project(
        vote,
        title="Zwembad in het park",
        cost_cents=55_000_00,
        proposer="Bewoner",
        acting_user=None,
        now=before,
    )
    services.check_feasibility(
        rejected,
        feasible=False,
        reason="Te duur om te onderhouden en er is geen plek voor.",
        acting_user=None,
        now=before,
    )
    rng = random.Random(seed)  # noqa: S311 - fictional ballots, not a lottery
    voters = sum(_GROUP_SIZES.values())
    codes = services.issue_codes(
        vote,
        voters,
        acting_user=None,
        randbelow=rng.randrange,
        now=before,
    )
    during = opens_at + datetime.timedelta(days=1)
    position = 0
    for group, size in _GROUP_SIZES.items():
        liked = [pid for kind in _LIKES[group] for pid in ids.get(kind, [])]
        for _ in range(size):
            chosen = rng.sample(liked, k=min(3, rng.randint(1, len(liked))))
            services.cast_ballot(
                vote, code=codes[position], approved=chosen, now=during
            )
            position += 1
    services.count_vote(vote, acting_user=None)
    return vote


def _open_vote(focus_area: FocusArea, *, seed: int, now: datetime.datetime) -> Vote:
    opens_at = now - datetime.timedelta(hours=1)
    before = opens_at - datetime.timedelta(minutes=1)
    vote = services.create_vote(
        focus_area,
        title="Kleine buurtideeën",
        description="Kies de ideeën die jij steunt, samen hoogstens 15.000 euro.",
        budget_cents=20_000_00,
        opens_at=opens_at,
        closes_at=now + datetime.timedelta(days=30),
        max_cost_cents=15_000_00,
        rule="mes",
        completion="add1",
        acting_user=None,
    )
    for title, euros, proposer in _OPEN:
        project = services.add_project(
            vote,
            title=title,
            cost_cents=euros * 100,
            proposer=proposer,
            acting_user=None,
            now=before,
        )
        services.check_feasibility(project, feasible=True, acting_user=None, now=before)
    source = random.Random(seed)  # noqa: S311 - demo codes only, printed openly
    services.issue_codes(
        vote, DEMO_CODES, acting_user=None, randbelow=source.randrange, now=before
    )
    return vote


def save_votes(focus_area: FocusArea, *, seed: int) -> list[Vote]:
    """A finished, counted vote and an open one with printed, unused codes."""
    now = timezone.now()
    return [
        _finished_vote(focus_area, seed=seed, now=now),
        _open_vote(focus_area, seed=seed, now=now),
    ]
