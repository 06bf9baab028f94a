# SPDX-License-Identifier: EUPL-1.2
"""The addresses of the whole site."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from wijkaanpak.apps.accounts import views as account_views
from wijkaanpak.apps.areas import views as area_views

urlpatterns = [
    path("", area_views.home, name="home"),
    path("", include("wijkaanpak.apps.areas.urls")),
    path("", include("wijkaanpak.apps.reports.urls")),
    path("", include("wijkaanpak.apps.programme.urls")),
    path("", include("wijkaanpak.apps.breakthroughs.urls")),
    path("", include("wijkaanpak.apps.monitor.urls")),
    path("", include("wijkaanpak.apps.votes.urls")),
    path("", include("wijkaanpak.apps.panels.urls")),
    path("", include("wijkaanpak.apps.mirror.urls")),
    path("", include("wijkaanpak.apps.residents.urls")),
    path("inloggen/", account_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "inloggen/tweede-stap/",
        account_views.second_factor_verify,
        name="second_factor_verify",
    ),
    path("tweede-stap/", account_views.second_factor, name="second_factor"),
    path(
        "wachtwoord/",
        account_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path("taal/", set_language, name="set_language"),
    path("open311/v2/", include("wijkaanpak.apps.reports.open311_urls")),
    path("api/v1/", include(("wijkaanpak.web.api", "api"), namespace="api")),
    # One login page for the whole site, with its limits (and second factor).
    path(
        "beheer/login/",
        RedirectView.as_view(pattern_name="login", query_string=True),
    ),
    path("beheer/", admin.site.urls),
]
