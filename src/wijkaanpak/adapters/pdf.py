# SPDX-License-Identifier: EUPL-1.2
"""Turn a printable HTML page into a PDF, in pure Python.

The residents' progress report is one content in two forms: the web page
and a PDF to print or send. We render the same template to HTML and convert
it with xhtml2pdf (Apache-2.0, on ReportLab), which installs from PyPI
without system libraries. Charts travel as SVG images (data URIs), which
xhtml2pdf draws through svglib.
"""

from __future__ import annotations

import io

from xhtml2pdf import pisa

from wijkaanpak.core.errors import WijkaanpakError

__all__ = ["html_to_pdf"]


def html_to_pdf(html: str) -> bytes:
    """Convert a self-contained HTML document to PDF bytes.

    Parameters
    ----------
    html : str
        A whole document with its CSS inline; images as data URIs.

    Returns
    -------
    bytes
        The PDF.

    Raises
    ------
    WijkaanpakError
        If the converter reports an error.

    Examples
    --------
    >>> html_to_pdf("<html><body><p>Hallo</p></body></html>")[:5]
    b'%PDF-'
    """
    output = io.BytesIO()
    result = pisa.CreatePDF(html, dest=output, encoding="utf-8")
    if result.err:
        raise WijkaanpakError(
            f"The PDF could not be made: the converter found {result.err} error(s)."
        )
    return output.getvalue()
