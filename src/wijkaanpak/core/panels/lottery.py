# SPDX-License-Identifier: EUPL-1.2
"""Lotteries of the two stages: invitations over addresses, then the panel draw.

Stage 1 sends letters with a personal registration code to addresses drawn in
every neighbourhood in proportion to its size. Stage 2 draws one panel from a
distribution that was published before the seed existed; the seed comes from
numbers announced in public later (for example drawn at a public meeting), so
nobody, including the programme bureau, can steer the outcome, and anyone can
re-run the draw (:mod:`wijkaanpak.core.panels.verify`).
"""

from __future__ import annotations

import hashlib
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from wijkaanpak.core.panels.model import WEIGHT_DENOMINATOR, PanelDistribution
from wijkaanpak.core.panels.strata import largest_remainder_allocation

__all__ = [
    "CODE_ALPHABET",
    "Address",
    "Invitation",
    "draw_panel",
    "generator_from_seed",
    "invitation_lottery",
]

#: Registration codes avoid characters that are easy to confuse (0/O, 1/I).
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
#: Domain separation, so our generator differs from other uses of the same seed.
SEED_PREFIX = b"wijkaanpak/loting/v1\x00"


@dataclass(frozen=True, slots=True)
class Address:
    """An address (*adres*) that can be invited, and its neighbourhood."""

    id: str
    neighbourhood: str


@dataclass(frozen=True, slots=True)
class Invitation:
    """A letter to send: the address and its personal registration code."""

    address: Address
    code: str


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


def invitation_lottery(
    addresses: Sequence[Address],
    letters: int,
    *,
    rng: random.Random,
    code_length: int = 8,
) -> tuple[Invitation, ...]:
    """Draw addresses to invite, stratified by neighbourhood, with codes.

    Letters are allocated to neighbourhoods in proportion to their number of
    addresses (:func:`largest_remainder_allocation`, neighbourhoods in sorted
    order, which also breaks ties); within each neighbourhood, in that order,
    ``rng.sample`` draws the addresses uniformly from the list sorted by id.
    Then each invitation, in the same order, gets a code of ``code_length``
    characters from ``CODE_ALPHABET``, drawn again on the rare repeat.

    Parameters
    ----------
    addresses : sequence of Address
        Every address of the area; ids must be unique.
    letters : int
        How many letters to send.
    rng : random.Random
        The generator, for example :func:`generator_from_seed` of a published seed.
    code_length : int
        Characters per registration code (8 gives 32**8, about 10**12, codes).

    Returns
    -------
    tuple of Invitation
        By neighbourhood, then in drawing order.

    Examples
    --------
    >>> addresses = [Address(f"a{i}", "noord" if i < 6 else "zuid") for i in range(9)]
    >>> invitations = invitation_lottery(addresses, 3, rng=generator_from_seed("7"))
    >>> [invitation.address.neighbourhood for invitation in invitations]
    ['noord', 'noord', 'zuid']
    >>> all(set(i.code) <= set(CODE_ALPHABET) for i in invitations)
    True

    References
    ----------
    .. [1] Lohr, S. L. (2019). *Sampling: Design and Analysis*, 2nd ed.
       CRC Press. (Stratified sampling with proportional allocation.)
    """
    if len({address.id for address in addresses}) != len(addresses):
        raise ValueError("two addresses have the same id")
    if code_length < 4:
        raise ValueError("registration codes need at least 4 characters")
    strata: dict[str, list[Address]] = {}
    for address in sorted(addresses, key=lambda address: address.id):
        strata.setdefault(address.neighbourhood, []).append(address)
    names = sorted(strata)
    allocation = largest_remainder_allocation(
        [(name, len(strata[name])) for name in names], letters
    )
    chosen = [
        address
        for name, count in allocation
        for address in rng.sample(strata[name], count)
    ]
    codes: set[str] = set()
    invitations = []
    for address in chosen:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(code_length))
        while code in codes:
            code = "".join(rng.choice(CODE_ALPHABET) for _ in range(code_length))
        codes.add(code)
        invitations.append(Invitation(address, code))
    return tuple(invitations)
