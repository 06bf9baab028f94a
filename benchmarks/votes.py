# SPDX-License-Identifier: EUPL-1.2
"""Time our vote rules against pabutools on the same pabulib files.

Each measurement is a whole process: reading the file and counting, in a
fresh interpreter, so caches and imports count as they do for a user. Prints
seconds for both and the ratio (pabutools / ours), and whether the winners
agree. pabutools is a benchmark dependency only (GPL); it is never imported by
the package.

    python benchmarks/votes.py --quick
    python benchmarks/votes.py --rules mes-add1 --skip-pabutools-over 20000 \\
        ../shared/data/pabulib/large/poland_warszawa_2024_.pb
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
DATA = REPOSITORY.parent / "shared" / "data" / "pabulib"
QUICK = [
    "netherlands/Netherlands_Amsterdam_304.pb",
    "netherlands/Netherlands_Amsterdam_288.pb",
    "netherlands/Netherlands_Amsterdam_515.pb",
    "other/Switzerland_Zurich_SN.pb",
]
RULES = ("greedy", "mes", "mes-add1", "mes-add1-exhaustive", "phragmen")

OURS = """
import json, sys
from wijkaanpak.adapters.pabulib import read_pabulib
from wijkaanpak.core.votes.equal_shares import method_of_equal_shares
from wijkaanpak.core.votes.greedy import greedy_approval
from wijkaanpak.core.votes.phragmen import sequential_phragmen
from wijkaanpak.core.votes.tie_breaking import order_for_ties
path, rule = sys.argv[1], sys.argv[2]
election = read_pabulib(path).election
projects = order_for_ties(election.projects, "id")
args = (projects, election.ballots, election.budget)
if rule == "greedy":
    outcome = greedy_approval(*args)
elif rule == "phragmen":
    outcome = sequential_phragmen(*args)
else:
    completion = rule.removeprefix("mes-") if rule != "mes" else "none"
    outcome = method_of_equal_shares(*args, completion=completion)
print(json.dumps(sorted(outcome.funded)))
"""

THEIRS = """
import json, sys
from pabutools.election import Cost_Sat, parse_pabulib
from pabutools.rules import (exhaustion_by_budget_increase, greedy_utilitarian_welfare,
    method_of_equal_shares, sequential_phragmen)
path, rule = sys.argv[1], sys.argv[2]
instance, profile = parse_pabulib(path)
if rule == "greedy":
    outcome = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
elif rule == "phragmen":
    outcome = sequential_phragmen(instance, profile)
elif rule == "mes":
    outcome = method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
else:
    outcome = exhaustion_by_budget_increase(
        instance, profile, method_of_equal_shares, {"sat_class": Cost_Sat},
        budget_step=profile.num_ballots(),
        exhaustive_stop=rule == "mes-add1-exhaustive",
    )
print(json.dumps(sorted(p.name for p in outcome)))
"""


def timed(
    code: str, path: Path, rule: str, timeout: float
) -> tuple[float, list[str] | None]:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(path), rule],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            cwd=REPOSITORY,
            env={"PYTHONPATH": str(REPOSITORY / "src")},
        )
    except subprocess.TimeoutExpired:
        return float("inf"), None
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.stderr.write(done.stderr[-2000:])
        return seconds, None
    return seconds, json.loads(done.stdout.strip().splitlines()[-1])


def voters(path: Path) -> int:
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("num_votes;"):
            return int(line.split(";")[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--quick", action="store_true", help="four small files")
    parser.add_argument("--rules", nargs="+", choices=RULES, default=list(RULES))
    parser.add_argument(
        "--skip-pabutools-over",
        type=int,
        default=None,
        metavar="VOTERS",
        help="do not run pabutools on files with more voters (Warsaw add1 takes hours)",
    )
    parser.add_argument("--timeout", type=float, default=1800.0)
    arguments = parser.parse_args()
    files = arguments.files or [
        DATA / name
        for name in (
            QUICK
            if arguments.quick
            else [
                *QUICK,
                "netherlands/Netherlands_Amsterdam_289.pb",
                "other/France_Toulouse_2024.pb",
            ]
        )
    ]
    print(
        f"{'file':34} {'voters':>7} {'rule':20} {'ours s':>8} {'pabutools s':>12} {'ratio':>7} same"
    )
    for path in files:
        n = voters(path)
        for rule in arguments.rules:
            ours, our_winners = timed(OURS, path, rule, arguments.timeout)
            skip = (
                arguments.skip_pabutools_over is not None
                and n > arguments.skip_pabutools_over
            )
            if skip:
                theirs, their_winners = float("nan"), None
            else:
                theirs, their_winners = timed(THEIRS, path, rule, arguments.timeout)
            ratio = theirs / ours if ours else float("nan")
            same = (
                "-"
                if skip or their_winners is None
                else str(our_winners == their_winners)
            )
            print(
                f"{path.name[:34]:34} {n:7d} {rule:20} {ours:8.2f} {theirs:12.2f}"
                f" {ratio:7.1f} {same}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
