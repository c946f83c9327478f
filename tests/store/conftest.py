"""Every storage test runs twice: on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from blueprint.store import DocumentStore, Settings, open_database


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'blueprint.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(database_url, monkeypatch, tmp_path):
    # The default data directory must never be touched by a test.
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    database = open_database(database_url)
    yield DocumentStore(database, Settings())
