# SPDX-License-Identifier: EUPL-1.2
"""The reports pages: who may open what, the public form, tracking, partners, tablets."""

from __future__ import annotations

import json

from django.test import Client
from django.urls import reverse

import pytest
from tests.apps.reports.conftest import jpeg_with_gps, spot
from tests.factories import PASSWORD

from wijkaanpak.apps.reports import services
from wijkaanpak.apps.reports.models import Problem, Report, Status

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "bureau", "alliance", "professional", "national", "outsider"]
MEMBERS_ONLY = {
    "anonymous": 302,
    "bureau": 200,
    "alliance": 200,
    "professional": 200,
    "national": 404,
    "outsider": 404,
}
EVERYONE = dict.fromkeys(ROLES, 200)

#: Expected status per page and role; 404 is the answer for "not yours" too.
MATRIX = {
    "reports:public_list": EVERYONE,
    "reports:report_form": EVERYONE,
    "reports:figures": EVERYONE,
    "reports:handling": MEMBERS_ONLY,
    "reports:staff_report": MEMBERS_ONLY,
    "reports:problem": MEMBERS_ONLY,
    "reports:photo": MEMBERS_ONLY,
    "reports:evenings": MEMBERS_ONLY,
    "reports:evening": MEMBERS_ONLY,
    "reports:tablet": MEMBERS_ONLY,
    # The tablet's service worker holds no data: the same script for anyone.
    "reports:tablet_worker": EVERYONE,
    "reports:account": MEMBERS_ONLY,
}

CONTACT = {
    "name": "Jantje Geheim",
    "email": "jantje.geheim@example.org",
    "phone": "0612345678",
}


