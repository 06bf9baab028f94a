# SPDX-License-Identifier: EUPL-1.2
"""Every write to contracts and budgets: validated, access-checked, audited, atomic.

Residents write the draft of their neighbourhood's contract through a member
of the area from their residents' organisation; the programme bureau signs
it, after which its items are fixed and only get a review. The bureau sets up
residents' budgets and records the decisions (its own, or those of a
residents' committee). Residents apply without an account. ``acting_user=None``
is a trusted job (the demo, the retention job).
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from wijkaanpak.apps.accounts.access import (
    Need,
    may_review_contract_item,
    require,
    require_writing_for_residents,
)
from wijkaanpak.apps.audit.services import changed_fields, record
from wijkaanpak.apps.residents import selectors
from wijkaanpak.apps.residents.models import (
    Application,
    BudgetCriterion,
    ContractItem,
    NeighbourhoodContract,
    ResidentsBudget,
)

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import Organisation, User
    from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationError(_("The year must lie between 2000 and 2100."))


def _check_neighbourhood(focus_area: FocusArea, neighbourhood: Neighbourhood) -> None:
    if not focus_area.neighbourhoods.filter(pk=neighbourhood.pk).exists():
        raise ValidationError(_("That neighbourhood is not part of this focus area."))


# Neighbourhood contracts.


@transaction.atomic
def draft_contract(
    focus_area: FocusArea,
    *,
    neighbourhood: Neighbourhood,
    year: int,
    introduction: str = "",
    acting_user: User | None,
) -> NeighbourhoodContract:
    """Start the contract of a neighbourhood for a year; one per neighbourhood and year."""
    require_writing_for_residents(acting_user, focus_area)
    _check_neighbourhood(focus_area, neighbourhood)
    _check_year(year)
    if NeighbourhoodContract.objects.filter(
        focus_area=focus_area, neighbourhood=neighbourhood, year=year
    ).exists():
        raise ValidationError(
            _("%(neighbourhood)s already has a contract for %(year)s.")
            % {"neighbourhood": neighbourhood.name, "year": year}
        )
    contract = NeighbourhoodContract.objects.create(
        focus_area=focus_area,
        neighbourhood=neighbourhood,
        year=year,
        introduction=introduction.strip(),
    )
    record(
        "created",
        contract,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"neighbourhood": neighbourhood.code, "year": year},
    )
    return contract


def _locked_draft(contract: NeighbourhoodContract) -> NeighbourhoodContract:
    """The contract's row, locked so that signing and editing cannot cross."""
    locked = NeighbourhoodContract.objects.select_for_update(of=("self",)).get(
        pk=contract.pk
    )
    if locked.is_signed:
        raise ValidationError(
            _("The contract is signed; its agreements can no longer change.")
        )
    return locked


@transaction.atomic
def update_contract(
    contract: NeighbourhoodContract, *, introduction: str, acting_user: User | None
) -> NeighbourhoodContract:
    """Rewrite the introduction of a draft contract."""
    require_writing_for_residents(acting_user, contract.focus_area)
    locked = _locked_draft(contract)
    changes = changed_fields(locked, {"introduction": introduction.strip()})
    if changes:
        locked.introduction = introduction.strip()
        locked.save(update_fields=["introduction"])
        record(
            "updated",
            locked,
            acting_user=acting_user,
            focus_area=contract.focus_area,
            changes={"introduction": ["…", "…"]},
        )
    return locked


def _check_party(
    party: str, residents_group: str, organisation: Organisation | None
) -> tuple[str, Organisation | None]:
    if party == ContractItem.Party.RESIDENTS:
        if not residents_group.strip():
            raise ValidationError(_("Name the residents' group that does this."))
        return residents_group.strip(), None
    if party == ContractItem.Party.PARTNER:
        if organisation is None:
            raise ValidationError(_("Choose the partner that does this."))
        return "", organisation
    raise ValidationError(_("Unknown party: %(party)s") % {"party": party})


def _check_promise(what: str, when: str) -> None:
    if not what.strip():
        raise ValidationError(_("Say what will be done."))
    if not when.strip():
        raise ValidationError(_("Say when it will be done."))


