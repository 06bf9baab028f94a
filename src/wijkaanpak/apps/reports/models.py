# SPDX-License-Identifier: EUPL-1.2
"""Residents' reports, the street problems they are about, and their history.

A *report* (*melding*) belongs to the resident who made it: their words, their
optional contact data, their own tracking link. A *problem* is the thing in
the street; several reports can join one problem, and the status lives on the
problem, so fixing it once informs every reporter.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.core.reports import status as flow
from wijkaanpak.core.reports.deadlines import TargetUnit as CoreTargetUnit


class TargetUnit(models.TextChoices):
    """How a category's target time is counted."""

    WORKING_DAYS = CoreTargetUnit.WORKING_DAYS.value, _("working days")
    CALENDAR_DAYS = CoreTargetUnit.CALENDAR_DAYS.value, _("calendar days")


class Status(models.TextChoices):
    """Where a problem stands (the flow is in ``core.reports.status``)."""

    RECEIVED = flow.Status.RECEIVED.value, _("Received")
    ASSIGNED = flow.Status.ASSIGNED.value, _("Assigned")
    IN_PROGRESS = flow.Status.IN_PROGRESS.value, _("In progress")
    SCHEDULED = flow.Status.SCHEDULED.value, _("Scheduled")
    FIX_CLAIMED = flow.Status.FIX_CLAIMED.value, _("Fix claimed")
    FIX_VERIFIED = flow.Status.FIX_VERIFIED.value, _("Fix verified")
    CLOSED = flow.Status.CLOSED.value, _("Closed")
    FORWARDED = flow.Status.FORWARDED.value, _("Forwarded")
    CANNOT_BE_FIXED = flow.Status.CANNOT_BE_FIXED.value, _("Cannot be fixed")
    REOPENED = flow.Status.REOPENED.value, _("Reopened")


class VerificationMethod(models.TextChoices):
    """How a claimed fix was checked."""

    INSPECTION = flow.VerificationMethod.INSPECTION.value, _("Inspection on the spot")
    PHOTO = flow.VerificationMethod.PHOTO.value, _("Photo")
    REPORTER_CONFIRMATION = (
        flow.VerificationMethod.REPORTER_CONFIRMATION.value,
        _("Confirmed by the reporter"),
    )


class Channel(models.TextChoices):
    """How a report came in."""

    WEB = "web", _("Web form")
    OPEN311 = "open311", _("Open311 app")
    STAFF = "staff", _("Entered by staff")
    EVENING = "evening", _("Irritation evening")


OPEN_STATUSES = [status.value for status in flow.OPEN_STATUSES]


