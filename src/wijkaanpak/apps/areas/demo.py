# SPDX-License-Identifier: EUPL-1.2
"""Save the areas of the generated demo city: municipality, districts, figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wijkaanpak.apps.areas import analysis, services
from wijkaanpak.apps.areas.models import FocusArea, Municipality
from wijkaanpak.core.demo.profile import profile_notes

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.core.demo import DemoCity

SOURCE = "Wijkaanpak demo generator (fictional)"
#: The demo's country: a generated sample, so named as fictional as the city.
COUNTRY_NAME = "Nederland (fictieve referentie)"


def save_areas(city: DemoCity) -> Municipality:
    """Register the city's municipality, districts, neighbourhoods and figures."""
    municipality = services.register_municipality(
        city.municipality.code, city.municipality.name, acting_user=None
    )
    services.register_areas(
        municipality,
        [services.DistrictInput(d.code, d.name) for d in city.districts],
        [
            (
                n.district_code,
                services.NeighbourhoodInput(n.code, n.name, n.geometry()),
            )
            for n in city.neighbourhoods
        ],
        boundary_year=city.boundary_year,
        acting_user=None,
    )
    services.record_figures(
        municipality,
        (
            services.FigureInput(f.neighbourhood_code, f.year, f.variable, f.value)
            for f in city.figures
        ),
        boundary_year=city.boundary_year,
        source=SOURCE,
        acting_user=None,
    )
    if not city.national_sample:
        return municipality
    services.record_reference_levels(
        analysis.COUNTRY,
        COUNTRY_NAME,
        (
            services.ReferenceInput(year, key, level, spread)
            for year, key, level, spread in analysis.reference_levels(
                (f.neighbourhood_code, f.year, f.variable, f.value)
                for f in city.national_sample
            )
        ),
        source=SOURCE,
        acting_user=None,
    )
    return municipality


def save_focus_area(
    city: DemoCity, municipality: Municipality, director: User | None
) -> FocusArea:
    """Create the demo focus area from the generator's stacked cluster."""
    area = city.focus_area
    focus_area = services.create_focus_area(
        municipality=municipality,
        name=area.name,
        neighbourhood_codes=area.neighbourhood_codes,
        boundary_year=city.boundary_year,
        start_year=area.start_year,
        programme_director=director,
        description=area.description,
        acting_user=None,
    )
    for note in profile_notes(city.municipality.name, area.name):
        services.add_profile_note(
            focus_area,
            kind=note.kind,
            title=note.title,
            text=note.text,
            source=note.source,
            acting_user=None,
        )
    return focus_area
