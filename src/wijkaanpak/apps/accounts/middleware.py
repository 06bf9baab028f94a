# SPDX-License-Identifier: EUPL-1.2
"""The second login step: asked of everyone who turned it on or must have it."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from django_otp import user_has_device

from wijkaanpak.apps.accounts.models import Membership

#: Where a person may go before the second step: to take it, or to leave.
_OPEN_NAMES = (
    "login",
    "logout",
    "second_factor",
    "second_factor_verify",
    "set_language",
)


def must_have_second_factor(user: object) -> bool:
    """Whether the person's roles (``WIJKAANPAK_SECOND_FACTOR_ROLES``) require it."""
    roles = set(settings.WIJKAANPAK_SECOND_FACTOR_ROLES)
    if not roles:
        return False
    if getattr(user, "is_superuser", False) and "national" in roles:
        return True
    return Membership.objects.filter(user=user, role__in=roles).exists()


class SecondFactorMiddleware:
    """Send a logged-in person to the second step until it is taken.

    With an app key set up, every page asks for its code once per login; a
    person whose role requires the step and has no key is sent to set one up.
    The API answers 403 instead of a redirect.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or user.is_verified():  # type: ignore[union-attr]
            return self.get_response(request)
        open_paths = {reverse(name) for name in _OPEN_NAMES}
        if request.path in open_paths or request.path.startswith(
            (settings.STATIC_URL, settings.MEDIA_URL)
        ):
            return self.get_response(request)
        if user_has_device(user, confirmed=True):
            target = "second_factor_verify"
        elif must_have_second_factor(user):
            target = "second_factor"
        else:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Take the second login step on the site first.")},
                status=403,
            )
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
