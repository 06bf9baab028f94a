# SPDX-License-Identifier: EUPL-1.2
"""A vote in the ``area`` fixture with three feasible projects and codes."""

from __future__ import annotations

import datetime

from django.utils import timezone

import pytest

from wijkaanpak.apps.votes import services


@pytest.fixture
def vote(area):
    now = timezone.now()
    before = now - datetime.timedelta(days=2)
    vote = services.create_vote(
        area,
        title="Buurtbudget",
        budget_cents=100_00,
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=1),
        max_projects=2,
        rule="mes",
        completion="none",
        acting_user=None,
    )
    vote.titles = {}
    for title, cost in [("Bankjes", 40_00), ("Bomen", 60_00), ("Speeltuin", 70_00)]:
        project = services.add_project(
            vote,
            title=title,
            cost_cents=cost,
            proposer="Groep",
            acting_user=None,
            now=before,
        )
        services.check_feasibility(project, feasible=True, acting_user=None, now=before)
        vote.titles[title] = str(project.pk)
    vote.codes_issued = services.issue_codes(vote, 6, acting_user=None)
    return vote


@pytest.fixture(autouse=True)
def _english():
    """Service messages are matched in English; pages speak Dutch."""
    from django.utils import translation

    with translation.override("en"):
        yield
