# SPDX-License-Identifier: EUPL-1.2
"""Rules of contracts and budgets, through the services."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.residents import services
from wijkaanpak.apps.residents.models import (
    Application,
    ContractItem,
    NeighbourhoodContract,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Error messages are matched in English, the language of the msgids."""
    with translation.override("en"):
        yield


DAY = datetime.date(2025, 6, 1)


# Contracts.


def test_a_resident_drafts_and_writes_the_contract(residents_area):
    resident = residents_area.people["residents"]

    contract = services.draft_contract(
        residents_area,
        neighbourhood=residents_area.neighbourhood,
        year=2026,
        acting_user=resident,
    )
    item = services.add_contract_item(
        contract,
        party="residents",
        residents_group="Buurtvaders",
        what="Avondrondes",
        when="Vrijdagavond",
        acting_user=resident,
    )

    assert item.who == "Buurtvaders"
    assert AuditEvent.objects.filter(
        action="created", object_id=str(item.pk), actor=resident
    ).exists()


@pytest.mark.parametrize("role", ["alliance", "professional", "national", "outsider"])
def test_members_of_other_organisations_do_not_write_the_contract(contract, role):
    with pytest.raises(PermissionDenied):
        services.add_contract_item(
            contract,
            party="residents",
            residents_group="Iemand",
            what="Iets",
            when="Ooit",
            acting_user=contract.focus_area.people[role],
        )


def test_only_the_bureau_signs(contract):
    with pytest.raises(PermissionDenied):
        services.sign_contract(
            contract,
            signed_on=DAY,
            acting_user=contract.focus_area.people["residents"],
        )

    signed = services.sign_contract(
        contract, signed_on=DAY, acting_user=contract.focus_area.people["bureau"]
    )

    assert signed.status == NeighbourhoodContract.Status.SIGNED
    assert signed.signed_by == contract.focus_area.people["bureau"]


def test_an_empty_contract_cannot_be_signed(residents_area):
    empty = services.draft_contract(
        residents_area,
        neighbourhood=residents_area.neighbourhood,
        year=2027,
        acting_user=None,
    )

    with pytest.raises(ValidationError, match="at least one agreement"):
        services.sign_contract(empty, signed_on=DAY, acting_user=None)


def test_a_signed_contract_is_fixed(contract):
    services.sign_contract(contract, signed_on=DAY, acting_user=None)
    item = contract.items.get(party="residents")
    bureau = contract.focus_area.people["bureau"]

    with pytest.raises(ValidationError, match="signed"):
        services.add_contract_item(
            contract,
            party="residents",
            residents_group="Laat",
            what="Te laat",
            when="Nu",
            acting_user=bureau,
        )
    with pytest.raises(ValidationError, match="signed"):
        services.update_contract_item(
            item,
            party="residents",
            residents_group="Ander",
            what="Anders",
            when="Later",
            acting_user=bureau,
        )
    with pytest.raises(ValidationError, match="signed"):
        services.remove_contract_item(item, acting_user=bureau)
    with pytest.raises(ValidationError, match="signed"):
        services.sign_contract(contract, signed_on=DAY, acting_user=bureau)
    item.refresh_from_db()
    assert item.what == "Elke maand een opschoondag"
    assert contract.items.count() == 2


def test_one_contract_per_neighbourhood_and_year(contract):
    with pytest.raises(ValidationError, match="already has a contract"):
        services.draft_contract(
            contract.focus_area,
            neighbourhood=contract.neighbourhood,
            year=2025,
            acting_user=None,
        )


def test_a_neighbourhood_outside_the_area_is_refused(residents_area):
    from tests.factories import NeighbourhoodFactory

    with pytest.raises(ValidationError, match="not part of this focus area"):
        services.draft_contract(
            residents_area,
            neighbourhood=NeighbourhoodFactory(),
            year=2025,
            acting_user=None,
        )


def test_a_partner_agreement_names_the_partner(contract):
    with pytest.raises(ValidationError, match="partner"):
        services.add_contract_item(
            contract, party="partner", what="Iets", when="Ooit", acting_user=None
        )


