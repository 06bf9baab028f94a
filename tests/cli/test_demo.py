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


def main_area() -> FocusArea:
    """The demo city's focus area; the two peers live in other municipalities."""
    return FocusArea.objects.get(municipality__code="GM9901")


@pytest.fixture
def demo_output(capsys):
    assert main(["demo", "--no-serve", "--quiet"]) == 0
    return capsys.readouterr().out


def test_the_demo_city_is_loaded_with_its_focus_area(demo_output):
    area = main_area()
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
    area = main_area()
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
    areas = FocusArea.objects.count()

    assert main(["demo", "--no-serve", "--quiet"]) == 0

    assert "already present" in capsys.readouterr().out
    assert FocusArea.objects.count() == areas


def test_the_demo_has_reports_in_every_status_a_joined_problem_and_an_evening(
    demo_output,
):
    from wijkaanpak.apps.reports.models import IrritationEvening, Problem, Report

    area = main_area()
    problems = Problem.objects.filter(focus_area=area)
    statuses = set(problems.values_list("status", flat=True))
    joined = [p for p in problems if p.reports.count() > 1]
    earlier = (
        IrritationEvening.objects.filter(focus_area=area).order_by("held_on").first()
    )

    assert statuses == {
        "received",
        "assigned",
        "in_progress",
        "scheduled",
        "fix_claimed",
        "fix_verified",
        "closed",
        "reopened",
        "forwarded",
        "cannot_be_fixed",
    }
    assert len(joined) == 1
    assert joined[0].reports.count() == 4
    assert earlier.reports.count() == 4
    assert (
        Report.objects.filter(evening=earlier)
        .exclude(problem__status="received")
        .exists()
    )


def test_the_demo_gives_an_open311_client_the_key_asked_for(capsys):
    from wijkaanpak.apps.reports.selectors import api_key_for

    assert (
        main(["demo", "--no-serve", "--quiet", "--open311-key", "demo-sleutel-1"]) == 0
    )
    area = main_area()

    assert "/open311/v2/" in capsys.readouterr().out
    response = Client().post(
        "/open311/v2/requests.json",
        {
            "api_key": "demo-sleutel-1",
            "service_code": "graffiti",
            "address_string": "Havenweg 1",
            "description": "Nieuwe tag.",
        },
    )
    assert api_key_for("demo-sleutel-1").focus_area == area
    assert response.status_code == 201


def test_the_demos_evening_account_lists_the_earlier_evening(demo_output):
    from wijkaanpak.apps.reports.models import IrritationEvening

    area = main_area()
    later = IrritationEvening.objects.filter(focus_area=area).order_by("held_on").last()
    client = Client()
    assert client.login(username="beheerder", password=DEMO_PASSWORD)

    page = client.get(
        f"/focusgebieden/{area.slug}/ergernissenavonden/{later.pk}/verslag/"
    ).content.decode()

    assert "Ergernissenavond buurthuis De Steiger" in page
    assert "Deur van de portiek sluit niet." in page


def test_the_demo_has_a_programme_with_weak_spots_and_its_mirror(demo_output):
    from django.utils import timezone

    from wijkaanpak.apps.mirror import selectors as mirror
    from wijkaanpak.apps.programme import selectors
    from wijkaanpak.apps.programme.models import Goal, Measure

    area = main_area()
    goals = list(selectors.goals_of(area))
    measures = list(selectors.measures_of(area))
    balances = selectors.balances_of(area, up_to_year=timezone.localdate().year - 1)
    alliance = Membership.objects.filter(focus_area=area, role=Role.ALLIANCE)

    assert area.name == "Kadewaard Oost"
    assert {goal.national_goal for goal in goals} == {
        "perspective",
        "physical",
        "safety",
    }
    assert all(g.baseline_from_figures for g in goals if g.indicator_key)
    assert Goal.objects.filter(focus_area=area, indicator_key="").count() == 1
    assert {m.is_additional for m in measures} == {True, False}
    assert Measure.objects.filter(focus_area=area, stop_rules__isnull=False).exists()
    assert any(row.falls_short for row in balances)
    assert any(row.partner.startswith("Ministerie") for row in balances)
    assert 8 <= alliance.count() <= 10
    assert alliance.filter(has_mandate=False).count() == 1
    assert len(selectors.meetings_of(area)) == 2
    assert selectors.overdue_homework(area, timezone.localdate()).count() == 1
    kinds = {finding.kind for finding in selectors.coherence_of(area, goals, measures)}
    assert {
        "goal_without_indicator",
        "measure_without_goal",
        "partner_without_commitment",
        "additional_started_before_programme",
    } <= kinds
    # The alliance's mirror holds the programme against the lessons learned.
    today = timezone.localdate()
    checks = list(mirror.scans_of(area, "health_check"))
    trend = {t.factor: t for t in mirror.trend_of(area, "health_check", today)}
    profiles = list(mirror.style_profiles_of(area, today.year))
    comparison = mirror.comparison_of(profiles)
    client = Client()
    client.login(
        username=Membership.objects.filter(focus_area=area, role=Role.ALLIANCE)
        .first()
        .user.username,
        password=DEMO_PASSWORD,
    )

    assert [scan.year for scan in checks] == [today.year, today.year - 1]
    assert all(not scan.is_open and scan.respondents >= 8 for scan in checks)
    assert trend["stop_criteria"].change > 0
    assert len(mirror.result_of(checks[0], today).weakest) == 3
    assert len(profiles) >= 6
    assert len({placement.profile for _, placement in comparison.placements}) >= 3
    assert comparison.tensions
    for address in (
        f"/focusgebieden/{area.slug}/spiegel/",
        f"/focusgebieden/{area.slug}/spiegel/werkstijl/",
        f"/focusgebieden/{area.slug}/spiegel/gezondheidscheck/{today.year}/",
    ):
        assert client.get(address).status_code == 200


def test_the_demo_compares_three_areas_and_its_report_renders_to_pdf(demo_output):
    # One test for both, so the demo is loaded once: the dashboard needs the
    # peers, and the report of the demo area must read as a real one.
    import io

    from pypdf import PdfReader

    areas = FocusArea.objects.select_related("municipality").order_by("pk")
    codes = [area.municipality.code for area in areas]
    assert codes == ["GM9901", "GM9902", "GM9903"]
    assert len({area.municipality.name for area in areas}) == 3
    client = Client()
    assert client.login(username="rijk", password=DEMO_PASSWORD)
    page = client.get("/landelijk/dashboard/").content.decode()
    for area in areas:
        assert area.name in page
        assert area.goals.exists()
        assert area.problems.exists()

    area = main_area()
    response = Client().get(f"/focusgebieden/{area.slug}/voortgang.pdf")

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert 2 <= len(reader.pages) <= 6
    assert "Wat we beloofden" in text
    assert "Wat nog niet lukte, en waarom" in text
    assert area.name in text
