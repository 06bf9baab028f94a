# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the mirror app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MirrorConfig(AppConfig):
    """The alliance holds its own practice against the lessons learned."""

    name = "wijkaanpak.apps.mirror"
    label = "mirror"
    verbose_name = _("The alliance's mirror")
