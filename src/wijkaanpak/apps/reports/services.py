# SPDX-License-Identifier: EUPL-1.2
"""Every write to reports and problems: access-checked, audited, atomic.

The status flow itself is decided by :mod:`wijkaanpak.core.reports.status`;
these services load the history, ask the flow, store the new step, and queue
feedback to every reporter of the problem. Audit records hold ids and
statuses, never contact data or free text.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkaanpak.apps.accounts.access import (
    Need,
    require,
    require_problem_handling,
)
from wijkaanpak.apps.audit.services import record, record_many
from wijkaanpak.apps.reports import mail
from wijkaanpak.apps.reports.models import (
    ApiKey,
    Category,
    Channel,
    FixAnswer,
    IrritationEvening,
    Notification,
    PartnerLink,
    PartnerOutcome,
    Problem,
    Report,
    Status,
    StatusChange,
    TargetUnit,
)
from wijkaanpak.apps.reports.photos import clean_photo
from wijkaanpak.apps.reports.selectors import (
    expired_contact_data,
    history_of,
    neighbourhood_at,
)
from wijkaanpak.core.reports import status as flow
from wijkaanpak.core.reports.deadlines import TargetUnit as CoreTargetUnit
from wijkaanpak.core.reports.deadlines import deadline
from wijkaanpak.core.reports.holidays import LiberationDay

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import Organisation, User
    from wijkaanpak.apps.areas.models import FocusArea

#: Signing salt of partners' return links: a token for nothing else.
PARTNER_LINK_SALT = "wijkaanpak.reports.partner-return"
#: Channels anyone may use without an account.
PUBLIC_CHANNELS = frozenset({Channel.WEB, Channel.OPEN311})


@dataclass(frozen=True, slots=True)
class Contact:
    """A reporter's optional contact data."""

    name: str = ""
    email: str = ""
    phone: str = ""
    email_updates: bool = False


@dataclass(frozen=True, slots=True)
class ReportInput:
    """What a resident tells us, from any channel."""

    category: Category
    description: str
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    photo: UploadedFile | None = None
    contact: Contact = Contact()


#: The status flow's fixed sentences (``core.reports.status``), translated.
_FLOW_SENTENCES = {
    "A problem starts as received.": gettext_lazy("A problem starts as received."),
    "A status change cannot be older than the last one.": gettext_lazy(
        "A status change cannot be older than the last one."
    ),
    "Say why: a forwarded problem names to whom and why, and a problem that "
    "cannot be fixed gets an explanation.": gettext_lazy(
        "Say why: a forwarded problem names to whom and why, and a problem that "
        "cannot be fixed gets an explanation."
    ),
    "Only a verified fix carries a verification.": gettext_lazy(
        "Only a verified fix carries a verification."
    ),
    "A fix counts as verified only with a recorded verification: say who checked "
    "it and how.": gettext_lazy(
        "A fix counts as verified only with a recorded verification: say who "
        "checked it and how."
    ),
    "Only a reporter can confirm a fix as the reporter.": gettext_lazy(
        "Only a reporter can confirm a fix as the reporter."
    ),
    "The one who claimed the fix cannot also verify it; ask a colleague or the "
    "reporter.": gettext_lazy(
        "The one who claimed the fix cannot also verify it; ask a colleague or "
        "the reporter."
    ),
}
_MOVE = re.compile(r"A problem cannot go from (?P<old>\S+) to (?P<new>\S+)\.")


def _status_error(error: flow.StatusError) -> ValidationError:
    """The flow's English sentence, in the language of the interface."""
    text = str(error)
    move = _MOVE.fullmatch(text)
    if move:
        labels = dict(Status.choices)
        return ValidationError(
            _("A problem cannot go from %(old)s to %(new)s.")
            % {
                "old": labels.get(move["old"], move["old"]),
                "new": labels.get(move["new"], move["new"]),
            }
        )
    return ValidationError(str(_FLOW_SENTENCES.get(text, text)))


def _actor_label(user: User | None) -> str:
    return str(user.pk) if user is not None and user.pk else "system"


