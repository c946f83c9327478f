"""The app's pages, one module each, registered with the navigation in menu order.

Each page is a function ``page()``; :mod:`blueprint.ui.navigation` wraps them in ``st.Page``
objects with titles in the UI language and moves between them by name. Only the current page runs
on a rerun.
"""

from __future__ import annotations

from .. import navigation
from . import analysis, board, compare, editor, export, start, tables, touchpoints

__all__ = ["PAGE_NAMES", "page_by_name", "pages"]

for _name, _function, _icon in (
    ("start", start.page, ":material/home:"),
    ("editor", editor.page, ":material/edit_note:"),
    ("tables", tables.page, ":material/table_chart:"),
    ("touchpoints", touchpoints.page, ":material/hub:"),
    ("analysis", analysis.page, ":material/timer:"),
    ("compare", compare.page, ":material/compare:"),
    ("export", export.page, ":material/download:"),
    ("board", board.page, ":material/groups:"),
):
    navigation.register(_name, _function, _icon)

PAGE_NAMES = navigation.names()
page_by_name = navigation.page
pages = navigation.pages
