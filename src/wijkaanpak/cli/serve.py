# SPDX-License-Identifier: EUPL-1.2
"""``wijk serve``: run the site on a real WSGI server.

One process (the default) runs on waitress, a multi-threaded server that
works on every platform. With ``--workers N`` (N > 1, Unix) gunicorn runs N
processes of ``--threads`` threads each, so the site uses every core: Python
runs one thread at a time per process.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


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


def run_server(host: str, port: int, *, threads: int, workers: int = 1) -> None:
    """Serve the WSGI application until interrupted; static files via WhiteNoise."""
    from django.conf import settings

    if workers > 1:
        _run_gunicorn(host, port, threads=threads, workers=workers)
        return
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


def workers_wanted(arguments: argparse.Namespace) -> int:
    """``--workers``, else the setting ``WIJKAANPAK_WORKERS`` (Django set up)."""
    from django.conf import settings

    workers = arguments.workers or settings.WIJKAANPAK_WORKERS
    if workers < 1:
        raise SystemExit("--workers needs at least 1.")
    return int(workers)


def _run_gunicorn(host: str, port: int, *, threads: int, workers: int) -> None:
    """Serve with gunicorn: ``workers`` processes of ``threads`` threads each."""
    if sys.platform == "win32":
        raise SystemExit("--workers needs a Unix system; on Windows run one worker.")
    from django.conf import settings
    from django.db import connections

    from gunicorn.app.base import BaseApplication

    from wijkaanpak.web.wsgi import application

    def https_application(environ: dict[str, Any], start_response: Any) -> Any:
        # Behind a proxy that ends TLS every request came in over HTTPS.
        environ["wsgi.url_scheme"] = "https"
        return application(environ, start_response)

    # The application is loaded once and the workers are forked from it; no
    # database connection may be shared across that fork.
    connections.close_all()
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "preload_app": True,
        "proc_name": "wijkaanpak",
        # A worker that hangs is replaced; requests are short.
        "timeout": 60,
        "graceful_timeout": 20,
        # No access log: URLs of tracking pages are the reporters' tokens.
        "accesslog": None,
        "errorlog": "-",
        # No control socket: it sits at one path per user, so two servers on
        # one machine would share it.
        "control_socket_disable": True,
    }

    class _Gunicorn(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> object:
            return https_application if settings.WIJKAANPAK_TLS else application

    _Gunicorn().run()


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
    run_server(
        arguments.host,
        arguments.port,
        threads=arguments.threads,
        workers=workers_wanted(arguments),
    )
    return 0


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every command that serves the site shares."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--threads", type=int, default=8, help="threads per worker process"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes (more than 1 runs gunicorn, Unix only; "
        "default WIJKAANPAK_WORKERS or 1)",
    )


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
