# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the accounts app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """People, organisations and roles."""

    name = "wijkaanpak.apps.accounts"
    label = "accounts"
    verbose_name = _("People and organisations")
