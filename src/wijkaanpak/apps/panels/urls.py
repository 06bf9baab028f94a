# SPDX-License-Identifier: EUPL-1.2
"""Addresses of the citizens' panel pages (Dutch, as residents read them)."""

from django.urls import path

from wijkaanpak.apps.panels import views

app_name = "panels"

AREA = "focusgebieden/<slug:slug>/loting/"
ONE = f"{AREA}<int:pk>/"

urlpatterns = [
    path(AREA, views.process_list, name="list"),
    path(f"{AREA}beheer/", views.manage_list, name="manage_list"),
    path(ONE, views.report, name="report"),
    path(f"{ONE}verdeling.json", views.distribution_json, name="distribution_json"),
    path(f"{ONE}aanmelden/", views.register, name="register"),
    path(f"{ONE}mijn-kans/", views.my_chance, name="my_chance"),
    path(f"{ONE}beheer/", views.manage, name="manage"),
    path(f"{ONE}beheer/quota/", views.set_quotas, name="quotas"),
    path(f"{ONE}beheer/quotacontrole/", views.quota_check, name="quota_check"),
    path(f"{ONE}beheer/uitnodigen/", views.invite, name="invite"),
    path(f"{ONE}beheer/publiceren/", views.publish, name="publish"),
    path(f"{ONE}beheer/startgetal/", views.enter_seed, name="seed"),
    path(f"{ONE}beheer/trekken/", views.draw, name="draw"),
    path(f"{ONE}beheer/vervangen/", views.replace, name="replace"),
    path(f"{ONE}beheer/afsluiten/", views.close, name="close"),
    path(f"{ONE}beheer/wissen/", views.erase, name="erase"),
    path(f"{ONE}beheer/people.csv", views.export_people, name="export_people"),
    path(f"{ONE}beheer/features.csv", views.export_features, name="export_features"),
]
