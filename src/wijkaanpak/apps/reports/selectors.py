# SPDX-License-Identifier: EUPL-1.2
"""Reads about reports and problems, one per use case."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from shapely.geometry import Point, shape

from wijkaanpak.apps.reports.models import (
    OPEN_STATUSES,
    ApiKey,
    Category,
    FixAnswer,
    IrritationEvening,
    Notification,
    Problem,
    Report,
    Status,
    StatusChange,
)
from wijkaanpak.core.reports import status as flow
from wijkaanpak.core.reports.duplicates import Candidate, Suggestion, suggest_duplicates
from wijkaanpak.core.reports.figures import (
    ProblemFacts,
    ReportFacts,
    ReportFigures,
    report_figures,
)

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood

#: Reports within this many metres of an open problem of the category are suggested.
DUPLICATE_RADIUS = 50
#: Degrees of latitude that certainly cover the radius (a cheap first filter).
_DEGREES_AROUND = 0.002


def categories_of(focus_area: FocusArea) -> QuerySet[Category]:
    """The categories residents can report in, by group and name."""
    return Category.objects.filter(focus_area=focus_area, is_active=True).order_by(
        "group", "name"
    )


#: Seconds an area's neighbourhood polygons are kept in memory for intake.
AREA_SHAPES_SECONDS = 60
_area_shapes: dict[int, tuple[float, tuple[tuple[int, Any], ...]]] = {}


def _shapes_of(focus_area: FocusArea) -> tuple[tuple[int, Any], ...]:
    """The area's neighbourhood polygons by neighbourhood id.

    Every submission asks where its pin lies; reading and parsing the
    polygons each time cost a query and most of the CPU of an intake. They
    change only when the area is delimited anew, so each process keeps them
    for :data:`AREA_SHAPES_SECONDS`.
    """
    now = time.monotonic()
    cached = _area_shapes.get(focus_area.pk)
    if cached is not None and cached[0] > now:
        return cached[1]
    shapes = tuple(
        (pk, shape(geometry))
        for pk, geometry in focus_area.neighbourhoods.order_by("code").values_list(
            "pk", "geometry"
        )
        if geometry
    )
    _area_shapes[focus_area.pk] = (now + AREA_SHAPES_SECONDS, shapes)
    return shapes


def forget_area_shapes() -> None:
    """Drop the kept polygons, so the next intake reads them again."""
    _area_shapes.clear()


def neighbourhood_at(
    focus_area: FocusArea, latitude: float, longitude: float
) -> tuple[bool, int | None]:
    """Whether the point lies in the area, and the id of the neighbourhood it lies in.

    An area whose neighbourhoods have no polygons accepts every point.
    """
    point = Point(longitude, latitude)
    shapes = _shapes_of(focus_area)
    for pk, polygon in shapes:
        if polygon.covers(point):
            return True, pk
    return not shapes, None


def history_of(problem: Problem) -> tuple[flow.StatusChange, ...]:
    """The problem's history as the status flow sees it."""
    return tuple(
        flow.StatusChange(
            status=flow.Status(change.status),
            at=change.at,
            actor=change.actor_label,
            note=change.note,
            verification=flow.Verification(
                flow.VerificationMethod(change.verification_method),
                change.verified_by,
            )
            if change.verification_method
            else None,
        )
        for change in problem.history.order_by("at", "id")
    )


def duplicates_for(
    focus_area: FocusArea,
    category: Category,
    latitude: float | None,
    longitude: float | None,
    *,
    exclude: int | None = None,
) -> list[tuple[Problem, int]]:
    """Open problems of the category near a spot, nearest first, with metres."""
    if latitude is None or longitude is None:
        return []
    nearby = Problem.objects.filter(
        focus_area=focus_area,
        category=category,
        status__in=OPEN_STATUSES,
        latitude__range=(latitude - _DEGREES_AROUND, latitude + _DEGREES_AROUND),
        longitude__range=(
            longitude - 2 * _DEGREES_AROUND,
            longitude + 2 * _DEGREES_AROUND,
        ),
    ).exclude(pk=exclude)
    problems = {problem.pk: problem for problem in nearby.select_related("category")}
    suggestions: Iterable[Suggestion] = suggest_duplicates(
        category.code,
        latitude,
        longitude,
        (
            Candidate(
                problem.pk,
                problem.category.code,
                problem.latitude,
                problem.longitude,
                problem.is_open,
            )
            for problem in problems.values()
            if problem.latitude is not None and problem.longitude is not None
        ),
        radius=DUPLICATE_RADIUS,
    )
    return [(problems[s.problem_id], s.distance) for s in suggestions]


