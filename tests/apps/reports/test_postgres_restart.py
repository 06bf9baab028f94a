# SPDX-License-Identifier: EUPL-1.2
"""No report that got a success answer is lost when PostgreSQL restarts.

The site runs as ``wijk serve`` runs it, on a PostgreSQL cluster of the
test's own (initdb in a temporary folder, a copy of the test database in it),
so that stopping that cluster disturbs no other test. Open311 clients submit
with an ``Idempotency-Key`` and resend on any failure, as a careful app does.
Halfway, the cluster is stopped the hard way (``pg_ctl -m immediate``: no
checkpoint, recovery from the write-ahead log) and started again.

Runs when DATABASE_URL names PostgreSQL and its server programs (initdb,
pg_ctl, pg_dump, psql) are found: in WIJKAANPAK_PG_BIN, which CI sets, or
under /usr/lib/postgresql. CI must not skip it.
"""

from __future__ import annotations

import glob
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

import pytest
from tests.apps.reports.conftest import spot

from wijkaanpak.apps.reports import services

REPOSITORY = Path(__file__).resolve().parents[3]
KEY = "restart-test-key-123"
CLIENTS = 4
#: Bounds of the load, so the test always ends by itself.
MOST_SUBMISSIONS = 400
MOST_SECONDS = 90


def _postgres_bin() -> Path | None:
    configured = os.environ.get("WIJKAANPAK_PG_BIN")
    if configured:
        return Path(configured)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _needs() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return "runs on PostgreSQL only (set DATABASE_URL)"
    pg_bin = _postgres_bin()
    if pg_bin is None or not (pg_bin / "initdb").exists():
        return "needs PostgreSQL's server programs (set WIJKAANPAK_PG_BIN)"
    return ""


