# SPDX-License-Identifier: EUPL-1.2
"""Addresses of the reports pages (Dutch, as residents read them)."""

from django.urls import path

from wijkaanpak.apps.reports import views

app_name = "reports"

AREA = "focusgebieden/<slug:slug>/"

urlpatterns = [
    path(f"{AREA}meldingen/", views.public_list, name="public_list"),
    path(f"{AREA}meldingen/nieuw/", views.report_form, name="report_form"),
    path(f"{AREA}meldingen/cijfers/", views.figures_page, name="figures"),
    path(f"{AREA}meldingen/behandeling/", views.handling_list, name="handling"),
    path(
        f"{AREA}meldingen/behandeling/invoeren/",
        views.staff_report,
        name="staff_report",
    ),
    path(f"{AREA}meldingen/behandeling/<int:pk>/", views.problem_page, name="problem"),
    path(f"{AREA}meldingen/foto/<int:pk>/", views.report_photo, name="photo"),
    path(f"{AREA}ergernissenavonden/", views.evenings, name="evenings"),
    path(f"{AREA}ergernissenavonden/<int:pk>/", views.evening_page, name="evening"),
    path(
        f"{AREA}ergernissenavonden/<int:pk>/tablet/",
        views.evening_tablet,
        name="tablet",
    ),
    path(
        f"{AREA}ergernissenavonden/<int:pk>/tablet/werker.js",
        views.tablet_worker,
        name="tablet_worker",
    ),
    path(
        f"{AREA}ergernissenavonden/<int:pk>/tablet/sync/",
        views.evening_sync,
        name="sync",
    ),
    path(
        f"{AREA}ergernissenavonden/<int:pk>/verslag/",
        views.evening_account,
        name="account",
    ),
    path("meldingen/volgen/<str:token>/", views.track, name="track"),
    path("terugmelding/<str:token>/", views.partner_return, name="partner_return"),
]
