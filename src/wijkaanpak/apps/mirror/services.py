# SPDX-License-Identifier: EUPL-1.2
"""Writes of the mirror: opening and closing scans, answers, working-style profiles."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.apps.accounts.access import (
    Need,
    require,
    require_acting_for,
)
from wijkaanpak.apps.audit.services import changed_fields, record
from wijkaanpak.apps.mirror import selectors
from wijkaanpak.apps.mirror.models import Answer, Scan, ScanKind, StyleProfile
from wijkaanpak.core.mirror import SLIDERS, Evidence

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import Organisation, User
    from wijkaanpak.apps.areas.models import FocusArea


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Give a year from 2000 to 2100."))


@transaction.atomic
def open_scan(
    focus_area: FocusArea, kind: str, year: int, *, acting_user: User | None
) -> Scan:
    """The bureau opens the year's scan; opening it again returns the same scan."""
    require(acting_user, focus_area, Need.BUREAU)
    if kind not in ScanKind.values:
        raise ValidationError(_("Choose a health check or a participation scan."))
    _check_year(year)
    scan, created = Scan.objects.get_or_create(
        focus_area=focus_area, kind=kind, year=year
    )
    if created:
        record(
            "created",
            scan,
            acting_user=acting_user,
            focus_area=focus_area,
            changes={"kind": kind, "year": year},
        )
    return scan


@transaction.atomic
def save_answers(
    scan: Scan,
    answers: Mapping[str, int | None],
    *,
    respondent: User,
    acting_user: User | None,
) -> int:
    """Store one person's answers; None is "don't know" and removes an earlier answer.

    Everyone answers for themselves; only a job (the demo, an import of a
    paper scan) passes another respondent. Returns the number of answers kept.
    """
    require(acting_user, scan.focus_area, Need.ALLIANCE)
    if acting_user is not None and acting_user.pk != respondent.pk:
        raise PermissionDenied
    # Lock the scan, so a closing bureau and a late answer cannot cross.
    scan = Scan.objects.select_for_update(of=("self",)).get(pk=scan.pk)
    if not scan.is_open:
        raise ValidationError(_("This scan is closed. Answers can no longer change."))
    known = {question.key for question in selectors.QUESTIONS[scan.kind]}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValidationError(
            _("These statements are not part of this scan: %(keys)s.")
            % {"keys": ", ".join(unknown)}
        )
    for value in answers.values():
        if value is not None and not 1 <= value <= 5:
            raise ValidationError(_("Answer each statement with 1 to 5."))
    now = timezone.now()
    # Replace the person's answers to the statements in this form at once.
    Answer.objects.filter(
        scan=scan, respondent=respondent, question__in=list(answers)
    ).delete()
    Answer.objects.bulk_create(
        Answer(
            scan=scan, respondent=respondent, question=key, value=value, answered_at=now
        )
        for key, value in answers.items()
        if value is not None
    )
    kept = Answer.objects.filter(scan=scan, respondent=respondent).count()
    # The audit trail says who answered how many statements, not what: the
    # scan is the alliance's own mirror, not a judgement of one person.
    record(
        "answered",
        scan,
        acting_user=acting_user,
        focus_area=scan.focus_area,
        changes={"respondent": respondent.pk, "answers": kept},
    )
    return kept


@transaction.atomic
def close_scan(
    scan: Scan,
    *,
    on: datetime.date,
    acting_user: User | None,
    evidence: Iterable[Evidence] | None = None,
) -> Scan:
    """The bureau closes the scan and keeps the platform's evidence of that day.

    Kept evidence makes last year's scores stay what they were when later
    data arrive. An import of an earlier paper scan passes its own evidence.
    """
    require(acting_user, scan.focus_area, Need.BUREAU)
    scan = Scan.objects.select_for_update(of=("self",)).get(pk=scan.pk)
    if not scan.is_open:
        raise ValidationError(_("This scan is already closed."))
    found = (
        list(evidence)
        if evidence is not None
        else selectors.live_evidence(scan.focus_area, scan.kind, on)
    )
    scan.closed_on = on
    scan.evidence = selectors.evidence_to_json(found)
    scan.save(update_fields=["closed_on", "evidence"])
    record(
        "closed",
        scan,
        acting_user=acting_user,
        focus_area=scan.focus_area,
        changes={"closed_on": on.isoformat(), "evidence": scan.evidence},
    )
    return scan


@transaction.atomic
def save_style_profile(
    focus_area: FocusArea,
    organisation: Organisation,
    year: int,
    sliders: Mapping[str, int],
    *,
    acting_user: User | None,
) -> StyleProfile:
    """An alliance member places its own organisation; the bureau may place any partner."""
    require_acting_for(acting_user, focus_area, organisation.pk)
    _check_year(year)
    if set(sliders) != set(SLIDERS):
        raise ValidationError(_("Set all five sliders."))
    if not all(0 <= value <= 100 for value in sliders.values()):
        raise ValidationError(_("Each slider lies from 0 to 100."))
    values = {slider: int(sliders[slider]) for slider in SLIDERS}
    profile = (
        StyleProfile.objects.select_for_update(of=("self",))
        .filter(focus_area=focus_area, organisation=organisation, year=year)
        .first()
    )
    if profile is None:
        profile = StyleProfile.objects.create(
            focus_area=focus_area, organisation=organisation, year=year, **values
        )
        record(
            "created",
            profile,
            acting_user=acting_user,
            focus_area=focus_area,
            changes=values | {"organisation": organisation.pk, "year": year},
        )
        return profile
    changes = changed_fields(profile, values)
    if changes:
        for field, value in values.items():
            setattr(profile, field, value)
        profile.updated_at = timezone.now()
        profile.save(update_fields=[*values, "updated_at"])
        record(
            "updated",
            profile,
            acting_user=acting_user,
            focus_area=focus_area,
            changes=changes,
        )
    return profile
