# SPDX-License-Identifier: EUPL-1.2
"""Municipalities, districts, neighbourhoods, focus areas and neighbourhood figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.areas.validators import (
    validate_district_code,
    validate_municipality_code,
    validate_neighbourhood_code,
)

# Lets check constraints say "code__length=6".
models.CharField.register_lookup(Length)


class Municipality(models.Model):
    """A municipality (*gemeente*), known by its CBS code such as ``GM0344``."""

    code = models.CharField(
        _("CBS code"),
        max_length=6,
        unique=True,
        validators=[validate_municipality_code],
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__startswith="GM", code__length=6),
                name="municipality_code_shape",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class District(models.Model):
    """A district (*wijk*) of a municipality, code such as ``WK034403``."""

    code = models.CharField(
        _("CBS code"), max_length=8, validators=[validate_district_code]
    )
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="districts",
    )
    boundary_year = models.PositiveSmallIntegerField(_("boundary year"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "boundary_year"], name="district_code_year_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(code__startswith="WK", code__length=8),
                name="district_code_shape",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Neighbourhood(models.Model):
    """A neighbourhood (*buurt*), the smallest area CBS publishes figures for.

    Boundaries change between years, so a code is unique only together with its
    boundary year. The polygon is GeoJSON in WGS84 (lon/lat).
    """

    code = models.CharField(
        _("CBS code"), max_length=10, validators=[validate_neighbourhood_code]
    )
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="neighbourhoods",
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="neighbourhoods",
    )
    boundary_year = models.PositiveSmallIntegerField(_("boundary year"))
    geometry = models.JSONField(_("polygon (GeoJSON)"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "boundary_year"], name="neighbourhood_code_year_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(code__startswith="BU", code__length=10),
                name="neighbourhood_code_shape",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class FocusAreaQuerySet(models.QuerySet["FocusArea"]):
    def published(self) -> FocusAreaQuerySet:
        """Focus areas whose public page is open to residents."""
        return self.filter(is_public=True)


class FocusArea(models.Model):
    """A focus area (*focusgebied*): contiguous neighbourhoods of one municipality."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("web address name"), max_length=80, unique=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="focus_areas",
    )
    neighbourhoods = models.ManyToManyField(
        Neighbourhood,
        verbose_name=_("neighbourhoods"),
        through="FocusAreaNeighbourhood",
        related_name="focus_areas",
    )
    start_year = models.PositiveSmallIntegerField(_("start year"))
    programme_director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("programme director"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directed_focus_areas",
    )
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(_("public page open"), default=True)

    objects = FocusAreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_year__gte=2000, start_year__lte=2100),
                name="focus_area_start_year_plausible",
            )
        ]

    def __str__(self) -> str:
        return self.name


class FocusAreaNeighbourhood(models.Model):
    """Membership of a neighbourhood in a focus area (written only by services)."""

    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE)
    neighbourhood = models.ForeignKey(Neighbourhood, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "neighbourhood"],
                name="focus_area_neighbourhood_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.focus_area_id} · {self.neighbourhood_id}"


class Figure(models.Model):
    """One published value of a variable for a neighbourhood in a year.

    ``variable`` is the canonical identifier (the CBS short code such as
    ``a_inw``); an empty value means missing or kept secret by the source.
    """

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="figures",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    variable = models.CharField(_("variable"), max_length=64)
    value = models.FloatField(_("value"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["neighbourhood", "variable", "year"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "year", "variable"],
                name="figure_once_per_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood.code} {self.variable} {self.year}: {self.value}"


class Contiguity(models.Model):
    """Which neighbourhoods of a municipality border each other, per boundary year.

    Computed once from the polygons when the areas of a boundary year are
    registered (``core.areas.contiguity``) and kept, so that the delimitation
    assistant and the contiguity check of a focus area need no geometry work.
    """

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="contiguities",
    )
    boundary_year = models.PositiveSmallIntegerField(_("boundary year"))
    adjacency = models.JSONField(_("neighbours per neighbourhood"))
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("contiguity")
        verbose_name_plural = _("contiguities")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "boundary_year"],
                name="contiguity_once_per_boundary_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.boundary_year}"


class ReferenceLevel(models.Model):
    """The level and spread of an indicator in a reference region (the country).

    ``indicator`` is the key in the indicator catalogue. The spread is the
    standard deviation between the region's neighbourhoods, so that the
    analysis can say how unusual a neighbourhood is against the country.
    """

    region_code = models.CharField(_("region code"), max_length=10)
    region_name = models.CharField(_("region name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    indicator = models.CharField(_("indicator"), max_length=64)
    level = models.FloatField(_("level"), null=True, blank=True)
    spread = models.FloatField(_("spread"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["region_code", "indicator", "year"]
        verbose_name = _("reference level")
        verbose_name_plural = _("reference levels")
        constraints = [
            models.UniqueConstraint(
                fields=["region_code", "year", "indicator"],
                name="reference_level_once_per_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_code} {self.indicator} {self.year}: {self.level}"


class ProfileNote(models.Model):
    """A piece of the area's story that figures do not tell, with its source.

    The area profile ("DNA") combines figures with the history of the area and
    its strengths: what residents are proud of, what worked before. Each note
    names where it comes from, so that a reader can check it.
    """

    class Kind(models.TextChoices):
        HISTORY = "history", _("History")
        STRENGTH = "strength", _("Strength")

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="profile_notes",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("web address of the source"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["focus_area", "kind", "position", "pk"]
        verbose_name = _("profile note")
        verbose_name_plural = _("profile notes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["history", "strength"]),
                name="profile_note_kind_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(source=""),
                name="profile_note_has_source",
            ),
        ]

    def __str__(self) -> str:
        return self.title