def test_only_a_signed_contract_gets_reviews(contract):
    item = contract.items.get(party="residents")

    with pytest.raises(ValidationError, match="signed contract"):
        services.review_contract_item(
            item, review="done", note="", reviewed_on=DAY, acting_user=None
        )


def test_reviews_come_from_the_party_itself_or_the_bureau(contract):
    services.sign_contract(contract, signed_on=DAY, acting_user=None)
    area = contract.focus_area
    residents_item = contract.items.get(party="residents")
    partner_item = contract.items.get(party="partner")

    services.review_contract_item(
        residents_item,
        review="partly",
        note="Acht van de twaalf keer.",
        reviewed_on=DAY,
        acting_user=area.people["residents"],
    )
    services.review_contract_item(
        partner_item,
        review="done",
        note="",
        reviewed_on=DAY,
        acting_user=area.people["alliance"],
    )
    with pytest.raises(PermissionDenied):
        services.review_contract_item(
            partner_item,
            review="not_done",
            note="Nee",
            reviewed_on=DAY,
            acting_user=area.people["residents"],
        )

    residents_item.refresh_from_db()
    partner_item.refresh_from_db()
    assert residents_item.review == ContractItem.Review.PARTLY
    assert partner_item.review == ContractItem.Review.DONE


def test_a_review_short_of_done_needs_an_account(contract):
    services.sign_contract(contract, signed_on=DAY, acting_user=None)

    with pytest.raises(ValidationError, match="short account"):
        services.review_contract_item(
            contract.items.first(),
            review="not_done",
            note=" ",
            reviewed_on=DAY,
            acting_user=None,
        )


# Budgets.


def _apply(budget, amount, key=""):
    application, _created = services.submit_application(
        budget,
        title="Buurtfeest",
        description="Een feest op het plein.",
        amount_cents=amount,
        criteria=list(budget.criteria.all()[:1]),
        submission_key=key,
    )
    return application


def _decide(application, approve=True, granted=None):
    return services.decide_application(
        application,
        approve=approve,
        reason="Past bij de criteria.",
        decided_by="committee",
        decided_on=DAY,
        granted_cents=granted,
        acting_user=None,
    )


def test_a_resent_application_is_not_doubled(budget):
    first, created = services.submit_application(
        budget,
        title="Buurtfeest",
        description="Een feest.",
        amount_cents=300_00,
        submission_key="abc",
    )
    again, created_again = services.submit_application(
        budget,
        title="Buurtfeest",
        description="Een feest.",
        amount_cents=300_00,
        submission_key="abc",
    )

    assert created
    assert not created_again
    assert again.pk == first.pk
    assert Application.objects.count() == 1


def test_an_application_cannot_ask_more_than_the_budget(budget):
    with pytest.raises(ValidationError, match="at most"):
        _apply(budget, 1000_01)


def test_a_closed_budget_takes_no_applications(budget):
    services.update_budget(
        budget,
        amount_cents=budget.amount_cents,
        introduction="",
        is_open=False,
        criteria=[c.text for c in budget.criteria.all()],
        acting_user=None,
    )

    with pytest.raises(ValidationError, match="no new applications"):
        _apply(budget, 100_00)


def test_a_decision_that_would_overspend_is_refused(budget):
    _decide(_apply(budget, 700_00))
    second = _apply(budget, 400_00)

    with pytest.raises(ValidationError, match=r"Only € 300\.00 is left"):
        _decide(second)

    second.refresh_from_db()
    assert second.status == Application.Status.SUBMITTED
    assert _decide(second, granted=300_00).granted_cents == 300_00


def test_a_decision_needs_a_reason_and_is_taken_once(budget):
    application = _apply(budget, 100_00)
    with pytest.raises(ValidationError, match="reason"):
        services.decide_application(
            application,
            approve=False,
            reason="",
            decided_by="bureau",
            decided_on=DAY,
            acting_user=None,
        )
    _decide(application, approve=False)

    with pytest.raises(ValidationError, match="already been decided"):
        _decide(application)


def test_only_the_bureau_records_decisions(budget):
    application = _apply(budget, 100_00)

    with pytest.raises(PermissionDenied):
        services.decide_application(
            application,
            approve=True,
            reason="Ja",
            decided_by="committee",
            decided_on=DAY,
            acting_user=budget.focus_area.people["residents"],
        )


