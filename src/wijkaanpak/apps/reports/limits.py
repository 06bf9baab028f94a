# SPDX-License-Identifier: EUPL-1.2
"""Rate limits on public intake: a client that sends too much waits a while.

Each channel counts per client (an address, an Open311 key, a person) in
fixed windows kept in Django's cache. With the default memory cache each
server process counts on its own; configure a shared cache to count across
processes. Clients are counted by a hash, so no address is kept.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import ngettext

_PERIODS = {"second": 1, "minute": 60, "hour": 3600}
_RATE = re.compile(r"(?P<count>\d+)\s*/\s*(?P<period>second|minute|hour)")


@dataclass(frozen=True, slots=True)
class Rate:
    """At most ``count`` requests in each window of ``seconds``."""

    count: int
    seconds: int


def parse_rate(text: str) -> Rate | None:
    """``"10/minute"`` as a Rate; ``"off"`` (or an empty text) as no limit."""
    text = text.strip().lower()
    if text in {"", "off", "none"}:
        return None
    found = _RATE.fullmatch(text)
    if found is None or int(found["count"]) < 1:
        raise ImproperlyConfigured(
            f"A rate limit reads like 10/minute (second, minute, hour) or off, not {text!r}."
        )
    return Rate(int(found["count"]), _PERIODS[found["period"]])


def _rate_of(channel: str) -> Rate | None:
    return parse_rate(getattr(settings, f"WIJKAANPAK_INTAKE_RATE_{channel.upper()}"))


def wait_for(channel: str, client: str) -> int:
    """Count one request; return 0 when it may go on, else the seconds to wait.

    ``channel`` is ``web``, ``open311`` or ``tablet``; ``client`` names who
    sends (an address, a key id, a person's id).
    """
    rate = _rate_of(channel)
    if rate is None:
        return 0
    now = time.time()
    window = int(now // rate.seconds)
    digest = hashlib.sha256(f"{channel}:{client}".encode()).hexdigest()[:32]
    key = f"intake-rate:{digest}:{window}"
    cache.add(key, 0, rate.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window ended between add and incr: this request opens the next.
        cache.set(key, 1, rate.seconds + 1)
        count = 1
    if count <= rate.count:
        return 0
    return max(1, int((window + 1) * rate.seconds - now) + 1)


def too_many_message(wait: int) -> str:
    """The answer to a client over its limit, saying when to try again."""
    return ngettext(
        "You sent many reports in a short time. Try again in %(count)d second.",
        "You sent many reports in a short time. Try again in %(count)d seconds.",
        wait,
    ) % {"count": wait}
