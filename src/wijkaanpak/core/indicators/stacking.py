# SPDX-License-Identifier: EUPL-1.2
"""Stacking of problems: where do problems pile up, relatively and in people.

A focus area is chosen where problems stack. This module standardises each
indicator against a reference (the country or the city), so that ``+1`` means one
reference spread worse than the reference level, averages the deviations per
national theme and over the themes, and sorts the result into nine classes like
the Leefbaarometer (class 1, red, far more problems than the reference; class 9,
green, far fewer). It also counts people: the nominal view multiplies a rate by
its denominator, so a small neighbourhood with an extreme rate does not hide a
large one with many people affected.

Small neighbourhoods are treated robustly: rates are shrunk towards the
reference with an empirical-Bayes weight (Marshall 1991), and deviations of
neighbourhoods under a population floor are damped in proportion to their size.
Missing values are left out: a theme score is the mean of the deviations present
and comes with a coverage count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.indicators.catalogue import THEMES, IndicatorValues

__all__ = [
    "CLASS_COLOURS",
    "CLASS_CUTS",
    "CLASS_LABELS",
    "Reference",
    "Stacking",
    "classify_scores",
    "combine_areas",
    "reference_of",
    "stack_indicators",
]

#: Cut points on the combined score (reference spreads, higher is worse). A score
#: above 2.0 is class 1, between 1.25 and 2.0 class 2, … below -2.0 class 9;
#: the middle class 5 holds scores within a quarter spread of the reference.
CLASS_CUTS: tuple[float, ...] = (2.0, 1.25, 0.75, 0.25, -0.25, -0.75, -1.25, -2.0)

#: Colour per class 1..9, red through yellow to green (ColorBrewer RdYlGn-9,
#: lightness rising towards the middle on both sides, so the order stays
#: readable in grey and for most colour-blind readers; maps also print the class
#: number).
CLASS_COLOURS: tuple[str, ...] = (
    "#a50026",
    "#d73027",
    "#f46d43",
    "#fdae61",
    "#ffffbf",
    "#a6d96a",
    "#66bd63",
    "#1a9850",
    "#006837",
)

#: Labels per class 1..9.
CLASS_LABELS: tuple[str, ...] = (
    "far more problems than the reference",
    "much more problems",
    "more problems",
    "somewhat more problems",
    "around the reference",
    "somewhat fewer problems",
    "fewer problems",
    "much fewer problems",
    "far fewer problems than the reference",
)


@dataclass(frozen=True, slots=True)
class Reference:
    """Level and spread of each indicator in a reference population.

    Attributes
    ----------
    name : str
        What the reference is (``"Utrecht"``, ``"Nederland"``).
    level : tuple of float
        Reference value per indicator (``nan`` if unknown).
    spread : tuple of float
        Spread between neighbourhoods per indicator (a standard deviation).
    """

    name: str
    level: tuple[float, ...]
    spread: tuple[float, ...]


def reference_of(
    values: IndicatorValues,
    population: NDArray[np.float64],
    *,
    name: str,
    members: NDArray[np.bool_] | None = None,
    level: Sequence[float | None] | None = None,
) -> Reference:
    """Compute a reference from the neighbourhoods of a city or the country.

    Parameters
    ----------
    values : IndicatorValues
        Indicator values per neighbourhood.
    population : numpy.ndarray
        Inhabitants per neighbourhood (weights).
    name : str
        Name of the reference.
    members : numpy.ndarray of bool, optional
        Which rows belong to the reference; all when omitted.
    level : sequence of float or None, optional
        Known reference levels (for example the municipality's own row in the
        CBS file); ``None`` entries fall back to the weighted mean.

    Returns
    -------
    Reference
        Denominator-weighted mean and weighted standard deviation per indicator.

    Examples
    --------
    >>> import numpy as np
    >>> from wijkaanpak.core.indicators.catalogue import (
    ...     Indicator,
    ...     IndicatorValues,
    ...     parse_formula,
    ... )
    >>> low = Indicator(
    ...     "low",
    ...     "Low income",
    ...     "Laag inkomen",
    ...     "perspective",
    ...     "%",
    ...     "higher_is_worse",
    ...     parse_formula("p"),
    ...     parse_formula("hh"),
    ...     100,
    ... )
    >>> table = IndicatorValues(
    ...     (low,), np.array([[10.0], [20.0]]), np.array([[100.0], [100.0]])
    ... )
    >>> reference_of(table, np.array([200.0, 200.0]), name="city")
    Reference(name='city', level=(15.0,), spread=(5.0,))

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques*, 3rd ed., Wiley (weighted means).
    """
    data = values.values
    rows = np.ones(data.shape[0], dtype=bool) if members is None else members
    weights = np.where(
        np.isnan(values.denominators), population[:, None], values.denominators
    )
    weights = np.where(rows[:, None] & ~np.isnan(data) & (weights > 0), weights, 0.0)
    total = weights.sum(axis=0)
    filled = np.nan_to_num(data)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (weights * filled).sum(axis=0) / total
        variance = (weights * (filled - mean) ** 2).sum(axis=0) / total
    given = list(level) if level is not None else [None] * data.shape[1]
    levels = tuple(
        float(mean[column]) if given[column] is None else float(given[column] or 0.0)
        for column in range(data.shape[1])
    )
    spread = tuple(float(value) for value in np.sqrt(variance))
    return Reference(name=name, level=levels, spread=spread)


@dataclass(frozen=True, slots=True)
class Stacking:
    """The stacking of problems per neighbourhood against one reference.

    Attributes
    ----------
    reference : str
        Name of the reference.
    deviations : numpy.ndarray
        Shape ``(areas, indicators)``: standardised deviation, positive is worse
        (``nan`` where missing or for context indicators).
    theme_scores : numpy.ndarray
        Shape ``(areas, 3)`` in the order of ``THEMES``: mean deviation present.
    theme_coverage : numpy.ndarray
        Shape ``(areas, 3)``: number of indicators behind each theme score.
    score : numpy.ndarray
        Combined score: the mean of the theme scores present (0 if none).
    classes : numpy.ndarray
        Class 1 (far more problems) to 9 (far fewer), see ``CLASS_CUTS``.
    affected : numpy.ndarray
        Shape ``(areas, indicators)``: people or households the rate counts
        (value / scale * denominator); ``nan`` without a denominator.
    excess : numpy.ndarray
        Same shape: the affected above the reference rate (at least 0).
    mass : numpy.ndarray
        Problem mass per area: ``max(0, score) * population``.
    """

    reference: str
    deviations: NDArray[np.float64]
    theme_scores: NDArray[np.float64]
    theme_coverage: NDArray[np.int64]
    score: NDArray[np.float64]
    classes: NDArray[np.int64]
    affected: NDArray[np.float64]
    excess: NDArray[np.float64]
    mass: NDArray[np.float64]


def classify_scores(score: NDArray[np.float64]) -> NDArray[np.int64]:
    """Sort scores into the nine classes of ``CLASS_CUTS``.

    Parameters
    ----------
    score : numpy.ndarray
        Combined scores, higher is worse.

    Returns
    -------
    numpy.ndarray of int
        Class 1 (far more problems) to 9 (far fewer); ``nan`` gives 5.

    Examples
    --------
    >>> import numpy as np
    >>> classify_scores(np.array([3.0, 1.0, 0.0, -0.5, -9.0])).tolist()
    [1, 3, 5, 6, 9]

    References
    ----------
    Leidelmeijer, K. et al. (2022). *Leefbaarometer 3.0: instrumentontwikkeling*,
    RIGO/Atlas voor gemeenten, for the nine-class scale.
    """
    cuts = -np.asarray(CLASS_CUTS)
    classes = np.searchsorted(cuts, -np.nan_to_num(score), side="left") + 1
    return classes.astype(np.int64)


def stack_indicators(
    values: IndicatorValues,
    population: NDArray[np.float64],
    reference: Reference,
    *,
    population_floor: float = 100.0,
    shrinkage: bool = True,
    clip: float = 4.0,
) -> Stacking:
    """Standardise, shrink, average per theme and classify.

    Parameters
    ----------
    values : IndicatorValues
        Indicator values per neighbourhood.
    population : numpy.ndarray
        Inhabitants per neighbourhood.
    reference : Reference
        The level and spread to compare with (country or city).
    population_floor : float, default 100
        Neighbourhoods with fewer inhabitants get their deviations multiplied by
        ``population / population_floor``.
    shrinkage : bool, default True
        Shrink rates with a denominator towards the reference level with the
        empirical-Bayes weight ``tau² / (tau² + p(1-p)/n)``.
    clip : float, default 4
        Deviations are clipped to ``[-clip, clip]`` so one extreme value cannot
        carry a theme.

    Returns
    -------
    Stacking
        Deviations, theme scores with coverage, combined score, classes and the
        nominal counts.

    Examples
    --------
    >>> import numpy as np
    >>> from wijkaanpak.core.indicators.catalogue import (
    ...     Indicator,
    ...     IndicatorValues,
    ...     parse_formula,
    ... )
    >>> low = Indicator(
    ...     "low",
    ...     "Low income",
    ...     "Laag inkomen",
    ...     "perspective",
    ...     "%",
    ...     "higher_is_worse",
    ...     parse_formula("p"),
    ...     parse_formula("hh"),
    ...     100,
    ... )
    >>> table = IndicatorValues(
    ...     (low,),
    ...     np.array([[10.0], [30.0], [20.0]]),
    ...     np.array([[500.0], [500.0], [500.0]]),
    ... )
    >>> population = np.array([1000.0, 1000.0, 1000.0])
    >>> reference = Reference("city", (20.0,), (10.0,))
    >>> result = stack_indicators(table, population, reference, shrinkage=False)
    >>> result.score.tolist(), result.classes.tolist()
    ([-1.0, 1.0, 0.0], [7, 3, 5])
    >>> result.excess[:, 0].tolist()
    [0.0, 50.0, 0.0]

    References
    ----------
    Marshall, R. J. (1991). Mapping disease and mortality rates using empirical
    Bayes estimators. *Applied Statistics* 40(2), 283-294.
    """
    data = values.values
    size, count = data.shape
    if len(reference.level) != count:
        raise WijkaanpakError(
            f"The reference has {len(reference.level)} indicators, the figures {count}."
        )
    level = np.asarray(reference.level, dtype=np.float64)
    spread = np.asarray(reference.spread, dtype=np.float64)
    scale = np.array([indicator.scale for indicator in values.indicators])
    sign = np.array(
        [
            {"higher_is_worse": 1.0, "higher_is_better": -1.0}.get(
                ind.direction, np.nan
            )
            for ind in values.indicators
        ]
    )
    denominators = values.denominators
    estimate = data.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        if shrinkage:
            share = np.clip(level / scale, 0.0, 1.0)
            counted = np.where(denominators > 0, denominators, np.nan)
            sampling = share * (1.0 - share) / counted
            present = ~np.isnan(sampling)
            mean_sampling = np.where(
                present.any(axis=0),
                np.nansum(sampling, axis=0) / np.maximum(present.sum(axis=0), 1),
                0.0,
            )
            # Between-neighbourhood variance of the true rates (method of
            # moments): observed spread minus the mean sampling variance.
            between = np.maximum((spread / scale) ** 2 - mean_sampling, 1e-12)
            weight = between / (between + sampling)
            shrunk = weight * data + (1.0 - weight) * level
            estimate = np.where(present, shrunk, data)
        deviation = (estimate - level) / np.where(spread > 0, spread, np.nan)
    deviation = np.clip(deviation * sign, -clip, clip)
    damping = np.clip(np.nan_to_num(population) / population_floor, 0.0, 1.0)
    deviation = deviation * damping[:, None]

    theme_scores = np.full((size, len(THEMES)), np.nan)
    coverage = np.zeros((size, len(THEMES)), dtype=np.int64)
    for position, theme in enumerate(THEMES):
        columns = [i for i, ind in enumerate(values.indicators) if ind.theme == theme]
        if not columns:
            continue
        block = deviation[:, columns]
        present = ~np.isnan(block)
        coverage[:, position] = present.sum(axis=1)
        with np.errstate(invalid="ignore"):
            theme_scores[:, position] = np.nansum(block, axis=1) / coverage[:, position]
    theme_scores[coverage == 0] = np.nan
    themes_present = (~np.isnan(theme_scores)).sum(axis=1)
    score = np.where(
        themes_present > 0,
        np.nansum(theme_scores, axis=1) / np.maximum(themes_present, 1),
        0.0,
    )
    affected = data / scale * denominators
    with np.errstate(invalid="ignore"):
        excess = np.maximum(0.0, sign * (data - level)) / scale * denominators
    excess = np.where(np.isnan(sign)[None, :], np.nan, excess)
    mass = np.maximum(score, 0.0) * np.nan_to_num(population)
    return Stacking(
        reference=reference.name,
        deviations=deviation,
        theme_scores=theme_scores,
        theme_coverage=coverage,
        score=score,
        classes=classify_scores(score),
        affected=affected,
        excess=excess,
        mass=mass,
    )


def combine_areas(
    values: IndicatorValues,
    population: NDArray[np.float64],
    groups: Sequence[Sequence[int]],
) -> tuple[IndicatorValues, NDArray[np.float64]]:
    """Combine neighbourhoods into areas (a focus area, a wijk) for stacking.

    Each indicator of an area is the mean of its neighbourhoods' values
    weighted by the denominator (by population where there is none), so a
    rate of the area is the rate of all its people together.

    Parameters
    ----------
    values : IndicatorValues
        Indicator values per neighbourhood.
    population : numpy.ndarray
        Inhabitants per neighbourhood.
    groups : sequence of sequence of int
        Row positions of the neighbourhoods of each area.

    Returns
    -------
    tuple of IndicatorValues and numpy.ndarray
        One row per area, and the areas' populations.

    Examples
    --------
    >>> import numpy as np
    >>> from wijkaanpak.core.indicators.catalogue import (
    ...     Indicator,
    ...     IndicatorValues,
    ...     parse_formula,
    ... )
    >>> low = Indicator(
    ...     "low",
    ...     "Low income",
    ...     "Laag inkomen",
    ...     "perspective",
    ...     "%",
    ...     "higher_is_worse",
    ...     parse_formula("p"),
    ...     parse_formula("hh"),
    ...     100,
    ... )
    >>> table = IndicatorValues(
    ...     (low,), np.array([[10.0], [40.0]]), np.array([[300.0], [100.0]])
    ... )
    >>> combined, people = combine_areas(table, np.array([600.0, 200.0]), [[0, 1]])
    >>> combined.values.tolist(), combined.denominators.tolist(), people.tolist()
    ([[17.5]], [[400.0]], [800.0])

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques*, 3rd ed., Wiley (ratio
    estimation of a combined rate).
    """
    data = values.values
    weights = np.where(
        np.isnan(values.denominators), population[:, None], values.denominators
    )
    weights = np.where(np.isnan(data), 0.0, np.nan_to_num(weights))
    rows = np.full((len(groups), data.shape[1]), np.nan)
    counts = np.full((len(groups), data.shape[1]), np.nan)
    people = np.zeros(len(groups))
    for position, group in enumerate(groups):
        members = list(group)
        block_weights = weights[members]
        total = block_weights.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            rows[position] = (block_weights * np.nan_to_num(data[members])).sum(
                axis=0
            ) / total
        rows[position][total == 0] = np.nan
        counts[position] = np.nansum(values.denominators[members], axis=0)
        counts[position][np.all(np.isnan(values.denominators[members]), axis=0)] = (
            np.nan
        )
        people[position] = float(np.nansum(population[members]))
    return IndicatorValues(values.indicators, rows, counts), people
