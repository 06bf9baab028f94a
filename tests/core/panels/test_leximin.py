# SPDX-License-Identifier: EUPL-1.2
"""LEXIMIN distributions: valid panels, exact probabilities, known optima."""

from __future__ import annotations

import random
from fractions import Fraction
from itertools import combinations

import highspy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkaanpak.core.panels.leximin import (
    leximin_panel_distribution,
    maximin_panel_distribution,
)
from wijkaanpak.core.panels.lottery import draw_panel
from wijkaanpak.core.panels.model import (
    WEIGHT_DENOMINATOR,
    PanelInstance,
    Person,
    Quota,
)
from wijkaanpak.core.panels.quotas import InfeasibleQuotasError, check_quotas


@st.composite
def instances(draw: st.DrawFn) -> PanelInstance:
    size = draw(st.integers(2, 9))
    genders = draw(st.lists(st.sampled_from("fm"), min_size=size, max_size=size))
    ages = draw(st.lists(st.sampled_from("yo"), min_size=size, max_size=size))
    homes = draw(st.lists(st.integers(0, size), min_size=size, max_size=size))
    people = tuple(
        Person(f"p{i}", (("gender", g), ("age", a)), household=f"h{h}")
        for i, (g, a, h) in enumerate(zip(genders, ages, homes, strict=True))
    )
    k = draw(st.integers(1, size))
    quotas = []
    for feature, values in (("gender", "fm"), ("age", "yo")):
        for value in values:
            low = draw(st.integers(0, k))
            high = draw(st.integers(low, k))
            quotas.append(Quota(feature, value, low, high))
    return PanelInstance(people, tuple(quotas), k, draw(st.booleans()))


def solve(instance: PanelInstance):
    try:
        return leximin_panel_distribution(instance)
    except InfeasibleQuotasError:
        return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_every_panel_meets_quotas_size_and_household_rule(instance):
    distribution = solve(instance)
    if distribution is None:
        assert not check_quotas(instance).feasible
        return
    for panel in distribution.panels:
        assert len(panel.members) == instance.panel_size
        assert instance.is_valid_panel(panel.members)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_probabilities_are_panel_weights_and_sum_to_panel_size(instance):
    distribution = solve(instance)
    if distribution is None:
        return
    probabilities = dict(distribution.probabilities())
    for person in instance.ids:
        expected = sum(p.weight for p in distribution.panels if person in p.members)
        assert probabilities[person] == expected
    assert sum(probabilities.values()) == instance.panel_size
    assert sum(panel.numerator for panel in distribution.panels) == 2**40


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_smallest_probability_is_the_first_leximin_level(instance):
    distribution = solve(instance)
    if distribution is None:
        return
    assert distribution.minimum_probability() == pytest.approx(
        distribution.levels[0], abs=1e-7
    )
    assert list(distribution.levels) == sorted(distribution.levels)


def test_maximin_on_unequal_groups_is_known():
    # 2 women, 4 men, one seat each: women 1/2, men 1/4; maximin = 1/4.
    pool = tuple(Person(f"p{i}", (("g", "f" if i < 2 else "m"),)) for i in range(6))
    quotas = (Quota("g", "f", 1, 1), Quota("g", "m", 1, 1))
    result = maximin_panel_distribution(PanelInstance(pool, quotas, 2))
    assert result.minimum_probability() == pytest.approx(0.25, abs=1e-8)


def test_leximin_raises_the_second_level_above_maximin():
    # A single rare volunteer who must sit caps nobody else; the others share.
    pool = (
        Person("rare", (("g", "x"),)),
        *(Person(f"p{i}", (("g", "y"),)) for i in range(5)),
        *(Person(f"q{i}", (("g", "z"),)) for i in range(2)),
    )
    quotas = (Quota("g", "x", 0, 1), Quota("g", "y", 1, 1), Quota("g", "z", 0, 2))
    result = leximin_panel_distribution(PanelInstance(pool, quotas, 2))
    probabilities = dict(result.probabilities())
    # Exactly one y seat: each y gets 1/5. x and z share the other seat: 1/3 each.
    assert probabilities["p0"] == pytest.approx(0.2, abs=1e-8)
    assert probabilities["rare"] == pytest.approx(1 / 3, abs=1e-8)
    assert probabilities["q1"] == pytest.approx(1 / 3, abs=1e-8)
    assert result.levels[0] == pytest.approx(0.2, abs=1e-8)


