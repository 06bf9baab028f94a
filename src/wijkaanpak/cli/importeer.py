# SPDX-License-Identifier: EUPL-1.2
"""``wijk importeer``: real CBS figures and polygons into the database.

After an import the web pages (the analysis, the delimitation) work on real
areas as they do on the demo city. The file is read and checked completely
before anything is written, and the writing is one transaction.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from wijkaanpak.adapters.cbs import (
    KwbTable,
    read_code_list,
    read_kwb_csv,
    read_kwb_odata,
)
from wijkaanpak.adapters.geometry import read_geometries
from wijkaanpak.core.errors import WijkaanpakError

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``importeer`` command."""
    parser = subparsers.add_parser(
        "importeer",
        help="import CBS neighbourhood figures and polygons into the database",
        description=(
            "Import CBS Kerncijfers wijken en buurten (a CSV file, or a StatLine "
            "table fetched online with --statline) and, optionally, the "
            "neighbourhood polygons of the same boundary year."
        ),
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, help="KWB CSV file")
    source.add_argument(
        "--statline", metavar="TABLE", help="fetch a StatLine table, e.g. 85984NED"
    )
    parser.add_argument("--geometry", type=Path, help="GeoJSON, TopoJSON or GeoPackage")
    parser.add_argument(
        "--municipality",
        action="append",
        default=[],
        metavar="GMxxxx",
        help="import only this municipality (repeat for more)",
    )
    parser.add_argument("--boundary-year", type=int, help="when the file does not say")
    parser.add_argument(
        "--year", type=int, help="year of the figures, if not in the file"
    )
    parser.add_argument(
        "--own-figures",
        action="store_true",
        help="the file holds your own figures by neighbourhood code (survey results, "
        "liveability scores) for areas imported before; see WIJKAANPAK_INDICATORS",
    )
    parser.add_argument("--codes", type=Path, help="code list of the boundary year")
    parser.add_argument(
        "--national-reference",
        action="store_true",
        help="the file covers the whole country: store it as the national reference",
    )
    parser.add_argument(
        "--repair-geometry",
        action="store_true",
        help="repair invalid polygons instead of refusing them",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(handler=handle)


def _fetch_statline(table: str, **options: Any) -> KwbTable:
    try:
        import cbsodata  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - a dependency
        raise WijkaanpakError("The cbsodata package is not installed.") from error
    try:
        records = cbsodata.get_data(table)
    except Exception as error:  # the client raises whatever requests raises
        raise WijkaanpakError(
            f"StatLine table {table} could not be fetched ({error}); are you online? "
            "Download the CSV from the CBS open data portal instead."
        ) from error
    return read_kwb_odata(records, source=f"StatLine {table}", **options)


def handle(arguments: argparse.Namespace) -> int:
    """Read everything first, then import in one transaction."""
    from wijkaanpak.cli.serve import pending_migrations, setup_django

    try:
        known = read_code_list(arguments.codes) if arguments.codes else None
        options = {"boundary_year": arguments.boundary_year, "known_codes": known}
        table = (
            _fetch_statline(arguments.statline, **options)
            if arguments.statline
            else read_kwb_csv(arguments.file, **options)
        )
        geometry = (
            read_geometries(
                arguments.geometry,
                boundary_year=arguments.boundary_year,
                repair=arguments.repair_geometry,
            )
            if arguments.geometry
            else None
        )
    except (WijkaanpakError, OSError) as error:
        print(f"wijk importeer: {error}", file=sys.stderr)
        return 1
    setup_django()
    if pending_migrations():
        print(
            "wijk importeer: the database is not set up; run `wijk serve --migrate` "
            "once first.",
            file=sys.stderr,
        )
        return 1
    from django.core.exceptions import ValidationError

    from tqdm import tqdm

    from wijkaanpak.apps.areas.importing import import_kwb

    municipalities = {a.code[2:6] for a in table.areas if a.level == "neighbourhood"}
    chosen = arguments.municipality or municipalities
    with tqdm(
        total=len(chosen),
        desc="importing",
        unit="municipality",
        file=sys.stderr,
        disable=arguments.no_progress,
    ) as bar:
        try:
            report = import_kwb(
                table,
                geometry=geometry,
                municipalities=arguments.municipality,
                national_reference=arguments.national_reference,
                figures_only=arguments.own_figures,
                year=arguments.year,
                acting_user=None,
                progress=lambda _code: bar.update(),
            )
        except WijkaanpakError as error:
            print(f"wijk importeer: {error}", file=sys.stderr)
            return 1
        except ValidationError as error:
            print(f"wijk importeer: {' '.join(error.messages)}", file=sys.stderr)
            return 1
    print(
        json.dumps(
            {
                "source": table.source,
                "boundary_year": table.boundary_year or arguments.boundary_year,
                "municipalities": report.municipalities,
                "neighbourhoods_added": report.neighbourhoods_added,
                "figures": report.figures,
                "without_polygon": len(report.without_polygon),
                "contiguity_stored": report.contiguity,
                "national_reference_levels": report.reference_levels,
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    return 0
