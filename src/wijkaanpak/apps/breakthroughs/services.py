# SPDX-License-Identifier: EUPL-1.2
"""Every write to blockage cases and the register: checked, audited, atomic.

The ladder's rules are decided by :mod:`wijkaanpak.core.breakthroughs.ladder`;
these services ask it, append the step or decision, and move the case. Free
texts pass the identifier check first: with a finding the service refuses with
an :class:`IdentifierWarning` until the user confirms. Audit records hold ids,
levels, outcomes and the kinds of identifiers confirmed, never the texts.
``acting_user=None`` is a trusted job (the escalation job, the demo).
"""

from __future__ import annotations

import datetime
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkaanpak.apps.accounts.access import (
    Need,
    require,
    require_administrator,
    require_case_decision,
    require_national_viewer,
    require_rule_register_reader,
)
from wijkaanpak.apps.accounts.models import Membership, Organisation, Role
from wijkaanpak.apps.audit.services import changed_fields, record
from wijkaanpak.apps.breakthroughs import selectors
from wijkaanpak.apps.breakthroughs.models import (
    AREA_LEVELS,
    AgendaItem,
    BlockageCase,
    BlockageKind,
    BlockingRule,
    CaseDecision,
    CaseLink,
    CaseStatus,
    CaseStep,
    Level,
    NormTime,
    Outcome,
    Source,
)
from wijkaanpak.apps.programme import services as programme_services
from wijkaanpak.apps.programme.models import Domain
from wijkaanpak.apps.reports.models import Status as ProblemStatus
from wijkaanpak.core.breakthroughs import ladder
from wijkaanpak.core.breakthroughs.identifiers import (
    Finding,
    find_identifiers,
    is_valid_household_code,
)

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.apps.programme.models import Meeting
    from wijkaanpak.apps.reports.models import Problem

#: Letters and digits of generated household codes, without look-alikes.
_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_CODE_DIGITS = "23456789"
#: Labels of the identifier kinds, for warnings.
IDENTIFIER_LABELS = {
    "bsn": gettext_lazy("a citizen service number (BSN)"),
    "email": gettext_lazy("an e-mail address"),
    "phone": gettext_lazy("a telephone number"),
    "date_of_birth": gettext_lazy("a date that may be a date of birth"),
    "postcode": gettext_lazy("a postcode"),
    "iban": gettext_lazy("a bank account number (IBAN)"),
}
#: Labels of the checked fields, for warnings.
FIELD_LABELS = {
    "title": gettext_lazy("Title"),
    "need": gettext_lazy("What is needed, and for whom"),
    "blockage": gettext_lazy("How it blocks"),
    "tried": gettext_lazy("What was tried"),
    "text": gettext_lazy("Decision"),
    "grounds": gettext_lazy("Grounds"),
    "reason": gettext_lazy("Reason"),
    "household_result": gettext_lazy("Result for the household"),
    "outcome_reason": gettext_lazy("Why no breakthrough"),
    "structural_change": gettext_lazy("What changed structurally"),
}


class IdentifierWarning(ValidationError):  # noqa: N818 - the user may confirm it
    """Free text seems to hold personal identifiers; save only after confirmation.

    ``findings`` maps each field to what was found in it.
    """

    def __init__(self, findings: Mapping[str, Sequence[Finding]]) -> None:
        self.findings = dict(findings)
        messages = [
            _("%(field)s seems to contain %(kind)s: “%(excerpt)s”.")
            % {
                "field": FIELD_LABELS.get(field, field),
                "kind": IDENTIFIER_LABELS[finding.kind.value],
                "excerpt": "…",
            }
            for field, found in self.findings.items()
            for finding in found
        ]
        super().__init__(messages, code="identifiers")

    @property
    def kinds(self) -> list[str]:
        """The kinds found, sorted, without repeats."""
        return sorted(
            {
                finding.kind.value
                for found in self.findings.values()
                for finding in found
            }
        )


def _today() -> datetime.date:
    return timezone.localdate()


def _check_texts(
    texts: Mapping[str, str], *, confirmed: bool, today: datetime.date
) -> list[str]:
    """Run the identifier check; return the kinds the user confirmed."""
    findings = {
        field: found
        for field, text in texts.items()
        if (found := find_identifiers(text, today=today))
    }
    if not findings:
        return []
    warning = IdentifierWarning(findings)
    if not confirmed:
        raise warning
    return warning.kinds