def test_household_rule_keeps_housemates_apart():
    pool = (
        Person("a1", (("g", "f"),), household="A"),
        Person("a2", (("g", "f"),), household="A"),
        Person("b", (("g", "f"),), household="B"),
        Person("c", (("g", "f"),), household="C"),
    )
    instance = PanelInstance(pool, (Quota("g", "f", 0, 2),), 2, one_per_household=True)
    result = leximin_panel_distribution(instance)
    for panel in result.panels:
        assert not {"a1", "a2"} <= set(panel.members)
    # Every panel takes one of a1 and a2 and one of b and c: everyone gets 1/2
    # (without the rule, everyone would also get 1/2, through other panels).
    assert result.probability("a1") == pytest.approx(0.5, abs=1e-8)
    assert result.probability("b") == pytest.approx(0.5, abs=1e-8)


def test_a_volunteer_nobody_can_seat_has_probability_zero():
    pool = (
        Person("x", (("g", "x"),)),
        *(Person(f"p{i}", (("g", "y"),)) for i in range(3)),
    )
    quotas = (Quota("g", "x", 0, 0), Quota("g", "y", 0, 2))
    result = leximin_panel_distribution(PanelInstance(pool, quotas, 2))
    assert result.probability("x") == 0
    assert result.probability("p0") == pytest.approx(2 / 3, abs=1e-8)


def test_draws_match_the_probabilities():
    # Binomial bounds: with 4000 draws, each count within 5 standard deviations.
    pool = tuple(
        Person(f"p{i}", (("g", "fm"[i % 2]), ("a", "yyo"[i % 3]))) for i in range(9)
    )
    quotas = (Quota("g", "f", 1, 2), Quota("a", "o", 1, 1))
    distribution = leximin_panel_distribution(PanelInstance(pool, quotas, 3))
    rng = random.Random(20261123)
    draws = 4000
    counts = dict.fromkeys(distribution.people, 0)
    for _ in range(draws):
        for member in draw_panel(distribution, rng=rng):
            counts[member] += 1
    for person, probability in distribution.probabilities():
        spread = (draws * probability * (1 - probability)) ** 0.5
        assert abs(counts[person] - draws * probability) <= 5 * spread + 1


def test_an_empty_panel_is_the_only_panel_of_size_zero():
    pool = (Person("a", (("g", "f"),)),)
    result = leximin_panel_distribution(PanelInstance(pool, (), 0))
    assert result.probability("a") == 0


def test_infeasible_quotas_raise_an_explaining_error():
    pool = tuple(Person(f"p{i}", (("g", "f"),)) for i in range(3))
    with pytest.raises(InfeasibleQuotasError, match="at least 4 with g = f"):
        leximin_panel_distribution(PanelInstance(pool, (Quota("g", "f", 4, 4),), 3))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_volunteers_alike_in_every_respect_get_the_same_probability(instance):
    distribution = solve(instance)
    if distribution is None:
        return
    probability = dict(distribution.probabilities())
    households = [p.household for p in instance.people]
    for a in instance.people:
        for b in instance.people:
            shared = instance.one_per_household and (
                households.count(a.household) > 1 or households.count(b.household) > 1
            )
            if a.features == b.features and not shared:
                assert probability[a.id] == pytest.approx(probability[b.id], abs=1e-8)


def test_leximin_is_at_least_as_fair_as_the_legacy_method():
    from wijkaanpak.core.panels.legacy import legacy_panel

    pool = tuple(
        Person(f"p{i:02}", (("g", "f" if i < 4 else "m"), ("a", "yo"[i % 2])))
        for i in range(16)
    )
    quotas = (Quota("g", "f", 2, 3), Quota("a", "o", 2, 3))
    instance = PanelInstance(pool, quotas, 5)
    fair = leximin_panel_distribution(instance)
    rng = random.Random(11)
    draws = 3000
    counts = dict.fromkeys(instance.ids, 0)
    for _ in range(draws):
        for member in legacy_panel(instance, rng=rng):
            counts[member] += 1
    legacy_minimum = min(counts.values()) / draws
    assert fair.minimum_probability() >= legacy_minimum - 0.02


