# SPDX-License-Identifier: EUPL-1.2
"""Addresses of the mirror (Dutch, as partners read them)."""

from django.urls import path

from wijkaanpak.apps.mirror import views

app_name = "mirror"

_AREA = "focusgebieden/<slug:slug>/spiegel/"
_SCAN = _AREA + "<slug:kind>/<int:year>/"

urlpatterns = [
    path(_AREA, views.overview, name="overview"),
    path(_AREA + "openen/", views.open_scan, name="open"),
    path(_AREA + "werkstijl/", views.profiles, name="profiles"),
    path(
        _AREA + "werkstijl/<int:organisation>/",
        views.profile_edit,
        name="profile_edit",
    ),
    path(_SCAN, views.scan, name="scan"),
    path(_SCAN + "invullen/", views.fill_in, name="fill_in"),
    path(_SCAN + "afsluiten/", views.close, name="close"),
    path("landelijk/spiegel/", views.national, name="national"),
]
