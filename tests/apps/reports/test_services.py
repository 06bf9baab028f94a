# SPDX-License-Identifier: EUPL-1.2
"""The write path of reports: status rules, joining, feedback, links, retention."""

from __future__ import annotations

import io
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

import pytest
import time_machine
from PIL import Image
from tests.apps.reports.conftest import jpeg_with_gps, spot

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.reports import services
from wijkaanpak.apps.reports.models import (
    Channel,
    FixAnswer,
    Notification,
    PartnerLink,
    Problem,
    Report,
    Status,
    StatusChange,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are matched in English, the language of the msgids."""
    with translation.override("en"):
        yield


def move(problem, *steps, user):
    for status in steps:
        services.change_status(problem, status, note="Stap.", acting_user=user)
    problem.refresh_from_db()
    return problem


def test_a_new_report_starts_a_problem_with_its_deadline_and_a_receipt(report_in, area):
    with time_machine.travel("2026-04-24 10:00 +0200"):
        report = report_in(email="bewoner@example.org")

    problem = report.problem
    assert problem.status == Status.RECEIVED
    # Friday 24 April 2026 + 5 working days, King's Day (Monday 27) skipped.
    assert problem.deadline == date(2026, 5, 4)
    assert problem.neighbourhood is not None
    assert list(problem.history.values_list("status", flat=True)) == ["received"]
    assert Notification.objects.filter(report=report, status="received").exists()
    assert len(report.tracking_token) >= 32


def test_the_audit_trail_holds_no_contact_data(report_in):
    report_in(email="geheim@example.org", name="Jan Geheim")

    trail = " ".join(str(event.changes) for event in AuditEvent.objects.all())
    assert "geheim" not in trail.lower()
    assert "Jan" not in trail


def test_a_resent_submission_is_saved_once(report_in):
    first = report_in(key="tablet-1-abc")
    again = report_in(key="tablet-1-abc")

    assert first.pk == again.pk
    assert Report.objects.count() == 1
    assert Problem.objects.count() == 1


def test_a_spot_outside_the_area_is_refused_and_nothing_is_saved(area, categories):
    with pytest.raises(ValidationError) as error:
        services.register_report(
            area,
            services.ReportInput(
                category=categories["paving"],
                description="Ver weg.",
                latitude=10.0,
                longitude=10.0,
            ),
            channel=Channel.WEB,
            acting_user=None,
        )

    assert "outside" in str(error.value)
    assert not Report.objects.exists()
    assert not Problem.objects.exists()


def test_staff_intake_needs_a_role_in_the_area(area, categories):
    with pytest.raises(PermissionDenied):
        services.register_report(
            area,
            services.ReportInput(
                category=categories["paving"], description="x", address="Plein"
            ),
            channel=Channel.STAFF,
            acting_user=area.people["outsider"],
        )


class TestTheStatusRules:
    def test_a_fix_cannot_be_verified_without_saying_how(self, report_in, area):
        bureau = area.people["bureau"]
        problem = move(report_in().problem, "assigned", "fix_claimed", user=bureau)

        with pytest.raises(ValidationError, match="how you checked"):
            services.change_status(
                problem, "fix_verified", acting_user=area.people["professional"]
            )
        problem.refresh_from_db()
        assert problem.status == Status.FIX_CLAIMED

    def test_the_claimant_cannot_verify_their_own_fix(self, report_in, area):
        bureau = area.people["bureau"]
        problem = move(report_in().problem, "assigned", "fix_claimed", user=bureau)

        with pytest.raises(ValidationError, match="cannot also verify"):
            services.change_status(
                problem,
                "fix_verified",
                verification_method="inspection",
                acting_user=bureau,
            )

    def test_an_inspection_by_a_colleague_verifies_and_names_the_verifier(
        self, report_in, area
    ):
        problem = move(
            report_in().problem, "assigned", "fix_claimed", user=area.people["bureau"]
        )
        inspector = area.people["professional"]

        services.change_status(
            problem,
            "fix_verified",
            verification_method="inspection",
            acting_user=inspector,
        )

        problem.refresh_from_db()
        last = problem.history.last()
        assert problem.status == Status.FIX_VERIFIED
        assert problem.verified_at is not None
        assert last.verified_by == str(inspector.pk)
        assert last.verification_method == "inspection"

    def test_no_status_jumps_from_received_to_fixed(self, report_in, area):
        problem = report_in().problem

        for status in ("fix_claimed", "fix_verified", "closed"):
            with pytest.raises(ValidationError):
                services.change_status(
                    problem,
                    status,
                    verification_method="inspection",
                    acting_user=area.people["bureau"],
                )

    def test_the_database_refuses_a_verified_step_without_verifier(self, report_in):
        problem = report_in().problem

        with pytest.raises(IntegrityError), transaction.atomic():
            StatusChange.objects.create(
                problem=problem,
                status=Status.FIX_VERIFIED,
                at=timezone.now(),
                actor_label="system",
            )

    def test_forwarding_needs_a_reason(self, report_in, area):
        problem = report_in().problem

        with pytest.raises(ValidationError, match="why"):
            services.change_status(
                problem, "forwarded", acting_user=area.people["bureau"]
            )

    def test_a_professional_who_is_not_the_handler_cannot_move_the_problem(
        self, report_in, area
    ):
        problem = move(report_in().problem, "assigned", user=area.people["bureau"])

        with pytest.raises(PermissionDenied):
            services.change_status(
                problem, "in_progress", acting_user=area.people["professional"]
            )

    def test_the_handler_works_on_the_problem(self, report_in, area):
        handler = area.people["professional"]
        problem = services.assign_problem(
            report_in().problem, handler, acting_user=area.people["bureau"]
        )

        services.change_status(problem, "in_progress", acting_user=handler)
        services.change_status(problem, "fix_claimed", acting_user=handler)

        problem.refresh_from_db()
        assert problem.status == Status.FIX_CLAIMED


class TestJoiningAndFeedback:
    def test_every_reporter_of_a_joined_problem_hears_each_change(
        self, report_in, area, mailoutbox, django_capture_on_commit_callbacks
    ):
        bureau = area.people["bureau"]
        with django_capture_on_commit_callbacks(execute=True):
            first = report_in(email="een@example.org")
            second = report_in(email="twee@example.org", offset=0.0001)
            services.join_report(second, first.problem, acting_user=bureau)
        mailoutbox.clear()

        with django_capture_on_commit_callbacks(execute=True):
            move(first.problem, "assigned", "fix_claimed", user=bureau)

        assert Report.objects.filter(problem=first.problem).count() == 2
        for report in (first, second):
            statuses = set(report.notifications.values_list("status", flat=True))
            assert {"assigned", "fix_claimed"} <= statuses
        recipients = sorted(message.to[0] for message in mailoutbox)
        assert recipients == ["een@example.org"] * 2 + ["twee@example.org"] * 2
        assert all("/meldingen/volgen/" in message.body for message in mailoutbox)

    def test_joining_removes_the_empty_untouched_problem(self, report_in, area):
        first = report_in()
        second = report_in(offset=0.0001)
        old = second.problem_id

        services.join_report(second, first.problem, acting_user=area.people["bureau"])

        assert not Problem.objects.filter(pk=old).exists()

    def test_a_report_of_another_category_cannot_join(self, report_in, area):
        paving = report_in()
        graffiti = report_in("graffiti")

        with pytest.raises(ValidationError):
            services.join_report(
                graffiti, paving.problem, acting_user=area.people["bureau"]
            )

    def test_a_report_joined_at_intake_follows_the_existing_problem(self, report_in):
        first = report_in()
        second = report_in(join=first.problem, offset=0.0001)

        assert second.problem_id == first.problem_id
        assert second.notifications.filter(status="received").exists()

    def test_an_edited_template_replaces_the_built_in_text(
        self, report_in, area, mailoutbox, django_capture_on_commit_callbacks
    ):
        from wijkaanpak.apps.reports.models import MailTemplate

        MailTemplate.objects.create(
            status="assigned",
            language="nl",
            subject="Melding {{ report.pk }} is opgepakt",
            body="Volg hem hier: {{ tracking_url }}",
        )
        report = report_in(email="een@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            move(report.problem, "assigned", user=area.people["bureau"])

        assert mailoutbox[-1].subject == f"Melding {report.pk} is opgepakt"
        assert report.tracking_token in mailoutbox[-1].body


class TestTheReportersAnswer:
    def test_yes_verifies_the_fix_by_the_reporters_confirmation(self, report_in, area):
        report = report_in()
        move(report.problem, "assigned", "fix_claimed", user=area.people["bureau"])

        services.answer_fix_question(report, is_fixed=True)

        report.problem.refresh_from_db()
        last = report.problem.history.last()
        assert report.problem.status == Status.FIX_VERIFIED
        assert last.verification_method == "reporter_confirmation"
        assert last.verified_by == f"reporter:{report.pk}"

    def test_no_reopens_the_problem_and_counts_the_reopening(self, report_in, area):
        report = report_in()
        move(report.problem, "assigned", "fix_claimed", user=area.people["bureau"])

        services.answer_fix_question(
            report, is_fixed=False, comment="Ligt nog steeds los."
        )

        report.problem.refresh_from_db()
        assert report.problem.status == Status.REOPENED
        assert report.problem.reopen_count == 1
        assert "Ligt nog steeds los." in report.problem.public_note
        assert FixAnswer.objects.filter(report=report, is_fixed=False).exists()

    def test_there_is_nothing_to_confirm_before_a_claim(self, report_in):
        with pytest.raises(ValidationError):
            services.answer_fix_question(report_in(), is_fixed=True)


class TestThePartnersReturnLink:
    def test_solved_with_a_photo_claims_the_fix_and_the_link_works_once(
        self, report_in, area, mailoutbox, django_capture_on_commit_callbacks
    ):
        problem = report_in().problem
        with django_capture_on_commit_callbacks(execute=True):
            _link, token = services.send_partner_link(
                problem, email="aannemer@example.org", acting_user=area.people["bureau"]
            )
        photo = SimpleUploadedFile("tegel.jpg", jpeg_with_gps(), "image/jpeg")

        services.record_partner_outcome(token, outcome="solved", photo=photo)

        problem.refresh_from_db()
        assert problem.status == Status.FIX_CLAIMED
        assert problem.history.last().photo
        assert services.partner_link_for(token) is None
        with pytest.raises(PermissionDenied):
            services.record_partner_outcome(token, outcome="solved")
        assert mailoutbox[-1].to == ["aannemer@example.org"]
        assert token in mailoutbox[-1].body

    def test_a_partners_claim_is_not_yet_a_fix(self, report_in, area):
        problem = report_in().problem
        _link, token = services.send_partner_link(
            problem, email="a@example.org", acting_user=area.people["bureau"]
        )

        services.record_partner_outcome(token, outcome="solved")

        problem.refresh_from_db()
        assert problem.verified_at is None
        services.change_status(
            problem,
            "fix_verified",
            verification_method="photo",
            acting_user=area.people["bureau"],
        )
        problem.refresh_from_db()
        assert problem.status == Status.FIX_VERIFIED

    def test_an_expired_link_is_refused(self, report_in, area, settings):
        problem = report_in().problem
        _link, token = services.send_partner_link(
            problem, email="a@example.org", acting_user=area.people["bureau"]
        )

        with time_machine.travel(
            timezone.now() + timedelta(days=settings.WIJKAANPAK_PARTNER_LINK_DAYS + 1)
        ):
            assert services.partner_link_for(token) is None
            with pytest.raises(PermissionDenied):
                services.record_partner_outcome(token, outcome="solved")

    def test_a_changed_or_foreign_token_is_refused(self, report_in, area):
        from django.core import signing

        problem = report_in().problem
        link, token = services.send_partner_link(
            problem, email="a@example.org", acting_user=area.people["bureau"]
        )
        other_purpose = signing.dumps({"link": link.pk}, salt="something-else")

        assert services.partner_link_for(token[:-2] + "xx") is None
        assert services.partner_link_for(other_purpose) is None
        assert services.partner_link_for("") is None

    def test_nothing_found_asks_the_reporter_and_not_solved_keeps_working(
        self, report_in, area
    ):
        bureau = area.people["bureau"]
        first = report_in().problem
        second = report_in("graffiti").problem
        _l, token_one = services.send_partner_link(
            first, email="a@example.org", acting_user=bureau
        )
        _l, token_two = services.send_partner_link(
            second, email="a@example.org", acting_user=bureau
        )

        services.record_partner_outcome(token_one, outcome="nothing_found")
        services.record_partner_outcome(
            token_two, outcome="not_solved", note="Volgende week."
        )

        first.refresh_from_db()
        second.refresh_from_db()
        assert first.status == Status.FIX_CLAIMED
        assert second.status == Status.IN_PROGRESS
        assert PartnerLink.objects.filter(used_at__isnull=False).count() == 2


class TestRetention:
    def test_contact_data_go_after_the_period_and_stay_while_open(
        self, report_in, area, settings
    ):
        bureau = area.people["bureau"]
        settings.WIJKAANPAK_REPORT_RETENTION_DAYS = 30
        closed = report_in(email="weg@example.org", name="Weg")
        open_report = report_in("graffiti", email="blijft@example.org")
        services.change_status(
            closed.problem, "forwarded", note="Naar ProRail.", acting_user=bureau
        )

        with time_machine.travel(timezone.now() + timedelta(days=31)):
            erased = services.erase_expired_contact_data()

        closed.refresh_from_db()
        open_report.refresh_from_db()
        assert erased == 1
        assert (closed.contact_email, closed.contact_name) == ("", "")
        assert closed.contact_erased_at is not None
        assert open_report.contact_email == "blijft@example.org"

    def test_nothing_is_erased_within_the_period(self, report_in, area, settings):
        settings.WIJKAANPAK_REPORT_RETENTION_DAYS = 30
        report = report_in(email="nog@example.org")
        services.change_status(
            report.problem,
            "cannot_be_fixed",
            note="Privéterrein.",
            acting_user=area.people["bureau"],
        )

        assert services.erase_expired_contact_data() == 0


class TestPhotos:
    def test_the_stored_photo_has_no_location_or_camera(self, area, categories):
        lat, lon = spot(area)
        report, _ = services.register_report(
            area,
            services.ReportInput(
                category=categories["paving"],
                description="Kijk maar.",
                latitude=lat,
                longitude=lon,
                photo=SimpleUploadedFile("foto.jpg", jpeg_with_gps(), "image/jpeg"),
            ),
            channel=Channel.WEB,
            acting_user=None,
        )

        stored = report.photo.read()
        assert b"PhoneMaker" not in stored
        with Image.open(io.BytesIO(stored)) as image:
            assert image.format == "JPEG"
            assert not image.getexif()

    def test_a_file_that_is_not_a_photo_is_refused(self, area, categories):
        lat, lon = spot(area)
        with pytest.raises(ValidationError, match="not a photo"):
            services.register_report(
                area,
                services.ReportInput(
                    category=categories["paving"],
                    description="x",
                    latitude=lat,
                    longitude=lon,
                    photo=SimpleUploadedFile(
                        "foto.jpg", b"<?php echo 1; ?>", "image/jpeg"
                    ),
                ),
                channel=Channel.WEB,
                acting_user=None,
            )
        assert not Report.objects.exists()

    def test_a_photo_above_the_limit_is_refused(self, area, categories, settings):
        settings.WIJKAANPAK_PHOTO_MAX_BYTES = 100
        lat, lon = spot(area)
        with pytest.raises(ValidationError, match="too large"):
            services.register_report(
                area,
                services.ReportInput(
                    category=categories["paving"],
                    description="x",
                    latitude=lat,
                    longitude=lon,
                    photo=SimpleUploadedFile("foto.jpg", jpeg_with_gps(), "image/jpeg"),
                ),
                channel=Channel.WEB,
                acting_user=None,
            )


def test_the_figures_count_only_verified_fixes(report_in, area):
    from wijkaanpak.apps.reports.selectors import figures_for

    bureau, professional = area.people["bureau"], area.people["professional"]
    claimed = move(report_in().problem, "assigned", "fix_claimed", user=bureau)
    verified = move(
        report_in("graffiti").problem, "assigned", "fix_claimed", user=bureau
    )
    services.change_status(
        verified,
        "fix_verified",
        verification_method="inspection",
        acting_user=professional,
    )

    figures = figures_for(area)

    assert figures.problems == 2
    assert figures.verified == 1
    assert claimed.verified_at is None
    assert figures.median_time_to_fix is not None
    assert figures.feedback_share == 1