def _liberation_day() -> LiberationDay:
    return LiberationDay(settings.WIJKAANPAK_LIBERATION_DAY)


def _deadline_for(category: Category, received_at: Any) -> Any:
    if category.target_time is None:
        return None
    unit = (
        CoreTargetUnit.WORKING_DAYS
        if category.target_unit == TargetUnit.WORKING_DAYS
        else CoreTargetUnit.CALENDAR_DAYS
    )
    return deadline(
        timezone.localdate(received_at),
        category.target_time,
        unit,
        liberation_day=_liberation_day(),
    )


def _validate(
    focus_area: FocusArea, report: ReportInput, *, channel: str
) -> int | None:
    """Check the input; return the id of the spot's neighbourhood (or None)."""
    errors: dict[str, str] = {}
    if report.category.focus_area_id != focus_area.pk or not report.category.is_active:
        errors["category"] = _("Choose one of the categories of this area.")
    if not report.description.strip():
        errors["description"] = _("Describe the problem in a few words.")
    elif len(report.description) > 5000:
        errors["description"] = _("Keep the description under 5,000 characters.")
    has_point = report.latitude is not None and report.longitude is not None
    if (report.latitude is None) != (report.longitude is None):
        errors["location"] = _("Give both the latitude and the longitude.")
    neighbourhood: int | None = None
    if has_point:
        assert report.latitude is not None
        assert report.longitude is not None
        if not (-90 <= report.latitude <= 90 and -180 <= report.longitude <= 180):
            errors["location"] = _("These coordinates do not exist.")
        else:
            inside, neighbourhood = neighbourhood_at(
                focus_area, report.latitude, report.longitude
            )
            if not inside:
                errors["location"] = _(
                    "This spot lies outside %(area)s. Choose a spot in the area."
                ) % {"area": focus_area.name}
    elif channel in PUBLIC_CHANNELS and not report.address.strip():
        errors["location"] = _("Put a pin on the map or describe the place.")
    if errors:
        raise ValidationError(errors)
    return neighbourhood


def _record_change(
    problem: Problem,
    status: str,
    *,
    actor: User | None,
    actor_label: str,
    note: str = "",
    verification: flow.Verification | None = None,
    photo: Any = None,
) -> StatusChange:
    """Append one step after the flow allows it, and inform every reporter."""
    now = timezone.now()
    core_change = flow.StatusChange(
        status=flow.Status(status),
        at=now,
        actor=actor_label,
        note=note,
        verification=verification,
    )
    try:
        flow.append_change(history_of(problem), core_change)
    except flow.StatusError as error:
        raise _status_error(error) from error
    change = StatusChange.objects.create(
        problem=problem,
        status=status,
        at=now,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=actor_label,
        note=note,
        verification_method=verification.method.value if verification else "",
        verified_by=verification.verified_by if verification else "",
        photo=photo or "",
    )
    problem.status = status
    problem.status_changed_at = now
    if note:
        problem.public_note = note
    if status == Status.FIX_CLAIMED:
        problem.was_claimed = True
    if status == Status.FIX_VERIFIED:
        problem.verified_at = now
    if status == Status.REOPENED:
        problem.verified_at = None
        problem.reopen_count += 1
    problem.save(
        update_fields=[
            "status",
            "status_changed_at",
            "public_note",
            "was_claimed",
            "verified_at",
            "reopen_count",
        ]
    )
    _inform_reporters(problem, change)
    record(
        "status_changed",
        problem,
        acting_user=actor,
        focus_area=problem.focus_area,
        changes={
            "status": status,
            "verification": change.verification_method or None,
        },
    )
    return change


def _inform_reporters(
    problem: Problem,
    change: StatusChange,
    *,
    reports: Sequence[Report] | None = None,
) -> None:
    """Queue feedback to every reporter of the problem; e-mail after commit.

    ``reports`` saves the query when the caller already knows them all (a
    new problem has the one report that started it).
    """
    notifications = Notification.objects.bulk_create(
        Notification(
            report=report,
            change=change,
            status=change.status,
            at=change.at,
            by_email=bool(
                report.email_updates
                and report.contact_email
                and report.contact_erased_at is None
            ),
        )
        for report in (problem.reports.all() if reports is None else reports)
    )
    ids = [n.pk for n in notifications if n.by_email and n.pk is not None]
    if any(n.by_email and n.pk is None for n in notifications):
        # Some databases give no ids from bulk_create; look them up.
        ids = list(
            Notification.objects.filter(change=change, by_email=True).values_list(
                "pk", flat=True
            )
        )
    if ids:
        transaction.on_commit(lambda: mail.send_status_mail(ids))


