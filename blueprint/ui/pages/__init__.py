"""The app's pages, one module each, and the navigation over them.

Each page is a function ``page()``; :func:`pages` wraps them in ``st.Page`` objects with titles in
the UI language. Only the current page runs on a rerun.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from .. import session
from ..i18n import t
from ..text import md_escape
from . import analysis, compare, editor, export, start, tables, touchpoints

__all__ = ["PAGE_NAMES", "page_by_name", "pages"]

#: URL path -> (page function, icon), in menu order.
_PAGES: dict[str, tuple[Callable[[], None], str]] = {
    "start": (start.page, ":material/home:"),
    "editor": (editor.page, ":material/edit_note:"),
    "tables": (tables.page, ":material/table_chart:"),
    "touchpoints": (touchpoints.page, ":material/hub:"),
    "analysis": (analysis.page, ":material/timer:"),
    "compare": (compare.page, ":material/compare:"),
    "export": (export.page, ":material/download:"),
}
PAGE_NAMES = tuple(_PAGES)


def _guarded(function: Callable[[], None]) -> Callable[[], None]:
    """The page, or, when it fails on the open text, why, and the way back to the editor.

    Whatever text a draft holds, every page shows: the top bar (undo included) is drawn before the
    page, and a page's own bug becomes a message instead of a traceback.
    """
    @functools.wraps(function)
    def page() -> None:
        try:
            function()
        except Exception as error:  # noqa: BLE001 - st.rerun and st.switch_page are BaseExceptions
            locale = session.ui_locale()
            detail = f"{type(error).__name__}: {error}"[:300]
            st.error(t("app.page_failed", locale, message=md_escape(detail)))
            if function is not editor.page and st.button(t("nav.editor", locale), key="bp_failed_to_editor"):
                st.switch_page(page_by_name("editor"))
    return page


def page_by_name(name: str, locale: str = "en") -> st.Page:
    """The ``st.Page`` of one page; its identity is its URL path, so the title may be in any language."""
    function, icon = _PAGES[name]
    return st.Page(_guarded(function), title=t(f"nav.{name}", locale), icon=icon, url_path=name, default=name == "start")


def pages(locale: str) -> list[st.Page]:
    """Every page, titled in ``locale``."""
    return [page_by_name(name, locale) for name in PAGE_NAMES]
