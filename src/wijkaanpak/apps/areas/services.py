# SPDX-License-Identifier: EUPL-1.2
"""Every write to areas and focus areas: validated, access-checked, audited, atomic."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkaanpak.adapters.geometry import shape_of
from wijkaanpak.apps.accounts.access import Need, require, require_administrator
from wijkaanpak.apps.areas.models import (
    Contiguity,
    District,
    Figure,
    FocusArea,
    FocusAreaNeighbourhood,
    Municipality,
    Neighbourhood,
    ProfileNote,
    ReferenceLevel,
)
from wijkaanpak.apps.audit.services import changed_fields, record
from wijkaanpak.apps.monitor import services as monitor_services
from wijkaanpak.core.areas import codes
from wijkaanpak.core.areas.contiguity import Adjacency, polygon_contiguity
from wijkaanpak.core.areas.delimitation import enclosed_by, is_contiguous
from wijkaanpak.core.errors import WijkaanpakError

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User


@dataclass(frozen=True, slots=True)
class DistrictInput:
    """A district to register: its CBS code and name."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class NeighbourhoodInput:
    """A neighbourhood to register, with its GeoJSON polygon when known."""

    code: str
    name: str
    geometry: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class FigureInput:
    """One value of a variable for a neighbourhood in a year (None = missing)."""

    neighbourhood_code: str
    year: int
    variable: str
    value: float | None


@transaction.atomic
def register_municipality(
    code: str, name: str, *, acting_user: User | None
) -> Municipality:
    """Add a municipality, or rename the one with this code."""
    require_administrator(acting_user)
    code = codes.normalise_code(code)
    if not codes.is_municipality_code(code):
        raise ValidationError(
            _("%(code)s is not a municipality code; write GM and four digits."),
            params={"code": code},
        )
    municipality, created = Municipality.objects.update_or_create(
        code=code, defaults={"name": name}
    )
    record(
        "created" if created else "updated",
        municipality,
        acting_user=acting_user,
        changes={"code": code, "name": name},
    )
    return municipality


@transaction.atomic
def register_areas(
    municipality: Municipality,
    districts: Sequence[DistrictInput],
    neighbourhoods: Sequence[tuple[str, NeighbourhoodInput]],
    *,
    boundary_year: int,
    acting_user: User | None,
) -> list[Neighbourhood]:
    """Add the districts and neighbourhoods of one municipality for a boundary year.

    ``neighbourhoods`` pairs each neighbourhood with its district code. Every code
    must lie in the municipality, so that a focus area built from them does too;
    one wrong code rejects the whole batch and nothing is saved.
    """
    require_administrator(acting_user)
    errors = []
    for district in districts:
        if not codes.is_district_code(district.code):
            errors.append(_("%s is not a district code.") % district.code)
        elif codes.municipality_of(district.code) != municipality.code:
            errors.append(
                _("District %(district)s does not lie in %(municipality)s.")
                % {"district": district.code, "municipality": municipality.code}
            )
    district_codes = {district.code for district in districts}
    for district_code, neighbourhood in neighbourhoods:
        if not codes.is_neighbourhood_code(neighbourhood.code):
            errors.append(_("%s is not a neighbourhood code.") % neighbourhood.code)
        elif codes.district_of(neighbourhood.code) != district_code:
            errors.append(
                _("Neighbourhood %(code)s does not lie in district %(district)s.")
                % {"code": neighbourhood.code, "district": district_code}
            )
        elif district_code not in district_codes:
            errors.append(_("District %s is not in this batch.") % district_code)
    if errors:
        raise ValidationError(errors)

    created_districts = {
        district.code: district
        for district in District.objects.bulk_create(
            District(
                code=district.code,
                name=district.name,
                municipality=municipality,
                boundary_year=boundary_year,
            )
            for district in districts
        )
    }
    created = Neighbourhood.objects.bulk_create(
        Neighbourhood(
            code=neighbourhood.code,
            name=neighbourhood.name,
            municipality=municipality,
            district=created_districts[district_code],
            boundary_year=boundary_year,
            geometry=neighbourhood.geometry,
        )
        for district_code, neighbourhood in neighbourhoods
    )
    record(
        "areas_registered",
        municipality,
        acting_user=acting_user,
        changes={
            "boundary_year": boundary_year,
            "districts": len(created_districts),
            "neighbourhoods": len(created),
        },
    )
    if created and all(n.geometry for n in created):
        compute_contiguity(municipality, boundary_year, acting_user=acting_user)
    return created


