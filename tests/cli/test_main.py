# SPDX-License-Identifier: EUPL-1.2
"""The ``wijk`` command itself: its sub-commands and its exit codes."""

import subprocess
import sys

import pytest

from wijkaanpak import __version__
from wijkaanpak.cli import COMMAND_MODULES, main


def test_every_command_is_listed_in_the_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])

    assert exit_.value.code == 0
    listed = capsys.readouterr().out
    for command in (
        "demo",
        "serve",
        "analyse",
        "loting",
        "stemming",
        "bewaartermijn",
        "openapi",
    ):
        assert command in listed
    assert len(COMMAND_MODULES) == 7


def test_without_a_command_it_shows_the_help_and_fails(capsys):
    assert main([]) == 2
    assert "usage: wijk" in capsys.readouterr().out


def test_python_dash_m_is_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "wijkaanpak", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == f"wijk {__version__}"
