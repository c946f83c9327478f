"""Can a workshop trust the app: what it says when something is wrong, in the UI's language (one
test per message: a file that is not a blueprint, a syntax error under the details, a picture
uploaded, a link to no draft, the uploader's limit, a chart that logs nothing), and the step
details form, which changes only what it was asked to. One server for the module."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import blueprint
from blueprint import edit
from blueprint.safeyaml import DEFAULT_LIMITS
from blueprint.ui import pipeline
from blueprint.ui.i18n import t
from blueprint.ui.pages.start import UPLOAD_KEY
from blueprint.ui.pages.tables_add import box_key, field_key
from tests.browser.conftest import (
    EDITOR,
    SCREENS,
    click_step,
    editor_value,
    new_tab,
    no_exception_box,
    put_cursor,
    screenshot,
    wait_for_app,
)
from tests.browser.test_workshop_browser import HALL, ROW, column_x, go_to, open_example, steps_grid
from tests.ui.bad_uploads import BAD_UPLOADS

SMALL = """blueprint: 1
title: Small
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: ask}
  - {id: ask, lane: frontstage, label: Ask what they need}
"""
UPLOAD_INPUT = f'.st-key-{UPLOAD_KEY} [data-testid="stFileUploaderDropzoneInput"]'
ERROR = '[data-testid="stAlertContentError"]'


def upload(page, server, path) -> None:
    """Open the Start page and give the blueprint uploader ``path``."""
    page.goto(server + "/")
    wait_for_app(page)
    page.locator(UPLOAD_INPUT).set_input_files(str(path))


def upload_text(page, server, tmp_path, name: str, text: str) -> None:
    """Upload ``text`` as ``name`` and wait for the editor to show it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    upload(page, server, path)
    page.wait_for_url(re.compile(r"/editor\?draft="), timeout=30_000)
    page.wait_for_selector(EDITOR, timeout=30_000)
    wait_for_app(page)


def plain(text: str) -> str:
    """A message as the page shows it: without the Markdown escapes the app puts in."""
    return text.replace("\\", "")


def test_a_yaml_that_is_not_a_blueprint_says_so_not_graphviz(page, server, tmp_path):
    upload_text(page, server, tmp_path, "settings.yaml", "foo: bar\n")
    page.wait_for_selector(ERROR, timeout=30_000)
    error = pipeline.load_text("foo: bar\n").error
    shown = plain(page.locator(ERROR).first.inner_text())
    assert t("editor.load_error", "zh", line=1, column=1, message=error.text("zh")) == shown
    assert "这不是蓝图" in shown
    body = page.locator("body").inner_text()
    assert "Graphviz" not in body and "Warning" not in body
    no_exception_box(page)


def test_a_syntax_error_with_a_step_selected_shows_the_error_and_its_place(english_page, server, tmp_path):
    page = english_page
    upload_text(page, server, tmp_path, "small.yaml", SMALL)
    click_step(page, "enter")
    page.get_by_role("button", name=t("details.save", "en")).wait_for(timeout=30_000)
    put_cursor(page, 1, len("title: "))
    page.keyboard.type('"')  # an unclosed quote: the text no longer loads
    error = pipeline.load_text(SMALL.replace("title: ", 'title: "', 1)).error
    assert error is not None
    expected = t("details.broken", "en", step="enter", line=error.line, column=error.column,
                 message=error.text("en"))
    page.wait_for_function(
        "(words) => Array.from(document.querySelectorAll('[data-testid=stAlertContentWarning]'))"
        ".some(box => box.innerText.replace(/\\\\/g, '').includes(words))", arg=expected[:40], timeout=30_000)
    warnings = [plain(text) for text in page.locator('[data-testid="stAlertContentWarning"]').all_inner_texts()]
    assert expected in warnings
    assert editor_value(page).startswith('blueprint: 1\ntitle: "Small')
    assert t("details.gone", "en", step="enter") not in page.locator("body").inner_text()
    no_exception_box(page)


def test_a_picture_upload_is_refused_by_name(page, server, tmp_path):
    name, data, _words = BAD_UPLOADS["png"]
    path = tmp_path / name
    path.write_bytes(data)
    upload(page, server, path)
    page.wait_for_selector(ERROR, timeout=30_000)
    shown = plain(page.locator(ERROR).first.inner_text())
    assert shown == t("notice.upload_not_text", "zh", name=name, kind=t("filekind.png", "zh"))
    assert "/editor" not in page.url  # nothing opened
    no_exception_box(page)


