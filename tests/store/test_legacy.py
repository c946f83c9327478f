"""The old draft files move into the database once, with their ids, texts, names and undo history."""

from __future__ import annotations

import json
import os
import time

from blueprint.store import open_store
from blueprint.store.legacy import import_drafts, remove_stale_temporaries


def old_draft(directory, draft_id: str, text: str, **fields) -> None:
    """A draft file as the file store wrote it (format 1)."""
    directory.mkdir(parents=True, exist_ok=True)
    data = {"format": 1, "id": draft_id, "name": fields.get("name", ""), "locale": fields.get("locale"),
            "created": 1_700_000_000.0, "updated": 1_700_000_100.0, "text": text,
            "undo": fields.get("undo", []), "redo": fields.get("redo", [])}
    (directory / f"{draft_id}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_draft_files_are_imported_once_losslessly(store, tmp_path):
    drafts = tmp_path / "drafts"
    # "title: a" became "title: ab" in the editor: one undo step.
    old_draft(drafts, "AbCdEf012345", "title: ab\n", name="大厅 草稿", locale="zh",
              undo=[{"at": 8, "old": "", "new": "b", "source": "editor", "time": 1.0}])
    old_draft(drafts, "ZyXw98765432", "title: other\n")
    (drafts / "broken1234.json").write_text("{not json", encoding="utf-8")
    report = import_drafts(store, drafts)
    assert (report.imported, report.already, report.unreadable) == (2, 0, 1)
    found = store.get("AbCdEf012345")
    assert (found.text, found.title, found.locale, found.can_undo) == ("title: ab\n", "大厅 草稿", "zh", True)
    assert abs(found.updated - 1_700_000_100.0) < 1 and found.owner_hash is None
    assert store.undo("AbCdEf012345").draft.text == "title: a\n"
    # The files are kept aside, the unreadable one left where it was; a second run finds nothing.
    assert sorted(p.name for p in (drafts / "imported").iterdir()) == ["AbCdEf012345.json", "ZyXw98765432.json"]
    assert (drafts / "broken1234.json").exists()
    assert import_drafts(store, drafts).imported == 0
    # An imported draft has no owner until a browser opens its link.
    assert store.claim("AbCdEf012345", "owner-a") and [i.id for i in store.recent("owner-a")] == ["AbCdEf012345"]


def test_a_file_put_back_is_not_imported_twice(store, tmp_path):
    drafts = tmp_path / "drafts"
    old_draft(drafts, "AbCdEf012345", "title: first\n")
    import_drafts(store, drafts)
    old_draft(drafts, "AbCdEf012345", "title: again\n")
    report = import_drafts(store, drafts)
    assert (report.imported, report.already) == (0, 1) and store.get("AbCdEf012345").text == "title: first\n"


def test_stale_temporary_files_are_removed_and_fresh_ones_kept(tmp_path):
    stale, fresh, other = tmp_path / ".x.1.tmp", tmp_path / ".x.2.tmp", tmp_path / "keep.json"
    for path in (stale, fresh, other):
        path.write_text("x")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    assert remove_stale_temporaries(1.0, tmp_path, tmp_path / "missing") == 1
    assert not stale.exists() and fresh.exists() and other.exists()


def test_opening_the_store_imports_the_drafts_directory(tmp_path, monkeypatch):
    drafts = tmp_path / "drafts"
    old_draft(drafts, "AbCdEf012345", "title: a\n")
    (drafts / ".AbCdEf012345.old.tmp").write_text("half a draft")
    os.utime(drafts / ".AbCdEf012345.old.tmp", (0, 0))
    monkeypatch.setenv("BLUEPRINT_DRAFTS_DIR", str(drafts))
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    store = open_store(f"sqlite:///{tmp_path / 'bp.db'}")
    assert store.get("AbCdEf012345").text == "title: a\n"
    assert not list(drafts.glob("*.tmp"))


def test_a_test_database_never_takes_the_default_drafts(tmp_path, monkeypatch):
    data = tmp_path / "data"
    old_draft(data / "drafts", "AbCdEf012345", "title: a\n")
    monkeypatch.delenv("BLUEPRINT_DRAFTS_DIR", raising=False)
    monkeypatch.delenv("BLUEPRINT_DATABASE_URL", raising=False)
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(data))
    elsewhere = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    assert elsewhere.get("AbCdEf012345") is None and (data / "drafts" / "AbCdEf012345.json").exists()
    default = open_store()
    assert default.get("AbCdEf012345").text == "title: a\n"