@transaction.atomic
def add_contract_item(
    contract: NeighbourhoodContract,
    *,
    party: str,
    what: str,
    when: str,
    residents_group: str = "",
    organisation: Organisation | None = None,
    acting_user: User | None,
) -> ContractItem:
    """Add what residents or a partner will do to a draft contract."""
    require_writing_for_residents(acting_user, contract.focus_area)
    locked = _locked_draft(contract)
    group, partner = _check_party(party, residents_group, organisation)
    _check_promise(what, when)
    item = ContractItem.objects.create(
        contract=locked,
        party=party,
        residents_group=group,
        organisation=partner,
        what=what.strip(),
        when=when.strip(),
    )
    record(
        "created",
        item,
        acting_user=acting_user,
        focus_area=contract.focus_area,
        changes={
            "contract": contract.pk,
            "party": party,
            "partner": partner.pk if partner else None,
        },
    )
    return item


@transaction.atomic
def update_contract_item(
    item: ContractItem,
    *,
    party: str,
    what: str,
    when: str,
    residents_group: str = "",
    organisation: Organisation | None = None,
    acting_user: User | None,
) -> ContractItem:
    """Rewrite an agreement while the contract is a draft."""
    focus_area = item.contract.focus_area
    require_writing_for_residents(acting_user, focus_area)
    _locked_draft(item.contract)
    group, partner = _check_party(party, residents_group, organisation)
    _check_promise(what, when)
    values = {
        "party": party,
        "residents_group": group,
        "organisation": partner,
        "what": what.strip(),
        "when": when.strip(),
    }
    changes = changed_fields(item, values)
    if not changes:
        return item
    for field, value in values.items():
        setattr(item, field, value)
    item.save(update_fields=list(changes))
    if "organisation" in changes:
        changes["organisation"] = [
            o.pk if o is not None else None for o in changes["organisation"]
        ]
    record(
        "updated", item, acting_user=acting_user, focus_area=focus_area, changes=changes
    )
    return item


@transaction.atomic
def remove_contract_item(item: ContractItem, *, acting_user: User | None) -> None:
    """Take an agreement out of a draft contract; the audit trail keeps its text."""
    focus_area = item.contract.focus_area
    require_writing_for_residents(acting_user, focus_area)
    _locked_draft(item.contract)
    record(
        "removed",
        item,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "party": [item.party, None],
            "who": [item.who, None],
            "what": [item.what, None],
            "when": [item.when, None],
        },
    )
    item.delete()


@transaction.atomic
def sign_contract(
    contract: NeighbourhoodContract,
    *,
    signed_on: datetime.date,
    acting_user: User | None,
) -> NeighbourhoodContract:
    """The bureau signs a draft with at least one agreement; from then on it is fixed."""
    require(acting_user, contract.focus_area, Need.BUREAU)
    locked = _locked_draft(contract)
    if not locked.items.exists():
        raise ValidationError(
            _("A contract needs at least one agreement to be signed.")
        )
    locked.status = NeighbourhoodContract.Status.SIGNED
    locked.signed_on = signed_on
    locked.signed_by = acting_user
    locked.save(update_fields=["status", "signed_on", "signed_by"])
    contract.status, contract.signed_on = locked.status, signed_on
    contract.signed_by = acting_user
    record(
        "signed",
        locked,
        acting_user=acting_user,
        focus_area=contract.focus_area,
        changes={"signed_on": signed_on.isoformat(), "items": locked.items.count()},
    )
    return locked


