"""What a workshop board's calls take and give: the limits, the refusals and the checks of what
people type, the plain records of a board and of one person's view of it, and the link that opens it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode

from ..phrases import say
from .documents import storable

__all__ = [
    "ACTION_STATUSES",
    "CONTROL",
    "DEFAULT_BASE_URL",
    "MAX_DOTS",
    "MAX_NAME_CHARS",
    "MAX_NOTES_PER_BOARD",
    "MAX_NOTES_PER_PARTICIPANT",
    "MAX_NOTE_CHARS",
    "MAX_TIMER_SECONDS",
    "NOTE_KINDS",
    "ROUND_TOPICS",
    "Access",
    "BoardError",
    "BoardInfo",
    "BoardView",
    "NewBoard",
    "NotAllowed",
    "NoteInfo",
    "RoundInfo",
    "board_link",
    "clean_text",
    "is_id",
    "shown",
    "utc",
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
#: Control characters other than tab and newline (and DEL, C1): refused in what people type.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
    """Everything one person's view of a board shows, read at once (:meth:`.boards.BoardStore.view`)."""

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


def utc(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:  # SQLite hands times back without their zone
        return moment.replace(tzinfo=UTC)
    return moment


def clean_text(text: object, limit: int, what: str) -> str:
    """``text`` stripped and storable, or a :class:`BoardError` naming ``what`` (``board-error.what.*``)."""
    named = say(f"board-error.what.{what}")
    if not isinstance(text, str):
        raise BoardError("not-text", what=named)
    text = text.strip()
    if not text:
        raise BoardError("empty", what=named)
    if len(text) > limit:
        raise BoardError("too-long", what=named, limit=limit)
    if CONTROL.search(text):
        raise BoardError("control", what=named)
    return storable(text)


def is_id(value: object) -> bool:
    """Whether ``value`` can be a row id (an int column holds it on every database)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31


def shown(value: object) -> str:
    """``value`` quoted for a message, cut short: a message stays one readable line."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
