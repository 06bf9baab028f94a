# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the reports tests: categories and a spot inside the area."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from wijkaanpak.apps.accounts.models import Organisation, OrganisationKind
from wijkaanpak.apps.reports import services
from wijkaanpak.apps.reports.models import Channel


def spot(area, offset: float = 0.0) -> tuple[float, float]:
    """A point (lat, lon) inside the area's first neighbourhood."""
    ring = area.neighbourhoods.order_by("code").first().geometry["coordinates"][0]
    lon, lat = ring[0]
    return lat + 0.005 + offset, lon + 0.005 + offset


def jpeg_with_gps() -> bytes:
    """A small JPEG whose EXIF holds a GPS position and a camera make."""
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (5.0, 7.0, 1.0)}
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


@pytest.fixture
def categories(area):
    """Paving (5 working days, the municipality) and graffiti (14 calendar days)."""
    municipality = Organisation.objects.create(
        name="Gemeente Teststad, Openbare ruimte", kind=OrganisationKind.MUNICIPALITY
    )
    paving = services.create_category(
        area,
        code="bestrating",
        name="Losse stoeptegel",
        partner=municipality,
        partner_email="openbareruimte@example.org",
        target_time=5,
        target_unit="working_days",
        acting_user=None,
    )
    graffiti = services.create_category(
        area,
        code="graffiti",
        name="Graffiti",
        target_time=14,
        target_unit="calendar_days",
        acting_user=None,
    )
    return {"paving": paving, "graffiti": graffiti}


@pytest.fixture
def report_in(area, categories):
    """Make a report in the area through the service."""

    def make(
        category: str = "paving",
        *,
        email: str = "",
        name: str = "",
        offset: float = 0.0,
        channel: str = Channel.WEB,
        key: str = "",
        join=None,
        acting_user=None,
    ):
        lat, lon = spot(area, offset)
        report, _created = services.register_report(
            area,
            services.ReportInput(
                category=categories[category],
                description="Tegel ligt los bij de bushalte.",
                latitude=lat,
                longitude=lon,
                address="Dorpsstraat 1",
                contact=services.Contact(
                    name=name, email=email, email_updates=bool(email)
                ),
            ),
            channel=channel,
            submission_key=key,
            join=join,
            acting_user=acting_user,
        )
        return report

    return make
