# SPDX-License-Identifier: EUPL-1.2
"""No personal data reaches the national or the public outputs."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest
from tests.apps.monitor.conftest import SECRET_EMAIL, SECRET_NAME, SECRET_TEXT

pytestmark = pytest.mark.django_db

PUBLIC = [
    ("monitor:open_data", None),
    ("monitor:open_data_csv", None),
    ("monitor:open_data_geojson", None),
    ("monitor:open_data_json", None),
    ("monitor:progress", "slug"),
]
NATIONAL = [("monitor:national", None), ("monitor:national_csv", None)]


def _people_strings(area) -> list[str]:
    found = [SECRET_NAME, SECRET_EMAIL, SECRET_TEXT, "Geheimstraat"]
    for user in area.people.values():
        found += [user.username + "@", user.email, user.get_full_name()]
    return [text for text in found if text and len(text) > 3]


def _get(client: Client, name: str, kind: str | None, area) -> str:
    url = reverse(name, kwargs={"slug": area.slug}) if kind else reverse(name)
    answer = client.get(url)
    assert answer.status_code == 200
    return answer.content.decode()


@pytest.mark.parametrize(("name", "kind"), PUBLIC)
def test_public_outputs_hold_no_personal_data(monitored, name, kind):
    content = _get(Client(), name, kind, monitored)
    for text in _people_strings(monitored):
        assert text not in content, (name, text)


@pytest.mark.parametrize(("name", "kind"), NATIONAL)
def test_national_outputs_hold_no_personal_data(monitored, name, kind):
    client = Client()
    client.force_login(monitored.people["national"])
    content = _get(client, name, kind, monitored)
    for text in _people_strings(monitored):
        if text in {monitored.people["national"].get_full_name()}:
            continue  # the viewer's own name in the page header
        assert text not in content, (name, text)


def test_the_open_json_has_no_coordinates_of_reports(monitored):
    data = Client().get(reverse("monitor:open_data_json")).json()
    text = str(data)
    assert "latitude" not in text
    assert "contact" not in text
    area = next(a for a in data["focus_areas"] if a["slug"] == monitored.slug)
    assert area["measures"][0]["budget_cents"][0]["amount"] == 1_000_00
