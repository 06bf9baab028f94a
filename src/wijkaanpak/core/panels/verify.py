# SPDX-License-Identifier: EUPL-1.2
"""Re-run a published panel draw and say whether it gives the same panel.

Anyone holding the published distribution and the seed announced at the public
meeting can check the draw without trusting the programme bureau: the draw is
a pure function of the two (:func:`wijkaanpak.core.panels.lottery.draw_panel`
with :func:`~wijkaanpak.core.panels.lottery.generator_from_seed`). The
fingerprint lets readers check that the distribution they hold is the one
published before the seed existed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from wijkaanpak.core.panels.lottery import draw_panel, generator_from_seed
from wijkaanpak.core.panels.model import PanelDistribution

__all__ = ["DrawVerification", "distribution_fingerprint", "verify_draw"]


@dataclass(frozen=True, slots=True)
class DrawVerification:
    """The outcome of re-running a draw, with a sentence for the public report."""

    matches: bool
    drawn: tuple[str, ...]
    claimed: tuple[str, ...]
    fingerprint: str
    explanation: str


def distribution_fingerprint(distribution: PanelDistribution) -> str:
    """Return the SHA-256 of the distribution's canonical JSON form.

    The form is ``{"panel_size", "panels": [[members, numerator], ...],
    "people"}`` written with sorted keys, no spaces and ASCII escapes.

    Parameters
    ----------
    distribution : PanelDistribution
        The published distribution.

    Returns
    -------
    str
        64 hexadecimal digits.

    Examples
    --------
    >>> from wijkaanpak.core.panels.model import WEIGHT_DENOMINATOR, WeightedPanel
    >>> one = PanelDistribution(
    ...     (WeightedPanel(("a",), WEIGHT_DENOMINATOR),), ("a",), 1, "x"
    ... )
    >>> len(distribution_fingerprint(one))
    64
    """
    canonical = {
        "panel_size": distribution.panel_size,
        "panels": [[list(p.members), p.numerator] for p in distribution.panels],
        "people": list(distribution.people),
    }
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def verify_draw(
    distribution: PanelDistribution, seed: str, claimed: Sequence[str]
) -> DrawVerification:
    """Re-run the draw from published inputs and compare with the claimed panel.

    Parameters
    ----------
    distribution : PanelDistribution
        The distribution published before the seed.
    seed : str
        The seed announced in public.
    claimed : sequence of str
        The members announced as drawn, in any order.

    Returns
    -------
    DrawVerification
        ``matches`` is True when re-running gives exactly the claimed members.

    Examples
    --------
    >>> from wijkaanpak.core.panels.model import WEIGHT_DENOMINATOR, WeightedPanel
    >>> half = WEIGHT_DENOMINATOR // 2
    >>> published = PanelDistribution(
    ...     (WeightedPanel(("a",), half), WeightedPanel(("b",), half)),
    ...     ("a", "b"),
    ...     1,
    ...     "x",
    ... )
    >>> verify_draw(published, "12 34 56", ["a"]).matches
    True
    >>> verify_draw(published, "12 34 56", ["b"]).matches
    False

    References
    ----------
    .. [1] Flanigan, B. et al. (2021). Fair algorithms for selecting citizens'
       assemblies. *Nature* 596, 548-552.
    """
    drawn = draw_panel(distribution, rng=generator_from_seed(seed))
    claimed_sorted = tuple(sorted(claimed))
    fingerprint = distribution_fingerprint(distribution)
    matches = drawn == claimed_sorted
    if matches:
        explanation = (
            f"Re-running the draw with seed {seed!r} on distribution "
            f"{fingerprint[:12]} gives the same {len(drawn)} members."
        )
    else:
        missing = sorted(set(drawn) - set(claimed_sorted))
        extra = sorted(set(claimed_sorted) - set(drawn))
        explanation = (
            f"Re-running the draw with seed {seed!r} on distribution "
            f"{fingerprint[:12]} gives a different panel: the draw has "
            f"{', '.join(missing) or 'nobody'} where the claim has "
            f"{', '.join(extra) or 'nobody'}."
        )
    return DrawVerification(matches, drawn, claimed_sorted, fingerprint, explanation)