def report_by_tracking_token(token: str) -> Report | None:
    """The report a tracking link stands for, with its problem and feedback."""
    if not token or len(token) > 64:
        return None
    return (
        Report.objects.select_related("problem", "problem__category", "focus_area")
        .prefetch_related("notifications", "fix_answers")
        .filter(tracking_token=token)
        .first()
    )


def api_key_for(plain: str) -> ApiKey | None:
    """The active Open311 key with this value, or None."""
    if not plain or len(plain) > 200:
        return None
    digest = hashlib.sha256(plain.encode("utf-8")).hexdigest()
    return (
        ApiKey.objects.select_related("focus_area")
        .filter(key_hash=digest, is_active=True)
        .first()
    )


def known_submissions(
    focus_area: FocusArea, channel: str, keys: Iterable[str]
) -> set[str]:
    """The submission keys among ``keys`` that a report of the channel already has."""
    wanted = {key for key in keys if key}
    if not wanted:
        return set()
    return set(
        Report.objects.filter(
            focus_area=focus_area, channel=channel, submission_key__in=wanted
        ).values_list("submission_key", flat=True)
    )


def report_by_submission_key(
    focus_area: FocusArea, channel: str, key: str
) -> Report | None:
    """The report a client's submission key already stands for, or None."""
    if not key:
        return None
    return Report.objects.filter(
        focus_area=focus_area, channel=channel, submission_key=key
    ).first()


def public_problems_in(focus_area: FocusArea) -> QuerySet[Problem]:
    """Problems for the public map and list: no reports, no people."""
    return (
        Problem.objects.filter(focus_area=focus_area)
        .select_related("category", "neighbourhood")
        .only(
            "id",
            "status",
            "received_at",
            "status_changed_at",
            "latitude",
            "longitude",
            "address",
            "public_note",
            "category__name",
            "category__code",
            "neighbourhood__name",
            "focus_area_id",
        )
        .order_by("-received_at", "-id")
    )


def problems_for_handling(
    focus_area: FocusArea, *, status: str = "", category: str = ""
) -> QuerySet[Problem]:
    """The back office list: problems with their number of reports, newest first."""
    problems = (
        Problem.objects.filter(focus_area=focus_area)
        .select_related("category", "handler", "neighbourhood")
        .annotate(report_count=Count("reports"))
        .order_by("-received_at", "-id")
    )
    if status == "open":
        problems = problems.filter(status__in=OPEN_STATUSES)
    elif status in Status.values:
        problems = problems.filter(status=status)
    if category:
        problems = problems.filter(category__code=category)
    return problems


def problem_detail(problem: Problem) -> dict[str, Any]:
    """A problem with its reports, history and return links, for the back office."""
    return {
        "reports": list(
            problem.reports.select_related("evening").order_by("created_at", "id")
        ),
        "history": list(problem.history.select_related("actor").order_by("at", "id")),
        "links": list(problem.partner_links.select_related("organisation")),
    }


def evenings_of(focus_area: FocusArea) -> QuerySet[IrritationEvening]:
    """The irritation evenings of an area with their number of reports."""
    return IrritationEvening.objects.filter(focus_area=focus_area).annotate(
        report_count=Count("reports")
    )


def evening_intake(evening: IrritationEvening) -> QuerySet[Report]:
    """The reports taken in at one evening, in order of intake."""
    return evening.reports.select_related("problem", "category").order_by(
        "created_at", "id"
    )


def account_for_next_evening(focus_area: FocusArea, before: Any) -> list[Report]:
    """Every report of earlier evenings with what happened to it, oldest first."""
    return list(
        Report.objects.filter(
            focus_area=focus_area,
            evening__isnull=False,
            evening__held_on__lt=before,
        )
        .select_related("evening", "category", "problem")
        .prefetch_related(
            Prefetch(
                "problem__history",
                queryset=StatusChange.objects.order_by("at", "id"),
            )
        )
        .order_by("evening__held_on", "created_at", "id")
    )


