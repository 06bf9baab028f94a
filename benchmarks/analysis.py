# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the area analysis: import, stacking, contiguity, delimitation.

Run with ``python benchmarks/analysis.py`` (``--shared-data`` to point at the
data folder). It prints seconds and peak memory for the national pipeline:

* import of a generated national KWB CSV (the codes of the real 2014 national
  buurt map plus generated ones up to 14,000 neighbourhoods, 120 columns, 10 %
  missing as ``.``);
* the indicators of the default catalogue and the stacking against the
  national reference;
* the real national TopoJSON (11,691 buurten) decoded and its rook contiguity;
* a focus-area proposal for every municipality (5 to 15 % of its inhabitants).

Then, inside Utrecht (GM0344, real 2023 figures, coarse geometry), it runs PySAL
``spopt`` max-p on the same contiguity graph with a population floor, takes the
region with the most problem mass, and compares it with our proposal at the
same population cap: mass captured and seconds. ``spopt`` (with geopandas and
libpysal) is needed for that part only.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from wijkaanpak.adapters.catalogue import default_catalogue
from wijkaanpak.adapters.cbs import SHORT_CODES, read_kwb_csv
from wijkaanpak.adapters.geometry import read_geometries
from wijkaanpak.core.areas.contiguity import polygon_contiguity
from wijkaanpak.core.areas.delimitation import propose_focus_area
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.indicators.catalogue import indicator_values
from wijkaanpak.core.indicators.stacking import reference_of, stack_indicators

T = TypeVar("T")
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def timed(label: str, function: Callable[[], T], times: dict[str, float]) -> T:
    start = time.perf_counter()
    result = function()
    times[label] = time.perf_counter() - start
    print(f"{label:<44} {times[label]:7.2f} s", flush=True)
    return result


def peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate_national_csv(codes: list[str], path: Path, *, seed: int) -> None:
    rng = np.random.default_rng(seed)
    extra = 14_000 - len(codes)
    codes = codes + [f"BU9{i // 100:03d}{i % 100:04d}" for i in range(max(0, extra))]
    size = len(codes)
    population = np.round(rng.lognormal(7.2, 1.0, size)).clip(0, 20_000)
    ages = rng.dirichlet([3, 2.5, 5, 5, 3.5], size) * population[:, None]
    households = population / rng.uniform(1.6, 2.8, size)
    deprivation = rng.normal(0, 1, size)
    known = {
        "a_inw": population,
        "a_00_14": ages[:, 0],
        "a_15_24": ages[:, 1],
        "a_25_44": ages[:, 2],
        "a_45_64": ages[:, 3],
        "a_65_oo": ages[:, 4],
        "a_hh": households,
        "a_woning": households * 1.03,
        "p_hh_lkk": np.clip(8 + 4 * deprivation + rng.normal(0, 2, size), 0, 60),
        "p_hh_li": np.clip(40 + 10 * deprivation, 5, 95),
        "p_hh_osm": np.clip(7 + 4 * deprivation, 0, 60),
        "a_soz_wb": population * np.clip(0.02 + 0.015 * deprivation, 0, 0.3),
        "a_soz_ao": population * np.clip(0.04 + 0.01 * deprivation, 0, 0.3),
        "a_soz_ww": population * np.clip(0.015 + 0.005 * deprivation, 0, 0.2),
        "p_arb_pp": np.clip(68 - 6 * deprivation, 20, 95),
        "p_jz_tn": np.clip(10 + 3 * deprivation, 0, 50),
        "g_ink_pi": np.clip(32 - 5 * deprivation, 10, 120),
        "p_wcorpw": np.clip(25 + 15 * deprivation, 0, 100),
        "p_koopw": np.clip(60 - 15 * deprivation, 0, 100),
        "g_wozbag": np.clip(350 - 60 * deprivation, 80, 2000),
        "p_leegsw": np.clip(5 + 2 * rng.normal(0, 1, size), 0, 40),
        "lbm_score": 4.2 - 0.1 * deprivation,
        "crime_total": population * np.clip(0.045 + 0.02 * deprivation, 0, 1),
        "crime_high_impact": population * np.clip(0.006 + 0.004 * deprivation, 0, 1),
    }
    filler = sorted(SHORT_CODES - set(known) - {"gwb_code_10", "regio"})
    columns = list(known) + filler[: 118 - len(known)]
    block = np.column_stack(
        [known[c] if c in known else rng.uniform(0, 1000, size) for c in columns]
    )
    text = np.char.mod("%.1f", block).astype(object)
    text[rng.random(block.shape) < 0.1] = "."
    with path.open("w", encoding="utf-8") as handle:
        handle.write("gwb_code_10;regio;" + ";".join(columns) + "\n")
        for code, row in zip(codes, text, strict=True):
            handle.write(f"{code};Buurt {code[2:]};" + ";".join(row) + "\n")


