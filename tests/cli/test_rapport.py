# SPDX-License-Identifier: EUPL-1.2
"""``wijk rapport``: the residents' report of an area to an HTML or PDF file."""

from __future__ import annotations

import pytest

from wijkaanpak.cli import main

pytestmark = pytest.mark.django_db


def test_the_report_is_written_as_pdf_by_the_file_name(area, tmp_path, capsys):
    output = tmp_path / "voortgang.pdf"

    assert main(["rapport", area.slug, "--output", str(output)]) == 0

    assert output.read_bytes().startswith(b"%PDF-")
    assert "PDF" in capsys.readouterr().out


def test_the_report_is_written_as_html_in_dutch(area, tmp_path):
    output = tmp_path / "voortgang.html"

    assert main(["rapport", area.slug, "-o", str(output)]) == 0

    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert area.name in html
    assert "<svg" in html
    assert 'lang="nl"' in html


def test_an_unknown_area_names_the_known_ones(area, tmp_path, capsys):
    assert main(["rapport", "nergens", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "oost" in capsys.readouterr().out


def test_a_closed_area_needs_an_explicit_flag(area, tmp_path):
    area.is_public = False
    area.save(update_fields=["is_public"])
    output = tmp_path / "x.html"

    assert main(["rapport", area.slug, "-o", str(output)]) == 2
    assert not output.exists()
    assert main(["rapport", area.slug, "-o", str(output), "--ook-besloten"]) == 0
