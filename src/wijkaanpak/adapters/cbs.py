# SPDX-License-Identifier: EUPL-1.2
"""Importer of CBS "Kerncijfers wijken en buurten" (KWB) figures.

The same figures reach users in three spellings: the short codes of CBS's
``kwb-YYYY.xlsx`` and CSV files (``a_inw``, ``p_wcorpw``), the StatLine OData
keys with a numeric suffix that changes between years (``AantalInwoners_5``),
and PDOK's camelCase or snake_case property names (``aantalInwoners``,
``aantal_inwoners``). This module maps all three onto the canonical identifiers,
which are the lowercase KWB short codes. It finds the column of area codes by
its values, reads ``.``, empty and ``-99999999``-style sentinels as missing,
accepts decimal commas and points, derives what it can, and parses the whole
file before returning, so a file is imported completely or not at all.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from wijkaanpak.core.areas.codes import is_area_code
from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "AreaFigures",
    "KwbTable",
    "canonical_variable",
    "read_code_list",
    "read_kwb_csv",
    "read_kwb_odata",
]

Level = Literal["municipality", "district", "neighbourhood"]

#: Area codes of CBS: gemeente, wijk and buurt, the latter two alphanumeric
#: since 2022 (``WK0363AA``, ``BU0363AA01``).
LEVELS: Mapping[str, Level] = {
    "GM": "municipality",
    "WK": "district",
    "BU": "neighbourhood",
}
MISSING_TEXT = frozenset({"", ".", "-", "x", "X", "?", "nan", "NaN", "NA", "None"})
#: CBS marks secret or unavailable values with large negative numbers
#: (``-99999999``, ``-99999997`` and similar).
SENTINEL_LIMIT = -99_999_000.0

#: KWB short codes (``kwb-YYYY.xlsx``), lowercase: the canonical identifiers.
SHORT_CODES = frozenset(
    [
        "gwb_code_10",
        "gwb_code_8",
        "regio",
        "gm_naam",
        "recs",
        "gwb_code",
        "ind_wbi",
        "a_inw",
        "a_man",
        "a_vrouw",
        "a_00_14",
        "a_15_24",
        "a_25_44",
        "a_45_64",
        "a_65_oo",
        "a_ongeh",
        "a_gehuwd",
        "a_gesch",
        "a_verwed",
        "a_nl_all",
        "a_eur_al",
        "a_neu_al",
        "a_geb_nl",
        "a_geb_eu",
        "a_geb_ne",
        "a_gbl_eu",
        "a_gbl_ne",
        "a_geb",
        "p_geb",
        "a_ste",
        "p_ste",
        "a_hh",
        "a_1p_hh",
        "a_hh_z_k",
        "a_hh_m_k",
        "g_hhgro",
        "bev_dich",
        "a_woning",
        "g_wozbag",
        "p_1gezw",
        "p_mgezw",
        "p_bewndw",
        "p_leegsw",
        "p_koopw",
        "p_huurw",
        "p_wcorpw",
        "p_ov_hw",
        "p_e_o_w",
        "p_bjj2k",
        "p_bjo2k",
        "g_ele",
        "g_ele_ap",
        "g_ele_tw",
        "g_ele_hw",
        "g_ele_2w",
        "g_ele_vw",
        "g_ele_hu",
        "g_ele_ko",
        "g_gas",
        "g_gas_ap",
        "g_gas_tw",
        "g_gas_hw",
        "g_gas_2w",
        "g_gas_vw",
        "g_gas_hu",
        "g_gas_ko",
        "p_stadsv",
        "a_opl_lg",
        "a_opl_md",
        "a_opl_hg",
        "p_arb_pp",
        "p_arb_wn",
        "p_arb_zs",
        "a_inkont",
        "g_ink_po",
        "g_ink_pi",
        "p_ink_li",
        "p_ink_hi",
        "g_hh_sti",
        "p_hh_li",
        "p_hh_hi",
        "p_hh_lkk",
        "p_hh_osm",
        "p_hh_110",
        "p_hh_120",
        "m_hh_ver",
        "a_soz_wb",
        "a_soz_ao",
        "a_soz_ww",
        "a_soz_ow",
        "a_jz_tn",
        "p_jz_tn",
        "a_wmo_t",
        "p_wmo_t",
        "a_bedv",
        "a_bed_a",
        "a_bed_bf",
        "a_bed_gi",
        "a_bed_hj",
        "a_bed_kl",
        "a_bed_mn",
        "a_bed_oq",
        "a_bed_ru",
        "a_pau",
        "a_bst_b",
        "a_bst_nb",
        "g_pau_hh",
        "g_pau_km",
        "a_m2w",
        "g_afs_hp",
        "g_afs_gs",
        "g_afs_kv",
        "g_afs_sc",
        "g_3km_sc",
        "a_opp_ha",
        "a_lan_ha",
        "a_wat_ha",
        "pst_mvp",
        "pst_dekp",
        "ste_mvs",
        "ste_oad",
        "a_hh_m_k",
        "crime_total",
        "crime_high_impact",
        "lbm_score",
        "p_00_14",
        "p_15_24",
        "p_25_44",
        "p_45_64",
        "p_65_oo",
    ]
)

#: StatLine OData stems (the key without its numeric suffix) by meaning. A stem
#: that occurs more than once in a table (``Nederland`` for origin and for place
#: of birth) maps to a tuple: the n-th occurrence, in suffix order, takes the
#: n-th code.
ODATA_STEMS: Mapping[str, str | tuple[str, ...]] = {
    "AantalInwoners": "a_inw",
    "Mannen": "a_man",
    "Vrouwen": "a_vrouw",
    "k_0Tot15Jaar": "a_00_14",
    "k_15Tot25Jaar": "a_15_24",
    "k_25Tot45Jaar": "a_25_44",
    "k_45Tot65Jaar": "a_45_64",
    "k_65JaarOfOuder": "a_65_oo",
    "Ongehuwd": "a_ongeh",
    "Gehuwd": "a_gehuwd",
    "Gescheiden": "a_gesch",
    "Verweduwd": "a_verwed",
    "Nederland": ("a_nl_all", "a_geb_nl"),
    "EuropaExclusiefNederland": ("a_eur_al", "a_geb_eu", "a_gbl_eu"),
    "BuitenEuropa": ("a_neu_al", "a_geb_ne", "a_gbl_ne"),
    "GeboorteTotaal": "a_geb",
    "GeboorteRelatief": "p_geb",
    "SterfteTotaal": "a_ste",
    "SterfteRelatief": "p_ste",
    "HuishoudensTotaal": "a_hh",
    "Eenpersoonshuishoudens": "a_1p_hh",
    "HuishoudensZonderKinderen": "a_hh_z_k",
    "HuishoudensMetKinderen": "a_hh_m_k",
    "GemiddeldeHuishoudensgrootte": "g_hhgro",
    "Bevolkingsdichtheid": "bev_dich",
    "Woningvoorraad": "a_woning",
    "GemiddeldeWOZWaardeVanWoningen": "g_wozbag",
    "PercentageEengezinswoning": "p_1gezw",
    "PercentageMeergezinswoning": "p_mgezw",
    "OnbewoondeWoningen": "p_leegsw",
    "Koopwoningen": "p_koopw",
    "HuurwoningenTotaal": "p_huurw",
    "InBezitWoningcorporatie": "p_wcorpw",
    "InBezitOverigeVerhuurders": "p_ov_hw",
    "GemiddeldeElektriciteitsleveringTotaal": "g_ele",
    "GemiddeldAardgasverbruikTotaal": "g_gas",
    "PercentageWoningenMetStadsverwarming": "p_stadsv",
    "BasisonderwijsVmboMbo1": "a_opl_lg",
    "HavoVwoMbo24": "a_opl_md",
    "HboWo": "a_opl_hg",
    "Nettoarbeidsparticipatie": "p_arb_pp",
    "PercentageWerknemers": "p_arb_wn",
    "PercentageZelfstandigen": "p_arb_zs",
    "AantalInkomensontvangers": "a_inkont",
    "GemiddeldInkomenPerInkomensontvanger": "g_ink_po",
    "GemiddeldInkomenPerInwoner": "g_ink_pi",
    "k_40PersonenMetLaagsteInkomen": "p_ink_li",
    "k_20PersonenMetHoogsteInkomen": "p_ink_hi",
    "GemGestandaardiseerdInkomenVanHuish": "g_hh_sti",
    "k_40HuishoudensMetLaagsteInkomen": "p_hh_li",
    "k_20HuishoudensMetHoogsteInkomen": "p_hh_hi",
    "HuishoudensMetEenLaagInkomen": "p_hh_lkk",
    "HuishOnderOfRondSociaalMinimum": "p_hh_osm",
    "HuishoudensTot110VanSociaalMinimum": "p_hh_110",
    "HuishoudensTot120VanSociaalMinimum": "p_hh_120",
    "MediaanVermogenVanParticuliereHuish": "m_hh_ver",
    "PersonenPerSoortUitkeringBijstand": "a_soz_wb",
    "PersonenPerSoortUitkeringAO": "a_soz_ao",
    "PersonenPerSoortUitkeringWW": "a_soz_ww",
    "PersonenPerSoortUitkeringAOW": "a_soz_ow",
    "JongerenMetJeugdzorgInNatura": "a_jz_tn",
    "PercentageJongerenMetJeugdzorg": "p_jz_tn",
    "WmoClienten": "a_wmo_t",
    "WmoClientenRelatief": "p_wmo_t",
    "BedrijfsvestigingenTotaal": "a_bedv",
    "PersonenautoSTotaal": "a_pau",
    "PersonenautoSBrandstofBenzine": "a_bst_b",
    "PersonenautoSOverigeBrandstof": "a_bst_nb",
    "PersonenautoSPerHuishouden": "g_pau_hh",
    "PersonenautoSNaarOppervlakte": "g_pau_km",
    "Motorfietsen": "a_m2w",
    "AfstandTotHuisartsenpraktijk": "g_afs_hp",
    "AfstandTotGroteSupermarkt": "g_afs_gs",
    "AfstandTotKinderdagverblijf": "g_afs_kv",
    "AfstandTotSchool": "g_afs_sc",
    "ScholenBinnen3Km": "g_3km_sc",
    "OppervlakteTotaal": "a_opp_ha",
    "OppervlakteLand": "a_lan_ha",
    "OppervlakteWater": "a_wat_ha",
    "MeestVoorkomendePostcode": "pst_mvp",
    "Dekkingspercentage": "pst_dekp",
    "MateVanStedelijkheid": "ste_mvs",
    "Omgevingsadressendichtheid": "ste_oad",
    "Gemeentenaam": "gm_naam",
    "SoortRegio": "recs",
    "Codering": "gwb_code",
}

#: PDOK and other open-data property names, compared lowercase without
#: underscores (so ``aantalInwoners`` and ``aantal_inwoners`` are one name).
PDOK_NAMES: Mapping[str, str] = {
    "aantalinwoners": "a_inw",
    "mannen": "a_man",
    "vrouwen": "a_vrouw",
    "aantalhuishoudens": "a_hh",
    "huishoudens": "a_hh",
    "gemiddeldehuishoudsgrootte": "g_hhgro",
    "gemhuishoudengrootte": "g_hhgro",
    "bevolkingsdichtheidinwonersperkm2": "bev_dich",
    "bevolkingsdichtheid": "bev_dich",
    "percentagepersonen0tot15jaar": "p_00_14",
    "percentagepersonen15tot25jaar": "p_15_24",
    "percentagepersonen25tot45jaar": "p_25_44",
    "percentagepersonen45tot65jaar": "p_45_64",
    "percentagepersonen65jaarenouder": "p_65_oo",
    "015": "p_00_14",
    "1525": "p_15_24",
    "2545": "p_25_45",
    "4565": "p_45_65",
    "65plus": "p_65_oo",
    "aantalwoningen": "a_woning",
    "woningvoorraad": "a_woning",
    "gemiddeldewoningwaarde": "g_wozbag",
    "gemwozwaarde": "g_wozbag",
    "percentagekoopwoningen": "p_koopw",
    "percentagehuurwoningen": "p_huurw",
    "percentagewoningencorporatie": "p_wcorpw",
    "pcthuurcorporatie": "p_wcorpw",
    "percentagehuishoudensmetlaaginkomen": "p_hh_lkk",
    "pcthhlaaginkomen": "p_hh_lkk",
    "percentagehuishoudensonderofrondsociaalminimum": "p_hh_osm",
    "pctrondsociaalmin": "p_hh_osm",
    "pctjeugdzorg": "p_jz_tn",
    "arbeidsparticipatie": "p_arb_pp",
    "nettoarbeidsparticipatie": "p_arb_pp",
    "gemiddeldinkomenperinwoner": "g_ink_pi",
    "geminkomeninwoner": "g_ink_pi",
    "crtotaalmisdrijven": "crime_total",
    "totaalmisdrijven": "crime_total",
    "highimpactcrime": "crime_high_impact",
    "lbm": "lbm_score",
    "lbmscore": "lbm_score",
    "oppervlaktetotaalinha": "a_opp_ha",
    "oppervlaktelandinha": "a_lan_ha",
    "oppervlaktewaterinha": "a_wat_ha",
    "omgevingsadressendichtheid": "ste_oad",
    "stedelijkheidadressenperkm2": "ste_mvs",
    "jaar": "jaar",
    "jaartal": "jaar",
    "perioden": "jaar",
}

NAME_COLUMNS = (
    "regio",
    "regio_naam",
    "naam",
    "statnaam",
    "buurtnaam",
    "wijknaam",
    "gemeentenaam",
    "wijkenenbuurten",
    "name",
)
AGE_GROUPS = ("a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo")


@dataclass(frozen=True, slots=True)
class AreaFigures:
    """The figures of one area (gemeente, wijk or buurt).

    Attributes
    ----------
    code : str
        CBS code (``BU03440000``).
    name : str
        Name as in the file.
    level : {"municipality", "district", "neighbourhood"}
        From the code's prefix.
    year : int or None
        The year of the figures.
    values : mapping of str to float or None
        Canonical variable identifier to value; ``None`` is missing.
    """

    code: str
    name: str
    level: Level
    year: int | None
    values: Mapping[str, float | None]


@dataclass(frozen=True, slots=True)
class KwbTable:
    """An imported KWB file.

    Attributes
    ----------
    areas : tuple of AreaFigures
        One entry per row, in file order.
    boundary_year : int or None
        The year of the area classification (given, or the year of the file).
    columns : mapping of str to str
        Source column name to the canonical identifier used.
    source : str
        The file or service the figures came from.
    variables : tuple of str
        Canonical identifiers of the numeric columns, in order.
    matrix : numpy.ndarray
        Shape ``(areas, variables)``, ``nan`` for missing: the same values as
        ``areas`` for fast analysis.
    """

    areas: tuple[AreaFigures, ...]
    boundary_year: int | None
    columns: Mapping[str, str]
    source: str
    variables: tuple[str, ...]
    matrix: NDArray[np.float64] = field(repr=False)

    def rows(
        self, *, level: Level | None = None, municipality: str | None = None
    ) -> list[int]:
        """Return the row positions of one level and one municipality.

        Parameters
        ----------
        level : str, optional
            Keep only this level.
        municipality : str, optional
            Keep only areas of this municipality code (``GM0344``).
        """
        digits = municipality[2:] if municipality else None
        return [
            i
            for i, area in enumerate(self.areas)
            if (level is None or area.level == level)
            and (digits is None or area.code[2:6] == digits)
        ]

    def columns_of(self, rows: Sequence[int]) -> dict[str, NDArray[np.float64]]:
        """Return each variable's values for the given rows, as arrays."""
        block = self.matrix[list(rows)]
        return {name: block[:, i] for i, name in enumerate(self.variables)}

    def area(self, code: str) -> AreaFigures:
        """Return the figures of one area by code."""
        for area in self.areas:
            if area.code == code:
                return area
        raise WijkaanpakError(f"{self.source} holds no area {code}.")


