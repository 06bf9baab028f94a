# SPDX-License-Identifier: EUPL-1.2
"""Writing areas: the focus-area rule, validation, access and the audit trail."""

from django.core.exceptions import PermissionDenied, ValidationError

import pytest
from tests.factories import DistrictFactory, MunicipalityFactory, NeighbourhoodFactory

from wijkaanpak.apps.areas import services
from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood
from wijkaanpak.apps.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_focus_area_takes_only_neighbourhoods_of_its_own_municipality():
    home = MunicipalityFactory(code="GM0344", name="Utrecht")
    other = MunicipalityFactory(code="GM0599", name="Rotterdam")
    own = NeighbourhoodFactory(district=DistrictFactory(municipality=home))
    foreign = NeighbourhoodFactory(district=DistrictFactory(municipality=other))

    with pytest.raises(ValidationError, match=foreign.code):
        services.create_focus_area(
            municipality=home,
            name="Overvecht",
            neighbourhood_codes=[own.code, foreign.code],
            boundary_year=2024,
            start_year=2022,
            acting_user=None,
        )
    assert not FocusArea.objects.exists()


def test_a_focus_area_of_known_neighbourhoods_is_created_and_audited():
    home = MunicipalityFactory(code="GM0344", name="Utrecht")
    district = DistrictFactory(municipality=home)
    first, second = NeighbourhoodFactory.create_batch(2, district=district)

    area = services.create_focus_area(
        municipality=home,
        name="Overvecht",
        neighbourhood_codes=[first.code, second.code],
        boundary_year=2024,
        start_year=2022,
        acting_user=None,
    )

    assert area.slug == "overvecht"
    assert sorted(area.neighbourhoods.values_list("code", flat=True)) == sorted(
        [first.code, second.code]
    )
    event = AuditEvent.objects.get(object_type="areas.focusarea")
    assert event.action == "created"
    assert event.changes["municipality"] == "GM0344"


def test_unknown_codes_of_another_boundary_year_are_named():
    home = MunicipalityFactory(code="GM0344")
    NeighbourhoodFactory(district=DistrictFactory(municipality=home), code="BU03440100")

    with pytest.raises(ValidationError, match=r"2019.*BU03440100"):
        services.create_focus_area(
            municipality=home,
            name="Noord",
            neighbourhood_codes=["BU03440100"],
            boundary_year=2019,
            start_year=2022,
            acting_user=None,
        )


def test_a_batch_with_one_wrong_code_saves_nothing():
    home = MunicipalityFactory(code="GM0344")

    with pytest.raises(ValidationError) as caught:
        services.register_areas(
            home,
            [services.DistrictInput("WK034401", "Noord")],
            [
                ("WK034401", services.NeighbourhoodInput("BU03440101", "Eerste")),
                ("WK034401", services.NeighbourhoodInput("BU05990101", "Verdwaald")),
            ],
            boundary_year=2024,
            acting_user=None,
        )

    assert "BU05990101" in str(caught.value)
    assert not Neighbourhood.objects.exists()


def test_only_the_bureau_of_the_area_may_change_its_neighbourhoods(area):
    codes = list(area.neighbourhoods.values_list("code", flat=True))[:1]
    for role in ("alliance", "professional", "national", "outsider"):
        with pytest.raises(PermissionDenied):
            services.set_focus_area_neighbourhoods(
                area, codes, boundary_year=2024, acting_user=area.people[role]
            )

    services.set_focus_area_neighbourhoods(
        area, codes, boundary_year=2024, acting_user=area.people["bureau"]
    )

    assert list(area.neighbourhoods.values_list("code", flat=True)) == codes
    event = AuditEvent.objects.get(action="neighbourhoods_set")
    assert event.actor == area.people["bureau"]
    assert event.focus_area == area


def test_an_edit_records_that_the_free_text_changed_but_not_the_text(area):
    services.update_focus_area(
        area,
        description="Nieuwe tekst met een naam: Jan Jansen.",
        is_public=True,
        acting_user=area.people["bureau"],
    )

    event = AuditEvent.objects.get(action="updated", object_type="areas.focusarea")
    assert "Jansen" not in str(event.changes)
    assert "description" in event.changes
