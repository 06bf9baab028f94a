# SPDX-License-Identifier: EUPL-1.2
"""Same smallest selection probability as sortition-algorithms' maximin (HiGHS)."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import pytest

from wijkaanpak.adapters.sortition_csv import read_features, read_people
from wijkaanpak.core.panels.leximin import leximin_panel_distribution
from wijkaanpak.core.panels.model import PanelInstance

pytestmark = [pytest.mark.parity, pytest.mark.shared_data]

sortition = pytest.importorskip("sortition_algorithms")
from sortition_algorithms.committee_generation.maximin import (  # noqa: E402
    find_distribution_maximin,
)
from sortition_algorithms.features import read_in_features  # noqa: E402
from sortition_algorithms.people import read_in_people  # noqa: E402
from sortition_algorithms.settings import Settings  # noqa: E402


def their_minimum(features: Path, people: Path, k: int, id_column: str) -> float:
    """Run sortition-algorithms' maximin on HiGHS; return the smallest probability."""
    with features.open(encoding="utf-8") as file:
        reader = csv.DictReader(file)
        rows, header = list(reader), list(reader.fieldnames or [])
    if "value" not in header and "name" not in header:
        # Replication layout: category is the feature, feature the value.
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
    collection, _, _ = read_in_features(header, rows, k)
    with people.open(encoding="utf-8") as file:
        reader = csv.DictReader(file)
        rows, header = list(reader), list(reader.fieldnames or [])
    if id_column not in header:
        rows = [{id_column: str(number), **row} for number, row in enumerate(rows)]
        header = [id_column, *header]
    pool, _ = read_in_people(header, rows, collection, Settings(id_column, []))
    logging.getLogger("sortition_algorithms").setLevel(logging.WARNING)
    panels, weights, _ = find_distribution_maximin(collection, pool, k, [], "highspy")
    chance = dict.fromkeys(pool, 0.0)
    for panel, weight in zip(panels, weights, strict=True):
        for member in panel:
            chance[member] += weight
    return min(chance.values())


CASES = [
    (
        "sortition-algorithms/features.csv",
        "sortition-algorithms/candidates.csv",
        22,
        "nationbuilder_id",
    ),
    (
        "citizensassemblies-replication/example_small_20/categories.csv",
        "citizensassemblies-replication/example_small_20/respondents.csv",
        20,
        "",
    ),
]


@pytest.mark.parametrize(("features", "people", "k", "id_column"), CASES)
def test_smallest_probability_equals_their_maximin(
    shared_data: Path, features: str, people: str, k: int, id_column: str
):
    folder = shared_data / "sortition"
    quotas = read_features(folder / features)
    pool = read_people(folder / people, quotas, id_column=id_column or "")
    ours = leximin_panel_distribution(PanelInstance(pool, quotas, k))
    theirs = their_minimum(folder / features, folder / people, k, id_column or "id")
    assert ours.minimum_probability() == pytest.approx(theirs, abs=1e-6)
    assert ours.levels[0] == pytest.approx(theirs, abs=1e-6)


def test_with_tight_generated_quotas(tmp_path: Path):
    # A pool where the maximin optimum is below k / n, so parity is not trivial.
    import random

    rng = random.Random(7)
    rows = ["id,gender,age,area"]
    for i in range(60):
        gender = "f" if rng.random() < 0.3 else "m"
        age = rng.choice(["young", "mid", "old"] if gender == "m" else ["young", "old"])
        rows.append(f"p{i},{gender},{age},{rng.choice('abc')}")
    people = tmp_path / "people.csv"
    people.write_text("\n".join(rows) + "\n", encoding="utf-8")
    features = tmp_path / "features.csv"
    features.write_text(
        "feature,value,min,max\ngender,f,5,6\ngender,m,4,5\nage,young,3,4\n"
        "age,mid,2,3\nage,old,3,4\narea,a,3,4\narea,b,3,4\narea,c,3,4\n",
        encoding="utf-8",
    )
    quotas = read_features(features)
    pool = read_people(people, quotas)
    ours = leximin_panel_distribution(PanelInstance(pool, quotas, 10))
    theirs = their_minimum(features, people, 10, "id")
    assert theirs < 10 / 60 - 1e-3
    assert ours.minimum_probability() == pytest.approx(theirs, abs=1e-6)
