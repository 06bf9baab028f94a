# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the programme app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The programme plan and the alliance that keeps it."""

    name = "wijkaanpak.apps.programme"
    label = "programme"
    verbose_name = _("Programme")
