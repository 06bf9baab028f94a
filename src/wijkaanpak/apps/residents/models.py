# SPDX-License-Identifier: EUPL-1.2
"""Neighbourhood contracts and residents' budgets.

A neighbourhood contract says, for one neighbourhood and one year, what
residents and partners will each do; residents write it where they can, the
programme bureau signs it, and afterwards every item gets a review. A
residents' budget is a small sum per neighbourhood and year that residents
spend on their own initiatives, under criteria agreed with them. Money is
stored in euro cents.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood


class NeighbourhoodContract(models.Model):
    """A neighbourhood contract (*wijkcontract*) for one neighbourhood and year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed")

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="neighbourhood_contracts",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    introduction = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["focus_area", "-year", "neighbourhood__name"]
        verbose_name = _("neighbourhood contract")
        verbose_name_plural = _("neighbourhood contracts")
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "neighbourhood", "year"],
                name="contract_once_per_neighbourhood_year",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="contract_year_plausible",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft", signed_on__isnull=True)
                | models.Q(status="signed", signed_on__isnull=False),
                name="contract_signed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood.name} {self.year}"

    @property
    def is_signed(self) -> bool:
        """Signed contracts are fixed: their items only get a review."""
        return self.status == self.Status.SIGNED


class ContractItem(models.Model):
    """One promise in a contract: who does what, and when; reviewed afterwards."""

    class Party(models.TextChoices):
        RESIDENTS = "residents", _("Residents")
        PARTNER = "partner", _("Partner")

    class Review(models.TextChoices):
        DONE = "done", _("Done")
        PARTLY = "partly", _("Partly done")
        NOT_DONE = "not_done", _("Not done")

    contract = models.ForeignKey(
        NeighbourhoodContract,
        verbose_name=_("contract"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    party = models.CharField(_("who"), max_length=16, choices=Party.choices)
    residents_group = models.CharField(
        _("residents' group"), max_length=200, blank=True
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contract_items",
    )
    what = models.TextField(_("what"))
    when = models.CharField(_("when"), max_length=200)
    review = models.CharField(
        _("review"), max_length=16, choices=Review.choices, blank=True
    )
    review_note = models.CharField(_("account"), max_length=500, blank=True)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)

    class Meta:
        ordering = ["contract", "party", "pk"]
        verbose_name = _("contract item")
        verbose_name_plural = _("contract items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(party="residents", organisation__isnull=True)
                & ~models.Q(residents_group="")
                | models.Q(party="partner", organisation__isnull=False),
                name="contract_item_party_named",
            ),
            models.CheckConstraint(
                condition=models.Q(review="", reviewed_on__isnull=True)
                | models.Q(
                    review__in=["done", "partly", "not_done"],
                    reviewed_on__isnull=False,
                ),
                name="contract_item_review_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.what[:60]

    @property
    def who(self) -> str:
        """The residents' group or the partner's name."""
        if self.organisation is not None:
            return self.organisation.name
        return self.residents_group


class ResidentsBudget(models.Model):
    """A residents' budget (*bewonersbudget*) for one neighbourhood and year."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="residents_budgets",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="residents_budgets",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount_cents = models.PositiveBigIntegerField(_("amount (cents)"))
    introduction = models.TextField(_("introduction"), blank=True)
    is_open = models.BooleanField(_("open for applications"), default=True)

    class Meta:
        ordering = ["focus_area", "-year", "neighbourhood__name"]
        verbose_name = _("residents' budget")
        verbose_name_plural = _("residents' budgets")
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "neighbourhood", "year"],
                name="residents_budget_once_per_neighbourhood_year",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="residents_budget_year_plausible",
            ),
            models.CheckConstraint(
                condition=models.Q(amount_cents__gt=0),
                name="residents_budget_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood.name} {self.year}"


class BudgetCriterion(models.Model):
    """A criterion agreed with residents that initiatives are judged by."""

    budget = models.ForeignKey(
        ResidentsBudget,
        verbose_name=_("residents' budget"),
        on_delete=models.CASCADE,
        related_name="criteria",
    )
    text = models.CharField(_("criterion"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        ordering = ["budget", "position"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "position"], name="criterion_position_once"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Application(models.Model):
    """Residents' application for money from the budget for their initiative.

    ``submission_key`` makes the intake idempotent: a resent form adds
    nothing. Contact data are optional and erased after the retention period.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class DecidedBy(models.TextChoices):
        BUREAU = "bureau", _("Programme bureau")
        COMMITTEE = "committee", _("Residents' committee")

    budget = models.ForeignKey(
        ResidentsBudget,
        verbose_name=_("residents' budget"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    amount_cents = models.PositiveBigIntegerField(_("amount asked (cents)"))
    criteria = models.ManyToManyField(
        BudgetCriterion,
        verbose_name=_("criteria met"),
        related_name="applications",
        blank=True,
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    submission_key = models.CharField(_("submission key"), max_length=64, blank=True)
    tracking_token = models.CharField(_("tracking token"), max_length=64, unique=True)
    submitted_at = models.DateTimeField(_("submitted at"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    granted_cents = models.PositiveBigIntegerField(
        _("amount granted (cents)"), null=True, blank=True
    )
    decided_by = models.CharField(
        _("decided by"), max_length=16, choices=DecidedBy.choices, blank=True
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)
    participants = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True
    )
    result_on = models.DateField(_("result reported on"), null=True, blank=True)
    contact_erased_at = models.DateTimeField(
        _("contact data erased at"), null=True, blank=True
    )

    class Meta:
        ordering = ["budget", "submitted_at", "pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "submission_key"],
                condition=~models.Q(submission_key=""),
                name="application_submission_once",
            ),
            models.CheckConstraint(
                condition=models.Q(amount_cents__gt=0),
                name="application_amount_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status="submitted",
                    granted_cents__isnull=True,
                    decided_on__isnull=True,
                    decided_by="",
                )
                | models.Q(
                    status="rejected",
                    granted_cents__isnull=True,
                    decided_on__isnull=False,
                    decided_by__in=["bureau", "committee"],
                )
                | models.Q(
                    status="approved",
                    granted_cents__gt=0,
                    granted_cents__lte=models.F("amount_cents"),
                    decided_on__isnull=False,
                    decided_by__in=["bureau", "committee"],
                ),
                name="application_decision_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(result_on__isnull=True, result="")
                | models.Q(status="approved", result_on__isnull=False),
                name="application_result_after_approval",
            ),
        ]

    def __str__(self) -> str:
        return self.title
