"""Workshop boards on SQLite and PostgreSQL: links and roles, notes, dot voting, facilitation, the outcome."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from blueprint.store import open_database
from blueprint.store.boards import BoardError, BoardStore, NotAllowed
from blueprint.store.models import utcnow
from blueprint.store.outcome import to_csv, to_json, to_markdown

HALL = (Path(__file__).parents[2] / "examples" / "hall-walk.en.yaml").read_text(encoding="utf-8")


@pytest.fixture
def boards(database_url, monkeypatch, tmp_path):
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    return BoardStore(open_database(database_url))


def joined(boards, link, name):
    return boards.join(link, name)[1]


def test_a_board_has_two_unguessable_links_and_stores_only_their_hashes(boards):
    made = boards.create(HALL, title="Hall")
    assert len(made.facilitator_token) >= 32 and len(made.participant_token) >= 32  # 192 bits each
    assert made.facilitator_token != made.participant_token
    assert boards.resolve(made.facilitator_token).role == "facilitator"
    assert boards.resolve(made.participant_token).role == "participant"
    assert boards.board(made.facilitator_token).title == "Hall"
    assert boards.text(made.participant_token) == HALL
    from sqlalchemy import text
    with boards.database.read() as session:
        stored = " ".join(map(str, session.execute(text("SELECT * FROM board")).one()))
    assert made.facilitator_token not in stored and made.participant_token not in stored
    for bad in ("", "x" * 40, "../../etc", None, 42, made.facilitator_token[:-1]):
        with pytest.raises(NotAllowed):
            boards.resolve(bad)


def test_a_participant_token_never_does_facilitator_actions_nor_reads_another_board(boards):
    one, other = boards.create(HALL), boards.create(HALL)
    ann = joined(boards, one.participant_token, "Ann")
    facilitator_only = (
        lambda token: boards.open_round(token, "step"), lambda token: boards.set_timer(token, 60),
        lambda token: boards.present(token, "enter"), lambda token: boards.set_state(token, "closed"),
        lambda token: boards.rotate_participant_link(token), lambda token: boards.add_action(token, "x"),
        lambda token: boards.close_round(token, 1), lambda token: boards.update_action(token, 1, status="done"),
    )
    for token in (one.participant_token, ann):
        for attempt in facilitator_only:
            with pytest.raises(NotAllowed, match="facilitator"):
                attempt(token)
    # The board comes from the token alone: another board's notes and ids are out of reach.
    theirs = boards.add_note(other.facilitator_token, "enter", "pain", "their note")
    boards.add_note(ann, "enter", "idea", "mine")
    assert [note.text for note in boards.notes(ann)] == ["mine"]
    with pytest.raises(BoardError):
        boards.edit_note(ann, theirs, "hijacked")
    with pytest.raises(BoardError):
        boards.delete_note(one.facilitator_token, theirs)
    assert [note.text for note in boards.notes(other.participant_token)] == ["their note"]
    with pytest.raises(NotAllowed):  # the bare link must join first; a joined token cannot join again
        boards.add_note(one.participant_token, "enter", "idea", "anonymous")
    with pytest.raises(NotAllowed):
        boards.join(ann, "Ann again")


def test_notes_pinned_to_steps_and_phases_edited_by_author_or_facilitator_only(boards):
    made = boards.create(HALL)
    ann, bob = joined(boards, made.participant_token, "Ann"), joined(boards, made.participant_token, "Bob")
    note = boards.add_note(ann, "enter", "pain", "The door is heavy")
    phase_note = boards.add_note(bob, "arrive", "question", "Where is the queue?")
    assert [(n.target, n.target_kind, n.author) for n in boards.notes(ann)] == \
        [("enter", "step", "Ann"), ("arrive", "phase", "Bob")]
    with pytest.raises(NotAllowed, match="author"):
        boards.edit_note(bob, note, "mine now")
    boards.edit_note(ann, note, "The door is heavy and slow", kind="pain")
    boards.edit_note(made.facilitator_token, phase_note, "Where does the queue start?")
    assert {n.text for n in boards.notes(bob)} == {"The door is heavy and slow", "Where does the queue start?"}
    assert boards.notes(bob)[0].edited is not None
    with pytest.raises(NotAllowed):
        boards.delete_note(bob, note)
    boards.delete_note(made.facilitator_token, note)
    assert [n.id for n in boards.notes(ann)] == [phase_note]
    with pytest.raises(BoardError, match="no step or phase 'nowhere'.*没有"):
        boards.add_note(ann, "nowhere", "idea", "x")
    with pytest.raises(BoardError, match="unknown note kind"):
        boards.add_note(ann, "enter", "rant", "x")
    for target in (["enter"], None, 7):
        with pytest.raises(BoardError, match="no step or phase"):
            boards.add_note(ann, target, "idea", "x")
    with pytest.raises(BoardError, match="no step"):
        boards.present(made.facilitator_token, ["enter"])


def test_hostile_note_text_is_refused_or_kept_as_plain_text(boards):
    made = boards.create(HALL)
    ann = joined(boards, made.participant_token, "Ann")
    kept = ["<script>alert(1)</script><b>bold</b>", '<svg onload="alert(1)"/>',
            "\u202eevil\u202c \u200fمرحبا\u200f", "a\tb\nc", "{{7*7}} ${x} '; DROP TABLE note; --"]
    for text in kept:
        boards.add_note(ann, "enter", "idea", text)
    assert [n.text for n in boards.notes(ann)] == kept  # byte for byte, never interpreted
    for text, message in (("x" * 100_000, "longer than 1000"), ("bell\x07", "control"), ("nul\x00", "control"),
                          ("   ", "empty"), (b"bytes", "must be text")):
        with pytest.raises(BoardError, match=message) as refused:
            boards.add_note(ann, "enter", "idea", text)
        assert "\n" not in str(refused.value) and " / " in str(refused.value)  # one line, en / zh
    with pytest.raises(BoardError):
        boards.join(made.participant_token, "<b>" + "x" * 100 + "</b>")
    assert len(boards.notes(ann)) == len(kept)


def test_dot_voting_spends_and_takes_back_dots_within_the_limit(boards):
    made = boards.create(HALL)
    ann, bob = joined(boards, made.participant_token, "Ann"), joined(boards, made.participant_token, "Bob")
    pains = [boards.add_note(ann, step, "pain", f"pain at {step}") for step in ("enter", "greet", "triage")]
    idea = boards.add_note(ann, "enter", "idea", "an idea")
    first = boards.open_round(made.facilitator_token, "pain", dots=2)
    assert boards.vote(ann, first, str(pains[0])) == 1
    with pytest.raises(BoardError, match="one dot per item"):
        boards.vote(ann, first, str(pains[0]))
    assert boards.vote(ann, first, str(pains[1])) == 0
    with pytest.raises(BoardError, match="spent"):
        boards.vote(ann, first, str(pains[2]))
    assert boards.vote(ann, first, str(pains[1]), -1) == 1
    assert boards.vote(ann, first, str(pains[2])) == 0
    for wrong in (str(idea), "²", "9" * 30, "-1", "<b>1</b>", "x" * 100_000):
        with pytest.raises(BoardError, match="no pain note") as refused:
            boards.vote(bob, first, wrong)
        assert len(str(refused.value)) < 200
    for wrong_round in (10**30, -1, True, "1"):
        with pytest.raises(BoardError, match="no vote round"):
            boards.vote(bob, wrong_round, str(pains[0]))
    with pytest.raises(NotAllowed):
        boards.vote(made.participant_token, first, str(pains[0]))
    boards.vote(bob, first, str(pains[2]))
    assert boards.my_votes(ann, first) == {str(pains[0]): 1, str(pains[2]): 1}
    boards.close_round(made.facilitator_token, first)
    with pytest.raises(BoardError, match="closed"):
        boards.vote(bob, first, str(pains[0]))

    second = boards.open_round(made.facilitator_token, "step", dots=3, allow_stacking=True)
    for _ in range(3):
        boards.vote(bob, second, "greet")
    with pytest.raises(BoardError, match="no step"):
        boards.vote(ann, second, "nowhere")
    boards.vote(ann, second, "enter")
    rounds = boards.rounds(ann)
    assert [r.id for r in rounds] == [first, second] and rounds[0].closed is not None  # past rounds kept
    assert rounds[0].ranking == [(str(pains[2]), 2, 2), (str(pains[0]), 1, 1)]
    assert rounds[1].ranking == [("greet", 3, 1), ("enter", 1, 1)]


def test_timer_presenter_lock_close_and_link_rotation(boards):
    made = boards.create(HALL)
    ann = joined(boards, made.participant_token, "Ann")
    end = boards.set_timer(made.facilitator_token, 300)
    assert timedelta(seconds=290) < boards.board(ann).timer_end - utcnow() <= timedelta(seconds=300)
    assert end is not None and boards.set_timer(made.facilitator_token, 0) is None
    with pytest.raises(BoardError):
        boards.set_timer(made.facilitator_token, -5)
    boards.present(made.facilitator_token, "greet")
    assert boards.board(ann).presenter_step == "greet"
    with pytest.raises(BoardError, match="no step"):
        boards.present(made.facilitator_token, "<script>")

    boards.set_state(made.facilitator_token, "locked")
    with pytest.raises(BoardError, match="locked"):
        boards.add_note(ann, "enter", "idea", "frozen")
    boards.set_state(made.facilitator_token, "open")
    boards.add_note(ann, "enter", "idea", "thawed")

    fresh = boards.rotate_participant_link(made.facilitator_token)
    with pytest.raises(NotAllowed):
        boards.join(made.participant_token, "Late")
    joined(boards, fresh, "Late")
    boards.add_note(ann, "enter", "idea", "who joined before stays")

    boards.set_state(made.facilitator_token, "closed")
    with pytest.raises(BoardError, match="closed"):
        boards.add_note(ann, "enter", "idea", "after the end")
    with pytest.raises(BoardError, match="closed"):
        boards.set_state(made.facilitator_token, "open")
    assert len(boards.notes(ann)) == 2  # still readable


def test_actions_with_owner_due_date_and_status(boards):
    made = boards.create(HALL)
    action = boards.add_action(made.facilitator_token, "Lighter door", step="enter", owner="Li", due="2026-12-01")
    boards.update_action(made.facilitator_token, action, status="in_progress")
    assert boards.actions(made.participant_token) == [
        {"id": action, "title": "Lighter door", "step": "enter", "item": None, "owner": "Li", "due": "2026-12-01",
         "status": "in_progress"}]
    for wrong in ({"status": "someday"}, {"due": "next week"}, {"colour": "red"}):
        with pytest.raises(BoardError):
            boards.update_action(made.facilitator_token, action, **wrong)
    with pytest.raises(BoardError, match="no step"):
        boards.add_action(made.facilitator_token, "x", step="nowhere")


def test_every_change_moves_the_latest_event(boards):
    made = boards.create(HALL)
    seen = [boards.latest_event(made.board)]
    ann = joined(boards, made.participant_token, "Ann")
    seen.append(boards.latest_event(made.board))
    note = boards.add_note(ann, "enter", "pain", "slow")
    seen.append(boards.latest_event(made.board))
    round_id = boards.open_round(made.facilitator_token, "pain")
    seen.append(boards.latest_event(made.board))
    boards.vote(ann, round_id, str(note))
    seen.append(boards.latest_event(made.board))
    boards.set_timer(made.facilitator_token, 60)
    seen.append(boards.latest_event(made.board))
    assert seen == sorted(set(seen)) and seen[0] > 0
    with pytest.raises(NotAllowed):
        boards.set_timer(ann, 60)  # refused: nothing changes
    assert boards.latest_event(made.board) == seen[-1]
    assert boards.latest_event("no-such-board") == 0


def test_twenty_participants_at_once_give_exact_counts(boards):
    made = boards.create(HALL)
    tokens = [joined(boards, made.participant_token, f"P{number}") for number in range(20)]
    target = boards.add_note(made.facilitator_token, "enter", "pain", "vote here")
    round_id = boards.open_round(made.facilitator_token, "pain", dots=5, allow_stacking=True)
    errors: list[BaseException] = []
    start = threading.Barrier(len(tokens))

    def participant(token: str) -> None:
        try:
            start.wait()
            for number in range(10):
                boards.add_note(token, "greet", "idea", f"idea {number}")
            for _ in range(7):  # two more than allowed: refused, never counted
                try:
                    boards.vote(token, round_id, str(target))
                except BoardError:
                    pass
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=participant, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(boards.notes(made.facilitator_token)) == 20 * 10 + 1
    assert boards.rounds(made.facilitator_token)[0].ranking == [(str(target), 20 * 5, 20)]


def test_the_outcome_as_data_markdown_csv_and_json(boards):
    made = boards.create(HALL)
    ann = joined(boards, made.participant_token, "Ann, \"the\" tester")
    note = boards.add_note(ann, "enter", "pain", "=HYPERLINK(\"http://x\") | <b>pipe</b>")
    round_id = boards.open_round(made.facilitator_token, "pain")
    boards.vote(ann, round_id, str(note))
    boards.add_action(made.facilitator_token, "Lighter door", step="enter", owner="Li", status="done")
    data = boards.board_outcome(made.board)
    assert data["notes"][0] | {"created": None} == {
        "id": note, "step": "enter", "target_kind": "step", "kind": "pain", "text": "=HYPERLINK(\"http://x\") | "
        "<b>pipe</b>", "author": "Ann, \"the\" tester", "created": None, "edited": None}
    assert data["votes"] == [{"round": round_id, "item": str(note), "participant": "Ann, \"the\" tester", "count": 1}]
    assert [p["name"] for p in data["participants"]] == ["Ann, \"the\" tester"]
    assert [r["message"] for r in data["revisions"]] == ["create"]
    assert data["actions"][0]["status"] == "done"
    assert json.loads(to_json(data)) == data

    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(to_csv(data))))
    note_row = next(row for row in rows if row["section"] == "note")
    assert note_row["text"].startswith("'=HYPERLINK")  # no formula for a spreadsheet to run
    assert note_row["author"] == "Ann, \"the\" tester" and note_row["step"] == "enter"
    assert {row["section"] for row in rows} == {"participant", "note", "vote", "ranking", "action", "revision"}

    markdown = to_markdown(data)
    assert "&lt;b&gt;pipe&lt;/b&gt;" in markdown and "<b>" not in markdown and "\\|" in markdown
    assert "Lighter door" in markdown and "## " in markdown
    with pytest.raises(BoardError):
        boards.board_outcome("no-such-board")


def test_one_view_reads_what_a_person_sees_and_nothing_of_another_board(boards):
    made, other = boards.create(HALL, title="Hall"), boards.create(HALL)
    ann = joined(boards, made.participant_token, "Ann")
    bob = joined(boards, made.participant_token, "Bob")
    pain = boards.add_note(ann, "enter", "pain", "The door is heavy")
    boards.add_note(other.facilitator_token, "enter", "idea", "elsewhere")
    current = boards.open_round(made.facilitator_token, "pain", 2)
    boards.vote(ann, current, str(pain))
    boards.vote(bob, current, str(pain))
    boards.add_action(made.facilitator_token, "Lighter door", step="enter", owner="Lin")
    seen = boards.view(ann)
    assert seen.event == boards.latest_event(made.board) > 0
    assert (seen.access.role, seen.access.name, seen.info.title, seen.text) == ("participant", "Ann", "Hall", HALL)
    assert [note.text for note in seen.notes] == ["The door is heavy"]
    assert seen.open_round.id == current and seen.my_votes == {str(pain): 1}
    assert seen.open_round.ranking == [(str(pain), 2, 2)]
    assert [action["title"] for action in seen.actions] == ["Lighter door"]
    assert [name for _id, name in seen.participants] == ["Ann", "Bob"]
    facilitator = boards.view(made.facilitator_token)
    assert facilitator.access.role == "facilitator" and facilitator.my_votes == {}
    boards.close_round(made.facilitator_token, current)
    assert boards.view(ann).open_round is None and boards.view(ann).event > seen.event
    with pytest.raises(NotAllowed):
        boards.view("x" * 32)


def test_the_latest_event_a_participant_polls_leaves_out_dots_spent(boards):
    made = boards.create(HALL)
    ann = joined(boards, made.participant_token, "Ann")
    pain = boards.add_note(ann, "enter", "pain", "The door is heavy")
    current = boards.open_round(made.facilitator_token, "pain", 2)
    before, before_all = boards.latest_event(made.board, skip=("vote",)), boards.latest_event(made.board)
    boards.vote(ann, current, str(pain))
    assert boards.latest_event(made.board, skip=("vote",)) == before  # nothing a participant shows
    assert boards.latest_event(made.board) > before_all  # the facilitator's live ranking moves
    boards.close_round(made.facilitator_token, current)
    assert boards.latest_event(made.board, skip=("vote",)) > before  # the result shows
