# SPDX-License-Identifier: EUPL-1.2
"""Rate limits on public intake: a client that sends too much waits a while.

Each channel counts per client (an address, an Open311 key, a person) with
the shared limiter of :mod:`wijkaanpak.apps.accounts.limits`; the rates come
from the ``WIJKAANPAK_INTAKE_RATE_*`` settings.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import ngettext

from wijkaanpak.apps.accounts.limits import Rate, count, parse_rate

__all__ = ["Rate", "parse_rate", "too_many_message", "wait_for"]


def _rate_of(channel: str) -> Rate | None:
    return parse_rate(getattr(settings, f"WIJKAANPAK_INTAKE_RATE_{channel.upper()}"))


def wait_for(channel: str, client: str) -> int:
    """Count one request; return 0 when it may go on, else the seconds to wait.

    ``channel`` is ``web``, ``open311`` or ``tablet``; ``client`` names who
    sends (an address, a key id, a person's id).
    """
    return count(f"intake-{channel}", client, _rate_of(channel))


def too_many_message(wait: int) -> str:
    """The answer to a client over its limit, saying when to try again."""
    return ngettext(
        "You sent many reports in a short time. Try again in %(count)d second.",
        "You sent many reports in a short time. Try again in %(count)d seconds.",
        wait,
    ) % {"count": wait}
