"""Workshop boards: links and roles, participants, notes, dot voting, timer, presenter, actions.

Every call names the token it acts with; the board and the role come from that token alone, so
no call can reach another board. A board has two link tokens (facilitator and participant, only
their hashes stored); joining through the participant link gives a participant a token of their
own. Facilitator actions check the role here, on the server, and raise :class:`NotAllowed` for
anyone else. Each change writes a ``board_event`` row in the same transaction:
:meth:`BoardStore.latest_event` is the one cheap query a live view polls.

Writes lock the board's row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's writers queue at
``BEGIN IMMEDIATE``), so limits on notes and dots hold with many participants at once.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..phrases import say
from .database import Database
from .documents import DocumentStore, storable
from .models import Action, Board, BoardEvent, Note, Participant, Revision, Vote, VoteRound, utcnow
from .tokens import digest, looks_like_token, matches, new_id, new_token

__all__ = [
    "ACTION_STATUSES", "DEFAULT_BASE_URL", "NOTE_KINDS", "Access", "BoardError", "BoardInfo", "BoardStore",
    "BoardView", "NewBoard", "NotAllowed", "NoteInfo", "RoundInfo", "board_link",
]

NOTE_KINDS = ("pain", "idea", "question", "positive")
ROUND_TOPICS = ("pain", "idea", "step")
ACTION_STATUSES = ("open", "in_progress", "done")
#: Limits that keep one board usable on a projector and one participant from flooding it.
MAX_NOTE_CHARS = 1000
MAX_NOTES_PER_PARTICIPANT = 200
MAX_NOTES_PER_BOARD = 5000
MAX_NAME_CHARS = 60
MAX_DOTS = 20
MAX_TIMER_SECONDS = 24 * 3600
#: Where the app runs when nothing says otherwise (``streamlit run``'s default port).
DEFAULT_BASE_URL = "http://localhost:8501"
#: Boards' notes and rounds as of an event, shared by this process's views (see BoardStore._as_of_latest).
_SNAPSHOTS: OrderedDict[tuple, tuple] = OrderedDict()
_SNAPSHOTS_LOCK = threading.Lock()
_SNAPSHOT_ENTRIES = 256
#: Participants' own tokens (digest) -> their seat, per database: see BoardStore.resolve.
_PEOPLE: dict[tuple[str, str], "Access"] = {}
_PEOPLE_LOCK = threading.Lock()
_PEOPLE_ENTRIES = 100_000
#: Control characters other than tab and newline (and DEL, C1): refused in what people type.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def board_link(base_url: str, board: str, token: str) -> str:
    """The app's link that opens ``board`` with ``token``: ``BASE/board?board=ID&token=TOKEN``.

    >>> board_link("https://bp.example.org/", "b1", "t-2")
    'https://bp.example.org/board?board=b1&token=t-2'
    """
    return f"{base_url.rstrip('/')}/board?{urlencode({'board': board, 'token': token})}"


class _Refusal(Exception):
    """What a board says when it refuses: ``phrase`` is the message in every language (a catalogue
    entry ``board-error.<message>``), one line; ``str()`` is the English and the Chinese."""

    def __init__(self, message: str, /, **params: object):
        self.phrase = say(f"board-error.{message}", **params)
        super().__init__(f"{self.phrase.en} / {self.phrase.zh}")

    def text(self, locale: str = "en") -> str:
        """The message in ``locale``."""
        return self.phrase.text(locale)


class BoardError(_Refusal, ValueError):
    """Input a board refuses."""


class NotAllowed(_Refusal, PermissionError):
    """The token does not grant this: a participant asking for a facilitator action, or no valid token."""

    def __init__(self, message: str = "facilitator-only", /, **params: object):
        super().__init__(message, **params)


@dataclass(frozen=True, slots=True)
class Access:
    """What a token opens: its board and role (``facilitator`` or ``participant``); the
    participant's id once they joined (None for the bare participant link)."""

    board: str
    role: str
    participant: int | None = None
    name: str = ""


