# SPDX-License-Identifier: EUPL-1.2
"""The indicator catalogue: what each area indicator means and how to compute it.

A programme compares neighbourhoods on indicators grouped in the three national
themes of the neighbourhood programme (NPLV): the perspective of children, youth
and residents (``perspective``), the physical living environment (``physical``),
and safety and undermining (``safety``). The catalogue is data, so users can add
their own indicators; a formula is a tiny arithmetic expression over canonical
variable identifiers (the lowercase CBS short codes such as ``p_hh_li``), parsed
with :mod:`ast` and evaluated by walking the tree, never with ``eval``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "DIRECTIONS",
    "THEMES",
    "Catalogue",
    "Formula",
    "Indicator",
    "IndicatorValues",
    "evaluate_formula",
    "indicator_values",
    "parse_formula",
]

Theme = Literal["perspective", "physical", "safety"]
Direction = Literal["higher_is_worse", "higher_is_better", "context"]

#: The three national themes, in the order reports show them.
THEMES: tuple[Theme, ...] = ("perspective", "physical", "safety")
#: The allowed directions: which way is a problem.
DIRECTIONS: tuple[Direction, ...] = ("higher_is_worse", "higher_is_better", "context")

_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div)


@dataclass(frozen=True, slots=True)
class Formula:
    """An arithmetic expression over variable identifiers.

    Attributes
    ----------
    text : str
        The expression as written, for example ``"a_soz_wb / a_inw * 1000"``.
    variables : frozenset of str
        The variable identifiers the expression reads.
    """

    text: str
    variables: frozenset[str]


def _check_node(node: ast.AST, text: str, names: set[str]) -> None:
    if isinstance(node, ast.Expression):
        _check_node(node.body, text, names)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, _OPERATORS):
        _check_node(node.left, text, names)
        _check_node(node.right, text, names)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        _check_node(node.operand, text, names)
    elif isinstance(node, ast.Name):
        names.add(node.id)
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return
    else:
        raise WijkaanpakError(
            f"The formula {text!r} uses {type(node).__name__}; only + - * /, "
            "parentheses, numbers and variable names are allowed."
        )


def parse_formula(text: str) -> Formula:
    """Parse a formula of the catalogue's expression language.

    Parameters
    ----------
    text : str
        An expression with ``+ - * /``, parentheses, numbers and variable names.

    Returns
    -------
    Formula
        The expression and the variables it reads.

    Raises
    ------
    WijkaanpakError
        If the text is not valid or uses anything beyond arithmetic.

    Examples
    --------
    >>> sorted(parse_formula("a_soz_wb / a_inw * 1000").variables)
    ['a_inw', 'a_soz_wb']
    >>> parse_formula("__import__('os')")
    Traceback (most recent call last):
    ...
    wijkaanpak.core.errors.WijkaanpakError: The formula "__import__('os')" uses Call; only + - * /, parentheses, numbers and variable names are allowed.

    References
    ----------
    Python Software Foundation, *ast — Abstract Syntax Trees*, the Python
    Language Reference.
    """
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        raise WijkaanpakError(
            f"The formula {text!r} is not valid: {error.msg}."
        ) from None
    names: set[str] = set()
    _check_node(tree, text, names)
    return Formula(text=text.strip(), variables=frozenset(names))


def _evaluate(
    node: ast.AST, values: Mapping[str, NDArray[np.float64]]
) -> NDArray[np.float64]:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, values)
    if isinstance(node, ast.BinOp):
        left = _evaluate(node.left, values)
        right = _evaluate(node.right, values)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        with np.errstate(divide="ignore", invalid="ignore"):
            quotient = left / right
        return np.where(np.isfinite(quotient), quotient, np.nan)
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.Name):
        return np.asarray(values[node.id], dtype=np.float64)
    assert isinstance(node, ast.Constant)
    number = node.value
    assert isinstance(number, int | float)
    return np.asarray(float(number))


def evaluate_formula(
    formula: Formula, values: Mapping[str, NDArray[np.float64]]
) -> NDArray[np.float64]:
    """Evaluate a formula element-wise over arrays of variable values.

    Parameters
    ----------
    formula : Formula
        A parsed formula.
    values : mapping of str to array
        One array per variable, all of the same length; ``nan`` is missing.

    Returns
    -------
    numpy.ndarray
        The result; missing inputs and division by zero give ``nan``.

    Raises
    ------
    WijkaanpakError
        If a variable the formula reads is not in ``values``.

    Examples
    --------
    >>> import numpy as np
    >>> formula = parse_formula("a_soz_wb / a_inw * 1000")
    >>> evaluate_formula(
    ...     formula,
    ...     {"a_soz_wb": np.array([20.0, 5.0]), "a_inw": np.array([1000.0, 0.0])},
    ... )
    array([20., nan])

    References
    ----------
    The catalogue's expression language is described in
    ``docs/algorithms/stacking.md``.
    """
    missing = sorted(formula.variables - set(values))
    if missing:
        raise WijkaanpakError(
            f"The formula {formula.text!r} needs {', '.join(missing)}, "
            "which the figures do not hold."
        )
    tree = ast.parse(formula.text, mode="eval")
    return np.asarray(_evaluate(tree, values), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Indicator:
    """One area indicator of the catalogue.

    Attributes
    ----------
    key : str
        Identifier, lowercase (``low_income_households``).
    name_en, name_nl : str
        Names in English and Dutch.
    theme : {"perspective", "physical", "safety"}
        The national theme the indicator belongs to.
    unit : str
        Unit of the value, for example ``"%"`` or ``"per 1,000 inhabitants"``.
    direction : {"higher_is_worse", "higher_is_better", "context"}
        Which way is a problem; ``context`` indicators are shown, not stacked.
    formula : Formula
        How to compute the value from variables.
    denominator : Formula or None
        Count of the people or households the value is a rate of (``a_hh``
        for a share of households, ``a_00_14 + a_15_24`` for youth); used for
        the nominal view and for shrinkage of small neighbourhoods.
    scale : float
        Units per one: 100 for a percentage, 1000 for a rate per 1,000.
    source : str
        Where the variables come from.
    """

    key: str
    name_en: str
    name_nl: str
    theme: Theme
    unit: str
    direction: Direction
    formula: Formula
    denominator: Formula | None = None
    scale: float = 1.0
    source: str = ""

    def __post_init__(self) -> None:
        """Check the theme and direction."""
        if self.theme not in THEMES:
            raise WijkaanpakError(
                f"Indicator {self.key!r} has theme {self.theme!r}; "
                f"use one of {', '.join(THEMES)}."
            )
        if self.direction not in DIRECTIONS:
            raise WijkaanpakError(
                f"Indicator {self.key!r} has direction {self.direction!r}; "
                f"use one of {', '.join(DIRECTIONS)}."
            )

    @property
    def variables(self) -> frozenset[str]:
        """All variables needed, the denominator included."""
        extra = self.denominator.variables if self.denominator else frozenset()
        return self.formula.variables | extra


@dataclass(frozen=True, slots=True)
class Catalogue:
    """An ordered set of indicators with unique keys.

    Examples
    --------
    >>> low = Indicator(
    ...     "low_income",
    ...     "Low income",
    ...     "Laag inkomen",
    ...     "perspective",
    ...     "%",
    ...     "higher_is_worse",
    ...     parse_formula("p_hh_li"),
    ...     parse_formula("a_hh"),
    ...     100,
    ... )
    >>> Catalogue((low,)).computable({"p_hh_li", "a_hh"})
    ('low_income',)
    """

    indicators: tuple[Indicator, ...]
    _index: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the indicators by key and refuse duplicates."""
        index: dict[str, int] = {}
        for position, indicator in enumerate(self.indicators):
            if indicator.key in index:
                raise WijkaanpakError(
                    f"The catalogue lists indicator {indicator.key!r} twice."
                )
            index[indicator.key] = position
        object.__setattr__(self, "_index", index)

    def __getitem__(self, key: str) -> Indicator:
        """Return the indicator with this key."""
        try:
            return self.indicators[self._index[key]]
        except KeyError:
            raise WijkaanpakError(f"The catalogue has no indicator {key!r}.") from None

    def __contains__(self, key: object) -> bool:
        """Tell whether the catalogue has an indicator with this key."""
        return key in self._index

    def __len__(self) -> int:
        """Return the number of indicators."""
        return len(self.indicators)

    def keys(self) -> tuple[str, ...]:
        """Return the indicator keys in catalogue order."""
        return tuple(indicator.key for indicator in self.indicators)

    def computable(self, variables: Iterable[str]) -> tuple[str, ...]:
        """Return the keys of indicators whose formula variables are all present."""
        available = set(variables)
        return tuple(
            indicator.key
            for indicator in self.indicators
            if indicator.formula.variables <= available
        )

    def extended(self, indicators: Sequence[Indicator]) -> Catalogue:
        """Return a catalogue with ``indicators`` added (a key replaces its old entry)."""
        new = {indicator.key: indicator for indicator in indicators}
        kept = tuple(ind for ind in self.indicators if ind.key not in new)
        return Catalogue(kept + tuple(indicators))