def _when(on: datetime.date | None, acting_user: User | None) -> datetime.date:
    """Today, or an earlier day given by a trusted job (the demo, an import)."""
    if on is None:
        return _today()
    if acting_user is not None:
        raise PermissionDenied
    return on


#: The core's fixed sentences, in the language of the interface.
_CORE_SENTENCES = {
    "Say what the outcome means for the household.": gettext_lazy(
        "Say what the outcome means for the household."
    ),
    "A case that cannot be broken through needs the reason.": gettext_lazy(
        "A case that cannot be broken through needs the reason."
    ),
    "A structural breakthrough needs what changed in the rule, procedure or budget.": (
        gettext_lazy(
            "A structural breakthrough needs what changed in the rule, "
            "procedure or budget."
        )
    ),
    "A breakthrough cannot come before the case was opened.": gettext_lazy(
        "A breakthrough cannot come before the case was opened."
    ),
    "A case starts on a level of the ladder.": gettext_lazy(
        "A case starts on a level of the ladder."
    ),
    "The ladder history must be in date order.": gettext_lazy(
        "The ladder history must be in date order."
    ),
}
_SKIPPING = re.compile(r"Skipping (?P<levels>.+) needs a recorded reason\.")
_CLIMBING = re.compile(
    r"A case only climbs: it cannot move from (?P<current>\S+) to (?P<target>\S+)\."
)


def _level_label(value: str) -> str:
    return str(Level(value).label) if value in Level.values else value


def _core_error(error: ladder.LadderError) -> ValidationError:
    """The core's sentence, in the words and the language of the interface.

    The core speaks English and knows no Django; its sentences are matched
    here and given to the user translated.
    """
    text = str(error)
    skipping = _SKIPPING.fullmatch(text)
    if skipping:
        levels = ", ".join(
            _level_label(value.strip()) for value in skipping["levels"].split(",")
        )
        return ValidationError(
            _("Skipping %(levels)s needs a recorded reason.") % {"levels": levels}
        )
    climbing = _CLIMBING.fullmatch(text)
    if climbing:
        return ValidationError(
            _("A case only climbs: it cannot move from %(current)s to %(target)s.")
            % {
                "current": _level_label(climbing["current"]),
                "target": _level_label(climbing["target"]),
            }
        )
    return ValidationError(str(_CORE_SENTENCES.get(text, text)))


def new_household_code() -> str:
    """A fresh household reference code, for teams without their own.

    Three letters then three digits: never the shape of a BSN, a telephone
    number, a date or a postcode.
    """
    letters = "".join(secrets.choice(_CODE_LETTERS) for _ in range(3))
    digits = "".join(secrets.choice(_CODE_DIGITS) for _ in range(3))
    return f"HH-{letters}{digits}"


def _owner_label(user: User | None) -> str:
    return user.display_name if user is not None else ""


def default_owner(focus_area: FocusArea, level: str) -> tuple[User | None, str]:
    """The owner with mandate of a level: a person where the area has one."""
    if level == Level.FRONT_LINE:
        return None, str(Level.FRONT_LINE.label)
    if level == Level.BUREAU:
        director = focus_area.programme_director
        if director is not None:
            return director, director.display_name
        membership = (
            Membership.objects.select_related("user")
            .filter(focus_area=focus_area, role=Role.BUREAU)
            .order_by("pk")
            .first()
        )
        user = membership.user if membership else None
        return user, _owner_label(user) or str(Level.BUREAU.label)
    if level == Level.ALLIANCE:
        membership = (
            Membership.objects.select_related("user")
            .filter(focus_area=focus_area, role=Role.ALLIANCE, has_mandate=True)
            .order_by("-is_chair", "pk")
            .first()
        )
        user = membership.user if membership else None
        return user, _owner_label(user) or str(Level.ALLIANCE.label)
    return None, str(Level.NATIONAL.label)


def _check_owner(focus_area: FocusArea, level: str, owner: User) -> None:
    """An owner holds the level's role in the area, with mandate."""
    if (
        not selectors.owners_with_mandate(focus_area, level)
        .filter(pk=owner.pk)
        .exists()
    ):
        raise ValidationError(
            _("%(name)s has no mandate at the level “%(level)s”.")
            % {"name": owner.display_name, "level": Level(level).label}
        )


