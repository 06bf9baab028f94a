# SPDX-License-Identifier: EUPL-1.2
"""Save the demo's benefit assumptions, so the impact page has figures to show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wijkaanpak.apps.monitor import services
from wijkaanpak.apps.programme.models import Measure

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.core.demo.impact import DemoBenefit
    from wijkaanpak.core.demo.programme import DemoProgramme


def save_benefits(
    focus_area: FocusArea,
    programme: DemoProgramme,
    benefits: tuple[DemoBenefit, ...],
    partner_names: dict[str, str],
) -> int:
    """Write the assumptions through the service, as the bureau would; return how many.

    ``partner_names`` maps the demo's organisation keys to their names, for
    beneficiaries written as ``partner:<key>``.
    """
    titles = {measure.key: measure.title for measure in programme.measures}
    measures = {
        measure.title: measure
        for measure in Measure.objects.filter(focus_area=focus_area)
    }
    saved = 0
    for benefit in benefits:
        measure = measures.get(titles.get(benefit.measure_key, ""))
        if measure is None:
            continue
        beneficiary = benefit.beneficiary
        if beneficiary.startswith("partner:"):
            beneficiary = partner_names[beneficiary.removeprefix("partner:")]
        services.add_benefit_assumption(
            measure,
            beneficiary=beneficiary,
            label=benefit.label,
            value_per_unit_cents=benefit.euros_per_unit * 100,
            units_per_year=benefit.units_per_year,
            first_year=benefit.first_year,
            years=benefit.years,
            source=benefit.source,
            acting_user=None,
        )
        saved += 1
    return saved
