# SPDX-License-Identifier: EUPL-1.2
"""Rate limits on public intake: web form, Open311 and the evening tablet."""

from __future__ import annotations

import json

from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

import pytest
from tests.apps.reports.conftest import spot
from tests.factories import PASSWORD

from wijkaanpak.apps.reports import services
from wijkaanpak.apps.reports.limits import Rate, parse_rate
from wijkaanpak.apps.reports.models import Report

pytestmark = pytest.mark.django_db

KEY = "limits-test-key-123"


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("10/minute", Rate(10, 60)),
        ("1/second", Rate(1, 1)),
        (" 500 / hour ", Rate(500, 3600)),
        ("off", None),
        ("", None),
    ],
)
def test_a_rate_reads_as_count_per_period(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["10", "ten/minute", "0/minute", "10/day"])
def test_a_wrong_rate_is_refused_with_its_form(text):
    with pytest.raises(ImproperlyConfigured, match="10/minute"):
        parse_rate(text)


def web_form(area, categories, offset=0.0, **extra):
    # Spots 100 m apart, so that no report is suggested as a duplicate.
    lat, lon = spot(area, offset)
    return {
        "category": categories["graffiti"].pk,
        "description": "Tekening op de muur.",
        "latitude": lat,
        "longitude": lon,
        **extra,
    }


def form_url(area) -> str:
    return reverse("reports:report_form", kwargs={"slug": area.slug})


def test_the_web_form_refuses_a_client_over_its_limit_in_dutch(
    area, categories, settings
):
    settings.WIJKAANPAK_INTAKE_RATE_WEB = "2/minute"
    client = Client()
    for number in range(2):
        response = client.post(
            form_url(area), web_form(area, categories, offset=0.001 * number)
        )
        assert response.status_code == 302, number

    response = client.post(
        form_url(area),
        web_form(area, categories, offset=0.002, description="Nog een tekening."),
    )

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    page = response.content.decode()
    assert "Je hebt veel meldingen kort na elkaar gestuurd" in page
    # What the resident typed is still there to send later.
    assert "Nog een tekening." in page
    assert Report.objects.count() == 2


def test_the_limit_counts_per_client_address(area, categories, settings):
    settings.WIJKAANPAK_INTAKE_RATE_WEB = "1/minute"
    first = Client(REMOTE_ADDR="192.0.2.1")
    second = Client(REMOTE_ADDR="192.0.2.2")

    assert first.post(form_url(area), web_form(area, categories)).status_code == 302
    assert (
        first.post(form_url(area), web_form(area, categories, 0.001)).status_code == 429
    )
    assert (
        second.post(form_url(area), web_form(area, categories, 0.002)).status_code
        == 302
    )


def test_a_resent_web_form_is_answered_even_over_the_limit(area, categories, settings):
    settings.WIJKAANPAK_INTAKE_RATE_WEB = "1/minute"
    client = Client()
    fields = web_form(area, categories, submission_key="form-7")

    first = client.post(form_url(area), fields)
    again = client.post(form_url(area), fields)

    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert Report.objects.count() == 1


@pytest.fixture
def open311_form(area, categories):
    services.issue_api_key(area, "Test app", key=KEY, acting_user=None)
    lat, lon = spot(area)
    return {
        "api_key": KEY,
        "service_code": "bestrating",
        "lat": str(lat),
        "long": str(lon),
        "description": "Stoeptegel ligt los.",
    }


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_open311_answers_429_in_the_specifications_error_shape(
    open311_form, settings, fmt
):
    settings.WIJKAANPAK_INTAKE_RATE_OPEN311 = "1/hour"
    client = Client(headers={"accept-language": "en"})
    url = f"/open311/v2/requests.{fmt}"

    assert client.post(url, open311_form).status_code == 201
    response = client.post(url, open311_form)

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    body = response.content.decode()
    assert "429" in body
    assert "You sent many reports in a short time. Try again in" in body
    assert Report.objects.count() == 1


def test_open311_answers_a_resent_submission_over_the_limit(open311_form, settings):
    settings.WIJKAANPAK_INTAKE_RATE_OPEN311 = "1/hour"
    client = Client(headers={"idempotency-key": "app-1"})

    first = client.post("/open311/v2/requests.json", open311_form)
    again = client.post("/open311/v2/requests.json", open311_form)
    other = Client(headers={"idempotency-key": "app-2"}).post(
        "/open311/v2/requests.json", open311_form
    )

    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert other.status_code == 429


def test_off_means_no_limit(open311_form, settings):
    settings.WIJKAANPAK_INTAKE_RATE_OPEN311 = "off"
    client = Client()

    answers = {
        client.post("/open311/v2/requests.json", open311_form).status_code
        for _ in range(5)
    }

    assert answers == {201}


class TestTablet:
    @pytest.fixture
    def evening(self, area):
        return services.hold_irritation_evening(
            area, title="Ergernissenavond", held_on="2026-03-10", acting_user=None
        )

    @staticmethod
    def send(client, area, evening, *keys):
        items = [
            {
                "key": key,
                "category": "graffiti",
                "description": f"Ergernis {key}",
                "address": "Buurthuis",
            }
            for key in keys
        ]
        return client.post(
            reverse("reports:sync", kwargs={"slug": area.slug, "pk": evening.pk}),
            data=json.dumps({"items": items}),
            content_type="application/json",
        )

    def test_a_tablet_over_its_limit_keeps_its_queue_and_resends_without_duplicates(
        self, area, categories, evening, settings
    ):
        settings.WIJKAANPAK_INTAKE_RATE_TABLET = "1/hour"
        client = Client()
        assert client.login(username="professional", password=PASSWORD)

        first = self.send(client, area, evening, "a", "b")
        refused = self.send(client, area, evening, "a", "b", "c")
        resent = self.send(client, area, evening, "a", "b")

        assert first.status_code == 200
        assert refused.status_code == 429
        assert refused.json()["retry_after"] >= 1
        assert "Probeer het over" in refused.json()["error"]
        # The same queue again is answered: the tablet can empty it.
        assert resent.status_code == 200
        assert [r["outcome"] for r in resent.json()["results"]] == [
            "duplicate",
            "duplicate",
        ]
        assert sorted(evening.reports.values_list("submission_key", flat=True)) == [
            "a",
            "b",
        ]

    def test_the_tablet_sends_the_rest_once_the_window_has_passed(
        self, area, categories, evening, settings, time_machine
    ):
        settings.WIJKAANPAK_INTAKE_RATE_TABLET = "1/minute"
        client = Client()
        assert client.login(username="professional", password=PASSWORD)
        time_machine.move_to("2026-03-10 19:00:00+01:00", tick=False)
        self.send(client, area, evening, "a")
        assert self.send(client, area, evening, "a", "b").status_code == 429

        time_machine.move_to("2026-03-10 19:01:01+01:00", tick=False)
        later = self.send(client, area, evening, "a", "b")

        assert later.status_code == 200
        assert [r["outcome"] for r in later.json()["results"]] == [
            "duplicate",
            "accepted",
        ]
        assert evening.reports.count() == 2
