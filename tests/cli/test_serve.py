# SPDX-License-Identifier: EUPL-1.2
"""``wijk serve`` runs the site on a real server, static files included.

One worker runs on waitress; ``--workers 2`` runs gunicorn with two processes.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SERVERS = {1: "wijkaanpak", 2: "gunicorn"}


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                found.append(int(entry))
    return found


@pytest.fixture(scope="module", params=sorted(SERVERS), ids=lambda n: f"{n}-workers")
def served(request, tmp_path_factory):
    workers = request.param
    if workers > 1 and sys.platform == "win32":
        pytest.skip("more than one worker needs a Unix system")
    tmp_path = tmp_path_factory.mktemp("serve")
    port = free_port()
    environment = {
        key: value for key, value in os.environ.items() if key != "DATABASE_URL"
    } | {"WIJKAANPAK_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wijkaanpak",
            "serve",
            "--migrate",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    # Migrating a fresh database on a busy machine can take a while.
    deadline = time.monotonic() + 240
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)  # noqa: S310 - loopback
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(process.stdout.read().decode())
            time.sleep(0.2)
    yield base, workers, process.pid
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def server(served):
    return served[0]


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.status, response.headers.get("Server", ""), response.read()


def test_the_server_answers_pages_api_and_static_files(served):
    server, workers, _pid = served
    status, software, body = fetch(server + "/")
    assert status == 200
    assert software == SERVERS[workers]
    assert b"<html" in body

    assert fetch(server + "/static/vendor/leaflet/leaflet.js")[0] == 200
    assert fetch(server + "/api/v1/openapi.json")[0] == 200


def test_the_server_handles_requests_side_by_side(server):
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(
            pool.map(lambda _: fetch(server + "/api/v1/focus-areas")[0], range(32))
        )

    assert statuses == [200] * 32


def test_more_workers_are_more_processes_and_stop_with_the_server(served):
    _server, workers, pid = served
    if workers == 1:
        assert children_of(pid) == []
    else:
        assert len(children_of(pid)) == workers
