# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the national dashboard: 20 areas x 40 indicators x 10 years.

Run with ``python benchmarks/dashboard.py``. It builds a scratch database
(Django's test database: ``test_<name>`` next to the configured one, removed
afterwards), fills it with 20 focus areas of 8 neighbourhoods in 5
municipalities, 40 outcome indicators (the 15 with a direction of the shipped catalogue plus
25 of a generated users' catalogue) over 10 years, three goals with milestones
per area, commitments and a national minimum goal. Then it stores the areas'
indicator values as an import does (``monitor.services.refresh_area_values``,
which ``areas.services.record_figures`` calls after writing figures), and
renders the national dashboard page and its CSV export as a national viewer
would, printing the median and the 95th percentile of the render time:

- cold: a process that has not rendered the dashboard since the data
  changed (a fresh worker, or the first visit after an import): the area
  values are read from the stored table after checking that the digest of the
  figures, the areas' neighbourhoods and the formulas is the one they were
  stored for;
- warm: the same process renders again; the area values are in its memory,
  after the same digest check;
- not stored: figures written past the services (the digest differs), so the
  area values are computed from every neighbourhood figure, as every cold
  render did before the values were stored. For comparison only.

Against PostgreSQL: set ``DATABASE_URL=postgres://user:password@host/name``;
the user needs the right to create a database. Without it the benchmark runs
on SQLite, and says so: the figure it prints is for the database it measured.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

AREAS = 20
INDICATORS = 40
YEARS = range(2015, 2025)
NEIGHBOURHOODS = 8
MUNICIPALITIES = 5


def own_catalogue(path: Path, count: int) -> None:
    """Write a users' catalogue of ``count`` generated indicators."""
    lines = ["version: 1", "indicators:"]
    for number in range(count):
        direction = "higher_is_worse" if number % 2 else "higher_is_better"
        lines += [
            f"  - key: bench_{number:02d}",
            f"    name_en: Benchmark indicator {number}",
            f"    name_nl: Benchmarkindicator {number}",
            f"    theme: {('perspective', 'physical', 'safety')[number % 3]}",
            "    unit: score",
            f"    direction: {direction}",
            f"    formula: bench_{number:02d}",
            "    source: generated for the benchmark",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fill(seed: int) -> None:
    """Create the areas, figures, goals and commitments."""
    import numpy as np

    from wijkaanpak.apps.accounts.models import Membership, Organisation, User
    from wijkaanpak.apps.areas.analysis import catalogue
    from wijkaanpak.apps.areas.models import (
        District,
        Figure,
        FocusArea,
        FocusAreaNeighbourhood,
        Municipality,
        Neighbourhood,
    )
    from wijkaanpak.apps.programme.models import (
        Commitment,
        Goal,
        Milestone,
        NationalMinimumGoal,
    )

    rng = np.random.default_rng(seed)
    indicators = [i for i in catalogue().indicators if i.direction != "context"]
    assert len(indicators) == INDICATORS, len(indicators)
    variables = sorted(
        set().union(*(i.variables for i in indicators)) | {"a_inw", "a_hh"}
    )
    organisation = Organisation.objects.create(name="Benchmark", kind="ministry")
    viewer = User.objects.create_user("benchmark-rijk")
    Membership.objects.create(user=viewer, role="national", focus_area=None)
    NationalMinimumGoal.objects.create(
        national_goal="perspective",
        title="Minder lage inkomens",
        indicator_key="low_income_households",
        minimum_improvement=2,
        deadline_year=2030,
    )
    figures = []
    for number in range(AREAS):
        municipality, _ = Municipality.objects.get_or_create(
            code=f"GM98{number % MUNICIPALITIES:02d}",
            defaults={"name": f"Benchmarkstad {number % MUNICIPALITIES}"},
        )
        district = District.objects.create(
            code=f"WK{municipality.code[2:]}{number:02d}",
            name=f"Wijk {number}",
            municipality=municipality,
            boundary_year=2024,
        )
        area = FocusArea.objects.create(
            name=f"Focusgebied {number:02d}",
            slug=f"focus-{number:02d}",
            municipality=municipality,
            start_year=2019,
        )
        level = rng.normal(0, 1)
        for position in range(NEIGHBOURHOODS):
            neighbourhood = Neighbourhood.objects.create(
                code=f"BU{district.code[2:]}{position:02d}",
                name=f"Buurt {number}-{position}",
                municipality=municipality,
                district=district,
                boundary_year=2024,
            )
            FocusAreaNeighbourhood.objects.create(
                focus_area=area, neighbourhood=neighbourhood
            )
            for year in YEARS:
                for variable in variables:
                    if variable in {"a_inw", "a_hh"}:
                        value = float(rng.integers(800, 3000))
                    else:
                        value = float(
                            max(
                                0.0, 20 + 5 * level - 0.3 * (year - 2015) + rng.normal()
                            )
                        )
                    figures.append(
                        Figure(
                            neighbourhood=neighbourhood,
                            year=year,
                            variable=variable,
                            value=value,
                        )
                    )
        for key in ("low_income_households", "bench_01", "bench_02"):
            goal = Goal.objects.create(
                focus_area=area,
                national_goal="perspective",
                title=f"Doel {key}",
                indicator_key=key,
                baseline_value=20.0,
                baseline_year=2019,
                target_value=15.0,
                target_year=2030,
            )
            Milestone.objects.create(goal=goal, year=2024, value=18.0)
        for year in (2021, 2022, 2023):
            Commitment.objects.create(
                focus_area=area,
                organisation=organisation,
                year=year,
                kind="money",
                promised=100_000_00,
            )
    Figure.objects.bulk_create(figures, batch_size=5_000)
    print(f"Figures stored: {len(figures):,}", flush=True)


def store() -> None:
    """Store the area values, as the import of figures does, and time it."""
    from wijkaanpak.apps.monitor import services

    start = time.perf_counter()
    count = services.refresh_area_values()
    print(
        f"Area values stored: {count:,} in {time.perf_counter() - start:.1f} s "
        "(once per import)",
        flush=True,
    )


def measure(runs: int) -> dict[str, float]:
    """Render the dashboard and the CSV ``runs`` times each and print the times.

    Returns the 95th percentile per measurement. See the module docstring for
    what cold, warm and not stored mean.
    """
    from django.test import Client

    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.monitor import selectors
    from wijkaanpak.apps.monitor.models import AreaValueStamp

    client = Client()
    client.force_login(User.objects.get(username="benchmark-rijk"))
    stored_digest = AreaValueStamp.objects.get().digest
    found = {}
    for label, url, mode in (
        ("dashboard page, cold", "/landelijk/dashboard/", "cold"),
        ("dashboard page, warm", "/landelijk/dashboard/", "warm"),
        ("dashboard CSV, cold", "/landelijk/dashboard.csv", "cold"),
        ("dashboard CSV, warm", "/landelijk/dashboard.csv", "warm"),
        ("dashboard page, not stored", "/landelijk/dashboard/", "not stored"),
    ):
        answer = client.get(url)  # warm-up: imports, templates, catalogue
        assert answer.status_code == 200, answer.status_code
        if mode == "not stored":
            AreaValueStamp.objects.update(digest="figures changed elsewhere")
        times = []
        for _ in range(runs):
            if mode != "warm":
                selectors._HISTORIES.clear()
            start = time.perf_counter()
            answer = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert answer.status_code == 200
        AreaValueStamp.objects.update(digest=stored_digest)
        times.sort()
        p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
        found[label] = p95
        print(
            f"{label:<28} median {statistics.median(times):7.1f} ms   "
            f"p95 {p95:7.1f} ms   ({runs} runs, {len(answer.content):,} bytes)",
            flush=True,
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="renders per page")
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="wijkaanpak-bench-"))
    own = scratch / "bench-indicators.yaml"
    from wijkaanpak.adapters.catalogue import default_catalogue

    shipped = [i for i in default_catalogue().indicators if i.direction != "context"]
    own_catalogue(own, INDICATORS - len(shipped))
    os.environ["WIJKAANPAK_INDICATORS"] = str(own)
    os.environ.setdefault("WIJKAANPAK_DATA_DIR", str(scratch))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkaanpak.web.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    settings.ALLOWED_HOSTS = ["*"]
    setup_test_environment()
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(scratch / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        version = ""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                version = " " + cursor.fetchone()[0]
        print(f"Database measured: {connection.vendor}{version}", flush=True)
        print(
            f"{AREAS} focus areas x {INDICATORS} indicators x {len(YEARS)} years, "
            f"{NEIGHBOURHOODS} neighbourhoods per area",
            flush=True,
        )
        start = time.perf_counter()
        fill(arguments.seed)
        print(f"Filled in {time.perf_counter() - start:.1f} s", flush=True)
        store()
        found = measure(arguments.runs)
        print(
            f"p95 of the dashboard page: cold {found['dashboard page, cold']:.0f} ms, "
            f"warm {found['dashboard page, warm']:.0f} ms (goal: under 300 ms)"
        )
        load = os.getloadavg()[0]
        print(f"Load average during the run: {load:.1f} on {os.cpu_count()} cores")
        if connection.vendor != "postgresql":
            print(
                "Note: measured on SQLite. Set DATABASE_URL to a PostgreSQL "
                "database to measure the production set-up."
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
