# SPDX-License-Identifier: EUPL-1.2
"""Panel processes, their quotas, invitations and volunteers.

Personal data are kept to the minimum the lottery needs and erased after the
process (:func:`wijkaanpak.apps.panels.services.erase_personal_data`):
registration codes only as keyed hashes, the address only as the normalised
key that groups households, and one contact line so the bureau can reach the
members drawn.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.areas.models import FocusArea


class Status(models.TextChoices):
    """The steps of a panel process, in order."""

    DRAFT = "draft", _("Draft")
    INVITING = "inviting", _("Letters sent, registration open")
    PUBLISHED = "published", _("Distribution published")
    SEEDED = "seeded", _("Seed entered")
    DRAWN = "drawn", _("Panel drawn")
    CLOSED = "closed", _("Closed")


class PanelProcess(models.Model):
    """A citizens' panel (*burgerpanel*) of one focus area, drawn by lot."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="panel_processes",
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"))
    panel_size = models.PositiveIntegerField(_("panel size"))
    one_per_household = models.BooleanField(
        _("at most one per household"), default=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    #: The published record of stage 1: seed, counts, positions; no codes.
    invitation_summary = models.JSONField(_("invitation summary"), default=dict)
    #: The distribution as published (``PanelDistribution.as_dict``).
    distribution = models.JSONField(_("distribution"), default=dict)
    fingerprint = models.CharField(_("distribution fingerprint"), max_length=64)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    seed = models.CharField(_("seed"), max_length=200, blank=True)
    seed_entered_at = models.DateTimeField(_("seed entered at"), null=True, blank=True)
    panel = models.JSONField(_("panel drawn"), default=list)
    drawn_at = models.DateTimeField(_("drawn at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("panel process")
        verbose_name_plural = _("panel processes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values),
                name="panel_process_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(panel_size__gte=1), name="panel_size_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(seed="") | ~models.Q(fingerprint=""),
                name="panel_seed_after_distribution",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_registration_open(self) -> bool:
        """Volunteers can register until the distribution is published."""
        return self.status == Status.INVITING


class Quota(models.Model):
    """How many panel members may have one value of a feature (*quotum*)."""

    process = models.ForeignKey(
        PanelProcess, on_delete=models.CASCADE, related_name="quotas"
    )
    feature = models.CharField(_("feature"), max_length=64)
    value = models.CharField(_("value"), max_length=64)
    minimum = models.PositiveIntegerField(_("minimum"))
    maximum = models.PositiveIntegerField(_("maximum"))

    class Meta:
        ordering = ["feature", "pk"]
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "feature", "value"], name="quota_unique_value"
            ),
            models.CheckConstraint(
                condition=models.Q(minimum__lte=models.F("maximum")),
                name="quota_minimum_at_most_maximum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.feature}={self.value} [{self.minimum}, {self.maximum}]"


class Invitation(models.Model):
    """A letter of the invitation lottery: the code's hash and where it went."""

    process = models.ForeignKey(
        PanelProcess, on_delete=models.CASCADE, related_name="invitations"
    )
    code_hash = models.CharField(_("code hash"), max_length=64, unique=True)
    neighbourhood = models.CharField(_("neighbourhood"), max_length=64)
    #: The normalised address key; erased with the other personal data.
    address_key = models.CharField(_("address"), max_length=64, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.process_id}/{self.pk}"


class Volunteer(models.Model):
    """A resident who registered with a code, known in public only by a number."""

    process = models.ForeignKey(
        PanelProcess, on_delete=models.CASCADE, related_name="volunteers"
    )
    invitation = models.OneToOneField(
        Invitation, on_delete=models.PROTECT, related_name="volunteer"
    )
    #: The pseudonym used in the published distribution (``V007``).
    number = models.CharField(_("number"), max_length=16)
    features = models.JSONField(_("features"), default=dict)
    household = models.CharField(_("household"), max_length=64, blank=True)
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact = models.CharField(_("email or phone"), max_length=200, blank=True)
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    dropped_out = models.BooleanField(_("dropped out"), default=False)

    class Meta:
        ordering = ["number"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "number"], name="volunteer_unique_number"
            )
        ]

    def __str__(self) -> str:
        return self.number


class ReplacementRound(models.Model):
    """Replacements drawn for drop-outs with a seed announced in public."""

    process = models.ForeignKey(
        PanelProcess, on_delete=models.CASCADE, related_name="replacement_rounds"
    )
    dropped = models.JSONField(_("dropped out"), default=list)
    replacements = models.JSONField(_("replacements"), default=list)
    seed = models.CharField(_("seed"), max_length=200)
    distribution = models.JSONField(_("distribution"), default=dict)
    fingerprint = models.CharField(_("distribution fingerprint"), max_length=64)
    panel = models.JSONField(_("panel after replacement"), default=list)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("replacement round")
        verbose_name_plural = _("replacement rounds")

    def __str__(self) -> str:
        return f"{self.process_id}: {', '.join(self.replacements)}"
