# SPDX-License-Identifier: EUPL-1.2
"""The rules of a budget vote, through its services."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from wijkaanpak.apps.votes import selectors, services
from wijkaanpak.apps.votes.models import Ballot, VotingCode

pytestmark = pytest.mark.django_db


def test_only_hashes_of_codes_are_stored(vote):
    stored = set(VotingCode.objects.values_list("code_hash", flat=True))
    assert len(stored) == 6
    for code in vote.codes_issued:
        assert code not in stored
        assert code.replace("-", "") not in str(stored)


def test_a_code_votes_once(vote):
    code = vote.codes_issued[0]
    services.cast_ballot(vote, code=code, approved=[vote.titles["Bankjes"]])

    with pytest.raises(ValidationError, match="already been used"):
        services.cast_ballot(vote, code=code, approved=[vote.titles["Bomen"]])
    assert Ballot.objects.count() == 1


def test_a_ballot_keeps_no_link_to_its_code(vote):
    services.cast_ballot(
        vote, code=vote.codes_issued[0], approved=[vote.titles["Bomen"]]
    )

    fields = {field.name for field in Ballot._meta.get_fields()}
    assert fields == {"id", "vote", "approved", "points", "ranking"}


def test_a_typing_error_in_the_code_is_named(vote):
    code = vote.codes_issued[0]
    wrong = code[:-1] + ("2" if code[-1] != "2" else "3")

    with pytest.raises(ValidationError, match="typing error"):
        services.cast_ballot(vote, code=wrong, approved=[vote.titles["Bomen"]])


def test_a_code_of_another_vote_does_not_count(vote, area):
    other = services.create_vote(
        area,
        title="Ander",
        budget_cents=10_00,
        opens_at=vote.opens_at,
        closes_at=vote.closes_at,
        acting_user=None,
    )
    [code] = services.issue_codes(other, 1, acting_user=None)

    with pytest.raises(ValidationError, match="does not belong"):
        services.cast_ballot(vote, code=code, approved=[vote.titles["Bomen"]])


@pytest.mark.parametrize(
    ("chosen", "message"),
    [
        ([], "at least one"),
        (["Bankjes", "Bomen", "Speeltuin"], "at most 2"),
        (["Bomen", "Bomen"], "only once"),
    ],
)
def test_the_limits_of_the_ballot_hold(vote, chosen, message):
    approved = [vote.titles[title] for title in chosen]

    with pytest.raises(ValidationError, match=message):
        services.cast_ballot(vote, code=vote.codes_issued[0], approved=approved)
    assert not VotingCode.objects.filter(used=True).exists()


def test_a_cost_limit_refuses_too_expensive_a_choice(vote):
    vote.max_cost_cents = 90_00
    vote.save(update_fields=["max_cost_cents"])

    with pytest.raises(ValidationError, match="more than you may spend"):
        services.cast_ballot(
            vote,
            code=vote.codes_issued[0],
            approved=[vote.titles["Bankjes"], vote.titles["Bomen"]],
        )


def test_a_rejected_project_is_not_on_the_ballot(vote):
    project = selectors.projects_of(vote).get(title="Speeltuin")
    before = vote.opens_at - datetime.timedelta(hours=1)
    services.check_feasibility(
        project, feasible=False, reason="Te duur", acting_user=None, now=before
    )

    with pytest.raises(ValidationError, match="not on the ballot"):
        services.cast_ballot(
            vote, code=vote.codes_issued[0], approved=[str(project.pk)]
        )


def test_a_rejection_needs_a_reason(vote):
    project = selectors.projects_of(vote).first()
    before = vote.opens_at - datetime.timedelta(hours=1)

    with pytest.raises(ValidationError, match="why"):
        services.check_feasibility(
            project, feasible=False, reason=" ", acting_user=None, now=before
        )


def test_no_ballot_outside_the_window(vote):
    with pytest.raises(ValidationError, match="not open"):
        services.cast_ballot(
            vote,
            code=vote.codes_issued[0],
            approved=[vote.titles["Bomen"]],
            now=vote.closes_at,
        )


def test_only_the_bureau_counts(vote, area):
    with pytest.raises(PermissionDenied):
        services.count_vote(
            vote, acting_user=area.people["alliance"], now=vote.closes_at
        )


def test_an_open_vote_cannot_be_counted(vote, area):
    with pytest.raises(ValidationError, match="still open"):
        services.count_vote(vote, acting_user=area.people["bureau"])


def test_the_stored_result_equals_the_cores_recount(vote, area):
    # Two groups: equal shares gives the smaller group its share, where
    # greedy counting would give the larger group everything.
    for index, titles in enumerate(
        [["Bomen"], ["Bomen"], ["Bomen"], ["Bankjes"], ["Bankjes", "Speeltuin"]]
    ):
        services.cast_ballot(
            vote,
            code=vote.codes_issued[index],
            approved=[vote.titles[title] for title in titles],
        )

    result = services.count_vote(
        vote, acting_user=area.people["bureau"], now=vote.closes_at
    )

    recounted = selectors.recount(vote)
    assert result.funded == list(recounted.funded)
    assert result.document == selectors.document_of(
        selectors.election_of(vote), recounted
    )
    assert set(result.funded) == {vote.titles["Bomen"], vote.titles["Bankjes"]}
    again = services.count_vote(
        vote, acting_user=area.people["bureau"], now=vote.closes_at
    )
    assert again.pk == result.pk


def test_codes_cannot_be_printed_after_closing(vote):
    with pytest.raises(ValidationError, match="closed"):
        services.issue_codes(
            vote, 1, acting_user=None, now=vote.closes_at + datetime.timedelta(1)
        )


def test_the_ballot_cannot_change_once_open(vote):
    with pytest.raises(ValidationError, match="has opened"):
        services.add_project(
            vote, title="Laat", cost_cents=10_00, proposer="X", acting_user=None
        )
    assert timezone.now() > vote.opens_at


def _other_kind(area, vote, **kind):
    before = vote.opens_at - datetime.timedelta(hours=1)
    other = services.create_vote(
        area,
        title="Ander",
        budget_cents=100_00,
        opens_at=vote.opens_at,
        closes_at=vote.closes_at,
        rule="greedy",
        acting_user=None,
        **kind,
    )
    ids = []
    for title, cost in [("Bankjes", 40_00), ("Bomen", 60_00)]:
        project = services.add_project(
            other,
            title=title,
            cost_cents=cost,
            proposer="G",
            acting_user=None,
            now=before,
        )
        services.check_feasibility(project, feasible=True, acting_user=None, now=before)
        ids.append(str(project.pk))
    return other, ids, services.issue_codes(other, 3, acting_user=None)


def test_points_ballots_keep_their_points_and_stay_within_the_total(area, vote):
    other, (bankjes, bomen), codes = _other_kind(
        area, vote, ballot_kind="cumulative", points=5
    )
    services.cast_ballot(other, code=codes[0], points=[(bankjes, 2), (bomen, 3)])

    with pytest.raises(ValidationError, match="more than 5 points"):
        services.cast_ballot(other, code=codes[1], points=[(bankjes, 6)])
    ballot = selectors.election_of(other).ballots[0]
    assert ballot.points == ((bankjes, 2), (bomen, 3))
    assert ballot.approved == {bankjes, bomen}


def test_ranked_ballots_keep_their_order_and_are_counted(area, vote):
    other, (bankjes, bomen), codes = _other_kind(area, vote, ballot_kind="ordinal")
    services.cast_ballot(other, code=codes[0], ranking=[bomen, bankjes])
    services.cast_ballot(other, code=codes[1], ranking=[bomen])

    result = services.count_vote(other, acting_user=None, now=other.closes_at)

    assert selectors.election_of(other).ballots[0].ranking == (bomen, bankjes)
    assert result.funded == [bomen, bankjes]