def test_a_link_to_no_draft_says_so_and_offers_the_start_page(english_page, server):
    page = english_page
    page.goto(server + "/editor?draft=nonsense")
    wait_for_app(page)
    page.wait_for_selector(ERROR, timeout=30_000)
    assert plain(page.locator(ERROR).first.inner_text()) == t("notice.draft_missing", "en")
    page.get_by_role("button", name=t("nav.start", "en")).click()
    page.get_by_role("heading", name=t("start.title", "en")).wait_for(timeout=30_000)
    assert "draft=" not in page.url
    no_exception_box(page)


def test_the_uploader_says_the_limit_it_keeps(page, server, tmp_path):
    page.goto(server + "/")
    wait_for_app(page)
    page.locator(f'.st-key-{UPLOAD_KEY} [data-testid="stFileUploaderDropzoneInstructions"]').wait_for(timeout=30_000)
    limit_mb = f"{DEFAULT_LIMITS.max_bytes / 1024 / 1024:g}"
    # What a screen reader reads: the app's words and limit, nothing of Streamlit's own.
    for _ in range(50):  # the app's style comes with the page's last elements
        said = page.locator(f".st-key-{UPLOAD_KEY}").aria_snapshot()
        if f"{limit_mb} MB" in said:
            break
        page.wait_for_timeout(200)
    assert f"{limit_mb} MB" in said and "50MB" not in said and "Upload" not in said, said
    # No help icon, which Streamlit names "Help for ..." in English: the note is the UI's words, in view.
    assert not page.locator(f'.st-key-{UPLOAD_KEY} [data-testid="stTooltipIcon"]').count()
    expect(page.get_by_text(t("start.upload_note", "zh"), exact=True)).to_be_visible()  # a zh-CN browser
    # Over the limit: refused by name with the same limit (the file reaches the app, which says why).
    name, data, _words = BAD_UPLOADS["too-large"]
    path = tmp_path / name
    path.write_bytes(data)
    page.locator(UPLOAD_INPUT).set_input_files(str(path))
    page.wait_for_selector(ERROR, timeout=30_000)
    shown = plain(page.locator(ERROR).first.inner_text())
    assert name in shown and f"{limit_mb}.0 MB" in shown, shown
    no_exception_box(page)


def test_the_touchpoints_chart_logs_no_warning(browser, server, tmp_path):
    page = new_tab(browser, "en-US")
    try:
        console, refused = [], []
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
        page.on("response", lambda response: refused.append(response.url) if response.status >= 400 else None)
        upload_text(page, server, tmp_path, "small.yaml", SMALL.replace("label: Enter the hall",
                                                                      "label: Enter, touchpoint: environment"))
        page.goto(page.url.replace("/editor", "/touchpoints"))
        wait_for_app(page)
        page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').first.wait_for(
            timeout=30_000)
        page.wait_for_timeout(500)
        # Streamlit's own client asks /touchpoints/_stcore/health and host-config first (two 404s)
        # while it looks for the server's base path, from the page's path down to "/" (its bundle's
        # possible base URLs, tried in turn; nothing the app serves or can answer): those two and
        # nothing else fail, and they are the only lines the console has about loading.
        assert {url.removeprefix(server) for url in refused} <= {"/touchpoints/_stcore/health",
                                                                 "/touchpoints/_stcore/host-config"}, refused
        said = [line for line in console if "Failed to load resource" not in line]
        assert len(console) - len(said) == len(refused), console
        assert not [line for line in said if re.search(r"Vega-Lite|Infinite extent|WARN", line)], said
        no_exception_box(page)
    finally:
        page.context.close()


# Comments, flow and block styles, quoting and alignment the form must leave exactly as they are.
DETAILED = """blueprint: 1
title: Small   # kept
steps:
  - id: enter
    lane: customer
    label: Enter the hall
    evidence: [door sign, queue screen]   # what they see
    next: ask

  - {id: ask, lane: frontstage, label: Ask what they need, fail: 'no one at the desk', next: call}
  - id: call        # aligned by hand
    lane: frontstage
    label: Call a colleague
"""


