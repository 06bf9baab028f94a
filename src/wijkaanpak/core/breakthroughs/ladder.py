# SPDX-License-Identifier: EUPL-1.2
"""The escalation ladder of a blockage case: levels, norm times and deadlines.

A household or street needs something that a rule, a budget line, a procedure
or a shortage blocks. The programme promises that such a blockage climbs until
someone with the power to break through decides: the front-line team, then the
programme bureau, then the alliance at its breakthrough table (where the
national government sits too), then the national interdepartmental
breakthrough meeting. Each level has a norm time; a case that passes its
deadline climbs one level, and a case past the deadline of the top level is
flagged. Nobody skips a level without a recorded reason, and a case never
climbs down: a decision that hands the work back is recorded as a decision, not
as a move.
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "DEFAULT_NORM_DAYS",
    "LADDER",
    "CaseClock",
    "Escalation",
    "LadderError",
    "Level",
    "Move",
    "Outcome",
    "Rung",
    "check_history",
    "check_outcome",
    "deadline_at",
    "next_level",
    "overdue_escalations",
    "plan_move",
    "rank",
    "time_to_breakthrough",
]


class LadderError(WijkaanpakError):
    """A move or a closure the ladder does not allow."""


class Level(enum.StrEnum):
    """A rung of the ladder; the values are stored as they are."""

    FRONT_LINE = "front_line"
    BUREAU = "programme_bureau"
    ALLIANCE = "breakthrough_table"
    NATIONAL = "national_meeting"


class Outcome(enum.StrEnum):
    """How a case ended; the values are stored as they are."""

    #: An exception this once, for this household.
    INCIDENTAL = "incidental"
    #: The rule, procedure or budget changed, or budgets were merged.
    STRUCTURAL = "structural"
    #: No breakthrough; the reason is recorded.
    NOT_POSSIBLE = "not_possible"


#: The levels from bottom to top.
LADDER: tuple[Level, ...] = (
    Level.FRONT_LINE,
    Level.BUREAU,
    Level.ALLIANCE,
    Level.NATIONAL,
)

#: Calendar days each level has before the case climbs on. The front line
#: gets two weeks, the bureau four, the alliance six (one meeting cycle), the
#: national meeting a quarter.
DEFAULT_NORM_DAYS: Mapping[Level, int] = {
    Level.FRONT_LINE: 14,
    Level.BUREAU: 28,
    Level.ALLIANCE: 42,
    Level.NATIONAL: 91,
}


def rank(level: Level) -> int:
    """Return the position of a level on the ladder, the front line being 0.

    Parameters
    ----------
    level : Level
        A level.

    Returns
    -------
    int
        0 to 3.

    Examples
    --------
    >>> rank(Level.ALLIANCE)
    2
    """
    return LADDER.index(level)


def next_level(level: Level) -> Level | None:
    """Return the level above, or None at the top.

    Parameters
    ----------
    level : Level
        A level.

    Returns
    -------
    Level or None
        The next rung up.

    Examples
    --------
    >>> next_level(Level.FRONT_LINE)
    <Level.BUREAU: 'programme_bureau'>
    >>> next_level(Level.NATIONAL) is None
    True
    """
    position = rank(level) + 1
    return LADDER[position] if position < len(LADDER) else None


def deadline_at(
    level: Level,
    entered_on: datetime.date,
    norm_days: Mapping[Level, int] = DEFAULT_NORM_DAYS,
) -> datetime.date:
    """Return the last day a level has for a case it received on ``entered_on``.

    Parameters
    ----------
    level : Level
        The level that received the case.
    entered_on : datetime.date
        The day it received the case.
    norm_days : mapping of Level to int, optional
        Calendar days per level; :data:`DEFAULT_NORM_DAYS` when not given.

    Returns
    -------
    datetime.date
        The deadline; the case is overdue from the day after.

    Examples
    --------
    >>> deadline_at(Level.FRONT_LINE, datetime.date(2026, 3, 2))
    datetime.date(2026, 3, 16)
    """
    days = norm_days[level]
    if days < 1:
        raise LadderError(f"The norm time of {level.value} must be at least one day.")
    return entered_on + datetime.timedelta(days=days)


@dataclass(frozen=True, slots=True)
class Move:
    """A move up the ladder that the rules allow.

    Attributes
    ----------
    from_level, to_level : Level
        Where the case stands and where it goes.
    skipped : tuple of Level
        The levels passed over, bottom first; empty for a step of one.
    reason : str
        Why the case climbs; required when levels are skipped.
    """

    from_level: Level
    to_level: Level
    skipped: tuple[Level, ...]
    reason: str


def plan_move(current: Level, target: Level, *, reason: str) -> Move:
    """Check a move up the ladder and say which levels it skips.

    Parameters
    ----------
    current : Level
        Where the case stands.
    target : Level
        Where it should go; must be higher.
    reason : str
        Why; a move that skips a level needs one that is not blank.

    Returns
    -------
    Move
        The checked move.

    Raises
    ------
    LadderError
        When the target is not higher, or a level is skipped without reason.

    Examples
    --------
    >>> plan_move(Level.FRONT_LINE, Level.BUREAU, reason="").skipped
    ()
    >>> move = plan_move(
    ...     Level.FRONT_LINE, Level.ALLIANCE, reason="Needs two partners' budgets."
    ... )
    >>> [level.value for level in move.skipped]
    ['programme_bureau']
    >>> plan_move(Level.FRONT_LINE, Level.ALLIANCE, reason=" ")
    Traceback (most recent call last):
    ...
    wijkaanpak.core.breakthroughs.ladder.LadderError: Skipping programme_bureau needs a recorded reason.
    """
    if rank(target) <= rank(current):
        raise LadderError(
            f"A case only climbs: it cannot move from {current.value} to {target.value}."
        )
    skipped = LADDER[rank(current) + 1 : rank(target)]
    if skipped and not reason.strip():
        names = ", ".join(level.value for level in skipped)
        raise LadderError(f"Skipping {names} needs a recorded reason.")
    return Move(current, target, skipped, reason.strip())


@dataclass(frozen=True, slots=True)
class Rung:
    """One entry of a case's ladder history.

    Attributes
    ----------
    level : Level
        The level the case entered.
    entered_on : datetime.date
        When.
    reason : str
        Why it climbed here (empty for the first rung).
    """

    level: Level
    entered_on: datetime.date
    reason: str = ""


def check_history(rungs: Sequence[Rung]) -> None:
    """Check a whole ladder history: it climbs, in date order, skips with reasons.

    Parameters
    ----------
    rungs : sequence of Rung
        The history in the order it was recorded; the first is where the
        case was opened (any level: a case may start higher with a reason).

    Raises
    ------
    LadderError
        On the first entry that breaks a rule.

    Examples
    --------
    >>> day = datetime.date(2026, 1, 5)
    >>> check_history([Rung(Level.FRONT_LINE, day), Rung(Level.BUREAU, day)])
    >>> check_history([Rung(Level.FRONT_LINE, day), Rung(Level.NATIONAL, day)])
    Traceback (most recent call last):
    ...
    wijkaanpak.core.breakthroughs.ladder.LadderError: Skipping programme_bureau, breakthrough_table needs a recorded reason.
    """
    if not rungs:
        raise LadderError("A case starts on a level of the ladder.")
    first = rungs[0]
    if first.level is not Level.FRONT_LINE:
        plan_move(Level.FRONT_LINE, first.level, reason=first.reason)
    for earlier, later in itertools.pairwise(rungs):
        if later.entered_on < earlier.entered_on:
            raise LadderError("The ladder history must be in date order.")
        plan_move(earlier.level, later.level, reason=later.reason)


@dataclass(frozen=True, slots=True)
class CaseClock:
    """What the escalation job needs to know of one open case.

    Attributes
    ----------
    key : int
        The case's identifier; cases are handled in key order.
    level : Level
        Where it stands.
    deadline : datetime.date
        The last day of its current level.
    flagged : bool
        Already flagged as overdue at the top of the ladder.
    """

    key: int
    level: Level
    deadline: datetime.date
    flagged: bool = False


@dataclass(frozen=True, slots=True)
class Escalation:
    """What happens to one overdue case.

    Attributes
    ----------
    key : int
        The case.
    from_level : Level
        Where it stood.
    to_level : Level or None
        The next level up, or None when the case is at the top and is flagged.
    deadline : datetime.date or None
        The new deadline at ``to_level``.
    days_overdue : int
        Days past the old deadline.
    """

    key: int
    from_level: Level
    to_level: Level | None
    deadline: datetime.date | None
    days_overdue: int

    @property
    def is_flag(self) -> bool:
        """True when the case is at the top and can only be flagged."""
        return self.to_level is None


def overdue_escalations(
    cases: Iterable[CaseClock],
    today: datetime.date,
    norm_days: Mapping[Level, int] = DEFAULT_NORM_DAYS,
) -> tuple[Escalation, ...]:
    """Say which open cases climb today and which are flagged at the top.

    A case climbs one level per run: the next level's norm time starts on the
    day it receives the case, so nobody inherits a deadline that already
    passed while the job was not running. Running it again on the same day
    changes nothing.

    Parameters
    ----------
    cases : iterable of CaseClock
        The open cases.
    today : datetime.date
        The day of the run; a case is overdue when ``today`` is after its
        deadline.
    norm_days : mapping of Level to int, optional
        Calendar days per level.

    Returns
    -------
    tuple of Escalation
        One per overdue case that climbs or is newly flagged, in key order.

    Examples
    --------
    >>> cases = [
    ...     CaseClock(2, Level.BUREAU, datetime.date(2026, 3, 1)),
    ...     CaseClock(1, Level.FRONT_LINE, datetime.date(2026, 3, 20)),
    ...     CaseClock(3, Level.NATIONAL, datetime.date(2026, 1, 1)),
    ... ]
    >>> for step in overdue_escalations(cases, datetime.date(2026, 3, 10)):
    ...     print(step.key, step.to_level, step.deadline, step.days_overdue)
    2 breakthrough_table 2026-04-21 9
    3 None None 68
    """
    found = []
    for case in sorted(cases, key=lambda item: item.key):
        if today <= case.deadline:
            continue
        overdue = (today - case.deadline).days
        up = next_level(case.level)
        if up is None:
            if case.flagged:
                continue
            found.append(Escalation(case.key, case.level, None, None, overdue))
            continue
        found.append(
            Escalation(
                case.key, case.level, up, deadline_at(up, today, norm_days), overdue
            )
        )
    return tuple(found)


def check_outcome(
    outcome: Outcome,
    *,
    household_result: str,
    reason: str = "",
    structural_change: str = "",
) -> None:
    """Check that a closing decision says what a reader needs to learn from it.

    Parameters
    ----------
    outcome : Outcome
        How the case ends.
    household_result : str
        What it means for the household; always required.
    reason : str, optional
        Why no breakthrough was possible; required for ``NOT_POSSIBLE``.
    structural_change : str, optional
        What changed in the rule, procedure or budget; required for
        ``STRUCTURAL``.

    Raises
    ------
    LadderError
        Naming the missing part.

    Examples
    --------
    >>> check_outcome(Outcome.INCIDENTAL, household_result="Rent paid this once.")
    >>> check_outcome(Outcome.NOT_POSSIBLE, household_result="Referred.")
    Traceback (most recent call last):
    ...
    wijkaanpak.core.breakthroughs.ladder.LadderError: A case that cannot be broken through needs the reason.
    """
    if not household_result.strip():
        raise LadderError("Say what the outcome means for the household.")
    if outcome is Outcome.NOT_POSSIBLE and not reason.strip():
        raise LadderError("A case that cannot be broken through needs the reason.")
    if outcome is Outcome.STRUCTURAL and not structural_change.strip():
        raise LadderError(
            "A structural breakthrough needs what changed in the rule, "
            "procedure or budget."
        )


def time_to_breakthrough(opened_on: datetime.date, decided_on: datetime.date) -> int:
    """Return the calendar days from opening a case to its breakthrough decision.

    Parameters
    ----------
    opened_on, decided_on : datetime.date
        When the case was opened and when the breakthrough was decided.

    Returns
    -------
    int
        Days; 0 when decided on the day it was opened.

    Examples
    --------
    >>> time_to_breakthrough(datetime.date(2026, 1, 1), datetime.date(2026, 2, 1))
    31
    """
    if decided_on < opened_on:
        raise LadderError("A breakthrough cannot come before the case was opened.")
    return (decided_on - opened_on).days
