# SPDX-License-Identifier: EUPL-1.2
"""Charts as inline SVG, drawn on the server.

Pages and printed reports show the same chart without a JavaScript library
or a network. Every chart is an ``<svg role="img">`` with a title and a
description, and the page puts a table with the same figures beside it, so a
screen reader user loses nothing (WCAG 2.1 1.1.1). Series differ in dash
pattern and marker as well as in colour (WCAG 1.4.1).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = [
    "MapArea",
    "Series",
    "area_map",
    "bar_chart",
    "grouped_bar_chart",
    "line_chart",
    "nice_ticks",
]

#: Colours with at least 3:1 contrast against white (WCAG 1.4.11), and dashes.
_STYLES = (
    ("#1f4e79", "", "circle"),
    ("#b35806", "6 4", "square"),
    ("#4d4d4d", "2 3", "diamond"),
    ("#1b7837", "10 3 2 3", "circle"),
)


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a line chart: a label and a value per x (None = no value)."""

    label: str
    values: tuple[float | None, ...]


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low`` to ``high``.

    Examples
    --------
    >>> nice_ticks(3.2, 17.9)
    [0.0, 5.0, 10.0, 15.0, 20.0]
    >>> nice_ticks(41.0, 41.0)
    [40.0, 40.5, 41.0, 41.5, 42.0]
    """
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high - low < 1e-9:
        span = abs(high) * 0.05 or 1.0
        low, high = low - span, high + span
    raw = (high - low) / max(1, count - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    if low >= 0 and start < 0:
        start = 0.0
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _number(value: float) -> str:
    text = f"{value:,.1f}" if abs(value) < 100 else f"{value:,.0f}"
    return text.removesuffix(".0")


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return (
            f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" '
            f'fill="{colour}"/>'
        )
    if shape == "diamond":
        return (
            f'<path d="M{x:.1f} {y - 4.5:.1f}L{x + 4.5:.1f} {y:.1f}L{x:.1f} '
            f'{y + 4.5:.1f}L{x - 4.5:.1f} {y:.1f}Z" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def line_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    unit: str = "",
    width: int = 560,
    height: int = 260,
    chart_id: str = "chart",
) -> str:
    """Return an accessible SVG line chart (lines over ``labels`` on the x axis).

    Examples
    --------
    >>> svg = line_chart(
    ...     ["2023", "2024"],
    ...     [Series("Area", (12.0, 10.0))],
    ...     title="Low",
    ...     description="d",
    ... )
    >>> svg.startswith("<svg") and 'role="img"' in svg and "Area" in svg
    True
    """
    left, right, top, bottom = 56, 16, 16, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    present = [v for s in series for v in s.values if v is not None]
    ticks = nice_ticks(min(present, default=0.0), max(present, default=1.0))
    y_low, y_high = ticks[0], ticks[-1]

    def x_at(index: int) -> float:
        if len(labels) == 1:
            return left + plot_w / 2
        return left + plot_w * index / (len(labels) - 1)

    def y_at(value: float) -> float:
        return top + plot_h * (1 - (value - y_low) / ((y_high - y_low) or 1.0))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for tick in ticks:
        y = y_at(tick)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#d0d0d0" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'font-size="12" fill="#333">{escape(_number(tick))}</text>'
        )
    if unit:
        parts.append(
            f'<text x="{left}" y="{top - 4}" font-size="12" fill="#333">'
            f"{escape(unit)}</text>"
        )
    for index, label in enumerate(labels):
        parts.append(
            f'<text x="{x_at(index):.1f}" y="{top + plot_h + 18}" '
            f'text-anchor="middle" font-size="12" fill="#333">{escape(label)}</text>'
        )
    for number, line in enumerate(series):
        colour, dash, shape = _STYLES[number % len(_STYLES)]
        points = [
            (x_at(i), y_at(v)) for i, v in enumerate(line.values) if v is not None
        ]
        if len(points) > 1:
            path = " ".join(
                f"{'M' if k == 0 else 'L'}{x:.1f} {y:.1f}"
                for k, (x, y) in enumerate(points)
            )
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<path d="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="2.5"{dashes}/>'
            )
        parts.extend(_marker(shape, x, y, colour) for x, y in points)
        legend_x = left + number * (plot_w / max(1, len(series)))
        legend_y = height - 14
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{legend_x:.1f}" x2="{legend_x + 24:.1f}" y1="{legend_y - 4}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="2.5"{dashes}/>'
            + _marker(shape, legend_x + 12, legend_y - 4, colour)
            + f'<text x="{legend_x + 30:.1f}" y="{legend_y}" font-size="12" '
            f'fill="#333">{escape(line.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    description: str,
    unit: str = "",
    width: int = 560,
    bar_height: int = 22,
    chart_id: str = "chart",
    colour: str = "#1f4e79",
) -> str:
    """Return an accessible horizontal SVG bar chart, one bar per label.

    Examples
    --------
    >>> svg = bar_chart(["a", "b"], [1.0, 3.0], title="t", description="d")
    >>> svg.count("<rect")
    2
    """
    label_w, right, top = 180, 70, 8
    height = top * 2 + bar_height * len(labels) + 4
    high = max([abs(v) for v in values] + [1e-9])
    scale = (width - label_w - right) / high
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + index * bar_height
        length = max(0.0, value) * scale
        shown = f"{_number(value)}{' ' + unit if unit else ''}"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + bar_height * 0.65:.1f}" '
            f'text-anchor="end" font-size="12" fill="#333">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" '
            f'height="{bar_height - 6}" fill="{colour}"/>'
            f'<text x="{label_w + length + 4:.1f}" y="{y + bar_height * 0.65:.1f}" '
            f'font-size="12" fill="#333">{escape(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def grouped_bar_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    high: float = 100.0,
    width: int = 560,
    bar_height: int = 14,
    chart_id: str = "chart",
) -> str:
    """Return an accessible horizontal SVG chart with one bar per series per label.

    Each bar is labelled with its series' name and value, so the series can be
    told apart without colour; a missing value draws no bar and says so.

    Examples
    --------
    >>> svg = grouped_bar_chart(
    ...     ["a", "b"],
    ...     [Series("2025", (40.0, None)), Series("2026", (60.0, 80.0))],
    ...     title="t",
    ...     description="d",
    ... )
    >>> svg.count("<rect"), "2025: —" in svg
    (3, True)
    """
    label_w, right, top, gap = 220, 80, 8, 8
    group_h = bar_height * len(series) + gap
    height = top * 2 + group_h * len(labels)
    scale = (width - label_w - right) / (high or 1.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, label in enumerate(labels):
        y0 = top + index * group_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y0 + group_h / 2:.1f}" text-anchor="end" '
            f'font-size="12" fill="#333">{escape(label)}</text>'
        )
        for number, line in enumerate(series):
            colour = _STYLES[number % len(_STYLES)][0]
            value = line.values[index]
            y = y0 + number * bar_height
            length = max(0.0, value or 0.0) * scale
            shown = "—" if value is None else _number(value)
            if value is not None:
                parts.append(
                    f'<rect x="{label_w}" y="{y + 1}" width="{length:.1f}" '
                    f'height="{bar_height - 2}" fill="{colour}"/>'
                )
            parts.append(
                f'<text x="{label_w + length + 4:.1f}" y="{y + bar_height * 0.75:.1f}" '
                f'font-size="11" fill="#333">{escape(line.label)}: {escape(shown)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class MapArea:
    """One polygon of a map: a neighbourhood, in or outside the focus area.

    Attributes
    ----------
    code, name : str
        The CBS code and the name.
    rings : tuple of tuple of (float, float)
        Exterior ring first, then holes, as longitude and latitude (WGS84).
    highlighted : bool
        Part of the focus area: drawn dark with a thick border and a label.
    """

    code: str
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    highlighted: bool = False


def area_map(
    areas: Sequence[MapArea],
    *,
    title: str,
    description: str,
    width: int = 480,
    chart_id: str = "map",
    labels: bool = True,
) -> str:
    """Return an accessible SVG map of neighbourhoods, the focus area marked.

    The map needs no tiles and no script, so it prints and works offline.
    Longitude is scaled by the cosine of the mean latitude, so shapes are
    not stretched. The focus area differs in fill, border width and label,
    not in colour alone.

    Examples
    --------
    >>> square = ((5.0, 52.0), (5.01, 52.0), (5.01, 52.01), (5.0, 52.0))
    >>> svg = area_map(
    ...     [MapArea("BU1", "Kade", (square,), True)], title="t", description="d"
    ... )
    >>> svg.count("<path"), "Kade" in svg
    (1, True)
    """
    points = [point for area in areas for ring in area.rings for point in ring]
    if not points:
        return ""
    west = min(lon for lon, _lat in points)
    east = max(lon for lon, _lat in points)
    south = min(lat for _lon, lat in points)
    north = max(lat for _lon, lat in points)
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * squeeze, 1e-9)
    span_y = max(north - south, 1e-9)
    margin = 8
    scale = (width - 2 * margin) / span_x
    height = int(span_y * scale + 2 * margin)

    def xy(lon: float, lat: float) -> str:
        x = margin + (lon - west) * squeeze * scale
        y = margin + (north - lat) * scale
        return f"{x:.1f} {y:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="chart map" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    ordered = sorted(areas, key=lambda area: area.highlighted)
    for area in ordered:
        path = " ".join(
            "M" + " L".join(xy(lon, lat) for lon, lat in ring) + " Z"
            for ring in area.rings
        )
        fill, stroke, line = (
            ("#1f4e79", "#000000", 2.5)
            if area.highlighted
            else ("#e4e4e4", "#8c8c8c", 0.8)
        )
        parts.append(
            f'<path d="{path}" fill="{fill}" fill-rule="evenodd" stroke="{stroke}" '
            f'stroke-width="{line}"><title>{escape(area.name)}</title></path>'
        )
    if labels:
        for area in ordered:
            if not area.highlighted or not area.rings:
                continue
            ring = area.rings[0]
            lon = sum(p[0] for p in ring) / len(ring)
            lat = sum(p[1] for p in ring) / len(ring)
            x, y = xy(lon, lat).split()
            parts.append(
                f'<text x="{x}" y="{y}" text-anchor="middle" font-size="10" '
                f'fill="#ffffff" stroke="#000000" stroke-width="0.3">'
                f"{escape(area.name)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
