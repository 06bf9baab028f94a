# SPDX-License-Identifier: EUPL-1.2
"""Discounting: what money in a later year is worth today.

A social cost-benefit analysis (*maatschappelijke kosten-batenanalyse*,
MKBA) adds up costs and benefits that fall in different years. A euro in
ten years counts for less than a euro now, so every amount is divided by
``(1 + r) ** t``, with ``t`` the years after the base year and ``r`` the
discount rate (*discontovoet*). The Dutch government has used 2.25 % for
every MKBA since 2021, on the advice of the Werkgroep discontovoet 2020
(0 % risk-free plus a 2.25 % risk premium); the rate stays configurable so
an analysis can show what another rate changes. Amounts are integers (euro
cents) and factors are :class:`fractions.Fraction`, so two machines give the
same present value to the cent.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "DEFAULT_DISCOUNT_RATE",
    "discount_factor",
    "present_value",
    "rate_from_percent",
]

#: The discount rate of the Dutch MKBA guidance since 2021: 2.25 %.
DEFAULT_DISCOUNT_RATE = Fraction(225, 10_000)


def rate_from_percent(percent: str | int | Fraction) -> Fraction:
    """Turn a percentage such as ``"2.25"`` into an exact rate.

    Parameters
    ----------
    percent : str, int or Fraction
        The rate in per cent; a string is read exactly, without floats.

    Returns
    -------
    fractions.Fraction
        The rate as a share, for example ``Fraction(9, 400)`` for 2.25 %.

    Raises
    ------
    WijkaanpakError
        If the text is not a number, or the rate is -100 % or lower.

    Examples
    --------
    >>> rate_from_percent("2.25")
    Fraction(9, 400)
    >>> rate_from_percent(4)
    Fraction(1, 25)
    """
    try:
        rate = Fraction(percent) / 100
    except (ValueError, ZeroDivisionError):
        raise WijkaanpakError(
            f"The discount rate {percent!r} is not a number; write it as 2.25."
        ) from None
    if rate <= -1:
        raise WijkaanpakError(
            f"A discount rate of {percent} % leaves nothing to discount with; "
            "use a rate above -100 %."
        )
    return rate


def discount_factor(years: int, rate: Fraction = DEFAULT_DISCOUNT_RATE) -> Fraction:
    """Return ``1 / (1 + rate) ** years``, exactly.

    Parameters
    ----------
    years : int
        Years after the base year; negative for years before it (those are
        compounded forward).
    rate : Fraction
        The discount rate as a share (0.0225 for 2.25 %).

    Returns
    -------
    fractions.Fraction
        The factor an amount in that year is multiplied by.

    Raises
    ------
    WijkaanpakError
        If the rate is -100 % or lower.

    Examples
    --------
    >>> discount_factor(0)
    Fraction(1, 1)
    >>> discount_factor(1, Fraction(1, 10))
    Fraction(10, 11)
    >>> float(discount_factor(2))
    0.9564744352317358

    References
    ----------
    Werkgroep discontovoet 2020, *Rapport werkgroep discontovoet 2020*
    (Ministerie van Financiën, 2020), and the kabinetsreactie that set the
    rate at 2.25 % from 2021; Romijn and Renes, *Algemene leidraad voor
    maatschappelijke kosten-batenanalyse* (CPB/PBL, 2013), chapter 6.
    """
    if rate <= -1:
        raise WijkaanpakError("A discount rate must be above -100 %.")
    return 1 / (1 + Fraction(rate)) ** years


def present_value(
    amounts: Iterable[tuple[int, int]],
    *,
    base_year: int,
    rate: Fraction = DEFAULT_DISCOUNT_RATE,
) -> Fraction:
    """Sum amounts of several years, each discounted to the base year.

    Parameters
    ----------
    amounts : iterable of (int, int)
        ``(year, amount)`` pairs, amounts in euro cents.
    base_year : int
        The year whose money the answer is in (*prijspeil en zichtjaar*).
    rate : Fraction
        The discount rate as a share.

    Returns
    -------
    fractions.Fraction
        The present value in euro cents, exact.

    Examples
    --------
    Two payments of 100 euro at 10 %, now and in a year:

    >>> present_value(
    ...     [(2025, 100_00), (2026, 100_00)], base_year=2025, rate=Fraction(1, 10)
    ... )
    Fraction(210000, 11)
    """
    return sum(
        (amount * discount_factor(year - base_year, rate) for year, amount in amounts),
        start=Fraction(0),
    )
