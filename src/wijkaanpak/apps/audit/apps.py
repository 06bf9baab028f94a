# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the audit trail."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail."""

    name = "wijkaanpak.apps.audit"
    label = "audit"
    verbose_name = _("Audit trail")
