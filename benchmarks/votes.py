# SPDX-License-Identifier: EUPL-1.2
"""Time our vote rules against pabutools on the same pabulib files.

Each measurement is a whole process: interpreter start, imports, reading the
file and counting, in a fresh interpreter, so caches and imports count as
they do for a user (both sides run the same way: same interpreter, same
environment, same working directory). Prints seconds for both and the ratio
(pabutools / ours), and whether the winners agree. pabutools is a benchmark
dependency only (GPL); it is never imported by the package.

On a shared machine wall time depends on the load: ``--repeat N`` keeps the
fastest of N runs of each side, and the last columns give the processor time
(user + system) of the same runs and its ratio, which the load disturbs less.

pabutools' add1 reruns equal shares once per unit of budget increase. When
that would take longer than ``--pabutools-budget`` seconds (Warsaw: hours),
the script does not run it but prints an estimate instead, marked ``~``:
the time of one pabutools run of equal shares on the file times the number
of runs its add1 makes (the increments up to the first outcome that no
longer fits, which ours reports).

    python benchmarks/votes.py --quick
    python benchmarks/votes.py --rules mes-add1 \\
        ../shared/data/pabulib/large/poland_warszawa_2024_.pb
"""

from __future__ import annotations

import argparse
import json
import resource
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
FULL = [
    *QUICK,
    "netherlands/Netherlands_Amsterdam_289.pb",
    "other/France_Toulouse_2024.pb",
    "large/poland_warszawa_2024_.pb",
]
RULES = ("greedy", "mes", "mes-add1", "mes-add1-exhaustive", "phragmen")

OURS = """
import json, sys
from fractions import Fraction
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
runs = 1
if outcome.budget_per_voter is not None and rule.startswith("mes-"):
    # pabutools runs every increment up to the kept one, and one more.
    increments = outcome.budget_per_voter - Fraction(election.budget, len(election.ballots))
    runs = int(increments) + 2
print(json.dumps({"winners": sorted(outcome.funded), "runs": runs}))
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
print(json.dumps({"winners": sorted(p.name for p in outcome), "runs": 0}))
"""


def _once(
    code: str, path: Path, rule: str, timeout: float
) -> tuple[float, float, dict | None]:
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
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
        return float("inf"), float("inf"), None
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    processor = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode:
        sys.stderr.write(done.stderr[-2000:])
        return seconds, processor, None
    return seconds, processor, json.loads(done.stdout.strip().splitlines()[-1])


def timed(
    code: str, path: Path, rule: str, timeout: float, repeat: int = 1
) -> tuple[float, float, dict | None]:
    """Return the fastest wall and processor seconds of ``repeat`` runs."""
    best_wall, best_processor, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        wall, processor, result = _once(code, path, rule, timeout)
        best_wall, best_processor = min(best_wall, wall), min(best_processor, processor)
        if result is None or wall > 60:
            break
    return best_wall, best_processor, result


def voters(path: Path) -> int:
    with path.open(encoding="utf-8-sig") as lines:
        for line in lines:
            if line.startswith("num_votes;"):
                return int(line.split(";")[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--quick", action="store_true", help="four small files")
    parser.add_argument("--rules", nargs="+", choices=RULES, default=list(RULES))
    parser.add_argument(
        "--pabutools-budget",
        type=float,
        default=900.0,
        metavar="SECONDS",
        help="estimate pabutools' add1 instead of running it when it would take longer",
    )
    parser.add_argument("--timeout", type=float, default=3600.0)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="keep the fastest of N runs of each side (runs over a minute once)",
    )
    arguments = parser.parse_args()
    files = arguments.files or [
        DATA / name for name in (QUICK if arguments.quick else FULL)
    ]
    print(
        f"{'file':30} {'voters':>7} {'rule':20} {'ours s':>8} {'pabutools s':>12}"
        f" {'ratio':>8} same {'ours cpu':>9} {'theirs cpu':>11} {'cpu ratio':>9}"
    )
    one_run: dict[Path, tuple[float, float]] = {}
    repeat = arguments.repeat
    for path in files:
        n = voters(path)
        for rule in arguments.rules:
            ours, ours_cpu, mine = timed(OURS, path, rule, arguments.timeout, repeat)
            estimate = False
            if rule.startswith("mes-") and mine is not None:
                if path not in one_run:
                    wall, cpu, _ = timed(THEIRS, path, "mes", arguments.timeout, repeat)
                    one_run[path] = (wall, cpu)
                guess = one_run[path][0] * mine["runs"]
                estimate = guess > arguments.pabutools_budget
            if estimate:
                theirs, their = guess, None
                theirs_cpu = one_run[path][1] * mine["runs"]
            else:
                theirs, theirs_cpu, their = timed(
                    THEIRS, path, rule, arguments.timeout, repeat
                )
                if rule == "mes":
                    one_run[path] = (theirs, theirs_cpu)
            ratio = theirs / ours if ours else float("nan")
            cpu_ratio = theirs_cpu / ours_cpu if ours_cpu else float("nan")
            same = (
                "-"
                if their is None or mine is None
                else str(mine["winners"] == their["winners"])
            )
            mark = "~" if estimate else " "
            print(
                f"{path.name[:30]:30} {n:7d} {rule:20} {ours:8.2f} {mark}{theirs:11.2f}"
                f" {mark}{ratio:7.1f} {same:5} {ours_cpu:8.3f} {mark}{theirs_cpu:10.2f}"
                f" {mark}{cpu_ratio:8.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
