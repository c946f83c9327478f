"""The app's pages, one module each, and the navigation over them.

Each page is a function ``page()``; :func:`pages` wraps them in ``st.Page`` objects with titles in
the UI language. Only the current page runs on a rerun.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ..i18n import t
from . import analysis, editor, export, start, tables, touchpoints

__all__ = ["PAGE_NAMES", "page_by_name", "pages"]

#: URL path -> (page function, icon), in menu order.
_PAGES: dict[str, tuple[Callable[[], None], str]] = {
    "start": (start.page, ":material/home:"),
    "editor": (editor.page, ":material/edit_note:"),
    "tables": (tables.page, ":material/table_chart:"),
    "touchpoints": (touchpoints.page, ":material/hub:"),
    "analysis": (analysis.page, ":material/timer:"),
    "export": (export.page, ":material/download:"),
}
PAGE_NAMES = tuple(_PAGES)


def page_by_name(name: str, locale: str = "en") -> st.Page:
    """The ``st.Page`` of one page; its identity is its URL path, so the title may be in any language."""
    function, icon = _PAGES[name]
    return st.Page(function, title=t(f"nav.{name}", locale), icon=icon, url_path=name, default=name == "start")


def pages(locale: str) -> list[st.Page]:
    """Every page, titled in ``locale``."""
    return [page_by_name(name, locale) for name in PAGE_NAMES]
