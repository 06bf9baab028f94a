# SPDX-License-Identifier: EUPL-1.2
"""The address list of the invitation lottery, as municipalities export it."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkaanpak.adapters.addresses_csv import parse_addresses, read_addresses
from wijkaanpak.core.errors import WijkaanpakError

BAG_LIKE = (
    "openbareruimtenaam;huisnummer;huisletter;huisnummertoevoeging;postcode;"
    "woonplaatsnaam;buurtcode\n"
    "Oudegracht;12;a;;3511 AB;Utrecht;BU03440101\n"
    "Oudegracht;12;a;2;3511AB;Utrecht;BU03440101\n"
    "Oudegracht;14;;bis;3511ab;Utrecht;BU03440101\n"
    "Nachtegaalstraat;3;;;3581 AC;Utrecht;BU03440203\n"
)


def test_a_bag_like_export_with_semicolons_is_read():
    addresses = parse_addresses(BAG_LIKE)
    assert [entry.address.key for entry in addresses] == [
        "3511AB 12A",
        "3511AB 12A-2",
        "3511AB 14-BIS",
        "3581AC 3",
    ]
    assert addresses[3].street == "Nachtegaalstraat"
    assert addresses[3].city == "Utrecht"
    assert addresses[3].neighbourhood == "BU03440203"


def test_english_column_names_and_commas_are_read():
    text = "Street,Number,Addition,Postcode,City,Neighbourhood\nMain,1,,1234 AB,X,n1\n"
    assert parse_addresses(text)[0].address.key == "1234AB 1"


def test_a_missing_column_is_named_with_what_would_do():
    with pytest.raises(WijkaanpakError, match="no column found for neighbourhood"):
        parse_addresses("postcode,huisnummer\n1234AB,1\n")


def test_bad_rows_are_all_named_with_file_and_line(tmp_path: Path):
    path = tmp_path / "adressen.csv"
    path.write_text(
        "postcode,huisnummer,buurtcode\n"
        "1234AB,1,n1\n"
        "12 AB,2,n1\n"
        "1234AB,,n1\n"
        "1234AB,3,\n"
        "1234 ab,1,n2\n",
        encoding="utf-8",
    )
    with pytest.raises(WijkaanpakError) as caught:
        read_addresses(path)
    message = str(caught.value)
    assert "4 rows cannot be read; nothing was drawn" in message
    assert f"{path}, line 3: '12 AB' is not a Dutch postcode" in message
    assert f"{path}, line 4: The house number is empty." in message
    assert f"{path}, line 5: the neighbourhood code is empty." in message
    assert f"{path}, line 6: the address 1, 1234 AB is also on line 2." in message


def test_long_lists_of_bad_rows_are_cut_short():
    rows = "".join(f"bad,{n},n1\n" for n in range(1, 26))
    with pytest.raises(WijkaanpakError, match="and 15 more"):
        parse_addresses("postcode,huisnummer,buurt\n" + rows)


def test_a_missing_or_empty_file_says_so(tmp_path: Path):
    with pytest.raises(WijkaanpakError, match="does not exist"):
        read_addresses(tmp_path / "nothing.csv")
    with pytest.raises(WijkaanpakError, match="has no addresses"):
        parse_addresses("postcode,huisnummer,buurt\n")
