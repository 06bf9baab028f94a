# SPDX-License-Identifier: EUPL-1.2
"""The assumptions behind the impact analysis (MKBA) of a measure.

Costs come from the measure's budget lines; benefits are assumptions the
bureau writes down with their source: how many people or cases a year, and
what one is worth to whom. Money in euro cents.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.programme.models import Measure


class BenefitAssumption(models.Model):
    """A monetised benefit of a measure: units a year times a value per unit."""

    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="benefit_assumptions",
    )
    beneficiary = models.CharField(_("who gains"), max_length=200)
    label = models.CharField(_("what is gained"), max_length=200)
    value_per_unit_cents = models.BigIntegerField(_("value per unit (cents)"))
    units_per_year = models.PositiveIntegerField(_("units per year"))
    first_year = models.PositiveSmallIntegerField(_("first year"))
    years = models.PositiveSmallIntegerField(_("number of years"))
    source = models.CharField(_("source of the assumption"), max_length=300)

    class Meta:
        ordering = ["measure", "beneficiary", "pk"]
        verbose_name = _("benefit assumption")
        verbose_name_plural = _("benefit assumptions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(years__gte=1, years__lte=50),
                name="benefit_years_plausible",
            ),
            models.CheckConstraint(
                condition=models.Q(first_year__gte=2000, first_year__lte=2100),
                name="benefit_first_year_plausible",
            ),
            models.CheckConstraint(
                condition=~models.Q(source=""), name="benefit_has_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} · {self.beneficiary} · {self.label}"


class AreaIndicatorValue(models.Model):
    """An outcome indicator's value for a whole focus area in one year.

    Derived data, kept so the national dashboard need not combine every
    neighbourhood figure on each visit: the services that change figures or
    the neighbourhoods of an area compute these again
    (``monitor.services.refresh_area_values``), and :class:`AreaValueStamp`
    says from which data they were computed.
    """

    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    indicator_key = models.CharField(_("indicator"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"))

    class Meta:
        verbose_name = _("area value of an indicator")
        verbose_name_plural = _("area values of indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "indicator_key", "year"],
                name="area_indicator_value_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.focus_area_id} · {self.indicator_key} · {self.year}"


class AreaValueStamp(models.Model):
    """What the stored area values were computed from: one row.

    ``digest`` covers the neighbourhood figures (count, last id and sum), the
    neighbourhoods of every focus area and the indicators' formulas; a reader
    that computes another digest does not use the stored values.
    """

    digest = models.CharField(_("digest of the data"), max_length=64)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("stamp of the area values")
        verbose_name_plural = _("stamps of the area values")

    def __str__(self) -> str:
        return f"{self.digest[:12]} ({self.computed_at:%Y-%m-%d %H:%M})"
