# SPDX-License-Identifier: EUPL-1.2
"""factory_boy factories for the Django tests, with Dutch-looking data."""

from __future__ import annotations

import factory

from wijkaanpak.apps.accounts.models import (
    Membership,
    Organisation,
    OrganisationKind,
    User,
)
from wijkaanpak.apps.areas.models import (
    District,
    FocusArea,
    FocusAreaNeighbourhood,
    Municipality,
    Neighbourhood,
)

PASSWORD = "test-password-123"


def square(x: float, y: float, size: float = 0.01) -> dict:
    """A square GeoJSON polygon with its south-west corner at (x, y)."""
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Woonstichting {n}")
    kind = OrganisationKind.HOUSING_CORPORATION


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"persoon{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def persist(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    # Codes GM2000-GM8999: neither real CBS codes nor the demo's GM99xx, and
    # always four digits, however many a long test worker makes.
    code = factory.Sequence(lambda n: f"GM{2000 + n % 7000:04d}")
    name = factory.Sequence(lambda n: f"Teststad {n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    municipality = factory.SubFactory(MunicipalityFactory)
    code = factory.LazyAttribute(lambda d: f"WK{d.municipality.code[2:]}01")
    name = "Centrum"
    boundary_year = 2024


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    district = factory.SubFactory(DistrictFactory)
    municipality = factory.LazyAttribute(lambda n: n.district.municipality)
    code = factory.LazyAttributeSequence(
        lambda n, i: f"BU{n.district.code[2:]}{i % 100:02d}"
    )
    name = factory.Sequence(lambda i: f"Buurt {i}")
    boundary_year = 2024
    geometry = factory.Sequence(lambda i: square(5.0 + 0.01 * (i % 100), 52.0))


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Focusgebied {n}")
    slug = factory.Sequence(lambda n: f"focusgebied-{n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    start_year = 2022
    description = "Samen werken aan een betere wijk."

    @factory.post_generation
    def neighbourhoods(
        self, create: bool, extracted: list | None, **kwargs: object
    ) -> None:
        if not create:
            return
        if extracted is None:
            district = DistrictFactory(municipality=self.municipality)
            extracted = NeighbourhoodFactory.create_batch(3, district=district)
        FocusAreaNeighbourhood.objects.bulk_create(
            FocusAreaNeighbourhood(focus_area=self, neighbourhood=n) for n in extracted
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = "bureau"
    focus_area = factory.SubFactory(FocusAreaFactory)