def brute_force_leximin(instance: PanelInstance) -> list[float]:
    """LEXIMIN probabilities by LPs over every feasible panel of named people.

    Independent of the method under test: no groups, no column generation,
    no oracle. Level by level: maximise the smallest probability ``z`` of the
    people not yet fixed; then fix every one of them who cannot get more than
    ``z`` while the others keep their levels.
    """
    n = len(instance.people)
    panels = [
        panel
        for size in [instance.panel_size]
        for panel in combinations(range(n), size)
        if instance.is_valid_panel([instance.ids[i] for i in panel])
    ]
    fixed: dict[int, float] = {}

    def solve(objective_person: int | None, z_floor: float | None):
        # Columns: one weight per panel, then z.
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        m = len(panels)
        inf = highspy.kHighsInf
        highs.addVars(m, np.zeros(m), np.full(m, inf))
        highs.addVar(-inf, inf)
        highs.addRow(1.0, 1.0, m, np.arange(m, dtype=np.int32), np.ones(m))
        for person in range(n):
            columns = [j for j, panel in enumerate(panels) if person in panel]
            if person in fixed:
                highs.addRow(
                    fixed[person] - 1e-9,
                    inf,
                    len(columns),
                    np.array(columns, dtype=np.int32),
                    np.ones(len(columns)),
                )
            elif z_floor is None:
                # p_person - z >= 0
                indices = np.array([*columns, m], dtype=np.int32)
                values = np.array([1.0] * len(columns) + [-1.0])
                highs.addRow(0.0, inf, len(indices), indices, values)
            else:
                highs.addRow(
                    z_floor - 1e-9,
                    inf,
                    len(columns),
                    np.array(columns, dtype=np.int32),
                    np.ones(len(columns)),
                )
        cost = np.zeros(m + 1)
        if objective_person is None:
            cost[m] = 1.0
        else:
            for j, panel in enumerate(panels):
                if objective_person in panel:
                    cost[j] = 1.0
        highs.changeColsCost(m + 1, np.arange(m + 1, dtype=np.int32), cost)
        highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        highs.run()
        return highs.getObjectiveValue()

    while len(fixed) < n:
        z = solve(None, None)
        for person in [p for p in range(n) if p not in fixed]:
            if solve(person, z) <= z + 1e-7:
                fixed[person] = z
        if not any(fixed.get(p) == z for p in range(n)):  # pragma: no cover
            raise AssertionError("no one fixed at a level")
    return [fixed[person] for person in range(n)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_probabilities_equal_brute_force_leximin(instance):
    distribution = solve(instance)
    if distribution is None:
        return
    expected = brute_force_leximin(instance)
    ours = [probability for _, probability in distribution.probabilities()]
    assert ours == pytest.approx(expected, abs=1e-6)
    # The smallest probability is the maximin optimum, and the first level.
    assert distribution.levels[0] == pytest.approx(min(expected), abs=1e-6)


def test_alike_volunteers_share_seats_in_rotation():
    # Six interchangeable women and two men, three seats with one man: each
    # woman is on named panels worth 2/6 and each man on panels worth 1/2,
    # from one class panel split into few named panels, not all 30 panels.
    pool = (
        *(Person(f"f{i}", (("g", "f"),)) for i in range(6)),
        *(Person(f"m{i}", (("g", "m"),)) for i in range(2)),
    )
    quotas = (Quota("g", "f", 2, 2), Quota("g", "m", 1, 1))
    instance = PanelInstance(pool, quotas, 3)
    distribution = leximin_panel_distribution(instance)
    assert len(distribution.panels) <= 1 + (3 - 1) + (2 - 1)
    for panel in distribution.panels:
        assert instance.is_valid_panel(panel.members)
    exact = {p.id: distribution.exact_probability(p.id) for p in pool}
    unit = Fraction(1, WEIGHT_DENOMINATOR)
    for i in range(6):
        assert abs(exact[f"f{i}"] - Fraction(1, 3)) <= 3 * unit
    for i in range(2):
        assert abs(exact[f"m{i}"] - Fraction(1, 2)) <= 3 * unit
    assert sum(exact.values()) == 3
