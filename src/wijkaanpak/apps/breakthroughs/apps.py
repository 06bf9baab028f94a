# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the breakthroughs app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BreakthroughsConfig(AppConfig):
    """Blockage cases that climb until someone breaks through."""

    name = "wijkaanpak.apps.breakthroughs"
    label = "breakthroughs"
    verbose_name = _("Breakthroughs")
