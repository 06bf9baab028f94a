# SPDX-License-Identifier: EUPL-1.2
"""``wijk stemming uitslag``: count a budget vote from a pabulib file.

The command contract is stable (residents' and officers' scripts rely on it):
``wijk stemming uitslag FILE.pb --rule greedy|mes|phragmen --completion
none|add1|add1-exhaustive|add1-greedy --format json`` prints one JSON object
with ``winners`` (project ids as in the file) and an explanation per project.

Each entry of ``projects`` has ``explanation``: the rule's typed reason
(:mod:`wijkaanpak.core.votes.model`) as an object with a ``kind`` (``bought
with shares``, ``shares fell short``, ``funded in order``, ``did not fit``,
``bought with earnings``, ``stopped``, ``no support``, ``zero cost``) and its
fields. Exact amounts are strings (``"1216/3"``) with a float beside them
(``..._float``); which ballots paid is left out (the core has it). The older
keys ``payments`` and ``lacking`` stay as they were.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from fractions import Fraction
from typing import Any

from wijkaanpak.adapters.pabulib import read_pabulib
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.votes.equal_shares import method_of_equal_shares
from wijkaanpak.core.votes.greedy import greedy_approval
from wijkaanpak.core.votes.model import (
    Allocation,
    BoughtWithShares,
    Election,
    Explanation,
    PhragmenBought,
    SharesFellShort,
)
from wijkaanpak.core.votes.phragmen import sequential_phragmen
from wijkaanpak.core.votes.tie_breaking import order_for_ties

__all__ = ["register"]

_DUTCH = {
    "funded": "gekozen",
    "does not fit": "past niet meer in het budget",
    "not affordable": "te weinig geld bij de steunende kiezers",
    "no support": "geen stemmen",
    "not reached": "niet aan de beurt gekomen",
}


def _amount(value: Fraction | None) -> str | None:
    """Exact amounts as text ('12/7'), so JSON keeps them exact."""
    return None if value is None else str(value)


def _plain(value: Any) -> Any:
    """Return an explanation as JSON data: exact amounts as text, plus floats."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        document: dict[str, Any] = {}
        for item in dataclasses.fields(value):
            if item.name == "ballots":
                continue
            inner = getattr(value, item.name)
            document[item.name] = _plain(inner)
            if isinstance(inner, Fraction):
                document[f"{item.name}_float"] = float(inner)
        return document
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(inner) for inner in value]
    return value


def _payments(explanation: Explanation | None) -> list[dict[str, Any]]:
    if not isinstance(explanation, BoughtWithShares | PhragmenBought):
        return []
    return [
        {
            "voters": group.voters,
            "amount": _amount(group.amount),
            "amount_float": float(group.amount),
        }
        for group in explanation.payments.groups
    ]


def count(
    election: Election, rule: str, completion: str, tie_breaking: str
) -> Allocation:
    """Return the outcome of the vote under the rule and completion."""
    projects = order_for_ties(election.projects, tie_breaking)  # type: ignore[arg-type]
    if rule == "greedy":
        return greedy_approval(projects, election.ballots, election.budget)
    if rule == "phragmen":
        return sequential_phragmen(projects, election.ballots, election.budget)
    return method_of_equal_shares(
        projects,
        election.ballots,
        election.budget,
        completion=completion,  # type: ignore[arg-type]
    )


def as_json(
    election: Election, outcome: Allocation, rule: str, completion: str
) -> dict[str, Any]:
    """Return the JSON document of the command contract."""
    by_id = {step.project: step for step in outcome.steps}
    projects = []
    for project in election.projects:
        step = by_id[project.id]
        projects.append(
            {
                "id": project.id,
                "name": project.name,
                "cost": project.cost,
                "votes": step.support,
                "decision": step.decision,
                "round": step.round,
                "payments": _payments(step.explanation),
                "lacking": _amount(step.explanation.lacking)
                if isinstance(step.explanation, SharesFellShort)
                else None,
                "explanation": _plain(step.explanation),
            }
        )
    return {
        "rule": rule,
        "completion": completion if rule == "mes" else "none",
        "budget": election.budget,
        "voters": len(election.ballots),
        "winners": list(outcome.funded),
        "cost": outcome.cost(election),
        "budget_per_voter": _amount(outcome.budget_per_voter),
        "projects": projects,
    }


def as_text(election: Election, outcome: Allocation, rule: str) -> str:
    """Return a short summary in Dutch."""
    names = {project.id: project.name or project.id for project in election.projects}
    lines = [
        f"Uitslag volgens {rule}: {len(outcome.funded)} projecten gekozen,"
        f" samen {outcome.cost(election)} van het budget {election.budget}.",
    ]
    for step in outcome.steps:
        reason = _DUTCH[step.decision]
        explanation = step.explanation
        if isinstance(explanation, SharesFellShort):
            reason += f" (tekort {float(explanation.lacking):.2f})"
        elif isinstance(explanation, BoughtWithShares):
            reason += (
                f" (ronde {explanation.round}, {explanation.payments.paying}"
                f" kiezers betaalden, hoogstens {float(explanation.price):.2f})"
            )
        lines.append(f"- {names[step.project]} ({step.support} stemmen): {reason}")
    return "\n".join(lines)


def result(arguments: argparse.Namespace) -> int:
    """Count the vote in the file and print the outcome."""
    try:
        election = read_pabulib(arguments.file).election
        outcome = count(
            election, arguments.rule, arguments.completion, arguments.tie_breaking
        )
    except (WijkaanpakError, OSError) as error:
        print(f"wijk stemming uitslag: {error}", file=sys.stderr)
        return 1
    if arguments.format == "json":
        document = as_json(election, outcome, arguments.rule, arguments.completion)
        print(json.dumps(document, ensure_ascii=False))
    else:
        print(as_text(election, outcome, arguments.rule))
    return 0


def register(subparsers: Any) -> None:
    """Add ``stemming`` with its sub-command ``uitslag``."""
    parser = subparsers.add_parser("stemming", help="budget votes (pabulib files)")
    commands = parser.add_subparsers(dest="stemming_command", metavar="COMMAND")
    uitslag = commands.add_parser("uitslag", help="count a vote from a .pb file")
    uitslag.add_argument("file", metavar="FILE.pb")
    uitslag.add_argument("--rule", choices=("greedy", "mes", "phragmen"), default="mes")
    uitslag.add_argument(
        "--completion",
        choices=("none", "add1", "add1-exhaustive", "add1-greedy"),
        default="none",
        help="completion of equal shares (ignored by the other rules)",
    )
    uitslag.add_argument(
        "--tie-breaking",
        choices=("id", "listed"),
        default="id",
        help="id: project ids as text, as pabutools (default); listed: file order",
    )
    uitslag.add_argument("--format", choices=("json", "text"), default="json")
    uitslag.set_defaults(handler=result)
    parser.set_defaults(handler=lambda _arguments: parser.print_help() or 2)
