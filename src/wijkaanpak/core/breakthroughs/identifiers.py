# SPDX-License-Identifier: EUPL-1.2
"""Find personal identifiers in free text before it is saved.

A blockage case is about a household, but it must not identify one: the
front-line team keeps the household's file in its own system and refers to it
by a household reference code. People still type what they know, so every free
text of a case is checked for the identifiers that give a person away at once:
citizen service numbers (BSN, recognised by the 11-test), e-mail addresses,
Dutch telephone numbers, dates of birth, postcodes and bank account numbers
(IBAN, recognised by their check digits). The user sees a warning and must
confirm before the text is saved; a false alarm costs a click, a missed
identifier can cost a household its privacy.
"""

from __future__ import annotations

import datetime
import enum
import re
from dataclasses import dataclass

__all__ = [
    "Finding",
    "IdentifierKind",
    "find_identifiers",
    "is_valid_household_code",
    "passes_eleven_test",
    "passes_iban_check",
]


class IdentifierKind(enum.StrEnum):
    """What kind of identifier was found."""

    BSN = "bsn"
    EMAIL = "email"
    PHONE = "phone"
    DATE_OF_BIRTH = "date_of_birth"
    POSTCODE = "postcode"
    IBAN = "iban"


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifier in a text.

    Attributes
    ----------
    kind : IdentifierKind
        What it looks like.
    start, end : int
        Where it is: ``text[start:end]``.
    """

    kind: IdentifierKind
    start: int
    end: int


_SEPARATOR = r"[ .\-]?"
# Not glued to other digits, also not across a single separator, so the tail
# of a telephone number ("06-12345678") is not read as a number of its own.
_NO_DIGIT_BEFORE = r"(?<!\d)(?<!\d[ .\-])"
_NO_DIGIT_AFTER = r"(?![ .\-]?\d)"

_BSN = re.compile(
    _NO_DIGIT_BEFORE
    + r"(\d{4}"
    + _SEPARATOR
    + r"\d{2}"
    + _SEPARATOR
    + r"\d{3}|\d{3}"
    + _SEPARATOR
    + r"\d{3}"
    + _SEPARATOR
    + r"\d{3})"
    + _NO_DIGIT_AFTER
)
_EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)
_PHONE = re.compile(
    r"(?<![\d+])(?:"
    # +31 6 12345678, 0031 (0)20 123 4567
    r"(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?[1-9](?:[ .\-]?\d){8}"
    r"|"
    # (010) 123 45 67
    r"\(0\d{2,3}\)[ .\-]?\d(?:[ .\-]?\d){5,6}"
    r"|"
    # 06-12345678, 020 123 4567, 0101234567
    r"0(?:[ .\-]?\d){9}"
    r")(?![ .\-]?\d)"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maart", "march", "mrt", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augustus", "august", "aug"),
            ("september", "sept", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(
    r"(?<![\d\-/.])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d\-/])"
)
_ISO_DATE = re.compile(r"(?<![\d\-])(\d{4})-(\d{2})-(\d{2})(?![\d\-])")
_WRITTEN_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s+("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+(\d{4})(?!\d)",
    re.IGNORECASE,
)
_BIRTH_WORDS = re.compile(
    r"(geboren|geb\.|geboortedatum|geboortedag|born|birth|d\.o\.b|dob)\W*(op|on|:)?\W*$",
    re.IGNORECASE,
)
# Postcode: four digits (not starting with 0), two capitals (SA, SD, SS unused).
_POSTCODE = re.compile(r"(?<![\d\w])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\w])")
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])")
_HOUSEHOLD_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]{2,31}")
#: A date this much older than today may be a date of birth; a recent one is
#: more likely a date in the case's own story (a meeting, a letter).
_RECENT = datetime.timedelta(days=366)


def passes_eleven_test(number: str) -> bool:
    """Say whether nine digits pass the 11-test of the citizen service number.

    The weighted sum ``9·d1 + 8·d2 + … + 2·d8 - 1·d9`` of a BSN is a multiple
    of 11 (and not zero).

    Parameters
    ----------
    number : str
        Digits, separators allowed.

    Returns
    -------
    bool
        True for nine digits that pass.

    Examples
    --------
    >>> passes_eleven_test("111222333")
    True
    >>> passes_eleven_test("1112.22.334")
    False
    >>> passes_eleven_test("000000000")
    False
    """
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) != 9:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(w * d for w, d in zip(weights, digits, strict=True))
    return total != 0 and total % 11 == 0


def passes_iban_check(text: str) -> bool:
    """Say whether a text is an IBAN with valid check digits (ISO 13616, mod 97).

    Parameters
    ----------
    text : str
        Country code, check digits and account; spaces allowed.

    Returns
    -------
    bool
        True when the check digits are right.

    Examples
    --------
    >>> passes_iban_check("NL91 ABNA 0417 1643 00")
    True
    >>> passes_iban_check("NL91 ABNA 0417 1643 01")
    False
    """
    compact = text.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rotated = compact[4:] + compact[:4]
    digits = "".join(str(int(c, 36)) for c in rotated)
    return int(digits) % 97 == 1


def _year(text: str, today: datetime.date) -> int:
    year = int(text)
    if len(text) == 2:
        century = today.year // 100 * 100
        year += century if year <= today.year % 100 else century - 100
    return year


def _real_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _dates(text: str, today: datetime.date) -> list[tuple[int, int, datetime.date]]:
    found = []
    for match in _NUMERIC_DATE.finditer(text):
        day, _sep, month, year = match.groups()
        date = _real_date(_year(year, today), int(month), int(day))
        if date is not None:
            found.append((match.start(), match.end(), date))
    for match in _ISO_DATE.finditer(text):
        year, month, day = match.groups()
        date = _real_date(int(year), int(month), int(day))
        if date is not None:
            found.append((match.start(), match.end(), date))
    for match in _WRITTEN_DATE.finditer(text):
        day, month, year = match.groups()
        date = _real_date(int(year), _MONTHS[month.lower()], int(day))
        if date is not None:
            found.append((match.start(), match.end(), date))
    return found


def find_identifiers(text: str, *, today: datetime.date) -> tuple[Finding, ...]:
    """Find the personal identifiers in a text.

    Parameters
    ----------
    text : str
        Free text as a user typed it.
    today : datetime.date
        The day of the check. A full date is taken for a possible date of
        birth when words such as "geboren" or "born" precede it, or when it
        lies more than a year before ``today``.

    Returns
    -------
    tuple of Finding
        In order of position; overlapping matches are reported once, the
        first kind checked winning (BSN, IBAN, e-mail, telephone, date,
        postcode).

    Examples
    --------
    >>> today = datetime.date(2026, 5, 1)
    >>> text = "Moeder (geb. 3-4-1987), BSN 111222333, bel 06-12345678."
    >>> [f.kind.value for f in find_identifiers(text, today=today)]
    ['date_of_birth', 'bsn', 'phone']
    >>> find_identifiers("Overleg op 14-04-2026 met de corporatie.", today=today)
    ()
    """
    found: list[Finding] = []

    def add(kind: IdentifierKind, start: int, end: int) -> None:
        if any(start < f.end and f.start < end for f in found):
            return
        found.append(Finding(kind, start, end))

    for match in _BSN.finditer(text):
        if passes_eleven_test(match.group(1)):
            add(IdentifierKind.BSN, match.start(1), match.end(1))
    for match in _IBAN.finditer(text):
        if passes_iban_check(match.group()):
            add(IdentifierKind.IBAN, match.start(), match.end())
    for match in _EMAIL.finditer(text):
        add(IdentifierKind.EMAIL, match.start(), match.end())
    for match in _PHONE.finditer(text):
        add(IdentifierKind.PHONE, match.start(), match.end())
    for start, end, date in _dates(text, today):
        named_birth = _BIRTH_WORDS.search(text[max(0, start - 30) : start]) is not None
        if named_birth or date < today - _RECENT:
            add(IdentifierKind.DATE_OF_BIRTH, start, end)
    for match in _POSTCODE.finditer(text):
        add(IdentifierKind.POSTCODE, match.start(), match.end())
    return tuple(sorted(found, key=lambda f: f.start))


def is_valid_household_code(code: str, *, today: datetime.date) -> bool:
    """Say whether a household reference code is well formed and identifies nobody.

    A code is 3 to 32 letters, digits and hyphens, starting with a letter or
    digit, and is not itself an identifier (a BSN, a telephone number, a
    date, a postcode).

    Parameters
    ----------
    code : str
        The code as typed.
    today : datetime.date
        The day of the check.

    Returns
    -------
    bool
        True when the code may be stored.

    Examples
    --------
    >>> today = datetime.date(2026, 5, 1)
    >>> is_valid_household_code("HH-7K3Q9M", today=today)
    True
    >>> is_valid_household_code("111222333", today=today)
    False
    >>> is_valid_household_code("Jansen, Piet", today=today)
    False
    """
    if _HOUSEHOLD_CODE.fullmatch(code) is None:
        return False
    if passes_eleven_test(code):
        return False
    return not find_identifiers(code, today=today)
