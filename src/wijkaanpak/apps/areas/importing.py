# SPDX-License-Identifier: EUPL-1.2
"""Import real CBS figures and neighbourhood polygons into the database.

The adapters read the files (``adapters.cbs``, ``adapters.geometry``); this
module turns what they read into calls of the area services, in one
transaction: a file that fails half-way leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max

import numpy as np
from shapely.geometry import mapping

from wijkaanpak.adapters.cbs import KwbTable
from wijkaanpak.adapters.geometry import GeometryLayer
from wijkaanpak.apps.areas import analysis, services
from wijkaanpak.apps.areas.models import Municipality, Neighbourhood
from wijkaanpak.core.areas import codes
from wijkaanpak.core.errors import WijkaanpakError

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User

#: Decimal places kept of longitude and latitude: about 10 cm.
COORDINATE_DECIMALS = 6


@dataclass
class ImportReport:
    """What an import did, for the command's summary."""

    municipalities: list[str] = field(default_factory=list)
    neighbourhoods_added: int = 0
    figures: int = 0
    without_polygon: list[str] = field(default_factory=list)
    contiguity: list[str] = field(default_factory=list)
    reference_levels: int = 0


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, COORDINATE_DECIMALS)
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    return value


def _geojson(geometry: Any) -> dict[str, Any]:
    shape = mapping(geometry)
    bounds = geometry.bounds
    if not (-180 <= bounds[0] <= 180 and -90 <= bounds[1] <= 90):
        raise WijkaanpakError(
            "The polygons are not in longitude and latitude (WGS84); convert "
            "them first, for example with: ogr2ogr -t_srs EPSG:4326 out.geojson in.gpkg"
        )
    return {"type": shape["type"], "coordinates": _rounded(shape["coordinates"])}


