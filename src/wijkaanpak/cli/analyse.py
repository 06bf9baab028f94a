# SPDX-License-Identifier: EUPL-1.2
"""``wijk analyse``: the situational analysis of a municipality, as JSON or HTML.

Users' scripts rely on the JSON shape, so keep it stable: one object with
``neighbourhoods`` (each with at least ``code``, ``name``, ``population``,
``score`` where higher means more stacked problems, ``class`` 1 to 9 and
``themes``) and, when a geometry file is given, ``proposal``: the codes of the
proposed focus area.

Without ``--cbs`` the command reads the database instead (the figures, the
stored contiguity and the national reference imported earlier, or the demo)
and profiles a focus area of the municipality: the same object, plus the
trend over the years and the area's history and strengths.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from wijkaanpak.adapters.catalogue import (
    default_catalogue,
    merge_figures,
    read_catalogue,
    read_user_figures,
)
from wijkaanpak.adapters.cbs import KwbTable, read_code_list, read_kwb_csv
from wijkaanpak.adapters.geometry import read_geometries
from wijkaanpak.core.areas.contiguity import polygon_contiguity
from wijkaanpak.core.areas.delimitation import propose_focus_area, trade_off_curve
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.indicators.catalogue import (
    THEMES,
    IndicatorValues,
    indicator_values,
)
from wijkaanpak.core.indicators.stacking import (
    CLASS_COLOURS,
    CLASS_CUTS,
    CLASS_LABELS,
    Stacking,
    classify_scores,
    combine_areas,
    reference_of,
    stack_indicators,
)

__all__ = ["register", "run_analysis"]

THEME_NAMES = {
    "perspective": "Perspective of children, youth and residents",
    "physical": "Physical living environment",
    "safety": "Safety and undermining",
}


def register(subparsers: Any) -> None:
    """Add the ``analyse`` command."""
    parser = subparsers.add_parser(
        "analyse",
        help="analyse where problems stack in a municipality and propose a focus area",
        description=(
            "Import CBS Kerncijfers wijken en buurten, stack the indicators per "
            "neighbourhood against the city (and the country when the file "
            "covers more municipalities) and, with a geometry file, propose a "
            "contiguous focus area."
        ),
    )
    parser.add_argument("municipality", help="CBS municipality code, such as GM0344")
    parser.add_argument(
        "--cbs",
        type=Path,
        help="KWB CSV file; without it, the figures in the database are used",
    )
    parser.add_argument("--geometry", type=Path, help="GeoJSON, TopoJSON or GeoPackage")
    parser.add_argument(
        "--area",
        help="name (or code) of a wijk or buurt to profile; with the database, "
        "the name of a focus area",
    )
    parser.add_argument("--format", choices=("json", "html"), default="json")
    parser.add_argument("--output", type=Path, help="write here instead of stdout")
    parser.add_argument("--catalogue", type=Path, help="extra indicators (YAML/CSV)")
    parser.add_argument("--figures", type=Path, help="own figures (CSV by code)")
    parser.add_argument("--codes", type=Path, help="code list of the boundary year")
    parser.add_argument("--min-population", type=float, help="default 5 %% of the city")
    parser.add_argument(
        "--max-population", type=float, help="default 15 %% of the city"
    )
    parser.add_argument(
        "--strict-geometry",
        action="store_true",
        help="refuse invalid polygons instead of repairing them",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(handler=handle)


def handle(arguments: argparse.Namespace) -> int:
    """Run the command; print a clear message and return 1 on a data error."""
    if arguments.cbs is None:
        return _handle_database(arguments)
    try:
        result = run_analysis(
            arguments.municipality.strip().upper(),
            cbs=arguments.cbs,
            geometry=arguments.geometry,
            area=arguments.area,
            catalogue=arguments.catalogue,
            figures=arguments.figures,
            codes=arguments.codes,
            min_population=arguments.min_population,
            max_population=arguments.max_population,
            repair=not arguments.strict_geometry,
            progress=not arguments.no_progress,
        )
    except (WijkaanpakError, OSError) as error:
        print(f"wijk analyse: {error}", file=sys.stderr)
        return 1
    return _write(result, arguments)


def _write(result: dict[str, Any], arguments: argparse.Namespace) -> int:
    text = (
        json.dumps(result, ensure_ascii=False, indent=1)
        if arguments.format == "json"
        else render_html(result)
    )
    if arguments.output:
        arguments.output.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    return 0


def _handle_database(arguments: argparse.Namespace) -> int:
    from wijkaanpak.cli.serve import pending_migrations, setup_django

    setup_django()
    if pending_migrations():
        print(
            "wijk analyse: the database is not set up; run `wijk demo` or "
            "`wijk serve --migrate` first, or give a file with --cbs.",
            file=sys.stderr,
        )
        return 1
    from django.utils import translation

    code = arguments.municipality.strip().upper()
    with translation.override("en"):
        try:
            result = analysis_from_database(
                code,
                area=arguments.area,
                min_population=arguments.min_population,
                max_population=arguments.max_population,
            )
        except WijkaanpakError as error:
            print(f"wijk analyse: {error}", file=sys.stderr)
            return 1
    return _write(result, arguments)


def analysis_from_database(
    municipality: str,
    *,
    area: str | None = None,
    min_population: float | None = None,
    max_population: float | None = None,
) -> dict[str, Any]:
    """The same analysis from the stored figures, for a focus area of the city."""
    from wijkaanpak.apps.areas import analysis
    from wijkaanpak.apps.areas.models import FocusArea

    areas = FocusArea.objects.filter(municipality__code=municipality).order_by("name")
    if area:
        wanted = area.strip().lower()
        areas = areas.filter(name__iexact=wanted) | areas.filter(slug=wanted)
    focus_area = areas.select_related("municipality").first()
    if focus_area is None:
        known = ", ".join(
            FocusArea.objects.filter(municipality__code=municipality).values_list(
                "name", flat=True
            )
        )
        raise WijkaanpakError(
            f"The database has no focus area {area!r} in {municipality}"
            + (f"; it has: {known}." if known else "; import figures or run the demo.")
            if area
            else f"The database has no focus area in {municipality}; "
            "import figures or run the demo."
        )
    delimitation = analysis.delimitation_of(
        focus_area, min_population=min_population, max_population=max_population
    )
    result_of_area = (
        delimitation.analysis if delimitation else analysis.analysis_of(focus_area)
    )
    if result_of_area is None:
        raise WijkaanpakError(f"The database has no figures of {municipality}.")
    rows = sorted(result_of_area.neighbourhoods, key=lambda r: r.neighbourhood.code)
    city_population = float(sum(row.inhabitants for row in rows))
    result: dict[str, Any] = {
        "municipality": {
            "code": municipality,
            "name": focus_area.municipality.name,
            "population": city_population,
        },
        "figures_year": result_of_area.year,
        "years": list(result_of_area.years),
        "boundary_year": rows[0].neighbourhood.boundary_year if rows else None,
        "source": "database",
        "reference": focus_area.municipality.name,
        "country": result_of_area.country,
        "themes": list(THEMES),
        "classes": [
            {"class": c + 1, "colour": CLASS_COLOURS[c], "label": CLASS_LABELS[c]}
            for c in range(9)
        ],
        "class_cuts": list(CLASS_CUTS),
        "indicators": [
            {
                "key": figure.key,
                "name_en": figure.name,
                "theme": figure.theme,
                "unit": figure.unit,
                "direction": "higher_is_worse"
                if figure.higher_is_worse
                else "higher_is_better",
                "city": _number(figure.city_value),
                "country": _number(figure.country_value),
            }
            for figure in result_of_area.key_figures
        ],
        "neighbourhoods": [
            {
                "code": row.neighbourhood.code,
                "name": row.neighbourhood.name,
                "population": row.inhabitants,
                "score": _number(row.score),
                "class": row.stacking_class,
                "colour": row.colour,
                "themes": {
                    theme: _number(score)
                    for theme, score in zip(THEMES, row.theme_scores, strict=True)
                },
                "mass": _number(row.mass),
                "in_focus_area": row.in_focus_area,
            }
            for row in rows
        ],
    }
    if delimitation is not None and delimitation.proposal is not None:
        proposal = delimitation.proposal
        result["proposal"] = list(proposal.codes)
        result["proposal_details"] = {
            "population": proposal.population,
            "mass": _number(proposal.mass),
            "share_of_mass": _number(proposal.share),
            "enclosed": list(proposal.enclosed),
            "min_population": delimitation.min_population,
            "max_population": delimitation.max_population,
            "method": proposal.method,
        }
        result["trade_off"] = [
            {
                "cap": _number(point.cap, 0),
                "population": point.population,
                "share_of_mass": _number(point.share),
            }
            for point in delimitation.curve
        ]
    notes = list(focus_area.profile_notes.all())
    result["area"] = {
        "name": focus_area.name,
        "population": result_of_area.area_inhabitants,
        "neighbourhoods": sum(1 for row in rows if row.in_focus_area),
        "codes": [row.neighbourhood.code for row in rows if row.in_focus_area],
        "score": _number(result_of_area.area_score),
        "class": result_of_area.area_class,
        "class_country": result_of_area.area_class_country,
        "themes": {
            theme: _number(score)
            for theme, score in zip(
                THEMES, result_of_area.area_theme_scores, strict=True
            )
        },
        "figures": [
            {
                "key": figure.key,
                "name_en": figure.name,
                "theme": figure.theme,
                "unit": figure.unit,
                "area": _number(figure.area_value),
                "city": _number(figure.city_value),
                "country": _number(figure.country_value),
                "affected": None,
            }
            for figure in result_of_area.key_figures
        ],
        "top_problems": {
            theme: [problem.key for problem in problems]
            for theme, problems in result_of_area.top_problems.items()
        },
        "trend": [
            {
                "key": trend.key,
                "name_en": trend.name,
                "unit": trend.unit,
                "points": [
                    {
                        "year": point.year,
                        "area": _number(point.area),
                        "city": _number(point.city),
                        "country": _number(point.country),
                    }
                    for point in trend.points
                ],
            }
            for trend in result_of_area.trends
        ],
        "history": [_note(note) for note in notes if note.kind == "history"],
        "strengths": [_note(note) for note in notes if note.kind == "strength"],
    }
    return result


def _note(note: Any) -> dict[str, str]:
    return {
        "title": note.title,
        "text": note.text,
        "source": note.source,
        "source_url": note.source_url,
    }


def _number(value: float | None, digits: int = 3) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def _import(path: Path, codes: Path | None, progress: bool) -> KwbTable:
    known = read_code_list(codes) if codes else None
    if not progress:
        return read_kwb_csv(path, known_codes=known)
    from tqdm import tqdm

    with tqdm(desc=f"importing {path.name}", unit="column", file=sys.stderr) as bar:

        def advance(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        return read_kwb_csv(path, known_codes=known, progress=advance)


def run_analysis(
    municipality: str,
    *,
    cbs: Path,
    geometry: Path | None = None,
    area: str | None = None,
    catalogue: Path | None = None,
    figures: Path | None = None,
    codes: Path | None = None,
    min_population: float | None = None,
    max_population: float | None = None,
    repair: bool = True,
    progress: bool = False,
) -> dict[str, Any]:
    """Run the analysis and return the JSON-ready result."""
    table = _import(cbs, codes, progress)
    if figures:
        table = merge_figures(table, read_user_figures(figures))
    indicators = default_catalogue()
    if catalogue:
        indicators = indicators.extended(read_catalogue(catalogue).indicators)
    rows = table.rows(level="neighbourhood", municipality=municipality)
    if not rows:
        raise WijkaanpakError(f"{cbs} holds no neighbourhoods of {municipality}.")
    all_rows = table.rows(level="neighbourhood")
    variables = table.columns_of(all_rows)
    if "a_inw" not in variables:
        raise WijkaanpakError(f"{cbs}: no inhabitants (a_inw or the age groups).")
    values = indicator_values(indicators, variables, len(all_rows))
    population = np.nan_to_num(variables["a_inw"])
    in_city = np.array(
        [table.areas[i].code[2:6] == municipality[2:6] for i in all_rows]
    )
    city_row = next(
        (a for a in table.areas if a.code == municipality),
        None,
    )
    city_values = _row_values(values, table, city_row.code) if city_row else None
    city_reference = reference_of(
        values,
        population,
        name=city_row.name if city_row else municipality,
        members=in_city,
        level=city_values,
    )
    city = stack_indicators(values, population, city_reference)
    municipalities = {table.areas[i].code[2:6] for i in all_rows}
    national = None
    national_reference = None
    if len(municipalities) > 1:
        national_reference = reference_of(values, population, name="Nederland")
        national = stack_indicators(values, population, national_reference)
    city_index = np.flatnonzero(in_city)
    neighbourhoods = [
        _neighbourhood(table, all_rows[i], i, values, population, city, national)
        for i in city_index
    ]
    city_population = float(population[city_index].sum())
    result: dict[str, Any] = {
        "municipality": {
            "code": municipality,
            "name": city_row.name if city_row else "",
            "population": city_population,
        },
        "figures_year": table.areas[rows[0]].year,
        "boundary_year": table.boundary_year,
        "source": str(cbs),
        "reference": city_reference.name,
        "themes": list(THEMES),
        "classes": [
            {"class": c + 1, "colour": CLASS_COLOURS[c], "label": CLASS_LABELS[c]}
            for c in range(9)
        ],
        "class_cuts": list(CLASS_CUTS),
        "indicators": [
            {
                "key": ind.key,
                "name_en": ind.name_en,
                "name_nl": ind.name_nl,
                "theme": ind.theme,
                "unit": ind.unit,
                "direction": ind.direction,
                "city": _number(city_reference.level[j]),
                "country": _number(national_reference.level[j])
                if national_reference
                else None,
            }
            for j, ind in enumerate(values.indicators)
        ],
        "neighbourhoods": neighbourhoods,
    }
    members: list[int] | None = None
    if geometry is not None:
        layer = read_geometries(geometry, repair=repair).in_municipality(municipality)
        known = {n["code"]: k for k, n in enumerate(neighbourhoods)}
        shapes = [a for a in layer.areas if a.code in known]
        if not shapes:
            raise WijkaanpakError(
                f"{geometry} holds no polygons of the neighbourhoods of {municipality}."
            )
        adjacency = polygon_contiguity(
            [a.code for a in shapes], [a.geometry for a in shapes]
        )
        order = [known[a.code] for a in shapes]
        people = np.array([population[city_index[k]] for k in order])
        mass = np.array([city.mass[city_index[k]] for k in order])
        low = min_population if min_population is not None else 0.05 * city_population
        high = max_population if max_population is not None else 0.15 * city_population
        proposal = propose_focus_area(
            adjacency,
            people,
            mass,
            min_population=low,
            max_population=high,
            exact_time_limit=2.0,
        )
        caps = [city_population * share for share in (0.05, 0.1, 0.15, 0.2, 0.3, 0.5)]
        curve = trade_off_curve(adjacency, people, mass, caps=caps)
        result["boundary_year_geometry"] = layer.boundary_year
        result["proposal"] = list(proposal.codes)
        result["proposal_details"] = {
            "population": proposal.population,
            "mass": _number(proposal.mass),
            "share_of_mass": _number(proposal.share),
            "enclosed": list(proposal.enclosed),
            "min_population": low,
            "max_population": high,
            "method": proposal.method,
        }
        result["trade_off"] = [
            {
                "cap": _number(point.cap, 0),
                "population": point.population,
                "share_of_mass": _number(point.share),
            }
            for point in curve
        ]
        result["without_geometry"] = sorted(set(known) - {a.code for a in shapes})
        selected = set(proposal.codes)
        members = [
            int(k) for k in city_index if table.areas[all_rows[k]].code in selected
        ]
    if area:
        wanted = area.strip().lower()
        candidates = [
            a
            for a in table.areas
            if a.code[2:6] == municipality[2:6]
            and (a.code.lower() == wanted or wanted in a.name.lower())
            and a.level != "municipality"
        ]
        if not candidates:
            raise WijkaanpakError(f"{cbs} has no wijk or buurt named {area!r}.")
        chosen = sorted(candidates, key=lambda a: (a.level != "district", a.code))[0]
        prefix = chosen.code[2:] if chosen.level == "district" else None
        members = [
            int(k)
            for k in city_index
            if (
                table.areas[all_rows[k]].code[2:].startswith(prefix)
                if prefix
                else table.areas[all_rows[k]].code == chosen.code
            )
        ]
        result["area"] = _profile(
            chosen.name, members, values, population, city_reference, national_reference
        )
    elif members:
        result["area"] = _profile(
            "Proposed focus area",
            members,
            values,
            population,
            city_reference,
            national_reference,
        )
    return result


def _row_values(
    values: IndicatorValues, table: KwbTable, code: str
) -> list[float | None] | None:
    """Indicator values of one row (the municipality's own), for the reference."""
    from wijkaanpak.core.indicators.catalogue import evaluate_formula

    row = table.rows()
    position = next(i for i in row if table.areas[i].code == code)
    variables = table.columns_of([position])
    levels: list[float | None] = []
    for indicator in values.indicators:
        try:
            value = float(evaluate_formula(indicator.formula, variables).ravel()[0])
        except WijkaanpakError:
            value = math.nan
        levels.append(value if math.isfinite(value) else None)
    return levels


def _neighbourhood(
    table: KwbTable,
    row: int,
    i: int,
    values: IndicatorValues,
    population: NDArray[np.float64],
    city: Stacking,
    national: Stacking | None,
) -> dict[str, Any]:
    area = table.areas[row]
    entry: dict[str, Any] = {
        "code": area.code,
        "name": area.name,
        "population": float(population[i]),
        "score": _number(float(city.score[i])),
        "class": int(city.classes[i]),
        "colour": CLASS_COLOURS[int(city.classes[i]) - 1],
        "themes": {
            t: _number(float(city.theme_scores[i, k])) for k, t in enumerate(THEMES)
        },
        "coverage": {t: int(city.theme_coverage[i, k]) for k, t in enumerate(THEMES)},
        "mass": _number(float(city.mass[i])),
        "values": {
            ind.key: _number(float(values.values[i, j]))
            for j, ind in enumerate(values.indicators)
        },
        "excess": {
            ind.key: _number(float(city.excess[i, j]), 0)
            for j, ind in enumerate(values.indicators)
            if math.isfinite(city.excess[i, j])
        },
    }
    if national is not None:
        entry["score_national"] = _number(float(national.score[i]))
        entry["class_national"] = int(national.classes[i])
    return entry


def _profile(
    name: str,
    members: Sequence[int],
    values: IndicatorValues,
    population: NDArray[np.float64],
    city_reference: Any,
    national_reference: Any,
) -> dict[str, Any]:
    combined, people = combine_areas(values, population, [members])
    stacked = stack_indicators(combined, people, city_reference, shrinkage=False)
    figures = []
    for j, ind in enumerate(values.indicators):
        figures.append(
            {
                "key": ind.key,
                "name_en": ind.name_en,
                "theme": ind.theme,
                "unit": ind.unit,
                "area": _number(float(combined.values[0, j])),
                "city": _number(city_reference.level[j]),
                "country": _number(national_reference.level[j])
                if national_reference
                else None,
                "deviation": _number(float(stacked.deviations[0, j])),
                "affected": _number(float(stacked.affected[0, j]), 0),
            }
        )
    top = {
        theme: [
            f["key"]
            for f in sorted(
                (
                    f
                    for f in figures
                    if f["theme"] == theme and f["deviation"] is not None
                ),
                key=lambda f: -float(f["deviation"]),
            )
            if float(f["deviation"]) > 0
        ][:3]
        for theme in THEMES
    }
    score = float(stacked.score[0])
    return {
        "name": name,
        "population": float(people[0]),
        "neighbourhoods": len(members),
        "score": _number(score),
        "class": int(classify_scores(np.array([score]))[0]),
        "themes": {
            t: _number(float(stacked.theme_scores[0, k])) for k, t in enumerate(THEMES)
        },
        "figures": figures,
        "top_problems": top,
    }


def _format(value: Any, digits: int = 1) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return html.escape(str(value))


def render_html(result: dict[str, Any]) -> str:
    """Render the analysis as one self-contained HTML page."""
    esc = html.escape
    municipality = result["municipality"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Area profile {esc(municipality['name'] or municipality['code'])}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.4}table{border-collapse:collapse;width:100%;"
        "margin:1rem 0}th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;"
        "text-align:left}td.n{text-align:right}.swatch{display:inline-block;"
        "width:1.6em;text-align:center;border:1px solid #555;font-weight:bold}"
        "</style></head><body>",
        f"<h1>Area profile: {esc(municipality['name'])} ({esc(municipality['code'])})</h1>",
        f"<p>Figures {esc(str(result.get('figures_year')))}, boundaries "
        f"{esc(str(result.get('boundary_year')))}; source {esc(result['source'])} "
        "(Bron: CBS). Scores are standardised deviations from the city; higher "
        "means more stacked problems.</p>",
    ]
    profile = result.get("area")
    if profile:
        parts.append(
            f"<h2>{esc(profile['name'])}: {profile['population']:,.0f} inhabitants, "
            f"class {profile['class']}</h2>"
        )
        parts.append(
            "<table><tr><th>Indicator</th><th>Theme</th><th>Unit</th>"
            "<th>Area</th><th>City</th><th>Country</th><th>Affected</th></tr>"
        )
        for figure in profile["figures"]:
            parts.append(
                f"<tr><td>{esc(figure['name_en'])}</td><td>{esc(figure['theme'])}</td>"
                f"<td>{esc(figure['unit'])}</td><td class=n>{_format(figure['area'])}</td>"
                f"<td class=n>{_format(figure['city'])}</td>"
                f"<td class=n>{_format(figure['country'])}</td>"
                f"<td class=n>{_format(figure['affected'], 0)}</td></tr>"
            )
        parts.append("</table><h3>Top problems per theme</h3><ul>")
        names = {i["key"]: i["name_en"] for i in result["indicators"]}
        for theme in THEMES:
            top = profile["top_problems"].get(theme) or []
            listed = ", ".join(esc(names[k]) for k in top) or "none above the city"
            parts.append(
                f"<li><strong>{esc(THEME_NAMES[theme])}</strong>: {listed}</li>"
            )
        parts.append("</ul>")
        for trend in profile.get("trend", []):
            parts.append(
                f"<h3>Trend: {esc(trend['name_en'])} ({esc(trend['unit'])})</h3>"
                "<table><tr><th>Year</th><th>Area</th><th>City</th><th>Country</th></tr>"
            )
            parts.extend(
                f"<tr><td>{point['year']}</td><td class=n>{_format(point['area'])}</td>"
                f"<td class=n>{_format(point['city'])}</td>"
                f"<td class=n>{_format(point['country'])}</td></tr>"
                for point in trend["points"]
            )
            parts.append("</table>")
        for key, heading in (("history", "History"), ("strengths", "Strengths")):
            notes = profile.get(key) or []
            if notes:
                parts.append(f"<h3>{heading}</h3>")
            for note in notes:
                parts.append(
                    f"<h4>{esc(note['title'])}</h4><p>{esc(note['text'])}</p>"
                    f"<p><small>Source: {esc(note['source'])}</small></p>"
                )
    if "proposal" in result:
        details = result["proposal_details"]
        parts.append(
            f"<h2>Proposed focus area</h2><p>{len(result['proposal'])} neighbourhoods, "
            f"{details['population']:,.0f} inhabitants, "
            f"{100 * (details['share_of_mass'] or 0):.0f} % of the city's problem mass "
            f"(bounds {details['min_population']:,.0f} to {details['max_population']:,.0f}"
            f").</p><p>{esc(', '.join(result['proposal']))}</p>"
        )
    parts.append("<h2>Classes</h2><table><tr><th>Class</th><th>Meaning</th></tr>")
    for entry in result["classes"]:
        parts.append(
            f'<tr><td><span class=swatch style="background:{entry["colour"]}">'
            f"{entry['class']}</span></td><td>{esc(entry['label'])}</td></tr>"
        )
    parts.append("</table><h2>Neighbourhoods</h2>")
    parts.append(
        "<table><tr><th>Class</th><th>Code</th><th>Name</th><th>Inhabitants</th>"
        "<th>Score</th>"
        + "".join(f"<th>{esc(THEME_NAMES[t])}</th>" for t in THEMES)
        + "</tr>"
    )
    for item in sorted(result["neighbourhoods"], key=lambda n: -(n["score"] or 0)):
        parts.append(
            f'<tr><td><span class=swatch style="background:{item["colour"]}">'
            f"{item['class']}</span></td><td>{esc(item['code'])}</td>"
            f"<td>{esc(item['name'])}</td><td class=n>{item['population']:,.0f}</td>"
            f"<td class=n>{_format(item['score'], 2)}</td>"
            + "".join(
                f"<td class=n>{_format(item['themes'][t], 2)}</td>" for t in THEMES
            )
            + "</tr>"
        )
    parts.append("</table></body></html>")
    return "\n".join(parts)