@transaction.atomic
def review_contract_item(
    item: ContractItem,
    *,
    review: str,
    note: str,
    reviewed_on: datetime.date,
    acting_user: User | None,
) -> ContractItem:
    """Say whether an agreement of a signed contract was kept, with a short account."""
    if acting_user is not None and not may_review_contract_item(acting_user, item):
        raise PermissionDenied
    if not NeighbourhoodContract.objects.filter(
        pk=item.contract_id, status=NeighbourhoodContract.Status.SIGNED
    ).exists():
        raise ValidationError(
            _("Only the agreements of a signed contract get a review.")
        )
    if review not in ContractItem.Review.values:
        raise ValidationError(_("Choose done, partly done or not done."))
    if review != ContractItem.Review.DONE and not note.strip():
        raise ValidationError(
            _("Write a short account: what happened, and what did not?")
        )
    values = {"review": review, "review_note": note.strip(), "reviewed_on": reviewed_on}
    changes = changed_fields(item, values)
    if not changes:
        return item
    for field, value in values.items():
        setattr(item, field, value)
    item.save(update_fields=list(changes))
    record(
        "reviewed",
        item,
        acting_user=acting_user,
        focus_area=item.contract.focus_area,
        changes={
            key: [str(v) if v is not None else None for v in pair]
            for key, pair in changes.items()
        },
    )
    return item


# Residents' budgets.


def _clean_criteria(criteria: Sequence[str]) -> list[str]:
    cleaned = [text.strip() for text in criteria if text.strip()]
    if not cleaned:
        raise ValidationError(_("Agree at least one criterion with the residents."))
    too_long = [text for text in cleaned if len(text) > 300]
    if too_long:
        raise ValidationError(_("A criterion has at most 300 characters."))
    return cleaned


@transaction.atomic
def create_budget(
    focus_area: FocusArea,
    *,
    neighbourhood: Neighbourhood,
    year: int,
    amount_cents: int,
    criteria: Sequence[str],
    introduction: str = "",
    acting_user: User | None,
) -> ResidentsBudget:
    """Set up a residents' budget with the criteria agreed with the residents."""
    require(acting_user, focus_area, Need.BUREAU)
    _check_neighbourhood(focus_area, neighbourhood)
    _check_year(year)
    if amount_cents <= 0:
        raise ValidationError(_("The budget must be more than zero."))
    texts = _clean_criteria(criteria)
    if ResidentsBudget.objects.filter(
        focus_area=focus_area, neighbourhood=neighbourhood, year=year
    ).exists():
        raise ValidationError(
            _("%(neighbourhood)s already has a residents' budget for %(year)s.")
            % {"neighbourhood": neighbourhood.name, "year": year}
        )
    budget = ResidentsBudget.objects.create(
        focus_area=focus_area,
        neighbourhood=neighbourhood,
        year=year,
        amount_cents=amount_cents,
        introduction=introduction.strip(),
    )
    BudgetCriterion.objects.bulk_create(
        BudgetCriterion(budget=budget, text=text, position=position)
        for position, text in enumerate(texts, start=1)
    )
    record(
        "created",
        budget,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={
            "neighbourhood": neighbourhood.code,
            "year": year,
            "amount_cents": amount_cents,
            "criteria": texts,
        },
    )
    return budget


def _locked_budget(budget: ResidentsBudget) -> ResidentsBudget:
    """The budget's row, locked: decisions on one budget happen one at a time."""
    return ResidentsBudget.objects.select_for_update(of=("self",)).get(pk=budget.pk)


def _granted(budget: ResidentsBudget) -> int:
    total = Application.objects.filter(
        budget=budget, status=Application.Status.APPROVED
    ).aggregate(total=Sum("granted_cents"))["total"]
    return int(total or 0)


