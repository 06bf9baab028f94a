# SPDX-License-Identifier: EUPL-1.2
"""Every write to people, organisations and roles: access-checked, audited, atomic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.apps.accounts.access import Need, require, require_administrator
from wijkaanpak.apps.accounts.models import (
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from wijkaanpak.apps.audit.services import record

if TYPE_CHECKING:
    from wijkaanpak.apps.areas.models import FocusArea

#: Above this size an alliance stops deciding and starts informing.
ALLIANCE_SIZE_LIMIT = 10


@transaction.atomic
def register_organisation(
    name: str, kind: str, *, acting_user: User | None
) -> Organisation:
    """Add a partner organisation, or return the one with this name."""
    require_administrator(acting_user)
    if kind not in OrganisationKind.values:
        raise ValidationError(_("Unknown kind of organisation: %s") % kind)
    organisation, created = Organisation.objects.get_or_create(
        name=name.strip(), defaults={"kind": kind}
    )
    if created:
        record("created", organisation, acting_user=acting_user, changes={"kind": kind})
    return organisation


@transaction.atomic
def register_person(
    *,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    organisation: Organisation | None,
    password: str | None,
    password_hash: str | None = None,
    job_title: str = "",
    acting_user: User | None,
) -> User:
    """Create an account; without a password (or its hash) nobody can log in as it."""
    require_administrator(acting_user)
    if User.objects.filter(username=username).exists():
        raise ValidationError(_("The username %s is taken.") % username)
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisation=organisation,
        job_title=job_title,
    )
    if password:
        # Length, likeness to the name, common and all-digit passwords.
        validate_password(password, user)
        user.set_password(password)
    elif password_hash:
        user.password = password_hash
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    # Names and addresses are personal data: the trail keeps the id only.
    record("created", user, acting_user=acting_user)
    return user


@transaction.atomic
def grant_role(
    user: User,
    role: str,
    *,
    focus_area: FocusArea | None,
    is_chair: bool = False,
    has_mandate: bool = True,
    acting_user: User | None,
) -> Membership:
    """Give a person a role; the bureau of an area manages the area's roles."""
    if role == Role.NATIONAL:
        require_administrator(acting_user)
        if focus_area is not None:
            raise ValidationError(
                _("The national role belongs to no single focus area.")
            )
    else:
        if focus_area is None:
            raise ValidationError(_("This role belongs to a focus area; choose one."))
        require(acting_user, focus_area, Need.BUREAU)
    membership, created = Membership.objects.get_or_create(
        user=user,
        role=role,
        focus_area=focus_area,
        defaults={"is_chair": is_chair, "has_mandate": has_mandate},
    )
    if created:
        record(
            "role_granted",
            membership,
            acting_user=acting_user,
            focus_area=focus_area,
            changes={"user": user.pk, "role": role},
        )
    return membership


@transaction.atomic
def revoke_role(membership: Membership, *, acting_user: User | None) -> None:
    """Take a role away; the trail keeps that it existed."""
    if membership.focus_area is None:
        require_administrator(acting_user)
    else:
        require(acting_user, membership.focus_area, Need.BUREAU)
    record(
        "role_revoked",
        membership,
        acting_user=acting_user,
        focus_area=membership.focus_area,
        changes={"user": membership.user_id, "role": membership.role},
    )
    membership.delete()


@transaction.atomic
def make_administrator(user: User, *, acting_user: User | None) -> User:
    """Give a person the Django admin and every area (staff and superuser)."""
    require_administrator(acting_user)
    user.is_staff = True
    user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    record("made_administrator", user, acting_user=acting_user)
    return user


@transaction.atomic
def change_password(user: User, new_password: str, *, acting_user: User | None) -> None:
    """Set a person's own new password, after the password rules accept it."""
    if acting_user is None or acting_user.pk != user.pk:
        require_administrator(acting_user)
    validate_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    record("password_changed", user, acting_user=acting_user)


def pending_second_factor(user: User) -> TOTPDevice:
    """The app key a person is setting up; made on first use, kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name="Wijkaanpak", confirmed=False
        )
    return device


@transaction.atomic
def confirm_second_factor(user: User, token: str) -> TOTPDevice:
    """Turn the second step on once the app shows the right code."""
    device = (
        TOTPDevice.objects.select_for_update(of=("self",))
        .filter(user=user, confirmed=False)
        .first()
    )
    if device is None or not device.verify_token(token.strip()):
        raise ValidationError(
            _("This code is not right. Type the six digits your app shows now."),
            code="token",
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # Older confirmed keys of this person stop working.
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    record("second_factor_on", user, acting_user=user)
    return device


@transaction.atomic
def remove_second_factor(user: User, *, acting_user: User | None) -> None:
    """Turn the second step off: by the person, or by an administrator (lost phone)."""
    if acting_user is None or acting_user.pk != user.pk:
        require_administrator(acting_user)
    TOTPDevice.objects.filter(user=user).delete()
    record("second_factor_off", user, acting_user=acting_user)
