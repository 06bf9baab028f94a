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