@transaction.atomic
def create_category(
    focus_area: FocusArea,
    *,
    code: str,
    name: str,
    partner: Organisation | None = None,
    partner_email: str = "",
    target_time: int | None = None,
    target_unit: str = TargetUnit.WORKING_DAYS,
    description: str = "",
    group: str = "",
    acting_user: User | None,
) -> Category:
    """Add a report category to an area; the bureau decides partners and targets."""
    require(acting_user, focus_area, Need.BUREAU)
    category = Category(
        focus_area=focus_area,
        code=code,
        name=name,
        partner=partner,
        partner_email=partner_email,
        target_time=target_time,
        target_unit=target_unit,
        description=description,
        group=group,
    )
    category.full_clean()
    category.save()
    record(
        "created",
        category,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"code": code, "target": [target_time, target_unit]},
    )
    return category


def register_report(
    focus_area: FocusArea,
    report: ReportInput,
    *,
    channel: str,
    submission_key: str = "",
    evening: IrritationEvening | None = None,
    api_key: ApiKey | None = None,
    join: Problem | None = None,
    acting_user: User | None,
) -> tuple[Report, bool]:
    """Take in a report; a resent one (same submission key) is returned, not doubled.

    Returns the report and whether it was created now. A new report starts a
    new problem unless ``join`` names the open problem of the same category it
    is about.
    """
    if channel not in PUBLIC_CHANNELS:
        require(acting_user, focus_area, Need.MEMBER)
    if evening is not None and evening.focus_area_id != focus_area.pk:
        raise PermissionDenied
    submission_key = submission_key.strip()[:64]
    if submission_key:
        existing = Report.objects.filter(
            focus_area=focus_area, channel=channel, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            return _register(
                focus_area,
                report,
                channel=channel,
                submission_key=submission_key,
                evening=evening,
                api_key=api_key,
                join=join,
                acting_user=acting_user,
            ), True
    except IntegrityError:
        # Two copies of one submission raced; the other one won.
        if not submission_key:
            raise
        existing = Report.objects.filter(
            focus_area=focus_area, channel=channel, submission_key=submission_key
        ).first()
        if existing is None:
            raise
        return existing, False


def _register(
    focus_area: FocusArea,
    report: ReportInput,
    *,
    channel: str,
    submission_key: str,
    evening: IrritationEvening | None,
    api_key: ApiKey | None,
    join: Problem | None,
    acting_user: User | None,
) -> Report:
    neighbourhood = _validate(focus_area, report, channel=channel)
    photo = clean_photo(report.photo) if report.photo is not None else None
    now = timezone.now()
    if join is not None:
        join = Problem.objects.select_for_update(of=("self",)).get(pk=join.pk)
        if (
            join.focus_area_id != focus_area.pk
            or join.category_id != report.category.pk
            or not join.is_open
        ):
            raise ValidationError(
                {"join": _("This report cannot join that problem any more.")}
            )
        problem = join
    else:
        problem = Problem.objects.create(
            focus_area=focus_area,
            category=report.category,
            neighbourhood_id=neighbourhood,
            latitude=report.latitude,
            longitude=report.longitude,
            address=report.address.strip()[:200],
            received_at=now,
            status_changed_at=now,
            deadline=_deadline_for(report.category, now),
        )
    contact = report.contact
    saved = Report.objects.create(
        problem=problem,
        focus_area=focus_area,
        category=report.category,
        channel=channel,
        description=report.description.strip(),
        latitude=report.latitude,
        longitude=report.longitude,
        address=report.address.strip()[:200],
        photo=photo or "",
        tracking_token=secrets.token_urlsafe(24),
        open311_token=str(uuid.uuid4()),
        submission_key=submission_key,
        api_key=api_key,
        evening=evening,
        contact_name=contact.name.strip()[:200],
        contact_email=contact.email.strip(),
        contact_phone=contact.phone.strip()[:32],
        email_updates=bool(contact.email_updates and contact.email.strip()),
        created_at=now,
    )
    received = {"channel": channel, "problem": problem.pk, "joined": join is not None}
    if join is None:
        change = _receive(problem, saved, actor=acting_user)
        # One write for both events: intake is the busiest path of the site.
        record_many(
            [
                (
                    "status_changed",
                    problem,
                    {"status": change.status, "verification": None},
                ),
                ("report_received", saved, received),
            ],
            acting_user=acting_user,
            focus_area=focus_area,
        )
        return saved
    # The new reporter hears where the problem stands now.
    last = problem.history.order_by("-at", "-id").first()
    if last is not None:
        Notification.objects.create(
            report=saved, change=last, status=last.status, at=now
        )
    record(
        "report_received",
        saved,
        acting_user=acting_user,
        focus_area=focus_area,
        changes=received,
    )
    return saved


def _receive(problem: Problem, report: Report, *, actor: User | None) -> StatusChange:
    """The first step of a new problem, which its one reporter hears.

    The problem was created in this status; only the step and the feedback
    are written, without reading the (empty) history back.
    """
    core_change = flow.StatusChange(
        status=flow.Status.RECEIVED, at=problem.received_at, actor="system"
    )
    try:
        flow.append_change((), core_change)
    except flow.StatusError as error:
        raise _status_error(error) from error
    change = StatusChange.objects.create(
        problem=problem,
        status=Status.RECEIVED,
        at=problem.received_at,
        actor=actor if actor is not None and actor.pk else None,
        actor_label="system",
    )
    _inform_reporters(problem, change, reports=[report])
    return change


@transaction.atomic
def change_status(
    problem: Problem,
    status: str,
    *,
    note: str = "",
    verification_method: str = "",
    photo: UploadedFile | None = None,
    acting_user: User | None,
) -> StatusChange:
    """Move a problem on; a verified fix names the acting person as verifier."""
    problem = (
        Problem.objects.select_for_update(of=("self",))
        .select_related("focus_area")
        .get(pk=problem.pk)
    )
    require_problem_handling(acting_user, problem, status=status)
    verification = None
    if status == Status.FIX_VERIFIED:
        if verification_method not in {
            flow.VerificationMethod.INSPECTION,
            flow.VerificationMethod.PHOTO,
        }:
            raise ValidationError(
                _("Say how you checked the fix: by an inspection or from a photo.")
            )
        verification = flow.Verification(
            flow.VerificationMethod(verification_method), _actor_label(acting_user)
        )
    cleaned = clean_photo(photo) if photo is not None else None
    return _record_change(
        problem,
        status,
        actor=acting_user,
        actor_label=_actor_label(acting_user),
        note=note.strip(),
        verification=verification,
        photo=cleaned,
    )


@transaction.atomic
def assign_problem(
    problem: Problem, handler: User, *, note: str = "", acting_user: User | None
) -> Problem:
    """Give a problem a handler from the area; the bureau assigns."""
    problem = (
        Problem.objects.select_for_update(of=("self",))
        .select_related("focus_area")
        .get(pk=problem.pk)
    )
    require(acting_user, problem.focus_area, Need.BUREAU)
    from wijkaanpak.apps.accounts.access import may

    if not may(handler, problem.focus_area, Need.MEMBER):
        raise ValidationError(_("The handler must have a role in this area."))
    problem.handler = handler
    problem.save(update_fields=["handler"])
    if problem.status in {Status.RECEIVED, Status.REOPENED}:
        _record_change(
            problem,
            Status.ASSIGNED,
            actor=acting_user,
            actor_label=_actor_label(acting_user),
            note=note.strip(),
        )
    record(
        "assigned",
        problem,
        acting_user=acting_user,
        focus_area=problem.focus_area,
        changes={"handler": handler.pk},
    )
    return problem


@transaction.atomic
def join_report(
    report: Report, problem: Problem, *, acting_user: User | None
) -> Report:
    """Join a report to the problem it is about; its reporter hears the status there.

    Only a report whose own problem is untouched (still "received") can move;
    that problem disappears when no other report is left on it.
    """
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("problem")
        .get(pk=report.pk)
    )
    problem = Problem.objects.select_for_update(of=("self",)).get(pk=problem.pk)
    require(acting_user, problem.focus_area, Need.BUREAU)
    old = report.problem
    if old.pk == problem.pk:
        return report
    if (
        problem.focus_area_id != report.focus_area_id
        or problem.category_id != report.category_id
    ):
        raise ValidationError(
            _("A report can only join a problem of the same category in its area.")
        )
    if not problem.is_open:
        raise ValidationError(_("This problem is no longer open."))
    if old.status != Status.RECEIVED:
        raise ValidationError(
            _("Work on this report has started; it can no longer join another problem.")
        )
    report.problem = problem
    report.save(update_fields=["problem"])
    last = problem.history.order_by("-at", "-id").first()
    if last is not None:
        Notification.objects.get_or_create(
            report=report,
            change=last,
            defaults={"status": last.status, "at": timezone.now()},
        )
    if not old.reports.exists():
        record(
            "merged",
            old,
            acting_user=acting_user,
            focus_area=problem.focus_area,
            changes={"into": problem.pk},
        )
        old.delete()
    record(
        "joined",
        report,
        acting_user=acting_user,
        focus_area=problem.focus_area,
        changes={"problem": [old.pk, problem.pk]},
    )
    return report


