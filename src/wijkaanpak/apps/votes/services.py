# SPDX-License-Identifier: EUPL-1.2
"""Every write of a budget vote: with the role check, a transaction and audit.

Voting codes come from the operating system's secure random source through
``core.panels.codes`` (short, easy to type, with a check character). Only a
keyed hash of each code is stored, so a copy of the database does not let
anyone vote; the plain codes exist once, on the printed list.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.apps.accounts.access import Need, require
from wijkaanpak.apps.audit.services import record
from wijkaanpak.apps.votes import selectors
from wijkaanpak.apps.votes.models import (
    Ballot,
    BallotKind,
    Feasibility,
    Project,
    Result,
    Rule,
    Vote,
    VotingCode,
)
from wijkaanpak.core.panels.codes import (
    format_code,
    is_valid_code,
    new_registration_code,
    normalise_code,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood

#: The most codes one request may print.
MAX_CODES_AT_ONCE = 5000


def hash_code(vote_id: int, code: str) -> str:
    """A keyed hash of a code: useless without the site's secret key."""
    message = f"{vote_id}:{normalise_code(code)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


@transaction.atomic
def create_vote(
    focus_area: FocusArea,
    *,
    title: str,
    budget_cents: int,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    description: str = "",
    ballot_kind: str = BallotKind.APPROVAL,
    max_projects: int | None = None,
    max_cost_cents: int | None = None,
    points: int | None = None,
    rule: str = Rule.EQUAL_SHARES,
    completion: str = "add1",
    tie_breaking: str = "listed",
    minimum_age: int = 16,
    acting_user: User | None,
) -> Vote:
    """The bureau sets up a vote; the rule is fixed now, before any ballot."""
    require(acting_user, focus_area, Need.BUREAU)
    if closes_at <= opens_at:
        raise ValidationError(_("The vote must close after it opens."))
    if budget_cents <= 0:
        raise ValidationError(_("The budget must be more than zero."))
    if ballot_kind == BallotKind.CUMULATIVE and not points:
        raise ValidationError(_("Say how many points each voter may share out."))
    if rule != Rule.EQUAL_SHARES:
        completion = "none"
    vote = Vote.objects.create(
        focus_area=focus_area,
        title=title,
        description=description,
        budget_cents=budget_cents,
        opens_at=opens_at,
        closes_at=closes_at,
        ballot_kind=ballot_kind,
        max_projects=max_projects,
        max_cost_cents=max_cost_cents,
        points=points,
        rule=rule,
        completion=completion,
        tie_breaking=tie_breaking,
        minimum_age=minimum_age,
    )
    record("vote.created", vote, acting_user=acting_user, focus_area=focus_area)
    return vote


def _require_before_opening(vote: Vote, now: datetime.datetime | None) -> None:
    if (now or timezone.now()) >= vote.opens_at:
        raise ValidationError(
            _("The vote has opened; the ballot cannot change any more.")
        )


@transaction.atomic
def add_project(
    vote: Vote,
    *,
    title: str,
    cost_cents: int,
    proposer: str,
    description: str = "",
    neighbourhood: Neighbourhood | None = None,
    acting_user: User | None,
    now: datetime.datetime | None = None,
) -> Project:
    """The bureau enters a proposal; it waits for the feasibility check."""
    require(acting_user, vote.focus_area, Need.BUREAU)
    _require_before_opening(vote, now)
    if cost_cents <= 0:
        raise ValidationError(_("The cost must be more than zero."))
    if cost_cents > vote.budget_cents:
        raise ValidationError(_("The project costs more than the whole budget."))
    if (
        neighbourhood is not None
        and not vote.focus_area.neighbourhoods.filter(pk=neighbourhood.pk).exists()
    ):
        raise ValidationError(_("The neighbourhood is not part of the focus area."))
    last = Project.objects.filter(vote=vote).aggregate(last=Max("position"))["last"]
    project = Project.objects.create(
        vote=vote,
        title=title,
        description=description,
        cost_cents=cost_cents,
        proposer=proposer,
        neighbourhood=neighbourhood,
        position=(last or 0) + 1,
    )
    record(
        "vote.project_added",
        project,
        acting_user=acting_user,
        focus_area=vote.focus_area,
    )
    return project


@transaction.atomic
def check_feasibility(
    project: Project,
    *,
    feasible: bool,
    reason: str = "",
    acting_user: User | None,
    now: datetime.datetime | None = None,
) -> Project:
    """The bureau's verdict on a proposal; a rejection always says why."""
    vote = project.vote
    require(acting_user, vote.focus_area, Need.BUREAU)
    _require_before_opening(vote, now)
    if not feasible and not reason.strip():
        raise ValidationError(_("Say why the project is not feasible."))
    project.feasibility = Feasibility.FEASIBLE if feasible else Feasibility.REJECTED
    project.rejection_reason = "" if feasible else reason.strip()
    project.save(update_fields=["feasibility", "rejection_reason"])
    record(
        "vote.project_checked",
        project,
        acting_user=acting_user,
        focus_area=vote.focus_area,
        changes={"feasibility": project.feasibility},
    )
    return project