@transaction.atomic
def compute_contiguity(
    municipality: Municipality, boundary_year: int, *, acting_user: User | None
) -> Adjacency:
    """Compute which neighbourhoods border each other, once, and keep it.

    Rook contiguity (a shared border of some length, not a single point), as
    the delimitation of a focus area needs: two neighbourhoods touching at a
    corner do not make one area.
    """
    require_administrator(acting_user)
    neighbourhoods = list(
        Neighbourhood.objects.filter(
            municipality=municipality, boundary_year=boundary_year
        ).order_by("code")
    )
    without = [n.code for n in neighbourhoods if not n.geometry]
    if not neighbourhoods or without:
        raise ValidationError(
            _("Contiguity needs a polygon of every neighbourhood; missing: %s")
            % (", ".join(without[:10]) or municipality.code)
        )
    try:
        shapes = [shape_of(n.geometry, n.code) for n in neighbourhoods]
    except WijkaanpakError as error:
        raise ValidationError(str(error)) from error
    adjacency = polygon_contiguity([n.code for n in neighbourhoods], shapes)
    Contiguity.objects.update_or_create(
        municipality=municipality,
        boundary_year=boundary_year,
        defaults={"adjacency": adjacency.to_dict()},
    )
    record(
        "contiguity_computed",
        municipality,
        acting_user=acting_user,
        changes={"boundary_year": boundary_year, "borders": len(adjacency.edges())},
    )
    return adjacency


@dataclass(frozen=True, slots=True)
class ReferenceInput:
    """Level and spread of one indicator in a reference region in a year."""

    year: int
    indicator: str
    level: float | None
    spread: float | None


@transaction.atomic
def record_reference_levels(
    region_code: str,
    region_name: str,
    levels: Iterable[ReferenceInput],
    *,
    source: str,
    acting_user: User | None,
) -> int:
    """Store the reference of a region (``NL00``: the country), replacing older values."""
    require_administrator(acting_user)
    if not (region_code == "NL00" or codes.is_municipality_code(region_code)):
        raise ValidationError(
            _("%s is not the code of the country (NL00) or a municipality.")
            % region_code
        )
    rows = [
        ReferenceLevel(
            region_code=region_code,
            region_name=region_name,
            year=level.year,
            indicator=level.indicator,
            level=level.level,
            spread=level.spread,
            source=source,
        )
        for level in levels
    ]
    ReferenceLevel.objects.filter(
        region_code=region_code, year__in={row.year for row in rows}
    ).delete()
    ReferenceLevel.objects.bulk_create(rows)
    first = ReferenceLevel.objects.filter(region_code=region_code).first()
    if first is None:
        return 0
    record(
        "reference_recorded",
        first,
        acting_user=acting_user,
        changes={"region": region_code, "levels": len(rows), "source": source},
    )
    return len(rows)


@transaction.atomic
def record_figures(
    municipality: Municipality,
    figures: Iterable[FigureInput],
    *,
    boundary_year: int,
    source: str,
    acting_user: User | None,
) -> int:
    """Store neighbourhood figures of one municipality, replacing earlier values."""
    require_administrator(acting_user)
    by_code = {
        neighbourhood.code: neighbourhood
        for neighbourhood in Neighbourhood.objects.filter(
            municipality=municipality, boundary_year=boundary_year
        )
    }
    rows = []
    unknown = set()
    for figure in figures:
        neighbourhood = by_code.get(figure.neighbourhood_code)
        if neighbourhood is None:
            unknown.add(figure.neighbourhood_code)
            continue
        rows.append(
            Figure(
                neighbourhood=neighbourhood,
                year=figure.year,
                variable=figure.variable,
                value=figure.value,
                source=source,
            )
        )
    if unknown:
        raise ValidationError(
            _(
                "These neighbourhoods are not known for boundary year %(year)s: %(codes)s"
            )
            % {"year": boundary_year, "codes": ", ".join(sorted(unknown)[:10])}
        )
    Figure.objects.filter(neighbourhood__in=by_code.values()).filter(
        year__in={row.year for row in rows}, variable__in={row.variable for row in rows}
    ).delete()
    Figure.objects.bulk_create(rows, batch_size=2000)
    monitor_services.refresh_area_values()
    record(
        "figures_recorded",
        municipality,
        acting_user=acting_user,
        changes={"figures": len(rows), "source": source},
    )
    return len(rows)


