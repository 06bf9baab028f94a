# SPDX-License-Identifier: EUPL-1.2
"""``wijk serve``: run the site on waitress, a real multi-threaded WSGI server."""

from __future__ import annotations

import argparse
import os
import sys


def setup_django() -> None:
    """Configure Django from the environment, once."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkaanpak.web.settings")
    import django

    django.setup()


def pending_migrations() -> list[str]:
    """The migrations the database still lacks."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def run_server(host: str, port: int, *, threads: int) -> None:
    """Serve the WSGI application until interrupted; static files via WhiteNoise."""
    from django.conf import settings

    import waitress

    from wijkaanpak.web.wsgi import application

    waitress.serve(
        application,
        host=host,
        port=port,
        threads=threads,
        ident="wijkaanpak",
        clear_untrusted_proxy_headers=True,
        # Behind a proxy that ends TLS every request came in over HTTPS: the
        # site then sends HSTS and secure cookies, and builds https:// links.
        url_scheme="https" if settings.WIJKAANPAK_TLS else "http",
    )


def serve(arguments: argparse.Namespace) -> int:
    """Run the site, after applying migrations when asked."""
    setup_django()
    from django.core.management import call_command

    if arguments.migrate:
        call_command("migrate", interactive=False, verbosity=0)
    missing = pending_migrations()
    if missing:
        print(
            f"The database lacks {len(missing)} migration(s); run `wijk serve --migrate`.",
            file=sys.stderr,
        )
        return 1
    print(
        f"Wijkaanpak runs at http://{arguments.host}:{arguments.port}/ (Ctrl+C stops)"
    )
    run_server(arguments.host, arguments.port, threads=arguments.threads)
    return 0


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every command that serves the site shares."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``wijk serve``."""
    parser = subparsers.add_parser(
        "serve",
        help="run the site (configure with DATABASE_URL and WIJKAANPAK_* variables)",
    )
    add_server_arguments(parser)
    parser.add_argument(
        "--migrate", action="store_true", help="apply database migrations first"
    )
    parser.set_defaults(handler=serve)