def _step(
    case: BlockageCase,
    level: str,
    *,
    entered_on: datetime.date,
    reason: str,
    skipped: Sequence[str] = (),
    owner: User | None,
    norm_days: Mapping[ladder.Level, int],
    automatic: bool = False,
    acting_user: User | None,
) -> CaseStep:
    """Append a rung; the case takes its owner and deadline (the caller saves)."""
    if owner is None:
        owner, label = default_owner(case.focus_area, level)
    else:
        _check_owner(case.focus_area, level, owner)
        label = owner.display_name
    deadline = ladder.deadline_at(ladder.Level(level), entered_on, norm_days)
    case.level = level
    case.level_deadline = deadline
    case.owner = owner
    case.owner_label = label
    return CaseStep.objects.create(
        case=case,
        level=level,
        entered_on=entered_on,
        deadline=deadline,
        owner=owner,
        owner_label=label,
        reason=reason,
        skipped=list(skipped),
        automatic=automatic,
        moved_by=acting_user if acting_user is not None and acting_user.pk else None,
    )


@transaction.atomic
def register_rule(
    *,
    title: str,
    kind: str,
    instrument: str,
    article: str = "",
    owner: str,
    url: str = "",
    acting_user: User | None,
) -> BlockingRule:
    """Add a rule to the national register; a rule already there is returned.

    Any area's member may add a rule when filing a case, so the same law and
    article is kept once, whatever the capitals.
    """
    require_rule_register_reader(acting_user)
    instrument, article = instrument.strip(), article.strip()
    if not title.strip() or not instrument or not owner.strip():
        raise ValidationError(
            _("Name the rule, its law or policy document and the owner.")
        )
    if kind not in BlockingRule.Kind.values:
        raise ValidationError(_("Choose law or policy."))
    existing = BlockingRule.objects.filter(
        instrument__iexact=instrument, article__iexact=article
    ).first()
    if existing is not None:
        return existing
    rule = BlockingRule(
        title=title.strip(),
        kind=kind,
        instrument=instrument,
        article=article,
        owner=owner.strip(),
        url=url.strip(),
    )
    rule.full_clean()
    rule.save()
    record(
        "created",
        rule,
        acting_user=acting_user,
        changes={"instrument": instrument, "article": article},
    )
    return rule


@transaction.atomic
def update_rule(
    rule: BlockingRule,
    *,
    title: str,
    kind: str,
    instrument: str,
    article: str,
    owner: str,
    url: str,
    acting_user: User | None,
) -> BlockingRule:
    """Correct a rule of the register; national staff keep it."""
    require_national_viewer(acting_user)
    values = {
        "title": title.strip(),
        "kind": kind,
        "instrument": instrument.strip(),
        "article": article.strip(),
        "owner": owner.strip(),
        "url": url.strip(),
    }
    changes = changed_fields(rule, values)
    if not changes:
        return rule
    for field, value in values.items():
        setattr(rule, field, value)
    rule.full_clean()
    rule.save(update_fields=list(changes))
    record("updated", rule, acting_user=acting_user, changes=changes)
    return rule


@dataclass(frozen=True, slots=True)
class CaseInput:
    """What a front-line worker tells about a blockage."""

    title: str
    need: str
    blockage_kind: str
    blockage: str
    tried: str = ""
    domains: Sequence[str] = ()
    rules: Sequence[BlockingRule] = ()
    household_code: str = ""
    source: str = Source.FRONT_LINE


