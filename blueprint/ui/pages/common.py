"""What every page shares: the translator, the top bar (title, undo, redo, language), notices."""

from __future__ import annotations

import functools
import json
import re
import time
from collections.abc import Callable
from importlib import resources

import streamlit as st

from .. import cached, session
from ..navigation import go
from ..i18n import LOCALES, t
from ..text import md_escape
from ..view import view

__all__ = [
    "ICON",
    "LANGUAGE_KEY",
    "REDO_KEY",
    "STYLE",
    "UNDO_KEY",
    "load_error_words",
    "draft_page",
    "no_draft",
    "open_text",
    "relative_time",
    "show_notice",
    "top_bar",
    "translator",
    "uploader_words",
]

LANGUAGE_KEY = "bp_language"
UNDO_KEY = "bp_undo"
REDO_KEY = "bp_redo"
_ASSETS = resources.files("blueprint.ui").joinpath("assets")
#: The favicon, served by the app itself (a Material icon name would be fetched from Google).
ICON = str(_ASSETS.joinpath("icon.svg"))
#: The app's own stylesheet: constant text from the package, never user content.
STYLE = "<style>" + _ASSETS.joinpath("app.css").read_text(encoding="utf-8") + "</style>"


def translator(locale: str) -> Callable[..., str]:
    """``tr(key, **fmt)`` in ``locale``."""
    return lambda key, **fmt: t(key, locale, **fmt)


def _language_changed() -> None:
    chosen = st.session_state.get(LANGUAGE_KEY)
    if chosen in LOCALES:
        session.set_ui_locale(chosen)


def top_bar(locale: str) -> None:
    """Title and status of the open draft, undo and redo, and the language switch."""
    tr = translator(locale)
    current = session.draft()
    title_col, undo_col, redo_col, language_col = st.columns([8, 1.1, 1.1, 2.2], vertical_alignment="center")
    with title_col:
        if current is not None:
            info = cached.summary(current.text)
            counts = _counts(current.text)
            title = info["title"] or current.name or tr("app.untitled")
            status = (tr("status.load_error") if info["title"] is None
                      else tr("status.counts", errors=counts["error"], warnings=counts["warning"],
                              info=counts["info"], steps=info["steps"]))
            st.markdown(f"**{md_escape(title)}** &nbsp; :gray[{md_escape(status)}]")
        else:
            st.markdown(f"**{md_escape(tr('app.name'))}**")
    if current is not None:
        with undo_col:
            if st.button(tr("action.undo"), key=UNDO_KEY, disabled=not current.can_undo,
                         help=tr("action.undo_help"), width="stretch"):
                session.undo()
                st.rerun()
        with redo_col:
            if st.button(tr("action.redo"), key=REDO_KEY, disabled=not current.can_redo,
                         help=tr("action.redo_help"), width="stretch"):
                session.redo()
                st.rerun()
    with language_col:
        st.session_state[LANGUAGE_KEY] = locale
        st.segmented_control(
            tr("language.label"), options=list(LOCALES), key=LANGUAGE_KEY,
            format_func=lambda code: t(f"language.{code}", locale), on_change=_language_changed,
            label_visibility="collapsed", width="stretch",
        )


def _counts(text: str) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in cached.findings(text):
        counts[finding.level] = counts.get(finding.level, 0) + 1
    return counts


def uploader_words(key: str, button: str, instructions: str) -> None:
    """Put the app's words on a file uploader's button and drop zone.

    Streamlit writes "Upload" and its own size limit there in English whatever the language; the
    words here come from the catalogue (constant text, quoted as CSS strings), never from a user.
    """
    scope = f".st-key-{key} [data-testid=stFileUploaderDropzone]"
    # Streamlit's words are taken out (display: none), not only shrunk, and the app's are put on
    # their parent: a screen reader then reads the app's words and limit, not Streamlit's (which
    # names the server's upload limit, not the app's).
    st.html(
        "<style>"
        f"{scope} button [data-testid=stMarkdownContainer] p {{display: none}}"
        f"{scope} button [data-testid=stMarkdownContainer]::after "
        f"{{content: {json.dumps(button, ensure_ascii=False)}; font-size: 0.9rem}}"
        f"{scope} [data-testid=stFileUploaderDropzoneInstructions] span {{display: none}}"
        f"{scope} [data-testid=stFileUploaderDropzoneInstructions] > div::after "
        f"{{content: {json.dumps(instructions, ensure_ascii=False)}; font-size: 0.8rem}}"
        "</style>"
    )


def no_draft(locale: str) -> None:
    """What a page that needs an open blueprint shows without one: why, when a link named a draft
    that is not there, and the way to the Start page."""
    tr = translator(locale)
    if not show_notice(locale):
        st.info(tr("app.no_draft"))
    if st.button(tr("nav.start"), type="primary", key="bp_to_start"):
        go("start")


def open_text(locale: str) -> str | None:
    """The open blueprint's text; None, after saying so and offering the Start page, without one."""
    text = session.text()
    if text is None:
        no_draft(locale)
    return text


def draft_page(body: Callable[[str, str], None]) -> Callable[[], None]:
    """A page that shows the open blueprint: runs ``body(text, locale)``; without a blueprint open,
    says so and offers the Start page instead."""

    @functools.wraps(body)
    def page() -> None:
        locale = session.ui_locale()
        text = open_text(locale)
        if text is not None:
            body(text, locale)

    return page


def load_error_words(key: str, error, locale: str, **fmt: object) -> str:
    """The catalogue's sentence ``key`` about a file that does not load: its line, column and message.

    The sentence puts its own full stop after the message: a message that ends with a question or
    an exclamation keeps its mark alone (not "？。"), one that ends with a full stop loses it.
    """
    message = md_escape(error.text(locale).rstrip("。."))
    words = t(key, locale, line=error.line, column=error.column, message=message, **fmt)
    return re.sub(r"([？！?!])[。.]", r"\1", words)


def show_notice(locale: str) -> bool:
    """A message left by the previous run (an upload that failed, a draft that is gone); True when
    there was one."""
    notice = view().take_notice()
    if not notice:
        return False
    key, fmt = notice
    tr = translator(locale)
    st.error(tr(f"notice.{key}", **{name: md_escape(value) for name, value in fmt.items()}))
    return True


def relative_time(when: float, locale: str) -> str:
    """``5 min ago`` / ``5 分钟前``."""
    tr = translator(locale)
    seconds = max(0, time.time() - when)
    if seconds < 60:
        return tr("time.just_now")
    if seconds < 3600:
        return tr("time.minutes_ago", n=int(seconds // 60))
    if seconds < 86400:
        return tr("time.hours_ago", n=int(seconds // 3600))
    return tr("time.days_ago", n=int(seconds // 86400))
