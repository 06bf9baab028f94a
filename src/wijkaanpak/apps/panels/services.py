# SPDX-License-Identifier: EUPL-1.2
"""Every write of a panel process: the two stages, the draw, replacements, retention.

The order of a fair, verifiable draw is enforced here, not in the pages: the
distribution is computed and published while there is no seed, the seed is
entered once after that, and the draw is the core's pure function of the two
(:func:`wijkaanpak.core.panels.verify.verify_draw` re-runs it).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.adapters.addresses_csv import parse_addresses
from wijkaanpak.adapters.letters import LetterText, format_letters_csv, letters_pdf
from wijkaanpak.adapters.sortition_csv import parse_features
from wijkaanpak.apps.accounts.access import Need, require
from wijkaanpak.apps.audit.services import record
from wijkaanpak.apps.panels.models import (
    Invitation,
    PanelProcess,
    Quota,
    ReplacementRound,
    Status,
    Volunteer,
)
from wijkaanpak.apps.panels.selectors import instance_of
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.addresses import AddressError, dutch_address
from wijkaanpak.core.panels.codes import is_valid_code, normalise_code
from wijkaanpak.core.panels.invitations import Invitation as CoreInvitation
from wijkaanpak.core.panels.invitations import invitation_lottery
from wijkaanpak.core.panels.leximin import leximin_panel_distribution
from wijkaanpak.core.panels.lottery import draw_panel, generator_from_seed
from wijkaanpak.core.panels.model import PanelDistribution
from wijkaanpak.core.panels.quotas import InfeasibleQuotasError
from wijkaanpak.core.panels.replacements import NoReplacementError, replace_dropouts
from wijkaanpak.core.panels.verify import distribution_fingerprint

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea


def hash_code(code: str) -> str:
    """Codes are stored only as a keyed hash, so a database copy reveals none."""
    key = hashlib.sha256(b"wijkaanpak/panels/code\x00" + settings.SECRET_KEY.encode())
    return hmac.new(
        key.digest(), normalise_code(code).encode("ascii"), "sha256"
    ).hexdigest()


@transaction.atomic
def create_process(
    focus_area: FocusArea,
    *,
    title: str,
    purpose: str,
    panel_size: int,
    one_per_household: bool = True,
    acting_user: User | None,
) -> PanelProcess:
    """Start a panel process in the area; the bureau decides to hold one."""
    require(acting_user, focus_area, Need.BUREAU)
    if panel_size < 1:
        raise ValidationError({"panel_size": _("A panel needs at least one seat.")})
    process = PanelProcess.objects.create(
        focus_area=focus_area,
        title=title,
        purpose=purpose,
        panel_size=panel_size,
        one_per_household=one_per_household,
    )
    record(
        "panels.create_process",
        process,
        acting_user=acting_user,
        focus_area=focus_area,
        changes={"title": title, "panel_size": panel_size},
    )
    return process


def _require_before_publication(process: PanelProcess) -> None:
    if process.status not in {Status.DRAFT, Status.INVITING}:
        raise ValidationError(
            _("The distribution is published; the quotas can no longer change.")
        )


@transaction.atomic
def set_quotas(
    process: PanelProcess, features_csv: str, *, acting_user: User | None
) -> list[Quota]:
    """Replace the quotas from ``feature,value,min,max`` CSV (sortition-algorithms)."""
    require(acting_user, process.focus_area, Need.BUREAU)
    _require_before_publication(process)
    try:
        quotas = parse_features(features_csv, source="features.csv")
    except (WijkaanpakError, ValueError) as error:
        raise ValidationError(str(error)) from None
    if process.volunteers.exists():
        known = {(quota.feature, quota.value) for quota in quotas}
        for volunteer in process.volunteers.all():
            missing = set(volunteer.features.items()) - known
            if missing:
                raise ValidationError(
                    _(
                        "Volunteers have already registered with a value these "
                        "quotas leave out: %(values)s."
                    )
                    % {"values": ", ".join(f"{f}={v}" for f, v in sorted(missing))}
                )
    process.quotas.all().delete()
    saved = Quota.objects.bulk_create(
        Quota(
            process=process,
            feature=quota.feature,
            value=quota.value,
            minimum=quota.minimum,
            maximum=quota.maximum,
        )
        for quota in quotas
    )
    record(
        "panels.set_quotas",
        process,
        acting_user=acting_user,
        focus_area=process.focus_area,
        changes={"quotas": len(saved)},
    )
    return saved


@dataclass(frozen=True)
class LetterFiles:
    """What the bureau downloads once after the invitation lottery."""

    zip_bytes: bytes
    letters: int
    summary: dict[str, Any]
    #: The letters with their codes, in memory only (the demo registers with them).
    invitations: tuple[CoreInvitation, ...] = ()


@transaction.atomic
def draw_invitations(
    process: PanelProcess,
    *,
    addresses_csv: str,
    letters: int,
    seed: str,
    letter_text: LetterText,
    acting_user: User | None,
) -> LetterFiles:
    """Stage 1: draw the addresses by neighbourhood and print the letters once.

    The codes leave this function only inside the letters; the database keeps
    their hashes and the normalised address each went to.
    """
    require(acting_user, process.focus_area, Need.BUREAU)
    if process.status != Status.DRAFT:
        raise ValidationError(_("The invitation lottery of this panel has been held."))
    if not process.quotas.exists():
        raise ValidationError(_("Set the quotas before sending letters."))
    if not seed.strip():
        raise ValidationError({"seed": _("Enter the seed announced in public.")})
    try:
        addresses = parse_addresses(addresses_csv, source="addresses.csv")
        draw = invitation_lottery(addresses, letters, seed=seed)
    except (WijkaanpakError, ValueError) as error:
        raise ValidationError(str(error)) from None
    Invitation.objects.bulk_create(
        Invitation(
            process=process,
            code_hash=hash_code(invitation.code),
            neighbourhood=invitation.address.neighbourhood,
            address_key=invitation.address.address.key,
        )
        for invitation in draw.invitations
    )
    summary = draw.summary()
    process.invitation_summary = summary
    process.status = Status.INVITING
    process.save(update_fields=["invitation_summary", "status"])
    record(
        "panels.draw_invitations",
        process,
        acting_user=acting_user,
        focus_area=process.focus_area,
        changes={"letters": len(draw.invitations), "seed": draw.seed},
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("brieven.pdf", letters_pdf(draw.invitations, letter_text))
        archive.writestr(
            "brieven.csv", format_letters_csv(draw.invitations, letter_text.url)
        )
        archive.writestr("uitnodigingsloting.json", json.dumps(summary, indent=2))
    return LetterFiles(
        buffer.getvalue(), len(draw.invitations), summary, draw.invitations
    )


@dataclass(frozen=True)
class Registration:
    """What a volunteer gives with their code."""

    code: str
    features: dict[str, str]
    postcode: str
    house_number: str
    addition: str = ""
    contact_name: str = ""
    contact: str = ""


def _invitation_for(process: PanelProcess, code: str) -> Invitation:
    """The letter a code belongs to, or a message that says what is wrong."""
    if not is_valid_code(code):
        raise ValidationError(
            {
                "code": _(
                    "This code is not right. Check the 10 letters and numbers "
                    "on your letter."
                )
            }
        )
    invitation = (
        Invitation.objects.select_for_update()
        .filter(process=process, code_hash=hash_code(code))
        .first()
    )
    if invitation is None:
        raise ValidationError(
            {"code": _("We do not know this code for this panel. Check your letter.")}
        )
    return invitation


@transaction.atomic
def register_volunteer(
    process: PanelProcess, registration: Registration
) -> tuple[Volunteer, bool]:
    """Stage 2: a resident registers with their code; sending it twice is harmless.

    Returns the volunteer and whether this call created them. The same code
    with the same answers returns the earlier registration; with other
    answers it is refused, so a code cannot be used to change someone's entry.
    """
    if not process.is_registration_open:
        raise ValidationError(_("Registration for this panel is closed."))
    invitation = _invitation_for(process, registration.code)
    quotas = list(process.quotas.all())
    allowed: dict[str, set[str]] = {}
    for quota in quotas:
        allowed.setdefault(quota.feature, set()).add(quota.value)
    errors: dict[str, str] = {}
    features = {}
    for feature, values in allowed.items():
        value = registration.features.get(feature, "")
        if value not in values:
            errors[f"feature_{feature}"] = _("Choose one of the answers.")
        features[feature] = value
    try:
        address = dutch_address(
            registration.postcode, registration.house_number, registration.addition
        )
    except (AddressError, ValueError):
        errors["postcode"] = _(
            "We cannot read this address. Write the postcode like 1234 AB "
            "and the house number like 12 or 12 A."
        )
        address = None
    if errors:
        raise ValidationError(errors)
    assert address is not None
    existing = Volunteer.objects.filter(invitation=invitation).first()
    if existing is not None:
        if existing.features == features and existing.household == address.key:
            return existing, False
        raise ValidationError(
            {"code": _("This code has already been used to sign up.")}
        )
    number = f"V{process.volunteers.count() + 1:03d}"
    volunteer = Volunteer.objects.create(
        process=process,
        invitation=invitation,
        number=number,
        features=features,
        household=address.key,
        contact_name=registration.contact_name.strip()[:200],
        contact=registration.contact.strip()[:200],
    )
    record(
        "panels.register_volunteer",
        volunteer,
        acting_user=None,
        focus_area=process.focus_area,
        changes={"number": number},
    )
    return volunteer, True


@transaction.atomic
def publish_distribution(
    process: PanelProcess, *, acting_user: User | None
) -> PanelDistribution:
    """Fix and publish the LEXIMIN distribution while no seed exists yet.

    Registration closes at this moment: the pool the distribution is over can
    no longer change, and the seed can only be entered afterwards.
    """
    require(acting_user, process.focus_area, Need.BUREAU)
    process = PanelProcess.objects.select_for_update().get(pk=process.pk)
    if process.status != Status.INVITING:
        raise ValidationError(
            _("A distribution can be published once, while registration is open.")
        )
    instance = instance_of(process)
    if len(instance.people) < process.panel_size:
        raise ValidationError(
            _("There are fewer volunteers than seats; wait for more registrations.")
        )
    try:
        distribution = leximin_panel_distribution(instance)
    except InfeasibleQuotasError as error:
        raise ValidationError(
            _("The quotas cannot all be met. See the quota check.")
            + " "
            + error.check.explanation
        ) from None
    process.distribution = distribution.as_dict()
    process.fingerprint = distribution_fingerprint(distribution)
    process.published_at = timezone.now()
    process.status = Status.PUBLISHED
    process.save(
        update_fields=["distribution", "fingerprint", "published_at", "status"]
    )
    record(
        "panels.publish_distribution",
        process,
        acting_user=acting_user,
        focus_area=process.focus_area,
        changes={
            "fingerprint": process.fingerprint,
            "panels": len(distribution.panels),
        },
    )
    return distribution


@transaction.atomic
def enter_seed(process: PanelProcess, seed: str, *, acting_user: User | None) -> None:
    """Record the seed drawn in public; once, and only after the publication."""
    require(acting_user, process.focus_area, Need.BUREAU)
    process = PanelProcess.objects.select_for_update().get(pk=process.pk)
    if process.status != Status.PUBLISHED:
        raise ValidationError(
            _("The seed is entered once, after the distribution is published.")
        )
    text = " ".join(seed.split())
    if not text:
        raise ValidationError({"seed": _("Enter the seed announced in public.")})
    process.seed = text
    process.seed_entered_at = timezone.now()
    process.status = Status.SEEDED
    process.save(update_fields=["seed", "seed_entered_at", "status"])
    record(
        "panels.enter_seed",
        process,
        acting_user=acting_user,
        focus_area=process.focus_area,
        changes={"seed": text},
    )


@transaction.atomic
def draw(process: PanelProcess, *, acting_user: User | None) -> tuple[str, ...]:
    """Draw the panel: the core's pure function of the published inputs."""
    require(acting_user, process.focus_area, Need.BUREAU)
    process = PanelProcess.objects.select_for_update().get(pk=process.pk)
    if process.status != Status.SEEDED:
        raise ValidationError(_("The panel is drawn once, after the seed is entered."))
    distribution = PanelDistribution.from_dict(process.distribution)
    panel = draw_panel(distribution, rng=generator_from_seed(process.seed))
    process.panel = list(panel)
    process.drawn_at = timezone.now()
    process.status = Status.DRAWN
    process.save(update_fields=["panel", "drawn_at", "status"])
    record(
        "panels.draw",
        process,
        acting_user=acting_user,
        focus_area=process.focus_area,
        changes={"panel": list(panel)},
    )
    return panel


