# SPDX-License-Identifier: EUPL-1.2
"""Personal registration codes for invitation letters: unguessable, easy to type.

A code proves that a volunteer received a letter at an address that was drawn.
The draw of addresses is public and reproducible from the seed, so the codes
must not be: anyone who knows the seed and the address list could otherwise
register in another household's name. Codes therefore come from the operating
system's secure random source (:mod:`secrets`), never from the published seed.

Codes use 32 characters that are hard to confuse when read from paper (no 0,
O, 1 or I). The last character is a check character (the Luhn mod N
algorithm over those 32 characters), so a typing error in one character is
always caught, and so is swapping two neighbouring characters except for the
pair ``2`` and ``Z``. Codes are printed in two groups of five, such as
``K7QMP-4XRT8``; spaces, hyphens and lower case are ignored when reading.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Container

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "check_character",
    "format_code",
    "is_valid_code",
    "new_registration_code",
    "normalise_code",
]

#: The characters of a code: digits and capitals without 0, 1, I and O.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
#: Characters of a code, the check character included: 9 random characters
#: give 32**9, about 3.5 * 10**13, codes.
CODE_LENGTH = 10
_VALUE = {character: value for value, character in enumerate(CODE_ALPHABET)}
_BASE = len(CODE_ALPHABET)


def _luhn_sum(characters: str, *, double_first: bool) -> int:
    """Sum the Luhn mod N addends from the right; doubling alternates."""
    total = 0
    double = double_first
    for character in reversed(characters):
        addend = _VALUE[character] * (2 if double else 1)
        total += addend // _BASE + addend % _BASE
        double = not double
    return total


def check_character(payload: str) -> str:
    """Return the check character of ``payload`` (Luhn mod N, N = 32).

    Parameters
    ----------
    payload : str
        Characters of ``CODE_ALPHABET``.

    Returns
    -------
    str
        One character of ``CODE_ALPHABET``.

    Examples
    --------
    >>> check_character("K7QMP4XRT")
    '8'

    References
    ----------
    .. [1] Luhn, H. P. (1960). Computer for verifying numbers. US patent
       2,950,048. (The mod N generalisation is folklore; see the "Luhn mod N
       algorithm".)
    """
    unknown = sorted(set(payload) - set(CODE_ALPHABET))
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a code character")
    total = _luhn_sum(payload, double_first=True)
    return CODE_ALPHABET[(_BASE - total % _BASE) % _BASE]


def normalise_code(text: str) -> str:
    """Read a code as a person typed it: drop spaces and hyphens, upper-case.

    Parameters
    ----------
    text : str
        For example ``" k7qmp-4xrt8 "``.

    Returns
    -------
    str
        The code's characters, such as ``"K7QMP4XRT8"``; not yet checked.

    Examples
    --------
    >>> normalise_code(" k7qmp - 4xrt8 ")
    'K7QMP4XRT8'
    """
    return "".join(text.split()).replace("-", "").upper()


def is_valid_code(text: str) -> bool:
    """Say whether ``text`` is a well-formed code with a correct check character.

    Valid is not the same as issued: whether a code belongs to a letter is a
    question for the list of issued codes.

    Parameters
    ----------
    text : str
        The code as typed (see :func:`normalise_code`).

    Returns
    -------
    bool
        True when the length, the characters and the check character are right.

    Examples
    --------
    >>> is_valid_code("K7QMP-4XRT8")
    True
    >>> is_valid_code("K7QMP-4XTR8")
    False
    """
    code = normalise_code(text)
    if len(code) != CODE_LENGTH or not set(code) <= set(CODE_ALPHABET):
        return False
    return _luhn_sum(code, double_first=False) % _BASE == 0


def format_code(code: str) -> str:
    """Write a code in two groups of five for print: ``"K7QMP-4XRT8"``.

    Parameters
    ----------
    code : str
        A code, in any of the forms :func:`normalise_code` reads.

    Returns
    -------
    str
        The printed form.

    Examples
    --------
    >>> format_code("k7qmp4xrt8")
    'K7QMP-4XRT8'
    """
    plain = normalise_code(code)
    half = len(plain) // 2
    return f"{plain[:half]}-{plain[half:]}"


def new_registration_code(
    *,
    taken: Container[str] = frozenset(),
    randbelow: Callable[[int], int] = secrets.randbelow,
) -> str:
    """Return a fresh code that is not in ``taken``.

    Parameters
    ----------
    taken : container of str
        Codes already issued (normalised), which the new code must differ from.
    randbelow : callable
        The random source; :func:`secrets.randbelow` unless a test passes a
        seeded stand-in. Never pass a generator seeded from a published seed.

    Returns
    -------
    str
        ``CODE_LENGTH`` characters, the last one the check character.

    Examples
    --------
    >>> code = new_registration_code()
    >>> is_valid_code(code)
    True
    """
    while True:
        payload = "".join(
            CODE_ALPHABET[randbelow(_BASE)] for _ in range(CODE_LENGTH - 1)
        )
        code = payload + check_character(payload)
        if code not in taken:
            return code
