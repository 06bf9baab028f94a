# SPDX-License-Identifier: EUPL-1.2
"""The status flow of a street problem, with a history that is only appended to.

A report of a loose paving tile is not handled when it is registered but when
the tile lies right again, and somebody other than the one who says so has
checked it. Peers such as Signalen and FixMyStreet call a report fixed when
the handler says so; this module encodes the stricter rule of the programme:
a handler can only *claim* a fix, and the status "fix verified" can be reached
only with a recorded verification (an inspection, a photo, or the reporter's
confirmation) that names who verified it. Only verified fixes count as fixed
anywhere in the figures.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "ALLOWED",
    "END_STATUSES",
    "OPEN_STATUSES",
    "Status",
    "StatusChange",
    "StatusError",
    "Verification",
    "VerificationMethod",
    "allowed_next",
    "append_change",
    "is_fixed",
    "was_verified",
]


class Status(enum.StrEnum):
    """Where a street problem stands; the values are stored as they are."""

    RECEIVED = "received"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    SCHEDULED = "scheduled"
    FIX_CLAIMED = "fix_claimed"
    FIX_VERIFIED = "fix_verified"
    CLOSED = "closed"
    FORWARDED = "forwarded"
    CANNOT_BE_FIXED = "cannot_be_fixed"
    REOPENED = "reopened"


class VerificationMethod(enum.StrEnum):
    """How a claimed fix was checked."""

    INSPECTION = "inspection"
    PHOTO = "photo"
    REPORTER_CONFIRMATION = "reporter_confirmation"


_WORK = frozenset(
    {
        Status.ASSIGNED,
        Status.IN_PROGRESS,
        Status.SCHEDULED,
        Status.FIX_CLAIMED,
        Status.FORWARDED,
        Status.CANNOT_BE_FIXED,
    }
)

#: The status a problem may move to from each status. "Fix verified" is
#: reachable only from "fix claimed", and only with a verification.
ALLOWED: Mapping[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset(
        {Status.ASSIGNED, Status.FORWARDED, Status.CANNOT_BE_FIXED}
    ),
    Status.ASSIGNED: _WORK - {Status.ASSIGNED},
    Status.IN_PROGRESS: _WORK - {Status.IN_PROGRESS, Status.ASSIGNED},
    Status.SCHEDULED: _WORK - {Status.SCHEDULED, Status.ASSIGNED},
    Status.FIX_CLAIMED: frozenset({Status.FIX_VERIFIED, Status.REOPENED}),
    Status.FIX_VERIFIED: frozenset({Status.CLOSED, Status.REOPENED}),
    Status.CLOSED: frozenset({Status.REOPENED}),
    Status.FORWARDED: frozenset({Status.CLOSED, Status.REOPENED}),
    Status.CANNOT_BE_FIXED: frozenset({Status.CLOSED, Status.REOPENED}),
    Status.REOPENED: _WORK,
}

#: Statuses in which the problem still needs work from us.
OPEN_STATUSES = frozenset(
    {
        Status.RECEIVED,
        Status.ASSIGNED,
        Status.IN_PROGRESS,
        Status.SCHEDULED,
        Status.FIX_CLAIMED,
        Status.REOPENED,
    }
)
#: Statuses that end the handling (for now): an answer every reporter must get.
END_STATUSES = frozenset(
    {Status.FIX_VERIFIED, Status.CLOSED, Status.FORWARDED, Status.CANNOT_BE_FIXED}
)


class StatusError(WijkaanpakError):
    """A status change that the flow does not allow."""


@dataclass(frozen=True, slots=True)
class Verification:
    """Who checked a claimed fix, and how.

    Attributes
    ----------
    method : VerificationMethod
        An inspection on the spot, a photo, or the reporter's confirmation.
    verified_by : str
        Who verified: a person's id, or ``"reporter:<report id>"``.
    """

    method: VerificationMethod
    verified_by: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step in the history of a problem.

    Attributes
    ----------
    status : Status
        The status the problem moved to.
    at : datetime
        When (timezone-aware).
    actor : str
        Who made the change: a person's id, ``"reporter:<id>"``,
        ``"partner:<id>"`` or ``"system"``.
    note : str
        The explanation given, shown to reporters.
    verification : Verification or None
        Required for "fix verified", absent otherwise.
    """

    status: Status
    at: datetime
    actor: str
    note: str = ""
    verification: Verification | None = None


def allowed_next(current: Status) -> frozenset[Status]:
    """Return the statuses a problem may move to from ``current``.

    Parameters
    ----------
    current : Status
        The status now.

    Returns
    -------
    frozenset of Status
        The allowed next statuses.

    Examples
    --------
    >>> Status.FIX_VERIFIED in allowed_next(Status.IN_PROGRESS)
    False
    >>> Status.FIX_VERIFIED in allowed_next(Status.FIX_CLAIMED)
    True
    """
    return ALLOWED[current]


