"""The app's session: which draft is open, its text, and the one way every change is made.

Every text change (editor, table, detail panel, upload, template, example, undo, redo) goes
through :func:`commit` (or :func:`undo` / :func:`redo`), which saves it in the store
(:mod:`blueprint.store`) on the revision this session holds, before anything else happens, so a
reload or a closed tab finds the edit and another tab's save is never overwritten: a save on an
older revision is merged, or, when both changed the same place, kept aside as a conflict for
the person to settle (:mod:`.conflict`). The open draft's id is kept in the URL (``?draft=...``).

``rev`` counts the changes made outside the editor: the editor replaces its own text only when
``rev`` moves, so typing is never overwritten by the echo of its own edit. Each ``rev`` remembers
the stored revision its text was, so an edit the editor made on an older text is saved on that
revision and merged.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

from ..store import DocumentStore, Draft, QuotaExceeded, SaveResult, database_url, open_store
from . import owner, pipeline
from .components import EDITOR_KEY

__all__ = [
    "bootstrap",
    "close",
    "commit",
    "conflict",
    "discard_conflict",
    "draft",
    "open_draft",
    "open_text",
    "redo",
    "refresh",
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
#: rev -> the stored revision the editor was given at that rev (the last few).
_REV_REVISIONS = "bp_rev_revisions"
#: The last editor edit taken, so the same edit (its state value stays) is not taken twice.
_EDIT_TAKEN = "bp_edit_taken"
#: A save that met another tab's change at the same place: the SaveResult, until it is settled.
_CONFLICT = "bp_conflict"
_KEEP_REVS = 50


def store() -> DocumentStore:
    """The store of ``$BLUEPRINT_DATABASE_URL`` or the data directory's SQLite file (read each run,
    so tests can point it anywhere); opened, migrated and cleaned once per process."""
    return open_store(database_url())


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
    current = draft()
    if current is not None:
        known = st.session_state.setdefault(_REV_REVISIONS, {})
        known[rev()] = current.revision
        for old in sorted(known)[:-_KEEP_REVS]:
            del known[old]


def _hold(held: Draft, *, bump: bool) -> None:
    """Make ``held`` the session's copy of the draft; with ``bump``, tell the editor to take its text."""
    st.session_state[_DRAFT] = held
    if bump:
        _bump()
    else:
        st.session_state.setdefault(_REV_REVISIONS, {})[rev()] = held.revision


def _reset_view() -> None:
    for key in ("bp_selected", "bp_focus", "bp_goto", "bp_last_good", "bp_finding_pick"):
        st.session_state.pop(key, None)


def open_draft(opened: Draft) -> None:
    """Make ``opened`` the session's draft and put its id in the URL.

    A draft whose text does not load opens with the picture of the newest earlier revision that
    did (the editor shows it under the error, as after an edit in this session).
    """
    st.session_state.pop(_CONFLICT, None)
    _hold(opened, bump=True)
    _reset_view()
    if not pipeline.load_text(opened.text).ok:
        good = pipeline.last_good(_earlier_texts(opened.id))
        if good is not None:
            st.session_state["bp_last_good"] = good
    st.query_params["draft"] = opened.id


def _earlier_texts(draft_id: str, limit: int = 50):
    """The texts of the draft's revisions before the head, newest first (read one at a time)."""
    for info in store().revisions(draft_id, limit=limit):
        if not info.is_head:
            found = store().revision(draft_id, info.id)
            if found is not None and found.text is not None:
                yield found.text


def open_text(new_text: str, name: str, locale: str | None = None, source: str | None = None) -> Draft | None:
    """A new draft holding ``new_text`` (an example, a template, an upload), opened at once.

    ``source`` names where an example's text came from: this browser's untouched copy of it is
    opened again rather than a new copy made. None (after saying so) when the browser keeps as
    many drafts as allowed.
    """
    mine = owner.token()
    found = store().untouched_copy(mine, source) if source else None
    if found is None or found.text != new_text:
        try:
            found = store().create(new_text, owner=mine, title=name, locale=locale, source=source,
                                   author=owner.author())
        except QuotaExceeded as error:
            st.session_state["bp_notice"] = ("quota", {"limit": str(error.limit)})
            return None
    open_draft(found)
    return found


