# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the breakthroughs app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BreakthroughsConfig(AppConfig):
    """Blockage cases that climb until someone breaks through."""

    name = "wijkaanpak.apps.breakthroughs"
    label = "breakthroughs"
    verbose_name = _("Breakthroughs")

    def ready(self) -> None:
        """Give the monitor and the national dashboard the figures of the cases."""
        from wijkaanpak.apps.breakthroughs import selectors
        from wijkaanpak.apps.monitor.process import register_provider

        register_provider(
            "breakthroughs",
            selectors.process_figures_for,
            national=selectors.national_process_figures,
        )
