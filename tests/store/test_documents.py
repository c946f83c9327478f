"""Documents and revisions: create, save on the head, merge on an older base, conflicts, undo, restore."""

from __future__ import annotations

import pytest

from blueprint.store import DocumentStore, Settings
from tests.conftest import ROOT

HALL = (ROOT / "examples" / "hall-walk.zh.yaml").read_text(encoding="utf-8")


def test_create_then_get_gives_the_text_back(store):
    draft = store.create(HALL, owner="owner-a", title="大厅", locale="zh", source="example:hall-walk.zh.yaml")
    found = store.get(draft.id)
    assert found.text == HALL and found.title == "大厅" and found.locale == "zh"
    assert found.revision == draft.revision and not found.edited and not found.can_undo


def test_ids_are_unguessable_and_paths_are_refused(store):
    ids = {store.create("title: a\n").id for _ in range(5)}
    assert len(ids) == 5 and all(len(i) >= 22 for i in ids)
    assert store.get("../../etc/passwd") is None and store.get(None) is None and store.get("x" * 30) is None


def test_save_on_the_head_appends_a_revision(store):
    draft = store.create("title: a\n", author="me")
    saved = store.save(draft.id, draft.revision, "title: b\n", author="me", source="editor")
    assert saved.status == "saved" and saved.draft.text == "title: b\n"
    assert saved.draft.revision != draft.revision and saved.draft.edited
    assert store.head(draft.id) == saved.draft.revision
    revisions = store.revisions(draft.id)
    assert [r.parent_id for r in revisions] == [draft.revision, None]
    assert revisions[0].is_head and revisions[0].author == "me" and revisions[0].message == "editor"


def test_saving_the_same_text_writes_nothing(store):
    draft = store.create("title: a\n")
    assert store.save(draft.id, draft.revision, "title: a\n").status == "unchanged"
    assert len(store.revisions(draft.id)) == 1


def test_two_tabs_editing_different_steps_both_keep_their_edit(store):
    draft = store.create(HALL)
    tab_a = HALL.replace("label: 说明来意", "label: 说明来意（A）", 1)
    tab_b = HALL.replace("label: 取号", "label: 取号（B）", 1)
    assert tab_a != HALL and tab_b != HALL
    first = store.save(draft.id, draft.revision, tab_a, author="A")
    second = store.save(draft.id, draft.revision, tab_b, author="B")
    assert (first.status, second.status) == ("saved", "merged")
    text = store.get(draft.id).text
    assert "说明来意（A）" in text and "取号（B）" in text
    merged = store.revision(draft.id, second.draft.revision)
    assert merged.parent_id == first.draft.revision and merged.message == "merge"
    # B's own text is kept as a revision too, made on the base B saw.
    mine = store.revision(draft.id, merged.merged_id)
    assert mine.text == tab_b and mine.parent_id == draft.revision and not mine.is_head


def test_overlapping_edits_are_a_conflict_and_the_head_stays(store):
    draft = store.create(HALL)
    tab_a = HALL.replace("label: 取号", "label: 取号A", 1)
    tab_b = HALL.replace("label: 取号", "label: 取号B", 1)
    first = store.save(draft.id, draft.revision, tab_a, author="A")
    second = store.save(draft.id, draft.revision, tab_b, author="B")
    assert second.status == "conflict" and not second.ok
    assert store.get(draft.id).text == tab_a and store.head(draft.id) == first.draft.revision
    [conflict] = second.conflicts
    assert "取号B" in conflict.mine and "取号A" in conflict.theirs and conflict.step
    assert store.revision(draft.id, second.mine).text == tab_b
    # The person chooses; the choice is saved on the head it was made against.
    chosen = second.merge.resolve(["mine"])
    assert store.save(draft.id, second.draft.revision, chosen, author="B").status == "saved"
    assert "取号B" in store.get(draft.id).text and "取号A" not in store.get(draft.id).text


def test_undo_and_redo_follow_the_head(store):
    draft = store.create("title: a\n")
    one = store.save(draft.id, draft.revision, "title: ab\n", source="table")
    store.save(draft.id, one.draft.revision, "title: abc\n", source="table")
    assert store.undo(draft.id).draft.text == "title: ab\n"
    assert store.undo(draft.id).draft.text == "title: a\n"
    assert store.undo(draft.id).status == "unchanged"
    assert store.redo(draft.id).draft.text == "title: ab\n"
    again = store.get(draft.id)
    assert again.can_undo and again.can_redo


def test_editor_keystrokes_close_together_are_one_undo_step(store):
    draft = store.create("title: a\n")
    head = draft.revision
    for text in ("title: ab\n", "title: abc\n", "title: abcd\n"):
        head = store.save(draft.id, head, text, source="editor").draft.revision
    assert store.undo(draft.id).draft.text == "title: a\n"


def test_restore_makes_an_old_revision_the_head_and_keeps_history(store):
    draft = store.create("title: a\n")
    store.save(draft.id, draft.revision, "title: b\n")
    restored = store.restore(draft.id, draft.revision, author="me")
    assert restored.draft.text == "title: a\n" and len(store.revisions(draft.id)) == 3
    assert store.compare(draft.id, draft.revision, store.revisions(draft.id)[1].id)[2:] == [
        "@@ -1 +1 @@\n", "-title: a\n", "+title: b\n"]


