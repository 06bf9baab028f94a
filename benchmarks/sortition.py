# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: our maximin/LEXIMIN against sortition-algorithms' maximin (HiGHS).

Runs both on the pools in ``../shared/data/sortition`` and on generated pools
(up to 2,000 volunteers and 8 features), and prints seconds, both smallest
selection probabilities, their difference, the ratio of times, and our LEXIMIN
levels. Figures, not tests: run it by hand.

    .venv/bin/python benchmarks/sortition.py            # everything
    .venv/bin/python benchmarks/sortition.py --quick    # the shared pools and 400/5/30
    .venv/bin/python benchmarks/sortition.py --no-theirs --sizes 2000x8x50
    .venv/bin/python benchmarks/sortition.py --sizes 2000x8x50 --time-limit 1800

Every run goes in a child process that is stopped after ``--time-limit``
seconds (default 1,800); the line then says so instead of giving a time.

sortition-algorithms is GPL-licensed; it is imported here (and in tests), never
by the package.
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
import multiprocessing
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from wijkaanpak.adapters.sortition_csv import (
    parse_features,
    parse_people,
)
from wijkaanpak.core.panels.leximin import leximin_panel_distribution
from wijkaanpak.core.panels.model import PanelInstance

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sortition"


def generated_pool(
    volunteers: int, features: int, panel_size: int, *, rng: random.Random
) -> tuple[str, str]:
    """Return (features CSV, people CSV) of a skewed pool with tight quotas."""
    names = [f"f{index}" for index in range(features)]
    values = {name: [f"v{v}" for v in range(rng.choice([2, 3, 4]))] for name in names}
    shares = {}
    for name in names:
        raw = [rng.uniform(0.3, 1.0) for _ in values[name]]
        shares[name] = [share / sum(raw) for share in raw]
    people = io.StringIO()
    writer = csv.writer(people, lineterminator="\n")
    writer.writerow(["id", *names])
    counts = {(name, value): 0 for name in names for value in values[name]}
    for index in range(volunteers):
        row = []
        for position, name in enumerate(names):
            # Volunteers self-select: later features correlate with the first.
            weights = list(shares[name])
            if position and row:
                weights[int(row[0][1:]) % len(weights)] *= 2.5
            value = rng.choices(values[name], weights)[0]
            counts[name, value] += 1
            row.append(value)
        writer.writerow([f"p{index}", *row])
    quota_rows = ["feature,value,min,max"]
    for name in names:
        # Quotas follow the population shares (not the pool's): that is what
        # makes some volunteers harder to seat.
        target = [share * panel_size for share in reversed(shares[name])]
        for value, goal in zip(values[name], target, strict=True):
            low = max(0, min(int(goal) - 1, counts[name, value]))
            high = max(low, int(goal) + 2)
            quota_rows.append(f"{name},{value},{low},{high}")
    return "\n".join(quota_rows) + "\n", people.getvalue()


def ours(
    instance: PanelInstance, max_levels: int | None
) -> tuple[float, float, tuple[float, ...], int]:
    start = time.perf_counter()
    distribution = leximin_panel_distribution(instance, max_levels=max_levels)
    seconds = time.perf_counter() - start
    return (
        seconds,
        distribution.minimum_probability(),
        distribution.levels,
        len(distribution.panels),
    )


def theirs(
    features_text: str, people_text: str, k: int, id_column: str
) -> tuple[float, float]:
    from sortition_algorithms.committee_generation.maximin import (
        find_distribution_maximin,
    )
    from sortition_algorithms.features import read_in_features
    from sortition_algorithms.people import read_in_people
    from sortition_algorithms.settings import Settings

    logging.getLogger("sortition_algorithms").setLevel(logging.WARNING)
    reader = csv.DictReader(io.StringIO(features_text))
    rows, header = list(reader), list(reader.fieldnames or [])
    if "value" not in header and "name" not in header:
        rows = [
            {
                "feature": r["category"],
                "value": r["feature"],
                "min": r["min"],
                "max": r["max"],
            }
            for r in rows
        ]
        header = ["feature", "value", "min", "max"]
    start = time.perf_counter()
    collection, _, _ = read_in_features(header, rows, k)
    reader = csv.DictReader(io.StringIO(people_text))
    rows, header = list(reader), list(reader.fieldnames or [])
    if id_column not in header:
        rows = [{id_column: str(n), **row} for n, row in enumerate(rows)]
        header = [id_column, *header]
    pool, _ = read_in_people(header, rows, collection, Settings(id_column, []))
    panels, weights, _ = find_distribution_maximin(collection, pool, k, [], "highspy")
    seconds = time.perf_counter() - start
    chance = dict.fromkeys(pool, 0.0)
    for panel, weight in zip(panels, weights, strict=True):
        for member in panel:
            chance[member] += weight
    return seconds, min(chance.values())


