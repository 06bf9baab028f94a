# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the areas app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    """Areas and focus areas."""

    name = "wijkaanpak.apps.areas"
    label = "areas"
    verbose_name = _("Areas")
