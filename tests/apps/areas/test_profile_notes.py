# SPDX-License-Identifier: EUPL-1.2
"""The bureau writes the area's history and strengths; each note names a source."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

import pytest
from tests.factories import PASSWORD

from wijkaanpak.apps.areas import services
from wijkaanpak.apps.areas.models import ProfileNote
from wijkaanpak.apps.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def login(area, role: str) -> Client:
    client = Client()
    assert client.login(username=area.people[role].username, password=PASSWORD)
    return client


def test_a_note_written_by_the_bureau_shows_on_the_public_profile(area):
    client = login(area, "bureau")

    response = client.post(
        reverse("areas:profile_notes", kwargs={"slug": area.slug}),
        {
            "kind": "strength",
            "title": "Sterke sportclub",
            "text": "De voetbalclub traint elke week 300 kinderen.",
            "source": "Jaarverslag VV Oost 2024",
            "source_url": "https://voorbeeld.invalid/jaarverslag",
        },
    )

    assert response.status_code == 302
    public = Client().get(reverse("areas:analysis", kwargs={"slug": area.slug}))
    html = public.content.decode()
    assert "Sterke sportclub" in html
    assert "Jaarverslag VV Oost 2024" in html
    event = AuditEvent.objects.get(action="profile_note_added")
    assert event.actor == area.people["bureau"]


def test_a_note_without_a_source_is_refused_and_not_saved(area):
    with pytest.raises(ValidationError):
        services.add_profile_note(
            area,
            kind="history",
            title="Zonder bron",
            text="Iets wat niemand kan nagaan.",
            source="   ",
            acting_user=area.people["bureau"],
        )
    assert not ProfileNote.objects.exists()


@pytest.mark.parametrize("role", ["alliance", "professional", "national", "outsider"])
def test_only_the_bureau_of_the_area_writes_notes(area, role):
    with pytest.raises(PermissionDenied):
        services.add_profile_note(
            area,
            kind="history",
            title="Poging",
            text="Tekst",
            source="Bron",
            acting_user=area.people[role],
        )
    response = login(area, role).post(
        reverse("areas:profile_notes", kwargs={"slug": area.slug}),
        {"kind": "history", "title": "Poging", "text": "Tekst", "source": "Bron"},
    )
    assert response.status_code == 404
    assert not ProfileNote.objects.exists()


def test_the_bureau_changes_and_removes_a_note_and_the_trail_keeps_both(area):
    bureau = area.people["bureau"]
    note = services.add_profile_note(
        area,
        kind="history",
        title="Oud",
        text="Tekst",
        source="Bron",
        acting_user=bureau,
    )
    client = login(area, "bureau")
    url = reverse("areas:profile_notes", kwargs={"slug": area.slug})

    client.post(
        f"{url}?note={note.pk}",
        {"kind": "history", "title": "Nieuw", "text": "Tekst", "source": "Bron"},
    )
    note.refresh_from_db()
    assert note.title == "Nieuw"
    client.post(
        reverse(
            "areas:remove_profile_note", kwargs={"slug": area.slug, "note": note.pk}
        )
    )

    assert not ProfileNote.objects.exists()
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert {"profile_note_updated", "profile_note_removed"} <= set(actions)
