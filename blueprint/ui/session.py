"""The app's session: which draft is open, its text, and the one way every change is made.

Every text change (editor, table, detail panel, upload, template, example, undo, redo) goes
through :func:`commit` (or :func:`undo` / :func:`redo`), which pushes the draft's history and
saves it to the drafts directory before anything else happens, so a reload or a closed tab finds
the edit. The open draft's id is kept in the URL (``?draft=...``).

``rev`` counts the changes made outside the editor: the editor replaces its own text only when
``rev`` moves, so typing is never overwritten by the echo of its own edit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

from . import pipeline
from .components import EDITOR_KEY
from .drafts import Draft, DraftStore, default_directory

__all__ = [
    "bootstrap",
    "close",
    "commit",
    "draft",
    "open_draft",
    "open_text",
    "redo",
    "rev",
    "set_ui_locale",
    "store",
    "sync_url",
    "take_editor_edit",
    "text",
    "ui_locale",
    "undo",
]

_DRAFT = "bp_draft"
_REV = "bp_rev"
_BOOTED = "bp_booted"


@st.cache_resource(show_spinner=False)
def _store(directory: str) -> DraftStore:
    return DraftStore(directory)


def store() -> DraftStore:
    """The drafts store of ``$BLUEPRINT_DRAFTS_DIR`` (read each run, so tests can point it anywhere)."""
    return _store(str(default_directory()))


def draft() -> Draft | None:
    """The open draft, or None on a fresh session with nothing opened yet."""
    return st.session_state.get(_DRAFT)


def text() -> str | None:
    current = draft()
    return current.text if current is not None else None


def rev() -> int:
    return st.session_state.get(_REV, 0)


def _bump() -> None:
    st.session_state[_REV] = rev() + 1


def _reset_view() -> None:
    for key in ("bp_selected", "bp_focus", "bp_goto", "bp_last_good", "bp_finding_pick"):
        st.session_state.pop(key, None)


def open_draft(opened: Draft) -> None:
    """Make ``opened`` the session's draft and put its id in the URL.

    A draft whose text does not load opens with the picture of the last text in its history that
    did (the editor shows it under the error, as after an edit in this session).
    """
    st.session_state[_DRAFT] = opened
    _bump()
    _reset_view()
    if not pipeline.load_text(opened.text).ok:
        good = pipeline.last_good(opened.earlier_texts())
        if good is not None:
            st.session_state["bp_last_good"] = good
    st.query_params["draft"] = opened.id


def open_text(new_text: str, name: str, locale: str | None = None) -> Draft:
    """A new draft holding ``new_text`` (an example, a template, an upload), opened at once."""
    created = store().create(new_text, name=name, locale=locale)
    open_draft(created)
    return created


def close() -> None:
    """Leave the open draft (it stays in the recent drafts)."""
    st.session_state.pop(_DRAFT, None)
    _reset_view()
    st.query_params.pop("draft", None)


def commit(new_text: str, source: str) -> bool:
    """Make ``new_text`` the draft's text: history, save, and (unless it came from the editor) a new rev."""
    current = draft()
    if current is None or new_text == current.text:
        return False
    store().change(current, new_text, source)
    if source != "editor":
        _bump()
    return True


def undo() -> bool:
    current = draft()
    if current is None or not store().undo(current):
        return False
    _bump()
    return True


def redo() -> bool:
    current = draft()
    if current is None or not store().redo(current):
        return False
    _bump()
    return True


def take_editor_edit() -> bool:
    """Commit the editor's latest edit if it was made on the text we hold (``base == rev``).

    Read from the component's state at the top of the run, before any widget is drawn, so every
    part of the page shows the new text.
    """
    state = st.session_state.get(EDITOR_KEY)
    edit = state.get("edit") if hasattr(state, "get") else None
    if not isinstance(edit, dict) or not isinstance(edit.get("text"), str):
        return False
    if edit.get("base") != rev():
        return False  # made on a text replaced since (undo, a table edit): that edit is gone
    return commit(edit["text"], "editor")


def ui_locale() -> str:
    """The UI language: the draft's choice, else the blueprint's ``locale:``, else English.

    While the text does not load, the language it had stays (a typo must not flip the page to
    English).
    """
    current = draft()
    if current is None:
        return st.session_state.get("bp_ui_locale", "en")
    if current.locale in ("en", "zh"):
        return current.locale
    locale = pipeline.summary(current.text).get("locale")
    if locale is None and st.session_state.get("bp_last_good"):  # a reopened draft that does not load
        locale = pipeline.summary(st.session_state["bp_last_good"]).get("locale")
    if locale in ("en", "zh"):
        st.session_state["bp_ui_locale"] = locale
        return locale
    return st.session_state.get("bp_ui_locale", "en")


def set_ui_locale(locale: str) -> None:
    current = draft()
    st.session_state["bp_ui_locale"] = locale
    if current is not None and current.locale != locale:
        store().update(current, locale=locale)


def _argument_path() -> Path | None:
    """The blueprint named after ``--`` on the command line (``make run``), if it is a readable file."""
    for argument in sys.argv[1:]:
        path = Path(argument)
        if path.suffix in (".yaml", ".yml") and path.is_file() and os.access(path, os.R_OK):
            return path
    return None


def sync_url() -> None:
    """Keep ``?draft=`` in the URL on every page, so a reload anywhere reopens the draft."""
    current = draft()
    if current is not None and st.query_params.get("draft") != current.id:
        st.query_params["draft"] = current.id


def bootstrap() -> bool:
    """On a session's first run: reopen the draft named in the URL, else open the command-line file.

    Returns True when this run opened the command-line file (the app then shows the editor).
    """
    if st.session_state.get(_BOOTED):
        return False
    st.session_state[_BOOTED] = True
    requested = st.query_params.get("draft")
    if requested:
        found = store().get(requested)
        if found is not None:
            open_draft(found)
            return False
        st.query_params.pop("draft", None)
        st.session_state["bp_notice"] = ("draft_missing", {})
        return False
    path = _argument_path()
    if path is None:
        return False
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    open_text(content, name=path.name)
    return True
