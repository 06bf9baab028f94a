# SPDX-License-Identifier: EUPL-1.2
"""Read the address list of an area for the invitation lottery (a BAG-like CSV).

Municipalities export addresses from the BAG (*Basisregistratie Adressen en
Gebouwen*) in slightly different layouts, so columns are found by name, in
Dutch or English, in any case:

========================  =====================================================
part                      accepted column names
========================  =====================================================
postcode (required)       postcode, pc6, postal_code, zip
house number (required)   huisnummer, nummer, number, house_number, hnr
house letter              huisletter, letter, house_letter
addition                  huisnummertoevoeging, toevoeging, addition
street                    openbareruimtenaam, openbare_ruimte, straatnaam,
                          straat, street
city                      woonplaatsnaam, woonplaats, plaats, city
neighbourhood (required)  buurtcode, buurt, wijkcode, wijk, neighbourhood,
                          stratum
========================  =====================================================

Separators ``,``, ``;`` (Excel in Dutch) and tab are recognised from the
header line. Every bad row is reported with the file and line (the first ten
in the message), and nothing is returned until the whole file reads.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.addresses import AddressError, DutchAddress, dutch_address
from wijkaanpak.core.panels.invitations import InvitationAddress

__all__ = ["COLUMNS", "parse_addresses", "read_addresses"]

#: Accepted column names per part, in order of preference (compared in lower
#: case, with spaces and hyphens read as underscores).
COLUMNS = {
    "postcode": ("postcode", "pc6", "postal_code", "zip"),
    "number": ("huisnummer", "nummer", "number", "house_number", "hnr"),
    "letter": ("huisletter", "letter", "house_letter"),
    "addition": ("huisnummertoevoeging", "toevoeging", "addition"),
    "street": (
        "openbareruimtenaam",
        "openbare_ruimte",
        "straatnaam",
        "straat",
        "street",
    ),
    "city": ("woonplaatsnaam", "woonplaats", "plaats", "city"),
    "neighbourhood": (
        "buurtcode",
        "buurt",
        "wijkcode",
        "wijk",
        "neighbourhood",
        "stratum",
    ),
}
_REQUIRED = ("postcode", "number", "neighbourhood")
_ERRORS_SHOWN = 10


def _name(column: str) -> str:
    return "_".join(column.strip().lower().replace("-", " ").split())


def parse_addresses(
    text: str, *, source: str = "addresses.csv"
) -> tuple[InvitationAddress, ...]:
    """Read an address list from CSV text.

    Parameters
    ----------
    text : str
        The CSV text, with a header line.
    source : str
        The file name used in error messages.

    Returns
    -------
    tuple of InvitationAddress
        In file order.

    Raises
    ------
    WijkaanpakError
        When a required column is missing, or rows cannot be read (every such
        row is counted, the first ten are named with their line), or an
        address is listed twice.

    Examples
    --------
    >>> rows = "straat;huisnummer;toevoeging;postcode;woonplaats;buurtcode\\n"
    >>> rows += "Oudegracht;12;a;3511 ab;Utrecht;BU03440101\\n"
    >>> entry = parse_addresses(rows)[0]
    >>> entry.address.key, entry.street, entry.neighbourhood
    ('3511AB 12A', 'Oudegracht', 'BU03440101')
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise WijkaanpakError(f"{source} is empty; it needs a header line.") from None
    names = [_name(column) for column in header]
    positions: dict[str, int] = {}
    for part, accepted in COLUMNS.items():
        for name in accepted:
            if name in names:
                positions[part] = names.index(name)
                break
    missing = [part for part in _REQUIRED if part not in positions]
    if missing:
        expected = "; ".join(
            f"{part}: {' or '.join(COLUMNS[part][:3])}" for part in missing
        )
        raise WijkaanpakError(
            f"{source}, line 1: no column found for {expected}. The header is {header}."
        )
    addresses: list[InvitationAddress] = []
    errors: list[str] = []
    seen: dict[DutchAddress, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue

        def cell(part: str, cells: list[str] = cells) -> str:
            position = positions.get(part)
            if position is None or position >= len(cells):
                return ""
            return cells[position].strip()

        try:
            address = dutch_address(
                cell("postcode"),
                cell("number"),
                f"{cell('letter')} {cell('addition')}",
            )
        except AddressError as error:
            errors.append(f"line {line}: {error}")
            continue
        neighbourhood = cell("neighbourhood")
        if not neighbourhood:
            errors.append(f"line {line}: the neighbourhood code is empty.")
            continue
        if address in seen:
            errors.append(
                f"line {line}: the address {address.label()} is also on line "
                f"{seen[address]}."
            )
            continue
        seen[address] = line
        addresses.append(
            InvitationAddress(address, neighbourhood, cell("street"), cell("city"))
        )
    if errors:
        shown = "\n".join(f"  {source}, {error}" for error in errors[:_ERRORS_SHOWN])
        more = len(errors) - _ERRORS_SHOWN
        tail = f"\n  and {more} more." if more > 0 else ""
        raise WijkaanpakError(
            f"{source}: {len(errors)} rows cannot be read; nothing was drawn.\n"
            f"{shown}{tail}"
        )
    if not addresses:
        raise WijkaanpakError(f"{source} has no addresses.")
    return tuple(addresses)


def read_addresses(path: Path) -> tuple[InvitationAddress, ...]:
    """Read an address list from a CSV file; see :func:`parse_addresses`.

    Parameters
    ----------
    path : Path
        The file (UTF-8, with or without byte order mark).

    Returns
    -------
    tuple of InvitationAddress
        In file order.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise WijkaanpakError(f"{path} does not exist.") from None
    except UnicodeDecodeError:
        raise WijkaanpakError(
            f"{path} is not UTF-8 text; save it as UTF-8 CSV."
        ) from None
    return parse_addresses(text, source=str(path))
