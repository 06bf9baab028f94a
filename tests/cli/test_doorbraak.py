# SPDX-License-Identifier: EUPL-1.2
"""``wijk doorbraak escaleer`` climbs overdue cases and says how many."""

import pytest
from tests.apps.breakthroughs.conftest import case_input

from wijkaanpak.apps.breakthroughs import services
from wijkaanpak.apps.breakthroughs.models import BlockageCase
from wijkaanpak.cli import main

pytestmark = pytest.mark.django_db


def test_the_command_escalates_overdue_cases_once(area, capsys):
    import datetime

    case = services.open_case(
        area, case_input(), opened_on=datetime.date(2026, 1, 5), acting_user=None
    )

    assert main(["doorbraak", "escaleer", "--datum", "2026-02-01"]) == 0
    assert main(["doorbraak", "escaleer", "--datum", "2026-02-01"]) == 0

    output = capsys.readouterr().out.splitlines()
    assert output == [
        "1 case(s) climbed one level; 0 case(s) flagged past the top deadline.",
        "0 case(s) climbed one level; 0 case(s) flagged past the top deadline.",
    ]
    assert BlockageCase.objects.get(pk=case.pk).level == "programme_bureau"


def test_a_wrong_date_is_named(capsys):
    with pytest.raises(SystemExit):
        main(["doorbraak", "escaleer", "--datum", "1-2-2026"])

    assert "write it as YYYY-MM-DD" in capsys.readouterr().err
