# SPDX-License-Identifier: EUPL-1.2
"""``wijk bewaartermijn``: erase personal data past their retention period.

Run it daily (cron or a systemd timer). Reporters' contact data go
``WIJKAANPAK_REPORT_RETENTION_DAYS`` days after a problem is closed; the free
texts of blockage cases ``WIJKAANPAK_CASE_RETENTION_DAYS`` days after the case
is closed; volunteers' addresses and contact lines
``WIJKAANPAK_PANEL_RETENTION_DAYS`` days after a panel process is closed;
applicants' contact data of residents' budgets
``WIJKAANPAK_BUDGET_RETENTION_DAYS`` days after their application ended.
"""

from __future__ import annotations

import argparse

from wijkaanpak.cli.serve import setup_django


def erase(arguments: argparse.Namespace) -> int:
    """Erase the expired contact data and say how many reports had them."""
    setup_django()
    from django.conf import settings

    from wijkaanpak.apps.breakthroughs import services as breakthrough_services
    from wijkaanpak.apps.panels import services as panel_services
    from wijkaanpak.apps.reports import services
    from wijkaanpak.apps.residents import services as residents_services

    count = services.erase_expired_contact_data(acting_user=None)
    print(
        f"Contact data erased from {count} report(s) closed more than "
        f"{settings.WIJKAANPAK_REPORT_RETENTION_DAYS} days ago."
    )
    cases = breakthrough_services.erase_expired_case_texts(acting_user=None)
    print(
        f"Texts erased from {cases} blockage case(s) closed more than "
        f"{settings.WIJKAANPAK_CASE_RETENTION_DAYS} days ago."
    )
    volunteers = panel_services.erase_expired_personal_data(acting_user=None)
    print(
        f"Volunteers' data erased from {volunteers} panel process(es) "
        f"closed more than {settings.WIJKAANPAK_PANEL_RETENTION_DAYS} days ago."
    )
    applications = residents_services.erase_expired_application_contacts(
        acting_user=None
    )
    print(
        f"Contact data erased from {applications} residents' budget application(s) "
        f"ended more than {settings.WIJKAANPAK_BUDGET_RETENTION_DAYS} days ago."
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``wijk bewaartermijn``."""
    parser = subparsers.add_parser(
        "bewaartermijn",
        help="erase contact data, case texts and volunteers' data past retention",
    )
    parser.set_defaults(handler=erase)