@transaction.atomic
def answer_fix_question(report: Report, *, is_fixed: bool, comment: str = "") -> Report:
    """The reporter says whether a claimed fix is real: yes verifies, no reopens.

    The tracking link is the reporter's key; no account is needed.
    """
    report = Report.objects.select_related("problem", "focus_area").get(pk=report.pk)
    problem = Problem.objects.select_for_update(of=("self",)).get(pk=report.problem_id)
    if problem.status not in {Status.FIX_CLAIMED, Status.FIX_VERIFIED, Status.CLOSED}:
        raise ValidationError(_("There is no fix to confirm yet."))
    FixAnswer.objects.create(report=report, is_fixed=is_fixed, at=timezone.now())
    label = f"reporter:{report.pk}"
    if is_fixed and problem.status == Status.FIX_CLAIMED:
        _record_change(
            problem,
            Status.FIX_VERIFIED,
            actor=None,
            actor_label=label,
            note=_("A reporter confirmed that the problem is fixed."),
            verification=flow.Verification(
                flow.VerificationMethod.REPORTER_CONFIRMATION, label
            ),
        )
    elif not is_fixed:
        note = _("A reporter says that the problem is not fixed.")
        if comment.strip():
            note = f"{note} {comment.strip()[:1000]}"
        _record_change(
            problem, Status.REOPENED, actor=None, actor_label=label, note=note
        )
    record(
        "fix_answered",
        report,
        acting_user=None,
        focus_area=report.focus_area,
        changes={"is_fixed": is_fixed},
    )
    return report


