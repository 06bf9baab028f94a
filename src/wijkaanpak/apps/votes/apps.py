# SPDX-License-Identifier: EUPL-1.2
"""App configuration of the votes app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotesConfig(AppConfig):
    """Neighbourhood budget votes: projects, voting codes, ballots, results."""

    name = "wijkaanpak.apps.votes"
    label = "votes"
    verbose_name = _("Budget votes")
