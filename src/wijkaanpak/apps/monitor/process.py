# SPDX-License-Identifier: EUPL-1.2
"""The platform's own figures (process indicators) for the monitor.

Each capability that keeps a register gives the monitor its figures through
a provider: a function from focus areas and a day to a list of
:class:`ProcessFigure` per area id. Providers take many areas at once, so
the national dashboard reads each register in a few queries, not a few per
area. The residents' reports (P1-P3), the commitments of
partners (P5) and the measures (P6) are built in. The breakthroughs register
(*doorbraken*, P4) is built by its own app: it plugs in by calling
:func:`register_provider` from its ``AppConfig.ready()``; without it the
monitor says plainly that breakthroughs are not measured. A provider may also
give figures for the whole country (``national``): computed over every case,
not as a sum of rounded or suppressed area figures.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.programme.models import Commitment, CommitmentKind, Measure
from wijkaanpak.apps.reports.selectors import figures_by_area
from wijkaanpak.core.monitor import SMALL_NUMBER
from wijkaanpak.core.programme import Contribution, promised_versus_delivered

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from wijkaanpak.apps.areas.models import FocusArea


@dataclass(frozen=True)
class ProcessFigure:
    """One figure of the platform's own registers for one area.

    ``value`` is None when unknown or suppressed; ``suppressed`` says which.
    ``higher_is_better`` tells the dashboard which end is the weakest.
    """

    key: str
    label: str | Promise
    value: float | None
    unit: str | Promise
    basis: int | None
    suppressed: bool = False
    higher_is_better: bool = True
    note: str | Promise = ""


Provider = Callable[
    [Sequence["FocusArea"], datetime.date], dict[int, list[ProcessFigure]]
]
NationalProvider = Callable[[datetime.date], list[ProcessFigure]]
_PROVIDERS: dict[str, Provider] = {}
_NATIONAL: dict[str, NationalProvider] = {}


def register_provider(
    key: str, provider: Provider, *, national: NationalProvider | None = None
) -> None:
    """Let an app add its figures to the monitor (idempotent per key).

    ``national`` gives the same figures for the whole country, small numbers
    suppressed; the national dashboard shows them beside the areas.
    """
    _PROVIDERS[key] = provider
    if national is not None:
        _NATIONAL[key] = national
    else:
        _NATIONAL.pop(key, None)


def national_process_figures(today: datetime.date) -> dict[str, ProcessFigure]:
    """The country's figures of the providers that give them, by figure key."""
    return {
        figure.key: figure
        for provider in _NATIONAL.values()
        for figure in provider(today)
    }


def _report_figures(
    areas: Sequence[FocusArea], today: datetime.date
) -> dict[int, list[ProcessFigure]]:
    return {
        pk: _one_area_report_figures(figures)
        for pk, figures in figures_by_area(areas).items()
    }


def _one_area_report_figures(figures: Any) -> list[ProcessFigure]:
    few = figures.verified < SMALL_NUMBER
    median = figures.median_time_to_fix
    days = median.total_seconds() / 86_400 if median is not None else None
    feedback = (
        float(figures.feedback_share) * 100
        if figures.feedback_share is not None
        else None
    )
    reopened = (
        float(figures.reopen_rate) * 100 if figures.reopen_rate is not None else None
    )
    return [
        ProcessFigure(
            "time_to_fix",
            _("Median time to a verified fix"),
            None if few else days,
            _("days"),
            figures.verified,
            suppressed=few and figures.verified > 0,
            higher_is_better=False,
        ),
        ProcessFigure(
            "feedback_share",
            _("Reporters told the outcome"),
            None if few else feedback,
            "%",
            figures.verified,
            suppressed=few and figures.verified > 0,
        ),
        ProcessFigure(
            "reopen_rate",
            _("Fixes reopened"),
            None if few else reopened,
            "%",
            figures.verified,
            suppressed=few and figures.verified > 0,
            higher_is_better=False,
        ),
    ]


def _commitment_figures(
    areas: Sequence[FocusArea], today: datetime.date
) -> dict[int, list[ProcessFigure]]:
    contributions: dict[int, list[Contribution]] = defaultdict(list)
    for commitment in (
        Commitment.objects.filter(focus_area__in=areas)
        .annotate(total=Coalesce(Sum("deliveries__amount"), 0))
        .values("focus_area_id", "organisation_id", "year", "kind", "promised", "total")
    ):
        contributions[commitment["focus_area_id"]].append(
            Contribution(
                str(commitment["organisation_id"]),
                commitment["year"],
                commitment["kind"],
                commitment["promised"],
                commitment["total"],
            )
        )
    return {
        area.pk: _one_area_commitment_figures(
            list(
                promised_versus_delivered(
                    contributions[area.pk], up_to_year=today.year - 1
                )
            )
        )
        for area in areas
    }


def _one_area_commitment_figures(rows: list[Any]) -> list[ProcessFigure]:
    figures = []
    for kind, label in (
        (CommitmentKind.MONEY, _("Money delivered of what was promised")),
        (CommitmentKind.STAFF, _("Hours delivered of what was promised")),
    ):
        due = sum(row.due for row in rows if row.kind == kind)
        delivered = sum(row.delivered for row in rows if row.kind == kind)
        figures.append(
            ProcessFigure(
                f"delivered_{kind}",
                label,
                delivered / due * 100 if due else None,
                "%",
                None,
            )
        )
    return figures


def _measure_figures(
    areas: Sequence[FocusArea], today: datetime.date
) -> dict[int, list[ProcessFigure]]:
    should_run: dict[int, list[str]] = defaultdict(list)
    for area_id, status in Measure.objects.filter(
        focus_area__in=areas, start_year__lte=today.year
    ).values_list("focus_area_id", "status"):
        should_run[area_id].append(status)
    figures = {}
    for area in areas:
        statuses = should_run[area.pk]
        running = sum(status in {"running", "completed"} for status in statuses)
        figures[area.pk] = [
            ProcessFigure(
                "measures_on_schedule",
                _("Measures running or done that should have started"),
                running / len(statuses) * 100 if statuses else None,
                "%",
                len(statuses),
            )
        ]
    return figures


def _breakthroughs_placeholder() -> list[ProcessFigure]:
    return [
        ProcessFigure(
            "breakthroughs",
            _("Breakthroughs realised"),
            None,
            "",
            None,
            note=_("Not measured yet: the breakthroughs register is not in use."),
        )
    ]


BUILT_IN: dict[str, Provider] = {
    "reports": _report_figures,
    "commitments": _commitment_figures,
    "measures": _measure_figures,
}


def process_figures_for(
    areas: Sequence[FocusArea], today: datetime.date
) -> dict[int, list[ProcessFigure]]:
    """All process figures per area: the built-in ones and the plugged-in ones."""
    figures: dict[int, list[ProcessFigure]] = {area.pk: [] for area in areas}
    for provider in [*BUILT_IN.values(), *_PROVIDERS.values()]:
        for pk, found in provider(areas, today).items():
            figures[pk].extend(found)
    if "breakthroughs" not in _PROVIDERS:
        for found in figures.values():
            found.extend(_breakthroughs_placeholder())
    return figures


def process_figures(focus_area: FocusArea, today: datetime.date) -> list[ProcessFigure]:
    """All process figures of one area."""
    return process_figures_for([focus_area], today)[focus_area.pk]