def partner_link_token(link: PartnerLink) -> str:
    """The signed token of a return link; it names the link and nothing else."""
    return signing.dumps({"link": link.pk}, salt=PARTNER_LINK_SALT, compress=True)


@transaction.atomic
def send_partner_link(
    problem: Problem,
    *,
    email: str,
    organisation: Organisation | None = None,
    acting_user: User | None,
) -> tuple[PartnerLink, str]:
    """Create a one-time return link for a partner without an account and mail it."""
    problem = (
        Problem.objects.select_for_update(of=("self",))
        .select_related("focus_area", "category")
        .get(pk=problem.pk)
    )
    require_problem_handling(acting_user, problem, status=Status.IN_PROGRESS)
    if not problem.is_open:
        raise ValidationError(_("This problem is no longer open."))
    now = timezone.now()
    link = PartnerLink.objects.create(
        problem=problem,
        organisation=organisation or problem.category.partner,
        email=email.strip(),
        created_at=now,
        expires_at=now + timedelta(days=settings.WIJKAANPAK_PARTNER_LINK_DAYS),
        created_by=acting_user if acting_user is not None and acting_user.pk else None,
    )
    if problem.status in {Status.RECEIVED, Status.REOPENED}:
        partner = link.organisation.name if link.organisation else email
        _record_change(
            problem,
            Status.ASSIGNED,
            actor=acting_user,
            actor_label=_actor_label(acting_user),
            note=_("Passed on to %(partner)s.") % {"partner": partner},
        )
    token = partner_link_token(link)
    record(
        "partner_link_sent",
        link,
        acting_user=acting_user,
        focus_area=problem.focus_area,
        changes={"problem": problem.pk},
    )
    transaction.on_commit(lambda: mail.send_partner_mail(link, token))
    return link, token


