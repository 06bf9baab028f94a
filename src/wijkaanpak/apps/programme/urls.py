# SPDX-License-Identifier: EUPL-1.2
"""Addresses of the programme pages (Dutch, as residents and partners read them)."""

from django.urls import path

from wijkaanpak.apps.programme import views

app_name = "programme"

_AREA = "focusgebieden/<slug:slug>/programma/"

urlpatterns = [
    path("landelijk/programma/", views.national, name="national"),
    path(
        "landelijk/minimumdoelen/nieuw/",
        views.new_minimum_goal,
        name="minimum_goal_new",
    ),
    path(_AREA, views.public_programme, name="public"),
    path(_AREA + "plan/", views.plan, name="plan"),
    path(_AREA + "plan/document/", views.plan_document, name="plan_document"),
    path(_AREA + "programmaplan.pdf", views.plan_pdf, name="plan_pdf"),
    path(_AREA + "visie/", views.edit_programme, name="vision"),
    path(_AREA + "analyse/nieuw/", views.new_problem, name="problem_new"),
    path(_AREA + "analyse/<int:pk>/bewerken/", views.edit_problem, name="problem_edit"),
    path(
        _AREA + "analyse/<int:pk>/verwijderen/",
        views.remove_problem,
        name="problem_remove",
    ),
    path(_AREA + "doelen/nieuw/", views.new_goal, name="goal_new"),
    path(_AREA + "doelen/<int:pk>/", views.goal_page, name="goal"),
    path(_AREA + "doelen/<int:pk>/bewerken/", views.edit_goal, name="goal_edit"),
    path(_AREA + "maatregelen/nieuw/", views.new_measure, name="measure_new"),
    path(_AREA + "maatregelen/<int:pk>/", views.measure_page, name="measure"),
    path(
        _AREA + "maatregelen/<int:pk>/bewerken/",
        views.edit_measure,
        name="measure_edit",
    ),
    path(
        _AREA + "maatregelen/<int:pk>/budget/<int:budget_pk>/verwijderen/",
        views.remove_budget,
        name="budget_remove",
    ),
    path(
        _AREA + "maatregelen/<int:pk>/stopregels/<int:rule_pk>/verwijderen/",
        views.remove_stop_rule,
        name="stop_rule_remove",
    ),
    path(
        _AREA + "maatregelen/<int:pk>/status/",
        views.set_measure_status,
        name="measure_status",
    ),
    path(_AREA + "maatregelen/<int:pk>/budget/", views.add_budget, name="budget_new"),
    path(
        _AREA + "maatregelen/<int:pk>/stopregels/",
        views.add_stop_rule,
        name="stop_rule_new",
    ),
    path(
        _AREA + "maatregelen/<int:pk>/stopregels/<int:rule_pk>/meting/",
        views.record_observation,
        name="observation",
    ),
    path(_AREA + "toezeggingen/", views.commitments, name="commitments"),
    path(
        _AREA + "toezeggingen/partners/<int:pk>/",
        views.partner_commitments,
        name="partner",
    ),
    path(
        _AREA + "toezeggingen/<int:pk>/bewerken/",
        views.edit_commitment,
        name="commitment_edit",
    ),
    path(
        _AREA + "toezeggingen/<int:pk>/verwijderen/",
        views.remove_commitment,
        name="commitment_remove",
    ),
    path(
        _AREA + "toezeggingen/leveringen/<int:pk>/corrigeren/",
        views.correct_delivery,
        name="delivery_correct",
    ),
    path(_AREA + "toezeggingen/nieuw/", views.new_commitment, name="commitment_new"),
    path(
        _AREA + "toezeggingen/<int:pk>/geleverd/",
        views.report_delivery,
        name="delivery_new",
    ),
    path(_AREA + "alliantie/", views.alliance, name="alliance"),
    path(_AREA + "alliantie/overleggen/nieuw/", views.new_meeting, name="meeting_new"),
    path(_AREA + "alliantie/overleggen/<int:pk>/", views.meeting_page, name="meeting"),
    path(
        _AREA + "alliantie/overleggen/<int:pk>/besluiten/",
        views.add_decision,
        name="decision_new",
    ),
    path(
        _AREA + "alliantie/overleggen/<int:pk>/huiswerk/",
        views.add_homework,
        name="homework_new",
    ),
    path(
        _AREA + "alliantie/huiswerk/<int:pk>/klaar/",
        views.complete_homework,
        name="homework_done",
    ),
]
