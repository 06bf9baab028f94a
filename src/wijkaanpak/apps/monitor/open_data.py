# SPDX-License-Identifier: EUPL-1.2
"""Open data: everything the monitor knows that holds no personal data.

Only open focus areas (``is_public``), only aggregates per area: indicator
values, goals, measures with their budgets per partner organisation,
promised against delivered per partner organisation, and the process
figures with small numbers suppressed. No people, no reports' texts,
addresses, coordinates or contact data. Organisations are legal persons and
their names are published on the public programme page already.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch

from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood
from wijkaanpak.apps.monitor.selectors import (
    NationalDashboard,
    area_histories,
    area_monitor,
    outcome_indicators,
)
from wijkaanpak.apps.programme.models import Measure, NationalMinimumGoal
from wijkaanpak.apps.programme.selectors import balances_of

#: The licence of the open data: as the CBS figures it builds on.
LICENCE = "CC-BY-4.0"

FIGURE_COLUMNS = (
    "focus_area",
    "municipality_code",
    "indicator",
    "unit",
    "year",
    "value",
)
DASHBOARD_COLUMNS = (
    "kind",
    "key",
    "name",
    "unit",
    "year",
    "focus_area",
    "value",
    "index_start_year_100",
)


def public_areas() -> list[FocusArea]:
    """The focus areas whose data are open."""
    return list(
        FocusArea.objects.published().select_related("municipality").order_by("name")
    )


def _histories(areas: list[FocusArea]) -> dict[str, dict[Any, dict[int, float]]]:
    slugs = {area.pk: area.slug for area in areas}
    return {
        key: {slugs[pk]: history for pk, history in per_area.items()}
        for key, per_area in area_histories(areas).items()
    }


def figure_rows() -> Iterator[tuple[Any, ...]]:
    """One row per open area, indicator and year (long format)."""
    areas = public_areas()
    histories = _histories(areas)
    units = {ind.key: ind.unit for ind in outcome_indicators()}
    for area in areas:
        for key, per_area in histories.items():
            for year, value in sorted(per_area[area.slug].items()):
                yield (
                    area.slug,
                    area.municipality.code,
                    key,
                    units[key],
                    year,
                    round(value, 4),
                )


def _outline(area: FocusArea) -> dict[str, Any] | None:
    polygons: list[Any] = []
    for neighbourhood in area.neighbourhoods.all():
        geometry = neighbourhood.geometry or {}
        if geometry.get("type") == "Polygon":
            polygons.append(geometry["coordinates"])
        elif geometry.get("type") == "MultiPolygon":
            polygons.extend(geometry["coordinates"])
    if not polygons:
        return None
    return {"type": "MultiPolygon", "coordinates": polygons}


def focus_areas_geojson() -> dict[str, Any]:
    """The open focus areas with their latest indicator values."""
    areas = public_areas()
    histories = _histories(areas)
    features = []
    for area in (
        FocusArea.objects.filter(pk__in=[a.pk for a in areas])
        .prefetch_related(
            Prefetch("neighbourhoods", queryset=Neighbourhood.objects.order_by("code"))
        )
        .select_related("municipality")
    ):
        latest = {}
        for key, per_area in histories.items():
            history = per_area[area.slug]
            if history:
                year = max(history)
                latest[key] = {"year": year, "value": round(history[year], 4)}
        features.append(
            {
                "type": "Feature",
                "id": area.slug,
                "geometry": _outline(area),
                "properties": {
                    "name": area.name,
                    "municipality_code": area.municipality.code,
                    "municipality": area.municipality.name,
                    "start_year": area.start_year,
                    "neighbourhoods": [n.code for n in area.neighbourhoods.all()],
                    "indicators": latest,
                },
            }
        )
    return {"type": "FeatureCollection", "licence": LICENCE, "features": features}


def _area_document(area: FocusArea, today: datetime.date) -> dict[str, Any]:
    monitor = area_monitor(area, today=today)
    measures = (
        Measure.objects.filter(focus_area=area)
        .select_related("owner")
        .prefetch_related("budgets__organisation")
        .order_by("start_year", "title")
    )
    return {
        "slug": area.slug,
        "name": area.name,
        "municipality": {
            "code": area.municipality.code,
            "name": area.municipality.name,
        },
        "start_year": area.start_year,
        "neighbourhoods": list(
            area.neighbourhoods.order_by("code").values_list("code", flat=True)
        ),
        "indicators": {
            c.indicator.key: {
                "unit": c.indicator.unit,
                "values": {str(y): round(v, 4) for y, v in sorted(c.area.items())},
                "index_start_year_100": (
                    {str(y): round(v, 2) for y, v in sorted(c.index.items())}
                    if c.index
                    else None
                ),
            }
            for c in monitor.comparisons
            if c.area
        },
        "goals": [
            {
                "title": g.goal.title,
                "national_goal": g.goal.national_goal,
                "indicator": g.goal.indicator_key or None,
                "baseline": (
                    {"year": g.goal.baseline_year, "value": g.goal.baseline_value}
                    if g.goal.baseline_year
                    else None
                ),
                "target": {"year": g.goal.target_year, "value": g.goal.target_value},
                "milestones": [
                    {"year": m.year, "value": m.value} for m in g.goal.milestones.all()
                ],
                "status": g.status.status,
                "status_reason": g.status.reason or None,
            }
            for g in monitor.goals
        ],
        "measures": [
            {
                "title": m.title,
                "responsible_partner": m.owner.name,
                "start_year": m.start_year,
                "end_year": m.end_year,
                "status": m.status,
                "additional": m.is_additional,
                "budget_cents": [
                    {
                        "partner": b.organisation.name,
                        "year": b.year,
                        "amount": b.amount_cents,
                    }
                    for b in m.budgets.all()
                ],
            }
            for m in measures
        ],
        "promised_and_delivered": [
            {
                "partner": b.partner,
                "kind": b.kind,
                "promised": b.promised,
                "due": b.due,
                "delivered": b.delivered,
            }
            for b in balances_of(area, up_to_year=today.year - 1)
        ],
        "process": [
            {
                "key": f.key,
                "value": None if f.value is None else round(f.value, 2),
                "suppressed": f.suppressed,
            }
            for f in monitor.process
        ],
    }


def everything(*, today: datetime.date) -> dict[str, Any]:
    """The whole open data set as one JSON-ready document."""
    return {
        "licence": LICENCE,
        "generated_on": today.isoformat(),
        "national_minimum_goals": [
            {
                "national_goal": m.national_goal,
                "title": m.title,
                "indicator": m.indicator_key,
                "direction": m.direction,
                "minimum_improvement": m.minimum_improvement,
                "deadline_year": m.deadline_year,
            }
            for m in NationalMinimumGoal.objects.all()
        ],
        "focus_areas": [_area_document(area, today) for area in public_areas()],
    }


def dashboard_rows(dashboard: NationalDashboard) -> Iterator[tuple[Any, ...]]:
    """The national dashboard as rows: per area and figure, then the spread."""
    names = {column.slug: column.name for column in dashboard.areas}
    for row in dashboard.indicators:
        for slug, value in row.values.items():
            index = row.index.get(slug)
            yield (
                "indicator",
                row.key,
                row.name,
                row.unit,
                row.year,
                names[slug],
                "" if value is None else round(value, 4),
                "" if index is None else round(index, 2),
            )
        if row.spread is not None:
            for label, value in (
                ("minimum", row.spread.minimum),
                ("median", row.spread.median),
                ("maximum", row.spread.maximum),
            ):
                yield (
                    "spread",
                    row.key,
                    row.name,
                    row.unit,
                    row.year,
                    label,
                    round(value, 4),
                    "",
                )
    for process in dashboard.process:
        for slug, value in process.values.items():
            shown = "<10" if process.suppressed.get(slug) else value
            yield (
                "process",
                process.key,
                process.label,
                process.unit,
                "",
                names[slug],
                ""
                if shown is None
                else (shown if isinstance(shown, str) else round(shown, 2)),
                "",
            )
        if process.national is not None or process.national_suppressed:
            yield (
                "process",
                process.key,
                process.label,
                process.unit,
                "",
                "national",
                "<10" if process.national_suppressed else round(process.national, 2),  # type: ignore[arg-type]
                "",
            )