def _validate_case(
    focus_area: FocusArea, data: CaseInput, today: datetime.date
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Give the case a short title.")
    if not data.need.strip():
        errors["need"] = _("Say what is needed, and for whom.")
    if not data.blockage.strip():
        errors["blockage"] = _("Say how the rule, budget or procedure blocks.")
    if data.blockage_kind not in BlockageKind.values:
        errors["blockage_kind"] = _("Choose what blocks.")
    elif data.blockage_kind == BlockageKind.RULE and not data.rules:
        errors["rules"] = _("Name the rule that blocks, from the register or new.")
    unknown = sorted(set(data.domains) - set(Domain.values))
    if unknown:
        errors["domains"] = _("Unknown domains: %(domains)s") % {
            "domains": ", ".join(unknown)
        }
    if data.source not in Source.values:
        errors["source"] = _("Choose who flagged the blockage.")
    code = data.household_code.strip()
    if code and not is_valid_household_code(code, today=today):
        errors["household_code"] = _(
            "Use the reference code of the household's file (3 to 32 letters, digits "
            "and hyphens), never a name, BSN, date of birth or address."
        )
    return errors


@transaction.atomic
def open_case(
    focus_area: FocusArea,
    data: CaseInput,
    *,
    level: str = Level.FRONT_LINE,
    reason: str = "",
    owner: User | None = None,
    problem: Problem | None = None,
    confirm_identifiers: bool = False,
    opened_on: datetime.date | None = None,
    acting_user: User | None,
) -> BlockageCase:
    """Open a case at the front line, or higher with a recorded reason.

    A residents' report that cannot be fixed becomes a case in this one step:
    the case keeps the problem, and the problem finds its case.
    """
    require(acting_user, focus_area, Need.MEMBER)
    today = _when(opened_on, acting_user)
    errors = _validate_case(focus_area, data, today)
    if level not in Level.values:
        errors["level"] = _("Choose a level of the ladder.")
    if problem is not None:
        problem = (
            type(problem).objects.select_for_update(of=("self",)).get(pk=problem.pk)
        )
        if problem.focus_area_id != focus_area.pk:
            errors["problem"] = _("That report belongs to another focus area.")
        elif problem.status != ProblemStatus.CANNOT_BE_FIXED:
            errors["problem"] = _(
                "Only a report that cannot be fixed becomes a blockage case."
            )
        elif BlockageCase.objects.filter(problem=problem).exists():
            errors["problem"] = _("That report is already a blockage case.")
    if errors:
        raise ValidationError(errors)
    norm_days = selectors.norm_days_of(focus_area)
    skipped: tuple[ladder.Level, ...] = ()
    if level != Level.FRONT_LINE:
        try:
            move = ladder.plan_move(
                ladder.Level.FRONT_LINE, ladder.Level(level), reason=reason
            )
        except ladder.LadderError as error:
            raise ValidationError({"reason": str(error)}) from error
        skipped = move.skipped
    confirmed = _check_texts(
        {
            "title": data.title,
            "need": data.need,
            "blockage": data.blockage,
            "tried": data.tried,
            "reason": reason,
        },
        confirmed=confirm_identifiers,
        today=today,
    )
    case = BlockageCase.objects.create(
        focus_area=focus_area,
        title=data.title.strip(),
        household_code=data.household_code.strip() or new_household_code(),
        need=data.need.strip(),
        domains=[value for value in Domain.values if value in set(data.domains)],
        blockage_kind=data.blockage_kind,
        blockage=data.blockage.strip(),
        tried=data.tried.strip(),
        source=Source.RESIDENT_REPORT if problem is not None else data.source,
        flagged_by=acting_user if acting_user is not None and acting_user.pk else None,
        problem=problem,
        level=level,
        level_deadline=ladder.deadline_at(ladder.Level(level), today, norm_days),
        opened_on=today,
    )
    case.rules.set(data.rules)
    _step(
        case,
        level,
        entered_on=today,
        reason=reason.strip(),
        skipped=[item.value for item in skipped],
        owner=owner,
        norm_days=norm_days,
        acting_user=acting_user,
    )
    case.save(update_fields=["owner", "owner_label"])
    record(
        "created",
        case,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "level": level,
            "blockage_kind": data.blockage_kind,
            "rules": sorted(rule.pk for rule in data.rules),
            "problem": problem.pk if problem is not None else None,
            "identifiers_confirmed": confirmed,
        },
    )
    return case


def _locked(case: BlockageCase) -> BlockageCase:
    return (
        BlockageCase.objects.select_for_update(of=("self",))
        .select_related("focus_area", "focus_area__programme_director")
        .get(pk=case.pk)
    )


def _require_open(case: BlockageCase) -> None:
    if not case.is_open:
        raise ValidationError(_("The case is closed; open a follow-up case instead."))


def _decided_by(acting_user: User | None, decided_by: str, level: str) -> str:
    if decided_by.strip():
        return decided_by.strip()
    if acting_user is not None and acting_user.pk:
        return acting_user.display_name
    return str(Level(level).label)


