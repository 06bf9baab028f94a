# SPDX-License-Identifier: EUPL-1.2
"""The public lottery: a generator from a published seed, and the panel draw.

Both stages use :func:`generator_from_seed`: stage 1 draws the addresses that
get a letter (:mod:`wijkaanpak.core.panels.invitations`); stage 2 draws one
panel from a distribution that was published before the seed existed. The
seed comes from
numbers announced in public later (for example drawn at a public meeting), so
nobody, including the programme bureau, can steer the outcome, and anyone can
re-run the draw (:mod:`wijkaanpak.core.panels.verify`).
"""

from __future__ import annotations

import hashlib
import random
import unicodedata

from wijkaanpak.core.panels.model import WEIGHT_DENOMINATOR, PanelDistribution

__all__ = ["draw_panel", "generator_from_seed"]

#: Domain separation, so our generator differs from other uses of the same seed.
SEED_PREFIX = b"wijkaanpak/loting/v1\x00"


def generator_from_seed(seed: str) -> random.Random:
    """Return the random generator that a published seed stands for.

    The seed text is normalised (Unicode NFC; runs of white space become one
    space; leading and trailing space dropped), prefixed with ``SEED_PREFIX``,
    hashed with SHA-256, and the digest, read as a big-endian integer, seeds
    Python's Mersenne Twister (integer seeding is the same in every Python
    version since 3.2).

    Parameters
    ----------
    seed : str
        The published seed, for example ``"17 04 33 28 09"``.

    Returns
    -------
    random.Random
        A fresh generator; the same seed always gives the same sequence.

    Examples
    --------
    >>> generator_from_seed("17 04 33").random() == generator_from_seed(
    ...     " 17  04 33 "
    ... ).random()
    True

    References
    ----------
    .. [1] NIST (2015). FIPS 180-4, *Secure Hash Standard*.
    """
    text = " ".join(unicodedata.normalize("NFC", seed).split())
    if not text:
        raise ValueError("the seed is empty")
    digest = hashlib.sha256(SEED_PREFIX + text.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest, "big"))  # noqa: S311 (published seed)


def draw_panel(
    distribution: PanelDistribution, *, rng: random.Random
) -> tuple[str, ...]:
    """Draw one panel of ``distribution`` with ``rng``.

    One integer ``r`` is drawn uniformly from ``0 .. WEIGHT_DENOMINATOR - 1``
    (``rng.randrange``); the panel drawn is the first, in the published order,
    whose running total of weight numerators exceeds ``r``. The chance of
    each panel is therefore exactly its weight.

    Parameters
    ----------
    distribution : PanelDistribution
        The published distribution.
    rng : random.Random
        For a public draw, :func:`generator_from_seed` of the published seed.

    Returns
    -------
    tuple of str
        The members' ids, sorted.

    Examples
    --------
    >>> from wijkaanpak.core.panels.model import WeightedPanel
    >>> half = WEIGHT_DENOMINATOR // 2
    >>> distribution = PanelDistribution(
    ...     (WeightedPanel(("a",), half), WeightedPanel(("b",), half)),
    ...     ("a", "b"),
    ...     1,
    ...     "x",
    ... )
    >>> draw_panel(distribution, rng=generator_from_seed("12 34 56"))
    ('a',)

    References
    ----------
    .. [1] Flanigan, B. et al. (2021). Fair algorithms for selecting citizens'
       assemblies. *Nature* 596, 548-552.
    """
    point = rng.randrange(WEIGHT_DENOMINATOR)
    running = 0
    for panel in distribution.panels:
        running += panel.numerator
        if point < running:
            return panel.members
    raise AssertionError("panel weights sum to the denominator")
