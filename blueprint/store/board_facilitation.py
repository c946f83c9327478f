"""What the facilitator of a workshop board does besides the votes: the countdown, the step everyone
looks at, the board's state (open, locked, closed), and the actions agreed on."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from .board_access import BoardAccess
from .board_records import (
    ACTION_STATUSES,
    CONTROL,
    MAX_NOTE_CHARS,
    MAX_TIMER_SECONDS,
    BoardError,
    clean_text,
    is_id,
    shown,
)
from .models import Action, VoteRound, utcnow

__all__ = ["BoardFacilitation"]


class BoardFacilitation(BoardAccess):
    """The facilitation calls of :class:`.boards.BoardStore`."""

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
                raise BoardError("no-step", step=shown(step))
            board.presenter_step = step
            self._event(session, board.id, "present", {"step": step})

    def set_state(self, token: object, state: str) -> None:
        """``open``, ``locked`` (edits frozen for now) or ``closed`` (read-only for good)."""
        access = self._facilitator(token)
        if state not in ("open", "locked", "closed"):
            raise BoardError("board-state", state=shown(state))
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
        title = clean_text(title, MAX_NOTE_CHARS, "action")
        with self.database.write() as session:
            board = self._board(session, access.board)
            if board.state == "closed":
                raise BoardError("closed")
            if step is not None and (not isinstance(step, str) or step not in self._targets_of(session, board)[0]):
                raise BoardError("no-step", step=shown(step))
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
            values["title"] = clean_text(changes["title"], MAX_NOTE_CHARS, "action")
        with self.database.write() as session:
            board = self._board(session, access.board)
            found = session.get(Action, action_id) if is_id(action_id) else None
            if found is None or found.board_id != board.id:
                raise BoardError("no-action", action=action_id)
            for key, value in values.items():
                setattr(found, key, value)
            found.updated = utcnow()
            self._event(session, board.id, "action", {"action": found.id})


def _action_fields(**values) -> dict:
    fields = {}
    if "owner" in values:
        owner = values["owner"] or ""
        if not isinstance(owner, str) or len(owner) > 200 or CONTROL.search(owner):
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