@transaction.atomic
def escalate_case(
    case: BlockageCase,
    *,
    to_level: str | None = None,
    reason: str = "",
    owner: User | None = None,
    decided_by: str = "",
    confirm_identifiers: bool = False,
    on: datetime.date | None = None,
    acting_user: User | None,
) -> BlockageCase:
    """Move a case up: one level, or more with a recorded reason.

    The move is a decision of the level the case leaves, kept with its
    grounds, and a new rung whose norm time starts today.
    """
    case = _locked(case)
    require_case_decision(acting_user, case)
    _require_open(case)
    today = _when(on, acting_user)
    target = to_level or (ladder.next_level(case.core_level) or "")
    if not target:
        raise ValidationError(
            _("The case is at the top of the ladder; record a decision or close it.")
        )
    if target not in Level.values:
        raise ValidationError(_("Choose a level of the ladder."))
    try:
        move = ladder.plan_move(case.core_level, ladder.Level(target), reason=reason)
    except ladder.LadderError as error:
        raise _core_error(error) from error
    confirmed = _check_texts(
        {"reason": reason}, confirmed=confirm_identifiers, today=today
    )
    CaseDecision.objects.create(
        case=case,
        level=case.level,
        kind=CaseDecision.Kind.ESCALATE,
        decided_by=_decided_by(acting_user, decided_by, case.level),
        text=_("Escalate to: %(level)s.") % {"level": Level(target).label},
        grounds=move.reason,
        decided_on=today,
        recorded_by=acting_user if acting_user is not None and acting_user.pk else None,
    )
    previous = case.level
    _step(
        case,
        target,
        entered_on=today,
        reason=move.reason,
        skipped=[level.value for level in move.skipped],
        owner=owner,
        norm_days=selectors.norm_days_of(case.focus_area),
        acting_user=acting_user,
    )
    case.overdue_flagged_on = None
    case.save(
        update_fields=[
            "level",
            "level_deadline",
            "owner",
            "owner_label",
            "overdue_flagged_on",
        ]
    )
    record(
        "escalated",
        case,
        acting_user=acting_user,
        focus_area=case.focus_area,
        changes={
            "level": [previous, target],
            "skipped": [level.value for level in move.skipped],
            "identifiers_confirmed": confirmed,
        },
    )
    return case


@transaction.atomic
def hand_over_case(
    case: BlockageCase,
    *,
    to_owner: User,
    reason: str,
    confirm_identifiers: bool = False,
    on: datetime.date | None = None,
    acting_user: User | None,
) -> CaseDecision:
    """Give a case to another owner with mandate on the same level, saying why.

    The hand-over is a decision of its own (who handed it over, to whom, why);
    the level, its deadline and the ladder history stay as they are.
    """
    case = _locked(case)
    require_case_decision(acting_user, case)
    _require_open(case)
    today = _when(on, acting_user)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the case changes hands.")})
    if to_owner.pk == case.owner_id:
        raise ValidationError(
            {
                "to_owner": _("%(name)s already owns the case.")
                % {"name": to_owner.display_name}
            }
        )
    try:
        _check_owner(case.focus_area, case.level, to_owner)
    except ValidationError as error:
        raise ValidationError({"to_owner": error.messages}) from error
    confirmed = _check_texts(
        {"reason": reason}, confirmed=confirm_identifiers, today=today
    )
    previous_label = case.owner_label or str(Level(case.level).label)
    decision = CaseDecision.objects.create(
        case=case,
        level=case.level,
        kind=CaseDecision.Kind.HAND_OVER,
        decided_by=_decided_by(acting_user, "", case.level),
        text=_("Handed over from %(previous)s to %(next)s.")
        % {"previous": previous_label, "next": to_owner.display_name},
        grounds=reason.strip(),
        decided_on=today,
        recorded_by=acting_user if acting_user is not None and acting_user.pk else None,
        handed_from_label=previous_label,
        handed_to=to_owner,
        handed_to_label=to_owner.display_name,
    )
    previous_owner = case.owner_id
    case.owner = to_owner
    case.owner_label = to_owner.display_name
    case.save(update_fields=["owner", "owner_label"])
    record(
        "handed_over",
        case,
        acting_user=acting_user,
        focus_area=case.focus_area,
        changes={
            "owner": [previous_owner, to_owner.pk],
            "level": case.level,
            "decision": decision.pk,
            "identifiers_confirmed": confirmed,
        },
    )
    return decision


@transaction.atomic
def set_norm_times(
    focus_area: FocusArea,
    days: Mapping[str, int | None],
    *,
    acting_user: User | None,
) -> dict[ladder.Level, int]:
    """The bureau sets its area's norm times; None brings a level back to the default.

    Only the area's own three levels: the national meeting keeps one norm time
    for every area. Deadlines already set stay; a new norm time counts for
    cases that enter the level from now on.
    """
    require(acting_user, focus_area, Need.BUREAU)
    area_levels = {level.value for level in AREA_LEVELS}
    errors: dict[str, str] = {}
    for level, value in days.items():
        if level not in area_levels:
            errors[level] = _(
                "Only the front line, the bureau and the breakthrough table have "
                "norm times per area."
            )
        elif value is not None and not 1 <= value <= 365:
            errors[level] = _("A norm time is 1 to 365 days.")
    if errors:
        raise ValidationError(errors)
    before = dict(
        NormTime.objects.select_for_update(of=("self",))
        .filter(focus_area=focus_area)
        .values_list("level", "days")
    )
    changes = {}
    for level, value in days.items():
        if before.get(level) == value:
            continue
        changes[level] = [before.get(level), value]
        if value is None:
            NormTime.objects.filter(focus_area=focus_area, level=level).delete()
            continue
        NormTime.objects.update_or_create(
            focus_area=focus_area,
            level=level,
            defaults={
                "days": value,
                "set_by": acting_user
                if acting_user is not None and acting_user.pk
                else None,
            },
        )
    if changes:
        record(
            "norm_times_set",
            focus_area,
            acting_user=acting_user,
            focus_area=focus_area,
            changes=changes,
        )
    return selectors.norm_days_of(focus_area)


