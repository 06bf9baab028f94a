# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the monitor app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    """Progress of the areas, reports for residents and partners, impact."""

    name = "wijkaanpak.apps.monitor"
    label = "monitor"
    verbose_name = _("Monitor")
