# SPDX-License-Identifier: EUPL-1.2
"""``wijk loting``: panel distributions, public draws and their verification.

Contract (users' scripts rely on it; keep it stable)::

    wijk loting verdeling --people people.csv --features features.csv \\
        --panel-size N --format json

prints one JSON object with ``probabilities`` (volunteer id to selection
probability) and ``panels`` (``{"members": [...], "weight": w}``), plus the
fields ``wijk loting trek`` and ``wijk loting verify`` need to re-run a draw.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from wijkaanpak.adapters.sortition_csv import read_features, read_people
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.leximin import leximin_panel_distribution
from wijkaanpak.core.panels.lottery import draw_panel, generator_from_seed
from wijkaanpak.core.panels.model import PanelDistribution, PanelInstance
from wijkaanpak.core.panels.verify import distribution_fingerprint, verify_draw

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``loting`` and its sub-commands to the ``wijk`` parser."""
    loting = subparsers.add_parser("loting", help="citizens' panels drawn by lot")
    commands = loting.add_subparsers(dest="loting_command", metavar="SUBCOMMAND")
    loting.set_defaults(handler=lambda _arguments: _help(loting))

    verdeling = commands.add_parser(
        "verdeling", help="compute the fair (LEXIMIN) distribution over panels"
    )
    verdeling.add_argument("--people", type=Path, required=True)
    verdeling.add_argument("--features", type=Path, required=True)
    verdeling.add_argument("--panel-size", type=int, required=True)
    verdeling.add_argument("--format", choices=["json"], default="json")
    verdeling.add_argument("--id-column", default=None)
    verdeling.add_argument(
        "--household-columns",
        default="",
        help="comma-separated columns that identify a household (one member each)",
    )
    verdeling.add_argument(
        "--address-columns",
        default="",
        help=(
            "comma-separated postcode, house number and optional addition columns: "
            "Dutch addresses are normalised and one member per address is seated"
        ),
    )
    verdeling.add_argument(
        "--method", choices=["leximin", "maximin"], default="leximin"
    )
    verdeling.set_defaults(handler=compute_distribution)

    trek = commands.add_parser("trek", help="draw one panel with a published seed")
    trek.add_argument("--distribution", type=Path, required=True)
    trek.add_argument("--seed", required=True)
    trek.set_defaults(handler=draw_from_seed)

    verify = commands.add_parser("verify", help="re-run a draw from published inputs")
    verify.add_argument("--distribution", type=Path, required=True)
    verify.add_argument("--seed", required=True)
    verify.add_argument(
        "--panel", required=True, help="the announced members, comma-separated"
    )
    verify.set_defaults(handler=verify_published_draw)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _fail(error: Exception) -> int:
    print(f"wijk loting: {error}", file=sys.stderr)
    return 1


def _columns(text: str) -> list[str]:
    return [column.strip() for column in text.split(",") if column.strip()]


def compute_distribution(arguments: argparse.Namespace) -> int:
    """Read the CSV files, compute the distribution and print it as JSON."""
    try:
        quotas = read_features(arguments.features)
        households = _columns(arguments.household_columns)
        addresses = _columns(arguments.address_columns)
        people = read_people(
            arguments.people,
            quotas,
            id_column=arguments.id_column,
            household_columns=households,
            address_columns=addresses,
        )
        instance = PanelInstance(
            people,
            quotas,
            arguments.panel_size,
            one_per_household=bool(households or addresses),
        )
        distribution = leximin_panel_distribution(
            instance, max_levels=1 if arguments.method == "maximin" else None
        )
    except (WijkaanpakError, ValueError) as error:
        return _fail(error)
    output = distribution.as_dict()
    output["fingerprint"] = distribution_fingerprint(distribution)
    print(json.dumps(output, ensure_ascii=False, indent=2))
    return 0


def _load(path: Path) -> PanelDistribution:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return PanelDistribution.from_dict(data)
    except FileNotFoundError:
        raise WijkaanpakError(f"{path} does not exist.") from None
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise WijkaanpakError(
            f"{path} is not a distribution written by wijk loting verdeling ({error})."
        ) from None


def draw_from_seed(arguments: argparse.Namespace) -> int:
    """Draw one panel from a published distribution and seed; print JSON."""
    try:
        distribution = _load(arguments.distribution)
    except (WijkaanpakError, ValueError) as error:
        return _fail(error)
    members = draw_panel(distribution, rng=generator_from_seed(arguments.seed))
    print(
        json.dumps(
            {
                "seed": arguments.seed,
                "fingerprint": distribution_fingerprint(distribution),
                "members": list(members),
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    return 0


def verify_published_draw(arguments: argparse.Namespace) -> int:
    """Re-run a draw; exit 0 when it gives the announced panel, 1 otherwise."""
    try:
        distribution = _load(arguments.distribution)
    except (WijkaanpakError, ValueError) as error:
        return _fail(error)
    claimed = [
        member.strip() for member in arguments.panel.split(",") if member.strip()
    ]
    result = verify_draw(distribution, arguments.seed, claimed)
    print(result.explanation)
    return 0 if result.matches else 1
