"""The three-way merge: by step id where the YAML has a steps list, by line elsewhere; conflicts kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from blueprint import loads
from blueprint.store.merge import merge3, merge_lines, step_chunks
from tests.conftest import ROOT

HALL = (ROOT / "examples" / "hall-walk.zh.yaml").read_text(encoding="utf-8")
SMALL = """title: t
steps:
  - id: a
    label: A
  - id: b
    label: B
  - id: c
    label: C
lanes: []
"""


def labels(text: str) -> dict[str, str]:
    return {step.id: step.label for step in loads(text).steps}


# -- by line ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("base", "mine", "theirs", "merged"), [
    ("a\nb\nc\nd\n", "A\nb\nc\nd\n", "a\nb\nc\nD\n", "A\nb\nc\nD\n"),      # apart: both kept
    ("a\nb\n", "a\nX\n", "a\nX\n", "a\nX\n"),                               # the same change once
    ("a\nb\n", "a\nb\nc\n", "a\nb\n", "a\nb\nc\n"),                         # one side only
    ("a\nb\nc\n", "a\nc\n", "a\nb\nc\nd\n", "a\nc\nd\n"),                   # delete and append
    ("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", "a\r\nb\r\nc\r\nd\r\n", "a\r\nB\r\nc\r\nd\r\n"),  # CRLF kept
    ("a\nb\nc", "a\nb\nC", "A\nb\nc", "A\nb\nC"),                           # no final line break
    ("", "a\n", "", "a\n"),
])
def test_line_merge_takes_every_change_made_on_one_side(base, mine, theirs, merged):
    assert merge_lines(base, mine, theirs).text == merged


def test_line_conflict_keeps_all_three_versions_and_can_be_resolved_either_way():
    result = merge_lines("a\nb\nc\n", "a\nmine\nc\n", "a\ntheirs\nc\n")
    assert not result.clean and result.text is None
    [conflict] = result.conflicts
    assert (conflict.base, conflict.mine, conflict.theirs, conflict.line) == ("b\n", "mine\n", "theirs\n", 2)
    assert result.resolve(["mine"]) == "a\nmine\nc\n"
    assert result.resolve(["theirs"]) == "a\ntheirs\nc\n"
    assert result.resolve(["both"]) == "a\nmine\ntheirs\nc\n"
    with pytest.raises(ValueError):
        result.resolve([])


# -- by step ---------------------------------------------------------------------------------------

def test_steps_are_cut_at_their_dash_lines_and_join_back_exactly():
    head, pieces, tail = step_chunks(HALL)
    assert head + "".join(text for _, text in pieces) + tail == HALL
    assert [step_id for step_id, _ in pieces] == [step.id for step in loads(HALL).steps]
    assert pieces[0][1].startswith("  - id: enter\n")


@pytest.mark.parametrize("text", [
    "steps: [{id: a}, {id: b}]\n",                 # a flow list
    "steps:\n  - id: a\n  - id: a\n",              # the same id twice
    "steps:\n  - label: no id\n",                  # no id
    "title: [unclosed\n",                          # not YAML
    "- a list at the top\n",                       # not a mapping
    "title: no steps\n",
])
def test_texts_without_a_clean_steps_list_are_not_cut(text):
    assert step_chunks(text) is None


def test_edits_on_neighbouring_lines_of_two_steps_merge_by_step():
    # The last line of step a and the first of step b: next to each other, so diff3 alone conflicts.
    mine = SMALL.replace("label: A", "label: A2")
    theirs = SMALL.replace("  - id: b\n", "  - id: b  # checked\n")
    assert not merge_lines(SMALL, mine, theirs).clean
    merged = merge3(SMALL, mine, theirs).text
    assert merged == SMALL.replace("label: A", "label: A2").replace("  - id: b\n", "  - id: b  # checked\n")


def test_two_tabs_on_the_hall_edit_two_steps_and_both_edits_stay():
    mine = HALL.replace("label: 说明来意", "label: 说明来意并出示证件", 1)
    theirs = HALL.replace("label: 进入营业厅", "label: 走进营业厅", 1)
    merged = merge3(HALL, mine, theirs).text
    found = labels(merged)
    assert found["state-need"] == "说明来意并出示证件" and found["enter"] == "走进营业厅"


def test_a_step_added_on_each_side_at_the_same_place_keeps_both():
    mine = SMALL.replace("  - id: c\n", "  - id: m\n    label: M\n  - id: c\n")
    theirs = SMALL.replace("  - id: c\n", "  - id: t\n    label: T\n  - id: c\n")
    merged = merge3(SMALL, mine, theirs).text
    assert list(labels(merged)) == ["a", "b", "t", "m", "c"]


def test_a_step_deleted_on_one_side_and_another_edited_on_the_other():
    mine = SMALL.replace("  - id: b\n    label: B\n", "")
    theirs = SMALL.replace("label: C", "label: C2")
    assert labels(merge3(SMALL, mine, theirs).text) == {"a": "A", "c": "C2"}


def test_a_step_deleted_on_one_side_and_edited_on_the_other_is_a_conflict():
    mine = SMALL.replace("  - id: b\n    label: B\n", "")
    theirs = SMALL.replace("label: B", "label: B2")
    result = merge3(SMALL, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.step == "b" and conflict.mine == "" and "B2" in conflict.theirs
    assert labels(result.resolve(["mine"])) == {"a": "A", "c": "C"}
    assert labels(result.resolve(["theirs"]))["b"] == "B2"


def test_the_same_line_of_one_step_changed_twice_is_a_conflict_named_by_its_step():
    mine = SMALL.replace("label: B", "label: mine")
    theirs = SMALL.replace("label: B", "label: theirs")
    result = merge3(SMALL, mine, theirs)
    [conflict] = result.conflicts
    assert (conflict.step, conflict.mine, conflict.theirs) == ("b", "    label: mine\n", "    label: theirs\n")
    assert result.parts and conflict.line == SMALL.splitlines().index("    label: B") + 1


def test_different_lines_of_one_step_merge_inside_it():
    base = SMALL.replace("    label: B\n", "    label: B\n    owner: o\n    duration: 1m\n")
    mine = base.replace("label: B", "label: B2")
    theirs = base.replace("duration: 1m", "duration: 2m")
    merged = merge3(base, mine, theirs).text
    assert "label: B2" in merged and "duration: 2m" in merged


def test_steps_moved_on_one_side_and_edited_on_the_other():
    mine = SMALL.replace("  - id: a\n    label: A\n", "").replace("lanes: []", "lanes: []").replace(
        "    label: C\n", "    label: C\n  - id: a\n    label: A\n")
    theirs = SMALL.replace("label: B", "label: B2")
    assert list(labels(merge3(SMALL, mine, theirs).text).items()) == [("b", "B2"), ("c", "C"), ("a", "A")]


def test_a_change_outside_the_steps_and_one_inside_both_stay():
    mine = SMALL.replace("title: t", "title: new title")
    theirs = SMALL.replace("lanes: []", "lanes: []\nphases: []")
    theirs = theirs.replace("label: A", "label: A2")
    merged = merge3(SMALL, mine, theirs).text
    assert merged.startswith("title: new title\n") and "label: A2" in merged and merged.endswith("phases: []\n")


def test_a_broken_text_on_one_side_merges_by_line():
    mine = SMALL.replace("title: t", "title: [unclosed")
    theirs = SMALL.replace("label: C", "label: C2")
    assert merge3(SMALL, mine, theirs).text == SMALL.replace("title: t", "title: [unclosed").replace(
        "label: C", "label: C2")


# -- properties ------------------------------------------------------------------------------------

STEP_IDS = [step.id for step in loads(HALL).steps]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(STEP_IDS), min_size=2, max_size=6, unique=True))
def test_edits_to_distinct_steps_always_merge_and_keep_every_edit(chosen):
    half = len(chosen) // 2
    mine_ids, theirs_ids = chosen[:half], chosen[half:]
    original = labels(HALL)

    def edit(text: str, ids: list[str], mark: str) -> str:
        head, pieces, tail = step_chunks(text)
        out = []
        for step_id, piece in pieces:
            if step_id in ids:
                old = f"label: {original[step_id]}"
                assert old in piece
                piece = piece.replace(old, f"{old}{mark}", 1)
            out.append(piece)
        return head + "".join(out) + tail

    merged = merge3(HALL, edit(HALL, mine_ids, "·m"), edit(HALL, theirs_ids, "·t"))
    assert merged.clean
    found = labels(merged.text)
    for step_id in STEP_IDS:
        expected = original[step_id] + ("·m" if step_id in mine_ids else "·t" if step_id in theirs_ids else "")
        assert found[step_id] == expected


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n", "\n"]), max_size=8),
       st.lists(st.sampled_from(["a\n", "b\n", "x\n", "\n"]), max_size=8))
def test_one_side_unchanged_gives_the_other(base_lines, other_lines):
    base, other = "".join(base_lines), "".join(other_lines)
    assert merge3(base, base, other).text == other
    assert merge3(base, other, base).text == other
    assert merge3(base, other, other).text == other


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["a\n", "b\n", "c\n"]), max_size=6),
       st.lists(st.sampled_from(["a\n", "b\n", "m\n"]), max_size=6),
       st.lists(st.sampled_from(["a\n", "c\n", "t\n"]), max_size=6))
def test_choosing_a_side_everywhere_never_invents_text(base_lines, mine_lines, theirs_lines):
    """Every line of a settled merge comes from one of the three texts, and each side's own
    additions survive when that side is chosen."""
    result = merge_lines("".join(base_lines), "".join(mine_lines), "".join(theirs_lines))
    for choice in ("mine", "theirs"):
        text = result.resolve([choice] * len(result.conflicts))
        assert set(line + "\n" for line in text.splitlines()) <= set(base_lines + mine_lines + theirs_lines)
        side = mine_lines if choice == "mine" else theirs_lines
        assert text.count("m\n" if choice == "mine" else "t\n") == side.count("m\n" if choice == "mine" else "t\n")
