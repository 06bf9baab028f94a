# SPDX-License-Identifier: EUPL-1.2
"""The SVG map of a focus area and the PDF converter."""

from __future__ import annotations

import pytest

from wijkaanpak.adapters.charts import MapArea, area_map
from wijkaanpak.adapters.pdf import html_to_pdf

SQUARE = ((5.0, 52.0), (5.01, 52.0), (5.01, 52.01), (5.0, 52.01), (5.0, 52.0))
NEXT = ((5.01, 52.0), (5.02, 52.0), (5.02, 52.01), (5.01, 52.01), (5.01, 52.0))


def test_the_focus_area_is_marked_by_border_and_label_not_colour_alone():
    svg = area_map(
        [MapArea("BU1", "Kade", (SQUARE,), True), MapArea("BU2", "Veld", (NEXT,))],
        title="Kaart",
        description="De buurten",
    )
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert svg.count("<path") == 2
    assert 'stroke-width="2.5"' in svg
    assert ">Kade</text>" in svg
    assert ">Veld</text>" not in svg


def test_a_map_keeps_the_shape_of_the_area():
    svg = area_map(
        [MapArea("BU1", "Kade", (SQUARE,), True)], title="t", description="d"
    )
    width, height = (
        int(v) for v in svg.split('viewBox="0 0 ')[1].split('"')[0].split()
    )
    # A square of 0.01 degrees at 52° N is wider in degrees than on the ground.
    assert height > width


def test_names_are_escaped():
    svg = area_map(
        [MapArea("BU1", "<Kade & Co>", (SQUARE,), True)], title="t", description="d"
    )
    assert "<Kade" not in svg
    assert "&lt;Kade &amp; Co&gt;" in svg


def test_no_areas_give_no_map():
    assert area_map([], title="t", description="d") == ""


def test_html_becomes_a_pdf_with_an_svg_image():
    import base64

    svg = area_map(
        [MapArea("BU1", "Kade", (SQUARE,), True)], title="t", description="d"
    )
    data = base64.b64encode(svg.encode()).decode()
    pdf = html_to_pdf(
        "<html><body><h1>Voortgang</h1>"
        f'<img src="data:image/svg+xml;base64,{data}" width="200" height="300">'
        "</body></html>"
    )
    assert pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("broken", ["<html><body><img src='nope.png'></body></html>"])
def test_a_missing_image_still_gives_a_pdf(broken):
    assert html_to_pdf(broken).startswith(b"%PDF-")