def figures_for(
    focus_area: FocusArea, *, neighbourhood: Neighbourhood | None = None
) -> ReportFigures:
    """The figures of fixing the visible for an area or one of its neighbourhoods."""
    problems = Problem.objects.filter(focus_area=focus_area)
    if neighbourhood is not None:
        problems = problems.filter(neighbourhood=neighbourhood)
    problem_facts = [
        ProblemFacts(
            received_at=row["received_at"],
            verified_at=row["verified_at"],
            verified_on=timezone.localdate(row["verified_at"])
            if row["verified_at"]
            else None,
            deadline=row["deadline"],
            was_claimed=row["was_claimed"],
            reopen_count=row["reopen_count"],
        )
        for row in problems.values(
            "received_at", "verified_at", "deadline", "was_claimed", "reopen_count"
        )
    ]
    end = [status.value for status in flow.END_STATUSES]
    reports = Report.objects.filter(problem__in=problems).annotate(
        told=Count(
            "notifications",
            filter=Q(notifications__status__in=end),
        )
    )
    last_answer = {
        answer.report_id: answer.is_fixed
        for answer in FixAnswer.objects.filter(report__problem__in=problems).order_by(
            "at", "id"
        )
    }
    report_facts = [
        ReportFacts(
            outcome_due=row["problem__status"] in end,
            told_outcome=row["told"] > 0,
            answer=last_answer.get(row["pk"]),
        )
        for row in reports.values("pk", "problem__status", "told")
    ]
    return report_figures(problem_facts, report_facts)


def figures_by_area(focus_areas: Iterable[FocusArea]) -> dict[int, ReportFigures]:
    """The figures of :func:`figures_for` for many areas at once (three queries).

    The national dashboard shows every area's figures; one query per area
    and figure would not scale to twenty areas.
    """
    ids = [area.pk for area in focus_areas]
    problem_facts: dict[int, list[ProblemFacts]] = {pk: [] for pk in ids}
    for row in Problem.objects.filter(focus_area_id__in=ids).values(
        "focus_area_id",
        "received_at",
        "verified_at",
        "deadline",
        "was_claimed",
        "reopen_count",
    ):
        problem_facts[row["focus_area_id"]].append(
            ProblemFacts(
                received_at=row["received_at"],
                verified_at=row["verified_at"],
                verified_on=timezone.localdate(row["verified_at"])
                if row["verified_at"]
                else None,
                deadline=row["deadline"],
                was_claimed=row["was_claimed"],
                reopen_count=row["reopen_count"],
            )
        )
    end = [status.value for status in flow.END_STATUSES]
    last_answer = {
        answer.report_id: answer.is_fixed
        for answer in FixAnswer.objects.filter(
            report__problem__focus_area_id__in=ids
        ).order_by("at", "id")
    }
    report_facts: dict[int, list[ReportFacts]] = {pk: [] for pk in ids}
    for row in (
        Report.objects.filter(problem__focus_area_id__in=ids)
        .annotate(told=Count("notifications", filter=Q(notifications__status__in=end)))
        .values("pk", "problem__focus_area_id", "problem__status", "told")
    ):
        report_facts[row["problem__focus_area_id"]].append(
            ReportFacts(
                outcome_due=row["problem__status"] in end,
                told_outcome=row["told"] > 0,
                answer=last_answer.get(row["pk"]),
            )
        )
    return {pk: report_figures(problem_facts[pk], report_facts[pk]) for pk in ids}


def late_problems(focus_area: FocusArea) -> QuerySet[Problem]:
    """Open problems past their deadline."""
    return Problem.objects.filter(
        focus_area=focus_area,
        status__in=OPEN_STATUSES,
        deadline__lt=timezone.localdate(),
    )


def expired_contact_data(retention_days: int) -> QuerySet[Report]:
    """Reports whose problem ended more than the retention period ago, with contact data."""
    cut_off = timezone.now() - timedelta(days=retention_days)
    ended = [status.value for status in flow.END_STATUSES]
    return Report.objects.filter(
        problem__status__in=ended,
        problem__status_changed_at__lt=cut_off,
        contact_erased_at__isnull=True,
    ).filter(~Q(contact_name="") | ~Q(contact_email="") | ~Q(contact_phone=""))


def notifications_to_email(ids: list[int]) -> QuerySet[Notification]:
    """Notifications to send by e-mail, with what the message needs."""
    return Notification.objects.filter(pk__in=ids, by_email=True).select_related(
        "report", "report__problem", "report__problem__category", "change"
    )
