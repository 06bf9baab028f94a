# SPDX-License-Identifier: EUPL-1.2
"""Logging in (with the second step) and changing one's own password."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from wijkaanpak.adapters.qr import qr_svg
from wijkaanpak.apps.accounts import services
from wijkaanpak.apps.accounts.forms import (
    LimitedAuthenticationForm,
    OwnPasswordChangeForm,
)
from wijkaanpak.apps.accounts.middleware import must_have_second_factor


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


def _next_or_home(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


@login_required
def second_factor(request: HttpRequest) -> HttpResponse:
    """Set up, or turn off, the second login step with an authenticator app."""
    user = request.user
    enrolled = user_has_device(user, confirmed=True)
    required = must_have_second_factor(user)
    error = ""
    if request.method == "POST" and request.POST.get("action") == "remove":
        if enrolled and not required and request.user.is_verified():  # type: ignore[union-attr]
            services.remove_second_factor(user, acting_user=user)  # type: ignore[arg-type]
            messages.success(request, _("The second login step is off."))
        return redirect("second_factor")
    if request.method == "POST" and not enrolled:
        try:
            device = services.confirm_second_factor(
                user,  # type: ignore[arg-type]
                request.POST.get("token", ""),
            )
        except ValidationError as refusal:
            error = refusal.messages[0]
        else:
            otp_login(request, device)
            messages.success(request, _("The second login step is on."))
            return redirect(_next_or_home(request))
    context: dict[str, Any] = {
        "enrolled": enrolled,
        "required": required,
        "error": error,
        "next": _next_or_home(request),
    }
    if not enrolled:
        device = services.pending_second_factor(user)  # type: ignore[arg-type]
        context["qr_code"] = mark_safe(  # noqa: S308 - our own SVG, label escaped
            qr_svg(device.config_url, label=_("QR code for your authenticator app"))
        )
        key = b32encode(device.bin_key).decode()
        context["key"] = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
    return render(
        request, "accounts/second_factor.html", context, status=400 if error else 200
    )


@login_required
def second_factor_verify(request: HttpRequest) -> HttpResponse:
    """After the password: the code the person's app shows now."""
    error = ""
    if request.method == "POST":
        device = match_token(request.user, request.POST.get("token", "").strip())
        if device is not None:
            otp_login(request, device)
            return redirect(_next_or_home(request))
        error = _("This code is not right. Type the six digits your app shows now.")
    return render(
        request,
        "accounts/second_factor_verify.html",
        {"error": error, "next": _next_or_home(request)},
        status=400 if error else 200,
    )
