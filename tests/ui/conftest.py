"""AppTest helpers: a fresh app on a temporary data directory (its own database), and the user's actions."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
import streamlit as st

from blueprint.ui.components import EDITOR_KEY, PREVIEW_KEY
from blueprint.store import open_store
from blueprint.ui.pages.start import example_key
from blueprint.ui.view import KEY as VIEW_KEY
from blueprint.ui.view import View
from tests.conftest import ROOT

APP = ROOT / "app.py"


@pytest.fixture
def drafts_dir(tmp_path, monkeypatch):
    """The data directory: the app's SQLite database is made there (and old draft files read from
    its ``drafts/``)."""
    directory = tmp_path / "data"
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(directory))
    monkeypatch.setenv("BLUEPRINT_DRAFTS_DIR", str(directory / "drafts"))
    monkeypatch.delenv("BLUEPRINT_DATABASE_URL", raising=False)
    return directory


@pytest.fixture
def english_app(drafts_dir):
    """The app's first run, on the Start page, for a browser that asks for English."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = "en"
    return at.run()


@pytest.fixture
def app(drafts_dir):
    """The app's first run, on the Start page, with the UI in Chinese."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = "zh"  # the workshop's language; AppTest has no browser to ask
    return at.run()


def open_example(at: AppTest, name: str = "hall-walk.zh.yaml") -> AppTest:
    at.button(key=example_key(name)).click().run()
    assert not at.exception, at.exception
    return at


def view(at: AppTest) -> View:
    """The app's view state (what the session remembers outside widgets)."""
    return at.session_state[VIEW_KEY]


def same_browser_as(fresh: AppTest, at: AppTest) -> AppTest:
    """``fresh`` (not run yet) holds the owner token of ``at``'s browser, as a second tab of that
    browser holds its cookie."""
    fresh.session_state[VIEW_KEY] = View(owner=view(at).owner)
    return fresh


def draft_text(at: AppTest) -> str:
    return view(at).draft.text


def stored_text(drafts_dir, at: AppTest) -> str:
    """The text in the database: what a reload would find."""
    return open_store().get(at.query_params["draft"]).text


def type_in_editor(at: AppTest, text: str, base: int | None = None) -> AppTest:
    """What the editor component sends after the user types: its state value ``edit``."""
    at.session_state[EDITOR_KEY]["edit"] = {"text": text, "base": view(at).rev if base is None else base}
    return at.run()


def click_step(at: AppTest, step_id: str) -> AppTest:
    """What the preview sends when a step is clicked.

    The browser sends a trigger value, there for one run; AppTest can only set a state value, so
    it is set for one run and cleared again, as a trigger would be.
    """
    at.session_state[PREVIEW_KEY]["clicked"] = step_id
    at.run()
    at.session_state[PREVIEW_KEY]["clicked"] = None
    return at


def switch_page(at: AppTest, name: str) -> AppTest:
    """Go to a page as the navigation menu does.

    ``AppTest.switch_page`` takes a page *file*; the app's pages are functions with a URL path, whose
    page hash is what the menu sends. This is the one place the tests touch Streamlit internals. The
    hash is asked of st.Page's own class, since how it is made changed between Streamlit versions
    (MD5, then BLAKE2b); outside a running script ``st.Page`` leaves its URL path unset, so it is set.
    """
    page_class = type(st.Page(switch_page, title=name))
    page = page_class.__new__(page_class)
    page._url_path = name
    at._page_hash = page._script_hash
    at.run()
    assert not at.exception, at.exception
    return at
