"""Service blueprint designer: design a blueprint in the browser.

    streamlit run app.py -- examples/hall-walk.zh.yaml

A thin layer over the package: :mod:`blueprint.ui` does the work (drafts, lint, render, tables,
exports, the message catalogue); this file sets up the page, restores the session's draft,
takes the editor's latest edit, and runs the current page.
"""

from __future__ import annotations

import streamlit as st

from blueprint.ui import cached, conflict, live, session
from blueprint.ui.i18n import t
from blueprint.ui.pages import page_by_name, pages
from blueprint.ui.pages.common import ICON, STYLE, top_bar
from blueprint.ui.pages.editor import shows_drawing

opened_from_command_line = session.bootstrap()
# The editor's edit first, so every part of the page below shows the new text; its drawing (when
# the editor shows one) is started at once, and made while the rest of the page is built.
if session.take_editor_edit() and shows_drawing():
    cached.prefetch_svg(session.text())
locale = session.ui_locale()
session.sync_url()

st.set_page_config(page_title=t("app.name", locale), page_icon=ICON, layout="wide")
st.html(STYLE)

navigation = st.navigation(pages(locale), position="top")
# Another tab's save first, so the top bar and the page show the text as saved.
live.watch(locale)
top_bar(locale)
conflict.show(locale)
if opened_from_command_line and navigation.url_path == "":
    st.switch_page(page_by_name("editor", locale))
navigation.run()