class Category(models.Model):
    """A kind of report, with the partner who fixes it and a target time.

    The code is the Open311 ``service_code``.
    """

    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="report_categories",
    )
    code = models.SlugField(_("code"), max_length=64)
    name = models.CharField(_("name"), max_length=200)
    description = models.CharField(_("description"), max_length=500, blank=True)
    group = models.CharField(_("group"), max_length=100, blank=True)
    partner = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("responsible partner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_categories",
    )
    partner_email = models.EmailField(
        _("partner's address for return links"), blank=True
    )
    target_time = models.PositiveSmallIntegerField(
        _("target time"), null=True, blank=True
    )
    target_unit = models.CharField(
        _("target unit"),
        max_length=16,
        choices=TargetUnit.choices,
        default=TargetUnit.WORKING_DAYS,
    )
    is_active = models.BooleanField(_("open for reports"), default=True)

    class Meta:
        ordering = ["focus_area", "group", "name"]
        verbose_name = _("report category")
        verbose_name_plural = _("report categories")
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "code"], name="report_category_code_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(target_unit__in=TargetUnit.values),
                name="report_category_unit_known",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Problem(models.Model):
    """A problem in the street (*probleem*) that one or more reports are about."""

    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.PROTECT,
        related_name="problems",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="problems",
    )
    neighbourhood = models.ForeignKey(
        "areas.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="problems",
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    address = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    public_note = models.TextField(_("latest explanation"), blank=True)
    received_at = models.DateTimeField(_("received at"))
    status_changed_at = models.DateTimeField(_("status changed at"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_problems",
    )
    was_claimed = models.BooleanField(_("a fix was claimed"), default=False)
    verified_at = models.DateTimeField(_("fix verified at"), null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        indexes = [
            models.Index(fields=["focus_area", "status"]),
            models.Index(fields=["category", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values),
                name="problem_status_known",
            ),
            # Fixed means verified: the time of the verification is kept.
            models.CheckConstraint(
                condition=~models.Q(status=Status.FIX_VERIFIED)
                | models.Q(verified_at__isnull=False),
                name="problem_verified_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.category}"

    @property
    def is_open(self) -> bool:
        """Still needs work from us."""
        return self.status in OPEN_STATUSES


class StatusChange(models.Model):
    """One step in the history of a problem; rows are only ever added.

    ``actor_label`` says who in the words of the status flow: a person's id,
    ``reporter:<report id>``, ``partner:<link id>`` or ``system``.
    """

    problem = models.ForeignKey(
        Problem,
        verbose_name=_("problem"),
        on_delete=models.CASCADE,
        related_name="history",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("by (label)"), max_length=64)
    note = models.TextField(_("explanation"), blank=True)
    verification_method = models.CharField(
        _("verified by"),
        max_length=32,
        choices=VerificationMethod.choices,
        blank=True,
    )
    verified_by = models.CharField(_("verifier"), max_length=64, blank=True)
    photo = models.FileField(_("photo"), upload_to="reports/history/%Y/%m/", blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        constraints = [
            # The database holds the central rule too: no verified fix
            # without who verified it and how, and no verification elsewhere.
            models.CheckConstraint(
                condition=(
                    models.Q(status=Status.FIX_VERIFIED)
                    & models.Q(verification_method__in=VerificationMethod.values)
                    & ~models.Q(verified_by="")
                )
                | (
                    ~models.Q(status=Status.FIX_VERIFIED)
                    & models.Q(verification_method="")
                ),
                name="status_change_verified_has_verifier",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.problem_id} → {self.status} ({self.at:%Y-%m-%d %H:%M})"


class ApiKey(models.Model):
    """An Open311 client's key; only its hash is stored."""

    name = models.CharField(_("client name"), max_length=200)
    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="open311_keys",
    )
    prefix = models.CharField(_("first characters"), max_length=8)
    key_hash = models.CharField(_("hash"), max_length=64, unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["focus_area", "name"]
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class IrritationEvening(models.Model):
    """An irritation evening (*ergernissenavond*): residents name what annoys them."""

    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="irritation_evenings",
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("irritation evening")
        verbose_name_plural = _("irritation evenings")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%Y-%m-%d})"


class Report(models.Model):
    """A resident's report (*melding*): their words and their feedback channel.

    Contact data are optional, seen only by the bureau and the handler, never
    published, and erased a set period after the problem is closed.
    """

    problem = models.ForeignKey(
        Problem,
        verbose_name=_("problem"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    description = models.TextField(_("description"))
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    address = models.CharField(_("place"), max_length=200, blank=True)
    photo = models.FileField(_("photo"), upload_to="reports/%Y/%m/", blank=True)
    tracking_token = models.CharField(_("tracking token"), max_length=64, unique=True)
    open311_token = models.CharField(_("Open311 token"), max_length=36, unique=True)
    submission_key = models.CharField(
        _("submission key"),
        max_length=64,
        blank=True,
        help_text=_("Given by the client, so that a resent report is saved once."),
    )
    api_key = models.ForeignKey(
        ApiKey,
        verbose_name=_("Open311 API key"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    evening = models.ForeignKey(
        IrritationEvening,
        verbose_name=_("irritation evening"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=32, blank=True)
    email_updates = models.BooleanField(_("updates by e-mail"), default=False)
    contact_erased_at = models.DateTimeField(
        _("contact data erased at"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("received at"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("residents' report")
        verbose_name_plural = _("residents' reports")
        indexes = [models.Index(fields=["focus_area", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "channel", "submission_key"],
                condition=~models.Q(submission_key=""),
                name="report_submission_once",
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=Channel.values),
                name="report_channel_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Report')} {self.pk}"

    @property
    def has_contact_data(self) -> bool:
        """Any contact data left to erase."""
        return bool(self.contact_name or self.contact_email or self.contact_phone)


class Notification(models.Model):
    """Feedback to one reporter about one status of their problem."""

    report = models.ForeignKey(
        Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    change = models.ForeignKey(
        StatusChange,
        verbose_name=_("status change"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    at = models.DateTimeField(_("at"))
    by_email = models.BooleanField(_("sent by e-mail"), default=False)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "change"], name="notification_once_per_change"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} · {self.status}"


class FixAnswer(models.Model):
    """A reporter's answer to "is it really fixed?"."""

    report = models.ForeignKey(
        Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="fix_answers",
    )
    is_fixed = models.BooleanField(_("really fixed"))
    at = models.DateTimeField(_("at"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("answer: really fixed?")
        verbose_name_plural = _("answers: really fixed?")

    def __str__(self) -> str:
        return f"{self.report_id} · {self.is_fixed}"


class PartnerOutcome(models.TextChoices):
    """What a partner reports back through the return link."""

    SOLVED = "solved", _("Solved")
    NOT_SOLVED = "not_solved", _("Not solved")
    NOTHING_FOUND = "nothing_found", _("Nothing found")


class PartnerLink(models.Model):
    """A return link for a partner without an account: used once, then void."""

    problem = models.ForeignKey(
        Problem,
        verbose_name=_("problem"),
        on_delete=models.CASCADE,
        related_name="partner_links",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    email = models.EmailField(_("sent to"), blank=True)
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("valid until"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=PartnerOutcome.choices, blank=True
    )
    note = models.TextField(_("partner's note"), blank=True)
    photo = models.FileField(_("photo"), upload_to="reports/partner/%Y/%m/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner return link")
        verbose_name_plural = _("partner return links")

    def __str__(self) -> str:
        return f"{self.problem_id} · {self.organisation or self.email}"


class MailTemplate(models.Model):
    """The e-mail a reporter gets when their problem reaches a status.

    Subject and body are Django templates with ``report``, ``problem``,
    ``status``, ``note`` and ``tracking_url``. Without a template for a
    status the built-in text is used.
    """

    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        ordering = ["status", "language"]
        verbose_name = _("e-mail template")
        verbose_name_plural = _("e-mail templates")
        constraints = [
            models.UniqueConstraint(
                fields=["status", "language"], name="mail_template_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.language})"
