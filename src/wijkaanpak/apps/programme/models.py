# SPDX-License-Identifier: EUPL-1.2
"""The programme plan of a focus area and the alliance's agreements.

Goals serve one of the three national goals and are measured by an indicator
of the catalogue; measures serve goals; partners commit means per year and
report what they delivered; the alliance meets, decides and hands out
homework. Money is stored in euro cents, staff in hours.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.areas.models import FocusArea


class NationalGoal(models.TextChoices):
    """The three national goals of the neighbourhood programme (NPLV)."""

    PERSPECTIVE = "perspective", _("More perspective for children, youth and residents")
    PHYSICAL = "physical", _("A better physical living environment")
    SAFETY = "safety", _("More safety and less undermining")


class Direction(models.TextChoices):
    """Which way of an indicator is better."""

    HIGHER_IS_WORSE = "higher_is_worse", _("Lower is better")
    HIGHER_IS_BETTER = "higher_is_better", _("Higher is better")


class Programme(models.Model):
    """The programme of one focus area: its vision and its horizon."""

    focus_area = models.OneToOneField(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="programme",
    )
    vision = models.TextField(_("vision"), blank=True)
    end_year = models.PositiveSmallIntegerField(
        _("programme runs until"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(end_year__gte=2000, end_year__lte=2100),
                name="programme_end_year_plausible",
            )
        ]

    def __str__(self) -> str:
        return str(self.focus_area)


class ProblemStatement(models.Model):
    """One point of the problem analysis: a deficit, its cause or a consequence.

    Every point rests on evidence: an indicator of the area analysis or a
    document.
    """

    class Kind(models.TextChoices):
        DEFICIT = "deficit", _("Deficit")
        CAUSE = "cause", _("Cause")
        CONSEQUENCE = "consequence", _("Consequence")

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="problem_statements",
    )
    national_goal = models.CharField(
        _("national goal"), max_length=16, choices=NationalGoal.choices
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("text"))
    indicator_key = models.CharField(_("indicator"), max_length=64, blank=True)
    document_title = models.CharField(_("document"), max_length=200, blank=True)
    document_url = models.URLField(_("web address of the document"), blank=True)

    class Meta:
        ordering = ["focus_area", "national_goal", "kind", "pk"]
        verbose_name = _("problem statement")
        verbose_name_plural = _("problem statements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(national_goal__in=NationalGoal.values),
                name="problem_national_goal_known",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["deficit", "cause", "consequence"]),
                name="problem_kind_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(indicator_key="") | ~models.Q(document_title=""),
                name="problem_has_evidence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Goal(models.Model):
    """An area goal (*doel*): an indicator from a baseline to a target by a year."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="goals",
    )
    national_goal = models.CharField(
        _("national goal"), max_length=16, choices=NationalGoal.choices
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    indicator_key = models.CharField(_("indicator"), max_length=64, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=16,
        choices=Direction.choices,
        default=Direction.HIGHER_IS_WORSE,
    )
    baseline_value = models.FloatField(_("baseline"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True
    )
    baseline_from_figures = models.BooleanField(
        _("baseline taken from the figures"), default=False
    )
    target_value = models.FloatField(_("target"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"))

    class Meta:
        ordering = ["focus_area", "national_goal", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(national_goal__in=NationalGoal.values),
                name="goal_national_goal_known",
            ),
            models.CheckConstraint(
                condition=models.Q(direction__in=Direction.values),
                name="goal_direction_known",
            ),
            models.CheckConstraint(
                condition=models.Q(target_year__gte=2000, target_year__lte=2100),
                name="goal_target_year_plausible",
            ),
            models.CheckConstraint(
                condition=models.Q(baseline_year__isnull=True)
                | models.Q(baseline_year__lt=models.F("target_year")),
                name="goal_target_after_baseline",
            ),
            # A baseline is a value in a year: both or neither.
            models.CheckConstraint(
                condition=models.Q(
                    baseline_year__isnull=True, baseline_value__isnull=True
                )
                | models.Q(baseline_year__isnull=False, baseline_value__isnull=False),
                name="goal_baseline_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    """The value a goal should have reached in a year on the way to its target."""

    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"))

    class Meta:
        ordering = ["goal", "year"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "year"], name="milestone_once_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.goal} {self.year}: {self.value}"


class NationalMinimumGoal(models.Model):
    """A goal the national programme sets for every focus area.

    Each area's plan must improve the indicator by at least
    ``minimum_improvement`` (in the indicator's unit) by ``deadline_year``.
    """

    national_goal = models.CharField(
        _("national goal"), max_length=16, choices=NationalGoal.choices
    )
    title = models.CharField(_("title"), max_length=200)
    indicator_key = models.CharField(_("indicator"), max_length=64)
    direction = models.CharField(
        _("direction"),
        max_length=16,
        choices=Direction.choices,
        default=Direction.HIGHER_IS_WORSE,
    )
    minimum_improvement = models.FloatField(_("minimum improvement"))
    deadline_year = models.PositiveSmallIntegerField(_("deadline"))

    class Meta:
        ordering = ["national_goal", "title"]
        verbose_name = _("national minimum goal")
        verbose_name_plural = _("national minimum goals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(national_goal__in=NationalGoal.values),
                name="minimum_goal_national_goal_known",
            ),
            models.CheckConstraint(
                condition=models.Q(minimum_improvement__gt=0),
                name="minimum_goal_improves",
            ),
            models.UniqueConstraint(
                fields=["indicator_key", "deadline_year"],
                name="minimum_goal_once_per_indicator_and_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Domain(models.TextChoices):
    """The policy domains a measure works in."""

    EDUCATION = "education", _("Education")
    WORK_POVERTY = "work_poverty", _("Work and poverty")
    HOUSING = "housing", _("Housing")
    SAFETY = "safety_undermining", _("Safety and undermining")
    HEALTH = "health", _("Health")


class Measure(models.Model):
    """A measure (*maatregel*, *interventie*): what partners do to reach goals."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        STOPPED = "stopped", _("Stopped")
        COMPLETED = "completed", _("Completed")

    class AdditionalKind(models.TextChoices):
        BETTER = "better", _("Better")
        MORE = "more", _("More")
        DIFFERENT = "different", _("Different")

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="measures",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    domains = models.JSONField(_("domains"), default=list, blank=True)
    goals = models.ManyToManyField(
        Goal, verbose_name=_("goals served"), related_name="measures", blank=True
    )
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible partner"),
        on_delete=models.PROTECT,
        related_name="owned_measures",
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("other partners"),
        related_name="measures",
        blank=True,
    )
    is_additional = models.BooleanField(_("additional effort"), default=False)
    additional_kind = models.CharField(
        _("how it is additional"),
        max_length=16,
        choices=AdditionalKind.choices,
        blank=True,
    )
    additional_reason = models.TextField(_("why it is additional"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    has_entrepreneur = models.BooleanField(
        _("has a driving entrepreneur"), default=False
    )
    effective_method = models.BooleanField(_("uses a proven method"), default=False)
    strategic_coalition = models.BooleanField(
        _("has a strategic coalition"), default=False
    )
    measured_effect = models.BooleanField(_("effect is measured"), default=False)
    benefits_to = models.CharField(
        _("who cashes in the benefits"), max_length=200, blank=True
    )

    class Meta:
        ordering = ["focus_area", "start_year", "title"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="measure_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["planned", "running", "stopped", "completed"]
                ),
                name="measure_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(is_additional=False, additional_kind="")
                | models.Q(
                    is_additional=True,
                    additional_kind__in=["better", "more", "different"],
                ),
                name="measure_additional_has_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def good_practice_score(self) -> int:
        """How many of the four marks of good practice the measure has."""
        return sum(
            (
                self.has_entrepreneur,
                self.effective_method,
                self.strategic_coalition,
                self.measured_effect,
            )
        )


class MeasureBudget(models.Model):
    """What one partner puts into a measure in one year, in euro cents."""

    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="budgets",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount_cents = models.PositiveBigIntegerField(_("amount (cents)"))

    class Meta:
        ordering = ["measure", "year", "organisation__name"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "organisation", "year"],
                name="budget_once_per_partner_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.organisation} {self.year}"


class StopRule(models.Model):
    """The evaluation criterion agreed before a measure starts: continue or stop."""

    class Comparison(models.TextChoices):
        AT_LEAST = "at_least", _("at least")
        AT_MOST = "at_most", _("at most")

    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="stop_rules",
    )
    criterion = models.CharField(_("what is measured"), max_length=200)
    comparison = models.CharField(
        _("continue when the value is"), max_length=16, choices=Comparison.choices
    )
    threshold = models.FloatField(_("threshold"))
    check_year = models.PositiveSmallIntegerField(_("checked in"))
    observed_value = models.FloatField(_("observed value"), null=True, blank=True)
    observed_on = models.DateField(_("observed on"), null=True, blank=True)

    class Meta:
        ordering = ["measure", "check_year", "pk"]
        verbose_name = _("stop rule")
        verbose_name_plural = _("stop rules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(comparison__in=["at_least", "at_most"]),
                name="stop_rule_comparison_known",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    observed_value__isnull=True, observed_on__isnull=True
                )
                | models.Q(observed_value__isnull=False, observed_on__isnull=False),
                name="stop_rule_observation_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.criterion


class CommitmentKind(models.TextChoices):
    """What a partner commits: money in euro cents, staff in hours, or other means."""

    MONEY = "money", _("Money")
    STAFF = "staff", _("Staff (hours)")
    OTHER = "other", _("Other means")


class Commitment(models.Model):
    """A partner's promise (*toezegging*) of means for one year."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=16, choices=CommitmentKind.choices)
    promised = models.PositiveBigIntegerField(_("promised"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
    )
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
    )

    class Meta:
        ordering = ["focus_area", "organisation__name", "year", "kind"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["money", "staff", "other"]),
                name="commitment_kind_known",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="commitment_year_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year} {self.get_kind_display()}"


class Delivery(models.Model):
    """Part of a commitment that a partner reports as delivered.

    ``client_key`` makes the report idempotent: a retried request with the same
    key adds nothing.
    """

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    amount = models.PositiveBigIntegerField(_("amount"))
    delivered_on = models.DateField(_("delivered on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    client_key = models.CharField(_("client key"), max_length=64, blank=True)

    class Meta:
        ordering = ["commitment", "delivered_on", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "client_key"],
                condition=~models.Q(client_key=""),
                name="delivery_client_key_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.commitment} +{self.amount}"


class Meeting(models.Model):
    """A meeting of the alliance (*alliantieoverleg*) with its agenda."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True)

    class Meta:
        ordering = ["focus_area", "-held_on"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%Y-%m-%d})"


class Decision(models.Model):
    """A decision the alliance took in a meeting."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    text = models.TextField(_("decision"))

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:60]


class HomeworkItem(models.Model):
    """A task (*huiswerk*) the alliance gave a partner, with a due date."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="homework",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="homework",
    )
    text = models.TextField(_("task"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="homework",
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = [
            "focus_area",
            models.F("done_on").asc(nulls_first=True),
            "due_on",
            "pk",
        ]
        verbose_name = _("homework item")
        verbose_name_plural = _("homework items")

    def __str__(self) -> str:
        return self.text[:60]

    def is_overdue(self, today: datetime.date) -> bool:
        """Not done and past its due date."""
        return self.done_on is None and self.due_on < today