def close() -> None:
    """Leave the open draft (it stays in the recent drafts)."""
    st.session_state.pop(_DRAFT, None)
    st.session_state.pop(_CONFLICT, None)
    _reset_view()
    st.query_params.pop("draft", None)


def conflict() -> SaveResult | None:
    """The save waiting for the person to choose between their text and another tab's, if any."""
    return st.session_state.get(_CONFLICT)


def discard_conflict() -> None:
    """Keep the text as saved; this tab's side stays in the draft's revisions."""
    st.session_state.pop(_CONFLICT, None)


def _settle(result: SaveResult, *, editor: bool) -> bool:
    """Take what a save did into the session; True when the draft's text changed."""
    if result.status == "missing":
        close()
        st.session_state["bp_notice"] = ("draft_missing", {})
        return False
    if result.status == "conflict":
        st.session_state[_CONFLICT] = result
    elif result.ok:
        st.session_state.pop(_CONFLICT, None)
    held = draft()
    changed = held is None or result.draft.text != held.text
    # The editor already shows what it sent: only a text it has not seen (a merge with another
    # tab's save, a conflict's head, an undo, any change from elsewhere) is sent back to it.
    same_as_sent = editor and result.status == "saved"
    _hold(result.draft, bump=not same_as_sent and (changed or result.status == "conflict"))
    if result.status == "merged":
        st.session_state["bp_toast"] = "merged"
    return changed


def commit(new_text: str, source: str, base_revision: int | None = None) -> bool:
    """Save ``new_text`` as the draft's text, made on ``base_revision`` (the revision held, by default).

    Returns True when the draft's text changed. A conflict with another tab's save leaves the
    text as saved and waits in :func:`conflict`.
    """
    current = draft()
    if current is None:
        return False
    base = current.revision if base_revision is None else base_revision
    if new_text == current.text and base == current.revision:
        return False
    result = store().save(current.id, base, new_text, author=owner.author(), source=source)
    return _settle(result, editor=source == "editor")


def refresh() -> bool:
    """Take another tab's save: hold the stored head when it moved. True when it did."""
    current = draft()
    if current is None:
        return False
    if store().head(current.id) == current.revision:
        return False
    found = store().get(current.id)
    if found is None:
        close()
        st.session_state["bp_notice"] = ("draft_missing", {})
        return True
    _hold(found, bump=found.text != current.text)
    return True


def undo() -> bool:
    current = draft()
    if current is None:
        return False
    result = store().undo(current.id, author=owner.author())
    if result.status != "saved":
        return False
    _settle(result, editor=False)
    return True


def redo() -> bool:
    current = draft()
    if current is None:
        return False
    result = store().redo(current.id, author=owner.author())
    if result.status != "saved":
        return False
    _settle(result, editor=False)
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
    taken = (edit.get("base"), edit["text"])
    if st.session_state.get(_EDIT_TAKEN) == taken:
        return False  # the component keeps its last value: the same edit comes with every run
    st.session_state[_EDIT_TAKEN] = taken
    # Made on the text of an earlier rev (before another tab's save came in, or an undo): saved
    # on the revision that text was, and merged, so what was typed is not lost.
    base = st.session_state.get(_REV_REVISIONS, {}).get(edit.get("base"))
    if base is None:
        return False  # a rev this session never gave the editor
    return commit(edit["text"], "editor", base_revision=base)


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
        store().update(current.id, locale=locale)
        current.locale = locale


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
            if found.owner_hash is None:  # a draft from the old file store: the first browser to open it
                store().claim(found.id, owner.token())
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
    return open_text(content, name=path.name, source=f"file:{path.resolve()}") is not None
