# SPDX-License-Identifier: EUPL-1.2
"""The ``wijk`` command: a thin front for the terminal, like a view for the web.

Each sub-command lives in its own module of this package and exposes
``register(subparsers)``, which adds its parser and sets ``handler`` to a
function taking the parsed arguments and returning the exit code. Command names
face users and are Dutch; the functions behind them are English.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from wijkaanpak import __version__

__all__ = ["main"]

#: Modules of this package that add a sub-command, in the order of ``wijk --help``.
COMMAND_MODULES = (
    "demo",
    "serve",
    "analyse",
    "importeer",
    "loting",
    "stemming",
    "bewaartermijn",
    "doorbraak",
    "rapport",
    "openapi",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="wijk",
        description="Wijkaanpak: run a neighbourhood programme (NPLV focus area).",
    )
    parser.add_argument("--version", action="version", version=f"wijk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wijk`` with the given arguments and return the exit code."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    handler = getattr(arguments, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(arguments) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