def test_the_details_form_edits_evidence_fail_and_recovery_and_nothing_else(english_page, server, tmp_path):
    page = english_page
    upload_text(page, server, tmp_path, "detailed.yaml", DETAILED)
    click_step(page, "ask")
    save = page.get_by_role("button", name=t("details.save", "en"))
    save.wait_for(timeout=30_000)
    fail = page.get_by_label(t("field.fail", "en"), exact=True)
    assert fail.input_value() == "no one at the desk"
    page.get_by_label(t("field.evidence", "en"), exact=True).fill("leaflet\nname badge: blue")
    fail.fill("the desk is empty at lunch")
    # The recovery is chosen among the blueprint's steps, shown by label and id.
    page.get_by_label(t("field.recovery", "en"), exact=True).click()
    page.get_by_role("option", name="Call a colleague · call").click()
    page.get_by_label(t("field.kpis", "en"), exact=True).fill("time to greet")
    save.click()
    expected = edit.set_step_fields(DETAILED, "ask", {
        "evidence": ["leaflet", "name badge: blue"], "fail": "the desk is empty at lunch", "recovery": "call",
        "kpis": ["time to greet"]})
    page.wait_for_function("(text) => document.querySelector('.bp-editor .CodeMirror').CodeMirror.getValue()"
                           " === text", arg=expected, timeout=30_000)
    step = blueprint.loads(expected).step_by_id["ask"]
    assert (step.evidence, step.fail, step.recovery.id) == (["leaflet", "name badge: blue"],
                                                            "the desk is empty at lunch", "call")
    # Only the step's own line changed: every other byte is as uploaded.
    changed = [(old, new) for old, new in zip(DETAILED.splitlines(), expected.splitlines()) if old != new]
    assert len(changed) == 1 and changed[0][0].startswith("  - {id: ask"), changed
    no_exception_box(page)


# -- tables ------------------------------------------------------------------------------------------

STEPS_BOX = '[class*="st-key-bp_table_steps"]'


def grid_rows(page) -> int:
    """The steps grid's rows (its accessible table counts the header and the trailing add row)."""
    return int(page.locator(f"{STEPS_BOX} table[role=grid]").get_attribute("aria-rowcount")) - 2


def shown_rows(page) -> list[list[str]]:
    """The cells of the rows the steps grid shows (only the rows in view are in its accessible table)."""
    return page.evaluate(
        """(box) => Array.from(document.querySelectorAll(box + ' table[role=grid] tbody tr'))
             .map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.textContent.trim()))""", STEPS_BOX)


def open_tables(page, server) -> object:
    open_example(page, server)
    go_to(page, "tables", "zh" if "zh" in page.evaluate("navigator.language") else "en")
    page.wait_for_selector(f"{STEPS_BOX} table[role=grid]", state="attached", timeout=30_000)
    return steps_grid(page)


def add_line_input(page, column: str):
    return page.locator(f".st-key-{field_key('steps', column)} input")


def wait_for_row(page, step_id: str) -> None:
    """Until the steps grid shows the row of ``step_id`` (only rows in view are in its accessible table)."""
    page.wait_for_function(
        "([box, id]) => Array.from(document.querySelectorAll(box + ' table[role=grid] tbody tr td:first-child'))"
        ".some(td => td.textContent.trim() === id)", arg=[STEPS_BOX, step_id], timeout=30_000)


def draft_steps(page) -> list[dict]:
    """The steps of the draft as saved (read from the editor page), as plain rows.

    The menu is clicked as a person clicks, the button held a moment: an input that still has
    the keyboard hands over what was typed on the way (Streamlit misses a page switch that
    comes within a few milliseconds of an input giving up the keyboard).
    """
    link = page.get_by_test_id("stTopNav").get_by_role(
        "link", name=t("nav.editor", "zh" if "zh" in page.evaluate("navigator.language") else "en"))
    box = link.bounding_box()
    for _attempt in range(2):  # on a very busy machine the first click can still be missed: a person clicks again
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.wait_for_timeout(100)
        page.mouse.up()
        for _ in range(30):
            if page.locator(EDITOR).count():
                break
            page.wait_for_timeout(500)
        if page.locator(EDITOR).count():
            break
    page.wait_for_selector(EDITOR, timeout=15_000)
    wait_for_app(page)
    return edit.table_rows(editor_value(page), "steps")


