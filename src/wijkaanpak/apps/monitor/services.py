# SPDX-License-Identifier: EUPL-1.2
"""Writes of the monitor: the benefit assumptions, and the stored area values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.apps.accounts.access import Need, require
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.audit.services import record
from wijkaanpak.apps.monitor import selectors
from wijkaanpak.apps.monitor.models import (
    AreaIndicatorValue,
    AreaValueStamp,
    BenefitAssumption,
)

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


def refresh_area_values() -> int:
    """Compute every focus area's indicator values again and store them.

    Called inside the services that change what the values come from (the
    figures of neighbourhoods, the neighbourhoods of an area), after their
    write and in their transaction, so the stored values and the stamp never
    describe other data than the figures beside them. Derived data: no
    access check of its own (the calling service made it) and no audit
    record. Returns the number of values stored.
    """
    with transaction.atomic():
        stamp, _created = AreaValueStamp.objects.get_or_create(
            pk=1, defaults={"digest": "", "computed_at": timezone.now()}
        )
        # One refresh at a time; a second waits and then computes from both writes.
        AreaValueStamp.objects.select_for_update().get(pk=stamp.pk)
        areas = list(FocusArea.objects.order_by("pk").only("pk"))
        indicators = selectors.outcome_indicators()
        members = selectors.members_of_areas(areas)
        digest = selectors.area_values_digest(indicators, members)
        histories = selectors.histories_for(indicators, members)
        rows = [
            AreaIndicatorValue(
                focus_area_id=area_id, indicator_key=key, year=year, value=value
            )
            for key, per_area in histories.items()
            for area_id, history in per_area.items()
            for year, value in history.items()
        ]
        AreaIndicatorValue.objects.all().delete()
        AreaIndicatorValue.objects.bulk_create(rows, batch_size=5_000)
        AreaValueStamp.objects.filter(pk=stamp.pk).update(
            digest=digest, computed_at=timezone.now()
        )
    return len(rows)
