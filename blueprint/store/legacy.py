"""The old file store's drafts, moved into the database once, losslessly; stale temporary files removed.

Before the database, each draft was a JSON file ``<id>.json`` in ``$BLUEPRINT_DRAFTS_DIR`` (else
``drafts/`` in the data directory): text, name, UI language, undo and redo history. On start each
such file becomes a document with the same id (old links keep working), its text as the first
revision and its history as the document's; the file is then moved to ``drafts/imported/``, so
the import runs once and the original stays on disk. A file that cannot be read is left where
it is. ``*.tmp`` files left by a crash in the middle of a save (older than the configured age)
are removed from the drafts and data directories.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..words import locales
from .database import data_directory
from .documents import DocumentStore
from .tokens import looks_like_token

__all__ = ["ImportReport", "import_drafts", "legacy_directory", "remove_stale_temporaries"]


def legacy_directory() -> Path:
    """``$BLUEPRINT_DRAFTS_DIR``, else ``drafts/`` in the data directory (where the old store kept files)."""
    configured = os.environ.get("BLUEPRINT_DRAFTS_DIR")
    if configured:
        return Path(configured).expanduser()
    return data_directory() / "drafts"


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: int
    already: int
    unreadable: int


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or data.get("format") != 1 or not isinstance(data.get("text"), str):
        return None
    return data


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def import_drafts(store: DocumentStore, directory: Path | None = None) -> ImportReport:
    """Move every draft file of ``directory`` (the old store's) into ``store``."""
    directory = directory or legacy_directory()
    imported = already = unreadable = 0
    if not directory.is_dir():
        return ImportReport(0, 0, 0)
    done = directory / "imported"
    for path in sorted(directory.glob("*.json")):
        data = _read(path)
        if data is None or not looks_like_token(path.stem):
            unreadable += 1
            continue
        locale = data.get("locale")
        fresh = store.import_draft(
            path.stem, data["text"], title=str(data.get("name") or ""),
            locale=locale if locale in locales() else None,
            undo=json.dumps(data.get("undo") or [], ensure_ascii=False),
            redo=json.dumps(data.get("redo") or [], ensure_ascii=False),
            created=_number(data.get("created")), updated=_number(data.get("updated")),
        )
        imported += fresh
        already += not fresh
        done.mkdir(exist_ok=True)
        os.replace(path, done / path.name)
    return ImportReport(imported, already, unreadable)


def remove_stale_temporaries(max_age_hours: float, *directories: Path, now: float | None = None) -> int:
    """Delete ``*.tmp`` files older than ``max_age_hours`` in ``directories``; returns how many."""
    now = time.time() if now is None else now
    removed = 0
    for directory in directories:
        if not directory.is_dir():
            continue
        for path in directory.glob("*.tmp"):
            try:
                if path.is_file() and now - path.stat().st_mtime > max_age_hours * 3600:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
    return removed