@transaction.atomic
def issue_codes(
    vote: Vote,
    count: int,
    *,
    acting_user: User | None,
    randbelow: Callable[[int], int] | None = None,
    now: datetime.datetime | None = None,
) -> list[str]:
    """Make ``count`` fresh codes for letters; the plain codes are returned once.

    ``randbelow`` is for the demo only, which prints its codes; real codes
    come from :mod:`secrets`.
    """
    require(acting_user, vote.focus_area, Need.BUREAU)
    if not 1 <= count <= MAX_CODES_AT_ONCE:
        raise ValidationError(
            _("Print between 1 and %(most)s codes at a time.")
            % {"most": MAX_CODES_AT_ONCE}
        )
    if (now or timezone.now()) >= vote.closes_at:
        raise ValidationError(_("The vote has closed; no new codes can be printed."))
    batch = (vote.codes.aggregate(last=Max("batch"))["last"] or 0) + 1
    extra = {} if randbelow is None else {"randbelow": randbelow}
    codes: list[str] = []
    hashes: set[str] = set()
    while len(codes) < count:
        code = new_registration_code(**extra)
        digest = hash_code(vote.pk, code)
        if digest in hashes or VotingCode.objects.filter(code_hash=digest).exists():
            continue
        hashes.add(digest)
        codes.append(format_code(code))
    VotingCode.objects.bulk_create(
        VotingCode(vote=vote, code_hash=digest, batch=batch) for digest in hashes
    )
    record(
        "vote.codes_issued",
        vote,
        acting_user=acting_user,
        focus_area=vote.focus_area,
        changes={"count": count, "batch": batch},
    )
    return codes


def check_code(vote: Vote, code: str) -> VotingCode:
    """The unused code of this vote, or a message naming what is wrong."""
    if not is_valid_code(code):
        raise ValidationError(
            _("This code is not right. Check for a typing error."), code="code"
        )
    found = (
        VotingCode.objects.select_for_update(of=("self",))
        .filter(vote=vote, code_hash=hash_code(vote.pk, code))
        .first()
    )
    if found is None:
        raise ValidationError(_("This code does not belong to this vote."), code="code")
    if found.used:
        raise ValidationError(
            _("This code has already been used. Each code votes once."), code="used"
        )
    return found


def _project_ids(vote: Vote) -> dict[str, int]:
    return {
        str(project.pk): project.cost_cents
        for project in selectors.ballot_projects_of(vote)
    }


def check_choices(
    vote: Vote,
    *,
    approved: Sequence[str] = (),
    points: Sequence[tuple[str, int]] = (),
    ranking: Sequence[str] = (),
) -> None:
    """Refuse a ballot that breaks the vote's limits, saying which."""
    costs = _project_ids(vote)
    if vote.ballot_kind == BallotKind.CUMULATIVE:
        chosen = [project_id for project_id, _points in points]
        if any(value <= 0 for _project, value in points):
            raise ValidationError(_("Give each chosen project at least one point."))
        if sum(value for _project, value in points) > (vote.points or 0):
            raise ValidationError(
                _("You gave more than %(points)s points.") % {"points": vote.points}
            )
    elif vote.ballot_kind == BallotKind.ORDINAL:
        chosen = list(ranking)
    else:
        chosen = list(approved)
    if not chosen:
        raise ValidationError(_("Choose at least one project."))
    if len(set(chosen)) != len(chosen):
        raise ValidationError(_("Choose each project only once."))
    if not set(chosen) <= set(costs):
        raise ValidationError(_("One of the chosen projects is not on the ballot."))
    if vote.max_projects is not None and len(chosen) > vote.max_projects:
        raise ValidationError(
            _("Choose at most %(count)s projects.") % {"count": vote.max_projects}
        )
    if vote.max_cost_cents is not None and (
        sum(costs[project_id] for project_id in chosen) > vote.max_cost_cents
    ):
        raise ValidationError(
            _("The projects you chose cost together more than you may spend.")
        )


@transaction.atomic
def cast_ballot(
    vote: Vote,
    *,
    code: str,
    approved: Sequence[str] = (),
    points: Sequence[tuple[str, int]] = (),
    ranking: Sequence[str] = (),
    now: datetime.datetime | None = None,
) -> Ballot:
    """Cast one resident's ballot with a code; a code votes once.

    The code is locked, checked and marked used in the same transaction as the
    ballot is stored, so a repeated or simultaneous request adds nothing. The
    ballot keeps no link to the code and no time, and no audit record names
    it: nobody can tell which letter voted what.
    """
    if not vote.is_open(now):
        raise ValidationError(_("Voting is not open now."))
    voting_code = check_code(vote, code)
    check_choices(vote, approved=approved, points=points, ranking=ranking)
    voting_code.used = True
    voting_code.save(update_fields=["used"])
    return Ballot.objects.create(
        vote=vote,
        approved=list(approved) if vote.ballot_kind == BallotKind.APPROVAL else [],
        points=[[p, n] for p, n in points]
        if vote.ballot_kind == BallotKind.CUMULATIVE
        else [],
        ranking=list(ranking) if vote.ballot_kind == BallotKind.ORDINAL else [],
    )


@transaction.atomic
def count_vote(
    vote: Vote, *, acting_user: User | None, now: datetime.datetime | None = None
) -> Result:
    """Count a closed vote with the rule stored when it was set up.

    Counting twice returns the stored result: the ballots cannot change after
    the vote closes, and the result can always be recomputed from them.
    """
    require(acting_user, vote.focus_area, Need.BUREAU)
    if (now or timezone.now()) < vote.closes_at:
        raise ValidationError(_("The vote is still open; count it after it closes."))
    existing = selectors.result_of(vote)
    if existing is not None:
        return existing
    election = selectors.election_of(vote)
    outcome = selectors.outcome_of(
        election,
        rule=vote.rule,
        completion=vote.completion,
        tie_breaking=vote.tie_breaking,
    )
    result = Result.objects.create(
        vote=vote,
        rule=vote.rule,
        completion=vote.completion,
        tie_breaking=vote.tie_breaking,
        funded=list(outcome.funded),
        document=selectors.document_of(election, outcome),
        voters=len(election.ballots),
        counted_at=now or timezone.now(),
    )
    record(
        "vote.counted",
        vote,
        acting_user=acting_user,
        focus_area=vote.focus_area,
        changes={"funded": list(outcome.funded)},
    )
    return result
