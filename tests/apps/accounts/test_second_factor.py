# SPDX-License-Identifier: EUPL-1.2
"""The second login step: set up with an app, asked at login, required by role."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.factories import PASSWORD

from wijkaanpak.apps.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def log_in(username: str) -> Client:
    client = Client()
    response = client.post(
        reverse("login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def enrol(client: Client, user) -> TOTPDevice:
    page = client.get(reverse("second_factor"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("second_factor"), {"token": code_of(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_the_setup_page_draws_a_qr_code_without_inline_style(area):
    client = log_in("bureau")

    page = client.get(reverse("second_factor")).content.decode()

    assert "<svg" in page
    assert 'role="img"' in page
    assert "style=" not in page
    assert "<code>" in page  # the key, for typing instead of scanning


def test_a_wrong_code_does_not_turn_it_on(area):
    client = log_in("bureau")
    client.get(reverse("second_factor"))

    response = client.post(reverse("second_factor"), {"token": "000000"})

    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_once_on_the_login_asks_for_the_code(area):
    user = area.people["bureau"]
    device = enrol(log_in("bureau"), user)
    assert AuditEvent.objects.filter(action="second_factor_on").exists()

    client = log_in("bureau")
    workspace = reverse("areas:workspace", kwargs={"slug": area.slug})
    asked = client.get(workspace)
    assert asked.status_code == 302
    assert asked["Location"].startswith(reverse("second_factor_verify"))
    api = client.get("/api/v1/focus-areas")
    assert api.status_code == 403

    wrong = client.post(
        reverse("second_factor_verify"), {"token": "000000", "next": workspace}
    )
    assert wrong.status_code == 400
    # The right code is accepted after the throttle's wait of the wrong one.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    right = client.post(
        reverse("second_factor_verify"), {"token": code_of(device), "next": workspace}
    )
    assert right.status_code == 302
    assert right["Location"] == workspace
    assert client.get(workspace).status_code == 200


def test_someone_without_it_is_not_asked(area):
    client = log_in("alliance")
    assert client.get(reverse("home")).status_code == 200


def test_a_role_that_requires_it_is_sent_to_set_it_up(area, settings):
    settings.WIJKAANPAK_SECOND_FACTOR_ROLES = ["bureau", "national"]
    client = log_in("bureau")

    response = client.get(reverse("areas:workspace", kwargs={"slug": area.slug}))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("second_factor"))
    page = client.get(reverse("second_factor")).content.decode()
    assert "Je rol vraagt een tweede inlogstap" in page
    # A role that does not require it goes on as before.
    assert log_in("alliance").get(reverse("home")).status_code == 200


def test_it_can_be_turned_off_only_when_not_required(area, settings):
    user = area.people["bureau"]
    client = log_in("bureau")
    enrol(client, user)

    settings.WIJKAANPAK_SECOND_FACTOR_ROLES = ["bureau"]
    client.post(reverse("second_factor"), {"action": "remove"})
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    settings.WIJKAANPAK_SECOND_FACTOR_ROLES = []
    client.post(reverse("second_factor"), {"action": "remove"})
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(action="second_factor_off").exists()


def test_the_next_page_stays_on_this_site(area):
    user = area.people["bureau"]
    enrol(log_in("bureau"), user)
    client = log_in("bureau")
    device = TOTPDevice.objects.get(user=user)
    device.last_t = -1
    device.save()

    response = client.post(
        reverse("second_factor_verify"),
        {"token": code_of(device), "next": "https://elders.example/"},
    )

    assert response["Location"] == reverse("home")
