# SPDX-License-Identifier: EUPL-1.2
"""Invitation letters of the lottery: a CSV for mail merge and a PDF to print.

The PDF has one A4 letter per page, in plain Dutch (language level B1, the
informal "je" as in ``docs/glossary.md``), addressed "to the residents of" the
address so it fits a window envelope (address block 20 mm from the left and
45 mm from the top). Each letter names the registration page and the
personal code, and carries a QR code of the page (not of the code: codes stay
out of URLs). The PDF is written with reportlab (BSD licence) in its
invariant mode, so the same letters give the same bytes.

The CSV has one row per letter with Dutch column names for a word processor's
mail merge: ``code``, ``straat``, ``huisnummer``, ``postcode``,
``woonplaats``, ``buurt`` and ``aanmeldadres``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from wijkaanpak.core.panels.addresses import format_postcode
from wijkaanpak.core.panels.codes import format_code
from wijkaanpak.core.panels.invitations import Invitation

__all__ = [
    "DEFAULT_AREA",
    "DEFAULT_SENDER",
    "LETTER_COLUMNS",
    "LetterText",
    "format_letters_csv",
    "letters_pdf",
]

#: Who signs the letter unless the programme says otherwise.
DEFAULT_SENDER = "Het programmabureau van de wijkaanpak"
#: How the letter names the area unless the programme says otherwise.
DEFAULT_AREA = "jouw buurt"

#: The columns of the mail-merge CSV, in order.
LETTER_COLUMNS = (
    "code",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "buurt",
    "aanmeldadres",
)


@dataclass(frozen=True, slots=True)
class LetterText:
    """What the letters say that differs per panel.

    Parameters
    ----------
    url : str
        The registration page, printed in full and as a QR code.
    sender : str
        Who signs the letter, for example "Programmabureau Wijkaanpak Noord".
    area : str
        The area as residents call it, used in "In {area} werken ...".
    deadline : str
        The last day to register, as it should be printed ("15 maart");
        empty to leave the sentence out.
    contact : str
        A sentence with a phone number or e-mail address for questions;
        empty to leave it out.
    minimum_age : int
        Residents from this age may register.
    """

    url: str
    sender: str = DEFAULT_SENDER
    area: str = DEFAULT_AREA
    deadline: str = ""
    contact: str = ""
    minimum_age: int = 16


def format_letters_csv(invitations: Sequence[Invitation], url: str = "") -> str:
    """Write the letters as CSV for a mail merge.

    Parameters
    ----------
    invitations : sequence of Invitation
        The letters, in printing order.
    url : str
        The registration page, repeated on every row (empty if the mail-merge
        template has it).

    Returns
    -------
    str
        CSV text with the header :data:`LETTER_COLUMNS`.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LETTER_COLUMNS)
    for invitation in invitations:
        entry = invitation.address
        writer.writerow(
            [
                format_code(invitation.code),
                entry.street,
                entry.address.house_number(),
                format_postcode(entry.address.postcode),
                entry.city,
                entry.neighbourhood,
                url,
            ]
        )
    return buffer.getvalue()


_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=15.5)
_HEADING = ParagraphStyle(
    "heading", parent=_BODY, fontName="Helvetica-Bold", spaceBefore=6
)
_TITLE = ParagraphStyle(
    "title",
    parent=_BODY,
    fontName="Helvetica-Bold",
    fontSize=17,
    leading=21,
    spaceAfter=10,
)
_PAGE_WIDTH, _PAGE_HEIGHT = A4
_MARGIN = 20 * mm


def _paragraphs(text: LetterText) -> list[Paragraph]:
    """The letter's text, the same on every page (B1 Dutch, informal 'je')."""
    url = escape(text.url)
    register = (
        f"Ga naar <b>{url}</b>. Vul daar je persoonlijke code in. Je vindt de "
        "code hieronder."
    )
    if text.deadline:
        register += f" Je kunt je aanmelden tot en met {escape(text.deadline)}."
    lines = [
        Paragraph("Doe mee met het bewonerspanel", _TITLE),
        Paragraph("Beste bewoner,", _BODY),
        Paragraph(
            f"In {escape(text.area)} werken bewoners, de gemeente en andere "
            "partners samen aan een fijne en veilige buurt. We willen weten wat "
            "bewoners belangrijk vinden. Daarom maken we een bewonerspanel. Dat "
            "is een groep bewoners die meedenkt en advies geeft.",
            _BODY,
        ),
        Paragraph(
            "Iedereen moet een eerlijke kans hebben om mee te doen. Daarom hebben "
            "we adressen geloot. Jouw adres is geloot. Daarom krijg je deze brief.",
            _BODY,
        ),
        Paragraph("Hoe meld je je aan?", _HEADING),
        Paragraph(register, _BODY),
        Paragraph(
            f"Iedereen op dit adres van {text.minimum_age} jaar of ouder mag zich "
            "aanmelden. Er komt maar één persoon per adres in het panel.",
            _BODY,
        ),
        Paragraph("Wat gebeurt er daarna?", _HEADING),
        Paragraph(
            "Uit alle aanmeldingen loten we het panel. We zorgen dat het panel "
            "lijkt op de buurt: jong en oud, huurders en kopers, uit alle delen "
            "van de buurt. Daarna hoor je of je in het panel zit.",
            _BODY,
        ),
    ]
    if text.contact:
        lines.append(Paragraph(f"Heb je vragen? {escape(text.contact)}", _BODY))
    lines.append(Paragraph(f"Met vriendelijke groet,<br/>{escape(text.sender)}", _BODY))
    for paragraph in lines[1:]:
        paragraph.style = ParagraphStyle(
            paragraph.style.name + "-spaced", parent=paragraph.style, spaceAfter=6
        )
    return lines