@transaction.atomic
def record_case_decision(
    case: BlockageCase,
    *,
    text: str,
    grounds: str,
    decided_by: str = "",
    confirm_identifiers: bool = False,
    on: datetime.date | None = None,
    acting_user: User | None,
) -> CaseDecision:
    """Record an interim decision at the case's level: who, what, on what grounds."""
    case = _locked(case)
    require_case_decision(acting_user, case)
    _require_open(case)
    today = _when(on, acting_user)
    if not text.strip():
        raise ValidationError({"text": _("Write the decision.")})
    if not grounds.strip():
        raise ValidationError({"grounds": _("Give the grounds of the decision.")})
    confirmed = _check_texts(
        {"text": text, "grounds": grounds}, confirmed=confirm_identifiers, today=today
    )
    decision = CaseDecision.objects.create(
        case=case,
        level=case.level,
        kind=CaseDecision.Kind.INTERIM,
        decided_by=_decided_by(acting_user, decided_by, case.level),
        text=text.strip(),
        grounds=grounds.strip(),
        decided_on=today,
        recorded_by=acting_user if acting_user is not None and acting_user.pk else None,
    )
    record(
        "decided",
        case,
        acting_user=acting_user,
        focus_area=case.focus_area,
        changes={
            "decision": decision.pk,
            "level": case.level,
            "identifiers_confirmed": confirmed,
        },
    )
    return decision


@transaction.atomic
def close_case(
    case: BlockageCase,
    *,
    outcome: str,
    household_result: str,
    grounds: str,
    outcome_reason: str = "",
    structural_change: str = "",
    decided_by: str = "",
    confirm_identifiers: bool = False,
    on: datetime.date | None = None,
    acting_user: User | None,
) -> CaseDecision:
    """Close a case with its outcome; there is no closing without one."""
    case = _locked(case)
    require_case_decision(acting_user, case)
    _require_open(case)
    today = _when(on, acting_user)
    if outcome not in Outcome.values:
        raise ValidationError(
            {
                "outcome": _(
                    "Choose the outcome: incidental, structural or not possible."
                )
            }
        )
    if not grounds.strip():
        raise ValidationError({"grounds": _("Give the grounds of the decision.")})
    try:
        ladder.check_outcome(
            ladder.Outcome(outcome),
            household_result=household_result,
            reason=outcome_reason,
            structural_change=structural_change,
        )
    except ladder.LadderError as error:
        raise _core_error(error) from error
    if today < case.opened_on:
        raise ValidationError(_("A case cannot be decided before it was opened."))
    confirmed = _check_texts(
        {
            "household_result": household_result,
            "grounds": grounds,
            "outcome_reason": outcome_reason,
            "structural_change": structural_change,
        },
        confirmed=confirm_identifiers,
        today=today,
    )
    texts = {
        Outcome.INCIDENTAL: _("Incidental breakthrough."),
        Outcome.STRUCTURAL: _("Structural breakthrough."),
        Outcome.NOT_POSSIBLE: _("Breakthrough not possible."),
    }
    decision = CaseDecision.objects.create(
        case=case,
        level=case.level,
        kind=CaseDecision.Kind.OUTCOME,
        outcome=outcome,
        decided_by=_decided_by(acting_user, decided_by, case.level),
        text=str(texts[Outcome(outcome)]),
        grounds=grounds.strip(),
        decided_on=today,
        recorded_by=acting_user if acting_user is not None and acting_user.pk else None,
    )
    case.status = CaseStatus.CLOSED
    case.outcome = outcome
    case.decided_on = today
    case.closed_at = timezone.now()
    case.household_result = household_result.strip()
    case.outcome_reason = (
        outcome_reason.strip() if outcome == Outcome.NOT_POSSIBLE else ""
    )
    case.structural_change = (
        structural_change.strip() if outcome == Outcome.STRUCTURAL else ""
    )
    case.save(
        update_fields=[
            "status",
            "outcome",
            "decided_on",
            "closed_at",
            "household_result",
            "outcome_reason",
            "structural_change",
        ]
    )
    record(
        "closed",
        case,
        acting_user=acting_user,
        focus_area=case.focus_area,
        changes={
            "outcome": outcome,
            "level": case.level,
            "days": case.days_to_breakthrough,
            "identifiers_confirmed": confirmed,
        },
    )
    return decision


