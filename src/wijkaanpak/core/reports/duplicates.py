# SPDX-License-Identifier: EUPL-1.2
"""Suggest the open problem a new report is probably about.

Ten neighbours who report the same overflowing container make one problem,
not ten: the handler fixes it once and all ten hear about it. At intake and in
the back office we therefore suggest the open problems of the same category
near the new report. A person decides; the suggestion only ranks candidates,
nearest first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Candidate", "Suggestion", "distance_in_metres", "suggest_duplicates"]

#: Mean radius of the Earth in metres (IUGG).
EARTH_RADIUS = 6_371_008.8


@dataclass(frozen=True, slots=True)
class Candidate:
    """An open problem that a new report might join.

    Attributes
    ----------
    id : int
        The problem's id.
    category : str
        The category code.
    latitude, longitude : float
        Where it is (WGS84).
    is_open : bool
        False once it is fixed, closed, forwarded or cannot be fixed.
    """

    id: int
    category: str
    latitude: float
    longitude: float
    is_open: bool = True


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate with its distance to the new report, in whole metres."""

    problem_id: int
    distance: int


def distance_in_metres(
    latitude: float, longitude: float, other_latitude: float, other_longitude: float
) -> float:
    """Return the great-circle distance between two points (haversine).

    Parameters
    ----------
    latitude, longitude : float
        The first point, in degrees.
    other_latitude, other_longitude : float
        The second point, in degrees.

    Returns
    -------
    float
        Metres along the Earth's surface.

    Examples
    --------
    >>> round(distance_in_metres(52.0, 5.0, 52.001, 5.0))
    111

    References
    ----------
    .. [1] Sinnott, R. W. (1984). "Virtues of the haversine", *Sky and
       Telescope* 68(2), 159.
    """
    phi1, phi2 = math.radians(latitude), math.radians(other_latitude)
    delta_phi = phi2 - phi1
    delta_lambda = math.radians(other_longitude - longitude)
    half_chord = (
        math.sin(delta_phi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(delta_lambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(half_chord)))


def suggest_duplicates(
    category: str,
    latitude: float,
    longitude: float,
    candidates: Iterable[Candidate],
    *,
    radius: float = 50.0,
    limit: int = 5,
) -> tuple[Suggestion, ...]:
    """Return open problems of the same category within ``radius`` metres.

    Parameters
    ----------
    category : str
        The category of the new report.
    latitude, longitude : float
        Where the new report is.
    candidates : iterable of Candidate
        Problems to consider.
    radius : float
        The largest distance in metres, included.
    limit : int
        At most this many suggestions.

    Returns
    -------
    tuple of Suggestion
        Nearest first; equal distances by problem id, oldest first.

    Examples
    --------
    >>> near = Candidate(1, "paving", 52.0002, 5.0)
    >>> other_kind = Candidate(2, "graffiti", 52.0, 5.0)
    >>> far = Candidate(3, "paving", 52.01, 5.0)
    >>> suggest_duplicates("paving", 52.0, 5.0, [near, other_kind, far])
    (Suggestion(problem_id=1, distance=22),)
    """
    found = []
    for candidate in candidates:
        if not candidate.is_open or candidate.category != category:
            continue
        distance = distance_in_metres(
            latitude, longitude, candidate.latitude, candidate.longitude
        )
        if distance <= radius:
            found.append((distance, candidate.id))
    found.sort()
    return tuple(
        Suggestion(problem_id, round(distance))
        for distance, problem_id in found[:limit]
    )
