# SPDX-License-Identifier: EUPL-1.2
"""The alliance's mirror: yearly scans, their answers and working-style profiles.

A scan (*scan*) is held once a year per kind: the health check against the
lessons learned, or the participation scan. Alliance members and the bureau
each answer its statements; when the bureau closes it, the platform's
evidence of that moment is kept with it, so the yearly trend does not shift
when later data come in. A working-style profile is one organisation's place
on five sliders in one year.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.areas.models import FocusArea


class ScanKind(models.TextChoices):
    """The kinds of scan the alliance holds every year."""

    HEALTH_CHECK = "health_check", _("Health check")
    PARTICIPATION = "participation", _("Participation scan")


class Scan(models.Model):
    """One yearly scan of an alliance's own practice."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="mirror_scans",
    )
    kind = models.CharField(_("kind"), max_length=32, choices=ScanKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    evidence = models.JSONField(
        _("evidence at closing"),
        default=list,
        blank=True,
        help_text=_("The platform's figures when the scan was closed."),
    )

    class Meta:
        ordering = ["focus_area", "kind", "year"]
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "kind", "year"], name="scan_once_a_year"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ScanKind.values), name="scan_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="scan_year_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focus_area} · {self.get_kind_display()} {self.year}"

    @property
    def is_open(self) -> bool:
        """Whether members can still answer."""
        return self.closed_on is None


class Answer(models.Model):
    """One person's answer, from 1 to 5, to one statement of a scan."""

    scan = models.ForeignKey(
        Scan, verbose_name=_("scan"), on_delete=models.CASCADE, related_name="answers"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        on_delete=models.CASCADE,
        related_name="mirror_answers",
    )
    question = models.CharField(_("statement"), max_length=64)
    value = models.PositiveSmallIntegerField(_("answer"))
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        ordering = ["scan", "respondent", "question"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["scan", "respondent", "question"], name="answer_once"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5),
                name="answer_on_the_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scan} · {self.question}"


class StyleProfile(models.Model):
    """Where an organisation places its neighbourhood work on five sliders in a year."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="style_profiles",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="style_profiles",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    steering = models.PositiveSmallIntegerField(_("steering"))
    task = models.PositiveSmallIntegerField(_("task"))
    horizon = models.PositiveSmallIntegerField(_("horizon"))
    rules = models.PositiveSmallIntegerField(_("rules"))
    partnering = models.PositiveSmallIntegerField(_("partnering"))
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["focus_area", "year", "organisation__name"]
        verbose_name = _("working-style profile")
        verbose_name_plural = _("working-style profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "organisation", "year"],
                name="style_profile_once_a_year",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="style_profile_year_plausible",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{slider}__lte": 100}),
                    name=f"style_profile_{slider}_at_most_100",
                )
                for slider in ("steering", "task", "horizon", "rules", "partnering")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.focus_area} {self.year}"

    @property
    def sliders(self) -> dict[str, int]:
        """The five slider values by key."""
        return {
            "steering": self.steering,
            "task": self.task,
            "horizon": self.horizon,
            "rules": self.rules,
            "partnering": self.partnering,
        }