def current_panel(process: PanelProcess) -> list[str]:
    """The panel after the latest replacement round."""
    last = process.replacement_rounds.order_by("-created_at", "-pk").first()
    return list(last.panel) if last is not None else list(process.panel)


@transaction.atomic
def replace_members(
    process: PanelProcess,
    dropped: list[str],
    seed: str,
    *,
    acting_user: User | None,
) -> ReplacementRound:
    """Draw replacements that keep every quota, with a seed announced in public."""
    require(acting_user, process.focus_area, Need.BUREAU)
    process = PanelProcess.objects.select_for_update().get(pk=process.pk)
    if process.status != Status.DRAWN:
        raise ValidationError(_("Replacements are drawn after the panel is drawn."))
    panel = current_panel(process)
    unknown = sorted(set(dropped) - set(panel))
    if not dropped or unknown:
        raise ValidationError(
            {
                "dropped": _("Choose members of the panel who dropped out.")
                if not unknown
                else _("Not on the panel: %(numbers)s.")
                % {"numbers": ", ".join(unknown)}
            }
        )
    text = " ".join(seed.split())
    if not text:
        raise ValidationError({"seed": _("Enter the seed announced in public.")})
    earlier = list(
        process.volunteers.filter(dropped_out=True).values_list("number", flat=True)
    )
    try:
        outcome = replace_dropouts(
            instance_of(process),
            panel,
            dropped,
            rng=generator_from_seed(text),
            unavailable=earlier,
        )
    except (NoReplacementError, WijkaanpakError) as error:
        raise ValidationError(str(error)) from None
    process.volunteers.filter(number__in=dropped).update(dropped_out=True)
    replacement = ReplacementRound.objects.create(
        process=process,
        dropped=sorted(dropped),
        replacements=list(outcome.replacements),
        seed=text,
        distribution=outcome.distribution.as_dict(),
        fingerprint=distribution_fingerprint(outcome.distribution),
        panel=sorted(outcome.panel),
    )
    record(
        "panels.replace_members",
        replacement,
        acting_user=acting_user,
        focus_area=process.focus_area,
        changes={"dropped": sorted(dropped), "replacements": replacement.replacements},
    )
    return replacement


