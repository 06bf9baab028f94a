# SPDX-License-Identifier: EUPL-1.2
"""What every page needs to draw its navigation for the user's roles."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from wijkaanpak.apps.accounts.access import focus_areas_of, is_national_viewer


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The user's own focus areas, the national pages, and the demo banner."""
    demo = {"demo_mode": settings.WIJKAANPAK_DEMO}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_areas": [], "nav_national": False, **demo}
    return {
        "nav_areas": focus_areas_of(user),
        "nav_national": is_national_viewer(user),
        **demo,
    }
