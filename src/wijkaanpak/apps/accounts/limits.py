# SPDX-License-Identifier: EUPL-1.2
"""Rate limits: a client that asks too often in a short time waits a while.

One limiter serves every door that needs one: public intake (reports),
failed logins (per account and per address) and wrong voting codes (per
address). Each scope counts per client (an address, a key, a person, an
account name) in fixed windows kept in Django's cache. With the default
memory cache each server process counts on its own; configure a shared cache
to count across processes. Clients are counted by a hash, so no address or
account name is kept.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from django.http import HttpRequest

__all__ = ["Rate", "client_address", "count", "minutes", "parse_rate", "wait_of"]

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


def _window(scope: str, client: str, rate: Rate) -> tuple[str, int]:
    """The cache key of the client's current window, and seconds until it ends."""
    now = time.time()
    window = int(now // rate.seconds)
    digest = hashlib.sha256(f"{scope}:{client}".encode()).hexdigest()[:32]
    left = max(1, int((window + 1) * rate.seconds - now) + 1)
    return f"rate:{digest}:{window}", left


def count(scope: str, client: str, rate: Rate | None) -> int:
    """Count one request; return 0 when it may go on, else the seconds to wait.

    ``scope`` names the door (``intake-web``, ``login-account``); ``client``
    who knocks (an address, a key id, a person's id, an account name).
    """
    if rate is None:
        return 0
    key, left = _window(scope, client, rate)
    cache.add(key, 0, rate.seconds + 1)
    try:
        counted = cache.incr(key)
    except ValueError:
        # The window ended between add and incr: this request opens the next.
        cache.set(key, 1, rate.seconds + 1)
        counted = 1
    return 0 if counted <= rate.count else left


def wait_of(scope: str, client: str, rate: Rate | None) -> int:
    """Without counting: 0 while the client is within its limit, else the seconds to wait.

    For doors that count only failures (a wrong password, a wrong code): ask
    first, and :func:`count` only what failed.
    """
    if rate is None:
        return 0
    key, left = _window(scope, client, rate)
    return 0 if cache.get(key, 0) < rate.count else left


def client_address(request: HttpRequest | None) -> str:
    """The address a request came from, as the server saw it."""
    return "" if request is None else str(request.META.get("REMOTE_ADDR", ""))


def minutes(wait: int) -> int:
    """Seconds to wait as whole minutes, for a message: at least one."""
    return max(1, math.ceil(wait / 60))
