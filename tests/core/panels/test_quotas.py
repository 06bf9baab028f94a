# SPDX-License-Identifier: EUPL-1.2
"""The quota check names the quotas that conflict and how to relax them."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkaanpak.core.panels.model import PanelInstance, Person, Quota
from wijkaanpak.core.panels.quotas import QuotaBound, Relaxation, check_quotas


def pool() -> tuple[Person, ...]:
    # 6 young (3 women, 3 men) and 4 old men.
    people = [
        Person(f"y{i}", (("age", "young"), ("gender", "fm"[i % 2]))) for i in range(6)
    ]
    people += [Person(f"o{i}", (("age", "old"), ("gender", "m"))) for i in range(4)]
    return tuple(people)


def test_feasible_quotas_pass():
    quotas = (Quota("age", "old", 1, 2), Quota("gender", "f", 1, 2))
    assert check_quotas(PanelInstance(pool(), quotas, 4)).feasible


def test_two_quotas_that_conflict_are_named_and_others_are_not():
    # At least 3 old and at least 2 women in a panel of 4: only young are women.
    quotas = (
        Quota("age", "old", 3, 4),
        Quota("gender", "f", 2, 4),
        Quota("age", "young", 0, 4),
    )
    check = check_quotas(PanelInstance(pool(), quotas, 4))
    assert not check.feasible
    named = [bound.describe() for bound in check.conflicting]
    assert named == ["at least 3 with age = old", "at least 2 with gender = f"]
    assert "at least 3 with age = old" in check.explanation
    assert sum(change.old - change.new for change in check.relaxations) == 1


def test_a_minimum_above_the_pool_is_named_alone():
    quotas = (Quota("gender", "f", 4, 4), Quota("age", "old", 0, 4))
    check = check_quotas(PanelInstance(pool(), quotas, 4))
    assert [bound.describe() for bound in check.conflicting] == [
        "at least 4 with gender = f"
    ]
    assert [c.describe() for c in check.relaxations] == [
        "lower the minimum for gender = f from 4 to 3"
    ]


def test_the_household_rule_alone_is_explained():
    people = tuple(Person(f"p{i}", (("g", "x"),), household="same") for i in range(3))
    check = check_quotas(PanelInstance(people, (), 2, one_per_household=True))
    assert not check.feasible
    assert "household" in check.explanation


@st.composite
def small_instances(draw: st.DrawFn) -> PanelInstance:
    size = draw(st.integers(2, 7))
    people = tuple(
        Person(
            f"p{i}",
            (("g", draw(st.sampled_from("fm"))), ("a", draw(st.sampled_from("yo")))),
            household=f"h{draw(st.integers(0, size))}",
        )
        for i in range(size)
    )
    k = draw(st.integers(1, size))
    quotas = []
    for feature, values in (("g", "fm"), ("a", "yo")):
        for value in values:
            low = draw(st.integers(0, k))
            quotas.append(Quota(feature, value, low, draw(st.integers(low, k))))
    return PanelInstance(people, tuple(quotas), k, draw(st.booleans()))


def smallest_violation(instance: PanelInstance) -> int | None:
    """Brute force: the least total quota violation of any panel, or None."""
    best = None
    for members in itertools.combinations(instance.people, instance.panel_size):
        homes = [p.household for p in members]
        if instance.one_per_household and len(set(homes)) < len(homes):
            continue
        violation = 0
        for quota in instance.quotas:
            count = sum(1 for p in members if p.value(quota.feature) == quota.value)
            violation += max(0, quota.minimum - count, count - quota.maximum)
        best = violation if best is None else min(best, violation)
    return best


def relaxed(instance: PanelInstance, changes) -> PanelInstance:
    bounds = {(q.feature, q.value): [q.minimum, q.maximum] for q in instance.quotas}
    for change in changes:
        side = 0 if change.bound == "minimum" else 1
        bounds[change.quota.feature, change.quota.value][side] = change.new
    quotas = tuple(Quota(f, v, low, high) for (f, v), (low, high) in bounds.items())
    return PanelInstance(
        instance.people, quotas, instance.panel_size, instance.one_per_household
    )


def without(instance: PanelInstance, bounds) -> PanelInstance:
    """The instance with the given bounds dropped (minimum 0, maximum k)."""
    changes = [
        Relaxation(
            b.quota,
            b.bound,
            0,
            0 if b.bound == "minimum" else instance.panel_size,
        )
        for b in bounds
    ]
    return relaxed(instance, changes)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_instances())
def test_the_suggested_change_is_the_smallest_that_allows_a_panel(instance):
    best = smallest_violation(instance)
    check = check_quotas(instance)
    assert check.feasible == (best == 0)
    if check.feasible or best is None:
        return
    total = sum(abs(change.new - change.old) for change in check.relaxations)
    assert total == best
    assert check_quotas(relaxed(instance, check.relaxations)).feasible


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_instances())
def test_the_named_conflict_is_minimal(instance):
    check = check_quotas(instance)
    if check.feasible or not check.conflicting:
        return
    named = set(check.conflicting)
    every = {
        QuotaBound(q, side) for q in instance.quotas for side in ("minimum", "maximum")
    }
    # The named bounds alone already conflict ...
    assert not check_quotas(without(instance, every - named)).feasible
    # ... and dropping any one of them removes that conflict.
    for bound in named:
        assert check_quotas(without(instance, (every - named) | {bound})).feasible