@dataclass(frozen=True, slots=True)
class NewBoard:
    board: str
    document: str
    facilitator_token: str
    participant_token: str


@dataclass(frozen=True, slots=True)
class BoardInfo:
    id: str
    title: str
    document: str
    state: str
    presenter_step: str | None
    timer_end: datetime | None
    created: datetime


@dataclass(frozen=True, slots=True)
class NoteInfo:
    id: int
    target: str
    target_kind: str
    kind: str
    text: str
    author: str
    participant: int | None
    created: datetime
    edited: datetime | None


@dataclass(frozen=True, slots=True)
class RoundInfo:
    id: int
    topic: str
    dots: int
    allow_stacking: bool
    opened: datetime
    closed: datetime | None
    #: ``(item, dots, voters)`` best first (ties by item).
    ranking: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class BoardView:
    """Everything one person's view of a board shows, read at once (:meth:`BoardStore.view`)."""

    #: The board's latest event id, read first: a change made meanwhile moves it again.
    event: int
    access: Access
    info: BoardInfo
    text: str
    notes: list[NoteInfo]
    rounds: list[RoundInfo]
    actions: list[dict]
    participants: list[tuple[int, str]]
    #: This participant's dots in the open round, by item (empty for the facilitator, or no round open).
    my_votes: dict[str, int]

    @property
    def open_round(self) -> RoundInfo | None:
        return next((found for found in reversed(self.rounds) if found.closed is None), None)

    def note_counts(self) -> tuple[tuple[str, str, int], ...]:
        """How many notes of each kind each step and phase holds, ``(target, kind, count)``: the
        drawing's badges."""
        counts: dict[tuple[str, str], int] = {}
        for note in self.notes:
            counts[note.target, note.kind] = counts.get((note.target, note.kind), 0) + 1
        return tuple(sorted((target, kind, count) for (target, kind), count in counts.items()))

    def heat(self, facilitator: bool) -> tuple[tuple[str, int], ...]:
        """The dots of the latest round on each step (a note's dots on its step), ``(step, dots)``:
        the drawing's heat.

        The facilitator sees an open round's dots as they come; participants see a round's result
        once it is closed, so nobody votes after the crowd.
        """
        shown = [found for found in self.rounds if facilitator or found.closed is not None]
        if not shown:
            return ()
        latest = shown[-1]
        notes = {str(note.id): note.target for note in self.notes}
        dots: dict[str, int] = {}
        for item, count, _voters in latest.ranking:
            target = item if latest.topic == "step" else notes.get(item)
            if target is not None:
                dots[target] = dots.get(target, 0) + count
        return tuple(sorted(dots.items()))


