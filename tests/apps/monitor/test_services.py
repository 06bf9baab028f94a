# SPDX-License-Identifier: EUPL-1.2
"""The stored area values: kept by the services, used only while they are current."""

from __future__ import annotations

import datetime

import pytest
from tests.factories import DistrictFactory, MunicipalityFactory, NeighbourhoodFactory

from wijkaanpak.apps.areas import services as area_services
from wijkaanpak.apps.areas.models import Figure
from wijkaanpak.apps.monitor import selectors, services
from wijkaanpak.apps.monitor.models import AreaIndicatorValue, AreaValueStamp

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


def low_income(dashboard) -> dict[str, float | None]:
    row = next(r for r in dashboard.indicators if r.key == "low_income_households")
    return dict(row.values)


@pytest.fixture
def fresh(monitored):
    """The monitored areas with stored values and an empty memory of this process."""
    services.refresh_area_values()
    selectors._HISTORIES.clear()
    return monitored


def test_the_stored_values_equal_the_values_computed_from_the_figures(monitored):
    computed = selectors.national_dashboard(today=TODAY)
    services.refresh_area_values()
    selectors._HISTORIES.clear()

    stored = selectors.national_dashboard(today=TODAY)

    assert low_income(stored) == low_income(computed)
    assert [row.values for row in stored.indicators] == [
        row.values for row in computed.indicators
    ]
    assert stored.statuses == computed.statuses


def test_the_dashboard_reads_the_stored_values_while_the_data_are_the_same(fresh):
    # Proof that the stored values are read: a changed stored value shows.
    AreaIndicatorValue.objects.filter(
        focus_area=fresh, indicator_key="low_income_households", year=2024
    ).update(value=99.0)

    assert low_income(selectors.national_dashboard(today=TODAY))["oost"] == 99.0


def test_new_figures_outside_the_services_are_never_hidden_by_stored_values(fresh):
    AreaIndicatorValue.objects.filter(indicator_key="low_income_households").update(
        value=99.0
    )
    neighbourhood = fresh.neighbourhoods.order_by("code").first()
    Figure.objects.filter(
        neighbourhood=neighbourhood, year=2024, variable="p_hh_lkk"
    ).update(value=1.5)

    values = low_income(selectors.national_dashboard(today=TODAY))

    # (1.5·100 + 19·100 + 29·200) / 400, computed again from the figures.
    assert values["oost"] == pytest.approx((150 + 1900 + 5800) / 400)
    assert values["elders"] == pytest.approx(4.0)


def test_changing_an_areas_neighbourhoods_refreshes_the_stored_values(fresh):
    before = AreaValueStamp.objects.get().digest
    codes = list(fresh.neighbourhoods.order_by("code").values_list("code", flat=True))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(area_services, "check_delimitation", lambda *args: None)
        area_services.set_focus_area_neighbourhoods(
            fresh, codes[:2], boundary_year=2024, acting_user=None
        )

    assert AreaValueStamp.objects.get().digest != before
    stored = AreaIndicatorValue.objects.get(
        focus_area=fresh, indicator_key="low_income_households", year=2024
    )
    # Only the first two neighbourhoods: (9·100 + 19·100) / 200.
    assert stored.value == pytest.approx(14.0)


def test_recording_figures_stores_the_area_values():
    home = MunicipalityFactory(code="GM0344")
    neighbourhood = NeighbourhoodFactory(
        district=DistrictFactory(municipality=home), code="BU03440101"
    )
    area_services.create_focus_area(
        municipality=home,
        name="Noord",
        neighbourhood_codes=[neighbourhood.code],
        boundary_year=2024,
        start_year=2022,
        acting_user=None,
    )
    figures = [
        area_services.FigureInput(neighbourhood.code, 2023, variable, value)
        for variable, value in (("a_hh", 300.0), ("a_inw", 700.0), ("p_hh_lkk", 8.0))
    ]

    area_services.record_figures(
        home, figures, boundary_year=2024, source="test", acting_user=None
    )

    [stored] = AreaIndicatorValue.objects.filter(indicator_key="low_income_households")
    assert (stored.year, stored.value) == (2023, 8.0)
    assert AreaValueStamp.objects.get().digest == selectors.area_values_digest(
        selectors.outcome_indicators(),
        selectors.members_of_areas(stored.focus_area.__class__.objects.all()),
    )