def canonical_variable(name: str, *, occurrence: int = 0) -> str | None:
    """Map a column name in any of the three spellings to its canonical id.

    Parameters
    ----------
    name : str
        Column name: KWB short code (any case), StatLine OData key or PDOK name.
    occurrence : int, default 0
        For OData stems that occur more than once, which occurrence this is.

    Returns
    -------
    str or None
        The canonical identifier, or ``None`` if the name is unknown.

    Examples
    --------
    >>> canonical_variable("AantalInwoners_5"), canonical_variable("A_INW")
    ('a_inw', 'a_inw')
    >>> canonical_variable("percentageHuishoudensMetLaagInkomen")
    'p_hh_lkk'
    >>> canonical_variable("Nederland_20", occurrence=1)
    'a_geb_nl'
    """
    cleaned = name.strip()
    if cleaned.lower() in SHORT_CODES:
        return cleaned.lower()
    stem = re.sub(r"_\d+$", "", cleaned)
    if stem != cleaned and stem in ODATA_STEMS:
        target = ODATA_STEMS[stem]
        if isinstance(target, tuple):
            return target[min(occurrence, len(target) - 1)]
        return target
    return PDOK_NAMES.get(cleaned.lower().replace("_", ""))


def _map_columns(header: Sequence[str]) -> dict[int, str]:
    """Map column positions to canonical identifiers; unknown names lowercased."""
    seen: dict[str, int] = {}
    ordered = sorted(
        range(len(header)),
        key=lambda i: (
            int(m.group(1)) if (m := re.search(r"_(\d+)$", header[i])) else 0,
            i,
        ),
    )
    mapping: dict[int, str] = {}
    for i in ordered:
        stem = re.sub(r"_\d+$", "", header[i].strip())
        occurrence = seen.get(stem, 0)
        seen[stem] = occurrence + 1
        known = canonical_variable(header[i], occurrence=occurrence)
        mapping[i] = known or re.sub(r"\W+", "_", header[i].strip().lower()).strip("_")
    return mapping


