"""Another tab's save, seen within a second or two: a cheap check of the draft's head revision.

A fragment reruns on its own every second and reads one indexed value, the draft's head
revision. Only when it moved does the whole page rerun with the new text; the editor then takes
the new text, sending first whatever was typed and not yet sent, which is merged (see
:func:`blueprint.ui.session.take_editor_edit`), so nothing typed in this tab is lost.
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
    """Say what the last save did, keep the owner cookie, and start the head check for this page."""
    owner.remember()
    state = view()
    toast, state.toast = state.toast, None
    if toast:
        st.toast(t(f"live.{toast}", locale))
    if session.draft() is not None:
        _check(locale)


@st.fragment(run_every=CHECK_SECONDS)
def _check(locale: str) -> None:
    if session.refresh():
        view().toast = "updated"
        st.rerun(scope="app")
