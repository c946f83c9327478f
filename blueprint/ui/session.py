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
revision and merged. The session's state lives in one :class:`~.view.View`; the UI language the
user chose is kept there and in the URL (``?lang=...``).

A save and the session taking its result are one step, for two reasons found on a busy machine,
where the editor's next keys came while a run was saving the last ones (and the next edit,
merged from the text before the last one, clashed with it):

- Streamlit cuts a run short at its next access to ``st.session_state`` when a newer rerun is
  waiting: between a write to the store and the session taking its result, nothing here touches
  it (the view state is fetched once, before the write, and changed as a plain object).
- With fast reruns (Streamlit's default) the newer run starts at once, while the old one runs on
  to that point: every change is made holding the view state's lock, so the newer run reads the
  revision the old one saved.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from ..store import DocumentStore, Draft, QuotaExceeded, SaveResult, database_url, open_store
from . import owner, pipeline
from .components import EDITOR_KEY
from .i18n import LOCALES
from .view import View, view

__all__ = [
    "bootstrap",
    "browser_locale",
    "close",
    "commit",
    "conflict",
    "discard_conflict",
    "draft",
    "head_moved",
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

_KEEP_REVS = 50


def store() -> DocumentStore:
    """The store of ``$BLUEPRINT_DATABASE_URL`` or the data directory's SQLite file (read each run,
    so tests can point it anywhere); opened, migrated and cleaned once per process."""
    return open_store(database_url())


def draft() -> Draft | None:
    """The open draft, or None on a fresh session with nothing opened yet."""
    return view().draft


def text() -> str | None:
    current = draft()
    return current.text if current is not None else None


def rev() -> int:
    return view().rev


def _bump(state: View) -> None:
    state.rev += 1
    if state.draft is not None:
        known = state.rev_revisions
        known[state.rev] = state.draft.revision
        for old in sorted(known)[:-_KEEP_REVS]:
            del known[old]


def _hold(state: View, held: Draft, *, bump: bool) -> None:
    """Make ``held`` the session's copy of the draft; with ``bump``, tell the editor to take its text."""
    state.draft = held
    if bump:
        _bump(state)
    else:
        state.rev_revisions[state.rev] = held.revision


def open_draft(opened: Draft) -> None:
    """Make ``opened`` the session's draft and put its id in the URL.

    A draft whose text does not load opens with the picture of the newest earlier revision that
    did (the editor shows it under the error, as after an edit in this session).
    """
    _open(view(), opened)


def _open(state: View, opened: Draft) -> None:
    state.conflict = None
    _hold(state, opened, bump=True)
    state.reset()
    if not pipeline.load_text(opened.text).ok:
        state.last_good = pipeline.last_good(_earlier_texts(opened.id))
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
    state = view()
    mine = owner.token(state)
    author = owner.author(state)
    found = store().untouched_copy(mine, source) if source else None
    if found is None or found.text != new_text:
        try:
            found = store().create(new_text, owner=mine, title=name, locale=locale, source=source, author=author)
        except QuotaExceeded as error:
            state.notice = ("quota", {"limit": str(error.limit)})
            return None
    _open(state, found)
    return found


def close() -> None:
    """Leave the open draft (it stays in the recent drafts)."""
    state = view()
    state.draft = None
    state.conflict = None
    state.reset()
    st.query_params.pop("draft", None)


def conflict() -> SaveResult | None:
    """The save waiting for the person to choose between their text and another tab's, if any."""
    return view().conflict


def discard_conflict() -> None:
    """Keep the text as saved; this tab's side stays in the draft's revisions."""
    view().conflict = None


def _settle(state: View, result: SaveResult, *, editor: bool) -> bool:
    """Take what a save did into the session's ``state``; True when the draft's text changed."""
    if result.status == "missing":  # nothing was saved: no hurry
        close()
        state.notice = ("draft_missing", {})
        return False
    if result.status == "conflict":
        state.conflict = result
    elif result.ok:
        state.conflict = None
    held = state.draft
    changed = held is None or result.draft.text != held.text
    # The editor already shows what it sent: only a text it has not seen (a merge with another
    # tab's save, a conflict's head, an undo, any change from elsewhere) is sent back to it.
    same_as_sent = editor and result.status == "saved"
    _hold(state, result.draft, bump=not same_as_sent and (changed or result.status == "conflict"))
    if result.status == "merged":
        state.toast = "merged"
    return changed


def commit(new_text: str, source: str, base_revision: int | None = None) -> bool:
    """Save ``new_text`` as the draft's text, made on ``base_revision`` (the revision held, by default).

    Returns True when the draft's text changed. A conflict with another tab's save leaves the
    text as saved and waits in :func:`conflict`.
    """
    state = view()
    with state.lock:
        result = _save(state, new_text, source, base_revision)
        return False if result is None else _settle(state, result, editor=source == "editor")


def _save(state: View, new_text: str, source: str, base_revision: int | None) -> SaveResult | None:
    """Save ``new_text`` in the store on ``base_revision`` (the revision held, by default); None
    when there is no draft or nothing to save. The author is read from ``state``, not from the
    session state (see the module's docstring)."""
    current = state.draft
    if current is None:
        return None
    base = current.revision if base_revision is None else base_revision
    if new_text == current.text and base == current.revision:
        return None
    return store().save(current.id, base, new_text, author=owner.author(state), source=source)


def head_moved() -> bool:
    """Whether another tab saved the draft since this session last took its text (one indexed read)."""
    current = draft()
    return current is not None and store().head(current.id) != current.revision


def refresh() -> bool:
    """Take another tab's save: hold the stored head when it moved. True when it did."""
    if not head_moved():
        return False
    state = view()
    with state.lock:
        current = state.draft
        found = store().get(current.id) if current is not None else None
        if found is None:
            close()
            state.notice = ("draft_missing", {})
            return True
        if found.revision == current.revision:
            return False  # taken meanwhile by another run of this session
        _hold(state, found, bump=found.text != current.text)
        return True


def undo() -> bool:
    """Step the draft back one revision; True when there was one to go back to."""
    return _travel(DocumentStore.undo)


def redo() -> bool:
    """Step the draft forward again after an undo; True when there was one to redo."""
    return _travel(DocumentStore.redo)


def _travel(move: Callable[..., SaveResult]) -> bool:
    state = view()
    with state.lock:
        current = state.draft
        if current is None:
            return False
        result = move(store(), current.id, author=owner.author(state))
        if result.status != "saved":
            return False
        _settle(state, result, editor=False)
        return True


def take_editor_edit() -> bool:
    """Commit the editor's latest edit if it was made on the text we hold (``base == rev``).

    Read from the component's state at the top of the run, before any widget is drawn, so every
    part of the page shows the new text.
    """
    state = view()
    component = st.session_state.get(EDITOR_KEY)
    edit = component.get("edit") if hasattr(component, "get") else None
    if not isinstance(edit, dict) or not isinstance(edit.get("text"), str):
        return False
    with state.lock:
        return _take_edit(state, edit)


def _take_edit(state: View, edit: dict) -> bool:
    if isinstance(edit.get("seq"), int):
        state.edit_seq = edit["seq"]  # told back to the editor: it takes new text again from here on
    taken = (edit.get("base"), edit["text"])
    if state.edit_taken == taken:
        return False  # the component keeps its last value: the same edit comes with every run
    state.edit_taken = taken
    # Made on the text of an earlier rev (before another tab's save came in, or an undo): saved
    # on the revision that text was, and merged, so what was typed is not lost.
    base = state.rev_revisions.get(edit.get("base"))
    if base is None:
        return False  # a rev this session never gave the editor
    result = _save(state, edit["text"], "editor", base)
    if result is None:
        return False
    if result.status in ("merged", "conflict") and result.mine is not None:
        # The editor goes on typing on the text it sent, not on what comes back: its next edit
        # tagged with the same rev is made on this text (kept as a revision of its own), and is
        # merged from there; from the text before it, the two edits of one line would clash.
        state.rev_revisions[edit["base"]] = result.mine
    return _settle(state, result, editor=True)


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
    """The UI language: the user's choice (kept in the session and the URL), else the browser's.

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
            if found.owner_hash is None:  # a draft from the old file store: the first browser to open it
                store().claim(found.id, owner.token())
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
    return open_text(content, name=path.name, source=f"file:{path.resolve()}") is not None