def _to_numbers(column: Sequence[str]) -> NDArray[np.float64] | None:
    """Parse text values to floats; ``None`` if the column is not numeric."""
    missing = MISSING_TEXT
    cleaned = ["nan" if value.strip() in missing else value for value in column]
    if "," in "".join(cleaned):
        cleaned = [
            value.replace(".", "").replace(",", ".") if "," in value else value
            for value in cleaned
        ]
    try:
        numbers = np.fromiter(map(float, cleaned), dtype=np.float64, count=len(cleaned))
    except ValueError:
        try:
            numbers = np.fromiter(
                (
                    float(value.replace(" ", "").replace("\u00a0", ""))
                    for value in cleaned
                ),
                dtype=np.float64,
                count=len(cleaned),
            )
        except ValueError:
            return None
    numbers[numbers <= SENTINEL_LIMIT] = np.nan
    return numbers


class _RowValues(Mapping[str, float | None]):
    """One row of the matrix seen as a mapping; ``nan`` reads as ``None``."""

    __slots__ = ("_index", "_row")

    def __init__(self, index: Mapping[str, int], row: NDArray[np.float64]) -> None:
        self._index = index
        self._row = row

    def __getitem__(self, key: str) -> float | None:
        value = float(self._row[self._index[key]])
        return None if math.isnan(value) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return repr(dict(self))


