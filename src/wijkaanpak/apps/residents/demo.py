# SPDX-License-Identifier: EUPL-1.2
"""Save the demo's neighbourhood contract and residents' budget through the services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.areas import selectors as area_selectors
from wijkaanpak.apps.residents import services

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.core.demo import DemoCity
    from wijkaanpak.core.demo.residents import DemoResidents


def save_residents(
    city: DemoCity, focus_area: FocusArea, residents: DemoResidents
) -> None:
    """Write a signed, reviewed contract and a budget with decisions and results.

    Both belong to the first neighbourhood of the area (by code).
    """
    neighbourhood = area_selectors.neighbourhoods_in(focus_area).first()
    if neighbourhood is None:
        return
    names = {o.key: o.name for o in city.organisations}
    by_name = {
        o.name: o for o in Organisation.objects.filter(name__in=list(names.values()))
    }
    contract = services.draft_contract(
        focus_area,
        neighbourhood=neighbourhood,
        year=residents.year,
        introduction=residents.contract_introduction,
        acting_user=None,
    )
    items = [
        services.add_contract_item(
            contract,
            party="partner" if item.is_partner else "residents",
            residents_group="" if item.is_partner else item.who,
            organisation=by_name[names[item.who]] if item.is_partner else None,
            what=item.what,
            when=item.when,
            acting_user=None,
        )
        for item in residents.items
    ]
    services.sign_contract(contract, signed_on=residents.signed_on, acting_user=None)
    reviewed_on = residents.signed_on.replace(month=12, day=15)
    for saved, item in zip(items, residents.items, strict=True):
        services.review_contract_item(
            saved,
            review=item.review,
            note=item.review_note,
            reviewed_on=reviewed_on,
            acting_user=None,
        )
    budget = services.create_budget(
        focus_area,
        neighbourhood=neighbourhood,
        year=residents.year,
        amount_cents=residents.budget_cents,
        criteria=residents.criteria,
        introduction=residents.budget_introduction,
        acting_user=None,
    )
    criteria = {c.position: c for c in budget.criteria.all()}
    for number, item in enumerate(residents.applications, start=1):
        application, _created = services.submit_application(
            budget,
            title=item.title,
            description=item.description,
            amount_cents=item.amount_cents,
            criteria=[criteria[position] for position in item.criteria],
            submission_key=f"demo-{number}",
        )
        decided_on = residents.signed_on.replace(month=3, day=number)
        application = services.decide_application(
            application,
            approve=item.granted_cents is not None,
            reason=item.reason,
            decided_by="committee",
            decided_on=decided_on,
            granted_cents=item.granted_cents,
            acting_user=None,
        )
        if item.result:
            services.report_result(
                application,
                result=item.result,
                participants=item.participants,
                result_on=residents.signed_on.replace(month=11, day=number),
                acting_user=None,
            )
    services.update_budget(
        budget,
        amount_cents=budget.amount_cents,
        introduction=budget.introduction,
        is_open=False,
        criteria=residents.criteria,
        acting_user=None,
    )
