# SPDX-License-Identifier: EUPL-1.2
"""Indicator catalogues and users' own figures, read from YAML and CSV.

The default catalogue ships as ``adapters/data/indicators.yaml``. Users extend
it with a YAML or CSV file of the same fields (municipal data, liveability
scores, survey results), and add the figures for their own indicators as a CSV
keyed by neighbourhood code, read like a KWB file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from wijkaanpak.adapters.cbs import AreaFigures, KwbTable, read_kwb_csv
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.indicators.catalogue import (
    Catalogue,
    Indicator,
    parse_formula,
)

__all__ = [
    "default_catalogue",
    "merge_figures",
    "read_catalogue",
    "read_user_figures",
]

FIELDS = ("key", "name_en", "name_nl", "theme", "unit", "direction", "formula")


def _indicator(entry: Mapping[str, Any], source: str, where: str) -> Indicator:
    missing = [name for name in FIELDS if not str(entry.get(name) or "").strip()]
    if missing:
        raise WijkaanpakError(f"{source}, {where}: no {', '.join(missing)}.")
    try:
        denominator = str(entry.get("denominator") or "").strip()
        scale = float(entry.get("scale") or 1.0)
        return Indicator(
            key=str(entry["key"]).strip(),
            name_en=str(entry["name_en"]).strip(),
            name_nl=str(entry["name_nl"]).strip(),
            theme=str(entry["theme"]).strip(),  # type: ignore[arg-type]
            unit=str(entry["unit"]).strip(),
            direction=str(entry["direction"]).strip(),  # type: ignore[arg-type]
            formula=parse_formula(str(entry["formula"])),
            denominator=parse_formula(denominator) if denominator else None,
            scale=scale,
            source=str(entry.get("source") or "").strip(),
        )
    except (WijkaanpakError, ValueError) as error:
        raise WijkaanpakError(f"{source}, {where}: {error}") from None


def read_catalogue(path: str | Path) -> Catalogue:
    """Read a catalogue from YAML (``indicators:`` list) or CSV (one row each).

    Parameters
    ----------
    path : str or Path
        ``.yaml``/``.yml`` or ``.csv`` with the fields ``key, name_en, name_nl,
        theme, unit, direction, formula`` and optionally ``denominator, scale,
        source``.

    Returns
    -------
    Catalogue
        The indicators, in file order.

    Raises
    ------
    WijkaanpakError
        Naming the file and the entry or line at fault.
    """
    file = Path(path)
    source = str(file)
    text = file.read_text(encoding="utf-8-sig")
    if file.suffix.lower() == ".csv":
        delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        indicators = [
            _indicator(row, source, f"line {number}")
            for number, row in enumerate(reader, start=2)
        ]
    else:
        try:
            document = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise WijkaanpakError(f"{source}: not valid YAML ({error}).") from None
        entries = document.get("indicators") if isinstance(document, dict) else None
        if not isinstance(entries, list):
            raise WijkaanpakError(f"{source}: no list under 'indicators'.")
        indicators = [
            _indicator(entry, source, f"entry {number}")
            for number, entry in enumerate(entries, start=1)
        ]
    return Catalogue(tuple(indicators))


def default_catalogue() -> Catalogue:
    """Return the catalogue that ships with Wijkaanpak."""
    resource = resources.files("wijkaanpak.adapters") / "data" / "indicators.yaml"
    with resources.as_file(resource) as path:
        return read_catalogue(path)


def read_user_figures(path: str | Path) -> KwbTable:
    """Read users' own figures: a CSV keyed by CBS code, any other columns.

    Column names are lowercased (and mapped where they are known CBS names),
    so a formula can use them directly.
    """
    return read_kwb_csv(path)


def merge_figures(base: KwbTable, extra: KwbTable) -> KwbTable:
    """Add the variables of ``extra`` to the areas of ``base``, by code.

    Variables of ``extra`` replace those of ``base`` with the same name; areas
    of ``extra`` not in ``base`` are ignored.
    """
    position = {area.code: i for i, area in enumerate(extra.areas)}
    variables = list(base.variables)
    for name in extra.variables:
        if name not in variables:
            variables.append(name)
    matrix = np.full((len(base.areas), len(variables)), np.nan)
    matrix[:, : len(base.variables)] = base.matrix
    for j, name in enumerate(variables):
        if name not in extra.variables:
            continue
        column = extra.variables.index(name)
        for i, area in enumerate(base.areas):
            if area.code in position:
                matrix[i, j] = extra.matrix[position[area.code], column]
    areas = tuple(
        AreaFigures(
            area.code,
            area.name,
            area.level,
            area.year,
            {
                name: (None if np.isnan(matrix[i, j]) else float(matrix[i, j]))
                for j, name in enumerate(variables)
            },
        )
        for i, area in enumerate(base.areas)
    )
    columns = dict(base.columns)
    columns.update({f"{extra.source}:{k}": v for k, v in extra.columns.items()})
    return KwbTable(
        areas,
        base.boundary_year,
        columns,
        base.source,
        tuple(variables),
        matrix,
    )