def _utc(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:  # SQLite hands times back without their zone
        return moment.replace(tzinfo=UTC)
    return moment


def _clean_text(text: object, limit: int, what: str) -> str:
    """``text`` stripped and storable, or a :class:`BoardError` naming ``what`` (``board-error.what.*``)."""
    named = say(f"board-error.what.{what}")
    if not isinstance(text, str):
        raise BoardError("not-text", what=named)
    text = text.strip()
    if not text:
        raise BoardError("empty", what=named)
    if len(text) > limit:
        raise BoardError("too-long", what=named, limit=limit)
    if _CONTROL.search(text):
        raise BoardError("control", what=named)
    return storable(text)


class BoardStore:
    """The boards of one database (the same one as the documents)."""

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
        name = _clean_text(name, MAX_NAME_CHARS, "display-name")
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

    # --- reading ---------------------------------------------------------------------------

    def board(self, token: object) -> BoardInfo:
        access = self.resolve(token)
        with self.database.read() as session:
            board = session.get(Board, access.board)
            return BoardInfo(board.id, board.title, board.document_id, board.state, board.presenter_step,
                             _utc(board.timer_end), _utc(board.created))

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
                          _utc(board.timer_end), _utc(board.created)),
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

    # --- notes -----------------------------------------------------------------------------

    def add_note(self, token: object, target: str, kind: str, text: object) -> int:
        """Pin a note to a step or a phase of the board's blueprint; its id."""
        access = self.resolve(token)
        if access.role == "participant" and access.participant is None:
            raise NotAllowed("join-first")
        if kind not in NOTE_KINDS:
            raise BoardError("note-kind", kind=_shown(kind), kinds=", ".join(NOTE_KINDS))
        text = _clean_text(text, MAX_NOTE_CHARS, "note")
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
        text = _clean_text(text, MAX_NOTE_CHARS, "note")
        if kind is not None and kind not in NOTE_KINDS:
            raise BoardError("note-kind-short", kind=_shown(kind))
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
        note = session.get(Note, note_id) if _is_id(note_id) else None
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
            raise BoardError("vote-topic", topic=_shown(topic), topics=", ".join(ROUND_TOPICS))
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
        found = session.get(VoteRound, round_id) if _is_id(round_id) else None
        if found is None or found.board_id != board.id:
            raise BoardError("no-round", round=round_id)
        return found

    def _check_item(self, session: Session, board: Board, found: VoteRound, item: str) -> None:
        if found.topic == "step":
            if item not in self._targets_of(session, board)[0]:
                raise BoardError("no-step", step=_shown(item))
            return
        # ASCII digits only, few enough for an integer column ("²" is a digit to str.isdigit).
        note = session.get(Note, int(item)) if re.fullmatch(r"[0-9]{1,9}", item) else None
        if note is None or note.board_id != board.id or note.deleted is not None or note.kind != found.topic:
            raise BoardError("no-topic-note", topic=found.topic, item=_shown(item))

    # --- facilitation ----------------------------------------------------------------------

    def set_timer(self, token: object, seconds: int | None) -> datetime | None:
        """Start a countdown of ``seconds`` for everyone (None or 0 stops it): its end time."""
        access = self._facilitator(token)
        if seconds is not None and (not isinstance(seconds, int) or not 0 <= seconds <= MAX_TIMER_SECONDS):
            raise BoardError("timer", most=MAX_TIMER_SECONDS)
        with self.database.write() as session:
            board = self._board(session, access.board)
            board.timer_seconds = seconds or None
            board.timer_end = utcnow() + timedelta(seconds=seconds) if seconds else None
            self._event(session, board.id, "timer", {"seconds": seconds or 0})
            return board.timer_end

    def present(self, token: object, step: str | None) -> None:
        """The step the presenter shows (None: none)."""
        access = self._facilitator(token)
        with self.database.write() as session:
            board = self._board(session, access.board)
            if step is not None and (not isinstance(step, str) or step not in self._targets_of(session, board)[0]):
                raise BoardError("no-step", step=_shown(step))
            board.presenter_step = step
            self._event(session, board.id, "present", {"step": step})

    def set_state(self, token: object, state: str) -> None:
        """``open``, ``locked`` (edits frozen for now) or ``closed`` (read-only for good)."""
        access = self._facilitator(token)
        if state not in ("open", "locked", "closed"):
            raise BoardError("board-state", state=_shown(state))
        with self.database.write() as session:
            board = self._board(session, access.board)
            if board.state == "closed" and state != "closed":
                raise BoardError("stays-closed")
            board.state = state
            if state == "closed":
                board.closed = utcnow()
                for still_open in session.scalars(select(VoteRound).where(
                        VoteRound.board_id == board.id, VoteRound.closed.is_(None))):
                    still_open.closed = board.closed
            self._event(session, board.id, "state", {"state": state})

    # --- actions ---------------------------------------------------------------------------

    def add_action(self, token: object, title: object, *, step: str | None = None, item: str | None = None,
                   owner: str = "", due: str | None = None, status: str = "open") -> int:
        access = self._facilitator(token)
        title = _clean_text(title, MAX_NOTE_CHARS, "action")
        with self.database.write() as session:
            board = self._board(session, access.board)
            if board.state == "closed":
                raise BoardError("closed")
            if step is not None and (not isinstance(step, str) or step not in self._targets_of(session, board)[0]):
                raise BoardError("no-step", step=_shown(step))
            now = utcnow()
            found = Action(board_id=board.id, item=item, step=step, title=title, created=now, updated=now,
                           **_action_fields(owner=owner, due=due, status=status))
            session.add(found)
            session.flush()
            self._event(session, board.id, "action", {"action": found.id})
            return found.id

    def update_action(self, token: object, action_id: int, **changes) -> None:
        """Change an action's ``owner``, ``due``, ``status`` or ``title``."""
        access = self._facilitator(token)
        unknown = set(changes) - {"owner", "due", "status", "title"}
        if unknown:
            raise BoardError("action-field", field=repr(min(unknown)))
        values = _action_fields(**{key: value for key, value in changes.items() if key != "title"})
        if "title" in changes:
            values["title"] = _clean_text(changes["title"], MAX_NOTE_CHARS, "action")
        with self.database.write() as session:
            board = self._board(session, access.board)
            found = session.get(Action, action_id) if _is_id(action_id) else None
            if found is None or found.board_id != board.id:
                raise BoardError("no-action", action=action_id)
            for key, value in values.items():
                setattr(found, key, value)
            found.updated = utcnow()
            self._event(session, board.id, "action", {"action": found.id})

    # --- the outcome -----------------------------------------------------------------------

    def board_outcome(self, board: str) -> dict:
        """Everything the workshop produced, as plain data (see :mod:`.outcome`)."""
        with self.database.read() as session:
            found = session.get(Board, board) if looks_like_token(board) else None
            if found is None:
                raise BoardError("no-board", board=_shown(board))
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
                raise BoardError("no-board", board=_shown(board))
            document_id = found.document_id
        draft = self.documents.get(document_id)
        return draft.text if draft else ""

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
        raise BoardError("no-target", target=_shown(target))

    def _event(self, session: Session, board_id: str, kind: str, payload: dict) -> None:
        session.add(BoardEvent(board_id=board_id, kind=kind, payload=json.dumps(payload), created=utcnow()))