def partner_link_for(token: str) -> PartnerLink | None:
    """The open return link a token stands for; None when forged, expired or used."""
    max_age = timedelta(days=settings.WIJKAANPAK_PARTNER_LINK_DAYS)
    try:
        payload = signing.loads(token, salt=PARTNER_LINK_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("link"), int):
        return None
    link = (
        PartnerLink.objects.select_related(
            "problem", "problem__category", "organisation"
        )
        .filter(pk=payload["link"])
        .first()
    )
    if link is None or link.used_at is not None or link.expires_at <= timezone.now():
        return None
    return link


@transaction.atomic
def record_partner_outcome(
    token: str, *, outcome: str, note: str = "", photo: UploadedFile | None = None
) -> PartnerLink:
    """A partner reports back through the link: solved and nothing found claim a fix.

    The claim still needs a verification (an inspection, the photo checked by
    a colleague, or a reporter's confirmation) before it counts as fixed.
    """
    link = partner_link_for(token)
    if link is None:
        raise PermissionDenied
    link = PartnerLink.objects.select_for_update(of=("self",)).get(pk=link.pk)
    if link.used_at is not None:
        raise PermissionDenied
    if outcome not in PartnerOutcome.values:
        raise ValidationError({"outcome": _("Choose what you found.")})
    cleaned = clean_photo(photo) if photo is not None else None
    problem = (
        Problem.objects.select_for_update(of=("self",))
        .select_related("focus_area")
        .get(pk=link.problem_id)
    )
    partner = f"partner:{link.pk}"
    texts = {
        PartnerOutcome.SOLVED: _("The partner reports that the problem is solved."),
        PartnerOutcome.NOT_SOLVED: _(
            "The partner reports that the problem is not solved yet."
        ),
        PartnerOutcome.NOTHING_FOUND: _("The partner found no problem at this spot."),
    }
    explanation = texts[PartnerOutcome(outcome)]
    if note.strip():
        explanation = f"{explanation} {note.strip()[:1000]}"
    wanted = (
        Status.IN_PROGRESS
        if outcome == PartnerOutcome.NOT_SOLVED
        else Status.FIX_CLAIMED
    )
    if wanted in flow.allowed_next(flow.Status(problem.status)):
        _record_change(
            problem,
            wanted,
            actor=None,
            actor_label=partner,
            note=explanation,
            photo=cleaned,
        )
    link.used_at = timezone.now()
    link.outcome = outcome
    link.note = note.strip()[:1000]
    if cleaned is not None:
        link.photo = cleaned
    link.save(update_fields=["used_at", "outcome", "note", "photo"])
    record(
        "partner_reported",
        link,
        acting_user=None,
        focus_area=problem.focus_area,
        changes={"outcome": outcome, "status": problem.status},
    )
    return link


def _erase(report: Report, now: Any) -> None:
    report.contact_name = ""
    report.contact_email = ""
    report.contact_phone = ""
    report.email_updates = False
    report.contact_erased_at = now
    report.save(
        update_fields=[
            "contact_name",
            "contact_email",
            "contact_phone",
            "email_updates",
            "contact_erased_at",
        ]
    )


@transaction.atomic
def erase_contact_data(report: Report, *, acting_user: User | None) -> Report:
    """Erase one reporter's contact data now, for example on their request."""
    require(acting_user, report.focus_area, Need.BUREAU)
    _erase(report, timezone.now())
    record(
        "contact_erased", report, acting_user=acting_user, focus_area=report.focus_area
    )
    return report


