# SPDX-License-Identifier: EUPL-1.2
"""Show amounts of means in the reader's number format: euros, hours, pieces."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def means(value: int | None, kind: str) -> str:
    """Euro cents as euros, staff as hours, other means as pieces."""
    if value is None:
        return ""
    if kind == "money":
        return "€ " + number_format(Decimal(value) / 100, 2, force_grouping=True)
    if kind == "staff":
        return ngettext("%(count)s hour", "%(count)s hours", value) % {
            "count": number_format(value, 0, force_grouping=True)
        }
    return ngettext("%(count)s piece", "%(count)s pieces", value) % {
        "count": number_format(value, 0, force_grouping=True)
    }


@register.filter
def share(value: Fraction | None) -> str:
    """A share as a whole percentage, or a dash when nothing is due."""
    if value is None:
        return "\u2013"
    return _("%(percent)s%%") % {"percent": number_format(round(float(value) * 100), 0)}


@register.filter
def euros(cents: int | None) -> str:
    """Euro cents as euros."""
    return means(cents or 0, "money")


@register.filter
def number(value: float | None, decimals: int = 1) -> str:
    """A value with a fixed number of decimals, or a dash when unknown."""
    if value is None:
        return "\u2013"
    return number_format(round(float(value), decimals), decimals, force_grouping=True)


@register.filter
def whole_euros(cents: int | None) -> str:
    """Euro cents as euros, without cents when the amount is whole (budgets are)."""
    if cents is None:
        return "\u2013"
    if cents % 100:
        return means(cents, "money")
    return "€ " + number_format(cents // 100, 0, force_grouping=True)


@register.filter
def short_means(value: int | None, kind: str) -> str:
    """Like ``means``, with whole euros where a table is narrow."""
    if kind == "money":
        return whole_euros(value)
    return means(value, kind)
