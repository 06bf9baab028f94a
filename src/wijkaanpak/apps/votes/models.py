# SPDX-License-Identifier: EUPL-1.2
"""Tables of a neighbourhood budget vote (*buurtbudget-stemming*).

A ballot keeps no link to the voting code that cast it, nor a time: the code
only records that it was used, so nobody can tell who voted what.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood


class BallotKind(models.TextChoices):
    """The kinds of ballot (the names of the pabulib format)."""

    APPROVAL = "approval", _("Approval: tick the projects you support")
    CUMULATIVE = "cumulative", _("Points: share out your points")
    ORDINAL = "ordinal", _("Ranking: put projects in order")


class Rule(models.TextChoices):
    """The rule that turns ballots into winners."""

    GREEDY = "greedy", _("Most votes first (greedy)")
    EQUAL_SHARES = "mes", _("Method of Equal Shares")
    PHRAGMEN = "phragmen", _("Sequential Phragmén")


class Completion(models.TextChoices):
    """How equal shares uses money left over after its first run."""

    NONE = "none", _("None")
    ADD1 = "add1", _("Raise every share by one unit (add1)")
    ADD1_EXHAUSTIVE = "add1-exhaustive", _("add1, stop when exhaustive")
    ADD1_GREEDY = "add1-greedy", _("add1, then most votes first")


class TieBreaking(models.TextChoices):
    """Which project goes first when two are equal."""

    LISTED = "listed", _("The order on the ballot")
    ID = "id", _("The project number")


class Vote(models.Model):
    """A vote of the residents of one focus area on how to spend a budget."""

    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.PROTECT,
        related_name="votes",
        verbose_name=_("focus area"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    budget_cents = models.PositiveBigIntegerField(_("budget (cents)"))
    opens_at = models.DateTimeField(_("voting opens"))
    closes_at = models.DateTimeField(_("voting closes"))
    ballot_kind = models.CharField(
        _("kind of ballot"),
        max_length=16,
        choices=BallotKind.choices,
        default=BallotKind.APPROVAL,
    )
    max_projects = models.PositiveSmallIntegerField(
        _("most projects per ballot"), null=True, blank=True
    )
    max_cost_cents = models.PositiveBigIntegerField(
        _("most money per ballot (cents)"), null=True, blank=True
    )
    points = models.PositiveSmallIntegerField(
        _("points per voter (cumulative ballots)"), null=True, blank=True
    )
    rule = models.CharField(
        _("rule"), max_length=16, choices=Rule.choices, default=Rule.EQUAL_SHARES
    )
    completion = models.CharField(
        _("completion"),
        max_length=16,
        choices=Completion.choices,
        default=Completion.ADD1,
    )
    tie_breaking = models.CharField(
        _("tie-breaking"),
        max_length=8,
        choices=TieBreaking.choices,
        default=TieBreaking.LISTED,
    )
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), default=16)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="vote_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=models.Q(budget_cents__gt=0),
                name="vote_budget_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, now: object = None) -> bool:
        """Whether ballots may be cast at ``now`` (default: this moment)."""
        moment = now or timezone.now()
        return bool(self.opens_at <= moment < self.closes_at)  # type: ignore[operator]


class Feasibility(models.TextChoices):
    """The bureau's check of a proposal."""

    PENDING = "pending", _("Not checked yet")
    FEASIBLE = "feasible", _("Feasible")
    REJECTED = "rejected", _("Not feasible")


class Project(models.Model):
    """A proposal residents can vote for."""

    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="projects", verbose_name=_("vote")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    cost_cents = models.PositiveBigIntegerField(_("cost (cents)"))
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("neighbourhood"),
    )
    proposer = models.CharField(
        _("proposed by"),
        max_length=200,
        help_text=_("A group or organisation; the name is shown on the ballot."),
    )
    feasibility = models.CharField(
        _("feasibility"),
        max_length=16,
        choices=Feasibility.choices,
        default=Feasibility.PENDING,
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    position = models.PositiveSmallIntegerField(_("position on the ballot"))

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["vote", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "position"], name="project_position_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(feasibility="rejected")
                | ~models.Q(rejection_reason=""),
                name="project_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class VotingCode(models.Model):
    """A single-use code printed on a letter; only its hash is kept."""

    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="codes", verbose_name=_("vote")
    )
    code_hash = models.CharField(_("hash of the code"), max_length=64, unique=True)
    used = models.BooleanField(_("used"), default=False)
    batch = models.PositiveSmallIntegerField(_("print batch"), default=1)

    class Meta:
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")

    def __str__(self) -> str:
        return f"{self.vote_id}:{self.code_hash[:8]}"


class Ballot(models.Model):
    """One resident's vote; anonymous, with no time and no link to a code."""

    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("vote")
    )
    approved = models.JSONField(_("supported projects"), default=list)
    points = models.JSONField(_("points per project"), default=list)
    ranking = models.JSONField(_("ranking"), default=list)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")

    def __str__(self) -> str:
        return f"{self.vote_id}:{self.pk}"


class Result(models.Model):
    """The counted outcome, with the rule it was counted by and every reason."""

    vote = models.OneToOneField(
        Vote, on_delete=models.CASCADE, related_name="result", verbose_name=_("vote")
    )
    rule = models.CharField(_("rule"), max_length=16, choices=Rule.choices)
    completion = models.CharField(
        _("completion"), max_length=16, choices=Completion.choices
    )
    tie_breaking = models.CharField(
        _("tie-breaking"), max_length=8, choices=TieBreaking.choices
    )
    funded = models.JSONField(_("funded projects"))
    document = models.JSONField(_("explanation per project"))
    voters = models.PositiveIntegerField(_("voters"))
    counted_at = models.DateTimeField(_("counted at"))

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return f"{self.vote}: {len(self.funded)}"
