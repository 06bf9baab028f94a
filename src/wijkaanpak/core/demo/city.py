# SPDX-License-Identifier: EUPL-1.2
"""Generate the fictional demo city: areas, figures, organisations and people.

Wijkaanpak ships a demo that must look like a real Dutch municipality with a
focus area of the neighbourhood programme (NPLV), yet be clearly invented:
the municipality code ``GM9901`` belongs to no municipality and its name
carries "(fictief)". The generator is seeded, so the demo, screenshots and
tests are the same on every machine; the same seed gives an identical city,
floats included.

Each part draws from its own random stream spawned from the seed, so a
later change to, say, the figures leaves the map of an existing seed as it
was.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np

from wijkaanpak.core.demo.alliance import (
    DemoOrganisation,
    DemoPerson,
    alliance_people,
    demo_organisations,
)
from wijkaanpak.core.demo.figures import (
    AreaProfile,
    DemoFigure,
    deprivation_levels,
    national_sample_profiles,
    neighbourhood_figures,
)
from wijkaanpak.core.demo.geometry import (
    Ring,
    Tiling,
    grow_cluster,
    grow_regions,
    outline_ring,
    polygon_geometry,
    tile_city,
)
from wijkaanpak.core.demo.names import (
    city_name,
    compass_name,
    district_names,
    neighbourhood_names,
)
from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "FOCUS_START_YEAR",
    "MUNICIPALITY_NUMBER",
    "DemoCity",
    "DemoDistrict",
    "DemoFocusArea",
    "DemoMunicipality",
    "DemoNeighbourhood",
    "generate_city",
]

#: The four digits of the fictional municipality code; no municipality has them.
MUNICIPALITY_NUMBER = "9901"
#: The year the demo focus area starts.
FOCUS_START_YEAR = 2022

_MIN_NEIGHBOURHOODS = 12
_MAX_NEIGHBOURHOODS = 200
_MAX_DISTRICTS = 21
# Codes leave two digits per district; 50 on average leaves room to spare.
_MAX_PER_DISTRICT = 50


@dataclass(frozen=True, slots=True)
class DemoMunicipality:
    """The fictional municipality (*gemeente*).

    Attributes
    ----------
    code : str
        ``GM9901``.
    name : str
        An invented name labelled as fictional, for example "Havenstad (fictief)".
    """

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class DemoDistrict:
    """A district (*wijk*): contiguous neighbourhoods.

    Attributes
    ----------
    code : str
        ``WK9901`` plus two digits.
    name : str
        An invented name; the central district is "Centrum".
    """

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class DemoNeighbourhood:
    """A neighbourhood (*buurt*) with its boundary.

    Attributes
    ----------
    code : str
        ``BU`` plus the district's six digits and two more.
    name : str
        An invented name, unique in the city.
    district_code : str
        The code of the district it lies in.
    rings : tuple of Ring
        Exterior ring first (counter-clockwise, closed) then holes, as
        longitude and latitude in WGS84 with six decimals. Neighbours use
        identical vertices for their common edges.
    """

    code: str
    name: str
    district_code: str
    rings: tuple[Ring, ...]

    def geometry(self) -> dict[str, object]:
        """Return the boundary as a GeoJSON Polygon geometry.

        Returns
        -------
        dict
            ``{"type": "Polygon", "coordinates": [...]}``.

        Examples
        --------
        >>> ring = ((5.3, 51.9), (5.31, 51.9), (5.31, 51.91), (5.3, 51.9))
        >>> area = DemoNeighbourhood("BU99010000", "Molenhoek", "WK990100", (ring,))
        >>> area.geometry()["type"]
        'Polygon'
        """
        return polygon_geometry(self.rings)


@dataclass(frozen=True, slots=True)
class DemoFocusArea:
    """The focus area (*focusgebied*): contiguous neighbourhoods where problems stack.

    Attributes
    ----------
    name : str
        For example "Havenstad Zuid".
    neighbourhood_codes : tuple of str
        The neighbourhoods, sorted by code.
    start_year : int
        The year the programme starts.
    director_key : str
        The key of the programme director among the people.
    description : str
        One paragraph for the demo's front page.
    """

    name: str
    neighbourhood_codes: tuple[str, ...]
    start_year: int
    director_key: str
    description: str


@dataclass(frozen=True, slots=True)
class DemoCity:
    """The whole fictional city, as plain data for the demo loader.

    Attributes
    ----------
    municipality : DemoMunicipality
        The municipality.
    districts : tuple of DemoDistrict
        Sorted by code.
    neighbourhoods : tuple of DemoNeighbourhood
        Sorted by code.
    figures : tuple of DemoFigure
        Per neighbourhood, year and variable one figure.
    organisations : tuple of DemoOrganisation
        The partners of the programme.
    people : tuple of DemoPerson
        The logins of the demo, one per role at least.
    focus_area : DemoFocusArea
        The focus area.
    boundary_year : int
        The year of the area boundaries (the last year of figures).
    seed : int
        The seed the city was generated from.
    national_sample : tuple of DemoFigure
        Figures of a sample of ordinary neighbourhoods across a fictional
        country (codes ``NL-SAMPLE-…``), from which the loader computes the
        national reference; they are not areas of the city.
    """

    municipality: DemoMunicipality
    districts: tuple[DemoDistrict, ...]
    neighbourhoods: tuple[DemoNeighbourhood, ...]
    figures: tuple[DemoFigure, ...]
    organisations: tuple[DemoOrganisation, ...]
    people: tuple[DemoPerson, ...]
    focus_area: DemoFocusArea
    boundary_year: int
    seed: int
    national_sample: tuple[DemoFigure, ...] = ()

    def outline(self) -> dict[str, object]:
        """Return the city's outline as a GeoJSON Polygon geometry.

        The outline is the outer boundary of the neighbourhoods, so it uses
        their vertices exactly.

        Returns
        -------
        dict
            ``{"type": "Polygon", "coordinates": [...]}``.

        Examples
        --------
        >>> city = generate_city(seed=3, neighbourhoods=12, districts=2)
        >>> outline = city.outline()
        >>> (
        ...     outline["type"],
        ...     outline["coordinates"][0][0] == outline["coordinates"][0][-1],
        ... )
        ('Polygon', True)
        """
        return polygon_geometry(
            (outline_ring([item.rings for item in self.neighbourhoods]),)
        )


def _check_arguments(
    neighbourhoods: int, districts: int, first_year: int, last_year: int
) -> None:
    if not _MIN_NEIGHBOURHOODS <= neighbourhoods <= _MAX_NEIGHBOURHOODS:
        raise WijkaanpakError(
            f"The demo city has between {_MIN_NEIGHBOURHOODS} and "
            f"{_MAX_NEIGHBOURHOODS} neighbourhoods; {neighbourhoods} was asked for."
        )
    most = min(_MAX_DISTRICTS, neighbourhoods)
    if not 1 <= districts <= most:
        raise WijkaanpakError(
            f"The demo city has between 1 and {most} "
            f"districts for {neighbourhoods} neighbourhoods; {districts} was asked for."
        )
    if neighbourhoods > _MAX_PER_DISTRICT * districts:
        raise WijkaanpakError(
            f"The demo city has at most {_MAX_PER_DISTRICT} neighbourhoods per "
            f"district on average; ask for at least "
            f"{math.ceil(neighbourhoods / _MAX_PER_DISTRICT)} districts."
        )
    if not first_year <= FOCUS_START_YEAR <= last_year:
        raise WijkaanpakError(
            f"The years {first_year} to {last_year} must include {FOCUS_START_YEAR}, "
            "the year the demo focus area starts."
        )


def _focus_cells(tiling: Tiling, *, rng: np.random.Generator) -> tuple[int, ...]:
    # Like Rotterdam Zuid: off-centre, in the southern half of the city.
    count = len(tiling.rings)
    size = min(int(rng.integers(6, 11)), count // 2)
    candidates = [
        cell
        for cell, (x, y) in enumerate(tiling.centres)
        if y < 0 and 0.3 <= math.hypot(x, y) / tiling.radius <= 0.7
    ]
    if not candidates:
        candidates = list(range(count))
    ranked = sorted(candidates)
    for offset in range(len(ranked)):
        start = ranked[(int(rng.integers(len(ranked))) + offset) % len(ranked)]
        cluster = grow_cluster(tiling.adjacency, tiling.centres, start, size)
        if len(cluster) == size:
            return cluster
    raise WijkaanpakError("The demo city has no room for a focus area.")


def _distance(tiling: Tiling, cell: int) -> float:
    x, y = tiling.centres[cell]
    return math.hypot(x, y)


def _pocket_and_sparse_cells(
    tiling: Tiling, focus: frozenset[int], *, rng: np.random.Generator
) -> tuple[frozenset[int], frozenset[int]]:
    near_focus = focus | {n for cell in focus for n in tiling.adjacency[cell]}
    central = min(range(len(tiling.rings)), key=lambda cell: _distance(tiling, cell))
    free = [
        cell
        for cell in range(len(tiling.rings))
        if cell not in near_focus and cell != central
    ]
    outskirts = sorted(free, key=lambda cell: -_distance(tiling, cell))
    sparse_count = 2 if len(tiling.rings) >= 30 else 1
    sparse = frozenset(outskirts[:sparse_count])
    rest = [cell for cell in free if cell not in sparse]
    pocket_count = min(3, len(rest))
    pockets: set[int] = set()
    for cell in rng.permutation(rest):
        if len(pockets) == pocket_count:
            break
        if not pockets.intersection(tiling.adjacency[int(cell)]):
            pockets.add(int(cell))
    return frozenset(pockets), sparse


def _neighbourhood_codes(
    tiling: Tiling, region_of: tuple[int, ...], districts: int, municipality: str
) -> dict[int, str]:
    """Return each cell's code: districts clockwise from north, cells from the core."""
    members_of: dict[int, list[int]] = {region: [] for region in range(districts)}
    for cell, region in enumerate(region_of):
        members_of[region].append(cell)
    mean_centre = {
        region: (
            sum(tiling.centres[cell][0] for cell in members) / len(members),
            sum(tiling.centres[cell][1] for cell in members) / len(members),
        )
        for region, members in members_of.items()
    }
    # District 00 is the central one (grow_regions starts it at the centre).
    order = [
        0,
        *sorted(
            range(1, districts),
            key=lambda region: (
                math.atan2(mean_centre[region][0], mean_centre[region][1])
                % (2 * math.pi)
            ),
        ),
    ]
    code_of: dict[int, str] = {}
    for number, region in enumerate(order):
        members = members_of[region]
        core = min(members, key=lambda cell: (_distance(tiling, cell), cell))
        ranked = sorted(
            members,
            key=lambda cell: (
                math.dist(tiling.centres[cell], tiling.centres[core]),
                cell,
            ),
        )
        if len(ranked) > 100:
            raise WijkaanpakError(
                "A district got more than 100 neighbourhoods; ask for more districts."
            )
        for position, cell in enumerate(ranked):
            code_of[cell] = f"BU{municipality}{number:02d}{position:02d}"
    return code_of