def _skip_or_fail() -> None:
    reason = _needs()
    if not reason:
        return
    if os.environ.get("CI") and os.environ.get("DATABASE_URL", "").startswith(
        "postgres"
    ):
        pytest.fail(f"CI must run the restart test: it {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A throwaway PostgreSQL cluster, run as user postgres when we are root."""

    def __init__(self, pg_bin: Path) -> None:
        self.pg_bin = pg_bin
        self.folder = Path(tempfile.mkdtemp(prefix="wk-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.log = str(self.folder / "server.log")
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")

    def run(self, *command: str, timeout: float = 120) -> str:
        if os.geteuid() == 0:
            argv = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]
        else:
            argv = list(command)
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=timeout, check=False
        )
        assert done.returncode == 0, f"{command[0]} failed: {done.stderr[-2000:]}"
        return done.stdout

    def start(self) -> None:
        self.run(
            str(self.pg_bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            # Only the set-up skips syncing; the server itself syncs as usual.
            "--no-sync",
        )
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
            " -c max_connections=40"
        )
        self.pg_ctl("start", "-o", options, "-l", self.log)

    def pg_ctl(self, action: str, *extra: str) -> None:
        self.run(
            str(self.pg_bin / "pg_ctl"), "-D", str(self.data), "-w", *extra, action
        )

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def postmaster_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def stop(self) -> None:
        try:
            self.pg_ctl("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def copy_test_database(cluster: Cluster, name: str) -> None:
    """The test database, migrated and with the test's rows, into the cluster."""
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    dump = subprocess.run(
        [
            str(cluster.pg_bin / "pg_dump"),
            "--no-owner",
            "-h",
            settings.get("HOST") or "127.0.0.1",
            "-p",
            str(settings.get("PORT") or 5432),
            "-U",
            settings.get("USER") or "postgres",
            settings["NAME"],
        ],
        capture_output=True,
        check=True,
        env=env,
        timeout=120,
    ).stdout
    psql = [str(cluster.pg_bin / "psql"), "-h", "127.0.0.1", "-p", str(cluster.port)]
    psql += ["-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1"]
    subprocess.run([*psql, "-c", f'CREATE DATABASE "{name}"', "postgres"], check=True)
    subprocess.run([*psql, name], input=dump, check=True, capture_output=True)


@dataclass
class Tally:
    """What the clients saw: ids acknowledged per key, failures, attempts."""

    acknowledged: dict[str, str] = field(default_factory=dict)
    failures: int = 0
    submitted: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)


def submit(url: str, fields: dict[str, str], key: str) -> tuple[int, bytes]:
    body = urllib.parse.urlencode(fields).encode("ascii")
    request = urllib.request.Request(  # noqa: S310 - the test's own server
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Idempotency-Key": key,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


def client(number: int, url: str, fields: dict[str, str], tally: Tally) -> None:
    """Submit report after report; resend each with its key until it is answered."""
    import json

    counter = 0
    while not tally.stop.is_set():
        counter += 1
        key = f"client{number}-{counter}"
        form = {**fields, "description": f"Losse tegel {key}"}
        with tally.lock:
            if tally.submitted >= MOST_SUBMISSIONS:
                return
            tally.submitted += 1
        for _attempt in range(100):
            status, body = submit(url, form, key)
            if status == 201:
                with tally.lock:
                    tally.acknowledged[key] = json.loads(body)[0]["service_request_id"]
                break
            with tally.lock:
                tally.failures += 1
            time.sleep(0.1)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    _skip_or_fail()
    pg_bin = _postgres_bin()
    assert pg_bin is not None
    own = Cluster(pg_bin)
    own.start()
    yield own
    own.stop()


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting until {what}"
        time.sleep(0.1)


@pytest.mark.django_db(transaction=True)
def test_no_acknowledged_report_is_lost_when_postgresql_restarts(cluster, area):
    import psycopg

    services.issue_api_key(area, "Restart test", key=KEY, acting_user=None)
    services.create_category(area, code="bestrating", name="Tegel", acting_user=None)
    copy_test_database(cluster, "wijkaanpak")
    lat, lon = spot(area)
    fields = {
        "api_key": KEY,
        "service_code": "bestrating",
        "lat": str(lat),
        "long": str(lon),
    }
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "wijkaanpak", "serve", "--port", str(port)],
        env={
            **os.environ,
            "DATABASE_URL": cluster.url("wijkaanpak"),
            "WIJKAANPAK_DATA_DIR": str(cluster.folder),
            "WIJKAANPAK_LOG_LEVEL": "CRITICAL",
            "WIJKAANPAK_INTAKE_RATE_OPEN311": "off",
        },
        cwd=REPOSITORY,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    tally = Tally()
    url = f"http://127.0.0.1:{port}/open311/v2/requests.json"
    clients = [
        threading.Thread(target=client, args=(n, url, fields, tally))
        for n in range(CLIENTS)
    ]
    try:
        probe = {**fields, "description": "Proef"}
        wait_until(lambda: submit(url, probe, "probe")[0] == 201, 60, "it serves")
        for thread in clients:
            thread.start()
        wait_until(lambda: len(tally.acknowledged) >= 20, MOST_SECONDS, "20 answers")
        before = cluster.postmaster_pid()
        # The log must go to a file: an inherited pipe would never close.
        cluster.pg_ctl("restart", "-m", "immediate", "-l", cluster.log)
        restarted_at = len(tally.acknowledged)
        wait_until(
            lambda: len(tally.acknowledged) >= restarted_at + 20,
            MOST_SECONDS,
            "20 answers after the restart",
        )
    finally:
        tally.stop.set()
        for thread in clients:
            if thread.is_alive():
                thread.join(timeout=60)
        server.terminate()
        server.wait(timeout=30)

    assert cluster.postmaster_pid() != before
    with psycopg.connect(cluster.url("wijkaanpak")) as conn:
        saved = dict(
            conn.execute(
                "SELECT submission_key, id::text FROM reports_report"
                " WHERE channel = 'open311' AND submission_key LIKE 'client%%'"
            ).fetchall()
        )
        twice = conn.execute(
            "SELECT count(*) FROM reports_report GROUP BY submission_key"
            " HAVING count(*) > 1"
        ).fetchall()
    lost = {
        key for key in tally.acknowledged if saved.get(key) != tally.acknowledged[key]
    }
    assert not lost, f"acknowledged but lost or changed: {sorted(lost)}"
    assert not twice, "a resent submission was saved twice"
    # Every answered key holds one report; keys still unanswered at the stop
    # may or may not have been saved, but never twice.
    assert set(tally.acknowledged) <= set(saved)
