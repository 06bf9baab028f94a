# SPDX-License-Identifier: EUPL-1.2
"""Addresses of the breakthrough pages (Dutch, as partners read them)."""

from django.urls import path

from wijkaanpak.apps.breakthroughs import views

app_name = "breakthroughs"

_AREA = "focusgebieden/<slug:slug>/doorbraken/"

urlpatterns = [
    path(_AREA, views.cases, name="cases"),
    path(_AREA + "nieuw/", views.new_case, name="case_new"),
    path(_AREA + "uit-melding/<int:pk>/", views.case_from_problem, name="from_problem"),
    path(_AREA + "cijfers/", views.figures_page, name="figures"),
    path(_AREA + "normtijden/", views.norm_times, name="norm_times"),
    path(_AREA + "<int:pk>/", views.case_page, name="case"),
    path(_AREA + "<int:pk>/opschalen/", views.escalate, name="escalate"),
    path(_AREA + "<int:pk>/besluiten/", views.decide, name="decide"),
    path(_AREA + "<int:pk>/overdragen/", views.hand_over, name="hand_over"),
    path(_AREA + "<int:pk>/afsluiten/", views.close, name="close"),
    path(_AREA + "<int:pk>/koppelen/", views.link, name="link"),
    path(
        _AREA + "agenda/<int:meeting_pk>/",
        views.put_on_agenda,
        name="agenda",
    ),
    path(
        _AREA + "agenda/punten/<int:item_pk>/besluit/",
        views.decide_at_meeting,
        name="meeting_decision",
    ),
    path("landelijk/regels/", views.register_page, name="register"),
    path("landelijk/regels/nieuw/", views.new_rule, name="rule_new"),
    path("landelijk/regels/<int:pk>/", views.rule_page, name="rule"),
    path("landelijk/regels/<int:pk>/bewerken/", views.edit_rule, name="rule_edit"),
    path("landelijk/doorbraken/", views.national_figures, name="national"),
]
