# SPDX-License-Identifier: EUPL-1.2
"""Addresses of the vote pages (Dutch, as residents read them)."""

from django.urls import path

from wijkaanpak.apps.votes import views

app_name = "votes"

_VOTES = "focusgebieden/<slug:slug>/stemmen/"
_VOTE = _VOTES + "<int:pk>/"

urlpatterns = [
    path(_VOTES, views.votes, name="list"),
    path(_VOTES + "nieuw/", views.new_vote, name="new"),
    path(_VOTE, views.vote_page, name="vote"),
    path(_VOTE + "bedankt/", views.thanks, name="thanks"),
    path(_VOTE + "uitslag/", views.results, name="results"),
    path(_VOTE + "stemmen.pb", views.export, name="export"),
    path(_VOTE + "beheer/", views.manage, name="manage"),
    path(_VOTE + "projecten/nieuw/", views.new_project, name="project_new"),
    path(
        _VOTE + "projecten/<int:project>/haalbaarheid/",
        views.feasibility,
        name="feasibility",
    ),
    path(_VOTE + "codes/", views.codes, name="codes"),
    path(_VOTE + "tellen/", views.count, name="count"),
]
