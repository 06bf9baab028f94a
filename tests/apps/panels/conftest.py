# SPDX-License-Identifier: EUPL-1.2
"""A panel process with volunteers, built through the services."""

from __future__ import annotations

import random

import pytest

from wijkaanpak.adapters.letters import LetterText
from wijkaanpak.apps.panels import services

FEATURES_CSV = (
    "feature,value,min,max\n"
    "leeftijd,jong,2,3\n"
    "leeftijd,oud,2,3\n"
    "woning,huur,1,4\n"
    "woning,koop,1,4\n"
)


def addresses_csv(count: int = 40) -> str:
    rows = ["postcode,huisnummer,buurtcode"]
    rows += [f"1234AB,{n},{'BU1' if n % 2 else 'BU2'}" for n in range(1, count + 1)]
    return "\n".join(rows) + "\n"


def registration(invitation, **answers) -> services.Registration:
    address = invitation.address.address
    return services.Registration(
        code=invitation.code,
        features=answers or {"leeftijd": "jong", "woning": "huur"},
        postcode=address.postcode,
        house_number=address.house_number(),
        contact_name="Quirina Zeldenrust",
        contact="quirina@example.org",
    )


@pytest.fixture(autouse=True)
def english():
    """Messages in English, whatever language an earlier request left active."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def process(area):
    """A draft process of the area's bureau with quotas: panel of 5."""
    created = services.create_process(
        area,
        title="Burgerpanel Oost",
        purpose="Meekijken met het programma.",
        panel_size=5,
        acting_user=area.people["bureau"],
    )
    services.set_quotas(created, FEATURES_CSV, acting_user=area.people["bureau"])
    return created


@pytest.fixture
def letters(process, area):
    """The letters of the invitation lottery (20 of 40 addresses)."""
    return services.draw_invitations(
        process,
        addresses_csv=addresses_csv(),
        letters=20,
        seed="1 2 3",
        letter_text=LetterText(url="http://testserver/"),
        acting_user=area.people["bureau"],
    )


@pytest.fixture
def pool(process, letters):
    """Twelve volunteers registered with their codes, mixed features."""
    rng = random.Random(7)
    for invitation in letters.invitations[:12]:
        services.register_volunteer(
            process,
            registration(
                invitation,
                leeftijd=rng.choice(["jong", "oud"]),
                woning=rng.choice(["huur", "koop"]),
            ),
        )
    process.refresh_from_db()
    return process


@pytest.fixture
def drawn(pool, area):
    """The pool's process with a published distribution, a seed and a draw."""
    bureau = area.people["bureau"]
    services.publish_distribution(pool, acting_user=bureau)
    services.enter_seed(pool, "17 04 33", acting_user=bureau)
    services.draw(pool, acting_user=bureau)
    pool.refresh_from_db()
    return pool
