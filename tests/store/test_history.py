"""Undo and redo as patches: both ways, coalesced typing, bounded history (no database needed)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.store.history import Patch, Stacks, diff
from tests.conftest import EXAMPLES


def walk(stacks: Stacks, text: str, versions: list[str], *, source: str = "table", step: float = 10.0) -> str:
    for n, version in enumerate(versions):
        stacks.record(text, version, source=source, when=n * step)
        text = version
    return text


def test_undo_and_redo_walk_the_whole_history_and_survive_json():
    example = EXAMPLES[0].read_text(encoding="utf-8")
    versions = [example.replace("title:", "title: x", 1), example + "# end\n",
                example.replace("steps:", "# the steps\nsteps:", 1)]
    stacks = Stacks()
    text = walk(stacks, example, versions)
    for expected in reversed([example, *versions[:-1]]):
        stacks = Stacks.from_json(*stacks.to_json())  # as after a reload
        text = stacks.undo(text)
        assert text == expected
    assert stacks.undo(text) is None
    for expected in versions:
        text = stacks.redo(text)
        assert text == expected
    assert stacks.redo(text) is None


def test_a_new_change_after_undo_drops_the_redo_history():
    stacks = Stacks()
    text = walk(stacks, "one", ["two"])
    text = stacks.undo(text)
    stacks.record(text, "three", source="table", when=100)
    assert not stacks.redo_entries and stacks.undo("three") == "one"


def test_typing_bursts_become_one_undo_step_and_other_sources_do_not_join():
    stacks = Stacks(coalesce_seconds=60)
    text = walk(stacks, "title: a\n", ["title: ab\n", "title: abc\n", "title: abcd\n"], source="editor", step=1)
    stacks.record(text, "title: abcd\nx: 1\n", source="table", when=5)
    assert len(stacks.undo_entries) == 2
    assert stacks.undo("title: abcd\nx: 1\n") == "title: abcd\n"
    assert stacks.undo("title: abcd\n") == "title: a\n"


def test_history_is_capped_by_entries_and_by_size():
    stacks = Stacks(max_entries=5, max_chars=60)
    text = walk(stacks, "", [f"line {n}\n" * 2 for n in range(12)])
    assert len(stacks.undo_entries) <= 5
    assert sum(len(e["old"]) + len(e["new"]) for e in stacks.undo_entries) <= 60
    while (back := stacks.undo(text)) is not None:
        text = back
    assert text.startswith("line")  # the oldest states are gone, the newest remain


def test_history_is_stored_as_patches_not_copies():
    big = "".join(f"- step {n}\n" for n in range(5000))
    stacks, text = Stacks(), big
    for n in range(20):
        text = walk(stacks, text, [text.replace(f"step {n}\n", f"step {n}!\n", 1)])
    assert sum(len(part) for part in stacks.to_json()) < 20 * 200


def test_an_entry_that_no_longer_fits_the_text_is_skipped_not_applied():
    stacks = Stacks()
    walk(stacks, "abc", ["abXc"])
    assert stacks.undo("something else entirely") is None


def test_junk_history_is_dropped_on_reading():
    stacks = Stacks.from_json('[{"at": 1, "old": "a", "new": "b"}, {"at": "x"}, 5]', "not json")
    assert len(stacks.undo_entries) == 1 and stacks.redo_entries == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n营 ", max_size=30), st.text(alphabet="ab\n营 ", max_size=30))
def test_a_patch_goes_both_ways(before, after):
    patch = diff(before, after)
    assert patch.forward(before) == after
    assert patch.backward(after) == before


def test_diff_of_a_large_text_is_the_edited_region():
    rng = random.Random(4)
    text = "".join(rng.choice("abc\n") for _ in range(50_000))
    edited = text[:30_000] + "XYZ" + text[30_010:]
    patch = diff(text, edited)
    assert patch.forward(text) == edited
    assert len(patch.old) + len(patch.new) <= 13 + 10  # the ten replaced characters and the three new ones
    assert isinstance(patch, Patch)
