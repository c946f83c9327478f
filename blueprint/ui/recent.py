"""The Start page's Recent list: this browser's drafts with title, step count and time; rename, delete.

Only the drafts of this browser's owner token are listed (:mod:`.owner`), never another
browser's. Each can be opened, renamed or deleted (deleting asks once more), and its earlier
versions compared and restored (:mod:`.history`).
"""

from __future__ import annotations

import streamlit as st

from . import cached, history, owner, session
from .i18n import t
from .text import plain_html
from .view import view

__all__ = ["LIMIT", "delete_key", "open_key", "rename_key", "show"]

LIMIT = 8
_CONFIRM = "bp_recent_confirm"


def open_key(draft_id: str) -> str:
    return f"bp_recent_{draft_id}"


def rename_key(draft_id: str) -> str:
    return f"bp_recent_name_{draft_id}"


def delete_key(draft_id: str) -> str:
    return f"bp_recent_delete_{draft_id}"


def show(locale: str, relative_time, go) -> None:
    """The list, in the current container; ``go(page)`` opens the editor after a draft is opened."""
    st.markdown(f"**{t('start.recent', locale)}**")
    found = session.store().recent(owner.token(), limit=LIMIT)
    if not found:
        st.caption(t("start.no_recent", locale))
        return
    current = session.draft()
    for info in found:
        name_col, menu_col, button_col = st.columns([6, 1, 2], vertical_alignment="center")
        name = info.title or t("app.untitled", locale)
        summary = cached.summary(info.text)
        # The blueprint's own title first; the draft's name (a file name, or what it was renamed to) beside it.
        heading = summary.get("title") or name
        meta = [name] if name != heading else []
        if summary.get("steps") is not None:
            meta.append(t("recent.steps", locale, steps=summary["steps"]))
        meta.append(relative_time(info.updated, locale))
        # HTML text, not Markdown: a file name like www.x.com or a@x.com must not become a link.
        name_col.html(f'<div class="bp-recent">{plain_html(heading, "strong")}<br>'
                      f'{plain_html(" · ".join(meta), "small", "bp-recent-meta")}</div>')
        with menu_col.popover("⋯", help=t("recent.manage", locale)):
            _manage(info.id, name, locale)
            st.markdown(f"**{t('recent.history', locale)}**")
            history.show(info.id, locale, relative_time)
        is_open = current is not None and current.id == info.id
        if button_col.button(t("start.reopen", locale) if not is_open else t("start.is_open", locale),
                             key=open_key(info.id), disabled=is_open, width="stretch"):
            found_draft = session.store().get(info.id)
            if found_draft is None:
                view().notice = ("draft_missing", {})
                st.rerun()
            session.open_draft(found_draft)
            go("editor")


def _manage(draft_id: str, name: str, locale: str) -> None:
    new_name = st.text_input(t("recent.rename", locale), value=name, key=rename_key(draft_id), max_chars=200)
    if new_name.strip() and new_name.strip() != name:
        session.store().update(draft_id, title=new_name.strip())
        current = session.draft()
        if current is not None and current.id == draft_id:
            current.title = new_name.strip()
        st.rerun()
    if st.session_state.get(_CONFIRM) != draft_id:
        if st.button(t("recent.delete", locale), key=delete_key(draft_id)):
            st.session_state[_CONFIRM] = draft_id
            st.rerun()
        return
    st.caption(t("recent.delete_sure", locale))
    if st.button(t("recent.delete_for_good", locale), key=delete_key(draft_id) + "_sure", type="primary"):
        st.session_state.pop(_CONFIRM, None)
        session.store().delete(draft_id, owner_token=owner.token())
        current = session.draft()
        if current is not None and current.id == draft_id:
            session.close()
        st.rerun()
