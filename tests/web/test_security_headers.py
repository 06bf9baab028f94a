# SPDX-License-Identifier: EUPL-1.2
"""Every page carries the security headers, and no page needs inline script or style.

The test walks the site as a browser would: from every page that takes no
argument or only the area's slug, it follows the links it finds, as the
programme bureau of an area filled with a bit of everything (a programme,
figures, blockage cases, a vote, a panel, scans). Each HTML answer is read for
what the content security policy would block.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.test import Client, override_settings
from django.urls import (
    Resolver404,
    URLPattern,
    URLResolver,
    get_resolver,
    resolve,
    reverse,
)

import pytest
from tests.apps.breakthroughs.conftest import cases, rule  # noqa: F401 - fixtures
from tests.apps.mirror.conftest import scans  # noqa: F401 - fixtures
from tests.apps.monitor.conftest import monitored  # noqa: F401 - fixtures
from tests.apps.panels.conftest import process  # noqa: F401 - fixtures
from tests.apps.votes.conftest import vote  # noqa: F401 - fixtures

from wijkaanpak.web.middleware import CONTENT_SECURITY_POLICY

#: Pages that change state on GET or leave the site's own pages.
SKIPPED_PREFIXES = ("/uitloggen/", "/taal/", "/beheer/", "/static/", "/media/")
#: Files, not pages: PDFs are slow to draw and hold no HTML to read.
SKIPPED_SUFFIXES = (".pdf", ".json")


class PageReader(HTMLParser):
    """Collect the links of a page and whatever a strict policy would refuse."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.refused: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.refused.append(f"event handler {name}= on <{tag}>")
            if name == "style":
                self.refused.append(f"style attribute on <{tag}>")
            if name in {"href", "src", "action"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.refused.append(f"javascript: address on <{tag}>")
        if tag == "style":
            self.refused.append("<style> element")
        if tag == "script":
            data_block = values.get("type") in {
                "application/json",
                "application/ld+json",
            }
            if not values.get("src") and not data_block:
                self.refused.append("inline <script>")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def seed_paths(slug: str) -> list[str]:
    """Every page that takes no argument or only a focus area's slug."""
    found: list[str] = []

    def walk(resolver: URLResolver, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or ""
                walk(pattern, f"{namespace}{inner}:" if inner else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                arguments = set(pattern.pattern.regex.groupindex)
                if arguments <= {"slug"}:
                    kwargs = {"slug": slug} if arguments else {}
                    found.append(reverse(namespace + pattern.name, kwargs=kwargs))

    walk(get_resolver(), "")
    return sorted(
        path
        for path in set(found)
        if not path.startswith(("/api/", *SKIPPED_PREFIXES))
        and not path.endswith(SKIPPED_SUFFIXES)
    )


def walk_site(client: Client, seeds: list[str]) -> tuple[int, dict[str, list[str]]]:
    """Visit the seeds and the pages they link to: the number visited and the
    refusals of each HTML page.

    Each kind of page (each view) is visited once: the first link to it stands
    for the others, so the walk stays short in a large area.
    """
    queue = list(seeds)
    kinds = {resolve(path).view_name for path in queue}
    refused: dict[str, list[str]] = {}
    visited = 0
    while queue:
        path = queue.pop(0)
        response = client.get(path)
        visited += 1
        for header, value in EXPECTED_HEADERS.items():
            assert response.headers.get(header) == value, (path, header)
        if not response["Content-Type"].startswith("text/html"):
            continue
        reader = PageReader()
        reader.feed(response.content.decode())
        if reader.refused:
            refused[path] = reader.refused
        for link in reader.links:
            target = urldefrag(link).url
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if target.startswith(SKIPPED_PREFIXES) or parts.path.endswith(
                SKIPPED_SUFFIXES
            ):
                continue
            try:
                kind = resolve(parts.path).view_name
            except Resolver404:
                continue
            if kind not in kinds:
                kinds.add(kind)
                queue.append(target)
    return visited, refused


EXPECTED_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def test_the_policy_forbids_inline_code_and_framing():
    directives = dict(
        directive.split(" ", 1) for directive in CONTENT_SECURITY_POLICY.split("; ")
    )
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.usefixtures("monitored", "cases", "vote", "process", "scans")
@pytest.mark.parametrize("role", ["bureau", "national", None])
def test_every_page_sends_the_headers_and_needs_no_inline_code(client, area, role):
    if role is not None:
        client.force_login(area.people[role])
    visited, refused = walk_site(client, seed_paths(area.slug))
    assert not refused
    # The bureau reaches the editing pages of every capability too.
    assert visited >= (70 if role == "bureau" else 40)


def test_the_answers_of_the_api_and_the_login_carry_the_headers(client, area):
    for path in (
        "/api/v1/focus-areas",
        "/open-data/alles.json",
        "/open-data/cijfers.csv",
        "/inloggen/",
    ):
        response = client.get(path)
        assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert "camera=()" in response["Permissions-Policy"]


def test_without_tls_there_is_no_hsts(client, area):
    response = client.get("/", secure=True)
    assert "Strict-Transport-Security" not in response


@override_settings(SECURE_HSTS_SECONDS=31536000)
def test_over_tls_answers_carry_hsts(client, area):
    assert (
        client.get("/", secure=True)["Strict-Transport-Security"] == "max-age=31536000"
    )
    assert "Strict-Transport-Security" not in client.get("/")


def test_tls_turns_on_hsts_and_secure_cookies():
    # Settings are read once per process: read them in a fresh one.
    script = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    environment = os.environ | {"DJANGO_SETTINGS_MODULE": "wijkaanpak.web.settings"}

    def read(**variables: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", script],
            env=environment | variables,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert read(WIJKAANPAK_TLS="false") == "0 False False"
    assert read(WIJKAANPAK_TLS="true") == "31536000 True True"
    assert read(WIJKAANPAK_TLS="true", WIJKAANPAK_HSTS_SECONDS="300") == "300 True True"
