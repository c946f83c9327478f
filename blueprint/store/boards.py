"""Workshop boards: links and roles, participants, notes, dot voting, timer, presenter, actions.

Every call names the token it acts with; the board and the role come from that token alone, so
no call can reach another board. A board has two link tokens (facilitator and participant, only
their hashes stored); joining through the participant link gives a participant a token of their
own. Facilitator actions check the role here, on the server, and raise :class:`NotAllowed` for
anyone else. Each change writes a ``board_event`` row in the same transaction:
:meth:`BoardStore.latest_event` is the one cheap query a live view polls.

Writes lock the board's row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's writers queue at
``BEGIN IMMEDIATE``), so limits on notes and dots hold with many participants at once.

:class:`BoardStore` is its calls by job, each in a module of its own: who a token is and what every
change shares (:mod:`.board_access`), reading (:mod:`.board_reads`), notes and dots
(:mod:`.board_notes`), facilitation and actions (:mod:`.board_facilitation`); the records they take
and give, the limits and the refusals are :mod:`.board_records`. Callers import them all from here.
"""

from __future__ import annotations

from .board_facilitation import BoardFacilitation
from .board_notes import BoardNotes
from .board_reads import BoardReads
from .board_records import (
    ACTION_STATUSES,
    DEFAULT_BASE_URL,
    MAX_DOTS,
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    MAX_NOTES_PER_BOARD,
    MAX_NOTES_PER_PARTICIPANT,
    MAX_TIMER_SECONDS,
    NOTE_KINDS,
    ROUND_TOPICS,
    Access,
    BoardError,
    BoardInfo,
    BoardView,
    NewBoard,
    NotAllowed,
    NoteInfo,
    RoundInfo,
    board_link,
)

__all__ = [
    "ACTION_STATUSES", "DEFAULT_BASE_URL", "MAX_DOTS", "MAX_NAME_CHARS", "MAX_NOTES_PER_BOARD",
    "MAX_NOTES_PER_PARTICIPANT", "MAX_NOTE_CHARS", "MAX_TIMER_SECONDS", "NOTE_KINDS", "ROUND_TOPICS", "Access",
    "BoardError", "BoardInfo", "BoardStore", "BoardView", "NewBoard", "NotAllowed", "NoteInfo", "RoundInfo",
    "board_link",
]


class BoardStore(BoardReads, BoardNotes, BoardFacilitation):
    """The boards of one database (the same one as the documents)."""
