# SPDX-License-Identifier: EUPL-1.2
"""Validate and relate the CBS codes of municipalities, districts and neighbourhoods.

Statistics Netherlands (CBS) names every municipality (*gemeente*) ``GM`` plus four
digits, every district (*wijk*) ``WK`` plus the municipality's four digits and two
more characters, and every neighbourhood (*buurt*) ``BU`` plus the district's six
characters and two more. Since 2022 some municipalities (Amsterdam first) use
letters in the last parts, as in ``BU0363AA01``; the municipality part stays
numeric. A code therefore also says where an area belongs, which is how a focus
area is checked to lie in one municipality.
"""

from __future__ import annotations

import re
from typing import Literal

from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "AreaLevel",
    "InvalidCodeError",
    "district_of",
    "is_area_code",
    "is_district_code",
    "is_municipality_code",
    "is_neighbourhood_code",
    "level_of",
    "municipality_of",
    "normalise_code",
]

AreaLevel = Literal["municipality", "district", "neighbourhood"]

_MUNICIPALITY = re.compile(r"GM\d{4}")
_DISTRICT = re.compile(r"WK\d{4}[0-9A-Z]{2}")
_NEIGHBOURHOOD = re.compile(r"BU\d{4}[0-9A-Z]{2}[0-9A-Z]{2}")


class InvalidCodeError(WijkaanpakError):
    """A text that is not a CBS area code of the expected kind."""


def normalise_code(code: str) -> str:
    """Return the code without surrounding spaces and in capitals.

    CBS files pad codes with spaces (``"BU03440000  "``) and some exports write
    the prefix in lower case; both denote the same area.

    Parameters
    ----------
    code : str
        A code as found in a file or typed by a user.

    Returns
    -------
    str
        The code as CBS publishes it.

    Examples
    --------
    >>> normalise_code(" bu0344aa01 ")
    'BU0344AA01'
    """
    return code.strip().upper()


def is_municipality_code(code: str) -> bool:
    """Say whether ``code`` is a municipality code such as ``GM0344``.

    Parameters
    ----------
    code : str
        The code to check, exactly as given (see :func:`normalise_code`).

    Returns
    -------
    bool
        True for ``GM`` followed by four digits.

    Examples
    --------
    >>> is_municipality_code("GM0344"), is_municipality_code("GM344")
    (True, False)
    """
    return _MUNICIPALITY.fullmatch(code) is not None


def is_district_code(code: str) -> bool:
    """Say whether ``code`` is a district code such as ``WK034403``.

    Parameters
    ----------
    code : str
        The code to check, exactly as given.

    Returns
    -------
    bool
        True for ``WK``, four digits and two digits or capitals.

    Examples
    --------
    >>> is_district_code("WK034403"), is_district_code("WK0363AA")
    (True, True)
    >>> is_district_code("WK03440")
    False
    """
    return _DISTRICT.fullmatch(code) is not None


def is_neighbourhood_code(code: str) -> bool:
    """Say whether ``code`` is a neighbourhood code such as ``BU03440300``.

    Parameters
    ----------
    code : str
        The code to check, exactly as given.

    Returns
    -------
    bool
        True for ``BU``, four digits and four digits or capitals.

    Examples
    --------
    >>> is_neighbourhood_code("BU03440300"), is_neighbourhood_code("BU0363AA01")
    (True, True)
    >>> is_neighbourhood_code("BU034403")
    False
    """
    return _NEIGHBOURHOOD.fullmatch(code) is not None


def is_area_code(code: str) -> bool:
    """Say whether ``code`` is a municipality, district or neighbourhood code.

    Importers use it to find the column of codes in a file, whatever its name.

    Parameters
    ----------
    code : str
        The code to check, exactly as given (see :func:`normalise_code`).

    Returns
    -------
    bool
        True for a code of any of the three levels.

    Examples
    --------
    >>> is_area_code("WK034403"), is_area_code("Utrecht")
    (True, False)
    """
    return (
        is_municipality_code(code)
        or is_district_code(code)
        or is_neighbourhood_code(code)
    )


def level_of(code: str) -> AreaLevel:
    """Return the level of area a valid code names.

    Parameters
    ----------
    code : str
        A municipality, district or neighbourhood code.

    Returns
    -------
    {'municipality', 'district', 'neighbourhood'}
        The level the code belongs to.

    Raises
    ------
    InvalidCodeError
        When the text is no CBS area code.

    Examples
    --------
    >>> level_of("WK034403")
    'district'
    """
    if is_municipality_code(code):
        return "municipality"
    if is_district_code(code):
        return "district"
    if is_neighbourhood_code(code):
        return "neighbourhood"
    raise InvalidCodeError(
        f"{code!r} is not a CBS area code; expected GM plus 4 digits, WK plus 6 "
        "characters or BU plus 8 characters, for example GM0344, WK034403 or "
        "BU03440300."
    )


def municipality_of(code: str) -> str:
    """Return the code of the municipality an area lies in.

    Parameters
    ----------
    code : str
        A municipality, district or neighbourhood code.

    Returns
    -------
    str
        The ``GM`` code.

    Raises
    ------
    InvalidCodeError
        When the text is no CBS area code.

    Examples
    --------
    >>> municipality_of("BU0363AA01")
    'GM0363'
    """
    level_of(code)
    return "GM" + code[2:6]


def district_of(code: str) -> str:
    """Return the code of the district a neighbourhood lies in.

    Parameters
    ----------
    code : str
        A neighbourhood code.

    Returns
    -------
    str
        The ``WK`` code.

    Raises
    ------
    InvalidCodeError
        When the text is no neighbourhood code.

    Examples
    --------
    >>> district_of("BU03440300")
    'WK034403'
    """
    if not is_neighbourhood_code(code):
        raise InvalidCodeError(
            f"{code!r} is not a neighbourhood code; expected BU plus 8 characters, "
            "for example BU03440300."
        )
    return "WK" + code[2:8]