def _neighbourhoods_for(
    municipality: Municipality, neighbourhood_codes: Sequence[str], boundary_year: int
) -> list[Neighbourhood]:
    """Resolve codes to neighbourhoods, refusing any outside the municipality."""
    wanted = [codes.normalise_code(code) for code in neighbourhood_codes]
    if not wanted:
        raise ValidationError(_("A focus area needs at least one neighbourhood."))
    outside = sorted(
        code
        for code in wanted
        if not codes.is_neighbourhood_code(code)
        or codes.municipality_of(code) != municipality.code
    )
    if outside:
        raise ValidationError(
            _("These neighbourhoods do not lie in %(municipality)s: %(codes)s")
            % {"municipality": municipality.name, "codes": ", ".join(outside)}
        )
    found = {
        neighbourhood.code: neighbourhood
        for neighbourhood in Neighbourhood.objects.filter(
            municipality=municipality, boundary_year=boundary_year, code__in=wanted
        )
    }
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise ValidationError(
            _(
                "These neighbourhoods are not known for boundary year %(year)s: %(codes)s"
            )
            % {"year": boundary_year, "codes": ", ".join(missing)}
        )
    return [found[code] for code in dict.fromkeys(wanted)]


@transaction.atomic
def create_focus_area(
    *,
    municipality: Municipality,
    name: str,
    neighbourhood_codes: Sequence[str],
    boundary_year: int,
    start_year: int,
    programme_director: User | None = None,
    description: str = "",
    slug: str = "",
    acting_user: User | None,
) -> FocusArea:
    """Create a focus area; all its neighbourhoods must lie in its municipality."""
    require_administrator(acting_user)
    neighbourhoods = _neighbourhoods_for(
        municipality, neighbourhood_codes, boundary_year
    )
    focus_area = FocusArea.objects.create(
        name=name,
        slug=slug or slugify(name),
        municipality=municipality,
        start_year=start_year,
        programme_director=programme_director,
        description=description,
    )
    FocusAreaNeighbourhood.objects.bulk_create(
        FocusAreaNeighbourhood(focus_area=focus_area, neighbourhood=neighbourhood)
        for neighbourhood in neighbourhoods
    )
    monitor_services.refresh_area_values()
    record(
        "created",
        focus_area,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "name": name,
            "municipality": municipality.code,
            "neighbourhoods": [n.code for n in neighbourhoods],
        },
    )
    return focus_area


@transaction.atomic
def set_focus_area_neighbourhoods(
    focus_area: FocusArea,
    neighbourhood_codes: Sequence[str],
    *,
    boundary_year: int,
    acting_user: User | None,
) -> FocusArea:
    """Replace the neighbourhoods of a focus area; the bureau decides the delimitation."""
    require(acting_user, focus_area, Need.BUREAU)
    neighbourhoods = _neighbourhoods_for(
        focus_area.municipality, neighbourhood_codes, boundary_year
    )
    check_delimitation(
        focus_area.municipality, [n.code for n in neighbourhoods], boundary_year
    )
    before = sorted(focus_area.neighbourhoods.values_list("code", flat=True))
    FocusAreaNeighbourhood.objects.filter(focus_area=focus_area).delete()
    FocusAreaNeighbourhood.objects.bulk_create(
        FocusAreaNeighbourhood(focus_area=focus_area, neighbourhood=neighbourhood)
        for neighbourhood in neighbourhoods
    )
    monitor_services.refresh_area_values()
    record(
        "neighbourhoods_set",
        focus_area,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"neighbourhoods": [before, sorted(n.code for n in neighbourhoods)]},
    )
    return focus_area


