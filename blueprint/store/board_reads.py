"""Reading a workshop board: its record, text, participants, notes, rounds, votes and actions; one
person's whole view in one read; the newest change, which live views poll; and everything the
workshop produced (its outcome), by board id.

Every open view reloads when the board's latest event moves, all at about the same moment: notes
and rounds are loaded once per event in this process and shared."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .board_access import BoardAccess
from .board_records import BoardError, BoardInfo, BoardView, NoteInfo, RoundInfo, shown, utc
from .models import Action, Board, BoardEvent, Note, Participant, Revision, Vote, VoteRound
from .tokens import looks_like_token

__all__ = ["BoardReads"]

#: Boards' notes and rounds as of an event, shared by this process's views (see BoardReads._as_of_latest).
_SNAPSHOTS: OrderedDict[tuple, tuple] = OrderedDict()
_SNAPSHOTS_LOCK = threading.Lock()
_SNAPSHOT_ENTRIES = 256


class BoardReads(BoardAccess):
    """The reading calls of :class:`.boards.BoardStore`."""

    # --- reading ---------------------------------------------------------------------------

    def board(self, token: object) -> BoardInfo:
        access = self.resolve(token)
        with self.database.read() as session:
            board = session.get(Board, access.board)
            return BoardInfo(board.id, board.title, board.document_id, board.state, board.presenter_step,
                             utc(board.timer_end), utc(board.created))

    def text(self, token: object) -> str:
        """The blueprint text of the board (its document's head revision)."""
        access = self.resolve(token)
        with self.database.read() as session:
            document_id = session.get(Board, access.board).document_id
        draft = self.documents.get(document_id)
        return draft.text if draft else ""

    def participants(self, token: object) -> list[tuple[int, str]]:
        access = self.resolve(token)
        with self.database.read() as session:
            return [(row.id, row.name) for row in session.scalars(
                select(Participant).where(Participant.board_id == access.board).order_by(Participant.id))]

    def notes(self, token: object) -> list[NoteInfo]:
        """The board's notes, oldest first."""
        access = self.resolve(token)

        def load(session: Session) -> tuple[NoteInfo, ...]:
            rows = session.scalars(select(Note).where(Note.board_id == access.board, Note.deleted.is_(None))
                                   .order_by(Note.id))
            return tuple(_note(row) for row in rows)

        return list(self._as_of_latest(access.board, "notes", load))

    def rounds(self, token: object) -> list[RoundInfo]:
        """Every vote round of the board, oldest first, with its ranking."""
        access = self.resolve(token)
        found = self._as_of_latest(access.board, "rounds", lambda session: tuple(_rounds(session, access.board)))
        return [replace(item, ranking=list(item.ranking)) for item in found]  # the shared copy stays as it is

    def _as_of_latest(self, board: str, what: str, load) -> tuple:
        """``load(session)`` of the board as of its latest event, loaded once per event in this process.

        Every open view reloads when the board's latest event moves, all at about the same moment:
        keyed by the event id read first (so what is loaded is at least that new), one load serves
        every view of this server. The event table stays the truth: another server's write moves
        the id, and the next read here misses the cache."""
        with self.database.read() as session:
            latest = session.scalar(select(func.max(BoardEvent.id)).where(BoardEvent.board_id == board)) or 0
            return self._shared(session, board, what, latest, load)

    def _shared(self, session: Session, board: str, what: str, latest: int, load) -> tuple:
        """``load(session)`` as of the event ``latest`` (read first in ``session``), once per event here."""
        key = (self.database.url, board, what, latest)
        with _SNAPSHOTS_LOCK:
            found = _SNAPSHOTS.get(key)
            if found is not None:
                _SNAPSHOTS.move_to_end(key)
                return found
        found = load(session)
        with _SNAPSHOTS_LOCK:
            _SNAPSHOTS[key] = found
            while len(_SNAPSHOTS) > _SNAPSHOT_ENTRIES:
                _SNAPSHOTS.popitem(last=False)
        return found

    def my_votes(self, token: object, round_id: int) -> dict[str, int]:
        access = self.resolve(token)
        with self.database.read() as session:
            rows = session.execute(select(Vote.item, Vote.count).join(VoteRound, Vote.round_id == VoteRound.id)
                                   .where(VoteRound.board_id == access.board, Vote.round_id == round_id,
                                          Vote.participant_id == access.participant))
            return {item: count for item, count in rows}

    def actions(self, token: object) -> list[dict]:
        access = self.resolve(token)
        with self.database.read() as session:
            return [_action(row) for row in session.scalars(
                select(Action).where(Action.board_id == access.board).order_by(Action.id))]

    def view(self, token: object) -> BoardView:
        """What the view of ``token`` shows, in one read: the board, its text, notes, rounds and their
        rankings, the participant's own dots, actions and participants."""
        from .models import Document

        access = self.resolve(token)
        with self.database.read() as session:
            event = session.scalar(select(func.max(BoardEvent.id)).where(BoardEvent.board_id == access.board)) or 0
            board = session.get(Board, access.board)
            head = session.get(Document, board.document_id).head_revision_id
            text = session.scalar(select(Revision.text).where(Revision.id == head)) if head else ""
            # Notes and rounds as of the event read first, shared with this server's other views.
            rounds = [replace(item, ranking=list(item.ranking)) for item in self._shared(
                session, board.id, "rounds", event, lambda session: tuple(_rounds(session, board.id)))]
            notes = list(self._shared(session, board.id, "notes", event, lambda session: tuple(
                _note(row) for row in session.scalars(select(Note).where(
                    Note.board_id == board.id, Note.deleted.is_(None)).order_by(Note.id)))))
            current = next((found for found in reversed(rounds) if found.closed is None), None)
            mine = {}
            if current is not None and access.participant is not None:
                mine = dict(session.execute(select(Vote.item, Vote.count).where(
                    Vote.round_id == current.id, Vote.participant_id == access.participant)).all())
            return BoardView(
                event, access,
                BoardInfo(board.id, board.title, board.document_id, board.state, board.presenter_step,
                          utc(board.timer_end), utc(board.created)),
                text or "",
                notes,
                rounds,
                [_action(row) for row in session.scalars(
                    select(Action).where(Action.board_id == board.id).order_by(Action.id))],
                [(row.id, row.name) for row in session.scalars(
                    select(Participant).where(Participant.board_id == board.id).order_by(Participant.id))],
                mine,
            )

    def latest_event(self, board: str, *, skip: tuple[str, ...] = ()) -> int:
        """The id of the board's newest change (0 for none): poll it, reload when it moved.

        ``skip`` leaves out kinds of change a view does not show (a participant does not see
        others' dots before the round closes, so ``("vote",)`` spares them a reload per dot).
        """
        query = select(func.max(BoardEvent.id)).where(BoardEvent.board_id == board)
        if skip:
            query = query.where(BoardEvent.kind.not_in(skip))
        with self.database.read() as session:
            return session.scalar(query) or 0

    # --- the outcome -----------------------------------------------------------------------

    def board_outcome(self, board: str) -> dict:
        """Everything the workshop produced, as plain data (see :mod:`.outcome`)."""
        with self.database.read() as session:
            found = session.get(Board, board) if looks_like_token(board) else None
            if found is None:
                raise BoardError("no-board", board=shown(board))
            people = {row.id: row.name for row in session.scalars(
                select(Participant).where(Participant.board_id == board).order_by(Participant.id))}
            joined = {row.id: row.joined for row in session.scalars(
                select(Participant).where(Participant.board_id == board))}
            notes = [_note(row) for row in session.scalars(
                select(Note).where(Note.board_id == board, Note.deleted.is_(None)).order_by(Note.id))]
            rounds = _rounds(session, board)
            votes = session.execute(select(Vote.round_id, Vote.item, Vote.participant_id, Vote.count)
                                    .join(VoteRound, Vote.round_id == VoteRound.id)
                                    .where(VoteRound.board_id == board).order_by(Vote.round_id, Vote.id)).all()
            actions = [_action(row) for row in session.scalars(
                select(Action).where(Action.board_id == board).order_by(Action.id))]
            revisions = session.scalars(select(Revision).where(Revision.document_id == found.document_id)
                                        .order_by(Revision.id)).all()
            return {
                "board": {"id": found.id, "title": found.title, "state": found.state,
                          "created": _iso(found.created), "closed": _iso(found.closed)},
                "participants": [{"id": key, "name": name, "joined": _iso(joined[key])}
                                 for key, name in people.items()],
                "notes": [{"id": note.id, "step": note.target, "target_kind": note.target_kind, "kind": note.kind,
                           "text": note.text, "author": note.author, "created": _iso(note.created),
                           "edited": _iso(note.edited)} for note in notes],
                "rounds": [{"id": item.id, "topic": item.topic, "dots": item.dots,
                            "allow_stacking": item.allow_stacking, "opened": _iso(item.opened),
                            "closed": _iso(item.closed),
                            "ranking": [{"item": key, "dots": dots, "voters": voters}
                                        for key, dots, voters in item.ranking]} for item in rounds],
                "votes": [{"round": round_id, "item": item, "participant": people.get(person, ""),
                           "count": count} for round_id, item, person, count in votes],
                "actions": actions,
                "revisions": [{"id": row.id, "author": row.author, "message": row.message,
                               "created": _iso(row.created)} for row in revisions],
            }

    def board_text(self, board: str) -> str:
        """The blueprint text of the board ``board`` (its document's head revision), by id, as
        :meth:`board_outcome` reads the board: for the outcome's picture."""
        with self.database.read() as session:
            found = session.get(Board, board) if looks_like_token(board) else None
            if found is None:
                raise BoardError("no-board", board=shown(board))
            document_id = found.document_id
        draft = self.documents.get(document_id)
        return draft.text if draft else ""


def _iso(moment: datetime | None) -> str | None:
    moment = utc(moment)
    return moment.isoformat(timespec="seconds") if moment else None


def _note(row: Note) -> NoteInfo:
    return NoteInfo(row.id, row.target, row.target_kind, row.kind, row.text, row.author, row.participant_id,
                    utc(row.created), utc(row.edited))


def _action(row: Action) -> dict:
    return {"id": row.id, "title": row.title, "step": row.step, "item": row.item, "owner": row.owner,
            "due": row.due, "status": row.status}


def _rounds(session: Session, board: str) -> list[RoundInfo]:
    found = []
    for row in session.scalars(select(VoteRound).where(VoteRound.board_id == board).order_by(VoteRound.id)):
        totals = session.execute(select(Vote.item, func.sum(Vote.count), func.count(Vote.participant_id))
                                 .where(Vote.round_id == row.id).group_by(Vote.item)).all()
        ranking = sorted(((item, int(dots), int(voters)) for item, dots, voters in totals),
                         key=lambda entry: (-entry[1], entry[0]))
        found.append(RoundInfo(row.id, row.topic, row.dots, row.allow_stacking, utc(row.opened), utc(row.closed),
                               ranking))
    return found
