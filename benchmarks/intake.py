# SPDX-License-Identifier: EUPL-1.2
"""Load Open311 submission and the public map, next to PostgreSQL's own insert rate.

The site runs as ``wijk serve`` runs it against PostgreSQL: waitress, a
multi-threaded WSGI server in one process, or with ``--workers N`` gunicorn
with N processes. wrk, Debian's HTTP load tool,
sends form-encoded GeoReport v2 submissions with an ``api_key`` for a fixed
time, then loads the public map and list of reports. Beside them the script
measures what PostgreSQL itself does on the same machine: plain one-row
INSERTs of report-shaped rows, each committed on its own, from as many
connections as wrk uses. It prints accepted reports per second (counted in
the database, not only from the answers), latency percentiles, the server's
CPU time per request (less sensitive to other load on a shared machine than
wall time), and the ratio to PostgreSQL's insert rate.

The script works in its own database, ``<name>_bench_intake`` on the server
that DATABASE_URL (or ``--database-url``) names, which it drops and creates,
migrates and fills with the demo city (``wijk demo``) plus
``--map-reports`` older reports, so the public map is measured on tens of
thousands of reports. It never touches the database the URL itself names.

    apt-get install wrk
    python benchmarks/intake.py                      # dev server on port 54330
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x python benchmarks/intake.py
    python benchmarks/intake.py --duration 30 --connections 32 --threads 16

Target (issue 5): at least 300 accepted reports per second on 2 cores with a
95th percentile under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:54330/wijkaanpak"
API_KEY = "benchmark-open311-key"
SEED = 2026

#: wrk's Lua side: counts answers by status, prints one JSON line at the end.
WRK_COMMON = """
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  accepted = 0
  failed = 0
  counter = 0
end
function response(status, headers, body)
  if status == 200 or status == 201 then
    accepted = accepted + 1
  else
    failed = failed + 1
  end
