# SPDX-License-Identifier: EUPL-1.2
"""Blockage cases, their ladder history and decisions, and the rules that block.

A *blockage case* (*doorbraakcasus*) is a household's or street's need that a
rule, a budget line, a procedure or a shortage blocks. It climbs the ladder
(``core.breakthroughs.ladder``) until someone with mandate breaks through.
Steps on the ladder and decisions are their own rows, only ever added; the
case row holds where the case stands now. A case names its household by a
reference code only. The *blocking rules* form one national register.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from wijkaanpak.core.breakthroughs import ladder


class Level(models.TextChoices):
    """A rung of the ladder (the order is in ``core.breakthroughs.ladder``)."""

    FRONT_LINE = ladder.Level.FRONT_LINE.value, _("Front-line team")
    BUREAU = ladder.Level.BUREAU.value, _("Programme bureau")
    ALLIANCE = ladder.Level.ALLIANCE.value, _("Breakthrough table of the alliance")
    NATIONAL = (
        ladder.Level.NATIONAL.value,
        _("National interdepartmental breakthrough meeting"),
    )


class Outcome(models.TextChoices):
    """How a case ended."""

    INCIDENTAL = ladder.Outcome.INCIDENTAL.value, _("Incidental breakthrough")
    STRUCTURAL = ladder.Outcome.STRUCTURAL.value, _("Structural breakthrough")
    NOT_POSSIBLE = ladder.Outcome.NOT_POSSIBLE.value, _("Breakthrough not possible")


class BlockageKind(models.TextChoices):
    """What blocks the solution."""

    RULE = "rule", _("A rule or regulation")
    BUDGET = "budget", _("A budget line")
    PROCEDURE = "procedure", _("A system or procedure")
    CAPACITY = "capacity", _("A shortage of capacity")


class Source(models.TextChoices):
    """Who flagged the blockage."""

    FRONT_LINE = "front_line", _("A front-line worker")
    RESIDENT_REPORT = "resident_report", _("A resident's report")
    PARTNER = "partner", _("A partner organisation")


class CaseStatus(models.TextChoices):
    """Open until a decision with an outcome closes the case."""

    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class BlockingRule(models.Model):
    """A rule or regulation (*knellende regel*) that blocked at least one case.

    One national register for all areas: law or policy, the article, and the
    ministry or organisation that owns it.
    """

    class Kind(models.TextChoices):
        LAW = "law", _("Law or regulation")
        POLICY = "policy", _("Policy")

    title = models.CharField(_("short name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    instrument = models.CharField(
        _("law or policy document"),
        max_length=200,
        help_text=_("For example: Participatiewet."),
    )
    article = models.CharField(
        _("article"), max_length=100, blank=True, help_text=_("For example: art. 22a.")
    )
    owner = models.CharField(_("owning ministry or organisation"), max_length=200)
    url = models.URLField(_("web address of the text"), blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["instrument", "article", "title"]
        verbose_name = _("blocking rule")
        verbose_name_plural = _("blocking rules")
        constraints = [
            models.UniqueConstraint(
                Lower("instrument"), Lower("article"), name="blocking_rule_once"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["law", "policy"]),
                name="blocking_rule_kind_known",
            ),
        ]

    def __str__(self) -> str:
        where = f"{self.instrument} {self.article}".strip()
        return f"{self.title} ({where})"


class BlockageCase(models.Model):
    """A blockage case: what a household needs, what blocks it, where it stands.

    The household is named by ``household_code`` only; free texts are checked
    for personal identifiers before they are saved and erased a retention
    period after the case is closed, leaving the counts for the figures.
    """

    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.PROTECT,
        related_name="blockage_cases",
    )
    title = models.CharField(_("title"), max_length=200)
    household_code = models.CharField(_("household reference code"), max_length=32)
    need = models.TextField(_("what is needed, and for whom"))
    domains = models.JSONField(_("domains it crosses"), default=list, blank=True)
    blockage_kind = models.CharField(
        _("what blocks"), max_length=16, choices=BlockageKind.choices
    )
    blockage = models.TextField(_("how it blocks"))
    tried = models.TextField(_("what was tried"), blank=True)
    rules = models.ManyToManyField(
        BlockingRule,
        verbose_name=_("blocking rules"),
        related_name="cases",
        blank=True,
    )
    source = models.CharField(
        _("flagged by"),
        max_length=16,
        choices=Source.choices,
        default=Source.FRONT_LINE,
    )
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("flagged by (person)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    problem = models.OneToOneField(
        "reports.Problem",
        verbose_name=_("residents' report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="blockage_case",
    )
    level = models.CharField(_("level"), max_length=24, choices=Level.choices)
    level_deadline = models.DateField(_("deadline of this level"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    owner_label = models.CharField(_("owner with mandate"), max_length=200, blank=True)
    overdue_flagged_on = models.DateField(
        _("flagged as overdue on"), null=True, blank=True
    )
    opened_on = models.DateField(_("opened on"))
    status = models.CharField(
        _("status"), max_length=8, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True
    )
    decided_on = models.DateField(_("outcome decided on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    household_result = models.TextField(_("result for the household"), blank=True)
    outcome_reason = models.TextField(_("why no breakthrough"), blank=True)
    structural_change = models.TextField(_("what changed structurally"), blank=True)
    texts_erased_at = models.DateTimeField(_("texts erased at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("blockage case")
        verbose_name_plural = _("blockage cases")
        indexes = [models.Index(fields=["focus_area", "status", "level"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=Level.values),
                name="blockage_case_level_known",
            ),
            models.CheckConstraint(
                condition=models.Q(blockage_kind__in=BlockageKind.values),
                name="blockage_case_kind_known",
            ),
            # No closing without an outcome, and no outcome on an open case.
            models.CheckConstraint(
                condition=(
                    models.Q(
                        status=CaseStatus.OPEN,
                        outcome="",
                        decided_on__isnull=True,
                        closed_at__isnull=True,
                    )
                    | models.Q(
                        status=CaseStatus.CLOSED,
                        outcome__in=Outcome.values,
                        decided_on__isnull=False,
                        closed_at__isnull=False,
                    )
                ),
                name="blockage_case_closed_has_outcome",
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome=Outcome.NOT_POSSIBLE)
                | ~models.Q(outcome_reason="")
                | models.Q(texts_erased_at__isnull=False),
                name="blockage_case_not_possible_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(decided_on__isnull=True)
                | models.Q(decided_on__gte=models.F("opened_on")),
                name="blockage_case_decided_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"

    @property
    def is_open(self) -> bool:
        """Still waiting for a breakthrough."""
        return self.status == CaseStatus.OPEN

    @property
    def core_level(self) -> ladder.Level:
        """The level as the core knows it."""
        return ladder.Level(self.level)

    @property
    def days_to_breakthrough(self) -> int | None:
        """Calendar days from opening to a breakthrough decision."""
        if self.decided_on is None or self.outcome == Outcome.NOT_POSSIBLE:
            return None
        return (self.decided_on - self.opened_on).days


class _AppendOnly(models.Model):
    """A history row: written once by a service, never changed."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(f"{self._meta.label} rows are only ever added.")
        super().save(*args, **kwargs)


