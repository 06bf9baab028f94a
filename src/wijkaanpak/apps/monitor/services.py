# SPDX-License-Identifier: EUPL-1.2
"""Writes of the monitor: the benefit assumptions of the impact analysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkaanpak.apps.accounts.access import Need, require
from wijkaanpak.apps.audit.services import record
from wijkaanpak.apps.monitor.models import BenefitAssumption

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.programme.models import Measure


@transaction.atomic
def add_benefit_assumption(
    measure: Measure,
    *,
    beneficiary: str,
    label: str,
    value_per_unit_cents: int,
    units_per_year: int,
    first_year: int,
    years: int,
    source: str,
    acting_user: User | None,
) -> BenefitAssumption:
    """The bureau writes down a benefit with its source; no source, no benefit."""
    require(acting_user, measure.focus_area, Need.BUREAU)
    if not source.strip():
        raise ValidationError(_("Say where the assumption comes from."))
    if not 1 <= years <= 50:
        raise ValidationError(_("Count a benefit for 1 to 50 years."))
    assumption = BenefitAssumption.objects.create(
        measure=measure,
        beneficiary=beneficiary.strip(),
        label=label.strip(),
        value_per_unit_cents=value_per_unit_cents,
        units_per_year=units_per_year,
        first_year=first_year,
        years=years,
        source=source.strip(),
    )
    record(
        "created",
        assumption,
        acting_user=acting_user,
        focus_area=measure.focus_area,
        changes={
            "beneficiary": assumption.beneficiary,
            "value_per_unit_cents": value_per_unit_cents,
            "units_per_year": units_per_year,
            "first_year": first_year,
            "years": years,
        },
    )
    return assumption


@transaction.atomic
def remove_benefit_assumption(
    assumption: BenefitAssumption, *, acting_user: User | None
) -> None:
    """The bureau takes back an assumption; the audit trail keeps what it was."""
    focus_area = assumption.measure.focus_area
    require(acting_user, focus_area, Need.BUREAU)
    record(
        "deleted",
        assumption,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"label": assumption.label, "beneficiary": assumption.beneficiary},
    )
    assumption.delete()
