# SPDX-License-Identifier: EUPL-1.2
"""QR codes as inline SVG, from ReportLab's encoder."""

from __future__ import annotations

from wijkaanpak.adapters.qr import qr_matrix, qr_svg


def test_a_qr_matrix_is_square_with_finder_patterns():
    matrix = qr_matrix("otpauth://totp/Wijkaanpak:bureau?secret=ABCDEFGH")
    size = len(matrix)
    assert all(len(row) == size for row in matrix)
    # The three corner squares: a dark 7x7 ring around a light ring.
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
        assert all(matrix[top][left + step] for step in range(7))
        assert not matrix[top + 1][left + 1]
        assert matrix[top + 3][left + 3]


def test_the_svg_has_a_label_and_no_style_attribute():
    svg = qr_svg("otpauth://totp/x?secret=AB", label='Code "voor" <app>')
    assert svg.startswith("<svg")
    assert 'aria-label="Code &quot;voor&quot; &lt;app&gt;"' in svg
    assert "style" not in svg