@transaction.atomic
def link_cases(
    case: BlockageCase, other: BlockageCase, *, kind: str, acting_user: User | None
) -> CaseLink:
    """Link two cases of one area: ``case`` follows up ``other``, or shares its cause."""
    require(acting_user, case.focus_area, Need.MEMBER)
    if kind not in CaseLink.Kind.values:
        raise ValidationError(_("Choose follow-up or same cause."))
    if other.focus_area_id != case.focus_area_id:
        raise ValidationError(_("Only cases of the same focus area can be linked."))
    if other.pk == case.pk:
        raise ValidationError(_("A case cannot be linked to itself."))
    links = CaseLink.objects.filter(kind=kind)
    existing = links.filter(case=case, other=other).first()
    if existing is None and kind == CaseLink.Kind.SAME_CAUSE:
        # The same cause works both ways; a follow-up has a direction.
        existing = links.filter(case=other, other=case).first()
    if existing is not None:
        return existing
    link = CaseLink.objects.create(
        case=case,
        other=other,
        kind=kind,
        created_by=acting_user if acting_user is not None and acting_user.pk else None,
    )
    record(
        "linked",
        case,
        acting_user=acting_user,
        focus_area=case.focus_area,
        changes={"other": other.pk, "kind": kind},
    )
    return link


@dataclass(frozen=True, slots=True)
class EscalationRun:
    """What one run of the deadline job did."""

    escalated: tuple[int, ...]
    flagged: tuple[int, ...]


@transaction.atomic
def escalate_overdue_cases(
    *, today: datetime.date | None = None, acting_user: User | None = None
) -> EscalationRun:
    """Climb every open case past its deadline one level; flag those at the top.

    Run it daily (``wijk doorbraak escaleer``); a second run on the same day
    changes nothing.
    """
    require_administrator(acting_user)
    today = today or _today()
    cases = {
        case.pk: case
        for case in BlockageCase.objects.select_for_update(of=("self",))
        .select_related("focus_area", "focus_area__programme_director")
        .filter(status=CaseStatus.OPEN)
    }
    norm_days = selectors.norm_days_for(
        {case.focus_area_id: case.focus_area for case in cases.values()}.values()
    )
    clocks: dict[int, list[ladder.CaseClock]] = {}
    for case in cases.values():
        clocks.setdefault(case.focus_area_id, []).append(
            ladder.CaseClock(
                case.pk,
                case.core_level,
                case.level_deadline,
                case.overdue_flagged_on is not None,
            )
        )
    # Each area climbs by its own norm times; the cases are then handled in
    # key order, as one run over all areas would.
    steps = sorted(
        (
            step
            for area_id, area_clocks in clocks.items()
            for step in ladder.overdue_escalations(
                area_clocks, today, norm_days[area_id]
            )
        ),
        key=lambda step: step.key,
    )
    escalated, flagged = [], []
    for step in steps:
        case = cases[step.key]
        if step.to_level is None:
            case.overdue_flagged_on = today
            case.save(update_fields=["overdue_flagged_on"])
            flagged.append(case.pk)
            record(
                "flagged_overdue",
                case,
                acting_user=acting_user,
                focus_area=case.focus_area,
                changes={"level": case.level, "days_overdue": step.days_overdue},
            )
            continue
        previous = case.level
        _step(
            case,
            step.to_level.value,
            entered_on=today,
            reason="",
            owner=None,
            norm_days=norm_days[case.focus_area_id],
            automatic=True,
            acting_user=acting_user,
        )
        case.save(update_fields=["level", "level_deadline", "owner", "owner_label"])
        escalated.append(case.pk)
        record(
            "escalated",
            case,
            acting_user=acting_user,
            focus_area=case.focus_area,
            changes={
                "level": [previous, case.level],
                "automatic": True,
                "days_overdue": step.days_overdue,
            },
        )
    return EscalationRun(tuple(escalated), tuple(flagged))


