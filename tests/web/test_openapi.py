# SPDX-License-Identifier: EUPL-1.2
"""The published OpenAPI schema: served, valid in shape, and committed unchanged."""

from pathlib import Path

from django.test import Client

import pytest
import yaml

from wijkaanpak.web.api import generate_schema

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"


def generated_schema() -> dict:
    return generate_schema()


@pytest.mark.django_db
def test_the_schema_is_published_at_the_versioned_path():
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema == yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["version"] == "1.0.0"


def test_paths_follow_the_dutch_api_design_rules():
    paths = generated_schema()["paths"]

    assert paths, "the schema lists no paths"
    for path in paths:
        assert path.startswith("/api/v1/"), path
        assert not path.endswith("/"), f"{path} ends with a slash"
        collection = path.removeprefix("/api/v1/").split("/")[0]
        assert collection == collection.lower(), path
        assert "_" not in collection, f"{path} is not kebab-case"
    assert "/api/v1/focus-areas" in paths


def test_the_committed_schema_matches_the_code():
    # CI regenerates the schema too; this test says which file to refresh.
    assert COMMITTED.exists(), f"commit the schema: wijk openapi > {COMMITTED}"
    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))

    assert committed == generated_schema(), (
        "the API changed; regenerate docs/api/openapi.yaml with `wijk openapi`"
    )
