# SPDX-License-Identifier: EUPL-1.2
"""The suite runs on the database DATABASE_URL names: SQLite, or PostgreSQL in CI."""

import os

from django.db import connection

import pytest


@pytest.mark.django_db
def test_the_suite_runs_on_the_configured_database():
    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = (
        "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    )

    assert connection.vendor == expected
    if expected == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("select version()")
            print(cursor.fetchone()[0])
