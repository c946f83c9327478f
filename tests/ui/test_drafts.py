"""Drafts on disk: saved atomically, reopened after a restart, undo and redo, bounded history."""

from __future__ import annotations

import json
import os
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.ui.drafts import DraftStore, Patch, default_directory, diff, valid_id
from tests.conftest import EXAMPLES


@pytest.fixture
def store(tmp_path):
    return DraftStore(tmp_path / "drafts", coalesce_seconds=0)


def test_a_new_draft_is_on_disk_at_once(store):
    draft = store.create("blueprint: 1\n", name="营业厅", locale="zh")
    again = DraftStore(store.root).get(draft.id)
    assert (again.text, again.name, again.locale) == ("blueprint: 1\n", "营业厅", "zh")
    assert valid_id(draft.id)


def test_every_change_is_saved_and_survives_a_new_store(store):
    draft = store.create("a\n")
    assert store.change(draft, "a\nb\n", "editor")
    assert not store.change(draft, "a\nb\n", "editor")  # no change, no history
    reopened = DraftStore(store.root).get(draft.id)
    assert reopened.text == "a\nb\n"
    assert reopened.can_undo and not reopened.can_redo


def test_undo_and_redo_walk_the_history_across_restarts(store):
    example = EXAMPLES[0].read_text(encoding="utf-8")
    versions = [example, example.replace("title:", "title: x", 1), example + "# end\n",
                example.replace("steps:", "# the steps\nsteps:", 1)]
    draft = store.create(versions[0])
    for version in versions[1:]:
        store.change(draft, version, "table")
    for expected in reversed(versions[:-1]):
        draft = DraftStore(store.root).get(draft.id)  # as after a reload
        assert store.undo(draft)
        assert draft.text == expected
    assert not store.undo(draft)
    for expected in versions[1:]:
        assert store.redo(draft)
        assert DraftStore(store.root).get(draft.id).text == expected
    assert not store.redo(draft)


def test_a_new_change_after_undo_drops_the_redo_history(store):
    draft = store.create("one")
    store.change(draft, "two", "table")
    store.undo(draft)
    store.change(draft, "three", "table")
    assert not draft.can_redo
    store.undo(draft)
    assert draft.text == "one"


def test_typing_bursts_become_one_undo_step(tmp_path):
    store = DraftStore(tmp_path, coalesce_seconds=60)
    draft = store.create("title: a\n")
    for text in ("title: ab\n", "title: abc\n", "title: abcd\n"):
        store.change(draft, text, "editor")
    store.change(draft, "title: abcd\nx: 1\n", "table")  # another source is a step of its own
    assert len(draft.undo_stack) == 2
    store.undo(draft)
    assert draft.text == "title: abcd\n"
    store.undo(draft)
    assert draft.text == "title: a\n"


def test_history_is_capped_by_entries_and_by_size(tmp_path):
    store = DraftStore(tmp_path, max_history=5, max_history_chars=60, coalesce_seconds=0)
    draft = store.create("")
    for n in range(12):
        store.change(draft, f"line {n}\n" * 2, "table")
    assert len(draft.undo_stack) <= 5
    assert sum(len(e["old"]) + len(e["new"]) for e in draft.undo_stack) <= 60
    while store.undo(draft):
        pass
    assert draft.text.startswith("line")  # the oldest states are gone, the newest remain


def test_history_is_stored_as_patches_not_copies(store):
    big = "".join(f"- step {n}\n" for n in range(5000))
    draft = store.create(big)
    for n in range(20):
        store.change(draft, draft.text.replace(f"step {n}\n", f"step {n}!\n", 1), "table")
    size = (store.root / f"{draft.id}.json").stat().st_size
    assert size < len(big.encode()) * 1.2  # the text once, plus tiny patches


def test_writes_are_atomic_no_temporary_files_left(store):
    draft = store.create("x")
    for n in range(5):
        store.change(draft, "x" * n, "table")
    assert sorted(p.name for p in store.root.iterdir()) == [f"{draft.id}.json"]


def test_a_failed_write_keeps_the_old_draft(store, monkeypatch):
    draft = store.create("safe text")

    def broken_replace(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        store.change(draft, "new text", "table")
    monkeypatch.undo()
    assert DraftStore(store.root).get(draft.id).text == "safe text"
    assert [p.name for p in store.root.iterdir()] == [f"{draft.id}.json"]


@pytest.mark.parametrize("bad", ["../../etc/passwd", "", "a/b", "x" * 100, None, 12, "short"])
def test_bad_ids_from_a_url_are_refused(store, bad):
    assert store.get(bad) is None


def test_a_corrupt_or_foreign_file_is_not_a_draft(store):
    store.root.mkdir(parents=True)
    (store.root / "AAAAAAAAAAAA.json").write_text("{not json", encoding="utf-8")
    (store.root / "BBBBBBBBBBBB.json").write_text(json.dumps({"format": 99, "text": "x"}), encoding="utf-8")
    assert store.get("AAAAAAAAAAAA") is None
    assert store.get("BBBBBBBBBBBB") is None
    assert store.recent() == []


def test_recent_lists_newest_first(store):
    first = store.create("1", name="first")
    second = store.create("2", name="second")
    os.utime(store.root / f"{first.id}.json", (1, 1))
    assert [info.name for info in store.recent()] == ["second", "first"]
    assert len(store.recent(limit=1)) == 1
    store.delete(second.id)
    assert [info.id for info in store.recent()] == [first.id]


def test_name_and_language_are_kept(store):
    draft = store.create("x")
    store.update(draft, name="新名字", locale="zh")
    reopened = store.get(draft.id)
    assert (reopened.name, reopened.locale) == ("新名字", "zh")
    store.update(reopened, locale=None)
    assert store.get(draft.id).locale is None


def test_the_directory_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BLUEPRINT_DRAFTS_DIR", str(tmp_path / "here"))
    assert default_directory() == tmp_path / "here"
    monkeypatch.delenv("BLUEPRINT_DRAFTS_DIR")
    assert default_directory().parts[-3:] == ("share", "service-blueprint", "drafts")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n营 ", max_size=30), st.text(alphabet="ab\n营 ", max_size=30))
def test_a_patch_goes_both_ways(before, after):
    patch = diff(before, after)
    assert patch.forward(before) == after
    assert patch.backward(after) == before
    assert patch.size <= len(before) + len(after)


def test_diff_of_a_large_text_is_the_edited_region():
    rng = random.Random(4)
    text = "".join(rng.choice("abc\n") for _ in range(50_000))
    edited = text[:30_000] + "XYZ" + text[30_010:]
    patch = diff(text, edited)
    assert patch.forward(text) == edited
    assert patch.size <= 13 + 10  # the ten replaced characters and the three new ones (plus ties)
    assert isinstance(patch, Patch)