@pytest.mark.parametrize(("locale", "delay"), [("zh-CN", 0), ("en-US", 80)], ids=["zh-0ms", "en-human"])
def test_new_steps_are_typed_in_the_add_line_and_never_into_a_row(browser, server, locale, delay):
    """Issue 9.7: after adding a step, its id and then its label are typed straight away, at a
    person's pace and at machine speed; the keys never reach an existing row; the grid shows the
    new row; a row typed and not added is still there after a page switch."""
    page = new_tab(browser, locale, *SCREENS["laptop"])
    ui = locale[:2]
    try:
        open_tables(page, server)
        before = edit.table_rows(HALL.read_text(encoding="utf-8"), "steps")
        add_line_input(page, "id").click()
        added = [("walk-in", "进门看看" if ui == "zh" else "Walk in"),
                 ("look-around", "四处看看" if ui == "zh" else "Look around")]
        for step_id, label in added:
            # The id input has the keyboard: at the start by a click, after an add by itself.
            page.wait_for_function(
                "(key) => document.activeElement && document.activeElement.closest('.st-key-' + key)",
                arg=field_key("steps", "id"), timeout=15_000)
            page.keyboard.type(step_id, delay=delay)
            page.keyboard.press("Tab")
            page.keyboard.type(label, delay=delay)
            page.keyboard.press("Enter")
            wait_for_row(page, step_id)
        shown = {cells[0]: cells for cells in shown_rows(page)}
        for step_id, label in added:
            # In the last step's lane and phase (the accessible table has the values, not their names).
            assert shown[step_id][1:4] == [before[-1]["lane"], label, before[-1]["phase"]], shown[step_id]
        screenshot(page, f"tables-added-{ui}-laptop")
        # A third one typed and not added yet: kept across a page switch.
        page.keyboard.type("half-typed", delay=delay)
        steps = draft_steps(page)
        assert steps[:len(before)] == before  # not one key in an existing row
        assert [(row["id"], row["label"]) for row in steps[len(before):]] == added
        go_to(page, "tables", ui)
        steps_grid(page)
        page.wait_for_function("(key) => { const input = document.querySelector('.st-key-' + key + ' input');"
                               " return input !== null && input.value === 'half-typed'; }",
                               arg=field_key("steps", "id"), timeout=15_000)
        no_exception_box(page)
    finally:
        page.context.close()


def test_a_half_filled_new_step_is_refused_in_view_in_the_uis_words(page, server):
    """Issues 9.6 and 9.7 at 1366x768: a new step without its label is refused at the add line,
    naming the column as the UI does, inside the screen; what was typed stays."""
    open_tables(page, server)
    add_line_input(page, "id").click()
    page.keyboard.type("new-step", delay=30)
    page.keyboard.press("Enter")
    refusal = page.locator(f".st-key-{box_key('steps')} [data-testid='stAlertContentError']")
    refusal.wait_for(timeout=30_000)
    wait_for_app(page)
    expected = t("tables.add_refused", "zh", message=t("tables.add_fill_in", "zh", columns=t("field.label", "zh")))
    assert plain(refusal.inner_text()).strip().endswith(expected)  # after the icon
    inside = refusal.bounding_box()
    assert inside["y"] >= 0 and inside["y"] + inside["height"] <= page.viewport_size["height"], inside
    assert add_line_input(page, "id").input_value() == "new-step"
    screenshot(page, "tables-refused-zh-laptop")
    assert draft_steps(page) == edit.table_rows(HALL.read_text(encoding="utf-8"), "steps")  # nothing saved
    no_exception_box(page)


def test_the_grid_fills_a_projector_screen_and_keeps_its_place_when_rebuilt(browser, server):
    """Issue 9.7 at 1920x1080: the grid is as tall as the screen allows; a rename (which rebuilds
    the grid: the references change) leaves it scrolled where it was, not at the top."""
    page = new_tab(browser, "zh-CN", *SCREENS["projector"])
    try:
        grid = open_tables(page, server)
        box = grid.bounding_box()
        assert box["y"] + box["height"] >= 1080 - 180, box  # not 16 rows and half the screen empty
        build = page.locator(f'{STEPS_BOX}[class*="st-key-bp_table_steps_"]').first.get_attribute("class")
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, 5000)
        wait_for_row(page, "leave")  # the last step, at the grid's bottom
        # The last step's row, the grid's last (rows are added under the grid, not in it).
        page.mouse.dblclick(column_x(page, grid, t("field.id", "zh") + " *"), box["y"] + box["height"] - ROW / 2 - 2)
        page.wait_for_selector("#portal textarea.gdg-input", timeout=10_000)
        page.wait_for_timeout(300)
        page.keyboard.press("End")
        page.keyboard.type("-hall", delay=30)
        assert page.locator("#portal textarea.gdg-input").input_value() == "leave-hall"
        page.keyboard.press("Enter")
        page.wait_for_function("([box, old]) => { const el = document.querySelector(box + '[class*=st-key-bp_table_steps_]');"
                               " return el && el.getAttribute('class') !== old; }", arg=[STEPS_BOX, build], timeout=30_000)
        wait_for_app(page)
        steps_grid(page)  # the new grid, laid out
        page.wait_for_function(
            "(box) => Array.from(document.querySelectorAll(box + ' table[role=grid] tbody tr td:first-child'))"
            ".some(td => td.textContent.trim() === 'leave-hall')", arg=STEPS_BOX, timeout=15_000)
        screenshot(page, "tables-rebuilt-zh-projector")
        no_exception_box(page)
    finally:
        page.context.close()
