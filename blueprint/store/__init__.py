"""One store for everything people type: drafts and their revisions, and the workshop boards.

SQLAlchemy 2 over SQLite by default (a file in the data directory) or PostgreSQL when
``$BLUEPRINT_DATABASE_URL`` names one; the tables are migrated with Alembic on opening.

>>> import tempfile
>>> store = open_store(f"sqlite:///{tempfile.mkdtemp()}/bp.db")
>>> draft = store.create("title: a\\nlocale: en\\n", owner="owner-token-1")
>>> store.save(draft.id, draft.revision, "title: b\\nlocale: en\\n", author="one tab").status
'saved'
>>> store.save(draft.id, draft.revision, "title: a\\nlocale: en\\nversion: 2\\n", author="another tab").status
'merged'
>>> store.get(draft.id).text
'title: b\\nlocale: en\\nversion: 2\\n'
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .database import Database, close_database, data_directory, database_url, open_database
from .documents import DocumentStore, Draft, DraftInfo, QuotaExceeded, RevisionInfo, SaveResult
from .legacy import import_drafts, legacy_directory, remove_stale_temporaries
from .merge import Conflict, MergeResult, merge3
from .settings import Settings

__all__ = [
    "Conflict", "Database", "DocumentStore", "Draft", "DraftInfo", "MergeResult", "QuotaExceeded",
    "RevisionInfo", "SaveResult", "Settings", "StartReport", "close_database", "data_directory", "database_url",
    "merge3", "open_database", "open_store", "start_up",
]

_started: set[str] = set()
#: One store per database URL in a process (with the settings of the environment).
_stores: dict[str, DocumentStore] = {}
_starting = threading.Lock()


def open_store(url: str | None = None, settings: Settings | None = None) -> DocumentStore:
    """The documents of the database at ``url`` (see :func:`database_url`), ready to use.

    The first time in a process: the tables are migrated, the old draft files imported, stale
    temporary files removed and untouched copies past their expiry deleted.
    """
    database = open_database(url)
    with _starting:
        store = _stores.get(database.url) if settings is None else None
        if store is None or store.database is not database:
            store = DocumentStore(database, settings)
            if settings is None:
                _stores[database.url] = store
        if database.url not in _started:
            _started.add(database.url)
            start_up(store)
    return store


@dataclass(frozen=True, slots=True)
class StartReport:
    """What opening a store did: old draft files imported, temporaries removed, copies expired."""

    imported: int
    temporaries: int
    expired: int


def start_up(store: DocumentStore) -> StartReport:
    """What a process does once on opening a store: import old drafts, clean up.

    The old drafts directory is ``$BLUEPRINT_DRAFTS_DIR`` when set; otherwise the default one,
    but only into the default database (a test's temporary database never takes a user's drafts).
    """
    legacy: Path | None = legacy_directory()
    if not os.environ.get("BLUEPRINT_DRAFTS_DIR") and store.database.url != database_url(None):
        legacy = None
    directories = [path for path in (legacy, data_directory()) if path is not None]
    temporaries = remove_stale_temporaries(store.settings.stale_temp_hours, *directories)
    imported = import_drafts(store, legacy).imported if legacy is not None else 0
    return StartReport(imported, temporaries, store.expire_untouched())
