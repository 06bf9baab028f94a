# SPDX-License-Identifier: EUPL-1.2
"""``wijk openapi``: print the OpenAPI 3 schema of ``/api/v1`` as YAML."""

from __future__ import annotations

import argparse
import sys

from wijkaanpak.cli.serve import setup_django


def write_schema(arguments: argparse.Namespace) -> int:
    """Print the schema, or write it to the given file."""
    setup_django()
    from drf_spectacular.renderers import OpenApiYamlRenderer

    from wijkaanpak.web.api import generate_schema

    schema = generate_schema()
    text = OpenApiYamlRenderer().render(schema, renderer_context={}).decode("utf-8")
    if arguments.output:
        with open(arguments.output, "w", encoding="utf-8") as file:
            file.write(text)
    else:
        sys.stdout.write(text)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``wijk openapi``."""
    parser = subparsers.add_parser("openapi", help="print the OpenAPI 3 schema (YAML)")
    parser.add_argument("--output", "-o", help="write to this file instead")
    parser.set_defaults(handler=write_schema)