@transaction.atomic
def update_budget(
    budget: ResidentsBudget,
    *,
    amount_cents: int,
    introduction: str,
    is_open: bool,
    criteria: Sequence[str],
    acting_user: User | None,
) -> ResidentsBudget:
    """Change a budget; never below what is granted, criteria only before applications."""
    require(acting_user, budget.focus_area, Need.BUREAU)
    locked = _locked_budget(budget)
    granted = _granted(locked)
    if amount_cents <= 0:
        raise ValidationError(_("The budget must be more than zero."))
    if amount_cents < granted:
        raise ValidationError(
            _("The budget cannot be less than the %(granted)s already granted.")
            % {"granted": _euros(granted)}
        )
    texts = _clean_criteria(criteria)
    old_texts = list(locked.criteria.values_list("text", flat=True))
    changes = changed_fields(
        locked,
        {
            "amount_cents": amount_cents,
            "introduction": introduction.strip(),
            "is_open": is_open,
        },
    )
    if texts != old_texts:
        if locked.applications.exists():
            raise ValidationError(
                _("The criteria cannot change once residents have applied under them.")
            )
        locked.criteria.all().delete()
        BudgetCriterion.objects.bulk_create(
            BudgetCriterion(budget=locked, text=text, position=position)
            for position, text in enumerate(texts, start=1)
        )
        changes["criteria"] = [old_texts, texts]
    if not changes:
        return locked
    locked.amount_cents = amount_cents
    locked.introduction = introduction.strip()
    locked.is_open = is_open
    locked.save(update_fields=["amount_cents", "introduction", "is_open"])
    budget.amount_cents, budget.is_open = amount_cents, is_open
    budget.introduction = locked.introduction
    if "introduction" in changes:
        changes["introduction"] = ["…", "…"]
    record(
        "updated",
        locked,
        acting_user=acting_user,
        focus_area=budget.focus_area,
        changes=changes,
    )
    return locked


def _euros(cents: int) -> str:
    return "€ " + number_format(cents / 100, 2, force_grouping=True)


