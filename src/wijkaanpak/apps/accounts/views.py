# SPDX-License-Identifier: EUPL-1.2
"""Logging in and changing one's own password."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from wijkaanpak.apps.accounts import services
from wijkaanpak.apps.accounts.forms import (
    LimitedAuthenticationForm,
    OwnPasswordChangeForm,
)


class LoginView(auth_views.LoginView):
    """Django's login page; a client over its limit is answered 429."""

    form_class = LimitedAuthenticationForm

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        if form.wait:
            response.status_code = 429
            response["Retry-After"] = str(form.wait)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """A logged-in person sets a new password, under the password rules."""

    form_class = OwnPasswordChangeForm
    success_url = reverse_lazy("home")

    def form_valid(self, form: OwnPasswordChangeForm) -> HttpResponse:
        user = form.user
        try:
            services.change_password(
                user, form.cleaned_data["new_password1"], acting_user=user
            )
        except ValidationError as error:
            form.add_error("new_password2", error)
            return self.form_invalid(form)
        # Stay logged in here; other sessions of this person end.
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Your password has been changed."))
        return HttpResponseRedirect(self.get_success_url())
