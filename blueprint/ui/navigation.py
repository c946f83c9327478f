"""The app's pages by name: the menu's ``st.Page`` objects, and moving from one page to another.

Each page registers itself here, by its URL path (``ui/pages/__init__.py`` does it for all of them),
and whatever leads to a page asks for it by that name: ``go("editor")``. So a page that leads to
another does not import it, and nothing here imports a page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from . import session
from .i18n import t
from .text import md_escape

__all__ = ["register", "names", "page", "pages", "go"]

#: URL path -> (page function, icon), in menu order; filled once, when the pages are imported.
_PAGES: dict[str, tuple[Callable[[], None], str]] = {}
#: The page a failing page leads back to, and the one the app opens on.
_EDITOR, _START = "editor", "start"


def register(name: str, function: Callable[[], None], icon: str) -> None:
    """Make ``function`` the page at URL path ``name``, after the pages registered before it."""
    _PAGES[name] = (function, icon)


def names() -> tuple[str, ...]:
    """The registered pages' URL paths, in menu order."""
    return tuple(_PAGES)


def _guarded(name: str, function: Callable[[], None]) -> Callable[[], None]:
    """The page, or, when it fails on the open text, why, and the way back to the editor.

    Whatever text a draft holds, every page shows: the top bar (undo included) is drawn before the
    page, and a page's own bug becomes a message instead of a traceback.
    """
    @functools.wraps(function)
    def guarded() -> None:
        try:
            function()
        except Exception as error:  # noqa: BLE001 - st.rerun and st.switch_page are BaseExceptions
            locale = session.ui_locale()
            detail = f"{type(error).__name__}: {error}"[:300]
            st.error(t("app.page_failed", locale, message=md_escape(detail)))
            if name != _EDITOR and st.button(t(f"nav.{_EDITOR}", locale), key="bp_failed_to_editor"):
                go(_EDITOR)
    return guarded


def page(name: str, locale: str = "en") -> st.Page:
    """The ``st.Page`` of one page; its identity is its URL path, so the title may be in any language."""
    function, icon = _PAGES[name]
    return st.Page(_guarded(name, function), title=t(f"nav.{name}", locale), icon=icon, url_path=name,
                   default=name == _START)


def pages(locale: str) -> list[st.Page]:
    """Every page, titled in ``locale``."""
    return [page(name, locale) for name in _PAGES]


def go(name: str) -> None:
    """Switch to one of the app's pages by its URL path (``editor``, ``tables``...)."""
    st.switch_page(page(name))
