# SPDX-License-Identifier: EUPL-1.2
"""Addresses of the areas pages (Dutch, as residents read them)."""

from django.urls import path

from wijkaanpak.apps.areas import views

app_name = "areas"

urlpatterns = [
    path("landelijk/", views.national, name="national"),
    path("focusgebieden/<slug:slug>/", views.focus_area_page, name="focus_area"),
    path(
        "focusgebieden/<slug:slug>/analyse/",
        views.focus_area_analysis,
        name="analysis",
    ),
    path(
        "focusgebieden/<slug:slug>/afbakening/",
        views.delimitation,
        name="delimitation",
    ),
    path(
        "focusgebieden/<slug:slug>/profiel/",
        views.profile_notes,
        name="profile_notes",
    ),
    path(
        "focusgebieden/<slug:slug>/profiel/<int:note>/verwijderen/",
        views.remove_profile_note,
        name="remove_profile_note",
    ),
    path("focusgebieden/<slug:slug>/werkruimte/", views.workspace, name="workspace"),
    path("focusgebieden/<slug:slug>/bewerken/", views.edit_focus_area, name="edit"),
]