def client_for(area, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        assert client.login(username=area.people[role].username, password=PASSWORD)
    return client


@pytest.fixture
def world(area, categories):
    """A report with contact data and a photo, and an evening."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    lat, lon = spot(area)
    report, _ = services.register_report(
        area,
        services.ReportInput(
            category=categories["paving"],
            description="Losse tegel voor de school.",
            latitude=lat,
            longitude=lon,
            address="Schoolstraat 4",
            photo=SimpleUploadedFile("f.jpg", jpeg_with_gps(), "image/jpeg"),
            contact=services.Contact(**CONTACT, email_updates=True),
        ),
        channel="web",
        acting_user=None,
    )
    evening = services.hold_irritation_evening(
        area, title="Ergernissenavond maart", held_on="2026-03-10", acting_user=None
    )
    return {"report": report, "evening": evening}


def url_of(name: str, area, world) -> str:
    kwargs = {"slug": area.slug}
    if name == "reports:problem":
        kwargs["pk"] = world["report"].problem_id
    if name == "reports:photo":
        kwargs["pk"] = world["report"].pk
    if name in {
        "reports:evening",
        "reports:tablet",
        "reports:tablet_worker",
        "reports:account",
        "reports:sync",
    }:
        kwargs["pk"] = world["evening"].pk
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(MATRIX))
def test_each_role_gets_the_page_it_may_see(area, world, page, role):
    response = client_for(area, role).get(url_of(page, area, world))

    assert response.status_code == MATRIX[page][role]
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["bureau", "alliance", "professional"])
def test_a_problem_of_another_area_looks_missing(area, world, role):
    url = reverse(
        "reports:problem", kwargs={"slug": "elders", "pk": world["report"].problem_id}
    )

    assert client_for(area, role).get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "sees_contact"),
    [("bureau", True), ("alliance", False), ("professional", False)],
)
def test_contact_data_are_for_the_bureau_and_the_handler(
    area, world, role, sees_contact
):
    page = (
        client_for(area, role)
        .get(url_of("reports:problem", area, world))
        .content.decode()
    )

    assert (CONTACT["email"] in page) is sees_contact


def test_the_handler_sees_the_contact_data_of_their_problem(area, world):
    services.assign_problem(
        world["report"].problem,
        area.people["professional"],
        acting_user=area.people["bureau"],
    )

    page = client_for(area, "professional").get(url_of("reports:problem", area, world))

    assert CONTACT["email"] in page.content.decode()


def test_no_public_page_shows_contact_data(area, world):
    report = world["report"]
    public_pages = [
        url_of("reports:public_list", area, world),
        url_of("reports:figures", area, world),
        reverse("reports:track", args=[report.tracking_token]),
        reverse("areas:focus_area", kwargs={"slug": area.slug}),
    ]
    for url in public_pages:
        page = Client().get(url).content.decode()
        for value in CONTACT.values():
            assert value not in page, url


def test_a_resident_reports_with_a_pin_and_lands_on_the_tracking_page(area, categories):
    lat, lon = spot(area)

    response = Client().post(
        url_of("reports:report_form", area, None),
        {
            "category": categories["graffiti"].pk,
            "description": "Tekening op de muur.",
            "latitude": lat,
            "longitude": lon,
            "email": "a@example.org",
            "email_updates": "on",
        },
    )

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "reports:track", args=[report.tracking_token]
    )
    assert report.channel == "web"
    assert report.email_updates


def test_a_form_without_description_names_the_field_and_saves_nothing(area, categories):
    response = Client().post(
        url_of("reports:report_form", area, None),
        {"category": categories["graffiti"].pk, "address": "Markt"},
    )

    assert response.status_code == 400
    assert "description" in response.context["form"].errors
    assert not Report.objects.exists()


def test_the_form_suggests_a_nearby_open_problem_and_joins_it(
    area, categories, report_in
):
    first = report_in()
    lat, lon = spot(area, 0.0001)
    data = {
        "category": categories["paving"].pk,
        "description": "Die tegel weer.",
        "latitude": lat,
        "longitude": lon,
    }

    asked = Client().post(url_of("reports:report_form", area, None), data)
    joined = Client().post(
        url_of("reports:report_form", area, None),
        {**data, "join": str(first.problem_id)},
    )

    assert asked.status_code == 400
    assert asked.context["duplicates"][0][0].pk == first.problem_id
    assert joined.status_code == 302
    assert Problem.objects.count() == 1
    assert Report.objects.filter(problem=first.problem).count() == 2


def test_the_tracking_page_asks_after_a_claim_and_a_no_reopens(area, world):
    report = world["report"]
    bureau = area.people["bureau"]
    services.change_status(report.problem, "assigned", acting_user=bureau)
    services.change_status(report.problem, "fix_claimed", acting_user=bureau)
    url = reverse("reports:track", args=[report.tracking_token])

    page = Client().get(url)
    answered = Client().post(url, {"is_fixed": "no", "comment": "Nog steeds los."})

    assert (
        "Is it really fixed?" in page.content.decode()
        or "echt opgelost" in page.content.decode()
    )
    assert page["Referrer-Policy"] == "no-referrer"
    assert answered.status_code == 302
    report.problem.refresh_from_db()
    assert report.problem.status == Status.REOPENED


def test_an_unknown_tracking_token_is_not_found(area):
    assert (
        Client().get(reverse("reports:track", args=["nietbestaand"])).status_code == 404
    )


def test_the_partner_reports_back_once_through_the_link(area, world):
    _link, token = services.send_partner_link(
        world["report"].problem,
        email="p@example.org",
        acting_user=area.people["bureau"],
    )
    url = reverse("reports:partner_return", args=[token])

    form = Client().get(url)
    sent = Client().post(url, {"outcome": "solved", "note": "Tegel vastgelegd."})
    again = Client().get(url)

    assert form.status_code == 200
    assert CONTACT["email"] not in form.content.decode()
    assert sent.status_code == 200
    assert again.status_code == 404
    world["report"].problem.refresh_from_db()
    assert world["report"].problem.status == Status.FIX_CLAIMED


def test_the_bureau_verifies_a_claim_from_the_problem_page(area, world):
    problem = world["report"].problem
    services.change_status(problem, "assigned", acting_user=area.people["bureau"])
    services.change_status(problem, "fix_claimed", acting_user=area.people["bureau"])
    client = client_for(area, "professional")

    refused = client.post(
        url_of("reports:problem", area, world),
        {"action": "status", "status": "fix_verified"},
    )
    done = client.post(
        url_of("reports:problem", area, world),
        {
            "action": "status",
            "status": "fix_verified",
            "verification_method": "inspection",
        },
    )

    assert refused.status_code == 400
    assert done.status_code == 302
    problem.refresh_from_db()
    assert problem.status == Status.FIX_VERIFIED


def test_an_alliance_member_cannot_forward_a_problem(area, world):
    response = client_for(area, "alliance").post(
        url_of("reports:problem", area, world),
        {"action": "status", "status": "forwarded", "note": "Niet van ons."},
    )

    assert response.status_code == 404
    world["report"].problem.refresh_from_db()
    assert world["report"].problem.status == Status.RECEIVED


class TestTheTabletQueue:
    def items(self, categories, *keys):
        return [
            {
                "key": key,
                "category": categories["graffiti"].code,
                "description": f"Ergernis {key}",
                "address": "Buurthuis",
                "name": "Marie",
                "email": "",
            }
            for key in keys
        ]

    def post(self, client, area, world, items):
        return client.post(
            url_of("reports:sync", area, world).replace(
                "/tablet/sync/", "/tablet/sync/"
            ),
            data=json.dumps({"items": items}),
            content_type="application/json",
        )

    def test_a_queue_sent_twice_is_saved_once(self, area, world, categories):
        client = client_for(area, "professional")
        queue = self.items(categories, "k1", "k2")

        first = self.post(client, area, world, queue)
        again = self.post(client, area, world, [*queue, *self.items(categories, "k3")])

        assert [r["outcome"] for r in first.json()["results"]] == ["accepted"] * 2
        assert [r["outcome"] for r in again.json()["results"]] == [
            "duplicate",
            "duplicate",
            "accepted",
        ]
        assert world["evening"].reports.count() == 3

    def test_a_bad_item_is_refused_and_the_rest_saved(self, area, world, categories):
        client = client_for(area, "professional")
        bad = {**self.items(categories, "k9")[0], "category": "bestaat-niet"}

        answer = self.post(
            client, area, world, [bad, *self.items(categories, "k10")]
        ).json()

        assert [r["outcome"] for r in answer["results"]] == ["rejected", "accepted"]

    def test_a_foreign_member_cannot_sync(self, area, world, categories):
        answer = self.post(
            client_for(area, "outsider"), area, world, self.items(categories, "x")
        )

        assert answer.status_code == 404
        assert not world["evening"].reports.exists()

    def test_the_account_lists_earlier_evenings_only(self, area, world, categories):
        client = client_for(area, "professional")
        self.post(client, area, world, self.items(categories, "vorige"))
        next_evening = services.hold_irritation_evening(
            area, title="Ergernissenavond april", held_on="2026-04-14", acting_user=None
        )

        now = client.get(url_of("reports:account", area, world)).content.decode()
        later = client.get(
            reverse(
                "reports:account", kwargs={"slug": area.slug, "pk": next_evening.pk}
            )
        ).content.decode()

        assert "Ergernis vorige" not in now
        assert "Ergernis vorige" in later
        assert "Marie" not in later


def test_the_tablets_worker_is_a_script_that_never_answers_a_send(area, world):
    response = Client().get(url_of("reports:tablet_worker", area, world))

    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    # Only reads come from the kept copy; a POST always goes to the server.
    assert 'request.method !== "GET"' in script
    assert "Jantje" not in script