def submit_application(
    budget: ResidentsBudget,
    *,
    title: str,
    description: str,
    amount_cents: int,
    criteria: Sequence[BudgetCriterion] = (),
    contact_name: str = "",
    contact_email: str = "",
    submission_key: str = "",
) -> tuple[Application, bool]:
    """Take in residents' application; a resent form (same key) is returned, not doubled.

    Returns the application and whether it was created now. Residents need no
    account; the page that calls this checks that the area is open to them.
    """
    submission_key = submission_key.strip()[:64]
    if submission_key:
        existing = Application.objects.filter(
            budget=budget, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            return _submit(
                budget,
                title=title,
                description=description,
                amount_cents=amount_cents,
                criteria=criteria,
                contact_name=contact_name,
                contact_email=contact_email,
                submission_key=submission_key,
            ), True
    except IntegrityError:
        # Two copies of one form raced; the other one won.
        if not submission_key:
            raise
        existing = Application.objects.filter(
            budget=budget, submission_key=submission_key
        ).first()
        if existing is None:
            raise
        return existing, False


def _submit(
    budget: ResidentsBudget,
    *,
    title: str,
    description: str,
    amount_cents: int,
    criteria: Sequence[BudgetCriterion],
    contact_name: str,
    contact_email: str,
    submission_key: str,
) -> Application:
    if not ResidentsBudget.objects.filter(pk=budget.pk, is_open=True).exists():
        raise ValidationError(_("This budget takes no new applications."))
    if not title.strip():
        raise ValidationError({"title": _("Give your initiative a name.")})
    if not description.strip():
        raise ValidationError({"description": _("Tell what you want to do.")})
    if amount_cents <= 0:
        raise ValidationError({"amount": _("Ask for an amount of more than zero.")})
    if amount_cents > budget.amount_cents:
        raise ValidationError(
            {
                "amount": _("You can ask for at most %(amount)s.")
                % {"amount": _euros(budget.amount_cents)}
            }
        )
    if any(criterion.budget_id != budget.pk for criterion in criteria):
        raise ValidationError({"criteria": _("Choose criteria of this budget.")})
    application = Application.objects.create(
        budget=budget,
        title=title.strip()[:200],
        description=description.strip(),
        amount_cents=amount_cents,
        contact_name=contact_name.strip()[:200],
        contact_email=contact_email.strip(),
        submission_key=submission_key,
        tracking_token=secrets.token_urlsafe(24),
        submitted_at=timezone.now(),
    )
    application.criteria.set(criteria)
    record(
        "application_received",
        application,
        acting_user=None,
        focus_area=budget.focus_area,
        changes={
            "budget": budget.pk,
            "amount_cents": amount_cents,
            "criteria": sorted(criterion.position for criterion in criteria),
        },
    )
    return application


@transaction.atomic
def decide_application(
    application: Application,
    *,
    approve: bool,
    reason: str,
    decided_by: str,
    decided_on: datetime.date,
    granted_cents: int | None = None,
    acting_user: User | None,
) -> Application:
    """Approve or reject an application, with a reason; the budget is never overspent.

    The budget's row is locked first, so two decisions on the same budget
    cannot both see the same money left. ``granted_cents`` may be less than
    asked; by default the whole amount asked is granted.
    """
    budget = application.budget
    require(acting_user, budget.focus_area, Need.BUREAU)
    locked_budget = _locked_budget(budget)
    locked = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    if locked.status != Application.Status.SUBMITTED:
        raise ValidationError(_("This application has already been decided."))
    if decided_by not in Application.DecidedBy.values:
        raise ValidationError(
            _("Say who decided: the bureau or a residents' committee.")
        )
    if not reason.strip():
        raise ValidationError(_("Give the reason for the decision."))
    granted = None
    if approve:
        granted = locked.amount_cents if granted_cents is None else granted_cents
        if not 0 < granted <= locked.amount_cents:
            raise ValidationError(
                _("Grant more than zero and at most the %(asked)s asked.")
                % {"asked": _euros(locked.amount_cents)}
            )
        left = locked_budget.amount_cents - _granted(locked_budget)
        if granted > left:
            raise ValidationError(
                _("Only %(left)s is left in this budget; %(granted)s does not fit.")
                % {"left": _euros(left), "granted": _euros(granted)}
            )
    locked.status = (
        Application.Status.APPROVED if approve else Application.Status.REJECTED
    )
    locked.granted_cents = granted
    locked.decided_by = decided_by
    locked.decision_reason = reason.strip()
    locked.decided_on = decided_on
    locked.save(
        update_fields=[
            "status",
            "granted_cents",
            "decided_by",
            "decision_reason",
            "decided_on",
        ]
    )
    record(
        "decided",
        locked,
        acting_user=acting_user,
        focus_area=budget.focus_area,
        changes={
            "status": [Application.Status.SUBMITTED, locked.status],
            "granted_cents": granted,
            "decided_by": decided_by,
        },
    )
    return locked


@transaction.atomic
def report_result(
    application: Application,
    *,
    result: str,
    participants: int | None,
    result_on: datetime.date,
    acting_user: User | None,
) -> Application:
    """Tell what an approved initiative achieved; residents or the bureau write it."""
    require_writing_for_residents(acting_user, application.budget.focus_area)
    if not Application.objects.filter(
        pk=application.pk, status=Application.Status.APPROVED
    ).exists():
        raise ValidationError(_("Only an approved initiative has a result."))
    if not result.strip():
        raise ValidationError(_("Write in a few sentences what happened."))
    if participants is not None and participants < 0:
        raise ValidationError(_("The number of participants cannot be negative."))
    values = {
        "result": result.strip(),
        "participants": participants,
        "result_on": result_on,
    }
    changes = changed_fields(application, values)
    if not changes:
        return application
    for field, value in values.items():
        setattr(application, field, value)
    application.save(update_fields=list(changes))
    record(
        "result_reported",
        application,
        acting_user=acting_user,
        focus_area=application.budget.focus_area,
        changes={"participants": participants, "result_on": result_on.isoformat()},
    )
    return application


def _erase(application: Application, now: datetime.datetime) -> None:
    application.contact_name = ""
    application.contact_email = ""
    application.contact_erased_at = now
    application.save(
        update_fields=["contact_name", "contact_email", "contact_erased_at"]
    )


@transaction.atomic
def erase_expired_application_contacts(*, acting_user: User | None = None) -> int:
    """Erase applicants' contact data the retention period no longer allows."""
    if acting_user is not None and not acting_user.is_superuser:
        raise PermissionDenied
    now = timezone.now()
    count = 0
    for application in selectors.expired_application_contacts(
        settings.WIJKAANPAK_BUDGET_RETENTION_DAYS, today=timezone.localdate()
    ).select_for_update(of=("self",)):
        _erase(application, now)
        record("contact_erased", application, acting_user=acting_user)
        count += 1
    return count
