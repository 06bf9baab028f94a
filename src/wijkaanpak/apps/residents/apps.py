# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the residents app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResidentsConfig(AppConfig):
    """Neighbourhood contracts and residents' budgets."""

    name = "wijkaanpak.apps.residents"
    label = "residents"
    verbose_name = _("Residents in their neighbourhood")
