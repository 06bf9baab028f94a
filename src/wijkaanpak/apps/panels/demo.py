# SPDX-License-Identifier: EUPL-1.2
"""Save the demo's citizens' panel: a finished process, made through the services.

About 120 volunteers answer 300 letters; a panel of 20 is drawn, one member
drops out and is replaced. Every step goes through the services, so the demo
shows the same published record a real process leaves.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from wijkaanpak.adapters.letters import LetterText
from wijkaanpak.apps.panels import services
from wijkaanpak.apps.panels.models import PanelProcess

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea

#: Letters sent, volunteers who answer, seats on the panel.
LETTERS, VOLUNTEERS, PANEL_SIZE = 300, 120, 20

FEATURES = {
    "leeftijd": (("16-29", 3, 7), ("30-49", 4, 8), ("50-64", 3, 7), ("65+", 3, 7)),
    "geslacht": (("vrouw", 8, 12), ("man", 8, 12), ("anders", 0, 2)),
    "woonsituatie": (("huur", 10, 14), ("koop", 6, 10)),
}


def _features_csv() -> str:
    rows = ["feature,value,min,max"]
    for feature, values in FEATURES.items():
        rows.extend(f"{feature},{value},{low},{high}" for value, low, high in values)
    return "\n".join(rows) + "\n"


def _addresses_csv(neighbourhoods: list[str], rng: random.Random) -> str:
    rows = ["postcode,huisnummer,toevoeging,straat,woonplaats,buurtcode"]
    for index, code in enumerate(neighbourhoods):
        for number in range(1, 201):
            # Second letters from B-R only: PostNL never issues SA, SD or SS.
            postcode = f"{9900 + index}{'ABCDEFGHJKLMNPRTVWXZ'[number % 20]}{'BCDEFGHJKLMNPR'[index % 14]}"
            addition = rng.choice(["", "", "", "1", "2"])
            rows.append(f"{postcode},{number},{addition},Demostraat,Demostad,{code}")
    return "\n".join(rows) + "\n"


def save_panel(focus_area: FocusArea, *, seed: int) -> PanelProcess:
    """Run a whole panel process in the demo area, from letters to replacement."""
    rng = random.Random(seed)  # noqa: S311 (demo data, not a lottery)
    process = services.create_process(
        focus_area,
        title="Burgerpanel Veilig en Leefbaar",
        purpose=(
            "Twintig bewoners, door loting gekozen, kijken mee met het programma "
            "en geven advies over de plannen voor de buurt."
        ),
        panel_size=PANEL_SIZE,
        acting_user=None,
    )
    services.set_quotas(process, _features_csv(), acting_user=None)
    codes = sorted(focus_area.neighbourhoods.values_list("code", flat=True))
    files = services.draw_invitations(
        process,
        addresses_csv=_addresses_csv(codes or ["BU00000000"], rng),
        letters=LETTERS,
        seed="03 17 22 41 08",
        letter_text=LetterText(url="http://localhost:8000/", area=focus_area.name),
        acting_user=None,
    )
    weights = {
        "leeftijd": (2, 3, 3, 3),
        "geslacht": (10, 9, 1),
        "woonsituatie": (6, 4),
    }
    for invitation in files.invitations[:VOLUNTEERS]:
        answers = {
            feature: rng.choices(
                [value for value, _, _ in values], weights=weights[feature]
            )[0]
            for feature, values in FEATURES.items()
        }
        address = invitation.address.address
        services.register_volunteer(
            process,
            services.Registration(
                code=invitation.code,
                features=answers,
                postcode=address.postcode,
                house_number=address.house_number(),
                contact_name=f"Bewoner {rng.randrange(1000, 9999)}",
                contact=f"bewoner{rng.randrange(1000, 9999)}@example.org",
            ),
        )
    services.publish_distribution(process, acting_user=None)
    services.enter_seed(process, "12 05 33 40 27", acting_user=None)
    panel = services.draw(process, acting_user=None)
    services.replace_members(process, [panel[0]], "08 19 26 31 44", acting_user=None)
    return process
