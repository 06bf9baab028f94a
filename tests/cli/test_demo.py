# SPDX-License-Identifier: EUPL-1.2
"""``wijk demo``: the demo city lands in the database with a login per role."""

from django.test import Client

import pytest

from wijkaanpak.apps.accounts.demo import DEMO_PASSWORD
from wijkaanpak.apps.accounts.models import Membership, Role
from wijkaanpak.apps.areas.models import Figure, FocusArea, Neighbourhood
from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_output(capsys):
    assert main(["demo", "--no-serve", "--quiet"]) == 0
    return capsys.readouterr().out


def test_the_demo_city_is_loaded_with_its_focus_area(demo_output):
    area = FocusArea.objects.get()
    neighbourhoods = Neighbourhood.objects.filter(municipality=area.municipality)

    assert "fictie" in area.municipality.name
    assert 50 <= neighbourhoods.count() <= 70
    assert all(
        n.geometry["type"] in {"Polygon", "MultiPolygon"} for n in neighbourhoods
    )
    assert set(area.neighbourhoods.values_list("municipality", flat=True)) == {
        area.municipality.pk
    }
    assert (
        Figure.objects.filter(variable="a_inw").values("year").distinct().count() >= 6
    )
    assert AuditEvent.objects.filter(
        action="created", object_type="areas.focusarea"
    ).exists()


def test_the_demo_prints_a_login_for_every_role_and_each_works(demo_output):
    area = FocusArea.objects.get()
    for role in Role:
        printed = [
            membership.user.username
            for membership in Membership.objects.filter(role=role)
            if f" {membership.user.username}\n" in demo_output
        ]
        assert len(printed) == 1, role
        username = printed[0]
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD), role
    assert DEMO_PASSWORD in demo_output
    assert Membership.objects.filter(focus_area=area, role=Role.ALLIANCE).count() <= 10
    assert Membership.objects.filter(focus_area=area, is_chair=True).count() == 1


def test_running_the_demo_twice_keeps_one_city(demo_output, capsys):
    assert main(["demo", "--no-serve", "--quiet"]) == 0

    assert "already present" in capsys.readouterr().out
    assert FocusArea.objects.count() == 1
