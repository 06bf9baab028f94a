# SPDX-License-Identifier: EUPL-1.2
"""People, the organisations they work for, and their roles per focus area."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea


class OrganisationKind(models.TextChoices):
    """The kinds of partner that take part in an alliance."""

    MUNICIPALITY = "municipality", _("Municipality")
    HOUSING_CORPORATION = "housing_corporation", _("Housing corporation")
    SCHOOL_BOARD = "school_board", _("School board")
    POLICE = "police", _("Police")
    PUBLIC_PROSECUTOR = "public_prosecutor", _("Public prosecutor")
    CARE_WELFARE = "care_welfare", _("Care and welfare")
    BUSINESS = "business", _("Business")
    RESIDENTS_ORGANISATION = "residents_organisation", _("Residents' organisation")
    MINISTRY = "ministry", _("Ministry")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    """A partner organisation (*partner*), such as a housing corporation or the police."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=OrganisationKind.values),
                name="organisation_kind_known",
            )
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who works in or for a programme; residents need no account."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")

    @property
    def display_name(self) -> str:
        """The full name, or the username when no name is known."""
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    """What a person may do; every role but national belongs to one focus area."""

    BUREAU = "bureau", _("Programme bureau")
    ALLIANCE = "alliance", _("Alliance member")
    PROFESSIONAL = "professional", _("Front-line professional")
    NATIONAL = "national", _("National viewer")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_area(self, focus_area: FocusArea) -> MembershipQuerySet:
        """Memberships in one focus area."""
        return self.filter(focus_area=focus_area)


class Membership(models.Model):
    """A role of a person: in one focus area, or national (in none)."""

    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    is_chair = models.BooleanField(_("chairs the alliance"), default=False)
    has_mandate = models.BooleanField(
        _("has mandate"),
        default=True,
        help_text=_("False for a stand-in who cannot decide for the organisation."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["focus_area", "role", "user__last_name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_known"
            ),
            # The national role spans all areas; every other role belongs to one.
            models.CheckConstraint(
                condition=(
                    models.Q(role=Role.NATIONAL, focus_area__isnull=True)
                    | (
                        ~models.Q(role=Role.NATIONAL)
                        & models.Q(focus_area__isnull=False)
                    )
                ),
                name="membership_area_matches_role",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "focus_area"], name="membership_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(focus_area__isnull=True),
                name="membership_unique_national",
            ),
        ]

    def __str__(self) -> str:
        area = self.focus_area or _("all areas")
        return f"{self.user} · {self.get_role_display()} · {area}"
