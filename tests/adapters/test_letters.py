# SPDX-License-Identifier: EUPL-1.2
"""Invitation letters: one PDF page per letter, and a CSV for mail merge."""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader

from wijkaanpak.adapters.letters import (
    LETTER_COLUMNS,
    LetterText,
    format_letters_csv,
    letters_pdf,
)
from wijkaanpak.core.panels.addresses import dutch_address
from wijkaanpak.core.panels.codes import format_code
from wijkaanpak.core.panels.invitations import InvitationAddress, invitation_lottery

URL = "https://gemeente.example/bewonerspanel"


def invitations(count: int):
    addresses = [
        InvitationAddress(
            dutch_address("3511AB", f"{n} bis"), "BU01", "Oudegracht", "Utrecht"
        )
        for n in range(1, 30)
    ]
    return invitation_lottery(addresses, count, seed="1").invitations


def test_the_pdf_has_one_page_per_letter_with_its_code_and_the_page():
    letters = invitations(7)
    reader = PdfReader(io.BytesIO(letters_pdf(letters, LetterText(url=URL))))
    assert len(reader.pages) == 7
    for page, invitation in zip(reader.pages, letters, strict=True):
        text = page.extract_text()
        assert format_code(invitation.code) in text
        assert URL in text
        assert "Oudegracht" in text
        assert invitation.address.address.house_number() in text
        assert "Hoe meld je je aan?" in text


def test_the_deadline_and_contact_are_printed_when_given():
    text = LetterText(url=URL, deadline="15 maart", contact="Bel 030 123 45 67.")
    page = PdfReader(io.BytesIO(letters_pdf(invitations(1), text))).pages[0]
    content = page.extract_text()
    assert "tot en met 15 maart" in content
    assert "Bel 030 123 45 67." in content


def test_the_same_letters_give_the_same_bytes():
    letters = invitations(2)
    assert letters_pdf(letters, LetterText(url=URL)) == letters_pdf(
        letters, LetterText(url=URL)
    )


def test_letters_without_a_registration_page_are_refused():
    with pytest.raises(ValueError, match="registration page"):
        letters_pdf(invitations(1), LetterText(url=" "))


def test_the_mail_merge_csv_has_one_row_per_letter():
    letters = invitations(5)
    rows = list(csv.DictReader(io.StringIO(format_letters_csv(letters, URL))))
    assert list(rows[0]) == list(LETTER_COLUMNS)
    assert [row["code"] for row in rows] == [format_code(i.code) for i in letters]
    assert rows[0]["postcode"] == "3511 AB"
    assert rows[0]["huisnummer"].endswith("-BIS")
    assert rows[0]["aanmeldadres"] == URL