def _fast_numbers(
    text: str | None,
    delimiter: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    skip: tuple[int, int | None],
) -> dict[int, NDArray[np.float64]]:
    """Parse the numeric columns of an unquoted file with NumPy's C reader.

    Returns nothing when the file does not suit (quotes, decimal commas with a
    comma delimiter, a column that turns out not to be numeric); the caller
    then parses column by column.
    """
    if text is None or '"' in text or len(rows) < 1000:
        return {}
    sample = rows[:200]
    candidates = [
        i
        for i in range(len(header))
        if i not in skip and _to_numbers([row[i] for row in sample]) is not None
    ]
    if not candidates:
        return {}
    body = text.split("\n", 1)[1] if "\n" in text else ""
    body = "\n".join(line for line in body.splitlines() if line.strip())
    if delimiter != "," and "," in body:
        body = body.replace(",", ".")
    escaped = re.escape(delimiter)
    body = re.sub(
        rf"(?<![^{escaped}\n])(?:\.|-|x|X|\?|)(?=[{escaped}\r\n]|$)",
        "nan",
        body,
    )
    try:
        block = np.loadtxt(
            io.StringIO(body),
            delimiter=delimiter,
            usecols=candidates,
            dtype=np.float64,
            comments=None,
            ndmin=2,
        )
    except ValueError:
        return {}
    if block.shape[0] != len(rows):
        return {}
    block[block <= SENTINEL_LIMIT] = np.nan
    return {column: block[:, k] for k, column in enumerate(candidates)}


