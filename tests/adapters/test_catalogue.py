# SPDX-License-Identifier: EUPL-1.2
"""The default catalogue, users' catalogues and users' own figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from wijkaanpak.adapters.catalogue import (
    default_catalogue,
    merge_figures,
    read_catalogue,
    read_user_figures,
)
from wijkaanpak.adapters.cbs import read_kwb_csv
from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.indicators.catalogue import THEMES, indicator_values


def test_the_default_catalogue_covers_the_three_themes() -> None:
    catalogue = default_catalogue()
    assert {indicator.theme for indicator in catalogue.indicators} == set(THEMES)
    assert "social_assistance_per_1000" in catalogue
    assert catalogue["crime_per_1000"].denominator is not None


def test_a_csv_catalogue_is_read(tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text(
        "key;name_en;name_nl;theme;unit;direction;formula;denominator;scale\n"
        "unsafe;Feeling unsafe;Voelt zich onveilig;safety;%;higher_is_worse;"
        "survey_unsafe;a_inw;100\n",
        encoding="utf-8",
    )
    catalogue = read_catalogue(path)
    assert catalogue["unsafe"].formula.variables == frozenset({"survey_unsafe"})
    extended = default_catalogue().extended(catalogue.indicators)
    assert extended["unsafe"].theme == "safety"


def test_a_yaml_catalogue_with_a_bad_theme_names_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "own.yaml"
    path.write_text(
        "indicators:\n"
        "  - {key: a, name_en: A, name_nl: A, theme: money, unit: '%',"
        " direction: higher_is_worse, formula: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(WijkaanpakError, match=r"own.yaml, entry 1: .*theme 'money'"):
        read_catalogue(path)


def test_a_formula_with_a_call_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "own.yaml"
    path.write_text(
        "indicators:\n"
        "  - {key: a, name_en: A, name_nl: A, theme: safety, unit: '%',"
        " direction: higher_is_worse, formula: \"open('x')\"}\n",
        encoding="utf-8",
    )
    with pytest.raises(WijkaanpakError, match="only"):
        read_catalogue(path)


def test_users_figures_are_joined_by_code(tmp_path: Path) -> None:
    base = tmp_path / "kwb.csv"
    base.write_text("code;a_inw\nBU03440001;1000\nBU03440002;500\n", encoding="utf-8")
    own = tmp_path / "own.csv"
    own.write_text("buurt;Survey_Unsafe\nBU03440002;31,5\n", encoding="utf-8")
    merged = merge_figures(read_kwb_csv(base), read_user_figures(own))
    assert merged.areas[1].values["survey_unsafe"] == pytest.approx(31.5)
    assert merged.areas[0].values["survey_unsafe"] is None


@pytest.mark.shared_data
def test_the_default_catalogue_computes_on_real_utrecht_figures(
    shared_data: Path,
) -> None:
    table = read_kwb_csv(shared_data / "cbs_kwb" / "kwb_2023_utrecht_GM0344.csv")
    rows = table.rows(level="neighbourhood")
    values = indicator_values(default_catalogue(), table.columns_of(rows), len(rows))
    keys = [indicator.key for indicator in values.indicators]
    assert "social_assistance_per_1000" in keys
    assert "corporation_share" in keys
    column = keys.index("social_assistance_per_1000")
    assert np.nanmax(values.values[:, column]) > 50
