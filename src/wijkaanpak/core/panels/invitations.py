# SPDX-License-Identifier: EUPL-1.2
"""Stage 1, the invitation lottery: addresses drawn by neighbourhood, with codes.

Before anyone can volunteer for a citizens' panel, letters go to addresses
drawn by lot, so that the volunteers are not only the people who always come.
Letters are shared over the neighbourhoods (strata) in proportion to their
number of addresses (largest remainders,
:func:`~wijkaanpak.core.panels.strata.largest_remainder_allocation`),
optionally oversampling neighbourhoods that answer less often.

The draw is published and anyone can check it. It depends only on the seed
(announced in public, for example numbers drawn at a meeting) and on the
published number of addresses, oversampling factor and letters per
neighbourhood, never on who lives where:

1. Neighbourhoods are taken in sorted order of their codes.
2. The generator is :func:`~wijkaanpak.core.panels.lottery.generator_from_seed`
   of the seed; for each neighbourhood in turn it draws its number of letters
   from the positions ``0 .. addresses - 1`` with ``rng.sample``.
3. Position ``p`` of a neighbourhood is its ``p``-th address (counting from 0)
   when its addresses are sorted by postcode, house number, house letter and
   addition (:class:`~wijkaanpak.core.panels.addresses.DutchAddress` order).

So :func:`draw_invitation_positions` needs no addresses at all, and
:func:`verify_invitation_draw` re-runs a published summary. The SHA-256
fingerprint of the address list lets whoever holds the list (for example from
the public BAG) check that it is the list the draw used.

Each letter gets a personal registration code from
:mod:`wijkaanpak.core.panels.codes`: from the operating system's secure random
source, not from the seed, so knowing the seed does not reveal any code.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.panels.addresses import DutchAddress
from wijkaanpak.core.panels.codes import new_registration_code
from wijkaanpak.core.panels.lottery import generator_from_seed
from wijkaanpak.core.panels.strata import largest_remainder_allocation

__all__ = [
    "Invitation",
    "InvitationAddress",
    "InvitationDraw",
    "InvitationVerification",
    "StratumDraw",
    "addresses_fingerprint",
    "draw_invitation_positions",
    "invitation_lottery",
    "verify_invitation_draw",
]

#: How the positions of a published summary map to addresses, in words.
ORDER_RULE = (
    "Neighbourhoods in sorted order of their codes; within each, addresses sorted "
    "by postcode, house number, house letter and addition, counted from 0."
)


@dataclass(frozen=True, slots=True)
class InvitationAddress:
    """An address (*adres*) that can be invited, with its neighbourhood code.

    ``street`` and ``city`` are only for the envelope; the draw uses the
    canonical address and the neighbourhood.
    """

    address: DutchAddress
    neighbourhood: str
    street: str = ""
    city: str = ""


@dataclass(frozen=True, slots=True)
class StratumDraw:
    """The published part of the draw in one neighbourhood.

    ``positions`` are sorted; see :data:`ORDER_RULE` for what they point at.
    """

    neighbourhood: str
    addresses: int
    factor: Fraction
    letters: int
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Invitation:
    """A letter to send: the address and its personal registration code."""

    address: InvitationAddress
    code: str


@dataclass(frozen=True, slots=True)
class InvitationDraw:
    """The outcome of the invitation lottery.

    :meth:`summary` is what may be published; ``invitations`` (with the
    codes) go to the printer only.
    """

    seed: str
    strata: tuple[StratumDraw, ...]
    invitations: tuple[Invitation, ...]
    fingerprint: str

    def summary(self) -> dict[str, Any]:
        """Return the record to publish: seed, counts, positions, no codes.

        Returns
        -------
        dict
            JSON-ready data that :func:`verify_invitation_draw` re-runs.
        """
        return {
            "seed": self.seed,
            "letters": sum(stratum.letters for stratum in self.strata),
            "addresses": sum(stratum.addresses for stratum in self.strata),
            "addresses_fingerprint": self.fingerprint,
            "order": ORDER_RULE,
            "strata": [
                {
                    "neighbourhood": stratum.neighbourhood,
                    "addresses": stratum.addresses,
                    "oversampling": str(stratum.factor),
                    "letters": stratum.letters,
                    "positions": list(stratum.positions),
                }
                for stratum in self.strata
            ],
        }


@dataclass(frozen=True, slots=True)
class InvitationVerification:
    """The outcome of re-running a published invitation draw."""

    matches: bool
    strata: tuple[StratumDraw, ...]
    explanation: str


def addresses_fingerprint(addresses: Sequence[InvitationAddress]) -> str:
    """Return the SHA-256 of the address list in drawing order.

    The text hashed has one line per address, ``neighbourhood<TAB>key``, in
    the order of :data:`ORDER_RULE`, each line ending in a newline, UTF-8.

    Parameters
    ----------
    addresses : sequence of InvitationAddress
        The address list, in any order.

    Returns
    -------
    str
        64 hexadecimal digits.

    Examples
    --------
    >>> from wijkaanpak.core.panels.addresses import dutch_address
    >>> one = InvitationAddress(dutch_address("3511AB", "1"), "BU03440101")
    >>> len(addresses_fingerprint([one]))
    64
    """
    lines = "".join(
        f"{entry.neighbourhood}\t{entry.address.key}\n"
        for entry in sorted(addresses, key=lambda a: (a.neighbourhood, a.address))
    )
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def draw_invitation_positions(
    counts: Sequence[tuple[str, int]],
    letters: int,
    *,
    seed: str,
    oversampling: Mapping[str, Fraction | int] | None = None,
) -> tuple[StratumDraw, ...]:
    """Draw which positions of each neighbourhood get a letter.

    Only published numbers go in, so anyone can re-run this.

    Parameters
    ----------
    counts : sequence of (str, int)
        Neighbourhood code and number of addresses, in any order.
    letters : int
        Letters in total.
    seed : str
        The seed announced in public. The function takes the seed rather than
        a generator because the published record must name it.
    oversampling : mapping of str to Fraction or int, optional
        Factors by neighbourhood code (default 1).

    Returns
    -------
    tuple of StratumDraw
        One per neighbourhood, sorted by code.

    Examples
    --------
    >>> draws = draw_invitation_positions([("zuid", 4), ("noord", 6)], 5, seed="7 21")
    >>> [(d.neighbourhood, d.letters, d.positions) for d in draws]
    [('noord', 3, (1, 2, 5)), ('zuid', 2, (0, 3))]

    References
    ----------
    .. [1] Lohr, S. L. (2019). *Sampling: Design and Analysis*, 2nd ed.
       CRC Press. (Stratified sampling with proportional allocation.)
    """
    names = [name for name, _ in counts]
    if len(set(names)) != len(names):
        raise ValueError("a neighbourhood is listed twice")
    ordered = sorted(counts)
    factors = {name: Fraction(value) for name, value in (oversampling or {}).items()}
    unknown = sorted(set(factors) - set(names))
    if unknown:
        raise WijkaanpakError(
            f"The oversampling names neighbourhood {unknown[0]}, which has no "
            "addresses in the list."
        )
    total = sum(size for _, size in ordered)
    if not 0 <= letters <= total:
        raise WijkaanpakError(
            f"Cannot send {letters} letters to {total} addresses; choose at most "
            f"{total}."
        )
    allocation = largest_remainder_allocation(ordered, letters, factors=factors)
    rng = generator_from_seed(seed)
    return tuple(
        StratumDraw(
            neighbourhood=name,
            addresses=size,
            factor=factors.get(name, Fraction(1)),
            letters=count,
            positions=tuple(sorted(rng.sample(range(size), count))),
        )
        for (name, size), (_, count) in zip(ordered, allocation, strict=True)
    )


def invitation_lottery(
    addresses: Sequence[InvitationAddress],
    letters: int,
    *,
    seed: str,
    oversampling: Mapping[str, Fraction | int] | None = None,
    taken_codes: Collection[str] = frozenset(),
    randbelow: Callable[[int], int] = secrets.randbelow,
) -> InvitationDraw:
    """Draw the addresses to invite, stratified by neighbourhood, with codes.

    Parameters
    ----------
    addresses : sequence of InvitationAddress
        Every address of the area, each once, in any order.
    letters : int
        Letters to send.
    seed : str
        The seed announced in public.
    oversampling : mapping of str to Fraction or int, optional
        Factors by neighbourhood code (default 1).
    taken_codes : collection of str
        Codes issued before (for example in an earlier round) that the new
        codes must differ from.
    randbelow : callable
        Source of the codes; :func:`secrets.randbelow` unless a test passes a
        stand-in. It never affects which addresses are drawn.

    Returns
    -------
    InvitationDraw
        The published strata and the invitations, by neighbourhood and then
        by position.

    Raises
    ------
    WijkaanpakError
        When an address is listed twice, more letters are asked than there are
        addresses, or the oversampling names an unknown neighbourhood.

    Examples
    --------
    >>> from wijkaanpak.core.panels.addresses import dutch_address
    >>> area = [
    ...     InvitationAddress(dutch_address("3511AB", n), "noord" if n < 7 else "zuid")
    ...     for n in range(1, 11)
    ... ]
    >>> draw = invitation_lottery(area, 5, seed="7 21")
    >>> [i.address.address.key for i in draw.invitations]
    ['3511AB 2', '3511AB 3', '3511AB 6', '3511AB 7', '3511AB 10']
    """
    strata: dict[str, list[InvitationAddress]] = {}
    seen: set[DutchAddress] = set()
    for entry in addresses:
        if entry.address in seen:
            raise WijkaanpakError(
                f"The address {entry.address.label()} is in the list twice."
            )
        seen.add(entry.address)
        strata.setdefault(entry.neighbourhood, []).append(entry)
    for members in strata.values():
        members.sort(key=lambda entry: entry.address)
    draws = draw_invitation_positions(
        [(name, len(members)) for name, members in strata.items()],
        letters,
        seed=seed,
        oversampling=oversampling,
    )
    codes = set(taken_codes)
    invitations = []
    for stratum in draws:
        for position in stratum.positions:
            code = new_registration_code(taken=codes, randbelow=randbelow)
            codes.add(code)
            invitations.append(
                Invitation(strata[stratum.neighbourhood][position], code)
            )
    return InvitationDraw(
        seed=seed,
        strata=draws,
        invitations=tuple(invitations),
        fingerprint=addresses_fingerprint(addresses),
    )


def verify_invitation_draw(
    summary: Mapping[str, Any],
    *,
    addresses: Sequence[InvitationAddress] | None = None,
) -> InvitationVerification:
    """Re-run a published invitation draw from its summary.

    Parameters
    ----------
    summary : mapping
        The record of :meth:`InvitationDraw.summary`.
    addresses : sequence of InvitationAddress, optional
        The address list, if the verifier holds it: its fingerprint must then
        match the published one as well.

    Returns
    -------
    InvitationVerification
        ``matches`` is True when the seed and the published counts give the
        published letters and positions in every neighbourhood.

    Examples
    --------
    >>> from wijkaanpak.core.panels.addresses import dutch_address
    >>> area = [InvitationAddress(dutch_address("3511AB", n), "x") for n in (1, 2, 3)]
    >>> published = invitation_lottery(area, 1, seed="9").summary()
    >>> verify_invitation_draw(published).matches
    True
    >>> published["strata"][0]["positions"] = [2]
    >>> verify_invitation_draw(published).matches
    False
    """
    try:
        seed = str(summary["seed"])
        counts = [
            (str(s["neighbourhood"]), int(s["addresses"])) for s in summary["strata"]
        ]
        factors = {
            str(s["neighbourhood"]): Fraction(str(s.get("oversampling", "1")))
            for s in summary["strata"]
        }
        claimed = {
            str(s["neighbourhood"]): (int(s["letters"]), tuple(sorted(s["positions"])))
            for s in summary["strata"]
        }
        letters = int(summary["letters"])
    except (KeyError, TypeError, ValueError) as error:
        raise WijkaanpakError(
            f"The summary is not one written by the invitation lottery ({error})."
        ) from None
    draws = draw_invitation_positions(counts, letters, seed=seed, oversampling=factors)
    differences = [
        stratum.neighbourhood
        for stratum in draws
        if claimed[stratum.neighbourhood] != (stratum.letters, stratum.positions)
    ]
    problems = []
    if differences:
        problems.append(
            "the seed and the published counts give other letters or positions in "
            + ", ".join(differences)
        )
    if addresses is not None:
        fingerprint = addresses_fingerprint(addresses)
        if fingerprint != summary.get("addresses_fingerprint"):
            problems.append(
                f"the address list has fingerprint {fingerprint[:12]}, not the "
                f"published {str(summary.get('addresses_fingerprint'))[:12]}"
            )
        if sorted(counts) != _counts(addresses):
            problems.append("the address list has other counts per neighbourhood")
    if problems:
        explanation = "The invitation draw does not match: " + "; ".join(problems) + "."
    else:
        explanation = (
            f"Re-running the invitation draw with seed {seed!r} gives the same "
            f"{letters} letters in {len(draws)} neighbourhoods."
        )
    return InvitationVerification(not problems, draws, explanation)


def _counts(addresses: Sequence[InvitationAddress]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for entry in addresses:
        counts[entry.neighbourhood] = counts.get(entry.neighbourhood, 0) + 1
    return sorted(counts.items())
