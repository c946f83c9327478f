"""The conflict view: where this tab and another changed the same place, both side by side, to choose.

Shown above every page while a save waits for a choice (:func:`blueprint.ui.session.conflict`).
Each place shows the text as it was, this tab's and the other tab's; the person picks one side
or both for each, then applies: the choice is saved on the revision it was made against, so a
change made meanwhile elsewhere is merged again rather than overwritten. Until then the text
keeps the other tab's version, and this tab's text stays stored as a revision of its own.
"""

from __future__ import annotations

import streamlit as st

from . import session
from .i18n import t
from .text import md_escape

__all__ = ["APPLY_KEY", "CHOICES", "DISCARD_KEY", "choice_key", "show"]

APPLY_KEY = "bp_conflict_apply"
DISCARD_KEY = "bp_conflict_discard"
CHOICES = ("mine", "theirs", "both")


def choice_key(index: int) -> str:
    """The widget key of the choice for the conflict at ``index`` (its CSS class ``st-key-...``)."""
    return f"bp_conflict_choice_{index}"


def show(locale: str) -> None:
    """The waiting conflict, if any, with a choice per place and the buttons to settle it."""
    result = session.conflict()
    if result is None or result.merge is None:
        return
    conflicts = result.merge.conflicts
    with st.container(border=True, key="bp_conflict"):
        st.warning(t("conflict.title", locale, count=len(conflicts)))
        choices = []
        for index, place in enumerate(conflicts):
            where = (t("conflict.where_step", locale, step=md_escape(place.step), line=place.line) if place.step
                     else t("conflict.where_line", locale, line=place.line))
            st.markdown(f"**{where}**")
            mine_col, theirs_col = st.columns(2, gap="medium")
            with mine_col:
                st.caption(t("conflict.mine", locale))
                st.code(place.mine or t("conflict.removed", locale), language="yaml")
            with theirs_col:
                st.caption(t("conflict.theirs", locale))
                st.code(place.theirs or t("conflict.removed", locale), language="yaml")
            choices.append(st.segmented_control(
                t("conflict.keep", locale), options=list(CHOICES), default="mine", key=choice_key(index),
                format_func=lambda name: t(f"conflict.choice_{name}", locale),
            ) or "mine")
        apply_col, discard_col, _ = st.columns([2, 2, 5])
        if apply_col.button(t("conflict.apply", locale), type="primary", key=APPLY_KEY, width="stretch"):
            text = result.merge.resolve(choices)
            session.commit(text, "conflict", base_revision=result.draft.revision)
            if session.conflict() is result:
                session.discard_conflict()
            st.rerun()
        if discard_col.button(t("conflict.discard", locale), key=DISCARD_KEY, width="stretch"):
            session.discard_conflict()
            st.rerun()
