"""A draft's revisions: pick one, see what differs from the current text, restore it.

Shown in the Recent list's menu for each draft. Restoring saves the old text as a new revision
on top of the current one, so nothing is lost by restoring either.
"""

from __future__ import annotations

import streamlit as st

from . import owner, session
from .i18n import t
from .view import view

__all__ = ["LIMIT", "pick_key", "restore_key", "show"]

LIMIT = 30
_MEANING = ("added", "removed", "renamed", "moved", "changed")


def pick_key(draft_id: str) -> str:
    return f"bp_history_pick_{draft_id}"


def restore_key(draft_id: str) -> str:
    return f"bp_history_restore_{draft_id}"


def show(draft_id: str, locale: str, relative_time) -> None:
    """The revisions of ``draft_id`` (newest first), the difference to the current text, Restore."""
    store = session.store()
    revisions = store.revisions(draft_id, limit=LIMIT)
    older = [revision for revision in revisions if not revision.is_head]
    if not older:
        st.caption(t("history.none", locale))
        return
    labels = {revision.id: t("history.item", locale, when=relative_time(revision.created, locale),
                              who=revision.author or "-", what=t(_what(revision.message), locale))
              for revision in older}
    picked = st.selectbox(t("history.pick", locale), options=list(labels), format_func=labels.get,
                          key=pick_key(draft_id))
    head = next(revision for revision in revisions if revision.is_head)
    meaning = store.compare_meaning(draft_id, picked, head.id)
    if meaning is not None:
        st.caption(t("history.meaning", locale, **{key: len(meaning[key]) for key in _MEANING}))
    lines = store.compare(draft_id, picked, head.id)
    st.code("".join(lines) or t("history.same", locale), language="diff")
    if st.button(t("history.restore", locale), key=restore_key(draft_id), disabled=not lines):
        result = store.restore(draft_id, picked, author=owner.author())
        current = session.draft()
        if current is not None and current.id == draft_id and result.draft is not None:
            session.refresh()
        view().toast = "restored"
        st.rerun()


def _what(message: str) -> str:
    known = ("create", "editor", "table", "details", "merge", "conflict", "restore", "undo", "redo", "import")
    return f"history.source_{message}" if message in known else "history.source_other"
