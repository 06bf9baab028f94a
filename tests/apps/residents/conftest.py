# SPDX-License-Identifier: EUPL-1.2
"""A contract and a budget in the ``area`` fixture, and a resident who writes."""

from __future__ import annotations

import pytest

from wijkaanpak.apps.residents import services


@pytest.fixture
def residents_area(area):
    """The area with a member from the residents' platform (role ``residents``)."""
    from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

    platform = OrganisationFactory(
        name="Bewonersplatform Oost", kind="residents_organisation"
    )
    area.people["residents"] = MembershipFactory(
        role="alliance",
        focus_area=area,
        user=UserFactory(username="bewoner", organisation=platform),
    ).user
    area.neighbourhood = area.neighbourhoods.order_by("code").first()
    return area


@pytest.fixture
def contract(residents_area):
    """A draft contract with one agreement of residents and one of a partner."""
    area = residents_area
    contract = services.draft_contract(
        area, neighbourhood=area.neighbourhood, year=2025, acting_user=None
    )
    services.add_contract_item(
        contract,
        party="residents",
        residents_group="Bewonerscommissie Lindeplein",
        what="Elke maand een opschoondag",
        when="Eerste zaterdag van de maand",
        acting_user=None,
    )
    services.add_contract_item(
        contract,
        party="partner",
        organisation=area.people["alliance"].organisation,
        what="Grofvuil ophalen na de opschoondag",
        when="Dezelfde dag",
        acting_user=None,
    )
    return contract


@pytest.fixture
def budget(residents_area):
    """A budget of € 1.000 with two criteria."""
    area = residents_area
    return services.create_budget(
        area,
        neighbourhood=area.neighbourhood,
        year=2025,
        amount_cents=1000_00,
        criteria=["Voor en door bewoners", "Iedereen kan meedoen"],
        acting_user=None,
    )
