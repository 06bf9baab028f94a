# SPDX-License-Identifier: EUPL-1.2
"""Dutch addresses read into one canonical key, and households grouped by it.

Volunteers write the same address in many ways ("3511ab 12-a", "3511 AB 12 A",
"3511 AB, 12a"), and the household rule (at most one member per address on a
panel) only works if those all match. Letters of the invitation lottery are
addressed from the same key. We follow the parts of a Dutch address in the
BAG (*Basisregistratie Adressen en Gebouwen*): a postcode of four digits and
two letters, a house number (*huisnummer*, 1 to 99999), a house letter
(*huisletter*, one letter) and an addition (*huisnummertoevoeging*).

Reading rules, in order:

1. Postcode: white space, dots and hyphens are dropped and letters upper-cased;
   then it must be four digits not starting with 0 and two letters other than
   SA, SD and SS (which PostNL does not use).
2. House number: the number field and the addition field are read together,
   upper-cased; ``-``, ``/``, ``_``, ``.``, ``,`` and white space separate
   parts, as does every change between digits and letters ("12a2" is 12, A,
   2). A leading "nr" is dropped. The text must start with the house number.
3. Words with the same meaning become one: "hs", "huis", "bg",
   "begane grond", "parterre" become ``H`` (ground floor, as written in
   Amsterdam); "t/o" and "tegenover" become ``TO``; "zw" becomes ``ZWART`` and
   "rd" ``ROOD`` (the two numberings of some Rotterdam and Schiedam streets);
   "bov" and "bvn" become ``BOVEN``.
4. Floors: an ordinal ("2e", "2 hoog", "2de", "2 verd.") becomes its number,
   and a Roman numeral I, II, III, IV, VI, VII, VIII or IX becomes its number
   ("12 II" is 12-2). V and X alone stay letters.
5. If the first part after the number is a single letter, it is the house
   letter; the other parts form the addition, joined by ``-``.

Known limits: an address with house letter A and one with addition A at the
same number (allowed in the BAG, almost never used) get the same key, and
"12 H" in a town that uses house letter H matches "12 hs". Both err on the side
of treating two records as one household, which is the safe side for the
household rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.model import Person

__all__ = [
    "AddressError",
    "DutchAddress",
    "Household",
    "assign_households",
    "dutch_address",
    "format_postcode",
    "group_households",
    "normalise_postcode",
    "parse_house_number",
]

_POSTCODE = re.compile(r"[1-9][0-9]{3}[A-Z]{2}")
_UNUSED_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
_SEPARATORS = re.compile(r"[\s\-/_.,;:'\"()]+")
_PARTS = re.compile(r"[0-9]+|[A-Z]+|[^0-9A-Z]")
_HIGHEST_NUMBER = 99999
#: Longest addition we accept, counting its parts' characters; longer text is
#: a note ("naast de bakker"), not an address.
_LONGEST_ADDITION = 10
_MOST_PARTS = 3

_SAME_MEANING = {
    "HS": "H",
    "HUIS": "H",
    "BG": "H",
    "BGG": "H",
    "PARTERRE": "H",
    "PART": "H",
    "TEGENOVER": "TO",
    "ZW": "ZWART",
    "RD": "ROOD",
    "BOV": "BOVEN",
    "BVN": "BOVEN",
}
_ORDINAL_SUFFIXES = frozenset(
    {"E", "DE", "STE", "HG", "HOOG", "VERD", "VERDIEPING", "ETAGE", "ET"}
)
_ROMAN = {
    "I": "1",
    "II": "2",
    "III": "3",
    "IV": "4",
    "VI": "6",
    "VII": "7",
    "VIII": "8",
    "IX": "9",
}


class AddressError(WijkaanpakError):
    """An address that cannot be read; the message says what is wrong."""


@dataclass(frozen=True, slots=True, order=True)
class DutchAddress:
    """A Dutch address as the BAG splits it, in canonical form.

    Parameters
    ----------
    postcode : str
        Four digits and two capital letters, without a space (``"3511AB"``).
    number : int
        The house number (*huisnummer*), 1 to 99999.
    letter : str
        The house letter (*huisletter*): one capital letter, or ``""``.
    addition : str
        The addition (*huisnummertoevoeging*) in canonical form, parts joined
        by ``-`` (``"2"``, ``"BIS"``, ``"H"``, ``"BOVEN-2"``), or ``""``.

    Examples
    --------
    >>> dutch_address("3511 ab", "12-a", "2").key
    '3511AB 12A-2'
    >>> print(dutch_address("3511AB", 12, "II").label())
    12-2, 3511 AB
    """

    postcode: str
    number: int
    letter: str = ""
    addition: str = ""

    @property
    def key(self) -> str:
        """The canonical key: ``"3511AB 12A-2"``; equal keys are one address."""
        suffix = f"-{self.addition}" if self.addition else ""
        return f"{self.postcode} {self.number}{self.letter}{suffix}"

    def house_number(self) -> str:
        """Return the house number as it is written on an envelope.

        Returns
        -------
        str
            For example ``'12A-2'`` or ``'12-BIS'``.
        """
        suffix = f"-{self.addition}" if self.addition else ""
        return f"{self.number}{self.letter}{suffix}"

    def label(self) -> str:
        """Return the house number and postcode for a person to read.

        Returns
        -------
        str
            For example ``'12A-2, 3511 AB'``.
        """
        return f"{self.house_number()}, {format_postcode(self.postcode)}"


@dataclass(frozen=True, slots=True)
class Household:
    """Everyone registered at one address: the canonical key and their ids."""

    key: str
    members: tuple[str, ...]


def normalise_postcode(text: str) -> str:
    """Read a Dutch postcode written in any spacing or case.

    Parameters
    ----------
    text : str
        For example ``"3511 ab"``, ``" 3511AB"`` or ``"3511-AB"``.

    Returns
    -------
    str
        Four digits and two capital letters, such as ``"3511AB"``.

    Raises
    ------
    AddressError
        When the text is not a Dutch postcode; the message says why.

    Examples
    --------
    >>> normalise_postcode(" 3511  ab ")
    '3511AB'
    >>> normalise_postcode("0511 AB")
    Traceback (most recent call last):
    ...
    wijkaanpak.core.panels.addresses.AddressError: The postcode '0511 AB' starts with 0; Dutch postcodes start with 1 to 9.
    """
    compact = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    if not compact:
        raise AddressError("The postcode is empty.")
    if _POSTCODE.fullmatch(compact) is None:
        if compact[:1] == "0" and re.fullmatch(r"[0-9]{4}[A-Z]{2}", compact):
            raise AddressError(
                f"The postcode {text!r} starts with 0; Dutch postcodes start "
                "with 1 to 9."
            )
        raise AddressError(
            f"{text!r} is not a Dutch postcode; write four digits and two "
            "letters, such as 1234 AB."
        )
    if compact[4:] in _UNUSED_POSTCODE_LETTERS:
        raise AddressError(
            f"The postcode {text!r} cannot exist: PostNL does not use the "
            "letters SA, SD and SS."
        )
    return compact


def format_postcode(postcode: str) -> str:
    """Write a canonical postcode with its usual space: ``"3511 AB"``.

    Parameters
    ----------
    postcode : str
        A postcode from :func:`normalise_postcode`.

    Returns
    -------
    str
        The postcode with a space between digits and letters.

    Examples
    --------
    >>> format_postcode("3511AB")
    '3511 AB'
    """
    return f"{postcode[:4]} {postcode[4:]}"


def parse_house_number(number: str | int, addition: str = "") -> tuple[int, str, str]:
    """Read a house number with its letter and addition into canonical parts.

    Parameters
    ----------
    number : str or int
        The house number field; it may hold the letter and addition as well
        (``"12-a"``, ``"12 bis"``, ``"12-2"``).
    addition : str
        A separate letter or addition field, if the form has one.

    Returns
    -------
    (int, str, str)
        The number, the house letter (one capital letter or ``""``) and the
        addition (canonical parts joined by ``-``, or ``""``).

    Raises
    ------
    AddressError
        When the text does not start with a house number from 1 to 99999, or
        the rest is not a house letter or addition.

    Examples
    --------
    >>> parse_house_number("12-a")
    (12, 'A', '')
    >>> parse_house_number("12", "hs")
    (12, 'H', '')
    >>> parse_house_number("12 II")
    (12, '', '2')
    >>> parse_house_number("12 bis")
    (12, '', 'BIS')
    """
    given = f"{number} {addition}".strip()
    text = unicodedata.normalize("NFKC", given).upper()
    text = re.sub(r"(?<![A-Z])T\s*[/.]\s*O\.?(?![A-Z])", " TO ", text)
    parts: list[str] = []
    for chunk in _SEPARATORS.split(text):
        parts.extend(_PARTS.findall(chunk))
    if parts[:1] in (["NR"], ["NO"]):
        parts = parts[1:]
    if not parts:
        raise AddressError("The house number is empty.")
    if not parts[0].isdigit():
        raise AddressError(f"The house number {given!r} does not start with a number.")
    house_number = int(parts[0])
    if not 1 <= house_number <= _HIGHEST_NUMBER:
        raise AddressError(
            f"The house number {given!r} is not between 1 and {_HIGHEST_NUMBER}."
        )
    strange = [part for part in parts if not part.isalnum()]
    if strange:
        raise AddressError(
            f"The house number {given!r} contains {strange[0]!r}; only letters, "
            "digits, spaces and hyphens can be read."
        )
    rest = _canonical_parts(parts[1:])
    letter = ""
    if rest and len(rest[0]) == 1 and rest[0].isalpha():
        letter, rest = rest[0], rest[1:]
    if len(rest) > _MOST_PARTS or sum(len(part) for part in rest) > _LONGEST_ADDITION:
        raise AddressError(
            f"The addition in {given!r} is too long to be part of an address; "
            "write only the house number, letter and addition (such as 12-2 "
            "or 12 bis)."
        )
    return house_number, letter, "-".join(rest)


def _canonical_parts(parts: list[str]) -> list[str]:
    """Apply rules 3 and 4 of the module docstring to the parts after the number."""
    canonical: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else ""
        if part == "BEGANE" and following == "GROND":
            canonical.append("H")
            index += 2
            continue
        if part.isdigit():
            canonical.append(str(int(part)))
            if following in _ORDINAL_SUFFIXES:
                index += 1
        elif part in _ROMAN:
            canonical.append(_ROMAN[part])
        else:
            canonical.append(_SAME_MEANING.get(part, part))
        index += 1
    return canonical


def dutch_address(postcode: str, number: str | int, addition: str = "") -> DutchAddress:
    """Read a postcode, house number and addition into a :class:`DutchAddress`.

    Parameters
    ----------
    postcode : str
        Any spacing or case.
    number : str or int
        The house number, possibly with letter and addition.
    addition : str
        A separate letter or addition field.

    Returns
    -------
    DutchAddress
        The canonical address; equal keys are the same address.

    Raises
    ------
    AddressError
        When a part cannot be read.

    Examples
    --------
    >>> dutch_address("3511AB", "12 A").key == dutch_address("3511 ab", "12-a").key
    True
    """
    house_number, letter, rest = parse_house_number(number, addition)
    return DutchAddress(normalise_postcode(postcode), house_number, letter, rest)


def group_households(
    registrations: Iterable[tuple[str, DutchAddress]],
) -> tuple[Household, ...]:
    """Group volunteers by address: one household per canonical key.

    Parameters
    ----------
    registrations : iterable of (str, DutchAddress)
        ``(volunteer id, address)`` pairs.

    Returns
    -------
    tuple of Household
        Sorted by key; members in the order given.

    Examples
    --------
    >>> households = group_households(
    ...     [
    ...         ("a", dutch_address("3511AB", "12-a")),
    ...         ("b", dutch_address("3511 AB", "12", "A")),
    ...         ("c", dutch_address("3511AB", "14")),
    ...     ]
    ... )
    >>> [(household.key, household.members) for household in households]
    [('3511AB 12A', ('a', 'b')), ('3511AB 14', ('c',))]
    """
    groups: dict[str, list[str]] = {}
    for person, address in registrations:
        groups.setdefault(address.key, []).append(person)
    return tuple(Household(key, tuple(groups[key])) for key in sorted(groups))


def assign_households(
    people: Sequence[Person], addresses: Mapping[str, DutchAddress]
) -> tuple[Person, ...]:
    """Give every volunteer the canonical key of their address as household.

    Parameters
    ----------
    people : sequence of Person
        The pool.
    addresses : mapping of str to DutchAddress
        Each volunteer's address by id; a volunteer without one keeps their
        household (usually None: a household of their own).

    Returns
    -------
    tuple of Person
        The same volunteers, in the same order, with ``household`` set.

    Examples
    --------
    >>> pool = [Person("a", ()), Person("b", ())]
    >>> same = {
    ...     "a": dutch_address("3511AB", "1 hs"),
    ...     "b": dutch_address("3511 AB", "1H"),
    ... }
    >>> [person.household for person in assign_households(pool, same)]
    ['3511AB 1H', '3511AB 1H']
    """
    return tuple(
        Person(person.id, person.features, addresses[person.id].key)
        if person.id in addresses
        else person
        for person in people
    )
