# SPDX-License-Identifier: EUPL-1.2
"""Read and write the CSV layouts of the Sortition Foundation's tools.

So that users can move between tools, we read what ``sortition-algorithms``
reads and write what it reads back:

* features (quotas): one row per feature value with the columns ``feature``,
  ``value``, ``min`` and ``max`` (older files: ``category`` and ``name``; the
  value column may also be called ``category value``, ``category_value`` or
  ``category-value``); ``min_flex`` and ``max_flex`` and other columns are
  ignored;
* people: an id column and one column per feature; other columns are kept
  aside (they are personal data and never enter the core);
* the replication data of Flanigan et al. (2021): ``categories.csv`` with
  ``category,feature,min,max`` (there *category* is the feature and *feature*
  the value) and ``respondents.csv`` with one column per feature and no id
  column (volunteers are numbered from 0 in file order).

Errors name the file and line, in a sentence the user can act on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.addresses import AddressError, dutch_address
from wijkaanpak.core.panels.model import PanelInstance, Person, Quota

__all__ = [
    "FEATURE_COLUMNS",
    "VALUE_COLUMNS",
    "format_features",
    "format_people",
    "parse_features",
    "parse_people",
    "read_features",
    "read_people",
    "read_replication_instance",
]

#: Accepted names of the feature column, in order of preference.
FEATURE_COLUMNS = ("feature", "category")
#: Accepted names of the value column, in order of preference.
VALUE_COLUMNS = ("value", "name", "category value", "category_value", "category-value")


def _rows(text: str, source: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Return the header and the numbered rows of a CSV text (line 1 = header)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text))
    try:
        header = [column.strip() for column in next(reader)]
    except StopIteration:
        raise WijkaanpakError(f"{source} is empty; it needs a header line.") from None
    rows: list[tuple[int, dict[str, str]]] = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            raise WijkaanpakError(
                f"{source}, line {line}: {len(cells)} cells but the header has "
                f"{len(header)} columns."
            )
        padded = [*cells, *([""] * (len(header) - len(cells)))]
        rows.append(
            (
                line,
                {col: cell.strip() for col, cell in zip(header, padded, strict=True)},
            )
        )
    duplicates = sorted({column for column in header if header.count(column) > 1})
    if duplicates:
        raise WijkaanpakError(
            f"{source}, line 1: the column {duplicates[0]!r} appears more than once."
        )
    return header, rows


def _integer(row: dict[str, str], column: str, source: str, line: int) -> int:
    text = row[column]
    try:
        value = int(text)
    except ValueError:
        raise WijkaanpakError(
            f"{source}, line {line}: {column} must be a whole number, not {text!r}."
        ) from None
    if value < 0:
        raise WijkaanpakError(f"{source}, line {line}: {column} cannot be negative.")
    return value


def parse_features(text: str, *, source: str = "features.csv") -> tuple[Quota, ...]:
    """Read quotas from the features CSV layout (any accepted column names).

    Parameters
    ----------
    text : str
        The CSV text.
    source : str
        The file name used in error messages.

    Returns
    -------
    tuple of Quota
        In file order.

    Examples
    --------
    >>> parse_features("feature,value,min,max\\ngender,female,2,3\\n")
    (Quota(feature='gender', value='female', minimum=2, maximum=3),)
    >>> parse_features("category,feature,min,max\\ngender,male,1,2\\n")
    (Quota(feature='gender', value='male', minimum=1, maximum=2),)
    """
    header, rows = _rows(text, source)
    lowered = {column.lower(): column for column in header}
    value_column = next((lowered[c] for c in VALUE_COLUMNS if c in lowered), None)
    if value_column is None and "category" in lowered and "feature" in lowered:
        # The replication layout: category is the feature, feature is the value.
        feature_column, value_column = lowered["category"], lowered["feature"]
    else:
        feature_column = next((lowered[c] for c in FEATURE_COLUMNS if c in lowered), "")
    for needed, found in (
        ("feature (or category)", feature_column),
        ("value (or name)", value_column),
        ("min", lowered.get("min")),
        ("max", lowered.get("max")),
    ):
        if not found:
            raise WijkaanpakError(
                f"{source}, line 1: no {needed} column; the header is {header}."
            )
    assert value_column is not None
    quotas: list[Quota] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        feature, value = row[feature_column], row[value_column]
        if not feature:
            continue
        if not value:
            raise WijkaanpakError(f"{source}, line {line}: the value is empty.")
        minimum = _integer(row, lowered["min"], source, line)
        maximum = _integer(row, lowered["max"], source, line)
        if minimum > maximum:
            raise WijkaanpakError(
                f"{source}, line {line}: the minimum {minimum} for {feature} = "
                f"{value} is above its maximum {maximum}."
            )
        if (feature, value) in seen:
            raise WijkaanpakError(
                f"{source}, line {line}: {feature} = {value} already has a quota "
                f"on line {seen[feature, value]}."
            )
        seen[feature, value] = line
        quotas.append(Quota(feature, value, minimum, maximum))
    if not quotas:
        raise WijkaanpakError(f"{source} has no quotas.")
    return tuple(quotas)


def parse_people(
    text: str,
    quotas: Sequence[Quota],
    *,
    id_column: str | None = None,
    household_columns: Sequence[str] = (),
    address_columns: Sequence[str] = (),
    source: str = "people.csv",
) -> tuple[Person, ...]:
    """Read volunteers from the people CSV layout.

    Parameters
    ----------
    text : str
        The CSV text.
    quotas : sequence of Quota
        The quotas; their features must be columns and every value must occur
        among the quotas' values of that feature.
    id_column : str or None
        The id column. ``None`` takes ``id`` if present, else the first column
        that is not a feature; ``""`` numbers the rows from 0 (replication data).
    household_columns : sequence of str
        Columns that together identify a household, compared as written
        (upper-cased, white space squeezed); empty for no household key.
    address_columns : sequence of str
        Instead of ``household_columns``: the postcode column, the house
        number column and optionally columns with the house letter or
        addition. The Dutch address is read into its canonical key
        (:mod:`wijkaanpak.core.panels.addresses`), so "3511 ab 12-a" and
        "3511AB 12 A" are one household.
    source : str
        The file name used in error messages.

    Returns
    -------
    tuple of Person
        In file order.

    Examples
    --------
    >>> quotas = (Quota("gender", "f", 1, 1), Quota("gender", "m", 0, 1))
    >>> parse_people("id,gender,email\\na,f,x@y\\nb,m,z@y\\n", quotas)[1]
    Person(id='b', features=(('gender', 'm'),), household=None)
    """
    header, rows = _rows(text, source)
    features = list(dict.fromkeys(quota.feature for quota in quotas))
    values = {
        feature: {q.value for q in quotas if q.feature == feature}
        for feature in features
    }
    lowered = {column.lower(): column for column in header}
    columns: dict[str, str] = {}
    for feature in features:
        column = feature if feature in header else lowered.get(feature.lower())
        if column is None:
            raise WijkaanpakError(
                f"{source}, line 1: no column for the feature {feature!r}; "
                f"the header is {header}."
            )
        columns[feature] = column
    if id_column is None:
        if "id" in lowered:
            id_column = lowered["id"]
        else:
            others = [c for c in header if c not in columns.values()]
            if not others:
                raise WijkaanpakError(f"{source}, line 1: there is no id column.")
            id_column = others[0]
    elif id_column and id_column not in header:
        raise WijkaanpakError(f"{source}, line 1: there is no id column {id_column!r}.")
    if household_columns and address_columns:
        raise WijkaanpakError("Give household columns or address columns, not both.")
    if address_columns and len(address_columns) < 2:
        raise WijkaanpakError(
            "The address columns are the postcode column and the house number "
            "column, optionally followed by letter or addition columns."
        )
    for column in [*household_columns, *address_columns]:
        if column not in header:
            raise WijkaanpakError(
                f"{source}, line 1: there is no household column {column!r}."
            )
    people: list[Person] = []
    seen: dict[str, int] = {}
    for number, (line, row) in enumerate(rows):
        person_id = row[id_column] if id_column else str(number)
        if not person_id:
            raise WijkaanpakError(f"{source}, line {line}: the id is empty.")
        if person_id in seen:
            raise WijkaanpakError(
                f"{source}, line {line}: the id {person_id!r} is also on line "
                f"{seen[person_id]}."
            )
        seen[person_id] = line
        pairs: list[tuple[str, str]] = []
        for feature in features:
            value = row[columns[feature]]
            match = next((v for v in values[feature] if v == value), None)
            if match is None:
                match = next(
                    (v for v in sorted(values[feature]) if v.lower() == value.lower()),
                    None,
                )
            if match is None:
                raise WijkaanpakError(
                    f"{source}, line {line}: {feature} = {value!r} has no quota in "
                    f"the features file (known: {', '.join(sorted(values[feature]))})."
                )
            pairs.append((feature, match))
        household = None
        if household_columns:
            parts = [" ".join(row[c].upper().split()) for c in household_columns]
            household = "|".join(parts) if any(parts) else None
        elif address_columns:
            postcode, house, *rest = (row[column] for column in address_columns)
            try:
                household = dutch_address(postcode, house, " ".join(rest)).key
            except AddressError as error:
                raise WijkaanpakError(f"{source}, line {line}: {error}") from None
        people.append(Person(person_id, tuple(pairs), household))
    return tuple(people)


def read_features(path: Path) -> tuple[Quota, ...]:
    """Read quotas from a features CSV file; see :func:`parse_features`.

    Parameters
    ----------
    path : Path
        The file.

    Returns
    -------
    tuple of Quota
        In file order.
    """
    return parse_features(_read(path), source=str(path))


def read_people(
    path: Path,
    quotas: Sequence[Quota],
    *,
    id_column: str | None = None,
    household_columns: Sequence[str] = (),
    address_columns: Sequence[str] = (),
) -> tuple[Person, ...]:
    """Read volunteers from a people CSV file; see :func:`parse_people`.

    Parameters
    ----------
    path : Path
        The file.
    quotas : sequence of Quota
        The quotas.
    id_column : str or None
        As in :func:`parse_people`.
    household_columns : sequence of str
        As in :func:`parse_people`.
    address_columns : sequence of str
        As in :func:`parse_people`.

    Returns
    -------
    tuple of Person
        In file order.
    """
    return parse_people(
        _read(path),
        quotas,
        id_column=id_column,
        household_columns=household_columns,
        address_columns=address_columns,
        source=str(path),
    )


def read_replication_instance(folder: Path, panel_size: int) -> PanelInstance:
    """Read ``categories.csv`` and ``respondents.csv`` of the replication data.

    Parameters
    ----------
    folder : Path
        For example ``.../example_small_20``.
    panel_size : int
        The panel size (in the folder names of the replication data).

    Returns
    -------
    PanelInstance
        Volunteers numbered ``"0"``, ``"1"``, ... in file order.
    """
    quotas = read_features(folder / "categories.csv")
    path = folder / "respondents.csv"
    people = parse_people(_read(path), quotas, id_column="", source=str(path))
    return PanelInstance(people, quotas, panel_size)


def format_features(quotas: Iterable[Quota]) -> str:
    """Write quotas in the ``feature,value,min,max`` layout.

    Parameters
    ----------
    quotas : iterable of Quota
        In the order to write.

    Returns
    -------
    str
        The CSV text.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["feature", "value", "min", "max"])
    for quota in quotas:
        writer.writerow([quota.feature, quota.value, quota.minimum, quota.maximum])
    return buffer.getvalue()


def format_people(people: Iterable[Person], features: Sequence[str]) -> str:
    """Write volunteers in the people layout: ``id`` and one column per feature.

    Parameters
    ----------
    people : iterable of Person
        In the order to write.
    features : sequence of str
        The feature columns, in order.

    Returns
    -------
    str
        The CSV text.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", *features])
    for person in people:
        writer.writerow([person.id, *(person.value(f) or "" for f in features)])
    return buffer.getvalue()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise WijkaanpakError(f"{path} does not exist.") from None
    except UnicodeDecodeError:
        raise WijkaanpakError(
            f"{path} is not UTF-8 text; save it as UTF-8 CSV."
        ) from None
