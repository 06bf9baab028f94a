# SPDX-License-Identifier: EUPL-1.2
"""The ``wijk`` command itself: its sub-commands and its exit codes."""

import argparse
import subprocess
import sys

import pytest

from wijkaanpak import __version__
from wijkaanpak.cli import COMMAND_MODULES, build_parser, main


def test_every_command_is_listed_in_the_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])

    assert exit_.value.code == 0
    listed = capsys.readouterr().out
    for command in COMMAND_MODULES:
        assert command in listed
    assert {"demo", "serve", "analyse", "importeer", "loting", "stemming"} <= set(
        COMMAND_MODULES
    )


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


def test_every_command_module_registers_the_command_of_its_name():
    # main() imports only the module named by the first argument.
    for name in COMMAND_MODULES:
        parser = build_parser(name)
        (subparsers,) = (
            action
            for action in parser._actions
            if isinstance(action, argparse._SubParsersAction)
        )
        assert list(subparsers.choices) == [name]


def test_a_command_parses_and_helps_the_same_with_only_its_module():
    full, only = build_parser(), build_parser("stemming")
    arguments = ["stemming", "uitslag", "x.pb", "--rule", "mes", "--completion", "add1"]
    assert (
        vars(full.parse_args(arguments)).keys()
        == vars(only.parse_args(arguments)).keys()
    )
    assert full.parse_args(arguments).completion == "add1"
    assert full.format_usage() == only.format_usage()


def test_counting_a_vote_imports_no_django_and_no_numpy(tmp_path):
    path = tmp_path / "vote.pb"
    path.write_text(
        "META\nkey;value\nbudget;10\nvote_type;approval\n"
        "PROJECTS\nproject_id;cost\na;6\nb;5\n"
        "VOTES\nvoter_id;vote\n1;a\n2;a,b\n3;b\n"
    )
    code = (
        "import sys\n"
        "from wijkaanpak.cli import main\n"
        f"main(['stemming', 'uitslag', {str(path)!r}, '--rule', 'mes',"
        " '--completion', 'add1'])\n"
        "heavy = {'django', 'numpy', 'scipy', 'reportlab', 'tqdm', 'rest_framework'}\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    *_, loaded = result.stdout.strip().splitlines()
    assert loaded == "[]"
    assert '"winners": ["a"]' in result.stdout or '"winners": ["b"]' in result.stdout
