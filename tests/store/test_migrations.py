"""The Alembic migrations build exactly the tables the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from blueprint.store import open_database
from blueprint.store.models import Base


def test_migrations_match_the_models(database_url):
    database = open_database(database_url)
    with database.writer.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_opening_again_is_a_no_op_and_the_version_is_recorded(database_url):
    first = open_database(database_url)
    assert open_database(database_url) is first
    with first.reader.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0001"
        tables = set(inspect(connection).get_table_names())
    assert {"document", "revision", "owner", "board", "participant", "note", "vote_round", "vote", "action",
            "board_event"} <= tables


def test_the_sqlite_file_is_in_wal_mode_with_a_busy_timeout(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with database.writer.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_default_database_is_a_file_in_the_data_directory(tmp_path, monkeypatch):
    from blueprint.store import database_url

    monkeypatch.delenv("BLUEPRINT_DATABASE_URL", raising=False)
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    assert database_url() == f"sqlite:///{tmp_path / 'data' / 'blueprint.db'}"
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", "postgresql://bp@db.example/bp")
    assert database_url() == "postgresql+psycopg://bp@db.example/bp"