class CaseStep(_AppendOnly):
    """One rung of a case's ladder history: the level it entered, when and why."""

    case = models.ForeignKey(
        BlockageCase,
        verbose_name=_("blockage case"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    level = models.CharField(_("level"), max_length=24, choices=Level.choices)
    entered_on = models.DateField(_("entered on"))
    deadline = models.DateField(_("deadline"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    owner_label = models.CharField(_("owner with mandate"), max_length=200)
    reason = models.TextField(_("reason"), blank=True)
    skipped = models.JSONField(_("levels skipped"), default=list, blank=True)
    automatic = models.BooleanField(_("by the deadline job"), default=False)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["case", "entered_on", "id"]
        verbose_name = _("ladder step")
        verbose_name_plural = _("ladder steps")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=Level.values),
                name="case_step_level_known",
            ),
            models.CheckConstraint(
                condition=models.Q(deadline__gt=models.F("entered_on")),
                name="case_step_deadline_after_entry",
            ),
            # A skip is recorded with its reason (erased texts excepted).
            models.CheckConstraint(
                condition=models.Q(skipped=[]) | ~models.Q(reason=""),
                name="case_step_skip_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.level} ({self.entered_on:%Y-%m-%d})"


class CaseDecision(_AppendOnly):
    """A decision on a case: who decided, what, and on what grounds."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim decision")
        ESCALATE = "escalate", _("Escalate")
        HAND_OVER = "hand_over", _("Hand-over")
        OUTCOME = "outcome", _("Outcome")

    case = models.ForeignKey(
        BlockageCase,
        verbose_name=_("blockage case"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    level = models.CharField(_("level"), max_length=24, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True
    )
    decided_by = models.CharField(_("decided by"), max_length=200)
    text = models.TextField(_("decision"))
    grounds = models.TextField(_("grounds"), blank=True)
    decided_on = models.DateField(_("decided on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handed_from_label = models.CharField(
        _("handed over by"), max_length=200, blank=True
    )
    handed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handed over to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handed_to_label = models.CharField(
        _("handed over to (name)"), max_length=200, blank=True
    )
    meeting_decision = models.OneToOneField(
        "programme.Decision",
        verbose_name=_("decision of the alliance meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="blockage_decision",
    )
    homework = models.ForeignKey(
        "programme.HomeworkItem",
        verbose_name=_("homework"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="blockage_decisions",
    )
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["case", "decided_on", "id"]
        verbose_name = _("decision on a case")
        verbose_name_plural = _("decisions on cases")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="outcome", outcome__in=Outcome.values)
                    | (~models.Q(kind="outcome") & models.Q(outcome=""))
                ),
                name="case_decision_outcome_matches_kind",
            ),
            # A hand-over names the new owner; other decisions name nobody.
            models.CheckConstraint(
                condition=(
                    (models.Q(kind="hand_over") & ~models.Q(handed_to_label=""))
                    | (~models.Q(kind="hand_over") & models.Q(handed_to_label=""))
                ),
                name="case_decision_hand_over_names_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} · {self.kind} ({self.decided_on:%Y-%m-%d})"


class CaseLink(models.Model):
    """A link between two cases of one area: a follow-up, or the same cause."""

    class Kind(models.TextChoices):
        FOLLOW_UP = "follow_up", _("Follow-up of")
        SAME_CAUSE = "same_cause", _("Same cause as")

    case = models.ForeignKey(
        BlockageCase,
        verbose_name=_("blockage case"),
        on_delete=models.CASCADE,
        related_name="links_out",
    )
    other = models.ForeignKey(
        BlockageCase,
        verbose_name=_("linked case"),
        on_delete=models.CASCADE,
        related_name="links_in",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("linked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("linked at"), auto_now_add=True)

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("link between cases")
        verbose_name_plural = _("links between cases")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "other", "kind"], name="case_link_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(case=models.F("other")),
                name="case_link_not_to_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.other_id}"


class AgendaItem(models.Model):
    """An open escalation on the agenda of an alliance meeting."""

    meeting = models.ForeignKey(
        "programme.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="blockage_items",
    )
    case = models.ForeignKey(
        BlockageCase,
        verbose_name=_("blockage case"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["meeting", "case"]
        verbose_name = _("case on the agenda")
        verbose_name_plural = _("cases on the agenda")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="agenda_item_once")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} · {self.case_id}"


#: The levels whose norm time an area's bureau may set; the national meeting's
#: norm time is the same for every area.
AREA_LEVELS = (Level.FRONT_LINE, Level.BUREAU, Level.ALLIANCE)


class NormTime(models.Model):
    """An area's own norm time for one level of the ladder (*normtijd*).

    Without one, the level has the installation's default
    (``WIJKAANPAK_NORM_DAYS_*``). A change counts for cases that enter the
    level from then on; a deadline already set stays.
    """

    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="norm_times",
    )
    level = models.CharField(_("level"), max_length=24, choices=Level.choices)
    days = models.PositiveSmallIntegerField(_("norm time in days"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    set_at = models.DateTimeField(_("set at"), auto_now=True)

    class Meta:
        ordering = ["focus_area", "level"]
        verbose_name = _("norm time")
        verbose_name_plural = _("norm times")
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "level"], name="norm_time_once_per_level"
            ),
            models.CheckConstraint(
                condition=models.Q(level__in=[level.value for level in AREA_LEVELS]),
                name="norm_time_area_level",
            ),
            models.CheckConstraint(
                condition=models.Q(days__gte=1, days__lte=365),
                name="norm_time_days_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focus_area_id} · {self.level}: {self.days}"
