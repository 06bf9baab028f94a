# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the panels app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PanelsConfig(AppConfig):
    """Citizens' panels drawn by fair, verifiable lot."""

    name = "wijkaanpak.apps.panels"
    label = "panels"
    verbose_name = _("Citizens' panels")
