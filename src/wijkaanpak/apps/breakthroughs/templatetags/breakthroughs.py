# SPDX-License-Identifier: EUPL-1.2
"""Template filters of the breakthrough pages: suppressed counts, days, shares."""

from __future__ import annotations

from fractions import Fraction

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from wijkaanpak.core.breakthroughs.figures import SMALL_NUMBER_THRESHOLD, suppress_small

register = template.Library()


@register.filter
def shown_count(count: int | None) -> str:
    """A published count, or "fewer than 10" where it is suppressed."""
    if count is None:
        return _("fewer than %(threshold)s") % {"threshold": SMALL_NUMBER_THRESHOLD}
    return number_format(count)


@register.filter
def published(count: int) -> str:
    """An exact count made fit to publish: 1 to 9 become "fewer than 10"."""
    return shown_count(suppress_small(count))


@register.filter
def days(value: Fraction | None) -> str:
    """A number of days with at most one decimal, or a dash."""
    if value is None:
        return "—"
    return number_format(round(float(value), 1), decimal_pos=None)


@register.filter
def percent(value: Fraction | None) -> str:
    """A share as a whole percentage, or a dash."""
    if value is None:
        return "—"
    return f"{number_format(round(float(value) * 100))}%"


@register.filter
def area_name(names: dict[str, str], key: str) -> str:
    """The name of an area from the register's key."""
    return names.get(key, key)


@register.filter
def level_label(level: object) -> str:
    """The translated name of a level of the ladder."""
    from wijkaanpak.apps.breakthroughs.models import Level

    return str(Level(str(level)).label)


@register.filter
def outcome_label(outcome: object) -> str:
    """The translated name of an outcome."""
    from wijkaanpak.apps.breakthroughs.models import Outcome

    return str(Outcome(str(outcome)).label)
