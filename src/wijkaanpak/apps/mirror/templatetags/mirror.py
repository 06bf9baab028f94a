# SPDX-License-Identifier: EUPL-1.2
"""Template helpers of the mirror: scores, names and the link in the menus."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wijkaanpak.apps.accounts.access import Need, may
from wijkaanpak.apps.mirror import texts

register = template.Library()


@register.filter
def score(value: Fraction | None) -> str:
    """A score from 0 to 100 as a whole number; a dash when not scored."""
    if value is None:
        return "—"
    return str(round(value))


@register.filter
def change(value: Fraction | None) -> str:
    """A change in score with its sign; a dash with nothing to compare."""
    if value is None:
        return "—"
    rounded = round(value)
    return f"+{rounded}" if rounded > 0 else str(rounded)


@register.filter
def factor_name(key: str) -> str:
    """The factor's or dimension's name in the page's language."""
    return str(texts.FACTOR_NAMES.get(key, key))


@register.filter
def profile_name(key: str) -> str:
    """The working-style profile's name in the page's language."""
    return str(texts.PROFILES[key][0]) if key in texts.PROFILES else key


@register.simple_tag(takes_context=True)
def mirror_link(context: dict[str, Any], focus_area: Any) -> str:
    """A menu item to the mirror, for those who may read it."""
    request = context.get("request")
    if request is None or not may(request.user, focus_area, Need.ALLIANCE):
        return ""
    return format_html(
        '<li><a href="{}">{}</a></li>',
        reverse("mirror:overview", kwargs={"slug": focus_area.slug}),
        _("The alliance's mirror"),
    )
