# SPDX-License-Identifier: EUPL-1.2
"""``wijk serve`` runs the site on a real multi-threaded server, static files included."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    port = free_port()
    environment = {
        key: value for key, value in os.environ.items() if key != "DATABASE_URL"
    } | {"WIJKAANPAK_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "wijkaanpak", "serve", "--migrate", "--port", str(port)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)  # noqa: S310 - loopback
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(process.stdout.read().decode())
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.status, response.headers.get("Server", ""), response.read()


def test_the_server_answers_pages_api_and_static_files(server):
    status, software, body = fetch(server + "/")
    assert status == 200
    assert software == "wijkaanpak"
    assert b"<html" in body

    assert fetch(server + "/static/vendor/leaflet/leaflet.js")[0] == 200
    assert fetch(server + "/api/v1/openapi.json")[0] == 200


def test_the_server_handles_requests_side_by_side(server):
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(
            pool.map(lambda _: fetch(server + "/api/v1/focus-areas")[0], range(32))
        )

    assert statuses == [200] * 32
