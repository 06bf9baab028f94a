# SPDX-License-Identifier: EUPL-1.2
"""Read and write pabulib ``.pb`` files, the open format of budget votes.

A ``.pb`` file has three sections, ``META`` (key;value), ``PROJECTS`` and
``VOTES`` (each a ``;``-separated table with a header row), see
http://pabulib.org/format. Files in the wild have Windows line endings, cost
columns written as ``100000.0`` and vote types beyond approval; this adapter
accepts them and says which file and line is wrong when it cannot.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.votes.model import (
    Allocation,
    Ballot,
    Election,
    Project,
    VoteType,
)

__all__ = [
    "REQUIRED_META",
    "PabulibFile",
    "dumps",
    "loads",
    "read_pabulib",
    "rule_name",
    "write_pabulib",
]

_VOTE_TYPES = ("approval", "choose-1", "cumulative", "ordinal")

#: The META keys the format requires, in its order (pabulib.org/format).
REQUIRED_META = (
    "description",
    "country",
    "unit",
    "instance",
    "num_projects",
    "num_votes",
    "budget",
    "vote_type",
    "rule",
    "date_begin",
    "date_end",
)
#: META keys an export computes from the election itself.
_COMPUTED_META = ("num_projects", "num_votes", "budget", "vote_type")
#: Our rules under their pabulib names; the others are written as "unknown".
_RULE_NAMES = {
    "greedy": "greedy",
    "mes/none": "equalshares",
    "mes/add1": "equalshares/add1",
}


@dataclass(frozen=True, slots=True)
class PabulibFile:
    """A parsed ``.pb`` file: the election, and every column kept for export.

    Parameters
    ----------
    election : Election
        The projects (in file order), ballots and budget.
    meta : tuple of (str, str)
        The ``META`` section in file order.
    project_columns, vote_columns : tuple of str
        The header rows of ``PROJECTS`` and ``VOTES``.
    project_rows, vote_rows : tuple of tuple of str
        The rows as read, so that writing gives the file back.
    """

    election: Election
    meta: tuple[tuple[str, str], ...]
    project_columns: tuple[str, ...]
    project_rows: tuple[tuple[str, ...], ...]
    vote_columns: tuple[str, ...]
    vote_rows: tuple[tuple[str, ...], ...]


def _amount(text: str, where: str, what: str) -> int:
    value = text.strip().replace(",", ".")
    try:
        whole, _, fraction = value.partition(".")
        if fraction.strip("0"):
            raise WijkaanpakError(
                f"{where}: {what} {text!r} is not a whole amount; amounts must be"
                " whole currency units."
            )
        return int(whole)
    except ValueError:
        raise WijkaanpakError(f"{where}: {what} {text!r} is not a number.") from None


def _rows(text: str) -> Iterator[list[str]]:
    """Yield the rows of a file split at ``;``, every cell stripped of spaces.

    Files without quotes (nearly all) are split directly, which is several
    times faster than the csv module and gives the same rows; the others go
    through the csv module.
    """
    plain = text.replace("\r\n", "\n")
    if '"' in plain or "\r" in plain or "\0" in plain:
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            yield [cell.strip() for cell in row]
        return
    for line in plain.split("\n"):
        cells = line.split(";")
        if len(line.split()) != 1:  # some white space to strip
            cells = [cell.strip() for cell in cells]
        yield cells


def _approval(vote: str, known: set[str], where: str, *, one: bool) -> Ballot:
    """Return the ballot of a ``vote`` cell of an approval (or choose-1) vote."""
    ids = [pid.strip() for pid in vote.split(",") if pid.strip()]
    for project_id in ids:
        if project_id not in known:
            raise WijkaanpakError(f"{where}: vote for unknown project {project_id!r}.")
    if one and len(ids) > 1:
        raise WijkaanpakError(f"{where}: a choose-1 vote names {len(ids)} projects.")
    return Ballot(frozenset(ids))


def loads(text: str, *, source: str = "<text>") -> PabulibFile:
    """Parse the contents of a ``.pb`` file.

    Parameters
    ----------
    text : str
        The file contents (any line endings).
    source : str
        A name for the file in error messages.

    Returns
    -------
    PabulibFile
        The election and the raw tables.

    Raises
    ------
    WijkaanpakError
        When the file is not valid pabulib; the message names the line.

    Examples
    --------
    >>> text = "META\\r\\nkey;value\\r\\nbudget;10\\r\\nvote_type;approval\\r\\n"
    >>> text += "PROJECTS\\r\\nproject_id;cost\\r\\n1;6\\r\\n2;5\\r\\n"
    >>> text += "VOTES\\r\\nvoter_id;vote\\r\\nv1;1,2\\r\\nv2;2\\r\\n"
    >>> parsed = loads(text)
    >>> parsed.election.budget, [p.id for p in parsed.election.projects]
    (10, ['1', '2'])
    >>> sorted(parsed.election.ballots[0].approved)
    ['1', '2']
    """
    section = ""
    header: list[str] | None = None
    meta: list[tuple[str, str]] = []
    sections: dict[str, tuple[list[str], list[tuple[int, list[str]]]]] = {}
    for number, cells in enumerate(_rows(text), 1):
        if len(cells) < 2:
            if not cells or not cells[0]:
                continue
            name = cells[0].lower().lstrip("\ufeff")
            if name in {"meta", "projects", "votes"}:
                if name in sections or (name == "meta" and meta):
                    raise WijkaanpakError(
                        f"{source}, line {number}: second {name.upper()}."
                    )
                section, header = name, None
                continue
        if not section:
            raise WijkaanpakError(
                f"{source}, line {number}: expected META, PROJECTS or VOTES first."
            )
        if header is None:
            header = cells
            sections[section] = (header, [])
            continue
        if section == "meta":
            if len(cells) < 2:
                raise WijkaanpakError(f"{source}, line {number}: META needs key;value.")
            meta.append((cells[0], ";".join(cells[1:])))
            continue
        if len(cells) != len(header):
            raise WijkaanpakError(
                f"{source}, line {number}: {len(cells)} fields where the"
                f" {section.upper()} header has {len(header)}."
            )
        sections[section][1].append((number, cells))

    info = dict(meta)
    for needed in ("meta", "projects", "votes"):
        if needed != "meta" and needed not in sections:
            raise WijkaanpakError(f"{source}: the {needed.upper()} section is missing.")
    if "budget" not in info:
        raise WijkaanpakError(f"{source}: META has no budget.")
    budget = _amount(info["budget"], source, "budget")
    vote_type = info.get("vote_type", "approval")
    if vote_type not in _VOTE_TYPES:
        raise WijkaanpakError(
            f"{source}: vote_type {vote_type!r} is not supported; use one of"
            f" {', '.join(_VOTE_TYPES)}."
        )

    project_header, project_rows = sections["projects"]
    for column in ("project_id", "cost"):
        if column not in project_header:
            raise WijkaanpakError(f"{source}: PROJECTS has no {column} column.")
    id_at, cost_at = project_header.index("project_id"), project_header.index("cost")
    name_at = project_header.index("name") if "name" in project_header else None
    projects: list[Project] = []
    seen: set[str] = set()
    for number, cells in project_rows:
        where = f"{source}, line {number}"
        project_id = cells[id_at]
        if project_id in seen:
            raise WijkaanpakError(f"{where}: project {project_id!r} is listed twice.")
        seen.add(project_id)
        cost = _amount(cells[cost_at], where, "cost")
        name = cells[name_at] if name_at is not None else ""
        projects.append(Project(project_id, cost, "" if name == "None" else name))

    vote_header, vote_rows = sections["votes"]
    if "vote" not in vote_header:
        raise WijkaanpakError(f"{source}: VOTES has no vote column.")
    vote_at = vote_header.index("vote")
    points_at = vote_header.index("points") if "points" in vote_header else None
    if vote_type == "cumulative" and points_at is None:
        raise WijkaanpakError(f"{source}: cumulative votes need a points column.")
    ballots: list[Ballot] = []
    others = vote_rows
    if vote_type in ("approval", "choose-1"):
        # Many residents cast the same vote: parse every distinct one once
        # (ballots are immutable, so equal ones can be one object).
        parsed: dict[str, Ballot] = {}
        for number, cells in vote_rows:
            vote = cells[vote_at]
            ballot = parsed.get(vote)
            if ballot is None:
                ballot = parsed[vote] = _approval(
                    vote,
                    seen,
                    f"{source}, line {number}",
                    one=vote_type == "choose-1",
                )
            ballots.append(ballot)
        others = []
    for number, cells in others:
        where = f"{source}, line {number}"
        ids = [pid.strip() for pid in cells[vote_at].split(",") if pid.strip()]
        for project_id in ids:
            if project_id not in seen:
                raise WijkaanpakError(
                    f"{where}: vote for unknown project {project_id!r}."
                )
        if vote_type == "choose-1" and len(ids) > 1:
            raise WijkaanpakError(
                f"{where}: a choose-1 vote names {len(ids)} projects."
            )
        if vote_type == "cumulative":
            assert points_at is not None
            points = [p.strip() for p in cells[points_at].split(",") if p.strip()]
            if len(points) != len(ids):
                raise WijkaanpakError(
                    f"{where}: {len(ids)} projects but {len(points)} points."
                )
            ballots.append(
                Ballot.from_points(
                    [
                        (pid, _amount(p, where, "points"))
                        for pid, p in zip(ids, points, strict=True)
                    ]
                )
            )
        elif vote_type == "ordinal":
            if len(set(ids)) != len(ids):
                raise WijkaanpakError(f"{where}: a ranking names a project twice.")
            ballots.append(Ballot.from_ranking(ids))
        else:
            ballots.append(Ballot(frozenset(ids)))

    return PabulibFile(
        election=Election(
            tuple(projects), tuple(ballots), budget, cast(VoteType, vote_type)
        ),
        meta=tuple(meta),
        project_columns=tuple(project_header),
        project_rows=tuple(tuple(cells) for _, cells in project_rows),
        vote_columns=tuple(vote_header),
        vote_rows=tuple(tuple(cells) for _, cells in vote_rows),
    )


def read_pabulib(path: str | os.PathLike[str]) -> PabulibFile:
    """Read a ``.pb`` file from disk.

    Parameters
    ----------
    path : str or Path
        The file.

    Returns
    -------
    PabulibFile
        The election and the raw tables.

    Raises
    ------
    WijkaanpakError
        When the file is not valid pabulib or not UTF-8.
    """
    source = os.fspath(path)
    try:
        with open(source, encoding="utf-8-sig") as file:
            text = file.read()
    except UnicodeDecodeError as error:
        raise WijkaanpakError(f"{source}: not UTF-8 text ({error.reason}).") from None
    return loads(text, source=source)


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().splitlines()


def rule_name(outcome: Allocation) -> str:
    """Return the pabulib name of the rule that gave an outcome.

    Parameters
    ----------
    outcome : Allocation
        The outcome of one of our rules.

    Returns
    -------
    str
        ``greedy``, ``equalshares`` or ``equalshares/add1``; ``unknown``
        for rules the format has no name for (Phragmén, the other
        completions of equal shares).

    Examples
    --------
    >>> rule_name(Allocation((), (), rule="mes/add1"))
    'equalshares/add1'
    """
    return _RULE_NAMES.get(outcome.rule, "unknown")


def _meta(
    election: Election, meta: Mapping[str, str], outcome: Allocation | None
) -> list[tuple[str, str]]:
    computed = {
        "num_projects": str(len(election.projects)),
        "num_votes": str(len(election.ballots)),
        "budget": str(election.budget),
        "vote_type": election.vote_type,
    }
    for key in _COMPUTED_META:
        if key in meta and str(meta[key]) != computed[key]:
            raise ValueError(
                f"META {key} is {meta[key]!r} but the election has {computed[key]!r};"
                f" leave {key} out, the export computes it."
            )
    values = {**meta, **computed}
    if outcome is not None and "rule" not in meta:
        values["rule"] = rule_name(outcome)
    needed: tuple[str, ...] = REQUIRED_META
    if election.vote_type == "cumulative":
        needed += ("max_sum_points",)
    missing = [key for key in needed if not str(values.get(key, "")).strip()]
    if missing:
        raise ValueError(f"META needs a value for {', '.join(missing)}.")
    ordered = [(key, str(values[key])) for key in REQUIRED_META]
    return ordered + [
        (key, str(value)) for key, value in meta.items() if key not in REQUIRED_META
    ]


def dumps(
    data: PabulibFile | Election,
    *,
    meta: Mapping[str, str] | None = None,
    outcome: Allocation | None = None,
) -> str:
    """Return ``.pb`` text (LF line endings) for a parsed file or an election.

    A :class:`PabulibFile` is written back with all its columns, so reading
    the result gives the same file again. An :class:`Election` alone is
    written with the minimal columns (``project_id;cost;name`` and
    ``voter_id;vote``, plus ``points`` for cumulative votes). With ``meta``
    it is written as the format asks for publication, so that it passes
    pabulib's own checker (``pabulib-checker``): every key of
    :data:`REQUIRED_META`, the ``votes`` per project (and ``score`` for
    cumulative votes) and, with ``outcome``, ``selected``.

    Parameters
    ----------
    data : PabulibFile or Election
        What to write.
    meta : mapping of str to str, optional
        For an election: the META values (``description``, ``country``,
        ``unit``, ``instance``, ``date_begin`` and ``date_end`` as
        ``DD.MM.YYYY`` or ``YYYY``, and any optional keys such as
        ``currency``; ``max_sum_points`` for cumulative votes);
        ``num_projects``, ``num_votes``, ``budget`` and
        ``vote_type`` are computed, ``rule`` defaults to the outcome's.
    outcome : Allocation, optional
        For an election with ``meta``: the result, written as ``selected``.

    Returns
    -------
    str
        The file contents.

    Raises
    ------
    ValueError
        When ``meta`` lacks a required key or contradicts the election.

    Examples
    --------
    >>> election = Election((Project("1", 6),), (Ballot(frozenset({"1"})),), budget=10)
    >>> loads(dumps(election)).election == election
    True
    >>> meta = {
    ...     "description": "Buurtbudget Oost",
    ...     "country": "Netherlands",
    ...     "unit": "Amsterdam",
    ...     "instance": "2026",
    ...     "rule": "greedy",
    ...     "date_begin": "01.03.2026",
    ...     "date_end": "15.03.2026",
    ... }
    >>> print(dumps(election, meta=meta))  # doctest: +ELLIPSIS
    META
    key;value
    description;Buurtbudget Oost
    ...
    PROJECTS
    project_id;cost;votes;name
    1;6;1;None
    VOTES
    voter_id;vote
    1;1
    <BLANKLINE>
    """
    if isinstance(data, PabulibFile):
        lines = ["META", *_table(("key", "value"), data.meta)]
        lines += ["PROJECTS", *_table(data.project_columns, data.project_rows)]
        lines += ["VOTES", *_table(data.vote_columns, data.vote_rows)]
        return "\n".join(lines) + "\n"
    election = data
    listed = [p.id for p in election.projects]
    votes = dict.fromkeys(listed, 0)
    scores = dict.fromkeys(listed, 0)
    for ballot in election.ballots:
        for project_id in ballot.approved:
            votes[project_id] += 1
        for project_id, points in ballot.points:
            scores[project_id] += points
    cumulative = election.vote_type == "cumulative"
    if meta is None:
        meta_rows = [
            ("num_projects", str(len(election.projects))),
            ("num_votes", str(len(election.ballots))),
            ("budget", str(election.budget)),
            ("vote_type", election.vote_type),
        ]
        project_columns = ["project_id", "cost", "name"]
    else:
        meta_rows = _meta(election, meta, outcome)
        project_columns = ["project_id", "cost", "votes"]
        project_columns += ["score"] if cumulative else []
        project_columns += ["name"]
        project_columns += ["selected"] if outcome is not None else []
    funded = set(outcome.funded) if outcome is not None else set()
    project_rows = []
    for project in election.projects:
        cells = {
            "project_id": project.id,
            "cost": str(project.cost),
            "votes": str(votes[project.id]),
            "score": str(scores[project.id]),
            "name": project.name or "None",
            "selected": "1" if project.id in funded else "0",
        }
        project_rows.append([cells[column] for column in project_columns])
    vote_rows: list[tuple[str, ...]] = []
    for number, ballot in enumerate(election.ballots, 1):
        if cumulative:
            ids = ",".join(pid for pid, _ in ballot.points)
            given = ",".join(str(p) for _, p in ballot.points)
            vote_rows.append((str(number), ids, given))
        elif election.vote_type == "ordinal":
            vote_rows.append((str(number), ",".join(ballot.ranking)))
        else:
            ids = ",".join(pid for pid in listed if pid in ballot.approved)
            vote_rows.append((str(number), ids))
    vote_columns = ["voter_id", "vote"]
    if cumulative:
        vote_columns.append("points")
    lines = ["META", *_table(("key", "value"), meta_rows)]
    lines += ["PROJECTS", *_table(project_columns, project_rows)]
    lines += ["VOTES", *_table(vote_columns, vote_rows)]
    return "\n".join(lines) + "\n"


def write_pabulib(
    data: PabulibFile | Election,
    path: str | os.PathLike[str],
    *,
    meta: Mapping[str, str] | None = None,
    outcome: Allocation | None = None,
) -> None:
    """Write a ``.pb`` file (see :func:`dumps`).

    Parameters
    ----------
    data : PabulibFile or Election
        What to write.
    path : str or Path
        The file to create or replace.
    meta : mapping of str to str, optional
        For an election: the META values (see :func:`dumps`).
    outcome : Allocation, optional
        For an election with ``meta``: the result, written as ``selected``.
    """
    with open(path, "w", encoding="utf-8") as file:
        file.write(dumps(data, meta=meta, outcome=outcome))
