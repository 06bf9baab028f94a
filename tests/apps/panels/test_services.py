# SPDX-License-Identifier: EUPL-1.2
"""The rules of a panel process, through its services."""

from __future__ import annotations

import io
import json
import zipfile

from django.core.exceptions import PermissionDenied, ValidationError

import pytest
from tests.apps.panels.conftest import registration

from wijkaanpak.apps.audit.models import AuditEvent
from wijkaanpak.apps.panels import selectors, services
from wijkaanpak.apps.panels.models import Invitation, Status
from wijkaanpak.core.panels.model import PanelDistribution
from wijkaanpak.core.panels.verify import distribution_fingerprint, verify_draw

pytestmark = pytest.mark.django_db


def test_the_letters_carry_codes_that_the_database_keeps_only_as_hashes(letters):
    archive = zipfile.ZipFile(io.BytesIO(letters.zip_bytes))

    assert set(archive.namelist()) == {
        "brieven.pdf",
        "brieven.csv",
        "uitnodigingsloting.json",
    }
    stored = set(Invitation.objects.values_list("code_hash", flat=True))
    codes = {invitation.code for invitation in letters.invitations}
    assert len(stored) == 20
    assert not codes & stored
    assert {services.hash_code(code) for code in codes} == stored
    assert json.loads(archive.read("uitnodigingsloting.json"))["seed"] == "1 2 3"


def test_only_the_bureau_may_draw_the_letters(process, area):
    with pytest.raises(PermissionDenied):
        services.draw_invitations(
            process,
            addresses_csv="postcode,huisnummer,buurtcode\n1234AB,1,BU1\n",
            letters=1,
            seed="1",
            letter_text=None,
            acting_user=area.people["alliance"],
        )


def test_registering_twice_with_the_same_answers_is_harmless(process, letters):
    first, created = services.register_volunteer(
        process, registration(letters.invitations[0])
    )
    again, created_again = services.register_volunteer(
        process, registration(letters.invitations[0])
    )

    assert created
    assert not created_again
    assert first.pk == again.pk
    assert process.volunteers.count() == 1


def test_a_used_code_cannot_change_the_registration(process, letters):
    services.register_volunteer(process, registration(letters.invitations[0]))

    with pytest.raises(ValidationError, match="already been used"):
        services.register_volunteer(
            process,
            registration(letters.invitations[0], leeftijd="oud", woning="koop"),
        )


@pytest.mark.parametrize("mistake", ["too short", "typo"])
def test_a_malformed_code_is_refused_with_a_clear_message(process, letters, mistake):
    real = letters.invitations[0].code
    swapped = "3" if real[0] != "3" else "4"
    code = real[:3] if mistake == "too short" else swapped + real[1:]
    with pytest.raises(ValidationError, match="not right"):
        services.register_volunteer(
            process,
            services.Registration(
                code=code,
                features={"leeftijd": "jong", "woning": "huur"},
                postcode="1234AB",
                house_number="1",
            ),
        )


def test_an_unknown_but_wellformed_code_is_refused(process, letters):
    from wijkaanpak.core.panels.codes import new_registration_code

    with pytest.raises(ValidationError, match="do not know this code"):
        services.register_volunteer(
            process,
            services.Registration(
                code=new_registration_code(),
                features={"leeftijd": "jong", "woning": "huur"},
                postcode="1234AB",
                house_number="1",
            ),
        )


def test_a_registration_with_a_bad_address_saves_nothing(process, letters):
    bad = registration(letters.invitations[0])
    bad = services.Registration(**{**bad.__dict__, "postcode": "12"})

    with pytest.raises(ValidationError):
        services.register_volunteer(process, bad)
    assert process.volunteers.count() == 0


def test_the_household_is_the_normalised_address(process, letters):
    invitation = letters.invitations[0]
    address = invitation.address.address
    volunteer, _ = services.register_volunteer(
        process,
        services.Registration(
            code=invitation.code.lower(),
            features={"leeftijd": "jong", "woning": "huur"},
            postcode=address.postcode[:4] + " " + address.postcode[4:].lower(),
            house_number=str(address.number),
        ),
    )

    assert volunteer.household == address.key


