# SPDX-License-Identifier: EUPL-1.2
"""Addresses of contracts and budgets (Dutch, as residents read them)."""

from django.urls import path

from wijkaanpak.apps.residents import views

app_name = "residents"

_AREA = "focusgebieden/<slug:slug>/"
_CONTRACT = _AREA + "wijkcontracten/<int:pk>/"
_BUDGET = _AREA + "bewonersbudget/<int:pk>/"
_APPLICATION = _BUDGET + "aanvragen/<int:application_pk>/"

urlpatterns = [
    path(_AREA + "wijkcontracten/", views.contracts, name="contracts"),
    path(_AREA + "wijkcontracten/nieuw/", views.new_contract, name="contract_new"),
    path(_CONTRACT, views.contract_page, name="contract"),
    path(_CONTRACT + "bewerken/", views.edit_contract, name="contract_edit"),
    path(_CONTRACT + "ondertekenen/", views.sign_contract, name="contract_sign"),
    path(_CONTRACT + "afspraken/nieuw/", views.new_item, name="item_new"),
    path(
        _CONTRACT + "afspraken/<int:item_pk>/bewerken/",
        views.edit_item,
        name="item_edit",
    ),
    path(
        _CONTRACT + "afspraken/<int:item_pk>/verwijderen/",
        views.remove_item,
        name="item_remove",
    ),
    path(
        _CONTRACT + "afspraken/<int:item_pk>/terugblik/",
        views.review_item,
        name="item_review",
    ),
    path(_AREA + "bewonersbudget/", views.budgets, name="budgets"),
    path(_AREA + "bewonersbudget/nieuw/", views.new_budget, name="budget_new"),
    path(_BUDGET, views.budget_page, name="budget"),
    path(_BUDGET + "bewerken/", views.edit_budget, name="budget_edit"),
    path(_BUDGET + "aanvragen/", views.apply, name="apply"),
    path(_APPLICATION, views.application_page, name="application"),
    path(_APPLICATION + "besluit/", views.decide, name="decide"),
    path(_APPLICATION + "resultaat/", views.report_result, name="result"),
    path("bewonersbudget/aanvraag/<str:token>/", views.track, name="track"),
]
