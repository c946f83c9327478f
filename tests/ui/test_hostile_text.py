"""The app never saves a text it then cannot show: whatever is pasted into the editor (a 5,000-digit
number, a text that does not load, a text the loader crashes on), every page still runs, the editor
shows the error with the last good picture, and undo brings the text back, in this session and
after a reopen."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from blueprint.loader import steps as step_reading
from blueprint.ui import pipeline
from blueprint.ui.i18n import t
from tests.ui.conftest import APP, draft_text, open_example, stored_text, switch_page, type_in_editor, view

PAGES = ("editor", "tables", "touchpoints", "export", "start")
BIG = "1" * 5000


def every_page_runs(at: AppTest) -> None:
    for name in PAGES:
        switch_page(at, name)  # asserts no exception
        assert at.button(key="bp_undo").label  # the top bar, undo included, is there


def reopen(draft_id: str) -> AppTest:
    """A new session with the draft in the URL (a reload, or a link to the draft)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["draft"] = draft_id
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_pasted_5000_digit_number_leaves_every_page_working(app, drafts_dir):
    open_example(app)
    original = draft_text(app)
    pasted = original.replace("steps:", f"notes_total: {BIG}\nsteps:", 1)
    type_in_editor(app, pasted)
    assert not app.exception, app.exception
    assert stored_text(drafts_dir, app) == pasted
    every_page_runs(app)
    again = reopen(app.query_params["draft"])
    every_page_runs(again)
    again.button(key="bp_undo").click().run()
    assert not again.exception and draft_text(again) == original


@pytest.mark.parametrize("step", [
    f"{{id: big, lane: customer, label: {BIG}}}",
    f"{{id: big, lane: customer, label: b, emotion: {BIG}}}",
    f"{{id: big, lane: customer, label: b, duration: {BIG}, wait: 0x{BIG}}}",
    f"{{id: {BIG}, lane: customer, label: b, next: {BIG}}}",
])
def test_a_big_number_in_a_step_shows_on_every_page(app, step):
    open_example(app)
    type_in_editor(app, draft_text(app).replace("steps:", f"steps:\n  - {step}", 1))
    assert not app.exception, app.exception
    every_page_runs(app)


def test_a_text_that_does_not_load_reopens_in_the_editor_with_the_last_good_picture(app):
    open_example(app)
    original = draft_text(app)
    broken = original.replace("phases:", "phases: [", 1)
    type_in_editor(app, broken)
    again = reopen(app.query_params["draft"])
    switch_page(again, "editor")
    error = pipeline.load_text(broken).error
    assert f"{error.line}" in " ".join(e.value for e in again.error)
    assert view(again).last_good == original  # found in the draft's history
    assert t("preview.stale", "en") in " ".join(c.value for c in again.caption)  # no browser: English UI
    every_page_runs(again)
    again.button(key="bp_undo").click().run()
    assert draft_text(again) == original and not again.error


def test_a_text_the_loader_crashes_on_is_shown_with_the_error_and_undo_works(app, monkeypatch):
    """Whatever bug the loader may have, the text stays one the app can show and undo."""
    open_example(app)
    original = draft_text(app)

    def crash(reader, step, mapping, owner):
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    monkeypatch.setattr(step_reading, "read_emotion", crash)
    crashing = original.replace("steps:", "steps:\n  - {id: crash, lane: customer, label: c, emotion: 1}", 1)
    type_in_editor(app, crashing)
    assert not app.exception, app.exception
    switch_page(app, "editor")
    message = " ".join(e.value for e in app.error)
    assert "ValueError" in message and "4300" in message
    every_page_runs(app)
    app.button(key="bp_undo").click().run()
    assert not app.exception and draft_text(app) == original


def test_a_page_that_fails_says_so_and_leads_back_to_the_editor(app, monkeypatch):
    from blueprint.ui import cached

    open_example(app)

    def broken(text, locale):
        raise RuntimeError("touchpoints bug")

    monkeypatch.setattr(cached, "touchpoints", broken)
    switch_page(app, "touchpoints")
    assert "touchpoints bug" in " ".join(e.value for e in app.error)
    app.button(key="bp_failed_to_editor").click().run()
    assert not app.exception


FRAGMENTS = st.sampled_from([
    BIG, "0x" + "f" * 4000, "notes_total: ", "label: ", "emotion: ", "duration: ", "id: ", "next: ",
    "\n", "\n  - ", "{", "}", "[", "]", ": ", ", ", "&a ", "*a", "<<: *a", "!!int ", "\x1b[2J", "\u202e",
    "\r", "'", '"', "#", "- {id: x, lane: customer, label: y}", "lanes: 1", "steps: 2", "\t", "~",
])
KEYS = st.sampled_from(["emotion", "duration", "wait", "id", "next", "phase", "notes_total", f"? {BIG}"])
VALUES = st.sampled_from([BIG, "-" + BIG, "0x" + "f" * 4000, '"\\e]0;t\\a"', '"a\\u202eb"', "'" + "x" * 3000 + "'",
                          "[" + ", ".join([BIG] * 3) + "]", "*nope", "{a: [", "~", "1e999", "-.inf"])


def _step(key_value: tuple[str, str]) -> tuple[str, str]:
    key, value = key_value
    return "steps:", f"steps:\n  - {{id: p, lane: customer, label: p, {key}: {value}}}"


#: (what to replace, what with): a step with one hostile key and value pasted into the steps, or
#: fragments of anything pasted over a comment among them.
PASTES = st.one_of(
    st.tuples(KEYS, VALUES).map(_step),
    st.lists(FRAGMENTS, min_size=1, max_size=8).map(lambda parts: ("# ---------- 进厅 ----------", "".join(parts))),
)


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(paste=PASTES)
def test_any_text_pasted_into_the_editor_leaves_every_page_renderable(app, paste):
    open_example(app)
    anchor, pasted = paste
    text = draft_text(app)
    type_in_editor(app, text.replace(anchor, pasted, 1))
    assert not app.exception, app.exception
    every_page_runs(app)


def test_an_uploaded_name_like_an_address_is_listed_as_text_not_markdown(app):
    """GitHub-flavoured Markdown links www.x.com and a@x.com whatever the escaping: the Recent list
    gives names as HTML text, which nothing turns into a link."""
    from tests.ui.bad_uploads import HOSTILE

    for name in ("www.evil.example.yaml", "help@evil.example.yaml"):
        app.file_uploader(key="bp_upload").upload(name, HOSTILE.encode(), "application/yaml")
        app.run()
        switch_page(app, "start")
    listed = " ".join(element.value for element in app.html)
    assert "www.evil.example.yaml" in listed and "help@evil.example.yaml" in listed
    assert not any("evil.example" in element.value for element in (*app.markdown, *app.caption))
