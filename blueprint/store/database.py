"""Where the store lives: the database URL, the engines, and the migrations run on opening.

``$BLUEPRINT_DATABASE_URL`` names the database (``postgresql://user@host/db`` goes through psycopg
3); without it, SQLite in the data directory (``$BLUEPRINT_DATA_DIR``, else
``~/.local/share/service-blueprint``), file ``blueprint.db``, in WAL mode with a busy timeout.

On SQLite every write transaction starts with ``BEGIN IMMEDIATE`` on the one writer connection
of the process, so two writers queue for the lock instead of one failing half-way; readers use
their own connections and never wait for a writer (WAL). On PostgreSQL reads and writes have a
pool each, so that polling views never queue behind writers waiting for a board's lock.
Opening a database brings its tables up to date with the Alembic migrations shipped in
``migrations/``, under a lock so that two processes starting together do not both migrate.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["Database", "close_database", "data_directory", "database_url", "open_database"]

#: How long a writer waits for another process's write lock (SQLite) before giving up.
BUSY_TIMEOUT_MS = 30_000
_MIGRATIONS = "blueprint.store:migrations"
#: Any fixed number: the PostgreSQL advisory lock held while migrating.
_MIGRATION_LOCK = 0x6270_7374


def data_directory() -> Path:
    """``$BLUEPRINT_DATA_DIR``, else ``~/.local/share/service-blueprint``."""
    configured = os.environ.get("BLUEPRINT_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".local" / "share" / "service-blueprint"


def database_url(url: str | None = None) -> str:
    """``url``, else ``$BLUEPRINT_DATABASE_URL``, else the SQLite file in the data directory.

    A bare ``postgresql://`` URL is given the psycopg 3 driver.

    >>> database_url("postgresql://bp@localhost/bp")
    'postgresql+psycopg://bp@localhost/bp'
    >>> database_url("sqlite:////tmp/x.db")
    'sqlite:////tmp/x.db'
    """
    chosen = url or os.environ.get("BLUEPRINT_DATABASE_URL") or ""
    if not chosen:
        return f"sqlite:///{data_directory() / 'blueprint.db'}"
    for prefix in ("postgresql://", "postgres://"):
        if chosen.startswith(prefix):
            return "postgresql+psycopg://" + chosen[len(prefix):]
    return chosen


@dataclass
class Database:
    """The engines of one database and the sessions to read and write it."""

    url: str
    writer: Engine
    reader: Engine

    def __post_init__(self) -> None:
        # Made once: a sessionmaker per call would set up its event dispatch on every read.
        self._writing = sessionmaker(self.writer, expire_on_commit=False)
        self._reading = sessionmaker(self.reader, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.writer.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed on leaving, rolled back on an error."""
        with self._writing() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (its transaction sees one snapshot; nothing is written)."""
        with self._reading() as session:
            yield session

    def dispose(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()


def _sqlite_engine(url: str, *, writer: bool) -> Engine:
    # The one writer connection of the process (pool of one): threads queue here, processes at
    # BEGIN IMMEDIATE. Readers get a small pool of their own.
    pool = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 120} if writer else {"pool_size": 4}
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
                           **pool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        # Transactions are begun by hand below, so the driver must not begin them itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


def _engines(url: str) -> tuple[Engine, Engine]:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return _sqlite_engine(url, writer=True), _sqlite_engine(url, writer=False)
    # Reads have a pool of their own: every open view polls the board each second, and a burst of
    # writes queueing for the board's row lock (each holding its connection meanwhile) must not make
    # those polls wait for a connection, nor the polls the writes. Per process at most 20 writing
    # and 30 reading connections: two servers stay well inside PostgreSQL's default 100.
    writer = create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)
    reader = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    return writer, reader


def _migrate(database: Database) -> None:
    """Bring the schema to the newest migration (only one process at a time does it)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _MIGRATIONS)
    with database.writer.connect() as connection:
        if database.is_sqlite:
            lock_path = make_url(database.url).database
            lock = open(f"{lock_path}.migrate-lock", "a") if lock_path and lock_path != ":memory:" else None
            try:
                if lock is not None:
                    fcntl.flock(lock, fcntl.LOCK_EX)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            finally:
                if lock is not None:
                    lock.close()
        else:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
            connection.commit()
            try:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})
                connection.commit()


_opened: dict[str, Database] = {}
_opening = threading.Lock()


def open_database(url: str | None = None) -> Database:
    """The database at ``url`` (see :func:`database_url`), migrated; one per URL per process."""
    resolved = database_url(url)
    with _opening:
        found = _opened.get(resolved)
        if found is None:
            writer, reader = _engines(resolved)
            found = Database(resolved, writer, reader)
            _migrate(found)
            _opened[resolved] = found
        return found


def close_database(url: str | None = None) -> None:
    """Close the connections of the database at ``url`` (it opens again, migrated, when next asked for)."""
    resolved = database_url(url)
    with _opening:
        found = _opened.pop(resolved, None)
    if found is not None:
        found.dispose()
