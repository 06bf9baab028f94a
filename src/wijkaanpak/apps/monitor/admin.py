# SPDX-License-Identifier: EUPL-1.2
"""Administration of the monitor's assumptions (read-only lists)."""

from django.contrib import admin

from wijkaanpak.apps.monitor.models import BenefitAssumption


@admin.register(BenefitAssumption)
class BenefitAssumptionAdmin(admin.ModelAdmin):
    """Benefit assumptions are written through the impact page's services."""

    list_display = ("measure", "beneficiary", "label", "first_year", "years")
    list_filter = ("beneficiary",)
    readonly_fields = (
        "measure",
        "beneficiary",
        "label",
        "value_per_unit_cents",
        "units_per_year",
        "first_year",
        "years",
        "source",
    )