def check_delimitation(
    municipality: Municipality, neighbourhood_codes: Sequence[str], boundary_year: int
) -> None:
    """Refuse a focus area that falls apart or leaves a hole.

    Uses the stored contiguity of the boundary year; without one (areas
    registered without polygons) only the municipality rule applies.
    """
    if not neighbourhood_codes:
        raise ValidationError(_("A focus area needs at least one neighbourhood."))
    stored = Contiguity.objects.filter(
        municipality=municipality, boundary_year=boundary_year
    ).first()
    if stored is None:
        return
    adjacency = Adjacency.from_dict(stored.adjacency)
    position = {code: i for i, code in enumerate(adjacency.codes)}
    members = frozenset(position[c] for c in neighbourhood_codes if c in position)
    if not is_contiguous(adjacency, members):
        raise ValidationError(
            _(
                "These neighbourhoods do not form one connected area. "
                "Add the neighbourhoods that connect them, or leave out the loose ones."
            )
        )
    holes = enclosed_by(adjacency, members)
    if holes:
        raise ValidationError(
            _(
                "The area would enclose neighbourhoods that are not part of it: "
                "%s. Add them, so that the area has no holes."
            )
            % ", ".join(adjacency.codes[i] for i in sorted(holes))
        )


@transaction.atomic
def update_focus_area(
    focus_area: FocusArea,
    *,
    description: str,
    is_public: bool,
    acting_user: User | None,
) -> FocusArea:
    """Change the public description of an area; only its bureau may."""
    require(acting_user, focus_area, Need.BUREAU)
    values = {"description": description, "is_public": is_public}
    changes = changed_fields(focus_area, values)
    if not changes:
        return focus_area
    for field, value in values.items():
        setattr(focus_area, field, value)
    focus_area.full_clean()
    focus_area.save(update_fields=list(changes))
    # The description is free text; record that it changed, not what it says.
    if "description" in changes:
        changes["description"] = ["…", "…"]
    record(
        "updated",
        focus_area,
        acting_user=acting_user,
        focus_area=focus_area,
        changes=changes,
    )
    return focus_area


@transaction.atomic
def add_profile_note(
    focus_area: FocusArea,
    *,
    kind: str,
    title: str,
    text: str,
    source: str,
    source_url: str = "",
    acting_user: User | None,
) -> ProfileNote:
    """Add a piece of the area's history or a strength, with its source."""
    require(acting_user, focus_area, Need.BUREAU)
    position = focus_area.profile_notes.filter(kind=kind).count()
    note = ProfileNote(
        focus_area=focus_area,
        kind=kind,
        title=title.strip(),
        text=text.strip(),
        source=source.strip(),
        source_url=source_url.strip(),
        position=position,
    )
    note.full_clean()
    note.save()
    record(
        "profile_note_added",
        note,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"kind": kind, "title": note.title},
    )
    return note


@transaction.atomic
def update_profile_note(
    note: ProfileNote,
    *,
    title: str,
    text: str,
    source: str,
    source_url: str = "",
    acting_user: User | None,
) -> ProfileNote:
    """Change a note of the area profile; only the area's bureau may."""
    require(acting_user, note.focus_area, Need.BUREAU)
    values = {
        "title": title.strip(),
        "text": text.strip(),
        "source": source.strip(),
        "source_url": source_url.strip(),
    }
    changes = changed_fields(note, values)
    if not changes:
        return note
    for field, value in values.items():
        setattr(note, field, value)
    note.full_clean()
    note.save(update_fields=list(changes))
    if "text" in changes:
        changes["text"] = ["…", "…"]
    record(
        "profile_note_updated",
        note,
        acting_user=acting_user,
        focus_area=note.focus_area,
        changes=changes,
    )
    return note


@transaction.atomic
def remove_profile_note(note: ProfileNote, *, acting_user: User | None) -> None:
    """Remove a note of the area profile; the audit trail keeps its title."""
    require(acting_user, note.focus_area, Need.BUREAU)
    record(
        "profile_note_removed",
        note,
        acting_user=acting_user,
        focus_area=note.focus_area,
        changes={"kind": note.kind, "title": note.title},
    )
    note.delete()
