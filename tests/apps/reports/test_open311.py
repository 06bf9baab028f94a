# SPDX-License-Identifier: EUPL-1.2
"""Open311 GeoReport v2 from outside: plain HTTP from the specification, and georeport.

The submissions are written from the GeoReport v2 text (a form-encoded POST
with ``api_key``) and sent over a real socket to a live server; the reads go
through ``georeport``, an independent client from PyPI.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from xml.etree import ElementTree

from django.test import Client

import pytest
from georeport import GeoReport
from tests.apps.reports.conftest import spot

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.reports import services
from wijkaanpak.apps.reports.models import Report, Status

KEY = "open311-test-key-123"
PERSON = {
    "email": "open311.bewoner@example.org",
    "first_name": "Fatima",
    "last_name": "Geheimhouder",
    "phone": "0687654321",
    "device_id": "device-xyz-789",
    "account_id": "account-555",
}


@pytest.fixture
def endpoint(area, categories):
    """An Open311 key for the area."""
    services.issue_api_key(area, "Test app", key=KEY, acting_user=None)
    return "/open311/v2"


def form(area, **extra) -> dict[str, str]:
    lat, lon = spot(area)
    return {
        "api_key": KEY,
        "jurisdiction_id": area.slug,
        "service_code": "bestrating",
        "lat": str(lat),
        "long": str(lon),
        "address_string": "Kerkplein 3",
        "description": "Stoeptegel ligt los.",
        **extra,
    }


def post(url: str, fields: dict[str, str]) -> tuple[int, bytes]:
    """A form-encoded POST over a real socket, as any Open311 app sends it."""
    body = urllib.parse.urlencode(fields).encode("ascii")
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.django_db
class TestFromOutside:
    def test_submission_over_http_and_reads_with_georeport_in_json(
        self, live_server, area, endpoint
    ):
        status, body = post(
            f"{live_server.url}{endpoint}/requests.json", form(area, **PERSON)
        )
        client = GeoReport(f"{live_server.url}{endpoint}", jurisdiction=area.slug)

        assert status == 201
        answer = json.loads(body)
        request_id = answer[0]["service_request_id"]
        assert answer[0]["token"]
        codes = {service["service_code"] for service in client.get_service_list()}
        assert codes == {"bestrating", "graffiti"}
        definition = client.get_service_definition("bestrating")
        assert definition["service_code"] == "bestrating"
        listed = client.get_service_requests()
        one = client.get_service_request(request_id)
        assert [r["service_request_id"] for r in listed] == [request_id]
        assert one["status"] == "open"
        assert one["service_code"] == "bestrating"
        assert one["address"] == "Kerkplein 3"

    def test_submission_and_reads_in_xml(self, live_server, area, endpoint):
        status, body = post(f"{live_server.url}{endpoint}/requests.xml", form(area))
        client = GeoReport(
            f"{live_server.url}{endpoint}", jurisdiction=area.slug, output_format="xml"
        )

        assert status == 201
        request_id = ElementTree.fromstring(  # noqa: S314 - our own output
            body
        ).findtext("request/service_request_id")
        assert request_id
        services_xml = client.get_service_list()
        assert {s["service_code"] for s in services_xml} == {"bestrating", "graffiti"}
        one = client.get_service_request(request_id)
        assert one["service_request_id"] == request_id
        assert one["status"] == "open"
        assert client.get_service_definition("graffiti")["service_code"] == "graffiti"

    def test_a_wrong_key_is_refused_in_the_specifications_error_shape(
        self, live_server, area, endpoint
    ):
        status, body = post(
            f"{live_server.url}{endpoint}/requests.xml", form(area, api_key="fout")
        )

        assert status == 403
        error = ElementTree.fromstring(body)  # noqa: S314 - our own output
        assert error.tag == "errors"
        assert error.findtext("error/code") == "403"
        assert Report.objects.count() == 0


@pytest.mark.django_db
class TestTheEndpoints:
    def test_the_token_leads_to_the_request(self, area, endpoint):
        answer = Client().post(f"{endpoint}/requests.json", form(area)).json()[0]

        looked_up = Client().get(f"{endpoint}/tokens/{answer['token']}.json").json()

        assert looked_up == [
            {
                "service_request_id": answer["service_request_id"],
                "token": answer["token"],
            }
        ]

    @pytest.mark.parametrize(
        ("change", "status", "words"),
        [
            ({"service_code": ""}, 400, "service_code"),
            ({"service_code": "onbekend"}, 404, "service_code"),
            ({"lat": "", "long": "", "address_string": ""}, 400, "location"),
            ({"lat": "noord"}, 400, "lat"),
            ({"lat": "10", "long": "10"}, 400, "outside"),
            ({"email": "geen-adres"}, 400, "email"),
            ({"description": ""}, 400, "Describe"),
        ],
    )
    def test_bad_submissions_are_refused_with_a_reason(
        self, area, endpoint, change, status, words
    ):
        with_english = Client(headers={"accept-language": "en"})
        response = with_english.post(f"{endpoint}/requests.json", form(area, **change))

        assert response.status_code == status
        assert words in response.json()[0]["description"]
        assert not Report.objects.exists()

    def test_a_resent_submission_with_an_idempotency_key_is_saved_once(
        self, area, endpoint
    ):
        client = Client(headers={"idempotency-key": "app-42"})

        first = client.post(f"{endpoint}/requests.json", form(area)).json()
        again = client.post(f"{endpoint}/requests.json", form(area)).json()

        assert first[0]["service_request_id"] == again[0]["service_request_id"]
        assert Report.objects.count() == 1

    def test_a_submission_is_taken_in_with_few_database_round_trips(
        self, area, endpoint, django_assert_max_num_queries
    ):
        # Intake is the busiest path (benchmarks/intake.py): key, category,
        # and one transaction writing the problem, the report, its first
        # step, the reporter's feedback and the audit trail.
        client = Client()
        fields = form(area)
        client.post(f"{endpoint}/requests.json", fields)

        with django_assert_max_num_queries(9):
            response = client.post(f"{endpoint}/requests.json", fields)

        assert response.status_code == 201
        report = Report.objects.get(pk=response.json()[0]["service_request_id"])
        assert report.problem.neighbourhood == area.neighbourhoods.order_by("code")[0]
        assert list(report.notifications.values_list("status", flat=True)) == [
            "received"
        ]
        events = AuditEvent.objects.filter(
            object_type__in=["reports.report", "reports.problem"]
        ).order_by("pk")
        assert [(e.action, e.object_id) for e in events][-2:] == [
            ("status_changed", str(report.problem_id)),
            ("report_received", str(report.pk)),
        ]

    def test_a_verified_fix_shows_as_closed_and_the_filter_follows(
        self, area, endpoint
    ):
        client = Client()
        request_id = client.post(f"{endpoint}/requests.json", form(area)).json()[0][
            "service_request_id"
        ]
        problem = Report.objects.get(pk=request_id).problem
        services.change_status(
            problem, Status.ASSIGNED, acting_user=area.people["bureau"]
        )
        services.change_status(
            problem, Status.FIX_CLAIMED, acting_user=area.people["bureau"]
        )
        where = {"jurisdiction_id": area.slug}
        claimed = client.get(f"{endpoint}/requests/{request_id}.json", where).json()[0]
        services.change_status(
            problem,
            Status.FIX_VERIFIED,
            verification_method="inspection",
            acting_user=area.people["professional"],
        )

        verified = client.get(f"{endpoint}/requests/{request_id}.json", where).json()[0]
        closed = client.get(
            f"{endpoint}/requests.json", {**where, "status": "closed"}
        ).json()
        still_open = client.get(
            f"{endpoint}/requests.json", {**where, "status": "open"}
        ).json()

        assert claimed["status"] == "open"
        assert verified["status"] == "closed"
        assert [r["service_request_id"] for r in closed] == [request_id]
        assert still_open == []

    def test_discovery_names_both_formats(self, area, endpoint):
        document = Client().get(f"{endpoint}/discovery.json").json()

        assert document["endpoints"][0]["url"].endswith("/open311/v2")
        assert "application/json" in document["endpoints"][0]["formats"]

    def test_a_closed_area_is_not_a_jurisdiction(self, area, endpoint):
        from wijkaanpak.apps.areas.models import FocusArea

        FocusArea.objects.filter(pk=area.pk).update(is_public=False)

        response = Client().get(
            f"{endpoint}/services.json", {"jurisdiction_id": area.slug}
        )

        assert response.status_code == 404


@pytest.mark.django_db
def test_no_open311_answer_carries_contact_data(area, endpoint):
    client = Client()
    answer = client.post(f"{endpoint}/requests.json", form(area, **PERSON)).json()[0]
    xml_answer = client.post(
        f"{endpoint}/requests.xml", form(area, **PERSON, description="Tweede.")
    ).content.decode()
    request_id, token = answer["service_request_id"], answer["token"]
    report = Report.objects.get(pk=request_id)
    assert report.contact_email == PERSON["email"]

    outputs = [json.dumps(answer), xml_answer]
    for fmt in ("json", "xml"):
        for path in (
            f"requests.{fmt}",
            f"requests/{request_id}.{fmt}",
            f"tokens/{token}.{fmt}",
            f"services.{fmt}",
            f"services/bestrating.{fmt}",
            f"discovery.{fmt}",
        ):
            response = client.get(f"{endpoint}/{path}", {"jurisdiction_id": area.slug})
            assert response.status_code == 200, path
            outputs.append(response.content.decode())
    for output in outputs:
        for value in PERSON.values():
            assert value not in output
        for field in ("email", "first_name", "last_name", "phone", "device_id"):
            assert f'"{field}"' not in output
            assert f"<{field}>" not in output