end
function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("accepted")
    bad = bad + thread:get("failed")
  end
  io.write(string.format(
    '{"requests": %d, "ok": %d, "failed": %d, "errors": %d, "seconds": %.3f,'
    .. ' "p50": %.3f, "p95": %.3f, "p99": %.3f, "max": %.3f}\\n',
    summary.requests, ok, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
end
"""

WRK_SUBMIT = """
local points = {%(points)s}
local key = "%(key)s"
local code = "%(code)s"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
function request()
  counter = counter + 1
  local point = points[(counter * 7 + id) %% #points + 1]
  local body = "api_key=" .. key .. "&service_code=" .. code
    .. "&lat=" .. point[1] .. "&long=" .. point[2]
    .. "&address_string=Benchmarkstraat+" .. counter
    .. "&description=Losse+stoeptegel+" .. id .. "-" .. counter
  return wrk.format(nil, nil, nil, body)
end
"""


@dataclass(frozen=True)
class Load:
    """What one wrk run measured."""

    requests: int
    ok: int
    failed: int
    errors: int
    seconds: float
    p50: float
    p95: float
    p99: float
    max: float


def bench_url(url: str) -> tuple[str, str]:
    """The benchmark's own database URL and the server's maintenance URL."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise SystemExit(f"This benchmark needs PostgreSQL, not {parts.scheme}.")
    name = (parts.path.lstrip("/") or "wijkaanpak") + "_bench_intake"
    own = urlunsplit(parts._replace(path=f"/{name}"))
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    return own, maintenance


def recreate_database(own: str, maintenance: str) -> None:
    import psycopg

    name = urlsplit(own).path.lstrip("/")
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(own: str, maintenance: str) -> None:
    import psycopg

    name = urlsplit(own).path.lstrip("/")
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(map_reports: int) -> tuple[str, str, list[tuple[float, float]]]:
    """Migrate, load the demo city with an Open311 key, add older reports.

    Returns the area's slug, a category code and points inside the area.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkaanpak.web.settings")
    # The demo's feedback mails are not part of the measurement.
    os.environ["WIJKAANPAK_EMAIL_BACKEND"] = (
        "django.core.mail.backends.locmem.EmailBackend"
    )
    import django

    django.setup()
    from django.core.management import call_command

    from wijkaanpak.cli.demo import give_open311_key, load_demo

    call_command("migrate", interactive=False, verbosity=0)
    load_demo(seed=SEED, progress=False, peers=False)
    slug = give_open311_key(API_KEY)
    points = points_inside(slug)
    add_old_reports(slug, map_reports, points)
    return slug, "bestrating", points


def points_inside(slug: str, count: int = 200) -> list[tuple[float, float]]:
    """Points (lat, lon) inside the area's neighbourhoods, seeded."""
    from shapely.geometry import Point, shape

    from wijkaanpak.apps.areas.models import FocusArea

    area = FocusArea.objects.get(slug=slug)
    shapes = [shape(n.geometry) for n in area.neighbourhoods.all() if n.geometry]
    rng = random.Random(SEED)
    points: list[tuple[float, float]] = []
    while len(points) < count:
        polygon = shapes[len(points) % len(shapes)]
        west, south, east, north = polygon.bounds
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        if polygon.covers(Point(lon, lat)):
            points.append((round(lat, 6), round(lon, 6)))
    return points


def add_old_reports(slug: str, count: int, points: list[tuple[float, float]]) -> None:
    """Older problems in every status, one report each, for the map's load."""
    import secrets
    import uuid
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.apps.reports.models import Category, Problem, Report, Status

    area = FocusArea.objects.get(slug=slug)
    categories = list(Category.objects.filter(focus_area=area))
    statuses = list(Status.values)
    rng = random.Random(SEED)
    now = timezone.now()
    batch = 2000
    for start in range(0, count, batch):
        size = min(batch, count - start)
        problems = []
        for index in range(start, start + size):
            lat, lon = points[index % len(points)]
            status = statuses[index % len(statuses)]
            received = now - timedelta(minutes=rng.randint(60, 60 * 24 * 365))
            verified = status in {Status.FIX_VERIFIED, Status.CLOSED}
            problems.append(
                Problem(
                    focus_area=area,
                    category=categories[index % len(categories)],
                    latitude=lat,
                    longitude=lon,
                    address=f"Oudestraat {index}",
                    status=status,
                    received_at=received,
                    status_changed_at=received + timedelta(days=2),
                    verified_at=received + timedelta(days=2) if verified else None,
                    was_claimed=verified,
                )
            )
        with transaction.atomic():
            Problem.objects.bulk_create(problems)
            Report.objects.bulk_create(
                Report(
                    problem=problem,
                    focus_area=area,
                    category=problem.category,
                    channel="web",
                    description="Een oudere melding.",
                    latitude=problem.latitude,
                    longitude=problem.longitude,
                    address=problem.address,
                    tracking_token=secrets.token_urlsafe(24),
                    open311_token=str(uuid.uuid4()),
                    created_at=problem.received_at,
                )
                for problem in problems
            )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    url: str, port: int, threads: int, data_dir: str, workers: int = 1
) -> subprocess.Popen:
    """``wijk serve`` in its own process, as an operator runs it."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "WIJKAANPAK_EMAIL_BACKEND"},
        "DATABASE_URL": url,
        "WIJKAANPAK_DATA_DIR": data_dir,
        "WIJKAANPAK_LOG_LEVEL": "WARNING",
        # One API key sends everything here; the per-key limit would measure
        # itself. Limits count in memory and cost next to nothing.
        "WIJKAANPAK_INTAKE_RATE_OPEN311": "off",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wijkaanpak",
            "serve",
            "--port",
            str(port),
            "--threads",
            str(threads),
            "--workers",
            str(workers),
        ],
        env=env,
        cwd=REPOSITORY,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("wijk serve stopped before it answered.")
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/open311/v2/discovery.json", timeout=5
            ):
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("wijk serve did not answer within a minute.")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time so far of a process and its live children (Linux).

    The children are gunicorn's workers when the server runs more than one.
    """
    total = 0.0
    for process in [pid, *_children(pid)]:
        try:
            stat = Path(f"/proc/{process}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                found.append(int(entry.name))
    return found


def run_wrk(
    url: str, script: str, *, connections: int, seconds: int, threads: int = 2
) -> Load:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(WRK_COMMON + script)
    try:
        done = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                lua.name,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 60,
        )
    finally:
        os.unlink(lua.name)
    line = next(
        line for line in reversed(done.stdout.splitlines()) if line.startswith("{")
    )
    return Load(**json.loads(line))


def count_reports(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM reports_report").fetchone()
    return int(row[0]) if row else 0


def postgres_insert_rate(
    url: str, *, connections: int, seconds: float
) -> tuple[float, float, int]:
    """Rows per second and p95 (ms) of plain committed one-row INSERTs.

    The rows have the shape of a report (same columns, defaults and indexes,
    through ``LIKE ... INCLUDING ALL``), each INSERT its own transaction.
    """
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_insert")
        conn.execute("CREATE TABLE bench_insert (LIKE reports_report INCLUDING ALL)")
    latencies: list[list[float]] = [[] for _ in range(connections)]
    stop = time.monotonic() + seconds
    sql = (
        "INSERT INTO bench_insert (problem_id, focus_area_id, category_id, channel,"
        " description, latitude, longitude, address, photo, tracking_token,"
        " open311_token, submission_key, contact_name, contact_email, contact_phone,"
        " email_updates, created_at) VALUES (1, 1, 1, 'open311', %s, 52.1, 4.3,"
        " %s, '', %s, %s, '', '', '', '', false, now())"
    )

    def insert(index: int) -> None:
        import secrets
        import uuid

        with psycopg.connect(url, autocommit=True) as conn:
            counter = 0
            while time.monotonic() < stop:
                counter += 1
                started = time.perf_counter()
                conn.execute(
                    sql,
                    (
                        f"Losse stoeptegel {index}-{counter}",
                        f"Benchmarkstraat {counter}",
                        secrets.token_urlsafe(24),
                        str(uuid.uuid4()),
                    ),
                )
                latencies[index].append(time.perf_counter() - started)

    started = time.monotonic()
    workers = [threading.Thread(target=insert, args=(i,)) for i in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    every = sorted(x for chunk in latencies for x in chunk)
    p95 = statistics.quantiles(every, n=20)[-1] * 1000 if len(every) > 20 else 0.0
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE bench_insert")
    return len(every) / elapsed, p95, len(every)


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or DEFAULT_URL,
        help="PostgreSQL server to use (its own database is derived from it)",
    )
    parser.add_argument("--duration", type=int, default=20, help="seconds per load")
    parser.add_argument(
        "--connections", type=int, default=16, help="open HTTP/SQL connections"
    )
    parser.add_argument(
        "--threads", type=int, default=8, help="server threads per worker"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (1: waitress; more: gunicorn, as wijk serve runs)",
    )
    parser.add_argument(
        "--map-reports",
        type=int,
        default=20_000,
        help="older reports added before the load, for the map",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the benchmark database afterwards"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the database a run with --keep left (skips preparing; keeps it)",
    )
    arguments = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("This benchmark needs wrk: apt-get install wrk")
    own, maintenance = bench_url(arguments.database_url)
    print(f"machine: {os.cpu_count()} cores, load average {load_average()}")
    print(f"database: {urlsplit(own).path.lstrip('/')} on {urlsplit(own).netloc}")
    if not arguments.reuse:
        recreate_database(own, maintenance)
    os.environ["DATABASE_URL"] = own
    data_dir = tempfile.mkdtemp(prefix="wijkaanpak-bench-")
    os.environ["WIJKAANPAK_DATA_DIR"] = data_dir
    started = time.monotonic()
    added = 0 if arguments.reuse else arguments.map_reports
    slug, code, points = prepare(added)
    print(
        f"prepared the demo city and {added} older reports"
        f" in {time.monotonic() - started:.0f} s"
    )
    seconds = arguments.duration
    connections = arguments.connections
    insert_rate, insert_p95, inserted = postgres_insert_rate(
        own, connections=connections, seconds=seconds
    )
    port = free_port()
    server = start_server(own, port, arguments.threads, data_dir, arguments.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        lua_points = ", ".join(f"{{{lat}, {lon}}}" for lat, lon in points)
        submit_script = WRK_SUBMIT % {
            "points": lua_points,
            "key": API_KEY,
            "code": code,
        }
        # A short warm-up: imports, connections and caches of every thread.
        run_wrk(
            f"{base}/open311/v2/requests.json",
            submit_script,
            connections=connections,
            seconds=2,
        )
        before = count_reports(own)
        cpu_before = cpu_seconds(server.pid)
        submit = run_wrk(
            f"{base}/open311/v2/requests.json",
            submit_script,
            connections=connections,
            seconds=seconds,
        )
        submit_cpu = cpu_seconds(server.pid) - cpu_before
        accepted = count_reports(own) - before
        cpu_before = cpu_seconds(server.pid)
        page = run_wrk(
            f"{base}/focusgebieden/{slug}/meldingen/",
            "",
            connections=min(connections, 8),
            seconds=seconds,
        )
        page_cpu = cpu_seconds(server.pid) - cpu_before
        total = count_reports(own)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
        if not (arguments.keep or arguments.reuse):
            drop_database(own, maintenance)
    rate = accepted / submit.seconds
    print(f"load: wrk, {connections} connections, {seconds} s each;", end=" ")
    if arguments.workers > 1:
        print(
            f"wijk serve with {arguments.workers} workers x {arguments.threads} "
            "threads (gunicorn)"
        )
    else:
        print(f"wijk serve with {arguments.threads} threads (waitress, one process)")
    print()
    print(f"{'':34}{'per s':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'CPU ms':>9}")
    print(
        f"{'Open311 submissions accepted':34}{rate:10.0f}{submit.p50:9.1f}"
        f"{submit.p95:9.1f}{submit.p99:9.1f}"
        f"{1000 * submit_cpu / max(submit.requests, 1):9.1f}"
    )
    print(
        f"{f'Public map and list ({total} reports)':34}"
        f"{page.ok / page.seconds:10.0f}{page.p50:9.1f}{page.p95:9.1f}"
        f"{page.p99:9.1f}{1000 * page_cpu / max(page.requests, 1):9.1f}"
    )
    print(
        f"{'PostgreSQL one-row INSERTs':34}{insert_rate:10.0f}{'':9}{insert_p95:9.1f}"
    )
    print()
    print(
        f"accepted {accepted} reports ({submit.ok} answers 201, {submit.failed} other"
        f" answers, {submit.errors} socket errors); the map answered {page.ok}"
        f" pages, {page.failed} other answers"
    )
    print(f"accepted reports per PostgreSQL INSERT: {rate / insert_rate:.2f}")
    print(f"CPU ms: the server process's CPU time per request ({inserted} INSERTs)")
    met = rate >= 300 and submit.p95 < 100
    print(
        "target (>= 300 accepted/s, p95 < 100 ms): "
        + ("met" if met else "not met")
        + f"; load average at the end {load_average()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
