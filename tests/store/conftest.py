"""Every storage test runs twice: on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from blueprint.store import DocumentStore, Settings, close_database, open_database


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'blueprint.db'}" if request.param == "sqlite" else \
        request.getfixturevalue("postgres_url")
    yield url
    close_database(url)


@pytest.fixture
def store(database_url, monkeypatch, tmp_path):
    # The default data directory must never be touched by a test.
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    database = open_database(database_url)
    yield DocumentStore(database, Settings())
