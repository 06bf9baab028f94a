# SPDX-License-Identifier: EUPL-1.2
"""A QR code as inline SVG, drawn from ReportLab's encoder.

The page shows it without a script or a style attribute (the content
security policy allows neither): one path of dark squares, coloured by the
``fill`` attribute, on a white quiet zone.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget

__all__ = ["qr_matrix", "qr_svg"]

#: Modules of white space around the code, as the standard asks.
QUIET_ZONE = 4


def qr_matrix(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of the QR code of ``text``, row by row."""
    widget = QrCodeWidget(text, barLevel="M")
    widget.draw()
    code = widget.qr
    size = code.getModuleCount()
    return [[bool(code.isDark(row, col)) for col in range(size)] for row in range(size)]


def qr_svg(text: str, *, label: str, pixels: int = 200) -> str:
    """The QR code of ``text`` as an ``<svg>`` element with an accessible label."""
    matrix = qr_matrix(text)
    side = len(matrix) + 2 * QUIET_ZONE
    squares = "".join(
        f"M{col + QUIET_ZONE} {row + QUIET_ZONE}h1v1h-1z"
        for row, cells in enumerate(matrix)
        for col, dark in enumerate(cells)
        if dark
    )
    escaped = (
        label.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" '
        f'width="{pixels}" height="{pixels}" role="img" aria-label="{escaped}" '
        f'shape-rendering="crispEdges">'
        f'<rect width="{side}" height="{side}" fill="#ffffff"/>'
        f'<path d="{squares}" fill="#000000"/></svg>'
    )
