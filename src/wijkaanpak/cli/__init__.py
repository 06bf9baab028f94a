# SPDX-License-Identifier: EUPL-1.2
"""The ``wijk`` command: a thin front for the terminal, like a view for the web.

Each sub-command lives in its own module of this package and exposes
``register(subparsers)``, which adds its parser and sets ``handler`` to a
function taking the parsed arguments and returning the exit code. Command names
face users and are Dutch; the functions behind them are English.

Each module registers the sub-command of its own name. When the first argument
names a sub-command, only that module is imported: ``wijk stemming`` does not
pay for Django, SciPy or ReportLab, which other commands import. Anything else
(``wijk --help``, an unknown command) builds the full parser.
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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the parser with every sub-command registered, or only ``only``."""
    parser = argparse.ArgumentParser(
        prog="wijk",
        description="Wijkaanpak: run a neighbourhood programme (NPLV focus area).",
    )
    parser.add_argument("--version", action="version", version=f"wijk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES if only is None else (only,):
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wijk`` with the given arguments and return the exit code."""
    given = list(sys.argv[1:] if argv is None else argv)
    command = given[0] if given and given[0] in COMMAND_MODULES else None
    parser = build_parser(command)
    arguments = parser.parse_args(given)
    handler = getattr(arguments, "handler", None)
    if handler is None:
        # The help lists every command, also after a shortcut.
        (parser if command is None else build_parser()).print_help()
        return 2
    try:
        return int(handler(arguments) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