def _sniff_delimiter(line: str, path: str, delimiter: str | None) -> str:
    if delimiter is not None:
        if line.count(delimiter) == 0:
            raise WijkaanpakError(
                f"{path}, line 1: the header has no {delimiter!r}; the file uses "
                "another delimiter (CBS files use ';' or ',')."
            )
        return delimiter
    counts = {candidate: line.count(candidate) for candidate in (";", ",", "\t")}
    best = max(counts, key=lambda candidate: counts[candidate])
    if counts[best] == 0:
        raise WijkaanpakError(
            f"{path}, line 1: no delimiter found (neither ';', ',' nor tab); "
            "save the file as CSV."
        )
    return best


def _code_column(
    header: Sequence[str], rows: Sequence[Sequence[str]], path: str
) -> int:
    best, best_hits = -1, 0
    sample = rows[:2000]
    head = rows[:20]
    for column in range(len(header)):
        if not any(is_area_code(row[column].strip().upper()) for row in head):
            continue
        hits = sum(1 for row in sample if is_area_code(row[column].strip().upper()))
        if hits > best_hits and hits >= 0.9 * len(sample):
            best, best_hits = column, hits
    if best < 0:
        raise WijkaanpakError(
            f"{path}, line 1: no column holds CBS area codes (GM0344, WK034403, "
            "BU03440000); add one."
        )
    return best


