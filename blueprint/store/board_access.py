"""Who may do what on a workshop board: a token resolved to its board and role, a board made with its
two links, joining through the participant link, a new participant link; and what every change
shares (the board's row locked, the check that it takes changes, the event it writes, the steps
and phases notes can be pinned to)."""

from __future__ import annotations

import json
import threading

from sqlalchemy import select
from sqlalchemy.orm import Session

from .board_records import MAX_NAME_CHARS, Access, BoardError, NewBoard, NotAllowed, clean_text, shown
from .database import Database
from .documents import DocumentStore
from .models import Board, BoardEvent, Participant, Revision, utcnow
from .tokens import digest, looks_like_token, matches, new_id, new_token

__all__ = ["BoardAccess"]

#: Participants' own tokens (digest) -> their seat, per database: see BoardAccess.resolve.
_PEOPLE: dict[tuple[str, str], Access] = {}
_PEOPLE_LOCK = threading.Lock()
_PEOPLE_ENTRIES = 100_000


class BoardAccess:
    """The boards of one database: who a token is, and what every change does first and last (the
    calls of :class:`.boards.BoardStore` by job are its subclasses)."""

    def __init__(self, database: Database):
        self.database = database
        self.documents = DocumentStore(database)
        self._targets: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._targets_lock = threading.Lock()

    # --- links and roles -------------------------------------------------------------------

    def create(self, text: str, *, title: str = "", author: str = "") -> NewBoard:
        """A board on a new document holding the blueprint ``text``, and its two link tokens."""
        from ..loader import loads

        blueprint = loads(text)
        title = (title or blueprint.title or "").strip()[:500]
        draft = self.documents.create(text, title=title, author=author, source="board")
        facilitator, participant = new_token(), new_token()
        with self.database.write() as session:
            board = Board(id=new_id(), document_id=draft.id, title=title, facilitator_hash=digest(facilitator),
                          participant_hash=digest(participant), state="open", created=utcnow())
            session.add(board)
            session.flush()
            self._event(session, board.id, "create", {})
        return NewBoard(board.id, draft.id, facilitator, participant)

    def resolve(self, token: object) -> Access:
        """The board and role ``token`` opens; :class:`NotAllowed` for anything else."""
        if not looks_like_token(token):
            raise NotAllowed("bad-link")
        hashed = digest(token)  # type: ignore[arg-type]
        with _PEOPLE_LOCK:
            known = _PEOPLE.get((self.database.url, hashed))
        if known is not None:
            return known
        with self.database.read() as session:
            board = session.scalar(select(Board).where(
                (Board.facilitator_hash == hashed) | (Board.participant_hash == hashed)))
            if board is not None:
                if matches(token, board.facilitator_hash):
                    return Access(board.id, "facilitator", None, "")
                if matches(token, board.participant_hash):
                    return Access(board.id, "participant", None, "")
            person = session.scalar(select(Participant).where(Participant.token_hash == hashed))
            if person is not None and matches(token, person.token_hash):
                found = Access(person.board_id, "participant", person.id, person.name)
                # A participant's own token always opens the same seat (never rotated, renamed or
                # removed): every view asks each second, so it is looked up once per process.
                with _PEOPLE_LOCK:
                    if len(_PEOPLE) >= _PEOPLE_ENTRIES:
                        _PEOPLE.clear()
                    _PEOPLE[(self.database.url, hashed)] = found
                return found
        raise NotAllowed("bad-link")

    def _facilitator(self, token: object) -> Access:
        access = self.resolve(token)
        if access.role != "facilitator":
            raise NotAllowed()
        return access

    def join(self, link_token: object, name: object) -> tuple[int, str]:
        """Join the board of a participant link with a display name: ``(participant id, own token)``."""
        access = self.resolve(link_token)
        if access.role != "participant" or access.participant is not None:
            raise NotAllowed("join-as-participant")
        name = clean_text(name, MAX_NAME_CHARS, "display-name")
        token = new_token()
        with self.database.write() as session:
            board = self._board(session, access.board)
            if board.state == "closed":
                raise BoardError("closed")
            now = utcnow()
            person = Participant(board_id=board.id, name=name, token_hash=digest(token), joined=now, last_seen=now)
            session.add(person)
            session.flush()
            self._event(session, board.id, "join", {"participant": person.id})
            return person.id, token

    def rotate_participant_link(self, token: object) -> str:
        """A new participant link (the old one stops working; those who joined stay)."""
        access = self._facilitator(token)
        fresh = new_token()
        with self.database.write() as session:
            board = self._board(session, access.board)
            board.participant_hash = digest(fresh)
            self._event(session, board.id, "rotate", {})
        return fresh

    # --- inside ----------------------------------------------------------------------------

    def _board(self, session: Session, board_id: str) -> Board:
        # Locks the board's row for the transaction: the limits below are checked and kept at once.
        return session.scalars(select(Board).where(Board.id == board_id).with_for_update()).one()

    def _writable(self, session: Session, access: Access) -> Board:
        board = self._board(session, access.board)
        if board.state == "closed":
            raise BoardError("closed")
        if board.state == "locked":
            raise BoardError("locked")
        if access.participant is not None:
            session.query(Participant).filter(Participant.id == access.participant).update(
                {Participant.last_seen: utcnow()})
        return board

    def _targets_of(self, session: Session, board: Board) -> tuple[frozenset[str], frozenset[str]]:
        """The step ids and phase ids of the board's blueprint (cached by revision)."""
        from ..loader import loads
        from .models import Document

        head = session.get(Document, board.document_id).head_revision_id
        with self._targets_lock:
            found = self._targets.get(head)
        if found is None:
            blueprint = loads(session.get(Revision, head).text)
            found = (frozenset(step.id for step in blueprint.steps if step.id),
                     frozenset(phase.id for phase in blueprint.phases if phase.id))
            with self._targets_lock:
                self._targets[head] = found
        return found

    def _target_kind(self, session: Session, board: Board, target: object) -> str:
        steps, phases = self._targets_of(session, board)
        if isinstance(target, str) and target in steps:
            return "step"
        if isinstance(target, str) and target in phases:
            return "phase"
        raise BoardError("no-target", target=shown(target))

    def _event(self, session: Session, board_id: str, kind: str, payload: dict) -> None:
        session.add(BoardEvent(board_id=board_id, kind=kind, payload=json.dumps(payload), created=utcnow()))