def _is_id(value: object) -> bool:
    """Whether ``value`` can be a row id (an int column holds it on every database)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31


def _shown(value: object) -> str:
    """``value`` quoted for a message, cut short: a message stays one readable line."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _action_fields(**values) -> dict:
    fields = {}
    if "owner" in values:
        owner = values["owner"] or ""
        if not isinstance(owner, str) or len(owner) > 200 or _CONTROL.search(owner):
            raise BoardError("owner")
        fields["owner"] = owner.strip()
    if "due" in values:
        due = values["due"]
        if due:
            try:
                due = datetime.strptime(str(due), "%Y-%m-%d").date().isoformat()
            except ValueError:
                raise BoardError("due", due=repr(due)) \
                    from None
        fields["due"] = due or None
    if "status" in values:
        if values["status"] not in ACTION_STATUSES:
            raise BoardError("action-status", status=repr(values["status"]), statuses=", ".join(ACTION_STATUSES))
        fields["status"] = values["status"]
    return fields


def _iso(moment: datetime | None) -> str | None:
    moment = _utc(moment)
    return moment.isoformat(timespec="seconds") if moment else None


def _note(row: Note) -> NoteInfo:
    return NoteInfo(row.id, row.target, row.target_kind, row.kind, row.text, row.author, row.participant_id,
                    _utc(row.created), _utc(row.edited))


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
        found.append(RoundInfo(row.id, row.topic, row.dots, row.allow_stacking, _utc(row.opened), _utc(row.closed),
                               ranking))
    return found