def test_a_revision_of_another_document_is_not_readable_through_this_one(store):
    one, other = store.create("title: one\n"), store.create("title: other\n")
    assert store.revision(one.id, other.revision) is None
    # A base from another document is no base: the save cannot silently take its text.
    result = store.save(one.id, other.revision, "title: mine\n")
    assert result.status == "conflict" and store.get(one.id).text == "title: one\n"


def test_recent_lists_only_the_owners_drafts_newest_first(store):
    mine_old = store.create("title: a\n", owner="owner-a", title="old")
    store.create("title: b\n", owner="owner-b", title="someone else's")
    mine_new = store.create("steps: []\n", owner="owner-a", title="new")
    store.save(mine_new.id, mine_new.revision, "title: c\nsteps: []\n")
    listed = store.recent("owner-a")
    assert [i.id for i in listed] == [mine_new.id, mine_old.id]
    assert listed[0].text == "title: c\nsteps: []\n" and listed[0].updated >= listed[1].updated
    assert store.recent(None) == [] and store.recent("owner-c") == []


def test_untouched_copy_is_found_and_an_edited_one_is_not(store):
    copy = store.create(HALL, owner="owner-a", source="example:hall")
    assert store.untouched_copy("owner-a", "example:hall").id == copy.id
    assert store.untouched_copy("owner-b", "example:hall") is None
    store.save(copy.id, copy.revision, HALL + "# mine\n")
    assert store.untouched_copy("owner-a", "example:hall") is None


def test_rename_delete_and_claim(store):
    draft = store.create("title: a\n", owner="owner-a", title="a")
    store.update(draft.id, title="renamed", locale="zh")
    assert (store.get(draft.id).title, store.get(draft.id).locale) == ("renamed", "zh")
    assert not store.delete(draft.id, owner_token="owner-b") and store.get(draft.id) is not None
    assert store.delete(draft.id, owner_token="owner-a") and store.get(draft.id) is None
    orphan = store.create("title: b\n")
    assert store.claim(orphan.id, "owner-c") and not store.claim(orphan.id, "owner-d")
    assert store.owns(orphan.id, "owner-c") and not store.owns(orphan.id, "owner-d")


def test_quota_makes_room_from_untouched_copies_then_refuses(database_url, monkeypatch, tmp_path):
    from blueprint.store import QuotaExceeded, open_database

    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    store = DocumentStore(open_database(database_url), Settings(drafts_per_owner=3))
    first = store.create("title: 1\n", owner="o", source="example:x")
    second = store.create("title: 2\n", owner="o")
    store.save(second.id, second.revision, "title: 2b\n")
    third = store.create("title: 3\n", owner="o")
    store.save(third.id, third.revision, "title: 3b\n")
    fourth = store.create("title: 4\n", owner="o")  # the untouched first copy makes room
    assert store.get(first.id) is None and {i.id for i in store.recent("o")} == {second.id, third.id, fourth.id}
    store.save(fourth.id, fourth.revision, "title: 4b\n")
    with pytest.raises(QuotaExceeded):
        store.create("title: 5\n", owner="o")
    assert store.create("title: other\n", owner="p") is not None


def test_untouched_copies_expire_and_edited_ones_stay(store):
    from datetime import timedelta

    from blueprint.store.models import utcnow

    untouched = store.create("title: a\n", owner="o", source="example:x")
    edited = store.create("title: b\n", owner="o")
    store.save(edited.id, edited.revision, "title: c\n")
    assert store.expire_untouched() == 0
    later = utcnow() + timedelta(days=store.settings.untouched_days + 1)
    assert store.expire_untouched(now=later) == 1
    assert store.get(untouched.id) is None and store.get(edited.id) is not None


def test_revisions_past_the_limit_are_dropped_oldest_first(database_url, monkeypatch, tmp_path):
    from blueprint.store import open_database

    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    store = DocumentStore(open_database(database_url), Settings(revisions_per_draft=5))
    draft = store.create("n: 0\n")
    head = draft.revision
    for n in range(1, 10):
        head = store.save(draft.id, head, f"n: {n}\n", source="table").draft.revision
    kept = store.revisions(draft.id)
    assert len(kept) == 5 and kept[0].id == head and store.get(draft.id).text == "n: 9\n"
    # A save on a base that was dropped is never applied blindly.
    assert store.save(draft.id, draft.revision, "n: stale\n").status == "conflict"


def test_text_survives_character_for_character(store):
    odd = "title: \"a\\u202e\"\r\n# 中文 ☃ \u202e \U0001f600\r\nsteps: []\r\n" + "x" * 100_000
    draft = store.create(odd)
    assert store.get(draft.id).text == odd


def test_a_nul_character_is_kept_visible_on_every_database(store):
    draft = store.create("title: a\x00b\n")
    saved = store.save(draft.id, draft.revision, "title: c\x00d\n")
    assert store.get(draft.id).text == saved.draft.text == "title: c\ufffdd\n"


def test_revisions_are_compared_by_meaning_when_both_load(store):
    draft = store.create(HALL)
    changed = store.save(draft.id, draft.revision, HALL.replace("label: 取号", "label: 取号（改）", 1))
    meaning = store.compare_meaning(draft.id, draft.revision, changed.draft.revision)
    assert meaning["changed"] == [{"id": "take-number", "field": "label", "before": "取号", "after": "取号（改）"}]
    broken = store.save(draft.id, changed.draft.revision, "title: [unclosed\n")
    assert store.compare_meaning(draft.id, draft.revision, broken.draft.revision) is None
