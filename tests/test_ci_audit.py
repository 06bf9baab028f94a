# SPDX-License-Identifier: EUPL-1.2
"""The dependency audit in CI accepts no finding without a stated reason."""

from __future__ import annotations

import json
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


def test_ci_runs_the_audit_with_the_accepted_list_and_summarises_it() -> None:
    run = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/pip-audit --local" in run
    assert '"${ignores[@]}"' in run
    assert ".ci/audit-accepted.txt" in run
    assert ".ci/audit_summary.py" in run


def _summary(tmp_path, monkeypatch, dependencies, audit=None):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "audit_summary", REPOSITORY / ".ci" / "audit_summary.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    report = tmp_path / "audit.json"
    report.write_text(json.dumps({"dependencies": dependencies}), encoding="utf-8")
    if audit is None:
        monkeypatch.delenv("WIJKAANPAK_AUDIT", raising=False)
    else:
        monkeypatch.setenv("WIJKAANPAK_AUDIT", audit)
    return module.main(str(report))


CLEAN = {"name": "django", "version": "5.2", "vulns": []}
UNANSWERED = {"name": "tqdm", "skip_reason": "Dependency not found on PyPI"}


def test_the_summary_fails_on_a_vulnerability(tmp_path, monkeypatch, capsys):
    bad = {"name": "pillow", "version": "1.0", "vulns": [{"id": "PYSEC-1"}]}

    assert _summary(tmp_path, monkeypatch, [CLEAN, bad]) == 1
    assert "pillow" in capsys.readouterr().err


def test_the_summary_names_what_it_could_not_audit(tmp_path, monkeypatch, capsys):
    assert _summary(tmp_path, monkeypatch, [CLEAN, UNANSWERED]) == 0
    output = capsys.readouterr()
    assert "audited 1 of 2" in output.out
    assert "PARTLY AUDITED" in output.err
    assert "tqdm" in output.err

    assert _summary(tmp_path, monkeypatch, [UNANSWERED]) == 0
    assert "NOT AUDITED" in capsys.readouterr().err
    assert _summary(tmp_path, monkeypatch, [CLEAN, UNANSWERED], audit="strict") == 1
