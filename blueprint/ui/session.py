"""The app's session: which draft is open, its text, and the one way every change is made.

Every text change (editor, table, detail panel, upload, template, example, undo, redo) goes
through :func:`commit` (or :func:`undo` / :func:`redo`), which pushes the draft's history and
saves it to the drafts directory before anything else happens, so a reload or a closed tab finds
the edit. The open draft's id is kept in the URL (``?draft=...``), the chosen UI language too
(``?lang=...``). The session's state lives in one :class:`~.view.View`.

``rev`` counts the changes made outside the editor: the editor replaces its own text only when
``rev`` moves, so typing is never overwritten by the echo of its own edit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

from .components import EDITOR_KEY
from .drafts import Draft, DraftStore, default_directory
from .i18n import LOCALES
from .view import view

__all__ = [
    "bootstrap",
    "browser_locale",
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


@st.cache_resource(show_spinner=False)
def _store(directory: str) -> DraftStore:
    return DraftStore(directory)


def store() -> DraftStore:
    """The drafts store of ``$BLUEPRINT_DRAFTS_DIR`` (read each run, so tests can point it anywhere)."""
    return _store(str(default_directory()))


def draft() -> Draft | None:
    """The open draft, or None on a fresh session with nothing opened yet."""
    return view().draft


def text() -> str | None:
    current = draft()
    return current.text if current is not None else None


def rev() -> int:
    return view().rev


def _bump() -> None:
    view().rev += 1


def open_draft(opened: Draft) -> None:
    """Make ``opened`` the session's draft and put its id in the URL."""
    state = view()
    state.draft = opened
    state.rev += 1
    state.reset()
    st.query_params["draft"] = opened.id


def open_text(new_text: str, name: str) -> Draft:
    """A new draft holding ``new_text`` (an example, a template, an upload), opened at once."""
    created = store().create(new_text, name=name)
    open_draft(created)
    return created


def close() -> None:
    """Leave the open draft (it stays in the recent drafts)."""
    state = view()
    state.draft = None
    state.reset()
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


def browser_locale() -> str:
    """The UI language the browser asks for: ``navigator.language``, else ``Accept-Language``.

    The first of the app's languages the browser lists wins; English when it lists none of them.
    """
    wanted = []
    try:
        if st.context.locale:
            wanted.append(st.context.locale)
        wanted += [part.split(";")[0] for part in (st.context.headers.get("Accept-Language") or "").split(",")]
    except Exception:  # noqa: BLE001 - no browser (a bare script run): the default below
        pass
    for tag in wanted:
        language = tag.strip().lower().split("-")[0].split("_")[0]
        if language in LOCALES:
            return language
    return "en"


def ui_locale() -> str:
    """The UI language: the user's choice (kept in the URL), else the browser's language.

    The blueprint's own ``locale:`` only sets the words inside the drawing, never the UI's.
    """
    state = view()
    if state.ui_locale is None and st.query_params.get("lang") in LOCALES:
        state.ui_locale = st.query_params["lang"]  # a reload, or a link with the language in it
    return state.ui_locale or browser_locale()


def set_ui_locale(locale: str) -> None:
    """The user chose a UI language: kept for the session and in the URL, so a reload keeps it."""
    if locale in LOCALES:
        view().ui_locale = locale
        st.query_params["lang"] = locale


def _argument_path() -> Path | None:
    """The blueprint named after ``--`` on the command line (``make run``), if it is a readable file."""
    for argument in sys.argv[1:]:
        path = Path(argument)
        if path.suffix in (".yaml", ".yml") and path.is_file() and os.access(path, os.R_OK):
            return path
    return None


def sync_url() -> None:
    """Keep ``?draft=`` (and a chosen ``?lang=``) in the URL on every page, so a reload anywhere
    reopens the draft in the same language."""
    current = draft()
    if current is not None and st.query_params.get("draft") != current.id:
        st.query_params["draft"] = current.id
    chosen = view().ui_locale
    if chosen is not None and st.query_params.get("lang") != chosen:
        st.query_params["lang"] = chosen


def bootstrap() -> bool:
    """On a session's first run: reopen the draft named in the URL, else open the command-line file.

    Returns True when this run opened the command-line file (the app then shows the editor).
    """
    state = view()
    if state.booted:
        return False
    state.booted = True
    requested = st.query_params.get("draft")
    if requested:
        found = store().get(requested)
        if found is not None:
            open_draft(found)
            return False
        st.query_params.pop("draft", None)
        state.notice = ("draft_missing", {})
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
