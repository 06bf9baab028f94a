# SPDX-License-Identifier: EUPL-1.2
"""``wijk loting``: panel distributions, public draws and their verification.

Contract (users' scripts rely on it; keep it stable)::

    wijk loting verdeling --people people.csv --features features.csv \\
        --panel-size N --format json

prints one JSON object with ``probabilities`` (volunteer id to selection
probability) and ``panels`` (``{"members": [...], "weight": w}``), plus the
fields ``wijk loting trek`` and ``wijk loting verify`` need to re-run a draw.

Stage 1, the invitation lottery::

    wijk loting uitnodiging ADDRESSES.csv --count N --seed SEED \
        --pdf letters.pdf --csv letters.csv --url https://...

draws the addresses, writes the letters with their personal codes and prints
the summary to publish (seed, counts and positions per neighbourhood; no
codes). ``wijk loting verify-uitnodiging --summary summary.json`` re-runs it.

Replacements for members who drop out::

    wijk loting vervang --people people.csv --features features.csv \
        --panel a,b,c,... --dropped b --seed SEED

prints the members who stay, the replacements drawn, the new panel and the
LEXIMIN lottery over replacements it was drawn from (``distribution``, which
``wijk loting verify`` accepts).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import ctypes
import io
import json
import os
import sys
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

from wijkaanpak.adapters.addresses_csv import read_addresses
from wijkaanpak.adapters.letters import (
    DEFAULT_AREA,
    DEFAULT_SENDER,
    LetterText,
    format_letters_csv,
    letters_pdf,
)
from wijkaanpak.adapters.sortition_csv import read_features, read_people
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.codes import normalise_code
from wijkaanpak.core.panels.invitations import (
    invitation_lottery,
    verify_invitation_draw,
)
from wijkaanpak.core.panels.leximin import leximin_panel_distribution
from wijkaanpak.core.panels.lottery import draw_panel, generator_from_seed
from wijkaanpak.core.panels.model import PanelDistribution, PanelInstance
from wijkaanpak.core.panels.replacements import replace_dropouts
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

    replace = commands.add_parser(
        "vervang",
        help="draw replacements for members who dropped out, keeping the quotas",
    )
    replace.add_argument("--people", type=Path, required=True)
    replace.add_argument("--features", type=Path, required=True)
    replace.add_argument(
        "--panel", required=True, help="the members drawn, comma-separated"
    )
    replace.add_argument("--dropped", required=True, help="the members who dropped out")
    replace.add_argument("--seed", required=True, help="the seed announced in public")
    replace.add_argument(
        "--unavailable",
        default="",
        help="volunteers who can no longer be asked, comma-separated",
    )
    replace.add_argument("--id-column", default=None)
    replace.add_argument("--household-columns", default="")
    replace.add_argument("--address-columns", default="")
    replace.set_defaults(handler=replace_dropped_members)

    invite = commands.add_parser(
        "uitnodiging",
        help="stage 1: draw addresses by neighbourhood and write invitation letters",
    )
    invite.add_argument("addresses", type=Path, metavar="ADDRESSES.csv")
    invite.add_argument("--count", type=int, required=True, help="letters to send")
    invite.add_argument("--seed", required=True, help="the seed announced in public")
    invite.add_argument(
        "--oversample",
        default="",
        help="neighbourhoods to oversample, e.g. BU03440101=2,BU03440102=1.5",
    )
    invite.add_argument("--pdf", type=Path, help="write the letters as PDF here")
    invite.add_argument("--csv", type=Path, help="write a mail-merge CSV here")
    invite.add_argument("--url", default="", help="the registration page")
    invite.add_argument("--sender", default=DEFAULT_SENDER)
    invite.add_argument("--area-name", default=DEFAULT_AREA)
    invite.add_argument("--deadline", default="", help='e.g. "15 maart"')
    invite.add_argument("--contact", default="", help="a sentence for questions")
    invite.add_argument(
        "--taken-codes",
        type=Path,
        help="a mail-merge CSV of an earlier round whose codes must not recur",
    )
    invite.set_defaults(handler=invite_addresses)

    check_invite = commands.add_parser(
        "verify-uitnodiging", help="re-run a published invitation draw"
    )
    check_invite.add_argument("--summary", type=Path, required=True)
    check_invite.add_argument(
        "--addresses", type=Path, help="the address list, to check its fingerprint"
    )
    check_invite.set_defaults(handler=verify_invitations)


@contextlib.contextmanager
def _solver_banner_to_stderr() -> Iterator[None]:
    """Send what the solver library prints on file descriptor 1 to stderr.

    HiGHS prints a banner on its first use in a process, straight to file
    descriptor 1, which would spoil the JSON that users' scripts read from
    standard output.
    """
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # pragma: no cover (no file descriptor 1)
        yield
        return
    try:
        os.dup2(2, 1)
        yield
    finally:
        ctypes.CDLL(None).fflush(None)
        os.dup2(saved, 1)
        os.close(saved)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _fail(error: Exception) -> int:
    print(f"wijk loting: {error}", file=sys.stderr)
    return 1


def _columns(text: str) -> list[str]:
    return [column.strip() for column in text.split(",") if column.strip()]


def _instance(arguments: argparse.Namespace, panel_size: int) -> PanelInstance:
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
    return PanelInstance(
        people, quotas, panel_size, one_per_household=bool(households or addresses)
    )


def compute_distribution(arguments: argparse.Namespace) -> int:
    """Read the CSV files, compute the distribution and print it as JSON."""
    try:
        instance = _instance(arguments, arguments.panel_size)
        with _solver_banner_to_stderr():
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


def replace_dropped_members(arguments: argparse.Namespace) -> int:
    """Draw replacements that keep every quota; print them and the lottery."""
    panel = _columns(arguments.panel)
    try:
        instance = _instance(arguments, len(panel))
        with _solver_banner_to_stderr():
            result = replace_dropouts(
                instance,
                panel,
                _columns(arguments.dropped),
                rng=generator_from_seed(arguments.seed),
                unavailable=_columns(arguments.unavailable),
            )
    except (WijkaanpakError, ValueError) as error:
        return _fail(error)
    distribution = result.distribution.as_dict()
    distribution["fingerprint"] = distribution_fingerprint(result.distribution)
    output = {
        "seed": arguments.seed,
        "kept": list(result.kept),
        "dropped": list(result.dropped),
        "replacements": list(result.replacements),
        "panel": list(result.panel),
        "distribution": distribution,
    }
    print(json.dumps(output, ensure_ascii=False, indent=2))
    return 0


def _oversampling(text: str) -> dict[str, Fraction]:
    factors: dict[str, Fraction] = {}
    for item in _columns(text):
        name, _, value = item.partition("=")
        try:
            factor = Fraction(value.strip().replace(",", "."))
        except (ValueError, ZeroDivisionError):
            raise WijkaanpakError(
                f"--oversample needs NEIGHBOURHOOD=FACTOR pairs, such as "
                f"BU03440101=2; {item!r} has no number after '='."
            ) from None
        if factor <= 0:
            raise WijkaanpakError(
                f"--oversample: the factor of {name} must be positive."
            )
        factors[name.strip()] = factor
    return factors


def _taken_codes(path: Path | None) -> set[str]:
    if path is None:
        return set()
    try:
        rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
        return {normalise_code(row["code"]) for row in rows if row.get("code")}
    except FileNotFoundError:
        raise WijkaanpakError(f"{path} does not exist.") from None
    except KeyError:
        raise WijkaanpakError(f"{path} has no column 'code'.") from None


def invite_addresses(arguments: argparse.Namespace) -> int:
    """Draw the addresses to invite, write the letters, print the summary."""
    try:
        if arguments.pdf and not arguments.url.strip():
            raise WijkaanpakError(
                "The letters need the registration page: add --url with the "
                "address where residents register."
            )
        addresses = read_addresses(arguments.addresses)
        draw = invitation_lottery(
            addresses,
            arguments.count,
            seed=arguments.seed,
            oversampling=_oversampling(arguments.oversample),
            taken_codes=_taken_codes(arguments.taken_codes),
        )
        if arguments.csv:
            arguments.csv.write_text(
                format_letters_csv(draw.invitations, arguments.url),
                encoding="utf-8-sig",
            )
        if arguments.pdf:
            text = LetterText(
                url=arguments.url.strip(),
                sender=arguments.sender,
                area=arguments.area_name,
                deadline=arguments.deadline,
                contact=arguments.contact,
            )
            arguments.pdf.write_bytes(letters_pdf(draw.invitations, text))
    except (WijkaanpakError, ValueError, OSError) as error:
        return _fail(error)
    summary = draw.summary()
    summary["files"] = {
        "pdf": str(arguments.pdf) if arguments.pdf else None,
        "csv": str(arguments.csv) if arguments.csv else None,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


def verify_invitations(arguments: argparse.Namespace) -> int:
    """Re-run a published invitation draw; exit 0 when it matches, 1 otherwise."""
    try:
        summary = json.loads(arguments.summary.read_text(encoding="utf-8"))
        addresses = read_addresses(arguments.addresses) if arguments.addresses else None
        result = verify_invitation_draw(summary, addresses=addresses)
    except FileNotFoundError:
        return _fail(WijkaanpakError(f"{arguments.summary} does not exist."))
    except json.JSONDecodeError as error:
        return _fail(
            WijkaanpakError(f"{arguments.summary} is not a JSON summary ({error}).")
        )
    except (WijkaanpakError, ValueError) as error:
        return _fail(error)
    print(result.explanation)
    return 0 if result.matches else 1
