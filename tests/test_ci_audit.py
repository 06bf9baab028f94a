# SPDX-License-Identifier: EUPL-1.2
"""The dependency audit in CI accepts no finding without a stated reason."""

from __future__ import annotations

import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def test_every_accepted_finding_names_its_package_and_reason() -> None:
    lines = (REPOSITORY / ".ci" / "audit-accepted.txt").read_text(encoding="utf-8")
    entries = [
        line
        for line in lines.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    for entry in entries:
        parts = entry.split(maxsplit=2)
        assert len(parts) == 3, f"needs an id, a package and a reason: {entry!r}"
        assert re.fullmatch(r"(GHSA|PYSEC|CVE|OSV)-[\w-]+", parts[0]), entry
        assert len(parts[2].split()) >= 3, f"say why it is accepted: {entry!r}"


def test_ci_audits_strictly_with_the_accepted_list() -> None:
    run = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip-audit --strict" in run
    assert ".ci/audit-accepted.txt" in run
