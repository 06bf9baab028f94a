# SPDX-License-Identifier: EUPL-1.2
"""Template filters for the figures of reports: durations in days, shares in per cent."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def days(value: timedelta | None) -> str:
    """A duration in days with one decimal, in the reader's language."""
    if value is None:
        return "—"
    amount = round(value.total_seconds() / 86400, 1)
    return ngettext("%(days)s day", "%(days)s days", 1 if amount == 1 else 2) % {
        "days": number_format(amount, 1)
    }


@register.filter
def percentage(value: Fraction | None) -> str:
    """A share as a whole percentage; a dash when there is nothing to count."""
    if value is None:
        return "—"
    return _("%(percent)s%%") % {"percent": number_format(round(float(value) * 100))}
