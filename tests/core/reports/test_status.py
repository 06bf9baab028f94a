# SPDX-License-Identifier: EUPL-1.2
"""The status flow: no path to "fixed" without a recorded verification."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.reports.status import (
    ALLOWED,
    Status,
    StatusChange,
    StatusError,
    Verification,
    VerificationMethod,
    append_change,
    is_fixed,
    was_verified,
)

START = datetime(2026, 3, 2, 9, tzinfo=UTC)

verifications = st.one_of(
    st.none(),
    st.builds(
        Verification,
        st.sampled_from(VerificationMethod),
        st.sampled_from(["", "7", "8", "reporter:1", " "]),
    ),
)
attempts = st.lists(
    st.tuples(
        st.sampled_from(Status),
        st.sampled_from(["7", "8", "reporter:1", "system"]),
        st.sampled_from(["", "Zie toelichting."]),
        verifications,
    ),
    max_size=30,
)


def run(steps) -> tuple[StatusChange, ...]:
    """Apply every attempted step the flow allows; skip the rest."""
    history = append_change((), StatusChange(Status.RECEIVED, START, "system"))
    for index, (status, actor, note, verification) in enumerate(steps, start=1):
        change = StatusChange(
            status, START + timedelta(hours=index), actor, note, verification
        )
        try:
            history = append_change(history, change)
        except StatusError:
            continue
    return history


@given(attempts)
def test_every_verified_fix_in_any_history_carries_who_verified_it(steps):
    history = run(steps)

    for change in history:
        if change.status is Status.FIX_VERIFIED:
            assert change.verification is not None
            assert change.verification.verified_by.strip()
        else:
            assert change.verification is None


@given(attempts)
def test_a_fix_is_verified_only_right_after_a_claim(steps):
    history = run(steps)

    for before, after in itertools.pairwise(history):
        if after.status is Status.FIX_VERIFIED:
            assert before.status is Status.FIX_CLAIMED
            assert after.verification is not None
            if (
                after.verification.method
                is not VerificationMethod.REPORTER_CONFIRMATION
            ):
                assert after.verification.verified_by != before.actor


@given(attempts)
def test_fixed_means_a_standing_verification(steps):
    history = run(steps)

    verified_steps = [c for c in history if c.status is Status.FIX_VERIFIED]
    if is_fixed(history):
        assert verified_steps
        assert was_verified(history) == verified_steps[-1].at
    else:
        assert was_verified(history) is None


@given(attempts, st.sampled_from(Status))
def test_appending_never_edits_the_steps_already_there(steps, status):
    history = run(steps)
    change = StatusChange(status, START + timedelta(days=9), "9", "Reden.")
    try:
        longer = append_change(history, change)
    except StatusError:
        return
    assert longer[: len(history)] == history
    assert longer[-1] == change


def test_a_claimed_fix_cannot_be_marked_fixed_by_its_own_claimant():
    history = run(
        [(Status.ASSIGNED, "7", "", None), (Status.FIX_CLAIMED, "7", "", None)]
    )
    check = Verification(VerificationMethod.PHOTO, "7")

    with pytest.raises(StatusError, match="cannot also verify"):
        append_change(
            history,
            StatusChange(
                Status.FIX_VERIFIED, START + timedelta(days=1), "7", "", check
            ),
        )


def test_only_a_reporter_confirms_as_the_reporter():
    history = run(
        [(Status.ASSIGNED, "7", "", None), (Status.FIX_CLAIMED, "7", "", None)]
    )
    check = Verification(VerificationMethod.REPORTER_CONFIRMATION, "8")

    with pytest.raises(StatusError, match="reporter"):
        append_change(
            history,
            StatusChange(
                Status.FIX_VERIFIED, START + timedelta(days=1), "8", "", check
            ),
        )


def test_the_reporter_confirms_a_fix_and_a_reopening_undoes_fixed():
    check = Verification(VerificationMethod.REPORTER_CONFIRMATION, "reporter:1")
    history = run(
        [
            (Status.ASSIGNED, "7", "", None),
            (Status.FIX_CLAIMED, "7", "", None),
            (Status.FIX_VERIFIED, "reporter:1", "", check),
        ]
    )
    assert is_fixed(history)

    reopened = append_change(
        history, StatusChange(Status.REOPENED, START + timedelta(days=3), "reporter:1")
    )
    assert not is_fixed(reopened)


@pytest.mark.parametrize("status", [Status.FORWARDED, Status.CANNOT_BE_FIXED])
def test_forwarding_and_giving_up_need_a_reason(status):
    history = run([])

    with pytest.raises(StatusError, match="why"):
        append_change(history, StatusChange(status, START + timedelta(hours=1), "7"))


def test_the_history_cannot_go_back_in_time():
    history = run([])

    with pytest.raises(StatusError, match="older"):
        append_change(
            history, StatusChange(Status.ASSIGNED, START - timedelta(hours=1), "7")
        )


def test_every_status_has_its_rules():
    assert set(ALLOWED) == set(Status)
    assert all(Status.RECEIVED not in following for following in ALLOWED.values())
