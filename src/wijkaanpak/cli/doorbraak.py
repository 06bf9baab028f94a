# SPDX-License-Identifier: EUPL-1.2
"""``wijk doorbraak escaleer``: climb blockage cases past their deadline.

Run it daily (cron or a systemd timer). Each open case past the deadline of
its level climbs one level; a case past the deadline of the national meeting
is flagged. A second run on the same day changes nothing.
"""

from __future__ import annotations

import argparse
import datetime

from wijkaanpak.cli.serve import setup_django


def escalate(arguments: argparse.Namespace) -> int:
    """Escalate the overdue cases and say how many climbed and were flagged."""
    setup_django()
    from wijkaanpak.apps.breakthroughs import services

    run = services.escalate_overdue_cases(today=arguments.datum, acting_user=None)
    print(
        f"{len(run.escalated)} case(s) climbed one level; "
        f"{len(run.flagged)} case(s) flagged past the top deadline."
    )
    return 0


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is no date; write it as YYYY-MM-DD."
        ) from None


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``wijk doorbraak`` with its sub-command ``escaleer``."""
    parser = subparsers.add_parser(
        "doorbraak", help="blockage cases: escalate those past their deadline"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    escalation = actions.add_parser(
        "escaleer", help="climb every open case past its deadline one level"
    )
    escalation.add_argument(
        "--datum",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day to count deadlines to (default: today)",
    )
    escalation.set_defaults(handler=escalate)
