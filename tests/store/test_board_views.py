"""What views read of a board (notes, rounds) is loaded once per event and shared, yet never stale:
every change, made here or by another server (process), shows at the next read; on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from blueprint.store import open_database
from blueprint.store.boards import BoardStore

ROOT = Path(__file__).parents[2]
HALL = (ROOT / "examples" / "hall-walk.en.yaml").read_text(encoding="utf-8")


@pytest.fixture
def board(database_url, monkeypatch, tmp_path):
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    boards = BoardStore(open_database(database_url))
    made = boards.create(HALL)
    ann = boards.join(made.participant_token, "Ann")[1]
    return boards, made, ann, database_url


def test_every_change_shows_at_the_next_read(board):
    boards, made, ann, _ = board
    other = BoardStore(boards.database)  # another session's store on this server
    assert boards.notes(ann) == []
    first = other.add_note(ann, "enter", "pain", "cold")
    assert [note.text for note in boards.notes(ann)] == ["cold"]
    assert boards.notes(ann) == boards.notes(made.facilitator_token)  # one board, whoever asks
    other.edit_note(ann, first, "very cold")
    assert [note.text for note in boards.notes(ann)] == ["very cold"]
    round_id = other.open_round(made.facilitator_token, "pain")
    other.vote(ann, round_id, str(first))
    assert boards.rounds(ann)[0].ranking == [(str(first), 1, 1)]
    boards.rounds(ann)[0].ranking.clear()  # a caller's copy: the shared one stays whole
    assert boards.rounds(made.facilitator_token)[0].ranking == [(str(first), 1, 1)]
    other.delete_note(ann, first)
    assert boards.notes(ann) == []


def test_a_note_written_by_another_server_shows_here(board):
    boards, made, ann, url = board
    assert boards.notes(ann) == []
    script = textwrap.dedent(f"""
        from blueprint.store import open_database
        from blueprint.store.boards import BoardStore
        BoardStore(open_database({url!r})).add_note({ann!r}, "greet", "idea", "from the other server")
    """)
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, timeout=120)
    assert [note.text for note in boards.notes(ann)] == ["from the other server"]
