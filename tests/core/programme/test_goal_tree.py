# SPDX-License-Identifier: EUPL-1.2
"""The goal tree layout: no overlaps, everything inside, lines between columns."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wijkaanpak.core.programme.goal_tree import (
    MAX_LINES,
    TreeGoal,
    TreeMeasure,
    goal_tree_layout,
)

LABELS = {"perspective": "Perspectief", "physical": "Leefomgeving", "safety": "Veilig"}
words = st.text(alphabet="abcdefghij ", max_size=120)


@st.composite
def trees(draw):
    goals = [
        TreeGoal(f"g{n}", draw(words), draw(st.sampled_from(list(LABELS))))
        for n in range(draw(st.integers(0, 8)))
    ]
    keys = [goal.key for goal in goals] + ["unknown"]
    measures = [
        TreeMeasure(
            f"m{n}",
            draw(words),
            tuple(draw(st.lists(st.sampled_from(keys), max_size=3))),
            draw(st.booleans()),
        )
        for n in range(draw(st.integers(0, 12)))
    ]
    return goals, measures


@given(trees(), words)
def test_boxes_stay_inside_and_never_overlap(tree, vision):
    goals, measures = tree
    layout = goal_tree_layout(vision, LABELS, goals, measures)

    assert len(layout.nodes) == 1 + 3 + len(goals) + len(measures)
    for node in layout.nodes:
        assert node.x >= 0
        assert node.x + node.width <= layout.width
        assert node.y >= 0
        assert node.y + node.height <= layout.height
        assert 1 <= len(node.lines) <= MAX_LINES
    for first in layout.nodes:
        for second in layout.nodes:
            if first is second or first.x != second.x:
                continue
            assert (
                first.y + first.height <= second.y
                or second.y + second.height <= first.y
            )


@given(trees())
def test_every_line_runs_from_one_column_to_the_next(tree):
    goals, measures = tree
    layout = goal_tree_layout("Visie", LABELS, goals, measures)

    where = {node.key: node for node in layout.nodes}
    for edge in layout.edges:
        assert edge.x1 == where[edge.source].x + where[edge.source].width
        assert edge.x2 == where[edge.target].x
        assert edge.x1 < edge.x2
    goal_keys = {goal.key for goal in goals}
    expected = 3 + len(goals) + sum(len(set(m.goal_keys) & goal_keys) for m in measures)
    assert len(layout.edges) == expected


def test_measures_line_up_with_the_goals_they_serve():
    goals = [
        TreeGoal("safe", "Veilig", "safety"),
        TreeGoal("poor", "Armoede", "perspective"),
    ]
    measures = [
        TreeMeasure("camera", "Camera's", ("safe",)),
        TreeMeasure("loose", "Los project", ()),
        TreeMeasure("debt", "Schuldhulp", ("poor",)),
    ]

    layout = goal_tree_layout("Visie", LABELS, goals, measures)

    order = [node.key for node in layout.nodes if node.kind == "measure"]
    assert order == ["debt", "camera", "loose"]


def test_a_long_label_is_cut_with_an_ellipsis():
    layout = goal_tree_layout("woord " * 60, LABELS, [], [])

    assert layout.nodes[0].lines[-1].endswith("…")