def _name_column(header: Sequence[str], code: int) -> int | None:
    lowered = [name.strip().lower() for name in header]
    for wanted in NAME_COLUMNS:
        if wanted in lowered and lowered.index(wanted) != code:
            return lowered.index(wanted)
    return None


def _derive(values: dict[str, NDArray[np.float64]], size: int) -> list[str]:
    """Fill what can be derived; return the identifiers derived."""
    derived = []
    ages = [values.get(name) for name in AGE_GROUPS]
    if all(age is not None for age in ages):
        total = np.sum([age for age in ages if age is not None], axis=0)
        if "a_inw" not in values:
            values["a_inw"] = total
            derived.append("a_inw")
        else:
            values["a_inw"] = np.where(
                np.isnan(values["a_inw"]), total, values["a_inw"]
            )
    inhabitants = values.get("a_inw")
    if inhabitants is not None:
        for share, count in zip(
            ("p_00_14", "p_15_24", "p_25_44", "p_45_64", "p_65_oo"),
            AGE_GROUPS,
            strict=True,
        ):
            if share in values and count not in values:
                values[count] = values[share] * inhabitants / 100.0
                derived.append(count)
    return derived


def _build(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    path: str,
    first_line: int,
    boundary_year: int | None,
    known_codes: Collection[str] | None,
    require: Iterable[str],
    progress: Callable[[int, int], None] | None,
    text: str | None = None,
    delimiter: str = ";",
) -> KwbTable:
    width = len(header)
    for number, row in enumerate(rows):
        if len(row) != width:
            raise WijkaanpakError(
                f"{path}, line {first_line + number}: {len(row)} fields where the "
                f"header has {width}; check the delimiter and quoting."
            )
    if not rows:
        raise WijkaanpakError(f"{path}: the file holds a header but no areas.")
    code_at = _code_column(header, rows, path)
    name_at = _name_column(header, code_at)
    mapping = _map_columns(header)
    codes = [row[code_at].strip().upper() for row in rows]
    seen: dict[str, int] = {}
    for number, code in enumerate(codes):
        if not is_area_code(code):
            raise WijkaanpakError(
                f"{path}, line {first_line + number}: {code!r} is not a CBS area code."
            )
        if code in seen:
            raise WijkaanpakError(
                f"{path}, line {first_line + number}: area {code} also appears on "
                f"line {first_line + seen[code]}."
            )
        seen[code] = number
        if known_codes is not None and code[:2] != "GM" and code not in known_codes:
            raise WijkaanpakError(
                f"{path}, line {first_line + number}: {code} is not in the code list "
                "of the boundary year; the file uses another boundary year."
            )
    fast = _fast_numbers(text, delimiter, header, rows, (code_at, name_at))
    numeric: dict[str, NDArray[np.float64]] = {}
    used: dict[str, str] = {}
    total = width
    for position in range(width):
        if progress is not None:
            progress(position + 1, total)
        if position in (code_at, name_at):
            continue
        target = mapping[position]
        if target in numeric:
            continue
        if position in fast:
            numbers: NDArray[np.float64] | None = fast[position]
        else:
            numbers = _to_numbers([row[position] for row in rows])
        if numbers is None:
            continue
        numeric[target] = numbers
        used[header[position]] = target
    _derive(numeric, len(rows))
    missing = sorted(set(require) - set(numeric))
    if missing:
        raise WijkaanpakError(
            f"{path}, line {first_line - 1}: the header lacks columns for "
            f"{', '.join(missing)}, needed by the requested indicators."
        )
    year_values = numeric.pop("jaar", None)
    file_year = None
    if year_values is not None and not np.all(np.isnan(year_values)):
        file_year = int(np.nanmax(year_values))
    else:
        match = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", Path(path).name)
        file_year = int(match.group(1)) if match else None
    variables = tuple(numeric)
    matrix = (
        np.column_stack([numeric[name] for name in variables])
        if variables
        else np.zeros((len(rows), 0))
    )
    names = [row[name_at].strip() if name_at is not None else "" for row in rows]
    index = {name: i for i, name in enumerate(variables)}
    areas = [
        AreaFigures(
            code=code,
            name=names[i],
            level=LEVELS[code[:2]],
            year=file_year,
            values=_RowValues(index, matrix[i]),
        )
        for i, code in enumerate(codes)
    ]
    return KwbTable(
        areas=tuple(areas),
        boundary_year=boundary_year if boundary_year is not None else file_year,
        columns=used,
        source=path,
        variables=variables,
        matrix=matrix,
    )