@transaction.atomic
def erase_expired_contact_data(*, acting_user: User | None = None) -> int:
    """Erase contact data the retention period no longer allows; return the count."""
    if acting_user is not None and not acting_user.is_superuser:
        raise PermissionDenied
    now = timezone.now()
    count = 0
    for report in expired_contact_data(
        settings.WIJKAANPAK_REPORT_RETENTION_DAYS
    ).select_for_update(of=("self",)):
        _erase(report, now)
        record("contact_erased", report, acting_user=acting_user, focus_area=None)
        count += 1
    return count


@transaction.atomic
def issue_api_key(
    focus_area: FocusArea,
    name: str,
    *,
    key: str | None = None,
    acting_user: User | None,
) -> tuple[ApiKey, str]:
    """Give an Open311 client a key for an area; the key is shown once, then hashed."""
    require(acting_user, focus_area, Need.BUREAU)
    plain = key or secrets.token_urlsafe(32)
    if len(plain) < 8:
        raise ValidationError(_("An API key has at least 8 characters."))
    digest = hashlib.sha256(plain.encode("utf-8")).hexdigest()
    api_key, created = ApiKey.objects.get_or_create(
        key_hash=digest,
        defaults={"name": name, "focus_area": focus_area, "prefix": plain[:8]},
    )
    if not created and api_key.focus_area_id != focus_area.pk:
        raise ValidationError(_("This key is in use elsewhere; choose another."))
    if created:
        record("created", api_key, acting_user=acting_user, focus_area=focus_area)
    return api_key, plain


@transaction.atomic
def hold_irritation_evening(
    focus_area: FocusArea,
    *,
    title: str,
    held_on: Any,
    place: str = "",
    acting_user: User | None,
) -> IrritationEvening:
    """Plan an irritation evening; its reports are taken in on a tablet."""
    require(acting_user, focus_area, Need.MEMBER)
    evening = IrritationEvening(
        focus_area=focus_area, title=title.strip(), held_on=held_on, place=place.strip()
    )
    evening.full_clean()
    evening.save()
    record("created", evening, acting_user=acting_user, focus_area=focus_area)
    return evening


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What became of one queued report: accepted, duplicate or rejected."""

    key: str
    outcome: str
    report: int | None = None
    errors: tuple[str, ...] = ()


def sync_evening_queue(
    evening: IrritationEvening,
    items: Sequence[dict[str, Any]],
    *,
    acting_user: User | None,
) -> list[SyncResult]:
    """Save a tablet's offline queue; each item once, whatever is resent.

    Each item is saved in its own transaction, so one bad item does not keep
    the others on the tablet.
    """
    require(acting_user, evening.focus_area, Need.MEMBER)
    categories = {
        category.code: category
        for category in Category.objects.filter(focus_area=evening.focus_area)
    }
    results = []
    for item in items:
        key = str(item.get("key", "")).strip()[:64]
        if not key:
            results.append(
                SyncResult("", "rejected", errors=(_("The item has no key."),))
            )
            continue
        category = categories.get(str(item.get("category", "")))
        if category is None:
            results.append(
                SyncResult(
                    key, "rejected", errors=(_("Choose one of the categories."),)
                )
            )
            continue
        try:
            report, created = register_report(
                evening.focus_area,
                ReportInput(
                    category=category,
                    description=str(item.get("description", "")),
                    address=str(item.get("address", "")),
                    contact=Contact(
                        name=str(item.get("name", "")),
                        email=str(item.get("email", "")),
                        phone=str(item.get("phone", "")),
                        email_updates=bool(item.get("email_updates")),
                    ),
                ),
                channel=Channel.EVENING,
                submission_key=key,
                evening=evening,
                acting_user=acting_user,
            )
        except ValidationError as error:
            results.append(SyncResult(key, "rejected", errors=tuple(error.messages)))
            continue
        results.append(
            SyncResult(key, "accepted" if created else "duplicate", report=report.pk)
        )
    return results
