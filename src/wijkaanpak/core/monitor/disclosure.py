# SPDX-License-Identifier: EUPL-1.2
"""Small numbers: suppress counts and rates built on fewer than ten.

Statistics Netherlands (CBS) does not publish a figure built on fewer than
ten people or events, so that nobody can be recognised in it, and because a
rate on three cases says little. The monitor follows that rule in every
output: counts below the threshold are shown as "fewer than 10", rates on a
denominator below it are not shown, and an area total may still be shown
when its parts are not.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SMALL_NUMBER", "Disclosed", "disclose_count", "disclose_rate"]

#: Below this many people or events a figure is not published.
SMALL_NUMBER = 10


@dataclass(frozen=True, slots=True)
class Disclosed:
    """A figure as it may be published.

    Attributes
    ----------
    value : float or None
        The figure, or None when it is suppressed.
    suppressed : bool
        True when the figure rests on too few cases to publish.
    """

    value: float | None
    suppressed: bool

    def __str__(self) -> str:
        """Return the figure, or ``<10`` when suppressed."""
        if self.suppressed:
            return f"<{SMALL_NUMBER}"
        return "" if self.value is None else f"{self.value:g}"


def disclose_count(count: int | None, *, threshold: int = SMALL_NUMBER) -> Disclosed:
    """Publish a count only when it reaches the threshold.

    Parameters
    ----------
    count : int or None
        People or events; None when unknown.
    threshold : int
        The smallest count that may be published; zero is published, as
        "none" reveals nobody.

    Returns
    -------
    Disclosed
        The count, or a suppressed figure.

    Examples
    --------
    >>> disclose_count(12).value, disclose_count(7).suppressed, str(disclose_count(7))
    (12, True, '<10')
    >>> disclose_count(0).value
    0
    """
    if count is None:
        return Disclosed(None, False)
    if 0 < count < threshold:
        return Disclosed(None, True)
    return Disclosed(count, False)


def disclose_rate(
    numerator: float | None,
    denominator: float | None,
    *,
    scale: float = 100.0,
    threshold: int = SMALL_NUMBER,
) -> Disclosed:
    """Publish a rate only when its denominator and numerator allow it.

    Parameters
    ----------
    numerator, denominator : float or None
        The cases and the population they are counted in.
    scale : float
        100 for a percentage, 1000 for a rate per 1,000.
    threshold : int
        The smallest denominator, and the smallest non-zero numerator, that
        may be published.

    Returns
    -------
    Disclosed
        ``numerator / denominator * scale``, or a suppressed figure.

    Examples
    --------
    >>> disclose_rate(30, 120).value
    25.0
    >>> disclose_rate(3, 120).suppressed, disclose_rate(5, 8).suppressed
    (True, True)
    """
    if numerator is None or denominator is None or denominator <= 0:
        return Disclosed(None, False)
    if denominator < threshold or 0 < numerator < threshold:
        return Disclosed(None, True)
    return Disclosed(numerator / denominator * scale, False)
