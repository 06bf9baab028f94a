# SPDX-License-Identifier: EUPL-1.2
"""The login form, limited against guessing passwords, and the password form."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy, ngettext

from wijkaanpak.apps.accounts import limits


def too_many_logins_message(wait: int) -> str:
    """The answer to a login over its limit, in whole minutes."""
    minutes = limits.minutes(wait)
    return ngettext(
        "There were too many failed logins in a short time. Try again in %(count)d minute.",
        "There were too many failed logins in a short time. Try again in %(count)d minutes.",
        minutes,
    ) % {"count": minutes}


class LimitedAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing for a while after too many failures.

    Failures count per account name (against guessing one person's password
    from many addresses) and per address (against trying many accounts from
    one). An account name that does not exist counts like one that does, so
    the answer tells nothing about which names exist.
    """

    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any):
        super().__init__(request, *args, **kwargs)
        #: Seconds the client must wait; 0 when the form was not refused for it.
        self.wait = 0

    def _doors(self) -> list[tuple[str, str, limits.Rate | None]]:
        account = str(self.cleaned_data.get("username") or "").strip().casefold()
        return [
            (
                "login-account",
                account,
                limits.parse_rate(settings.WIJKAANPAK_LOGIN_RATE_ACCOUNT),
            ),
            (
                "login-client",
                limits.client_address(self.request),
                limits.parse_rate(settings.WIJKAANPAK_LOGIN_RATE_CLIENT),
            ),
        ]

    def clean(self) -> dict[str, Any]:
        doors = self._doors()
        self.wait = max(limits.wait_of(*door) for door in doors)
        if self.wait:
            raise ValidationError(
                too_many_logins_message(self.wait), code="too_many_logins"
            )
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                for door in doors:
                    limits.count(*door)
            raise


class OwnPasswordChangeForm(PasswordChangeForm):
    """Django's form to change one's password, speaking to the person as "je"."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": gettext_lazy(
            "Your current password is not right. Type it again."
        ),
    }
