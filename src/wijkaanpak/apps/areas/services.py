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

from wijkaanpak.apps.accounts.access import Need, require, require_administrator
from wijkaanpak.apps.areas.models import (
    District,
    Figure,
    FocusArea,
    FocusAreaNeighbourhood,
    Municipality,
    Neighbourhood,
)
from wijkaanpak.apps.audit.services import changed_fields, record
from wijkaanpak.core.areas import codes

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
    return created


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
    before = sorted(focus_area.neighbourhoods.values_list("code", flat=True))
    FocusAreaNeighbourhood.objects.filter(focus_area=focus_area).delete()
    FocusAreaNeighbourhood.objects.bulk_create(
        FocusAreaNeighbourhood(focus_area=focus_area, neighbourhood=neighbourhood)
        for neighbourhood in neighbourhoods
    )
    record(
        "neighbourhoods_set",
        focus_area,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"neighbourhoods": [before, sorted(n.code for n in neighbourhoods)]},
    )
    return focus_area


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