def test_the_seed_cannot_be_entered_before_the_distribution_is_published(pool, area):
    with pytest.raises(ValidationError, match="after the distribution"):
        services.enter_seed(pool, "1 2 3", acting_user=area.people["bureau"])
    pool.refresh_from_db()
    assert pool.seed == ""


def test_the_distribution_is_fixed_before_the_seed_and_never_changes(drawn, area):
    events = list(
        AuditEvent.objects.filter(object_id=str(drawn.pk))
        .filter(action__in=["panels.publish_distribution", "panels.enter_seed"])
        .order_by("pk")
        .values_list("action", flat=True)
    )
    distribution = PanelDistribution.from_dict(drawn.distribution)

    assert events == ["panels.publish_distribution", "panels.enter_seed"]
    assert drawn.published_at < drawn.seed_entered_at
    assert distribution_fingerprint(distribution) == drawn.fingerprint
    with pytest.raises(ValidationError):
        services.publish_distribution(drawn, acting_user=area.people["bureau"])


def test_the_stored_draw_equals_the_cores_rerun(drawn):
    distribution = PanelDistribution.from_dict(drawn.distribution)

    result = verify_draw(distribution, drawn.seed, drawn.panel)

    assert result.matches
    assert result.fingerprint == drawn.fingerprint


def test_every_quota_holds_on_the_panel_drawn(drawn):
    for row in selectors.counts_of(drawn):
        assert row["quota"].minimum <= row["panel"] <= row["quota"].maximum


def test_registration_closes_when_the_distribution_is_published(drawn, letters):
    with pytest.raises(ValidationError, match="closed"):
        services.register_volunteer(drawn, registration(letters.invitations[15]))


def test_replacements_keep_the_quotas_and_are_reproducible(drawn, area):
    dropped = drawn.panel[0]
    replacement = services.replace_members(
        drawn, [dropped], "9 9 9", acting_user=area.people["bureau"]
    )

    assert dropped not in replacement.panel
    assert len(replacement.panel) == drawn.panel_size
    for row in selectors.counts_of(drawn):
        assert row["quota"].minimum <= row["panel"] <= row["quota"].maximum
    rerun = verify_draw(
        PanelDistribution.from_dict(replacement.distribution),
        replacement.seed,
        replacement.replacements,
    )
    assert rerun.matches


def test_an_infeasible_quota_is_explained_with_the_relaxation(pool, area):
    services.set_quotas(
        pool,
        # Two maximums of 2 cannot fill five seats: one must rise by one.
        "feature,value,min,max\nleeftijd,jong,0,2\nleeftijd,oud,0,2\n"
        "woning,huur,0,5\nwoning,koop,0,5\n",
        acting_user=area.people["bureau"],
    )
    check = selectors.quota_check_of(pool)

    assert not check.feasible
    assert {bound.quota.feature for bound in check.conflicting} == {"leeftijd"}
    assert [(change.old, change.new) for change in check.relaxations] == [(2, 3)]


def test_retention_erases_addresses_and_contacts_but_keeps_the_record(drawn, area):
    bureau = area.people["bureau"]
    services.close_process(drawn, acting_user=bureau)
    drawn.refresh_from_db()

    services.erase_personal_data(drawn, acting_user=bureau)

    assert not drawn.invitations.exclude(address_key="").exists()
    assert not drawn.volunteers.exclude(household="").exists()
    assert not drawn.volunteers.exclude(contact="").exists()
    distribution = PanelDistribution.from_dict(drawn.distribution)
    assert verify_draw(distribution, drawn.seed, drawn.panel).matches


def test_the_retention_job_erases_only_processes_past_the_period(drawn, area, settings):
    services.close_process(drawn, acting_user=area.people["bureau"])
    settings.WIJKAANPAK_PANEL_RETENTION_DAYS = 30
    assert services.erase_expired_personal_data(acting_user=None) == 0

    settings.WIJKAANPAK_PANEL_RETENTION_DAYS = 0
    assert services.erase_expired_personal_data(acting_user=None) == 1
    drawn.refresh_from_db()
    assert drawn.personal_data_erased_at is not None
    assert drawn.status == Status.CLOSED
