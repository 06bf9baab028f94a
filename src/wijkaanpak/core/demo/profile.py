# SPDX-License-Identifier: EUPL-1.2
"""The story of the demo focus area that figures do not tell: history, strengths.

Plain Dutch (B1), as residents read it on the area profile. Every note names
its source; in the demo the sources are as invented as the city, and say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["DemoNote", "profile_notes"]

NoteKind = Literal["history", "strength"]


@dataclass(frozen=True, slots=True)
class DemoNote:
    """A note of the area profile.

    Attributes
    ----------
    kind : {"history", "strength"}
        What the note tells.
    title, text : str
        The note, in Dutch.
    source : str
        Where it comes from.
    """

    kind: NoteKind
    title: str
    text: str
    source: str


def profile_notes(city: str, area: str) -> tuple[DemoNote, ...]:
    """Return the history and strengths of the demo focus area.

    Examples
    --------
    >>> notes = profile_notes("Kadewaard (fictief)", "Kadewaard Oost")
    >>> sorted({note.kind for note in notes})
    ['history', 'strength']
    >>> all("fictief" in note.source for note in notes)
    True
    """
    plain = city.removesuffix(" (fictief)")
    invented = f"verzonnen voor de demo van Wijkaanpak (fictief, {plain})"
    return (
        DemoNote(
            "history",
            "Gebouwd voor de havenarbeiders",
            f"{area} is gebouwd tussen 1955 en 1965, voor de gezinnen van de "
            "mensen die in de haven werkten. Er kwamen veel portiekflats met "
            "kleine huurwoningen. Toen de haven minder werk gaf, vertrokken "
            "veel gezinnen met een baan. Er kwamen mensen met weinig geld voor "
            "in de plaats.",
            f"Stadsarchief {plain}, {invented}",
        ),
        DemoNote(
            "history",
            "Eerdere aanpakken",
            "Sinds 2000 waren er drie plannen om de wijk te verbeteren. Elk "
            "plan duurde een paar jaar. Bewoners zeggen dat er veel projecten "
            "kwamen en gingen, en dat weinig bleef. Daarom kiest de alliantie "
            "nu voor een aanpak van twintig jaar.",
            f"Gesprekken met bewoners in 2022, {invented}",
        ),
        DemoNote(
            "strength",
            "Veel jonge mensen",
            "Bijna een op de vier bewoners is jonger dan vijftien jaar. Dat is "
            "meer dan in de rest van de stad. Die jongeren zijn de toekomst "
            "van de wijk.",
            f"Wijkcijfers van het programmabureau, {invented}",
        ),
        DemoNote(
            "strength",
            "Bewoners helpen elkaar",
            "Er zijn veel vrijwilligers: bij het buurthuis, de voedselbank en "
            "de sportclub. Bewoners kennen elkaar en helpen elkaar als het "
            "nodig is.",
            f"Buurthuis De Kade, jaarverslag 2023, {invented}",
        ),
    )