@transaction.atomic
def close_process(process: PanelProcess, *, acting_user: User | None) -> None:
    """Close the process; the retention period for personal data starts now."""
    require(acting_user, process.focus_area, Need.BUREAU)
    if process.status != Status.DRAWN:
        raise ValidationError(_("A process is closed after its panel is drawn."))
    process.status = Status.CLOSED
    process.closed_at = timezone.now()
    process.save(update_fields=["status", "closed_at"])
    record(
        "panels.close_process",
        process,
        acting_user=acting_user,
        focus_area=process.focus_area,
    )


@transaction.atomic
def erase_personal_data(process: PanelProcess, *, acting_user: User | None) -> int:
    """Erase addresses and contact lines; the public record stays verifiable.

    The published distribution uses volunteer numbers only, and the features
    stay so the quotas of the panel can still be checked; nothing that leads
    to a person remains. Returns the number of rows changed.
    """
    require(acting_user, process.focus_area, Need.BUREAU)
    if process.status != Status.CLOSED:
        raise ValidationError(_("Personal data are erased after the process closes."))
    changed = process.invitations.exclude(address_key="").update(address_key="")
    changed += process.volunteers.update(household="", contact_name="", contact="")
    process.personal_data_erased_at = timezone.now()
    process.save(update_fields=["personal_data_erased_at"])
    record(
        "panels.erase_personal_data",
        process,
        acting_user=acting_user,
        focus_area=process.focus_area,
        changes={"rows": changed},
    )
    return changed


def erase_expired_personal_data(*, acting_user: User | None) -> int:
    """The retention job: erase the data of processes closed past the period."""
    limit = timezone.now() - timedelta(days=settings.WIJKAANPAK_PANEL_RETENTION_DAYS)
    due = PanelProcess.objects.filter(
        status=Status.CLOSED, closed_at__lte=limit, personal_data_erased_at=None
    ).select_related("focus_area")
    count = 0
    for process in due:
        erase_personal_data(process, acting_user=acting_user)
        count += 1
    return count