def national(shared: Path, times: dict[str, float]) -> None:
    topo = shared / "geometries" / "buurten_2014_nl_coarse.topojson"
    layer = timed(
        "geometry: national TopoJSON decoded",
        lambda: read_geometries(topo, repair=True),
        times,
    )
    shaped = [area for area in layer.areas if not area.geometry.is_empty]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kwb-2014-national.csv"
        generate_national_csv(list(layer.codes()), path, seed=2014)
        table = timed("import: 14,000 x 120 KWB CSV", lambda: read_kwb_csv(path), times)
    rows = table.rows(level="neighbourhood")
    catalogue = default_catalogue()

    def stack() -> Any:
        variables = table.columns_of(rows)
        values = indicator_values(catalogue, variables, len(rows))
        population = np.nan_to_num(variables["a_inw"])
        reference = reference_of(values, population, name="Nederland")
        return values, population, stack_indicators(values, population, reference)

    values, population, stacking = timed(
        "stacking: indicators + national", stack, times
    )
    print(f"  {len(rows)} neighbourhoods x {len(values.indicators)} indicators")
    adjacency = timed(
        "contiguity: rook, national",
        lambda: polygon_contiguity(
            [a.code for a in shaped], [a.geometry for a in shaped]
        ),
        times,
    )
    stored = adjacency.to_dict()
    print(
        f"  {len(adjacency.edges())} borders; stored form has {len(stored['neighbours'])} keys"
    )
    position = {area.code: i for i, area in enumerate(table.areas)}
    row_of = {table.areas[r].code: k for k, r in enumerate(rows)}

    def delimit_all() -> tuple[int, int]:
        municipalities: dict[str, list[str]] = {}
        for code in adjacency.codes:
            if code in position:
                municipalities.setdefault(code[2:6], []).append(code)
        done = failed = 0
        for codes in municipalities.values():
            local = adjacency.restricted(codes)
            index = [row_of[c] for c in codes]
            people = population[index]
            mass = stacking.mass[index]
            total = float(people.sum())
            try:
                propose_focus_area(
                    local,
                    people,
                    mass,
                    min_population=0.05 * total,
                    max_population=0.15 * total,
                )
                done += 1
            except WijkaanpakError:
                failed += 1
        return done, failed

    done, failed = timed("delimitation: every municipality", delimit_all, times)
    print(f"  {done} proposals, {failed} municipalities without a feasible area")
    total = sum(times.values())
    print(f"{'national pipeline total':<44} {total:7.2f} s")
    print(f"{'peak memory (max RSS)':<44} {peak_megabytes():7.0f} MB")


def utrecht(shared: Path, floors: tuple[int, ...]) -> None:
    try:
        import geopandas
        import libpysal
        from spopt.region import MaxPHeuristic
    except ImportError:
        print("spopt, geopandas or libpysal not installed: comparison skipped")
        return
    table = read_kwb_csv(shared / "cbs_kwb" / "kwb_2023_utrecht_GM0344.csv")
    rows = table.rows(level="neighbourhood", municipality="GM0344")
    variables = table.columns_of(rows)
    values = indicator_values(default_catalogue(), variables, len(rows))
    population = np.nan_to_num(variables["a_inw"])
    stacking = stack_indicators(
        values, population, reference_of(values, population, name="Utrecht")
    )
    layer = read_geometries(
        shared / "geometries" / "buurten_2014_utrecht_GM0344_coarse.geojson",
        repair=True,
    )
    index = {table.areas[r].code: k for k, r in enumerate(rows)}
    areas = [a for a in layer.areas if a.code in index and not a.geometry.is_empty]
    adjacency = polygon_contiguity([a.code for a in areas], [a.geometry for a in areas])
    order = [index[a.code] for a in areas]
    people = population[order]
    mass = stacking.mass[order]
    total_mass = float(mass.sum())
    print(f"\nUtrecht GM0344: {len(areas)} buurten, {people.sum():,.0f} inhabitants")
    print(
        f"{'floor':>8} {'spopt s':>8} {'ours s':>8} {'pop':>8} {'spopt share':>12} {'ours share':>11} {'speed-up':>9}"
    )
    neighbours = {i: list(row) for i, row in enumerate(adjacency.neighbours)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        weights = libpysal.weights.W(neighbours, silence_warnings=True)
    frame = geopandas.GeoDataFrame(
        {
            "population": people,
            "score": stacking.score[order],
            "mass": mass,
        },
        geometry=[a.geometry for a in areas],
        crs="EPSG:4326",
    )
    for floor in floors:
        start = time.perf_counter()
        model = MaxPHeuristic(
            frame,
            weights,
            ["score"],
            "population",
            floor,
            top_n=2,
            max_iterations_construction=99,
            max_iterations_sa=10,
        )
        np.random.seed(0)  # spopt uses numpy's global generator
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.solve()
        spopt_seconds = time.perf_counter() - start
        labels = np.asarray(model.labels_)
        regions = [
            np.flatnonzero(labels == label) for label in np.unique(labels) if label > 0
        ]
        best = max(regions, key=lambda members: float(mass[members].sum()))
        cap = float(people[best].sum())
        start = time.perf_counter()
        ours = propose_focus_area(
            adjacency,
            people,
            mass,
            min_population=0.0,
            max_population=cap,
            exact_time_limit=2.0,
        )
        our_seconds = time.perf_counter() - start
        print(
            f"{floor:>8,} {spopt_seconds:8.2f} {our_seconds:8.3f} {cap:8,.0f} "
            f"{mass[best].sum() / total_mass:12.3f} {ours.share:11.3f} "
            f"{spopt_seconds / max(our_seconds, 1e-9):8.0f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", type=Path, default=SHARED)
    parser.add_argument("--skip-spopt", action="store_true")
    parser.add_argument(
        "--floors", type=int, nargs="*", default=[15_000, 25_000, 40_000]
    )
    arguments = parser.parse_args()
    if not arguments.shared_data.is_dir():
        print(f"no shared data at {arguments.shared_data}", file=sys.stderr)
        return 1
    times: dict[str, float] = {}
    national(arguments.shared_data, times)
    if not arguments.skip_spopt:
        utrecht(arguments.shared_data, tuple(arguments.floors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
