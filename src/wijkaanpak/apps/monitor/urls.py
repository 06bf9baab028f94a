# SPDX-License-Identifier: EUPL-1.2
"""Addresses of the monitor (Dutch, as residents and partners read them)."""

from django.urls import path

from wijkaanpak.apps.monitor import views

app_name = "monitor"

_AREA = "focusgebieden/<slug:slug>/"

urlpatterns = [
    path(_AREA + "monitor/", views.area_monitor, name="area"),
    path(_AREA + "monitor/indicator/<slug:key>/", views.indicator, name="indicator"),
    path(_AREA + "monitor/rapportage/", views.partner_report, name="partners"),
    path(
        _AREA + "monitor/rapportage.pdf",
        views.partner_report_pdf,
        name="partners_pdf",
    ),
    path(_AREA + "monitor/impact/", views.impact, name="impact"),
    path(
        _AREA + "monitor/impact/maatregelen/<int:pk>/",
        views.measure_impact,
        name="measure_impact",
    ),
    path(
        _AREA + "monitor/impact/maatregelen/<int:pk>/baten/<int:item>/verwijderen/",
        views.remove_assumption,
        name="remove_assumption",
    ),
    path(_AREA + "voortgang/", views.progress, name="progress"),
    path(_AREA + "voortgang.pdf", views.progress_pdf, name="progress_pdf"),
    path("landelijk/dashboard/", views.national, name="national"),
    path("landelijk/dashboard.csv", views.national_csv, name="national_csv"),
    path("open-data/", views.open_data_page, name="open_data"),
    path("open-data/cijfers.csv", views.open_data_csv, name="open_data_csv"),
    path(
        "open-data/focusgebieden.geojson",
        views.open_data_geojson,
        name="open_data_geojson",
    ),
    path("open-data/alles.json", views.open_data_json, name="open_data_json"),
]