def test_the_budget_cannot_shrink_below_what_is_granted(budget):
    _decide(_apply(budget, 600_00))

    with pytest.raises(ValidationError, match="already granted"):
        services.update_budget(
            budget,
            amount_cents=500_00,
            introduction="",
            is_open=True,
            criteria=[c.text for c in budget.criteria.all()],
            acting_user=None,
        )


def test_criteria_stay_once_residents_applied(budget):
    _apply(budget, 100_00)

    with pytest.raises(ValidationError, match="criteria cannot change"):
        services.update_budget(
            budget,
            amount_cents=budget.amount_cents,
            introduction="",
            is_open=True,
            criteria=["Iets anders"],
            acting_user=None,
        )


def test_residents_report_the_result_of_an_approved_initiative(budget):
    application = _decide(_apply(budget, 100_00))

    services.report_result(
        application,
        result="Veertig buren kwamen.",
        participants=40,
        result_on=DAY,
        acting_user=budget.focus_area.people["residents"],
    )

    application.refresh_from_db()
    assert application.participants == 40


def test_a_rejected_initiative_has_no_result(budget):
    application = _decide(_apply(budget, 100_00), approve=False)

    with pytest.raises(ValidationError, match="approved"):
        services.report_result(
            application, result="x", participants=None, result_on=DAY, acting_user=None
        )


def test_contact_data_go_after_the_retention_period(budget, settings):
    settings.WIJKAANPAK_BUDGET_RETENTION_DAYS = 30
    old, _c = services.submit_application(
        budget,
        title="Oud",
        description="Oud.",
        amount_cents=100_00,
        contact_name="Fatima",
        contact_email="fatima@example.org",
    )
    services.decide_application(
        old,
        approve=False,
        reason="Past niet.",
        decided_by="bureau",
        decided_on=datetime.date(2000, 1, 1),
        acting_user=None,
    )
    waiting, _c = services.submit_application(
        budget,
        title="Nieuw",
        description="Nieuw.",
        amount_cents=100_00,
        contact_email="kees@example.org",
    )

    assert services.erase_expired_application_contacts() == 1

    old.refresh_from_db()
    waiting.refresh_from_db()
    assert (old.contact_name, old.contact_email) == ("", "")
    assert waiting.contact_email == "kees@example.org"


steps = st.lists(
    st.tuples(
        st.integers(1, 600_00),  # amount asked
        st.sampled_from(["approve", "reject", "partial", "leave"]),
    ),
    max_size=12,
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_no_sequence_of_decisions_overspends_the_budget(budget, steps):
    # A model of the money left: a grant is refused exactly when it does not fit.
    with transaction.atomic():
        left = budget.amount_cents
        for amount, choice in steps:
            application = _apply(budget, amount)
            if choice == "leave":
                continue
            grant = max(1, amount // 2) if choice == "partial" else amount
            try:
                _decide(
                    application,
                    approve=choice != "reject",
                    granted=grant if choice == "partial" else None,
                )
            except ValidationError:
                assert choice != "reject"
                assert grant > left
                application.refresh_from_db()
                assert application.status == Application.Status.SUBMITTED
            else:
                if choice != "reject":
                    assert grant <= left
                    left -= grant
        granted = sum(
            a.granted_cents or 0
            for a in Application.objects.filter(budget=budget, status="approved")
        )
        assert granted == budget.amount_cents - left
        assert granted <= budget.amount_cents
        transaction.set_rollback(True)


def test_signing_and_deciding_leave_an_audit_record(contract, budget):
    bureau = contract.focus_area.people["bureau"]
    services.sign_contract(contract, signed_on=DAY, acting_user=bureau)
    application = _apply(budget, 100_00)
    services.decide_application(
        application,
        approve=True,
        reason="Goed plan.",
        decided_by="committee",
        decided_on=DAY,
        acting_user=bureau,
    )

    signed = AuditEvent.objects.get(action="signed", object_id=str(contract.pk))
    decided = AuditEvent.objects.get(action="decided", object_id=str(application.pk))
    assert signed.actor == decided.actor == bureau
    assert decided.changes["decided_by"] == "committee"
    assert decided.changes["granted_cents"] == 100_00
