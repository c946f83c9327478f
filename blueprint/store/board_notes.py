"""What participants add to a workshop board: notes pinned to a step or a phase, and dots in the
facilitator's vote rounds (opened and closed by the facilitator), within the board's limits."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .board_access import BoardAccess
from .board_records import (
    MAX_DOTS,
    MAX_NOTE_CHARS,
    MAX_NOTES_PER_BOARD,
    MAX_NOTES_PER_PARTICIPANT,
    NOTE_KINDS,
    ROUND_TOPICS,
    Access,
    BoardError,
    NotAllowed,
    clean_text,
    is_id,
    shown,
)
from .models import Board, Note, Vote, VoteRound, utcnow

__all__ = ["BoardNotes"]


class BoardNotes(BoardAccess):
    """The notes and dot voting of :class:`.boards.BoardStore`."""

    # --- notes -----------------------------------------------------------------------------

    def add_note(self, token: object, target: str, kind: str, text: object) -> int:
        """Pin a note to a step or a phase of the board's blueprint; its id."""
        access = self.resolve(token)
        if access.role == "participant" and access.participant is None:
            raise NotAllowed("join-first")
        if kind not in NOTE_KINDS:
            raise BoardError("note-kind", kind=shown(kind), kinds=", ".join(NOTE_KINDS))
        text = clean_text(text, MAX_NOTE_CHARS, "note")
        with self.database.write() as session:
            board = self._writable(session, access)
            target_kind = self._target_kind(session, board, target)
            mine = Note.participant_id == access.participant if access.participant else Note.participant_id.is_(None)
            if session.scalar(select(func.count()).select_from(Note).where(
                    Note.board_id == board.id, Note.deleted.is_(None), mine)) >= MAX_NOTES_PER_PARTICIPANT:
                raise BoardError("too-many-notes-mine", limit=MAX_NOTES_PER_PARTICIPANT)
            if session.scalar(select(func.count()).select_from(Note).where(
                    Note.board_id == board.id, Note.deleted.is_(None))) >= MAX_NOTES_PER_BOARD:
                raise BoardError("too-many-notes", limit=MAX_NOTES_PER_BOARD)
            note = Note(board_id=board.id, target=target, target_kind=target_kind, kind=kind, text=text,
                        participant_id=access.participant, author=access.name or "facilitator", created=utcnow())
            session.add(note)
            session.flush()
            self._event(session, board.id, "note", {"note": note.id})
            return note.id

    def edit_note(self, token: object, note_id: int, text: object, kind: str | None = None) -> None:
        """Change a note's text (and kind): its author or the facilitator only."""
        access = self.resolve(token)
        text = clean_text(text, MAX_NOTE_CHARS, "note")
        if kind is not None and kind not in NOTE_KINDS:
            raise BoardError("note-kind-short", kind=shown(kind))
        with self.database.write() as session:
            board = self._writable(session, access)
            note = self._own_note(session, board, access, note_id)
            note.text, note.edited = text, utcnow()
            if kind is not None:
                note.kind = kind
            self._event(session, board.id, "note_edit", {"note": note.id})

    def delete_note(self, token: object, note_id: int) -> None:
        access = self.resolve(token)
        with self.database.write() as session:
            board = self._writable(session, access)
            note = self._own_note(session, board, access, note_id)
            note.deleted = utcnow()
            self._event(session, board.id, "note_delete", {"note": note.id})

    def _own_note(self, session: Session, board: Board, access: Access, note_id: int) -> Note:
        note = session.get(Note, note_id) if is_id(note_id) else None
        if note is None or note.board_id != board.id or note.deleted is not None:
            raise BoardError("no-note", note=note_id)
        if access.role != "facilitator" and (access.participant is None or note.participant_id != access.participant):
            raise NotAllowed("not-yours")
        return note

    # --- dot voting ------------------------------------------------------------------------

    def open_round(self, token: object, topic: str, dots: int = 3, allow_stacking: bool = False) -> int:
        """Open a vote round (closing the one still open): its id."""
        access = self._facilitator(token)
        if topic not in ROUND_TOPICS:
            raise BoardError("vote-topic", topic=shown(topic), topics=", ".join(ROUND_TOPICS))
        if not isinstance(dots, int) or isinstance(dots, bool) or not 1 <= dots <= MAX_DOTS:
            raise BoardError("dots", most=MAX_DOTS)
        with self.database.write() as session:
            board = self._writable(session, access)
            now = utcnow()
            for still_open in session.scalars(select(VoteRound).where(
                    VoteRound.board_id == board.id, VoteRound.closed.is_(None))):
                still_open.closed = now
            found = VoteRound(board_id=board.id, topic=topic, dots=dots, allow_stacking=bool(allow_stacking),
                              opened=now)
            session.add(found)
            session.flush()
            self._event(session, board.id, "round_open", {"round": found.id})
            return found.id

    def close_round(self, token: object, round_id: int) -> None:
        access = self._facilitator(token)
        with self.database.write() as session:
            board = self._board(session, access.board)
            found = self._round(session, board, round_id)
            if found.closed is None:
                found.closed = utcnow()
                self._event(session, board.id, "round_close", {"round": found.id})

    def vote(self, token: object, round_id: int, item: str, change: int = 1) -> int:
        """Spend (``change`` 1) or take back (-1) a dot on ``item``: the dots left to spend."""
        access = self.resolve(token)
        if access.participant is None:
            raise NotAllowed("voters-only")
        if change not in (1, -1):
            raise BoardError("one-dot")
        with self.database.write() as session:
            board = self._writable(session, access)
            found = self._round(session, board, round_id)
            if found.closed is not None:
                raise BoardError("round-closed")
            item = str(item)
            self._check_item(session, board, found, item)
            spent = session.scalar(select(func.coalesce(func.sum(Vote.count), 0)).where(
                Vote.round_id == found.id, Vote.participant_id == access.participant))
            row = session.scalar(select(Vote).where(Vote.round_id == found.id, Vote.item == item,
                                                    Vote.participant_id == access.participant))
            if change > 0:
                if spent >= found.dots:
                    raise BoardError("dots-spent", dots=found.dots)
                if row is not None and not found.allow_stacking:
                    raise BoardError("no-stacking")
                if row is None:
                    session.add(Vote(round_id=found.id, participant_id=access.participant, item=item, count=1))
                else:
                    row.count += 1
            else:
                if row is None:
                    raise BoardError("no-dot")
                if row.count > 1:
                    row.count -= 1
                else:
                    session.delete(row)
            self._event(session, board.id, "vote", {"round": found.id})
            return found.dots - spent - change

    def _round(self, session: Session, board: Board, round_id: int) -> VoteRound:
        found = session.get(VoteRound, round_id) if is_id(round_id) else None
        if found is None or found.board_id != board.id:
            raise BoardError("no-round", round=round_id)
        return found

    def _check_item(self, session: Session, board: Board, found: VoteRound, item: str) -> None:
        if found.topic == "step":
            if item not in self._targets_of(session, board)[0]:
                raise BoardError("no-step", step=shown(item))
            return
        # ASCII digits only, few enough for an integer column ("²" is a digit to str.isdigit).
        note = session.get(Note, int(item)) if re.fullmatch(r"[0-9]{1,9}", item) else None
        if note is None or note.board_id != board.id or note.deleted is not None or note.kind != found.topic:
            raise BoardError("no-topic-note", topic=found.topic, item=shown(item))
