# SPDX-License-Identifier: EUPL-1.2
"""``wijk bewaartermijn`` erases expired contact data and says how many."""

import pytest

from wijkaanpak.cli import main

pytestmark = pytest.mark.django_db


def test_the_command_reports_what_it_erased(capsys):
    assert main(["bewaartermijn"]) == 0

    assert "Contact data erased from 0 report(s)" in capsys.readouterr().out


def test_the_command_also_erases_old_case_texts(capsys):
    assert main(["bewaartermijn"]) == 0

    assert "Texts erased from 0 blockage case(s)" in capsys.readouterr().out


def test_the_command_also_erases_volunteers_of_old_panels(capsys):
    assert main(["bewaartermijn"]) == 0

    assert "Volunteers' data erased from 0 panel process(es)" in capsys.readouterr().out


def test_the_command_also_erases_applicants_of_residents_budgets(capsys):
    assert main(["bewaartermijn"]) == 0

    assert (
        "Contact data erased from 0 residents' budget application(s)"
        in capsys.readouterr().out
    )
