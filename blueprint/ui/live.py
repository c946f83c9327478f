"""Another tab's save, seen within a second or two: a cheap check of the draft's head revision.

A fragment reruns on its own every second and reads one indexed value, the draft's head
revision. When it moved, the fragment asks for a rerun of the whole page and changes nothing
itself: the whole run takes the new text (:func:`watch`, before anything is drawn) and shows it
everywhere. So the new text is never taken by a run that is then cut short, or replaced by the
check's next tick, without being shown (once, a tab held the new revision while its editor
still showed the old text, and every later check found nothing new); until a whole run has
taken it, each check asks again. The editor then takes the new text, sending first whatever
was typed and not yet sent, which is merged (see :func:`blueprint.ui.session.take_editor_edit`),
so nothing typed in this tab is lost.
"""

from __future__ import annotations

import streamlit as st

from . import owner, session
from .i18n import t
from .view import view

__all__ = ["CHECK_SECONDS", "watch"]

#: How often the page asks whether the draft changed elsewhere (another tab sees a save within 2 s).
CHECK_SECONDS = 1.0


def watch(locale: str) -> None:
    """Take another tab's save, say what the last save did, keep the owner cookie, and start the
    head check for this page. Called on every whole run, before the page is drawn."""
    owner.remember()
    state = view()
    if session.refresh():
        state.toast = state.toast or "updated"
    toast, state.toast = state.toast, None
    if toast:
        st.toast(t(f"live.{toast}", locale))
    if session.draft() is not None:
        _check()


@st.fragment(run_every=CHECK_SECONDS)
def _check() -> None:
    if session.head_moved():
        st.rerun(scope="app")
