# SPDX-License-Identifier: EUPL-1.2
"""The ``wijk loting`` contract that users' scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wijkaanpak.cli import main

FEATURES = (
    "feature,value,min,max\ngender,f,1,2\ngender,m,1,2\nage,old,1,1\nage,young,0,2\n"
)
PEOPLE = "id,gender,age,email\n" + "".join(
    f"v{i},{'fm'[i % 2]},{'old' if i % 3 == 0 else 'young'},v{i}@example.org\n"
    for i in range(9)
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    features, people = tmp_path / "features.csv", tmp_path / "people.csv"
    features.write_text(FEATURES, encoding="utf-8")
    people.write_text(PEOPLE, encoding="utf-8")
    return people, features


def distribution(files, capsys) -> dict:
    people, features = files
    code = main(
        [
            "loting", "verdeling", "--people", str(people), "--features",
            str(features), "--panel-size", "3", "--format", "json",
        ]
    )  # fmt: skip
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_verdeling_prints_probabilities_and_weighted_panels(files, capsys):
    output = distribution(files, capsys)
    assert set(output["probabilities"]) == {f"v{i}" for i in range(9)}
    assert sum(output["probabilities"].values()) == 3
    assert sum(panel["weight"] for panel in output["panels"]) == 1
    for panel in output["panels"]:
        assert len(panel["members"]) == 3
        assert sum(1 for m in panel["members"] if int(m[1:]) % 3 == 0) == 1


def test_verdeling_probabilities_are_the_weights_of_named_panels(files, capsys):
    # The shape scripts read: panels of named members with a weight, and each
    # volunteer's probability the total weight of the panels they are on.
    output = distribution(files, capsys)
    assert set(output) == {
        "method", "panel_size", "weight_denominator", "levels", "people",
        "probabilities", "panels", "fingerprint",
    }  # fmt: skip
    for panel in output["panels"]:
        assert set(panel) == {"members", "weight", "weight_numerator"}
        assert (
            panel["weight"] * output["weight_denominator"]
            == (panel["weight_numerator"])
        )
    for person, probability in output["probabilities"].items():
        on = [p["weight"] for p in output["panels"] if person in p["members"]]
        assert probability == sum(on)
    # Old volunteers (v0, v3, v6) share the one "old" seat equally.
    old = [output["probabilities"][f"v{i}"] for i in (0, 3, 6)]
    assert old == pytest.approx([1 / 3] * 3, abs=1e-9)


def test_trek_and_verify_agree(files, capsys, tmp_path):
    published = tmp_path / "distribution.json"
    published.write_text(json.dumps(distribution(files, capsys)), encoding="utf-8")
    arguments = ["--distribution", str(published), "--seed", "03 14 15 92"]
    assert main(["loting", "trek", *arguments]) == 0
    members = json.loads(capsys.readouterr().out)["members"]
    assert main(["loting", "verify", *arguments, "--panel", ",".join(members)]) == 0
    assert "same 3 members" in capsys.readouterr().out


def test_verify_fails_on_another_panel(files, capsys, tmp_path):
    published = tmp_path / "distribution.json"
    output = distribution(files, capsys)
    published.write_text(json.dumps(output), encoding="utf-8")
    arguments = ["--distribution", str(published), "--seed", "03 14 15 92"]
    main(["loting", "trek", *arguments])
    drawn = json.loads(capsys.readouterr().out)["members"]
    other = next(p["members"] for p in output["panels"] if p["members"] != drawn)
    assert main(["loting", "verify", *arguments, "--panel", ",".join(other)]) == 1


def test_infeasible_quotas_exit_with_the_explanation(tmp_path, capsys):
    features, people = tmp_path / "features.csv", tmp_path / "people.csv"
    features.write_text("feature,value,min,max\ng,f,3,3\ng,m,0,3\n", encoding="utf-8")
    people.write_text("id,g\na,f\nb,f\nc,m\n", encoding="utf-8")
    code = main(
        [
            "loting", "verdeling", "--people", str(people), "--features",
            str(features), "--panel-size", "3",
        ]
    )  # fmt: skip
    assert code == 1
    assert "at least 3 with g = f" in capsys.readouterr().err


def test_verdeling_seats_one_member_per_normalised_address(tmp_path, capsys):
    features, people = tmp_path / "features.csv", tmp_path / "people.csv"
    features.write_text("feature,value,min,max\ng,f,0,2\ng,m,0,2\n", encoding="utf-8")
    people.write_text(
        "id,g,postcode,huisnummer\n"
        "a,f,3511 ab,12-a\nb,m,3511AB,12 A\nc,f,3511AB,14\nd,m,3511AB,16\n",
        encoding="utf-8",
    )
    code = main(
        [
            "loting", "verdeling", "--people", str(people), "--features",
            str(features), "--panel-size", "2", "--address-columns",
            "postcode,huisnummer",
        ]
    )  # fmt: skip
    assert code == 0
    output = json.loads(capsys.readouterr().out)
    for panel in output["panels"]:
        assert not {"a", "b"} <= set(panel["members"])


@pytest.fixture
def addresses(tmp_path: Path) -> Path:
    path = tmp_path / "adressen.csv"
    rows = ["straat;huisnummer;toevoeging;postcode;woonplaats;buurtcode"]
    rows += [f"Lindenlaan;{n};;3581 AC;Utrecht;BU01" for n in range(1, 61)]
    rows += [f"Eikenlaan;{n};hs;3582 AD;Utrecht;BU02" for n in range(1, 41)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_uitnodiging_writes_letters_and_prints_the_summary(addresses, tmp_path, capsys):
    from pypdf import PdfReader

    pdf, mail = tmp_path / "brieven.pdf", tmp_path / "brieven.csv"
    code = main(
        [
            "loting", "uitnodiging", str(addresses), "--count", "10", "--seed",
            "17 04 33", "--pdf", str(pdf), "--csv", str(mail), "--url",
            "https://gemeente.example/panel",
        ]
    )  # fmt: skip
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert [(s["neighbourhood"], s["letters"]) for s in summary["strata"]] == [
        ("BU01", 6),
        ("BU02", 4),
    ]
    assert summary["addresses"] == 100
    assert len(PdfReader(pdf).pages) == 10
    codes = [line.split(",")[0] for line in mail.read_text("utf-8-sig").splitlines()]
    assert len(set(codes[1:])) == 10
    # The published summary carries no codes.
    assert not any(c in json.dumps(summary) for c in codes[1:])


def test_verify_uitnodiging_re_runs_the_published_summary(addresses, tmp_path, capsys):
    arguments = ["loting", "uitnodiging", str(addresses), "--count", "10"]
    assert main([*arguments, "--seed", "5", "--oversample", "BU02=2"]) == 0
    published = tmp_path / "summary.json"
    published.write_text(capsys.readouterr().out, encoding="utf-8")
    check = ["loting", "verify-uitnodiging", "--summary", str(published)]
    assert main([*check, "--addresses", str(addresses)]) == 0
    assert "gives the same 10 letters" in capsys.readouterr().out
    summary = json.loads(published.read_text(encoding="utf-8"))
    summary["seed"] = "6"
    published.write_text(json.dumps(summary), encoding="utf-8")
    assert main(check) == 1


def test_uitnodiging_explains_bad_input(addresses, tmp_path, capsys):
    pdf = str(tmp_path / "x.pdf")
    base = ["loting", "uitnodiging", str(addresses), "--seed", "1"]
    assert main([*base, "--count", "5", "--pdf", pdf]) == 1
    assert "--url" in capsys.readouterr().err
    assert main([*base, "--count", "500"]) == 1
    assert "Cannot send 500 letters to 100 addresses" in capsys.readouterr().err
    assert main([*base, "--count", "5", "--oversample", "BU02=lots"]) == 1
    assert "NEIGHBOURHOOD=FACTOR" in capsys.readouterr().err
    broken = tmp_path / "kapot.csv"
    broken.write_text("postcode,huisnummer,buurt\n1234AB,x,n\n", encoding="utf-8")
    assert (
        main(["loting", "uitnodiging", str(broken), "--count", "1", "--seed", "1"]) == 1
    )
    assert f"{broken}, line 2: The house number 'x'" in capsys.readouterr().err


def test_vervang_keeps_the_quotas_and_can_be_verified(files, capsys, tmp_path):
    people, features = files
    output = distribution(files, capsys)
    panel = output["panels"][0]["members"]
    arguments = [
        "loting", "vervang", "--people", str(people), "--features", str(features),
        "--panel", ",".join(panel), "--dropped", panel[0], "--seed", "27 18",
    ]  # fmt: skip
    assert main(arguments) == 0
    result = json.loads(capsys.readouterr().out)
    assert len(result["replacements"]) == 1
    assert panel[0] not in result["panel"]
    assert sum(1 for m in result["panel"] if int(m[1:]) % 3 == 0) == 1
    published = tmp_path / "replacements.json"
    published.write_text(json.dumps(result["distribution"]), encoding="utf-8")
    check = ["--distribution", str(published), "--seed", "27 18"]
    assert main(["loting", "verify", *check, "--panel", *result["replacements"]]) == 0


def test_vervang_names_the_quota_that_no_replacement_can_keep(tmp_path, capsys):
    features, people = tmp_path / "features.csv", tmp_path / "people.csv"
    features.write_text("feature,value,min,max\ng,f,1,1\ng,m,1,1\n", encoding="utf-8")
    people.write_text("id,g\na,f\nb,m\nc,m\n", encoding="utf-8")
    arguments = [
        "loting", "vervang", "--people", str(people), "--features", str(features),
        "--panel", "a,b", "--dropped", "a", "--seed", "1",
    ]  # fmt: skip
    assert main(arguments) == 1
    error = capsys.readouterr().err
    assert "No replacement for the 1 free seat keeps every quota" in error
    assert "at most 1 with g = m (the members who stay have 1, so at most 0" in error


def test_stdout_holds_only_the_json_even_when_the_solver_prints(files):
    people, features = files
    done = subprocess.run(
        [
            sys.executable, "-m", "wijkaanpak", "loting", "verdeling", "--people",
            str(people), "--features", str(features), "--panel-size", "3",
        ],
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    assert json.loads(done.stdout)["panel_size"] == 3
