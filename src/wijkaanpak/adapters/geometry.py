# SPDX-License-Identifier: EUPL-1.2
"""Neighbourhood geometries from GeoJSON, TopoJSON and GeoPackage files.

The CBS district and neighbourhood map reaches users as PDOK GeoJSON, as
TopoJSON (quantised, delta-encoded arcs) and as GeoPackage. Whatever the name
of the property holding the CBS code (``statcode``, ``buurtcode``, ``WK_CODE``,
``cbsCode`` …), this module finds it by its values, keeps the boundary year,
and refuses invalid polygons with the file and feature index, unless the
caller asks for repair with ``make_valid``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from wijkaanpak.core.areas.codes import is_area_code
from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "AreaGeometry",
    "GeometryLayer",
    "decode_topojson",
    "read_geometries",
    "shape_of",
]

NAME_PROPERTIES = (
    "statnaam",
    "buurtnaam",
    "wijknaam",
    "gemeentenaam",
    "naam",
    "name",
    "WK_NAAM",
    "BU_NAAM",
    "GM_NAAM",
)
YEAR_PROPERTIES = ("jaar", "year", "jaarcode", "jaartal")


@dataclass(frozen=True, slots=True)
class AreaGeometry:
    """One area's polygon.

    Attributes
    ----------
    code : str
        CBS code.
    name : str
        Name, if the file has one.
    geometry : shapely.Geometry
        Polygon or MultiPolygon (longitude/latitude or the file's coordinates).
    properties : mapping
        The other properties of the feature.
    """

    code: str
    name: str
    geometry: Any
    properties: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GeometryLayer:
    """The areas of one geometry file.

    Attributes
    ----------
    areas : tuple of AreaGeometry
        In file order.
    boundary_year : int or None
        From a property, a metadata member, the file name, or the caller.
    code_property : str
        The property that held the CBS codes.
    source : str
        The file.
    repaired : tuple of str
        Codes of areas whose geometry was repaired with ``make_valid``.
    """

    areas: tuple[AreaGeometry, ...]
    boundary_year: int | None
    code_property: str
    source: str
    repaired: tuple[str, ...] = ()

    def codes(self) -> tuple[str, ...]:
        """Return the area codes in order."""
        return tuple(area.code for area in self.areas)

    def in_municipality(self, municipality: str) -> GeometryLayer:
        """Return the areas whose code belongs to one municipality (``GM0344``)."""
        digits = municipality[2:]
        return GeometryLayer(
            tuple(area for area in self.areas if area.code[2:6] == digits),
            self.boundary_year,
            self.code_property,
            self.source,
            self.repaired,
        )


def _find_code_property(properties: Sequence[Mapping[str, Any]], source: str) -> str:
    counts: dict[str, int] = {}
    for props in properties[:500]:
        for key, value in props.items():
            if isinstance(value, str) and is_area_code(value.strip().upper()):
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        raise WijkaanpakError(
            f"{source}: no property holds CBS area codes (GM, WK or BU codes)."
        )

    # Prefer the most specific level: a buurt file also carries wijk codes.
    def rank(key: str) -> tuple[int, int]:
        sample = next(
            (
                str(p[key]).strip().upper()
                for p in properties
                if isinstance(p.get(key), str)
                and is_area_code(str(p[key]).strip().upper())
            ),
            "",
        )
        level = {"BU": 3, "WK": 2, "GM": 1}.get(sample[:2], 0)
        return (counts[key], level)

    return max(counts, key=rank)


def _polygonal(geometry: Any, source: str, index: int) -> Any:
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    if geometry.geom_type == "GeometryCollection":
        parts = [
            g for g in geometry.geoms if g.geom_type in ("Polygon", "MultiPolygon")
        ]
        polygons: list[Polygon] = []
        for part in parts:
            polygons.extend(part.geoms if isinstance(part, MultiPolygon) else [part])
        if polygons:
            return MultiPolygon(polygons) if len(polygons) > 1 else polygons[0]
        return Polygon()
    raise WijkaanpakError(
        f"{source}, feature {index}: a {geometry.geom_type} where a polygon is needed."
    )


def shape_of(geometry: Mapping[str, Any], name: str) -> Any:
    """Turn a stored GeoJSON geometry into a valid shapely polygon.

    Parameters
    ----------
    geometry : mapping
        A GeoJSON Polygon or MultiPolygon.
    name : str
        What the geometry belongs to, for the error message.

    Returns
    -------
    shapely.Polygon or shapely.MultiPolygon
        The polygon, repaired with ``make_valid`` when it crossed itself.

    Examples
    --------
    >>> square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    >>> shape_of(square, "BU00000000").area
    0.5
    """
    try:
        polygon = shape(geometry)
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise WijkaanpakError(
            f"{name}: the polygon cannot be read ({error})."
        ) from error
    if not polygon.is_valid:
        polygon = shapely.make_valid(polygon)
    return _polygonal(polygon, name, 0)


def _layer(
    features: Sequence[tuple[Mapping[str, Any], Any]],
    *,
    source: str,
    boundary_year: int | None,
    metadata_year: int | None,
    repair: bool,
) -> GeometryLayer:
    properties = [props for props, _ in features]
    key = _find_code_property(properties, source)
    areas = []
    repaired = []
    year = boundary_year
    for index, (props, geometry) in enumerate(features):
        raw = props.get(key)
        code = str(raw).strip().upper() if raw is not None else ""
        if not is_area_code(code):
            continue
        if geometry is None or geometry.is_empty:
            if not repair:
                raise WijkaanpakError(
                    f"{source}, feature {index} ({code}): no geometry (empty or "
                    "collapsed by quantisation); import with repair=True to keep "
                    "the area without a shape."
                )
            areas.append(AreaGeometry(code, "", Polygon(), dict(props)))
            repaired.append(code)
            continue
        if not geometry.is_valid:
            if not repair:
                reason = shapely.is_valid_reason(geometry)
                raise WijkaanpakError(
                    f"{source}, feature {index} ({code}): invalid geometry ({reason}); "
                    "fix the file or import with repair=True."
                )
            try:
                geometry = shapely.make_valid(geometry)
            except shapely.errors.GEOSException:
                geometry = geometry.buffer(0)
            repaired.append(code)
            if geometry.geom_type not in (
                "Polygon",
                "MultiPolygon",
                "GeometryCollection",
            ):
                # Repair of a ring collapsed to a line leaves no area.
                geometry = Polygon()
        geometry = (
            _polygonal(geometry, source, index) if not geometry.is_empty else geometry
        )
        name = next(
            (str(props[n]) for n in NAME_PROPERTIES if props.get(n) is not None), ""
        )
        if year is None:
            for candidate in YEAR_PROPERTIES:
                value = props.get(candidate)
                if isinstance(value, int | float) and 1900 < value < 2200:
                    year = int(value)
                    break
        areas.append(AreaGeometry(code, name, geometry, dict(props)))
    if year is None:
        year = metadata_year
    if year is None:
        match = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", Path(source).name)
        year = int(match.group(1)) if match else None
    return GeometryLayer(tuple(areas), year, key, source, tuple(repaired))


def _year_of(metadata: Any) -> int | None:
    if isinstance(metadata, Mapping):
        for key in ("year", "jaar", "boundary_year"):
            value = metadata.get(key)
            if isinstance(value, int | str) and str(value).isdigit():
                return int(value)
    return None


def decode_topojson(
    topology: Mapping[str, Any], name: str | None = None
) -> list[tuple[Mapping[str, Any], Any]]:
    """Decode one object of a TopoJSON topology into properties and shapes.

    Parameters
    ----------
    topology : mapping
        The parsed TopoJSON document.
    name : str, optional
        The object to decode; the first when omitted.

    Returns
    -------
    list of (properties, shapely geometry)
        One entry per geometry of the object, in order.

    Examples
    --------
    >>> square = {
    ...     "type": "Topology",
    ...     "transform": {"scale": [1, 1], "translate": [0, 0]},
    ...     "arcs": [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]],
    ...     "objects": {
    ...         "a": {
    ...             "type": "GeometryCollection",
    ...             "geometries": [
    ...                 {
    ...                     "type": "Polygon",
    ...                     "arcs": [[0]],
    ...                     "properties": {"code": "BU00000000"},
    ...                 }
    ...             ],
    ...         }
    ...     },
    ... }
    >>> decode_topojson(square)[0][1].area
    1.0

    References
    ----------
    Bostock, M. (2013). *The TopoJSON Format Specification*,
    github.com/topojson/topojson-specification.
    """
    transform = topology.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        points: list[tuple[float, float]] = []
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            for position in arc:
                x += position[0]
                y += position[1]
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)

    def ring(indices: Sequence[int]) -> list[tuple[float, float]]:
        coordinates: list[tuple[float, float]] = []
        for index in indices:
            part = arcs[index] if index >= 0 else arcs[~index][::-1]
            coordinates.extend(part if not coordinates else part[1:])
        return coordinates

    def polygon(rings: Sequence[Sequence[int]]) -> Polygon:
        # Quantisation can collapse a small ring to fewer than four points;
        # such a ring has no area and is left out (an empty outer ring gives
        # an empty polygon).
        built = [ring(r) for r in rings]
        if len(built[0]) < 4:
            return Polygon()
        return Polygon(built[0], [hole for hole in built[1:] if len(hole) >= 4])

    objects = topology["objects"]
    chosen = objects[name] if name is not None else next(iter(objects.values()))
    geometries = chosen.get("geometries", [chosen])
    result: list[tuple[Mapping[str, Any], Any]] = []
    for item in geometries:
        props = dict(item.get("properties") or {})
        if "id" in item and "id" not in props:
            props["id"] = item["id"]
        if item["type"] == "Polygon":
            result.append((props, polygon(item["arcs"])))
        elif item["type"] == "MultiPolygon":
            parts = [polygon(p) for p in item["arcs"]]
            parts = [part for part in parts if not part.is_empty]
            result.append((props, MultiPolygon(parts) if parts else Polygon()))
        else:
            result.append((props, None))
    return result


def _gpkg_geometry(blob: bytes, source: str, index: int) -> Any:
    if blob[:2] != b"GP":
        raise WijkaanpakError(f"{source}, feature {index}: not a GeoPackage geometry.")
    flags = blob[3]
    envelope = (flags >> 1) & 0b111
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(envelope)
    if size is None:
        raise WijkaanpakError(f"{source}, feature {index}: unknown envelope code.")
    if flags & 0b10000:
        return None
    struct.unpack("<i" if flags & 1 else ">i", blob[4:8])
    return shapely.from_wkb(blob[8 + size :])


def _read_gpkg(path: Path) -> tuple[list[tuple[Mapping[str, Any], Any]], int | None]:
    source = str(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = connection.execute(
            "SELECT table_name, column_name FROM gpkg_geometry_columns"
        ).fetchall()
        if not tables:
            raise WijkaanpakError(f"{source}: the GeoPackage has no geometry table.")
        table, column = tables[0]
        cursor = connection.execute(f'SELECT * FROM "{table}"')  # noqa: S608
        names = [description[0] for description in cursor.description]
        features: list[tuple[Mapping[str, Any], Any]] = []
        for index, row in enumerate(cursor):
            props = {n: v for n, v in zip(names, row, strict=True) if n != column}
            blob = row[names.index(column)]
            geometry = _gpkg_geometry(bytes(blob), source, index) if blob else None
            features.append((props, geometry))
    except sqlite3.DatabaseError as error:
        raise WijkaanpakError(
            f"{source}: not a readable GeoPackage ({error})."
        ) from None
    finally:
        connection.close()
    return features, None


def read_geometries(
    path: str | Path,
    *,
    boundary_year: int | None = None,
    repair: bool = False,
    layer: str | None = None,
) -> GeometryLayer:
    """Read area polygons from GeoJSON, TopoJSON or GeoPackage.

    Parameters
    ----------
    path : str or Path
        ``.geojson``/``.json``, ``.topojson`` or ``.gpkg``; the format is
        recognised from the content.
    boundary_year : int, optional
        The year of the boundaries; otherwise from a ``jaar``/``year``
        property, a ``metadata`` member, or the file name.
    repair : bool, default False
        Repair invalid polygons with ``shapely.make_valid`` instead of refusing.
    layer : str, optional
        The TopoJSON object to read (the first by default).

    Returns
    -------
    GeometryLayer
        The areas that have a CBS code, with their boundary year.

    Raises
    ------
    WijkaanpakError
        Naming the file (and feature index): unreadable, no code property,
        invalid geometry.
    """
    file = Path(path)
    source = str(file)
    with file.open("rb") as handle:
        start = handle.read(16)
    if start.startswith(b"SQLite format 3"):
        features, metadata_year = _read_gpkg(file)
    else:
        try:
            document = json.loads(file.read_text(encoding="utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise WijkaanpakError(f"{source}: not valid JSON ({error}).") from None
        metadata_year = _year_of(document.get("metadata"))
        if document.get("type") == "Topology":
            features = decode_topojson(document, layer)
        elif document.get("type") == "FeatureCollection":
            features = []
            for index, feature in enumerate(document.get("features", [])):
                try:
                    geometry = (
                        shape(feature["geometry"]) if feature.get("geometry") else None
                    )
                except (KeyError, ValueError, TypeError, AttributeError) as error:
                    raise WijkaanpakError(
                        f"{source}, feature {index}: unreadable geometry ({error})."
                    ) from None
                features.append((feature.get("properties") or {}, geometry))
        else:
            raise WijkaanpakError(
                f"{source}: neither a GeoJSON FeatureCollection nor a TopoJSON topology."
            )
    return _layer(
        features,
        source=source,
        boundary_year=boundary_year,
        metadata_year=metadata_year,
        repair=repair,
    )
