# SPDX-License-Identifier: EUPL-1.2
"""Generate yearly neighbourhood figures in which the problems stack.

The demo must show what the neighbourhood programme is about: in a few
adjacent neighbourhoods low income, benefits, youth care, crime and a poor
living environment come together. Each neighbourhood therefore gets one
latent deprivation level, spatially smooth and highest in the future focus
area; every figure is that level mapped to a realistic range plus a little
noise. The variables carry the canonical identifiers (the lowercase short
codes of CBS *Kerncijfers wijken en buurten*), counts are rounded to
multiples of 5 and percentages to whole numbers as CBS publishes them, and
income figures of neighbourhoods with fewer than 200 households are secret
(``None``). As in the CBS importer, ``p_hh_li`` is the share of households
among the 40 per cent lowest incomes of the country (about 40 on average)
and ``p_hh_lkk`` the share below the low-income threshold (about 8). The
variables cover everything the default indicator catalogue reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wijkaanpak.core.demo.geometry import Point

__all__ = [
    "SECRET_BELOW_HOUSEHOLDS",
    "VARIABLES",
    "AreaProfile",
    "DemoFigure",
    "deprivation_levels",
    "national_sample_profiles",
    "neighbourhood_figures",
]

#: The variables of the demo, in the order figures are listed.
VARIABLES: tuple[str, ...] = (
    "a_inw",
    "a_00_14",
    "a_15_24",
    "a_25_44",
    "a_45_64",
    "a_65_oo",
    "a_hh",
    "p_hh_li",
    "p_hh_lkk",
    "p_hh_osm",
    "g_ink_pi",
    "a_soz_wb",
    "a_soz_ao",
    "a_soz_ww",
    "p_arb_pp",
    "p_jz_tn",
    "p_wcorpw",
    "p_koopw",
    "p_leegsw",
    "a_woning",
    "g_wozbag",
    "crime_total",
    "crime_high_impact",
    "lbm_score",
)
#: CBS keeps income shares secret below this number of households.
SECRET_BELOW_HOUSEHOLDS = 200

_AGE_GROUPS = ("a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo")
_INCOME = ("p_hh_li", "p_hh_lkk", "p_hh_osm", "g_ink_pi")
_SOMETIMES_MISSING = ("p_arb_pp", "p_jz_tn", "g_wozbag")
_MISSING_CHANCE = 0.01
_PANDEMIC = {2020: 1.3, 2021: 1.1}


@dataclass(frozen=True, slots=True)
class DemoFigure:
    """One figure of one neighbourhood in one year.

    Attributes
    ----------
    neighbourhood_code : str
        The CBS-style code, ``BU99010000``.
    year : int
        The year the figure describes.
    variable : str
        The canonical identifier, for example ``p_hh_li``.
    value : float or None
        The value; ``None`` where CBS would publish a secret or missing value.
    """

    neighbourhood_code: str
    year: int
    variable: str
    value: float | None


@dataclass(frozen=True, slots=True)
class AreaProfile:
    """What drives the figures of one neighbourhood.

    Attributes
    ----------
    code : str
        The neighbourhood code.
    deprivation : float
        The latent level: about 0 for an ordinary neighbourhood, about 1 in
        the focus area, negative where things go well.
    centrality : float
        1 at the city centre, falling to 0 at the outskirts.
    in_focus : bool
        Whether the neighbourhood belongs to the focus area, which improves
        after the programme starts.
    sparse : bool
        Whether few people live there (a business park or harbour).
    """

    code: str
    deprivation: float
    centrality: float
    in_focus: bool
    sparse: bool


def deprivation_levels(
    centres: Sequence[Point],
    adjacency: Sequence[Sequence[int]],
    radius: float,
    *,
    focus: frozenset[int],
    pockets: frozenset[int],
    rng: np.random.Generator,
) -> tuple[float, ...]:
    """Return a spatially correlated deprivation level per neighbourhood.

    Ordinary neighbourhoods follow the Dutch pattern: a prosperous centre, a
    post-war ring that does somewhat worse and green outskirts that do well,
    plus a smooth random field. The focus area scores about 1, its bordering
    neighbourhoods about 0.45, and the pockets about 0.55.

    Parameters
    ----------
    centres : sequence of Point
        Per neighbourhood its centre, in kilometres from the city centre.
    adjacency : sequence of sequence of int
        Per neighbourhood its neighbours.
    radius : float
        The mean city radius in kilometres.
    focus : frozenset of int
        The neighbourhoods of the future focus area.
    pockets : frozenset of int
        Neighbourhoods elsewhere that do moderately worse.
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    tuple of float
        Per neighbourhood its level.

    Examples
    --------
    >>> import numpy as np
    >>> centres = [(0.0, 0.0), (3.0, 0.0), (4.0, 0.0), (6.0, 0.0)]
    >>> line = [(1,), (0, 2), (1, 3), (2,)]
    >>> levels = deprivation_levels(
    ...     centres,
    ...     line,
    ...     6.0,
    ...     focus=frozenset({2}),
    ...     pockets=frozenset(),
    ...     rng=np.random.default_rng(0),
    ... )
    >>> max(range(4), key=levels.__getitem__)
    2
    """
    xy = np.asarray(centres, dtype=np.float64)
    distance = np.hypot(xy[:, 0], xy[:, 1]) / radius
    level = 0.15 - 0.45 * np.exp(-((distance / 0.3) ** 2))
    level -= 0.4 * np.clip((distance - 0.7) / 0.4, 0.0, 1.0)
    for _ in range(4):
        bump = rng.uniform(-0.6, 0.6, size=2) * radius
        height = rng.uniform(-0.18, 0.18)
        spread = rng.uniform(0.25, 0.45) * radius
        level += height * np.exp(
            -((xy[:, 0] - bump[0]) ** 2 + (xy[:, 1] - bump[1]) ** 2) / spread**2
        )
    level += rng.normal(0.0, 0.06, size=len(xy))
    bordering_focus = {n for cell in focus for n in adjacency[cell]} - focus
    bordering_pockets = {n for cell in pockets for n in adjacency[cell]} - pockets
    for cell in range(len(xy)):
        if cell in focus:
            level[cell] = 1.0 + rng.normal(0.0, 0.08)
        elif cell in pockets:
            level[cell] = max(level[cell], 0.55 + rng.normal(0.0, 0.05))
        elif cell in bordering_focus:
            level[cell] = max(level[cell], 0.45 + rng.normal(0.0, 0.05))
        elif cell in bordering_pockets:
            level[cell] = max(level[cell], 0.25)
    return tuple(float(value) for value in level)


def _clip(value: float, low: float, high: float) -> float:
    return float(min(max(value, low), high))


def _round5(value: float) -> int:
    return int(5 * round(value / 5))


def _as_float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _age_counts(inhabitants: int, shares: np.ndarray) -> list[int]:
    counts = [_round5(inhabitants * share) for share in shares]
    # Rounding each group to 5 may leave a remainder; the largest group takes
    # it, so the groups still add up to the number of inhabitants.
    largest = int(np.argmax(counts))
    counts[largest] += inhabitants - sum(counts)
    return counts


def _base_population(profile: AreaProfile, rng: np.random.Generator) -> float:
    if profile.sparse:
        return float(rng.uniform(505.0, 540.0))
    median = 3450.0 + 1200.0 * profile.centrality + 900.0 * max(profile.deprivation, 0)
    return float(_clip(median * math.exp(rng.normal(0.0, 0.35)), 900.0, 8800.0))


def neighbourhood_figures(
    profiles: Sequence[AreaProfile],
    *,
    first_year: int,
    last_year: int,
    focus_start: int,
    rng: np.random.Generator,
) -> tuple[DemoFigure, ...]:
    """Generate the figures of every neighbourhood for every year.

    Parameters
    ----------
    profiles : sequence of AreaProfile
        One per neighbourhood, in the order the figures are listed.
    first_year, last_year : int
        The years to cover, both included.
    focus_start : int
        The year the programme starts; the focus area improves slightly in
        the years after it.
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    tuple of DemoFigure
        Per neighbourhood, year and variable of :data:`VARIABLES` one figure.

    Examples
    --------
    >>> import numpy as np
    >>> profile = AreaProfile("BU99010000", 0.0, 0.5, False, False)
    >>> figures = neighbourhood_figures(
    ...     [profile],
    ...     first_year=2023,
    ...     last_year=2024,
    ...     focus_start=2022,
    ...     rng=np.random.default_rng(0),
    ... )
    >>> len(figures), figures[0].variable
    (48, 'a_inw')

    References
    ----------
    CBS, *Kerncijfers wijken en buurten*, toelichting op de variabelen (the
    short codes, the rounding to multiples of 5 and the secrecy rules);
    Leefbaarometer 3.0 (the scale of ``lbm_score``).
    """
    figures: list[DemoFigure] = []
    for profile in profiles:
        population = _base_population(profile, rng)
        growth = rng.normal(0.006, 0.004)
        drift = 0.0
        household_size = float(
            _clip(
                2.15
                + 0.25 * profile.deprivation
                - 0.45 * profile.centrality
                + rng.normal(0.0, 0.08),
                1.45,
                2.9,
            )
        )
        if profile.sparse:
            household_size = float(rng.uniform(2.9, 3.1))
            growth = 0.0
        # The housing stock changes slowly, so it follows the initial level.
        housing_stock = float(
            28 + 35 * profile.deprivation - 8 * profile.centrality + rng.normal(0, 2.5)
        )
        rental = float(_clip(12 + 14 * profile.centrality + rng.normal(0, 3), 3, 40))
        dwellings_per_household = float(rng.uniform(1.01, 1.05))
        for year in range(first_year, last_year + 1):
            drift += float(rng.normal(0.0, 0.02))
            level = profile.deprivation + drift
            if profile.in_focus:
                level -= 0.08 * max(0, year - focus_start)
            centre = profile.centrality
            inhabitants = int(
                _clip(
                    _round5(population * (1 + growth) ** (year - first_year)), 500, 9000
                )
            )
            shares = np.array([0.16, 0.12, 0.27, 0.26, 0.19])
            shares += np.array([0.04, 0.01, 0.0, -0.02, -0.03]) * level
            shares += np.array([-0.05, 0.06, 0.06, -0.03, -0.04]) * centre
            shares = np.clip(shares * np.exp(rng.normal(0.0, 0.03, size=5)), 0.02, None)
            ages = _age_counts(inhabitants, shares / shares.sum())
            households = _round5(inhabitants / household_size)
            lowest_forty = _clip(40 + 22 * level + rng.normal(0, 1.5), 10, 85)
            low_income = _clip(8 + 9 * level + rng.normal(0, 0.8), 2, 35)
            social_minimum = float(_clip(0.75 * low_income + rng.normal(0, 0.5), 1, 30))
            benefits_rate = float(_clip(0.022 + 0.05 * level, 0.004, 0.15))
            corporation = float(_clip(housing_stock + rng.normal(0, 0.7), 2, 90))
            values: dict[str, float | None] = {
                "a_inw": inhabitants,
                **dict(zip(_AGE_GROUPS, ages, strict=True)),
                "a_hh": households,
                "p_hh_li": round(lowest_forty),
                "p_hh_lkk": round(low_income),
                "p_hh_osm": round(social_minimum),
                "g_ink_pi": round(
                    _clip(
                        30
                        * math.exp(-0.3 * level)
                        * (1 + 0.1 * centre)
                        * 1.03 ** (year - 2019)
                        * math.exp(rng.normal(0, 0.03)),
                        12,
                        70,
                    ),
                    1,
                ),
                "a_soz_wb": _round5(
                    inhabitants * benefits_rate * math.exp(rng.normal(0, 0.08))
                ),
                "a_soz_ao": _round5(
                    inhabitants
                    * _clip(0.045 + 0.03 * level, 0.01, 0.12)
                    * math.exp(rng.normal(0, 0.08))
                ),
                # Unemployment benefits rose in the first pandemic years.
                "a_soz_ww": _round5(
                    inhabitants
                    * _clip(0.012 + 0.01 * level, 0.002, 0.05)
                    * _PANDEMIC.get(year, 1.0)
                    * math.exp(rng.normal(0, 0.1))
                ),
                "p_arb_pp": round(
                    float(_clip(69 - 10 * level + rng.normal(0, 1.2), 40, 82))
                ),
                "p_jz_tn": round(
                    float(_clip(10 + 6 * level + rng.normal(0, 0.8), 3, 25))
                ),
                "p_wcorpw": round(corporation),
                "p_koopw": round(max(0.0, 100 - corporation - rental)),
                "p_leegsw": round(
                    _clip(4 + 2 * level + 3 * centre + rng.normal(0, 0.8), 0, 20)
                ),
                "a_woning": _round5(households * dwellings_per_household),
                "g_wozbag": round(
                    300
                    * math.exp(-0.35 * level)
                    * (1 + 0.25 * centre)
                    * 1.065 ** (year - 2019)
                    * math.exp(rng.normal(0, 0.03))
                ),
                "crime_total": int(
                    rng.poisson(inhabitants / 1000 * (48 + 32 * level + 60 * centre**2))
                ),
                "crime_high_impact": int(
                    rng.poisson(inhabitants / 1000 * (5 + 5 * level + 4 * centre**2))
                ),
                "lbm_score": round(
                    float(_clip(4.2 - 0.18 * level + rng.normal(0, 0.02), 3.7, 4.6)),
                    2,
                ),
            }
            if households < SECRET_BELOW_HOUSEHOLDS:
                for variable in _INCOME:
                    values[variable] = None
            for variable in _SOMETIMES_MISSING:
                if rng.random() < _MISSING_CHANCE:
                    values[variable] = None
            figures.extend(
                DemoFigure(profile.code, year, variable, _as_float(values[variable]))
                for variable in VARIABLES
            )
    return tuple(figures)


def national_sample_profiles(
    count: int, *, rng: np.random.Generator
) -> tuple[AreaProfile, ...]:
    """Profiles of ordinary neighbourhoods across the country, for a reference.

    The demo compares its city with "the country". A real country has no
    place in a fictional data set, so the generator draws a sample of ordinary
    neighbourhoods (deprivation around 0, the level its formulas treat as the
    national average; every degree of urbanity) whose figures give the national
    level and spread, through the same code as the city's figures.

    Parameters
    ----------
    count : int
        Neighbourhoods in the sample.
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    tuple of AreaProfile
        Codes ``NL-SAMPLE-0001`` and on; none is in a focus area or sparse.

    Examples
    --------
    >>> import numpy as np
    >>> sample = national_sample_profiles(3, rng=np.random.default_rng(0))
    >>> [profile.code for profile in sample]
    ['NL-SAMPLE-0001', 'NL-SAMPLE-0002', 'NL-SAMPLE-0003']
    """
    # Clipped to the range the formulas are made for (as in a real city).
    deprivation = np.clip(rng.normal(0.0, 0.3, size=count), -0.75, 1.1)
    centrality = rng.uniform(0.0, 1.0, size=count)
    return tuple(
        AreaProfile(
            code=f"NL-SAMPLE-{number + 1:04d}",
            deprivation=float(deprivation[number]),
            centrality=float(centrality[number]),
            in_focus=False,
            sparse=False,
        )
        for number in range(count)
    )