@dataclass(frozen=True, slots=True)
class IndicatorValues:
    """Indicator values of a set of areas, as arrays.

    Attributes
    ----------
    indicators : tuple of Indicator
        The columns, in order.
    values : numpy.ndarray
        Shape ``(areas, indicators)``; ``nan`` is missing.
    denominators : numpy.ndarray
        Same shape: the count each value is a rate of (``nan`` if unknown).
    """

    indicators: tuple[Indicator, ...]
    values: NDArray[np.float64]
    denominators: NDArray[np.float64]


def indicator_values(
    catalogue: Catalogue,
    variables: Mapping[str, NDArray[np.float64]],
    size: int,
) -> IndicatorValues:
    """Compute every computable indicator of the catalogue.

    Parameters
    ----------
    catalogue : Catalogue
        The indicators.
    variables : mapping of str to array
        Variable arrays of length ``size`` (``nan`` is missing).
    size : int
        The number of areas.

    Returns
    -------
    IndicatorValues
        Only the indicators whose variables are present, in catalogue order.

    Examples
    --------
    >>> import numpy as np
    >>> low = Indicator(
    ...     "low_income",
    ...     "Low income",
    ...     "Laag inkomen",
    ...     "perspective",
    ...     "%",
    ...     "higher_is_worse",
    ...     parse_formula("p_hh_li"),
    ...     parse_formula("a_hh"),
    ...     100,
    ... )
    >>> result = indicator_values(
    ...     Catalogue((low,)),
    ...     {"p_hh_li": np.array([10.0, np.nan]), "a_hh": np.array([500.0, 80.0])},
    ...     2,
    ... )
    >>> result.values[:, 0].tolist(), result.denominators[:, 0].tolist()
    ([10.0, nan], [500.0, 80.0])

    References
    ----------
    CBS, *Kerncijfers wijken en buurten*, toelichting op de variabelen.
    """
    chosen = [catalogue[key] for key in catalogue.computable(variables)]
    values = np.full((size, len(chosen)), np.nan)
    denominators = np.full((size, len(chosen)), np.nan)
    for column, indicator in enumerate(chosen):
        result = evaluate_formula(indicator.formula, variables)
        values[:, column] = np.broadcast_to(result, (size,))
        if indicator.denominator is not None and indicator.denominator.variables <= set(
            variables
        ):
            counts = evaluate_formula(indicator.denominator, variables)
            denominators[:, column] = np.broadcast_to(counts, (size,))
    return IndicatorValues(tuple(chosen), values, denominators)