def generate_city(
    *,
    seed: int = 2026,
    neighbourhoods: int = 60,
    districts: int = 10,
    first_year: int = 2019,
    last_year: int = 2024,
    number: str = MUNICIPALITY_NUMBER,
    with_national_sample: bool = True,
) -> DemoCity:
    """Generate the fictional demo city.

    Parameters
    ----------
    seed : int
        The seed; the same seed gives an identical city.
    neighbourhoods : int
        The number of neighbourhoods, 12 to 200.
    districts : int
        The number of districts, 1 to 21, at most the number of
        neighbourhoods and at least one per 50 neighbourhoods.
    first_year, last_year : int
        The years of figures; they must include 2022, when the focus area starts.
    number : str
        The four digits of the municipality code; another fictional number
        (99xx) gives a second demo municipality beside the first.
    with_national_sample : bool
        Generate the sample behind the national reference; a second
        municipality of the same demo can leave it out.

    Returns
    -------
    DemoCity
        Areas with boundaries, yearly figures, organisations, people and the
        focus area.

    Raises
    ------
    WijkaanpakError
        If an argument is out of range.

    Examples
    --------
    >>> city = generate_city(seed=1, neighbourhoods=20, districts=4)
    >>> city.municipality.code, len(city.neighbourhoods), len(city.districts)
    ('GM9901', 20, 4)
    >>> city.neighbourhoods[0].code
    'BU99010000'
    >>> city == generate_city(seed=1, neighbourhoods=20, districts=4)
    True

    References
    ----------
    CBS, *Kerncijfers wijken en buurten* (codes and variables of the areas);
    Nationaal Programma Leefbaarheid en Veiligheid (NPLV), the focus areas the
    demo imitates.
    """
    _check_arguments(neighbourhoods, districts, first_year, last_year)
    if not (len(number) == 4 and number.isdigit() and number.startswith("99")):
        raise WijkaanpakError(
            f"A demo municipality number has four digits starting with 99 (no "
            f"real municipality has them); {number!r} was asked for."
        )
    # Children of a SeedSequence do not depend on how many are spawned, so a
    # stream added at the end leaves the earlier parts of the city unchanged.
    streams = np.random.SeedSequence(seed).spawn(5)
    geometry_stream, figure_stream, name_stream, people_stream, sample_stream = streams
    geometry_rng = np.random.default_rng(geometry_stream)
    figure_rng = np.random.default_rng(figure_stream)
    name_rng = random.Random(int(name_stream.generate_state(1)[0]))  # noqa: S311
    people_rng = random.Random(int(people_stream.generate_state(1)[0]))  # noqa: S311

    tiling = tile_city(neighbourhoods, rng=geometry_rng)
    region_of = grow_regions(
        tiling.adjacency, tiling.centres, districts, rng=geometry_rng
    )
    focus = frozenset(_focus_cells(tiling, rng=geometry_rng))
    pockets, sparse = _pocket_and_sparse_cells(tiling, focus, rng=geometry_rng)

    city = city_name(rng=name_rng)
    district_labels = district_names(districts, rng=name_rng)
    labels = neighbourhood_names(
        neighbourhoods, rng=name_rng, avoid=frozenset(district_labels)
    )

    prefix = number
    code_of = _neighbourhood_codes(tiling, region_of, districts, number)
    cells = sorted(range(neighbourhoods), key=code_of.__getitem__)

    district_items = tuple(
        DemoDistrict(code=f"WK{prefix}{number:02d}", name=district_labels[number])
        for number in range(districts)
    )
    neighbourhood_items = tuple(
        DemoNeighbourhood(
            code=code_of[cell],
            name=labels[position],
            district_code="WK" + code_of[cell][2:8],
            rings=tiling.rings[cell],
        )
        for position, cell in enumerate(cells)
    )

    levels = deprivation_levels(
        tiling.centres,
        tiling.adjacency,
        tiling.radius,
        focus=focus,
        pockets=pockets,
        rng=figure_rng,
    )
    profiles = [
        AreaProfile(
            code=code_of[cell],
            deprivation=levels[cell],
            centrality=math.exp(
                -((_distance(tiling, cell) / (0.45 * tiling.radius)) ** 2)
            ),
            in_focus=cell in focus,
            sparse=cell in sparse,
        )
        for cell in cells
    ]
    figures = neighbourhood_figures(
        profiles,
        first_year=first_year,
        last_year=last_year,
        focus_start=FOCUS_START_YEAR,
        rng=figure_rng,
    )

    plain_name = city.removesuffix(" (fictief)")
    focus_x = float(np.mean([tiling.centres[cell][0] for cell in focus]))
    focus_y = float(np.mean([tiling.centres[cell][1] for cell in focus]))
    focus_name = f"{plain_name} {compass_name(focus_x, focus_y)}"
    people = alliance_people(rng=people_rng)
    focus_area = DemoFocusArea(
        name=focus_name,
        neighbourhood_codes=tuple(sorted(code_of[cell] for cell in focus)),
        start_year=FOCUS_START_YEAR,
        director_key=people[0].key,
        # Shown to residents on the public page, so in plain Dutch (B1).
        description=(
            f"{focus_name} is een verzonnen focusgebied in de verzonnen gemeente "
            f"{city}. In de {len(focus)} buurten komen problemen samen: weinig "
            "inkomen, veel uitkeringen, jeugdzorg, criminaliteit en een slechte "
            "woonomgeving. Bewoners, de gemeente en partners werken hier samen aan "
            f"een betere wijk. De gegevens zijn gemaakt voor de demo (seed {seed})."
        ),
    )
    return DemoCity(
        municipality=DemoMunicipality(code=f"GM{prefix}", name=city),
        districts=district_items,
        neighbourhoods=neighbourhood_items,
        figures=figures,
        organisations=demo_organisations(plain_name, focus_name),
        people=people,
        focus_area=focus_area,
        boundary_year=last_year,
        seed=seed,
        national_sample=(
            _national_sample(first_year, last_year, sample_stream)
            if with_national_sample
            else ()
        ),
    )


#: Neighbourhoods in the sample behind the demo's national reference.
_NATIONAL_SAMPLE = 400


def _national_sample(
    first_year: int, last_year: int, stream: np.random.SeedSequence
) -> tuple[DemoFigure, ...]:
    rng = np.random.default_rng(stream)
    return neighbourhood_figures(
        national_sample_profiles(_NATIONAL_SAMPLE, rng=rng),
        first_year=first_year,
        last_year=last_year,
        focus_start=FOCUS_START_YEAR,
        rng=rng,
    )