def read_kwb_csv(
    path: str | Path,
    *,
    delimiter: str | None = None,
    boundary_year: int | None = None,
    known_codes: Collection[str] | None = None,
    require: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> KwbTable:
    """Read a KWB CSV file in any of the three spellings.

    Parameters
    ----------
    path : str or Path
        The CSV file (UTF-8, with or without byte-order mark).
    delimiter : str, optional
        ``;``, ``,`` or tab; detected from the header when omitted.
    boundary_year : int, optional
        The year of the area classification; the file's year when omitted.
    known_codes : collection of str, optional
        The wijk and buurt codes of the boundary year (see
        :func:`read_code_list`); codes outside it are an error.
    require : iterable of str
        Canonical identifiers that must be present (after derivation).
    progress : callable, optional
        Called as ``progress(done, total)`` while columns are parsed.

    Returns
    -------
    KwbTable
        All rows, fully parsed.

    Raises
    ------
    WijkaanpakError
        Naming the file and line: wrong delimiter, no code column, ragged
        rows, duplicate or unknown codes, missing required columns.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = Path(path).read_text(encoding="latin-1")
    first = text.split("\n", 1)[0]
    chosen = _sniff_delimiter(first, name, delimiter)
    records = [row for row in csv.reader(io.StringIO(text), delimiter=chosen) if row]
    header, rows = records[0], records[1:]
    return _build(
        header,
        rows,
        path=name,
        first_line=2,
        boundary_year=boundary_year,
        known_codes=known_codes,
        require=require,
        progress=progress,
        text=text,
        delimiter=chosen,
    )


def read_kwb_odata(
    records: Sequence[Mapping[str, Any]],
    *,
    source: str = "StatLine OData",
    boundary_year: int | None = None,
    known_codes: Collection[str] | None = None,
    require: Iterable[str] = (),
) -> KwbTable:
    """Read the records the ``cbsodata`` client returns for a KWB table.

    Parameters
    ----------
    records : sequence of mapping
        ``cbsodata.get_data("85984NED")`` output: one dict per area with OData
        keys (``AantalInwoners_5``); codes in ``Codering_3`` or similar.
    source : str
        Named in error messages (for example the table id).
    boundary_year, known_codes, require
        As for :func:`read_kwb_csv`.

    Returns
    -------
    KwbTable
        The figures, mapped to canonical identifiers. Line numbers in errors
        count records from 1.

    Examples
    --------
    >>> table = read_kwb_odata(
    ...     [
    ...         {
    ...             "WijkenEnBuurten": "Utrecht",
    ...             "Codering_3": "GM0344    ",
    ...             "AantalInwoners_5": 374238,
    ...         }
    ...     ],
    ...     boundary_year=2024,
    ... )
    >>> table.areas[0].code, table.areas[0].values["a_inw"]
    ('GM0344', 374238.0)
    """
    if not records:
        raise WijkaanpakError(f"{source}: the response holds no records.")
    header = list(records[0])
    rows = []
    for record in records:
        rows.append(
            ["" if record.get(key) is None else str(record.get(key)) for key in header]
        )
    return _build(
        header,
        rows,
        path=source,
        first_line=1,
        boundary_year=boundary_year,
        known_codes=known_codes,
        require=require,
        progress=None,
    )


def read_code_list(path: str | Path) -> frozenset[str]:
    """Read every CBS code in a code list (such as ``buurten_2025.csv``).

    Parameters
    ----------
    path : str or Path
        A CSV file; every cell that is a CBS code is collected.

    Returns
    -------
    frozenset of str
        The codes.
    """
    text = Path(path).read_text(encoding="utf-8-sig")
    delimiter = _sniff_delimiter(text.split("\n", 1)[0], str(path), None)
    return frozenset(
        cell.strip().upper()
        for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        for cell in row
        if is_area_code(cell.strip().upper())
    )