@transaction.atomic
def import_kwb(
    table: KwbTable,
    *,
    geometry: GeometryLayer | None = None,
    municipalities: Collection[str] = (),
    national_reference: bool = False,
    figures_only: bool = False,
    year: int | None = None,
    acting_user: User | None,
    progress: Callable[[str], None] | None = None,
) -> ImportReport:
    """Store a KWB table (and polygons) in the database, all or nothing.

    Parameters
    ----------
    table : KwbTable
        The figures, as the CBS adapter read them.
    geometry : GeometryLayer, optional
        Polygons of the neighbourhoods of the same boundary year.
    municipalities : collection of str
        Import only these municipality codes; all in the table when empty.
    national_reference : bool
        The table covers the whole country: store the level and spread of
        every indicator as the national reference (``NL00``) of its year.
    figures_only : bool
        The table holds users' own figures (a CSV keyed by neighbourhood code)
        for neighbourhoods imported before; no areas are registered.
    year : int, optional
        The year of the figures, when the table does not say.
    acting_user : User or None
        An administrator, or None for a job run from the command line.
    progress : callable, optional
        Called with the code of each municipality as it is imported.
    """
    boundary_year = table.boundary_year or (
        geometry.boundary_year if geometry else None
    )
    if boundary_year is None and figures_only:
        # Own figures follow the boundaries they were collected on: the latest
        # year in which the database knows these neighbourhoods.
        boundary_year = Neighbourhood.objects.filter(
            code__in=[area.code for area in table.areas]
        ).aggregate(year=Max("boundary_year"))["year"]
        if boundary_year is None:
            unknown = sorted({"GM" + area.code[2:6] for area in table.areas})
            raise WijkaanpakError(
                f"{table.source}: no neighbourhood of the file is in the database "
                f"({', '.join(unknown)}); import their CBS figures first."
            )
    if boundary_year is None:
        raise WijkaanpakError(
            f"{table.source}: the boundary year is unknown; give it with --boundary-year."
        )
    if geometry is not None and geometry.boundary_year not in (None, boundary_year):
        raise WijkaanpakError(
            f"{geometry.source} has boundaries of {geometry.boundary_year}, "
            f"{table.source} of {boundary_year}; use files of the same year."
        )
    wanted = {code.upper() for code in municipalities}
    for code in wanted:
        if not codes.is_municipality_code(code):
            raise WijkaanpakError(
                f"{code} is not a municipality code (GM and 4 digits)."
            )
    names = {
        area.code: area.name
        for area in table.areas
        if area.level in ("municipality", "district")
    }
    neighbourhood_rows = table.rows(level="neighbourhood")
    found = sorted({"GM" + table.areas[i].code[2:6] for i in neighbourhood_rows})
    chosen = [code for code in found if not wanted or code in wanted]
    missing = sorted(wanted - set(found))
    if missing:
        raise WijkaanpakError(
            f"{table.source} holds no neighbourhoods of {', '.join(missing)}."
        )
    polygons = {area.code: area.geometry for area in geometry.areas} if geometry else {}
    report = ImportReport()
    for municipality_code in chosen:
        if progress:
            progress(municipality_code)
        report.municipalities.append(municipality_code)
        municipality = Municipality.objects.filter(code=municipality_code).first()
        if municipality is None and figures_only:
            raise WijkaanpakError(
                f"{table.source}: {municipality_code} is not in the database; "
                "import its CBS figures first."
            )
        if municipality is None:
            municipality = services.register_municipality(
                municipality_code,
                names.get(municipality_code) or municipality_code,
                acting_user=acting_user,
            )
        rows = table.rows(level="neighbourhood", municipality=municipality_code)
        present = set(
            Neighbourhood.objects.filter(
                municipality=municipality, boundary_year=boundary_year
            ).values_list("code", flat=True)
        )
        in_file = {table.areas[i].code for i in rows}
        if present and not in_file <= present:
            raise WijkaanpakError(
                f"{table.source}: {municipality_code} already has other "
                f"neighbourhoods for boundary year {boundary_year} in the database "
                f"(for example {sorted(present ^ in_file)[0]}); the file does not "
                "match the areas imported before."
            )
        if not present and not figures_only:
            district_codes = sorted({codes.district_of(code) for code in in_file})
            services.register_areas(
                municipality,
                [
                    services.DistrictInput(code, names.get(code) or code)
                    for code in district_codes
                ],
                [
                    (
                        codes.district_of(table.areas[i].code),
                        services.NeighbourhoodInput(
                            table.areas[i].code,
                            table.areas[i].name or table.areas[i].code,
                            _geojson(polygons[table.areas[i].code])
                            if table.areas[i].code in polygons
                            else None,
                        ),
                    )
                    for i in rows
                ],
                boundary_year=boundary_year,
                acting_user=acting_user,
            )
            report.neighbourhoods_added += len(rows)
            without = sorted(in_file - set(polygons))
            report.without_polygon.extend(without)
            if geometry is not None and not without:
                report.contiguity.append(municipality_code)
        report.figures += services.record_figures(
            municipality,
            (
                services.FigureInput(
                    table.areas[i].code,
                    year or table.areas[i].year or boundary_year,
                    variable,
                    value,
                )
                for i in rows
                for variable, value in table.areas[i].values.items()
            ),
            boundary_year=boundary_year,
            source=table.source,
            acting_user=acting_user,
        )
    if national_reference:
        report.reference_levels = _store_national_reference(
            table, neighbourhood_rows, acting_user
        )
    return report


def _store_national_reference(
    table: KwbTable, rows: list[int], acting_user: User | None
) -> int:
    levels = analysis.reference_levels(
        (
            table.areas[i].code,
            table.areas[i].year or table.boundary_year or 0,
            variable,
            None if value is None or not np.isfinite(value) else float(value),
        )
        for i in rows
        for variable, value in table.areas[i].values.items()
    )
    return services.record_reference_levels(
        analysis.COUNTRY,
        "Nederland",
        [services.ReferenceInput(*level) for level in levels],
        source=table.source,
        acting_user=acting_user,
    )
