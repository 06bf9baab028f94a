# SPDX-License-Identifier: EUPL-1.2
"""Lay out the goal tree: vision, national goals, area goals and measures.

The goal tree (*doel-inspanningennetwerk*) shows in one picture why each
measure exists: the vision on the left, then the three national goals, the
area goals under them, and on the right the measures that serve the goals.
A measure may serve several goals, so the picture is a layered network rather
than a strict tree. Measures are ordered by the mean position of the goals
they serve (the barycentre heuristic of Sugiyama, Tagawa and Toda), which
keeps most lines from crossing. The layout is plain numbers; the page draws
it as inline SVG, with the same content as a table beside it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from wijkaanpak.core.programme.model import NATIONAL_GOALS, NationalGoal

__all__ = [
    "Layout",
    "NodeKind",
    "PlacedEdge",
    "PlacedNode",
    "TreeGoal",
    "TreeMeasure",
    "goal_tree_layout",
]

NodeKind = Literal["vision", "national_goal", "goal", "measure"]
_LEVELS: tuple[NodeKind, ...] = ("vision", "national_goal", "goal", "measure")

NODE_WIDTH = 220
LINE_HEIGHT = 16
MAX_LINES = 3
NODE_HEIGHT = LINE_HEIGHT * MAX_LINES + 14
COLUMN_GAP = 56
ROW_GAP = 14
MARGIN = 8
#: Characters per line of a label at the page's font size.
LINE_CHARACTERS = 28


@dataclass(frozen=True, slots=True)
class TreeGoal:
    """An area goal to draw.

    Attributes
    ----------
    key : str
        Identifier, unique among goals and measures.
    label : str
        The goal's title.
    national_goal : str
        The national goal it serves.
    """

    key: str
    label: str
    national_goal: NationalGoal


@dataclass(frozen=True, slots=True)
class TreeMeasure:
    """A measure to draw.

    Attributes
    ----------
    key : str
        Identifier, unique among goals and measures.
    label : str
        The measure's title.
    goal_keys : tuple of str
        The goals it serves, in any order.
    is_additional : bool
        Additional measures are drawn with a double border.
    """

    key: str
    label: str
    goal_keys: tuple[str, ...]
    is_additional: bool = False


@dataclass(frozen=True, slots=True)
class PlacedNode:
    """A box of the picture.

    Attributes
    ----------
    key : str
        The goal or measure key, ``vision``, or the national goal slug.
    kind : {"vision", "national_goal", "goal", "measure"}
        The column it stands in.
    lines : tuple of str
        The label, wrapped; the last line ends in an ellipsis when cut.
    x, y : int
        Top-left corner.
    width, height : int
        Size of the box.
    is_additional : bool
        True for additional measures.
    """

    key: str
    kind: NodeKind
    lines: tuple[str, ...]
    x: int
    y: int
    width: int
    height: int
    is_additional: bool = False


@dataclass(frozen=True, slots=True)
class PlacedEdge:
    """A line from a box to a box in the next column.

    Attributes
    ----------
    source, target : str
        Keys of the boxes.
    x1, y1 : int
        Middle of the right side of the source box.
    x2, y2 : int
        Middle of the left side of the target box.
    """

    source: str
    target: str
    x1: int
    y1: int
    x2: int
    y2: int

    @property
    def path(self) -> str:
        """Return an SVG path: a smooth curve from source to target.

        Returns
        -------
        str
            The ``d`` attribute of a cubic Bézier curve.
        """
        bend = (self.x2 - self.x1) // 2
        return (
            f"M{self.x1},{self.y1} C{self.x1 + bend},{self.y1} "
            f"{self.x2 - bend},{self.y2} {self.x2},{self.y2}"
        )


@dataclass(frozen=True, slots=True)
class Layout:
    """The whole picture.

    Attributes
    ----------
    width, height : int
        Size of the drawing.
    nodes : tuple of PlacedNode
        Column by column, top to bottom.
    edges : tuple of PlacedEdge
        From left to right.
    """

    width: int
    height: int
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]


def _wrap(label: str) -> tuple[str, ...]:
    lines = textwrap.wrap(label, LINE_CHARACTERS) or [""]
    if len(lines) > MAX_LINES:
        last = lines[MAX_LINES - 1][: LINE_CHARACTERS - 1].rstrip()
        lines = [*lines[: MAX_LINES - 1], last + "…"]
    return tuple(lines)


def goal_tree_layout(
    vision: str,
    national_goal_labels: Mapping[str, str],
    goals: Sequence[TreeGoal],
    measures: Sequence[TreeMeasure],
) -> Layout:
    """Place vision, national goals, goals and measures in four columns.

    Parameters
    ----------
    vision : str
        The programme's vision, the root of the tree.
    national_goal_labels : mapping of str to str
        The label of each national goal slug.
    goals : sequence of TreeGoal
        The area goals; they are grouped by national goal and keep their
        order within a group.
    measures : sequence of TreeMeasure
        The measures; they are ordered by the mean position of the goals they
        serve, ties in the given order, measures serving no goal last.

    Returns
    -------
    Layout
        Boxes and lines in pixels; columns are centred on the tallest.

    Examples
    --------
    >>> layout = goal_tree_layout(
    ...     "Een wijk waar kinderen kansen krijgen",
    ...     {
    ...         "perspective": "Perspectief",
    ...         "physical": "Leefomgeving",
    ...         "safety": "Veiligheid",
    ...     },
    ...     [TreeGoal("g1", "Minder armoede", "perspective")],
    ...     [TreeMeasure("m1", "Schuldhulp aan huis", ("g1",))],
    ... )
    >>> [(node.kind, node.key) for node in layout.nodes][:2]
    [('vision', 'vision'), ('national_goal', 'perspective')]
    >>> [(edge.source, edge.target) for edge in layout.edges][-2:]
    [('perspective', 'g1'), ('g1', 'm1')]

    References
    ----------
    Sugiyama, K., Tagawa, S. and Toda, M. (1981). Methods for visual
    understanding of hierarchical system structures. *IEEE Transactions on
    Systems, Man, and Cybernetics* 11(2), 109-125.
    """
    order = {slug: position for position, slug in enumerate(NATIONAL_GOALS)}
    ranked_goals = sorted(
        enumerate(goals), key=lambda item: (order[item[1].national_goal], item[0])
    )
    goal_position = {goal.key: row for row, (_, goal) in enumerate(ranked_goals)}

    def barycentre(item: tuple[int, TreeMeasure]) -> tuple[int, Fraction, int]:
        rows = [goal_position[key] for key in item[1].goal_keys if key in goal_position]
        if not rows:
            return (1, Fraction(0), item[0])
        return (0, Fraction(sum(rows), len(rows)), item[0])

    ranked_measures = [
        measure for _, measure in sorted(enumerate(measures), key=barycentre)
    ]

    columns: list[list[tuple[str, str, bool]]] = [
        [("vision", vision, False)],
        [
            (slug, national_goal_labels.get(slug, slug), False)
            for slug in NATIONAL_GOALS
        ],
        [(goal.key, goal.label, False) for _, goal in ranked_goals],
        [(m.key, m.label, m.is_additional) for m in ranked_measures],
    ]
    tallest = max(len(column) for column in columns)
    height = 2 * MARGIN + tallest * NODE_HEIGHT + max(tallest - 1, 0) * ROW_GAP
    width = 2 * MARGIN + len(columns) * NODE_WIDTH + (len(columns) - 1) * COLUMN_GAP

    nodes: list[PlacedNode] = []
    where: dict[str, PlacedNode] = {}
    for level, column in enumerate(columns):
        used = len(column) * NODE_HEIGHT + max(len(column) - 1, 0) * ROW_GAP
        top = MARGIN + (height - 2 * MARGIN - used) // 2
        x = MARGIN + level * (NODE_WIDTH + COLUMN_GAP)
        for row, (key, label, is_additional) in enumerate(column):
            node = PlacedNode(
                key=key,
                kind=_LEVELS[level],
                lines=_wrap(label),
                x=x,
                y=top + row * (NODE_HEIGHT + ROW_GAP),
                width=NODE_WIDTH,
                height=NODE_HEIGHT,
                is_additional=is_additional,
            )
            nodes.append(node)
            where[key] = node

    def edge(source: str, target: str) -> PlacedEdge:
        start, end = where[source], where[target]
        return PlacedEdge(
            source,
            target,
            start.x + start.width,
            start.y + start.height // 2,
            end.x,
            end.y + end.height // 2,
        )

    edges = [edge("vision", slug) for slug in NATIONAL_GOALS]
    edges += [edge(goal.national_goal, goal.key) for _, goal in ranked_goals]
    edges += [
        edge(key, measure.key)
        for measure in ranked_measures
        for key in sorted(
            dict.fromkeys(k for k in measure.goal_keys if k in goal_position),
            key=goal_position.__getitem__,
        )
    ]
    return Layout(width, height, tuple(nodes), tuple(edges))