def append_change(
    history: tuple[StatusChange, ...], change: StatusChange
) -> tuple[StatusChange, ...]:
    """Return the history with ``change`` appended, if the flow allows it.

    The history is never edited: the result is the old tuple plus one step.
    An empty history accepts only "received".

    Parameters
    ----------
    history : tuple of StatusChange
        The steps so far, oldest first.
    change : StatusChange
        The step to append.

    Returns
    -------
    tuple of StatusChange
        ``history + (change,)``.

    Raises
    ------
    StatusError
        When the flow does not allow the step, when "fix verified" comes
        without a verification (or with one that names nobody), when another
        status carries a verification, when the one who claimed the fix
        verifies it by inspection or photo, when "forwarded" or "cannot be
        fixed" comes without an explanation, or when the step is older than
        the last one.

    Examples
    --------
    >>> from datetime import UTC, datetime
    >>> t = datetime(2026, 3, 2, 9, tzinfo=UTC)
    >>> history = append_change((), StatusChange(Status.RECEIVED, t, "system"))
    >>> history = append_change(history, StatusChange(Status.ASSIGNED, t, "7"))
    >>> history = append_change(history, StatusChange(Status.FIX_CLAIMED, t, "7"))
    >>> append_change(history, StatusChange(Status.FIX_VERIFIED, t, "8"))
    Traceback (most recent call last):
    ...
    wijkaanpak.core.reports.status.StatusError: A fix counts as verified only with a recorded verification: say who checked it and how.
    >>> check = Verification(VerificationMethod.INSPECTION, "8")
    >>> len(
    ...     append_change(history, StatusChange(Status.FIX_VERIFIED, t, "8", "", check))
    ... )
    4
    """
    if not history:
        if change.status is not Status.RECEIVED:
            raise StatusError("A problem starts as received.")
    else:
        last = history[-1]
        if change.status not in ALLOWED[last.status]:
            raise StatusError(
                f"A problem cannot go from {last.status.value} "
                f"to {change.status.value}."
            )
        if change.at < last.at:
            raise StatusError("A status change cannot be older than the last one.")
    _check_verification(history, change)
    if (
        change.status in {Status.FORWARDED, Status.CANNOT_BE_FIXED}
        and not change.note.strip()
    ):
        raise StatusError(
            "Say why: a forwarded problem names to whom and why, and a problem "
            "that cannot be fixed gets an explanation."
        )
    return (*history, change)


def _check_verification(
    history: tuple[StatusChange, ...], change: StatusChange
) -> None:
    """Raise unless the verification of ``change`` is present exactly when due."""
    verification = change.verification
    if change.status is not Status.FIX_VERIFIED:
        if verification is not None:
            raise StatusError("Only a verified fix carries a verification.")
        return
    if verification is None or not verification.verified_by.strip():
        raise StatusError(
            "A fix counts as verified only with a recorded verification: "
            "say who checked it and how."
        )
    if verification.method is VerificationMethod.REPORTER_CONFIRMATION:
        if not verification.verified_by.startswith("reporter:"):
            raise StatusError("Only a reporter can confirm a fix as the reporter.")
        return
    claimant = history[-1].actor
    if verification.verified_by == claimant:
        raise StatusError(
            "The one who claimed the fix cannot also verify it; ask a colleague "
            "or the reporter."
        )


def is_fixed(history: tuple[StatusChange, ...]) -> bool:
    """Say whether the problem counts as fixed now.

    A problem is fixed when its latest "fix verified" step has not been
    followed by a reopening.

    Parameters
    ----------
    history : tuple of StatusChange
        The steps so far, oldest first.

    Returns
    -------
    bool
        True only after a recorded verification that still stands.

    Examples
    --------
    >>> is_fixed(())
    False
    """
    for change in reversed(history):
        if change.status is Status.REOPENED:
            return False
        if change.status is Status.FIX_VERIFIED:
            return change.verification is not None
    return False


def was_verified(history: tuple[StatusChange, ...]) -> datetime | None:
    """Return when the standing verified fix was recorded, or None.

    Parameters
    ----------
    history : tuple of StatusChange
        The steps so far, oldest first.

    Returns
    -------
    datetime or None
        The time of the last "fix verified" step, unless reopened since.

    Examples
    --------
    >>> was_verified(()) is None
    True
    """
    for change in reversed(history):
        if change.status is Status.REOPENED:
            return None
        if change.status is Status.FIX_VERIFIED:
            return change.at
    return None