@transaction.atomic
def put_escalations_on_agenda(
    meeting: Meeting, *, acting_user: User | None
) -> list[AgendaItem]:
    """Put every open case at the breakthrough table on the meeting's agenda.

    Cases already on this meeting's agenda stay once; the new items are
    returned.
    """
    require(acting_user, meeting.focus_area, Need.BUREAU)
    already = set(meeting.blockage_items.values_list("case_id", flat=True))
    cases = [
        case
        for case in selectors.open_escalations_in(meeting.focus_area)
        if case.pk not in already
    ]
    items = [AgendaItem.objects.create(meeting=meeting, case=case) for case in cases]
    if items:
        record(
            "agenda_set",
            meeting,
            acting_user=acting_user,
            focus_area=meeting.focus_area,
            changes={"cases": [case.pk for case in cases]},
        )
    return items


@dataclass(frozen=True, slots=True)
class HomeworkInput:
    """A task that a decision at the table gives a partner."""

    text: str
    organisation: Organisation
    due_on: datetime.date


@transaction.atomic
def decide_at_meeting(
    item: AgendaItem,
    *,
    text: str,
    grounds: str,
    homework: HomeworkInput | None = None,
    confirm_identifiers: bool = False,
    acting_user: User | None,
) -> CaseDecision:
    """Record the alliance's decision on a case, in the minutes and as homework.

    The decision lands three times, each where its readers look: on the case
    (who, what, grounds), in the meeting's decisions, and as a task with a
    due date for the partner who must act.
    """
    meeting = item.meeting
    case = _locked(item.case)
    require(acting_user, meeting.focus_area, Need.BUREAU)
    _require_open(case)
    if not text.strip():
        raise ValidationError({"text": _("Write the decision.")})
    if not grounds.strip():
        raise ValidationError({"grounds": _("Give the grounds of the decision.")})
    texts = {"text": text, "grounds": grounds}
    if homework is not None:
        texts["homework"] = homework.text
    confirmed = _check_texts(
        texts, confirmed=confirm_identifiers, today=meeting.held_on
    )
    minutes = programme_services.record_decision(
        meeting,
        text=_("Blockage case %(number)s: %(text)s")
        % {"number": case.pk, "text": text.strip()},
        acting_user=acting_user,
    )
    task = None
    if homework is not None:
        task = programme_services.assign_homework(
            meeting.focus_area,
            text=_("Blockage case %(number)s: %(text)s")
            % {"number": case.pk, "text": homework.text.strip()},
            organisation=homework.organisation,
            due_on=homework.due_on,
            meeting=meeting,
            acting_user=acting_user,
        )
    decision = CaseDecision.objects.create(
        case=case,
        level=case.level,
        kind=CaseDecision.Kind.INTERIM,
        decided_by=meeting.title,
        text=text.strip(),
        grounds=grounds.strip(),
        decided_on=meeting.held_on,
        recorded_by=acting_user if acting_user is not None and acting_user.pk else None,
        meeting_decision=minutes,
        homework=task,
    )
    record(
        "decided",
        case,
        acting_user=acting_user,
        focus_area=case.focus_area,
        changes={
            "decision": decision.pk,
            "meeting": meeting.pk,
            "homework": task.pk if task is not None else None,
            "identifiers_confirmed": confirmed,
        },
    )
    return decision


_ERASED = "…"


@transaction.atomic
def erase_expired_case_texts(*, acting_user: User | None = None) -> int:
    """Erase the free texts of cases closed longer than the retention period.

    What is left (levels, dates, outcome, rules) identifies no household and
    keeps the figures and the register whole. Returns how many cases.
    """
    require_administrator(acting_user)
    now = timezone.now()
    cases = list(
        selectors.expired_case_texts(
            settings.WIJKAANPAK_CASE_RETENTION_DAYS, now=now
        ).select_for_update(of=("self",))
    )
    for case in cases:
        BlockageCase.objects.filter(pk=case.pk).update(
            title=_ERASED,
            household_code=_ERASED,
            need=_ERASED,
            blockage=_ERASED,
            tried="",
            household_result="",
            outcome_reason="",
            structural_change="",
            texts_erased_at=now,
        )
        # History rows are never edited, except to erase them at the end.
        CaseDecision.objects.filter(case=case).update(text=_ERASED, grounds="")
        CaseStep.objects.filter(case=case).exclude(reason="").update(reason=_ERASED)
        record(
            "texts_erased", case, acting_user=acting_user, focus_area=case.focus_area
        )
    return len(cases)