_QR_FORM, _QR_SIDE = "registration-qr", 28 * mm
_BODY_FORM = "letter-body"


def _body_form(canvas: Canvas, text: LetterText) -> None:
    """Lay out the letter's text once; it is the same on every letter."""
    canvas.beginForm(_BODY_FORM)
    frame = Frame(
        _MARGIN,
        62 * mm,
        _PAGE_WIDTH - 2 * _MARGIN,
        _PAGE_HEIGHT - 75 * mm - 62 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    frame.addFromList(_paragraphs(text), canvas)
    canvas.endForm()


def _qr_form(canvas: Canvas, url: str) -> None:
    """Draw the registration page's QR code once, for every letter to reuse.

    Every letter carries the same code, so it is stored once in the PDF as a
    form; drawing it per page made 300 letters take seconds and megabytes.
    """
    widget = QrCodeWidget(url)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        _QR_SIDE,
        _QR_SIDE,
        transform=[_QR_SIDE / (right - left), 0, 0, _QR_SIDE / (top - bottom), 0, 0],
    )
    drawing.add(widget)
    canvas.beginForm(_QR_FORM, lowerx=0, lowery=0, upperx=_QR_SIDE, uppery=_QR_SIDE)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.endForm()


def _letter(canvas: Canvas, invitation: Invitation, text: LetterText) -> None:
    entry = invitation.address
    canvas.setFont("Helvetica", 9)
    canvas.drawRightString(_PAGE_WIDTH - _MARGIN, _PAGE_HEIGHT - 15 * mm, text.sender)
    # The address block, placed for a window envelope.
    block = canvas.beginText(_MARGIN, _PAGE_HEIGHT - 50 * mm)
    block.setFont("Helvetica", 11)
    block.setLeading(14)
    block.textLine("Aan de bewoners van")
    street = f"{entry.street} {entry.address.house_number()}".strip()
    block.textLine(street)
    block.textLine(f"{format_postcode(entry.address.postcode)}  {entry.city}".strip())
    canvas.drawText(block)

    canvas.doForm(_BODY_FORM)

    # The code box: the code large and in a fixed-width font, the page beside it.
    box_bottom, box_height = 22 * mm, 34 * mm
    canvas.setLineWidth(1)
    canvas.roundRect(_MARGIN, box_bottom, _PAGE_WIDTH - 2 * _MARGIN, box_height, 3 * mm)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(_MARGIN + 6 * mm, box_bottom + 25 * mm, "Jouw persoonlijke code:")
    canvas.setFont("Courier-Bold", 24)
    canvas.drawString(
        _MARGIN + 6 * mm, box_bottom + 14 * mm, format_code(invitation.code)
    )
    canvas.setFont("Helvetica", 11)
    canvas.drawString(_MARGIN + 6 * mm, box_bottom + 5 * mm, f"Aanmelden: {text.url}")
    canvas.saveState()
    canvas.translate(_PAGE_WIDTH - _MARGIN - _QR_SIDE - 3 * mm, box_bottom + 3 * mm)
    canvas.doForm(_QR_FORM)
    canvas.restoreState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(
        _MARGIN,
        12 * mm,
        "Bewaar deze brief. De code is alleen voor de bewoners van dit adres.",
    )


def letters_pdf(invitations: Sequence[Invitation], text: LetterText) -> bytes:
    """Write one A4 letter per invitation, in order, as a PDF.

    Parameters
    ----------
    invitations : sequence of Invitation
        The letters, in printing order.
    text : LetterText
        The registration page, the sender and the other parts that differ per
        panel.

    Returns
    -------
    bytes
        The PDF; the same input gives the same bytes.
    """
    if not text.url.strip():
        raise ValueError("the letters need the address of the registration page")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setTitle("Uitnodiging bewonerspanel")
    canvas.setAuthor(text.sender)
    canvas.setSubject("Uitnodigingsbrieven van de loting")
    _body_form(canvas, text)
    _qr_form(canvas, text.url)
    for invitation in invitations:
        _letter(canvas, invitation, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
