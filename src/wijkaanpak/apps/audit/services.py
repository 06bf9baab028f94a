# SPDX-License-Identifier: EUPL-1.2
"""Write to the audit trail; every service that changes data calls ``record``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import models

from wijkaanpak.apps.audit.models import AuditEvent

if TYPE_CHECKING:
    from wijkaanpak.apps.accounts.models import User
    from wijkaanpak.apps.areas.models import FocusArea


def record(
    action: str,
    target: models.Model,
    *,
    acting_user: User | None,
    focus_area: FocusArea | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event; ``acting_user`` is None only for system jobs and the demo."""
    return AuditEvent.objects.create(
        actor=acting_user if acting_user is not None and acting_user.pk else None,
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        focus_area=focus_area,
        changes=changes or {},
    )


def record_many(
    events: Sequence[tuple[str, models.Model, dict[str, Any]]],
    *,
    acting_user: User | None,
    focus_area: FocusArea | None = None,
) -> list[AuditEvent]:
    """Append several events of one act, in their order, with one write."""
    actor = acting_user if acting_user is not None and acting_user.pk else None
    return AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            action=action,
            object_type=target._meta.label_lower,
            object_id=str(target.pk),
            focus_area=focus_area,
            changes=changes or {},
        )
        for action, target, changes in events
    )


def changed_fields(
    instance: models.Model, values: dict[str, Any]
) -> dict[str, list[Any]]:
    """The fields ``values`` would change, as ``{field: [old, new]}``."""
    changes: dict[str, list[Any]] = {}
    for field, new in values.items():
        old = getattr(instance, field)
        if old != new:
            changes[field] = [old, new]
    return changes
