# SPDX-License-Identifier: EUPL-1.2
"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Speed is measured in benchmarks/, never asserted in tests: no per-example
# deadline, which on a loaded machine only turns slowness into failures.
hypothesis_settings.register_profile("wijkaanpak", deadline=None)
hypothesis_settings.load_profile("wijkaanpak")

REPOSITORY = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(
    os.environ.get("WIJKAANPAK_SHARED_DATA", REPOSITORY.parent / "shared" / "data")
)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder of real public data beside the repository.

    Tests that read it run whenever it is present. In CI it must be there, so a
    missing folder fails the run instead of skipping silently.
    """
    if SHARED_DATA.is_dir():
        return SHARED_DATA
    if os.environ.get("CI"):
        pytest.fail(f"CI needs the shared data folder at {SHARED_DATA}")
    pytest.skip(f"the shared data folder {SHARED_DATA} is not present")


def pytest_configure(config: pytest.Config) -> None:
    """Hash test passwords fast; the production hasher costs a second per login."""
    from django.conf import settings

    if settings.configured:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def area(db):
    """A public focus area with three neighbourhoods and one person per role."""
    from tests.factories import FocusAreaFactory, MembershipFactory, UserFactory

    focus_area = FocusAreaFactory(slug="oost", name="Oost")
    people = {}
    for role in ("bureau", "alliance", "professional"):
        people[role] = MembershipFactory(
            role=role, focus_area=focus_area, user=UserFactory(username=role)
        ).user
    people["national"] = MembershipFactory(
        role="national", focus_area=None, user=UserFactory(username="rijk")
    ).user
    people["outsider"] = MembershipFactory(
        role="bureau",
        focus_area=FocusAreaFactory(slug="elders", name="Elders"),
        user=UserFactory(username="elders"),
    ).user
    focus_area.people = people
    return focus_area


@pytest.fixture(autouse=True)
def _forget_kept_values() -> None:
    """Start each test without values a process keeps between requests.

    Ids are reused after a rolled-back test, so a kept polygon or figure of
    one test's area could otherwise show up in the next test's area.
    """
    from django.core.cache import cache

    from wijkaanpak.apps.reports.selectors import forget_area_shapes

    cache.clear()
    forget_area_shapes()
