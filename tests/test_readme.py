# SPDX-License-Identifier: EUPL-1.2
"""The README's promises that a script can check."""

import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def commands_in_readme() -> list[str]:
    text = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands on a fresh machine", 1)[1].split("\n## ", 1)[
        0
    ]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_readme_gives_exactly_two_set_up_commands():
    demo, tests = commands_in_readme()

    assert demo.endswith("wijk demo")
    assert tests.endswith("pytest")


def test_ci_runs_the_readme_test_command_itself():
    _, tests = commands_in_readme()

    ci = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8")
    assert f"\n{tests}\n" in ci
