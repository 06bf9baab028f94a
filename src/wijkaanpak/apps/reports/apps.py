# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the reports app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Residents' reports and the problems they are about."""

    name = "wijkaanpak.apps.reports"
    label = "reports"
    verbose_name = _("Residents' reports")
