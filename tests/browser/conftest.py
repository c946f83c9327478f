"""A real ``streamlit run`` server and Debian's Chromium driven by Playwright.

One server per test module, on a free port, with its own data directory (its SQLite database); one
browser per module.
Chromium is the system's (``scripts/system-deps.sh --browser`` installs it): under ``CI=true`` a
missing Chromium or Playwright fails the run, elsewhere the tests are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 # Two people in a test are two windows of one browser, only one of them in front:
                 # the other's timers (the live check runs every second) must not be throttled as a
                 # background tab's are, for each person has their own browser in front of them.
                 "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                 "--disable-backgrounding-occluded-windows"]
#: Screen sizes every page must fit: a laptop and a projector.
SCREENS = {"laptop": (1366, 768), "projector": (1920, 1080)}
EDITOR = ".bp-editor .CodeMirror"


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run under CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(command: list[str], env: dict, port: int, log):
    """Run ``command`` (a ``streamlit run`` on ``port``) until the block ends; yields its base URL
    once its health check answers, and stops the whole process group after."""
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start: see {log.name}")
            time.sleep(0.3)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app served by ``streamlit run`` on 127.0.0.1; yields its base URL."""
    port = _free_port()
    data = tmp_path_factory.mktemp("data")
    env = {**os.environ, "BLUEPRINT_DATA_DIR": str(data), "BLUEPRINT_DRAFTS_DIR": str(data / "drafts")}
    env.pop("BLUEPRINT_DATABASE_URL", None)
    log = (tmp_path_factory.mktemp("server") / "streamlit.log").open("w")
    with serving([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
                  "--server.address=127.0.0.1", f"--server.port={port}", "--browser.gatherUsageStats=false",
                  "--server.fileWatcherType=none"], env, port, log) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        _missing("Debian's chromium is not installed (scripts/system-deps.sh --browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_tab(browser, locale: str = "zh-CN", width: int = 1366, height: int = 768):
    """A fresh tab whose browser speaks ``locale``, collecting the page's errors.

    The app's UI speaks the browser's language: a workshop's laptops are set to Chinese.
    """
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  locale=locale, extra_http_headers={"Accept-Language": f"{locale},en;q=0.5"})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    # Workshops run offline: every script, style, font and icon must come from the app itself.
    tab.external = []
    tab.on("request", lambda request: tab.external.append(request.url)
           if not request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else None)
    return tab


@pytest.fixture
def page(browser):
    """A fresh tab on a laptop screen, in a Chinese browser."""
    tab = new_tab(browser)
    yield tab
    tab.context.close()


@pytest.fixture
def english_page(browser):
    """A fresh tab on a laptop screen, in an English browser."""
    tab = new_tab(browser, "en-US")
    yield tab
    tab.context.close()


def wait_for_app(page) -> None:
    """Until Streamlit has finished the run (no "running" indicator) and the page is still."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !/running/i.test(document.querySelector('[data-testid=\"stStatusWidget\"]').textContent)",
        timeout=30_000,
    )
    page.wait_for_timeout(300)


def editor_value(page) -> str:
    return page.evaluate("document.querySelector('.bp-editor .CodeMirror').CodeMirror.getValue()")


def find_in_editor(page, needle: str) -> tuple[int, int]:
    """0-based (line, ch) of ``needle`` in the editor."""
    found = page.evaluate(
        """(needle) => { const cm = document.querySelector('.bp-editor .CodeMirror').CodeMirror;
           for (let i = 0; i < cm.lineCount(); i++) { const k = cm.getLine(i).indexOf(needle);
             if (k >= 0) return [i, k]; } return null; }""", needle)
    assert found is not None, needle
    return found[0], found[1]


def put_cursor(page, line: int, ch: int) -> None:
    page.evaluate("([line, ch]) => { const cm = document.querySelector('.bp-editor .CodeMirror').CodeMirror;"
                  " cm.focus(); cm.setCursor({line, ch}); }", [line, ch])


def step_locator(page, step_id: str):
    """The preview's card of one step: ``<g class="... step ...">`` whose ``<title>`` is the id."""
    title = page.locator("title", has_text=re.compile(rf"^{re.escape(step_id)}$"))
    return page.locator("g.step").filter(has=title).first


def click_step(page, step_id: str) -> None:
    """Click a step's card as a person would: a card outside the preview's window (it opens readable
    at the customer's first step, not whole) is brought into view first with the "whole drawing"
    button, since a click only reaches what the window shows."""
    card = step_locator(page, step_id)
    card.wait_for(state="attached", timeout=30_000)
    box = card.bounding_box()
    window = page.locator(".bp-canvas").first.bounding_box()
    if box is None or window is None or not (
            window["x"] <= box["x"] + box["width"] / 2 <= window["x"] + window["width"]
            and window["y"] <= box["y"] + box["height"] / 2 <= window["y"] + window["height"]):
        page.locator('.bp-toolbar button[data-action="fit"]').first.click()
    card.click()


def no_horizontal_scroll(page) -> None:
    widths = page.evaluate(
        """() => { const main = document.querySelector('[data-testid="stMain"]');
           return {doc: document.documentElement.scrollWidth, inner: window.innerWidth,
                   main: main ? main.scrollWidth : 0, mainClient: main ? main.clientWidth : 0}; }""")
    assert widths["doc"] <= widths["inner"], widths
    assert widths["main"] <= widths["mainClient"] + 1, widths


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def no_exception_box(page) -> None:
    """No exception box, no script error, and nothing fetched from outside the app."""
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not page.errors, page.errors
    assert not page.external, page.external
