# SPDX-License-Identifier: EUPL-1.2
"""Charts inline on a page and as images in a PDF; money and shares from fractions."""

from __future__ import annotations

import base64
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_VIEWBOX = re.compile(r'viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"')
#: Width of a chart in the PDF, in pixels of the converter (about 16 cm).
PDF_WIDTH = 460


@register.simple_tag(takes_context=True)
def chart(context: dict[str, Any], svg: str, pdf_width: int = PDF_WIDTH) -> SafeString:
    """The SVG inline on a page; in a PDF an image at most ``pdf_width`` wide."""
    if not svg:
        return mark_safe("")
    if not context.get("as_pdf"):
        return mark_safe(svg)  # noqa: S308 - our own SVG, every text escaped
    match = _VIEWBOX.search(svg)
    width, height = (float(match[1]), float(match[2])) if match else (560.0, 260.0)
    shown = min(pdf_width, width)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return format_html(
        '<img src="data:image/svg+xml;base64,{}" width="{}" height="{}" alt="">',
        data,
        int(shown),
        int(height * shown / width),
    )


@register.filter
def euros_of(cents: Fraction | int | None) -> str:
    """Euro cents (exact or whole) as whole euros."""
    if cents is None:
        return "\u2013"
    return "€ " + number_format(
        Decimal(round(Fraction(cents) / 100)), 0, force_grouping=True
    )


@register.filter
def ratio(value: Fraction | None) -> str:
    """A benefit-cost ratio with two decimals, or a dash."""
    if value is None:
        return "\u2013"
    return number_format(round(float(value), 2), 2)


@register.filter
def percent_of(rate: Fraction | None) -> str:
    """A rate as a percentage with two decimals (2,25)."""
    if rate is None:
        return "\u2013"
    return number_format(round(float(rate) * 100, 2), 2)


@register.filter
def get(mapping: dict[Any, Any], key: Any) -> Any:
    """Look a key up in a dictionary."""
    return mapping.get(key)


@register.filter
def num(value: Any, decimals: int = 1) -> str:
    """A number with fixed decimals; a dash for anything that is not a number."""
    if isinstance(value, bool) or not isinstance(
        value, int | float | Fraction | Decimal
    ):
        return "\u2013"
    return number_format(round(float(value), decimals), decimals, force_grouping=True)
