# SPDX-License-Identifier: EUPL-1.2
"""Rules the database itself holds about roles."""

from django.db import IntegrityError, transaction

import pytest
from tests.factories import FocusAreaFactory, MembershipFactory, UserFactory

from wijkaanpak.apps.accounts import services
from wijkaanpak.apps.accounts.models import Membership
from wijkaanpak.apps.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_national_role_belongs_to_no_area_and_other_roles_to_one():
    user = UserFactory()
    area = FocusAreaFactory()

    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(user=user, role="national", focus_area=area)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(user=user, role="bureau", focus_area=None)


def test_a_role_is_held_once():
    membership = MembershipFactory()

    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(
            user=membership.user, role=membership.role, focus_area=membership.focus_area
        )


def test_granting_a_role_is_audited_without_names(area):
    newcomer = UserFactory(last_name="Bakker")

    services.grant_role(
        newcomer, "alliance", focus_area=area, acting_user=area.people["bureau"]
    )

    event = AuditEvent.objects.get(action="role_granted", changes__user=newcomer.pk)
    assert event.actor == area.people["bureau"]
    assert "Bakker" not in str(event.changes)