def _child(connection, function, arguments) -> None:  # type: ignore[no-untyped-def]
    connection.send(function(*arguments))
    connection.close()


def limited(function: Callable, arguments: tuple, seconds: float):  # type: ignore[type-arg]
    """Run ``function(*arguments)`` in a child process; None after ``seconds``."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=_child, args=(sender, function, arguments))
    child.start()
    if receiver.poll(seconds):
        result = receiver.recv()
        child.join()
        return result
    child.terminate()
    child.join()
    return None


def run(
    name: str,
    features_text: str,
    people_text: str,
    k: int,
    id_column: str,
    *,
    compare: bool,
    leximin: bool,
    time_limit: float,
) -> None:
    quotas = parse_features(features_text)
    pool = parse_people(
        people_text, quotas, id_column=id_column or None if id_column != "" else ""
    )
    instance = PanelInstance(pool, quotas, k)
    stopped = f"stopped after the time limit of {time_limit:.0f} s"
    head = f"{name:<34} n={len(pool):>5} k={k:>3}"
    mine = limited(ours, (instance, 1), time_limit)
    if mine is None:
        print(f"{head}  ours maximin {stopped}", flush=True)
    else:
        maximin_seconds, maximin_value, _, maximin_panels = mine
        print(
            f"{head}  ours maximin {maximin_seconds:7.2f} s  min {maximin_value:.8f}"
            f"  {maximin_panels} named panels",
            flush=True,
        )
    if compare:
        other = limited(
            theirs, (features_text, people_text, k, id_column or "id"), time_limit
        )
        if other is None:
            print(f"{'':<34} theirs maximin {stopped}", flush=True)
        elif mine is None:
            print(
                f"{'':<34} theirs maximin {other[0]:7.2f} s  min {other[1]:.8f}",
                flush=True,
            )
        else:
            their_seconds, their_value = other
            print(
                f"{'':<34} theirs maximin {their_seconds:7.2f} s  min {their_value:.8f}"
                f"  diff {abs(maximin_value - their_value):.1e}"
                f"  ratio {their_seconds / maximin_seconds:5.1f}x",
                flush=True,
            )
    if leximin:
        result = limited(ours, (instance, None), time_limit)
        if result is None:
            print(f"{'':<34} ours leximin {stopped}", flush=True)
            return
        seconds, value, levels, panels = result
        shown = ", ".join(f"{level:.4f}" for level in levels[:8])
        more = (
            f" ... ({len(levels)} levels)"
            if len(levels) > 8
            else f" ({len(levels)} levels)"
        )
        print(
            f"{'':<34} ours leximin {seconds:7.2f} s  min {value:.8f}"
            f"  {panels} named panels  levels {shown}{more}",
            flush=True,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-theirs", action="store_true")
    parser.add_argument("--no-leximin", action="store_true")
    parser.add_argument(
        "--sizes", nargs="*", help="volunteers x features x panel, e.g. 400x5x30"
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=1800.0,
        help="seconds after which one run is stopped",
    )
    arguments = parser.parse_args(argv)
    compare, leximin = not arguments.no_theirs, not arguments.no_leximin
    shared = [
        (
            "sortition-algorithms fixture",
            "sortition-algorithms/features.csv",
            "sortition-algorithms/candidates.csv",
            22,
            "nationbuilder_id",
        ),
        (
            "replication example_small_20",
            "citizensassemblies-replication/example_small_20/categories.csv",
            "citizensassemblies-replication/example_small_20/respondents.csv",
            20,
            "",
        ),
    ]
    if not arguments.quick:
        shared.append(
            (
                "replication example_large_200",
                "citizensassemblies-replication/example_large_200/categories.csv",
                "citizensassemblies-replication/example_large_200/respondents.csv",
                200,
                "",
            )
        )
    if arguments.sizes is None and SHARED.is_dir():
        for name, features, people, k, id_column in shared:
            run(
                name,
                (SHARED / features).read_text(encoding="utf-8"),
                (SHARED / people).read_text(encoding="utf-8"),
                k,
                id_column,
                compare=compare,
                leximin=leximin,
                time_limit=arguments.time_limit,
            )
    sizes = arguments.sizes or (
        ["400x5x30"]
        if arguments.quick
        else ["200x4x20", "400x5x30", "1000x6x40", "2000x8x50"]
    )
    for size in sizes:
        volunteers, features, k = (int(part) for part in size.split("x"))
        features_text, people_text = generated_pool(
            volunteers, features, k, rng=random.Random(volunteers * 31 + features)
        )
        run(
            f"generated {size}",
            features_text,
            people_text,
            k,
            "id",
            compare=compare,
            leximin=leximin,
            time_limit=arguments.time_limit,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
