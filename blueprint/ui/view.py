"""The session's view state: one typed object under one session-state key.

Everything the app remembers between reruns that is not a widget's own value lives here: the
open draft, the version of its text the editor holds, the step shown in the details, the
one-shot requests to the browser (move the editor's cursor, bring a step into view), what each
table was built from, and a notice left for the next run. Widgets keep their own values under
their own keys (Streamlit's rule); nothing else is kept in ``st.session_state`` by name.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from ..store import Draft, SaveResult

__all__ = ["Goto", "TableBase", "View", "view"]

#: The one session-state key the view lives under.
KEY = "bp_view"


@dataclass(frozen=True, slots=True)
class Goto:
    """A request to move the editor's cursor, acted on once per ``nonce``."""

    line: int
    column: int
    nonce: int

    def as_data(self) -> dict[str, int]:
        return {"line": self.line, "column": self.column, "nonce": self.nonce}


@dataclass(slots=True)
class TableBase:
    """What a table's grid was built from, so the grid stays the same widget while it is edited.

    ``text`` is the text the grid's rows were read from; ``shows`` is the text the grid shows now
    (``text`` plus the user's edits, once they are committed). While the draft's text is
    ``shows``, the grid is left alone: it keeps its cursor, its open cell editor and its
    keyboard focus across reruns. Any other text (an edit elsewhere, undo) rebuilds it.
    """

    text: str
    shows: str | None
    nonce: int
    #: The rows the grid was built from when not ``text``'s: a refused edit's, kept to show again.
    rows: list[dict] | None = None
    #: The grid's rows when the last edit was refused (a half-filled new row), else None.
    pending: list[dict] | None = None
    #: Why the last edit was refused (said above the grid until an edit goes through).
    refusal: Exception | None = None
    #: The grid state last written (each state is written once, by whoever sees it first).
    written: str | None = None


@dataclass(slots=True)
class View:
    """The session's state outside widgets (see the module's docstring)."""

    draft: Draft | None = None
    #: Counts the changes made outside the editor; the editor takes the text back when it moves.
    rev: int = 0
    booted: bool = False
    #: rev -> the stored revision the editor was given at that rev (the last few).
    rev_revisions: dict[int, int] = field(default_factory=dict)
    #: The last editor edit taken (its base and text), so the same edit is not taken twice.
    edit_taken: tuple[Any, str] | None = None
    #: The number of the last editor edit taken, told back to the editor (it keeps its text until then).
    edit_seq: int | None = None
    #: A save that met another tab's change at the same place, until the person settles it.
    conflict: SaveResult | None = None
    #: What the last save did, said once as a toast ("merged", "updated").
    toast: str | None = None
    #: The UI language the user chose (None: the browser's).
    ui_locale: str | None = None
    #: The step outlined in the preview and shown in the details.
    selected: str | None = None
    #: The nonce of the last request to bring ``selected`` into view.
    focus: int | None = None
    goto: Goto | None = None
    #: The last text that loaded: drawn and completed from while the text has a syntax error.
    last_good: str | None = None
    #: The finding chosen in the findings table (line, column, rule, message).
    finding_pick: tuple[int, int, str, str] | None = None
    #: A message for the next run: (catalogue key under ``notice.``, format values).
    notice: tuple[str, dict[str, Any]] | None = None
    tables: dict[str, TableBase] = field(default_factory=dict)
    #: What is typed in each table's add line and not yet added (kept across page switches).
    adding: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Why each table's last add was refused (said under its add line until one goes through).
    add_refusals: dict[str, Exception] = field(default_factory=dict)
    #: The table whose new last row the grid shows next, once per nonce.
    reveal: tuple[str, int] | None = None
    uploads_done: set[str] = field(default_factory=set)
    #: This browser's owner token (:mod:`.owner`): a test puts one here to play the same browser twice.
    owner: str | None = None
    #: Whether the browser sent the owner cookie with this session (then it is not written again).
    owner_sent: bool = False
    #: The Workshop link this session opened last: ``(board, token)``.
    board_link: tuple[str, str] | None = None
    #: This browser's own participant token on each board it joined (board id -> token).
    board_own: dict[str, str] = field(default_factory=dict)
    #: Held while a change is saved and taken in (see :mod:`blueprint.ui.session`): Streamlit's
    #: fast reruns start the next run before the last one has stopped, so two runs of one
    #: session can be saving at once.
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)
    _nonce: int = 0

    def next_nonce(self) -> int:
        """A number never used before in this session: the browser acts on each request once."""
        self._nonce += 1
        return self._nonce

    def reset(self) -> None:
        """Forget what was chosen in the draft that was open (another one opens)."""
        self.selected = None
        self.focus = None
        self.goto = None
        self.last_good = None
        self.finding_pick = None
        self.tables.clear()
        self.adding.clear()
        self.add_refusals.clear()
        self.reveal = None

    def select(self, step_id: str, *, bring_into_view: bool = False) -> None:
        self.selected = step_id
        if bring_into_view:
            self.focus = self.next_nonce()

    def move_editor(self, line: int, column: int = 1) -> None:
        self.goto = Goto(line, column, self.next_nonce())

    def take_goto(self) -> Goto | None:
        """The pending cursor move, handed out once."""
        goto, self.goto = self.goto, None
        return goto

    def take_notice(self) -> tuple[str, dict[str, Any]] | None:
        notice, self.notice = self.notice, None
        return notice


def view() -> View:
    """This session's view state (created on the first call)."""
    found = st.session_state.get(KEY)
    if not isinstance(found, View):
        found = View()
        st.session_state[KEY] = found
    return found
