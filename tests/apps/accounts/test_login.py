# SPDX-License-Identifier: EUPL-1.2
"""Logging in: limited against guessing, and passwords under the rules."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

import pytest
from tests.factories import PASSWORD

from wijkaanpak.apps.accounts import services
from wijkaanpak.apps.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def log_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_an_account_is_refused_for_a_while_after_failed_logins(area, settings):
    settings.WIJKAANPAK_LOGIN_RATE_ACCOUNT = "3/hour"
    client = Client()
    for number in range(3):
        # From ever new addresses: the account's own count stops them.
        response = log_in(client, "bureau", "wrong", address=f"10.0.1.{number}")
        assert response.status_code == 200

    response = log_in(client, "bureau", PASSWORD, address="10.0.2.1")

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 3601
    assert "te vaak mislukt" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account is not held up.
    assert log_in(Client(), "alliance", PASSWORD, address="10.0.2.2").status_code == 302


def test_an_address_is_refused_after_failures_on_many_accounts(area, settings):
    settings.WIJKAANPAK_LOGIN_RATE_CLIENT = "3/hour"
    for name in ("a", "b", "c"):
        assert log_in(Client(), name, "wrong").status_code == 200

    assert log_in(Client(), "bureau", PASSWORD).status_code == 429
    assert log_in(Client(), "bureau", PASSWORD, address="10.9.9.9").status_code == 302


def test_successful_logins_do_not_count(area, settings):
    settings.WIJKAANPAK_LOGIN_RATE_ACCOUNT = "2/hour"
    for _ in range(4):
        assert log_in(Client(), "bureau", PASSWORD).status_code == 302


def test_an_unknown_name_is_answered_like_a_known_one(area, settings):
    settings.WIJKAANPAK_LOGIN_RATE_ACCOUNT = "1/hour"
    known = log_in(Client(), "bureau", "wrong", address="10.0.3.1")
    unknown = log_in(Client(), "niemand", "wrong", address="10.0.3.2")
    assert known.status_code == unknown.status_code == 200
    assert log_in(Client(), "bureau", "x", address="10.0.3.3").status_code == 429
    assert log_in(Client(), "niemand", "x", address="10.0.3.4").status_code == 429


def test_the_admin_logs_in_through_the_limited_page():
    response = Client().get("/beheer/login/?next=/beheer/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/beheer/"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kort-1", "Dit wachtwoord is te kort. Gebruik minstens 12 tekens."),
        ("password1234", "Dit wachtwoord is te algemeen"),
        ("123456789012345", "Dit wachtwoord bevat alleen cijfers"),
        ("bureau@example.org", "Het wachtwoord lijkt te veel op"),
    ],
)
def test_a_weak_new_password_is_refused_in_dutch(area, password, message):
    client = Client()
    client.force_login(area.people["bureau"])

    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": password,
            "new_password2": password,
        },
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    area.people["bureau"].refresh_from_db()
    assert area.people["bureau"].check_password(PASSWORD)


def test_a_wrong_current_password_is_named(area):
    client = Client()
    client.force_login(area.people["bureau"])
    new = "drie fietsen in de gracht"

    response = client.post(
        reverse("password_change"),
        {"old_password": "fout", "new_password1": new, "new_password2": new},
    )

    assert "Je huidige wachtwoord klopt niet" in response.content.decode()


def test_a_good_new_password_is_set_and_recorded(area):
    client = Client()
    user = area.people["bureau"]
    client.force_login(user)
    new = "drie fietsen in de gracht"

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)
    assert AuditEvent.objects.filter(
        action="password_changed", object_id=str(user.pk), actor=user
    ).exists()
    # Still logged in on this device.
    assert client.get(reverse("password_change")).status_code == 200


def test_a_new_account_gets_a_password_only_under_the_rules(area):
    with pytest.raises(ValidationError):
        services.register_person(
            username="nieuw",
            first_name="Nieuwe",
            last_name="Collega",
            email="",
            organisation=None,
            password="kort",
            acting_user=None,
        )


def test_only_the_person_or_an_administrator_changes_a_password(area):
    with pytest.raises(PermissionDenied):
        services.change_password(
            area.people["bureau"],
            "drie fietsen in de gracht",
            acting_user=area.people["alliance"],
        )
