# SPDX-License-Identifier: EUPL-1.2
"""The quota check names the quotas that conflict and how to relax them."""

from __future__ import annotations

from wijkaanpak.core.panels.model import PanelInstance, Person, Quota
from wijkaanpak.core.panels.quotas import check_quotas


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
