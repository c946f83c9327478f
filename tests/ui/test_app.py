"""Every page and action of the app, through ``streamlit.testing.v1.AppTest`` on the real files."""

from __future__ import annotations

import sys

import pytest
from streamlit.testing.v1 import AppTest

import blueprint
from blueprint import edit
from blueprint.edit import table_rows
from blueprint.templates import starter
from blueprint.ui import pipeline
from blueprint.store import open_store
from blueprint.ui.i18n import MESSAGES, t
from blueprint.ui.pages.common import LANGUAGE_KEY, REDO_KEY, UNDO_KEY
from blueprint.ui.pages.editor import FINDINGS_KEY
from blueprint.ui.pages.start import CREATE_KEY, NEW_LOCALE_KEY, NEW_TITLE_KEY, UPLOAD_KEY, example_key
from blueprint.ui.pages.tables import TAB_KEY, table_key
from blueprint.ui.recent import open_key
from blueprint.ui.pages.tables_add import box_key, field_key
from blueprint.ui.text import md_escape
from tests.conftest import CJK, EXAMPLES, ROOT, where
from tests.ui.bad_uploads import BAD_UPLOADS, HOSTILE
from tests.ui.conftest import (
    APP,
    click_step,
    draft_text,
    open_example,
    same_browser_as,
    stored_text,
    switch_page,
    type_in_editor,
    view,
)

HALL = ROOT / "examples" / "hall-walk.zh.yaml"


def page_size_box(at: AppTest):
    """The Export page's page-size choice (found by its label)."""
    return next(box for box in at.selectbox if box.label == t("export.page", "zh"))


def texts(at: AppTest) -> str:
    """Everything the page says in Markdown, captions, alerts and subheaders, as one string."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    parts += [e.value for e in (*at.error, *at.warning, *at.info, *at.success)]
    return "\n".join(parts)


def findings_table(at: AppTest):
    frames = [frame for frame in at.dataframe if (frame.key or "").startswith(FINDINGS_KEY)]
    return frames[0].value if frames else None


# -- Start -----------------------------------------------------------------------------------------


def test_start_page_shows_every_example_with_its_description(app):
    assert not app.exception
    for path in EXAMPLES:
        bp = blueprint.load(path)
        assert app.button(key=example_key(path.name))
        assert bp.description in texts(app).replace("\\", "")
    # A thumbnail each. AppTest names st.image's element "imgs" up to Streamlit 1.5x, "image" since.
    assert len(app.get("image")) + len(app.get("imgs")) == len(EXAMPLES)


def test_picking_an_example_opens_it_in_the_editor_and_saves_a_draft(app, drafts_dir):
    open_example(app)
    assert draft_text(app) == HALL.read_text(encoding="utf-8")
    assert stored_text(drafts_dir, app) == draft_text(app)
    assert view(app).draft.name == "hall-walk.zh.yaml"
    assert "新一代营业厅客户行走路径" in texts(app)
    assert findings_table(app) is None  # a clean example: no findings table, a success line
    assert t("findings.none", "zh") in texts(app)


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_a_new_blueprint_from_a_template(app, locale):
    app.text_input(key=NEW_TITLE_KEY).input("营业厅办理入网 <b>")
    app.session_state[NEW_LOCALE_KEY] = locale
    app.button(key=CREATE_KEY).click().run()
    assert not app.exception
    assert draft_text(app) == starter(locale, "营业厅办理入网 <b>")
    assert blueprint.loads(draft_text(app)).title == "营业厅办理入网 <b>"


def test_an_upload_opens_as_a_new_draft(app, drafts_dir):
    app.file_uploader(key=UPLOAD_KEY).upload("mine.yaml", HALL.read_bytes(), "application/yaml")
    app.run()
    assert not app.exception
    assert draft_text(app) == HALL.read_text(encoding="utf-8")
    assert view(app).draft.name == "mine.yaml"
    assert stored_text(drafts_dir, app) == draft_text(app)


@pytest.mark.parametrize("name", ["binary", "png", "too-large", "latin-1"])
def test_an_upload_that_is_not_text_gives_a_clear_message(english_app, name):
    app = english_app
    filename, data, words = BAD_UPLOADS[name]
    app.file_uploader(key=UPLOAD_KEY).upload(filename, data, "application/octet-stream")
    app.run()
    assert not app.exception
    assert view(app).draft is None  # nothing opened, nothing replaced
    message = " ".join(e.value for e in app.error).replace("\\", "")  # shown with Markdown escapes
    assert filename in message and words in message


@pytest.mark.parametrize("name", ["not-yaml", "alias-bomb"])
def test_an_upload_that_does_not_load_keeps_its_text_and_shows_the_line(english_app, name):
    app = english_app
    filename, data, _words = BAD_UPLOADS[name]
    app.file_uploader(key=UPLOAD_KEY).upload(filename, data, "application/yaml")
    app.run()
    assert not app.exception
    assert draft_text(app) == data.decode("utf-8")  # the text is in the editor
    error = pipeline.load_text(data.decode("utf-8")).error
    assert f"Line {error.line}, column {error.column}" in " ".join(e.value for e in app.error)
    assert [row["where"] for row in findings_table(app).to_dict("records")] == [f"{error.line}:{error.column}"]


def test_hostile_labels_are_shown_as_text(app):
    app.file_uploader(key=UPLOAD_KEY).upload("hostile.yaml", HOSTILE.encode(), "application/yaml")
    app.run()
    assert not app.exception
    title = blueprint.loads(HOSTILE).title
    shown = [m.value for m in app.markdown if "img" in m.value]
    # Every Markdown special character of the title is escaped: it shows as written, never as HTML.
    assert shown and all("\\<img" in value and "<img" not in value.replace("\\<img", "") for value in shown)
    assert title not in texts(app)


# -- Edit as text ----------------------------------------------------------------------------------


def test_editing_the_text_lints_it_and_keeps_it(app, drafts_dir):
    open_example(app)
    original = draft_text(app)
    broken = original.replace("next: greet", "next: greeet", 1)
    type_in_editor(app, broken)
    assert not app.exception
    assert stored_text(drafts_dir, app) == broken
    rows = findings_table(app).to_dict("records")
    reference = [row for row in rows if row["rule"] == "unknown-reference"]
    line, column = where(broken, "greeet")
    assert [row["where"] for row in reference] == [f"{line}:{column}"]
    type_in_editor(app, original)  # fixed: the finding goes
    assert findings_table(app) is None
    assert stored_text(drafts_dir, app) == original


def test_an_edit_on_a_rev_this_session_never_had_is_ignored(app):
    open_example(app)
    original = draft_text(app)
    type_in_editor(app, original + "# from nowhere\n", base=12345)
    assert draft_text(app) == original


def test_choosing_a_finding_moves_the_editor_and_selects_its_step(app):
    open_example(app)
    broken = draft_text(app).replace("next: greet", "next: greeet", 1)
    type_in_editor(app, broken)
    frame = next(f for f in app.dataframe if (f.key or "").startswith(FINDINGS_KEY))
    rows = frame.value.to_dict("records")
    index = next(i for i, row in enumerate(rows) if row["rule"] == "unknown-reference")
    app.session_state[frame.key] = {"selection": {"rows": [index], "columns": [], "cells": []}}
    app.run()
    assert not app.exception
    line, column = where(broken, "greeet")
    assert view(app).selected == pipeline.step_at_line(pipeline.load_text(broken), line) == "enter"
    assert view(app).finding_pick[:2] == (line, column)
    assert "**unknown-reference**" in texts(app)  # the rule's documentation, one click away


def test_a_text_that_does_not_load_stays_in_the_editor_with_its_error(app, drafts_dir):
    open_example(app)
    broken = draft_text(app).replace("phases:", "phases: [", 1)
    type_in_editor(app, broken)
    assert not app.exception
    assert stored_text(drafts_dir, app) == broken
    error = pipeline.load_text(broken).error
    message = " ".join(e.value for e in app.error)
    assert f"{error.line}" in message and f"{error.column}" in message
    assert error.message_zh in message.replace("\\", "")  # in the UI's language (Markdown-escaped)
    assert t("preview.stale", "zh") in texts(app)  # the last good drawing stays


def test_undo_and_redo(app, drafts_dir):
    open_example(app)
    original = draft_text(app)
    edited = original.replace("title: 新一代营业厅客户行走路径", "title: 新标题", 1)
    type_in_editor(app, edited)
    rev = view(app).rev
    app.button(key=UNDO_KEY).click().run()
    assert draft_text(app) == original == stored_text(drafts_dir, app)
    assert view(app).rev > rev  # the editor is told to take the text back
    app.button(key=REDO_KEY).click().run()
    assert draft_text(app) == edited == stored_text(drafts_dir, app)


def test_a_reload_brings_back_the_last_text(app, drafts_dir):
    open_example(app)
    edited = draft_text(app) + "# my workshop note\n"
    type_in_editor(app, edited)
    draft_id = app.query_params["draft"]
    # A reload is a new session with the URL's query parameters.
    reloaded = AppTest.from_file(str(APP), default_timeout=60)
    reloaded.query_params["draft"] = draft_id
    reloaded.run()
    assert not reloaded.exception
    assert draft_text(reloaded) == edited


def same_browser(at: AppTest) -> AppTest:
    """A new tab of the browser ``at`` runs in: a new session holding the same owner cookie."""
    fresh = AppTest.from_file(str(APP), default_timeout=60)
    return same_browser_as(fresh, at)


def test_a_closed_tab_finds_the_draft_among_recent_drafts(app, drafts_dir):
    open_example(app)
    draft_id = app.query_params["draft"]
    fresh = same_browser(app).run()  # no draft in the URL
    fresh.button(key=open_key(draft_id)).click().run()
    assert not fresh.exception
    assert fresh.query_params["draft"] == draft_id


def test_a_draft_that_is_gone_says_so(drafts_dir):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["draft"] = "AAAAAAAAAAAAAAAA"
    at.run()
    assert not at.exception
    assert " ".join(e.value for e in at.error).startswith(MESSAGES["notice.draft_missing"]["en"][:20])


# -- the preview and the step details ------------------------------------------------------------


def test_clicking_a_step_shows_its_details_and_saving_them_edits_the_yaml(app, drafts_dir):
    open_example(app)
    original = draft_text(app)
    click_step(app, "greet")
    assert not app.exception
    step = blueprint.loads(original).step_by_id["greet"]
    form_inputs = {widget.label: widget for widget in app.text_input}
    assert form_inputs[t("field.owner", "zh")].value == step.owner
    assert step.label in texts(app)
    form_inputs[t("field.owner", "zh")].input("迎候岗导购员")
    submit = next(b for b in app.button if b.label == t("details.save", "zh"))
    submit.click().run()
    assert not app.exception
    changed = draft_text(app)
    assert blueprint.loads(changed).step_by_id["greet"].owner == "迎候岗导购员"
    assert stored_text(drafts_dir, app) == changed
    # Only the owner's line changed: comments and everything else stay.
    diff = [(a, b) for a, b in zip(original.splitlines(), changed.splitlines()) if a != b]
    assert len(diff) == 1 and "迎候岗导购员" in diff[0][1]


def test_the_details_edit_lane_phase_next_description_and_emotion_with_choices(app):
    """Issue 9.10: every key a workshop fills in, from the blueprint's own choices."""
    open_example(app)
    original = blueprint.loads(draft_text(app))
    click_step(app, "greet")
    by_label = {widget.label: widget for widget in (*app.selectbox, *app.multiselect, *app.text_area)}
    lane = by_label[t("field.lane", "zh")]
    assert set(lane.options) >= {f"{l.display_label('zh')} · {l.id}" for l in original.lanes
                                 if l.display_label("zh") != l.id}
    lane.set_value("customer")
    by_label[t("field.phase", "zh")].set_value(original.phases[1].id)
    by_label[t("field.next", "zh")].set_value(["state-need", "triage"])
    by_label[t("field.description", "zh")].input("主动问候，三米微笑")
    emotion = by_label[t("field.emotion", "zh")]
    assert t("emotion.2", "zh") in emotion.options
    emotion.set_value(2)
    next(b for b in app.button if b.label == t("details.save", "zh")).click().run()
    assert not app.exception
    step = blueprint.loads(draft_text(app)).step_by_id["greet"]
    assert (step.lane, step.phase, [ref.id for ref in step.next]) == ("customer", original.phases[1].id,
                                                                      ["state-need", "triage"])
    assert step.description == "主动问候，三米微笑" and step.emotion == 2


def test_a_refused_details_edit_is_said_at_the_form(app):
    open_example(app)
    click_step(app, "greet")
    next(w for w in app.text_input if w.label == t("field.id", "zh")).input("enter")
    next(b for b in app.button if b.label == t("details.save", "zh")).click().run()
    refusal = [e.value for e in app.get("error")]
    assert any(t("details.refused", "zh", message="").rstrip() in value for value in refusal)


def test_renaming_a_step_in_the_details_renames_its_references(app):
    open_example(app)
    click_step(app, "greet")
    next(w for w in app.text_input if w.label == t("field.id", "zh")).input("welcome")
    next(b for b in app.button if b.label == t("details.save", "zh")).click().run()
    changed = draft_text(app)
    bp = blueprint.loads(changed)
    assert "greet" not in bp.step_by_id and "welcome" in bp.step_by_id
    assert [ref.id for ref in bp.step_by_id["enter"].next] == ["welcome"]
    assert pipeline.findings(pipeline.load_text(changed)) == []
    assert view(app).selected == "welcome"


# -- Edit as tables --------------------------------------------------------------------------------


def edit_table(at: AppTest, name: str, edits: dict) -> AppTest:
    """What the grid sends: all its edits since it was built, this one added."""
    key = next(d.key for d in at.data_editor if d.key.startswith(table_key(name, "")))
    old = at.session_state[key] if key in at.session_state else {}
    state = {"edited_rows": {**(old.get("edited_rows") or {}), **edits.get("edited_rows", {})},
             "added_rows": [*(old.get("added_rows") or []), *edits.get("added_rows", [])],
             "deleted_rows": [*(old.get("deleted_rows") or []), *edits.get("deleted_rows", [])]}
    at.session_state[key] = state
    return at.run()


def test_editing_a_table_cell_changes_only_that_value_in_the_yaml(app, drafts_dir):
    open_example(app)
    switch_page(app, "tables")
    original = draft_text(app)
    assert next(d.key for d in app.data_editor).startswith(table_key("steps", ""))
    edit_table(app, "steps", {"edited_rows": {1: {"label": "热情迎候"}}})
    assert not app.exception
    changed = draft_text(app)
    assert blueprint.loads(changed).steps[1].label == "热情迎候"
    assert stored_text(drafts_dir, app) == changed
    diff = [(a, b) for a, b in zip(original.splitlines(), changed.splitlines()) if a != b]
    assert len(diff) == 1 and diff[0][1].strip() == "label: 热情迎候"
    assert original.count("#") == changed.count("#")  # every comment kept


def test_renaming_a_step_id_in_the_table_renames_every_reference(app):
    open_example(app)
    switch_page(app, "tables")
    original = draft_text(app)
    edit_table(app, "steps", {"edited_rows": {1: {"id": "welcome"}}})
    bp = blueprint.loads(draft_text(app))
    assert [s.id for s in bp.steps][1] == "welcome"
    assert all(ref.id != "greet" for s in bp.steps for ref in s.next)
    assert pipeline.findings(pipeline.load_text(draft_text(app))) == []
    assert original.count("greet") > 1  # there were references to rename


def add_row(at: AppTest, name: str, **cells: str) -> AppTest:
    """Fill the add line under table ``name`` (text cells typed, choices picked) and press Add."""
    for column, value in cells.items():
        key = field_key(name, column)
        widget = next((w for w in at.text_input if w.key == key), None)
        (widget.input(value) if widget is not None else at.selectbox(key=key).select(value))
    return at.button(key=f"{box_key(name)}_go").click().run()


def test_adding_and_deleting_steps_lanes_and_phases(app):
    open_example(app)
    switch_page(app, "tables")
    last = blueprint.loads(draft_text(app)).steps[-1]
    add_row(app, "steps", id="new-step", label="新步骤")
    added = blueprint.loads(draft_text(app)).steps[-1]
    # A new step starts in the lane and phase of the last one.
    assert (added.id, added.label, added.lane, added.phase) == ("new-step", "新步骤", last.lane, last.phase)
    assert app.text_input(key=field_key("steps", "id")).value == ""  # ready for the next one
    steps = table_rows(draft_text(app), "steps")
    edit_table(app, "steps", {"deleted_rows": [len(steps) - 1]})
    assert "new-step" not in blueprint.loads(draft_text(app)).step_by_id

    app.session_state[TAB_KEY] = t("tables.lanes", "zh")
    app.run()
    lanes = table_rows(draft_text(app), "lanes")
    add_row(app, "lanes", id="tablet", label="平板", zone="frontstage")
    assert blueprint.loads(draft_text(app)).lanes[-1].id == "tablet"
    edit_table(app, "lanes", {"deleted_rows": [len(lanes)]})
    assert "tablet" not in blueprint.loads(draft_text(app)).lane_by_id

    app.session_state[TAB_KEY] = t("tables.phases", "zh")
    app.run()
    add_row(app, "phases", id="follow-up", label="回访")
    assert blueprint.loads(draft_text(app)).phases[-1].id == "follow-up"
    assert not app.exception


def test_select_boxes_offer_the_files_ids_and_a_dash_clears_a_cell(app):
    open_example(app, "hall-before.zh.yaml")
    switch_page(app, "tables")
    original = draft_text(app)
    steps = blueprint.loads(original).steps
    failing = next(i for i, step in enumerate(steps) if step.recovery is not None)
    frame = app.data_editor[0].value
    assert frame.loc[0, "recovery"] == "—"  # an empty select box shows a dash, not "None"
    edit_table(app, "steps", {"edited_rows": {failing: {"recovery": "—"}, 0: {"touchpoint": "people"}}})
    assert not app.exception
    changed = blueprint.loads(draft_text(app))
    assert changed.steps[failing].recovery is None
    assert changed.steps[0].touchpoint.value == "people"
    assert draft_text(app).count("recovery:") == original.count("recovery:") - 1


def test_a_refused_table_edit_says_why_and_keeps_the_text(app):
    open_example(app)
    switch_page(app, "tables")
    original = draft_text(app)
    edit_table(app, "steps", {"edited_rows": {1: {"id": "enter"}}})  # a duplicate id
    assert not app.exception
    assert draft_text(app) == original
    assert app.error and "enter" in " ".join(e.value for e in app.error)


def test_a_grid_row_that_empties_a_required_cell_is_named_by_its_number_and_the_column(app):
    """The grid and the add line ask the same of a row (tables_add.unfilled); the grid says which row."""
    open_example(app)
    switch_page(app, "tables")
    original = draft_text(app)
    edit_table(app, "steps", {"edited_rows": {1: {"label": None}}})
    assert not app.exception and draft_text(app) == original
    said = t("tables.fill_in", "zh", row=2, columns=t("field.label", "zh"))
    assert shown(app.error) == t("tables.refused", "zh", message=said)


def test_a_half_filled_new_step_is_named_in_the_uis_words_and_survives_a_page_switch(app):
    """Issue 9.6 and 9.7: the missing column by its title, at the add line; what was typed kept."""
    open_example(app)
    switch_page(app, "tables")
    original = draft_text(app)
    add_row(app, "steps", id="new-step")
    assert not app.exception and draft_text(app) == original
    words = t("tables.add_refused", "zh", message=t("tables.add_fill_in", "zh", columns=t("field.label", "zh")))
    assert shown(app.error) == words
    switch_page(app, "editor")
    switch_page(app, "tables")
    assert app.text_input(key=field_key("steps", "id")).value == "new-step"  # the typed id is still there
    assert shown(app.error) == words
    # Filled in, it goes through; the refusal is gone.
    add_row(app, "steps", label="新步骤")
    assert blueprint.loads(draft_text(app)).steps[-1].id == "new-step"
    assert not app.error
    # An id that is taken is refused in the UI's words too.
    add_row(app, "steps", id="enter", label="又一个")
    assert draft_text(app).count("id: enter") == 1 and "enter" in shown(app.error)


def refusal(provoke) -> edit.EditError:
    with pytest.raises(edit.EditError) as caught:
        provoke()
    return caught.value


def shown(alerts) -> str:
    return " ".join(alert.value for alert in alerts).replace("\\", "")  # Markdown escapes gone


def test_a_refused_table_edit_says_why_in_the_uis_language(app):
    open_example(app)  # a Chinese blueprint: the UI is in Chinese
    switch_page(app, "tables")
    original = draft_text(app)
    rows = table_rows(original, "steps")
    rows[1]["id"] = "enter"
    error = refusal(lambda: edit.apply_rows(original, "steps", rows))
    edit_table(app, "steps", {"edited_rows": {1: {"id": "enter"}}})  # a duplicate id
    assert not app.exception and draft_text(app) == original
    assert shown(app.error) == t("tables.refused", "zh", message=error.message_zh)
    assert CJK.search(error.message_zh) and error.message not in shown(app.error)
    app.button_group(key=LANGUAGE_KEY).set_value("en").run()
    edit_table(app, "steps", {"edited_rows": {1: {"id": "enter"}}})
    assert shown(app.error) == t("tables.refused", "en", message=error.message)


def test_a_refused_details_edit_says_why_in_chinese(app):
    open_example(app)
    original = draft_text(app)
    click_step(app, "greet")
    next(w for w in app.text_input if w.label == t("field.id", "zh")).input("enter")  # taken
    next(b for b in app.button if b.label == t("details.save", "zh")).click().run()
    assert not app.exception and draft_text(app) == original
    error = refusal(lambda: edit.rename_step(original, "greet", "enter"))
    assert error.message_zh == "已经有步骤 'enter' 了：编号不能重复"
    assert shown(app.error) == t("details.refused", "zh", message=error.message_zh)


def test_a_table_that_cannot_be_edited_says_why_in_chinese(app):
    open_example(app)
    text = draft_text(app).replace("\nsteps:\n", "\nsteps:\n  - 迎候\n", 1)  # loads, a step is no mapping
    assert blueprint.loads(text).problems
    type_in_editor(app, text)
    switch_page(app, "tables")
    error = refusal(lambda: table_rows(text, "steps"))
    assert not app.exception and CJK.search(error.message_zh)
    assert shown(app.warning) == t("tables.unreadable", "zh", message=error.message_zh)


# -- Touchpoints and Export ------------------------------------------------------------------------


def test_touchpoints_page_counts_the_inventory(app):
    open_example(app)
    switch_page(app, "touchpoints")
    report = pipeline.touchpoint_report(pipeline.load_text(draft_text(app)), "zh")
    values = {metric.label: metric.value for metric in app.metric}
    assert values[t("touchpoints.total", "zh")] == str(len(report["inventory"]))
    assert values[t("touchpoints.fail_points", "zh")] == str(len(report["fail_points"]))
    assert len(app.dataframe[0].value) == len(report["inventory"])
    assert app.get("vega_lite_chart")


def test_export_page_offers_every_file_named_after_the_title(app):
    open_example(app)
    switch_page(app, "export")
    labels = [button.label for button in app.get("download_button")][:7]  # then the other tools' one
    assert labels == [t("export.download", "zh")] * 7
    names = [code.value for code in app.code][:7]
    assert names == [f"新一代营业厅客户行走路径.{ext}" for ext in ("svg", "png", "pdf", "yaml", "json", "csv", "xlsx")]
    page_size = page_size_box(app)
    assert page_size.label == t("export.page", "zh") and page_size.value == "none"
    assert page_size.options == [t(f"export.page_{p}", "zh") for p in ("none", "a3", "a4", "letter")]
    page_size.set_value("a4").run()
    assert not app.exception and page_size_box(app).value == "a4"


# -- Language --------------------------------------------------------------------------------------


def test_the_uis_language_is_the_users_and_the_file_does_not_change_it(english_app):
    app = english_app
    assert app.button(key=CREATE_KEY).label == t("start.create", "en")
    open_example(app)  # a Chinese blueprint in an English UI: the UI stays English
    assert app.button(key=UNDO_KEY).label == t("action.undo", "en")
    app.button_group(key=LANGUAGE_KEY).set_value("zh").run()
    assert app.button(key=UNDO_KEY).label == t("action.undo", "zh")
    assert t("findings.none", "zh") in texts(app)
    assert app.query_params["lang"] == "zh"  # kept in the URL for a reload
    switch_page(app, "tables")
    assert t("tables.intro", "zh").split("。")[0] in texts(app)
    assert app.query_params["lang"] == "zh"


def test_a_chinese_ui_stays_chinese_on_an_english_file(app):
    open_example(app, "hall-walk.en.yaml")
    assert app.button(key=UNDO_KEY).label == t("action.undo", "zh")
    assert t("findings.none", "zh") in texts(app)


def choose_finding(at: AppTest, rule: str) -> AppTest:
    """Choose the first finding of ``rule`` in the findings table, as a click on its row does."""
    frame = next(f for f in at.dataframe if (f.key or "").startswith(FINDINGS_KEY))
    index = next(i for i, row in enumerate(frame.value.to_dict("records")) if row["rule"] == rule)
    at.session_state[frame.key] = {"selection": {"rows": [index], "columns": [], "cells": []}}
    return at.run()


def test_the_findings_and_the_rule_documentation_are_in_the_uis_language(app, monkeypatch):
    open_example(app, "hall-before.zh.yaml")  # a Chinese blueprint: the UI starts in Chinese
    found = pipeline.findings(pipeline.load_text(draft_text(app)))
    messages = [row["message"] for row in findings_table(app).to_dict("records")]
    assert messages == [f.message_zh for f in found] and all(CJK.search(m) for m in messages)
    choose_finding(app, "fail-without-recovery")
    assert "**fail-without-recovery**" in texts(app) and "#### 错误示例" in texts(app)
    picked = next(f for f in found if f.rule == "fail-without-recovery")
    # The whole message above the rule's documentation: the table cuts it on a laptop's width.
    assert f"**{picked.line}:{picked.column}** &nbsp; {md_escape(picked.message_zh)}" in texts(app)

    lints = []
    real_lint = pipeline.lint_blueprint
    monkeypatch.setattr(pipeline, "lint_blueprint", lambda *args: lints.append(args) or real_lint(*args))
    app.button_group(key=LANGUAGE_KEY).set_value("en").run()
    assert not app.exception
    messages = [row["message"] for row in findings_table(app).to_dict("records")]
    assert messages == [f.message for f in found]
    assert not any(f.message_zh in texts(app) for f in found)
    assert lints == []  # the findings hold both languages: a change of language does not lint again
    choose_finding(app, "fail-without-recovery")
    assert "#### Failing example" in texts(app) and "#### 错误示例" not in texts(app)


def test_every_page_runs_in_both_languages_without_an_exception(app):
    open_example(app, "hall-before.zh.yaml")  # the blueprint with findings
    for locale in ("en", "zh"):
        app.button_group(key=LANGUAGE_KEY).set_value(locale).run()
        assert app.button(key=UNDO_KEY).label == t("action.undo", locale)
        for name in ("start", "editor", "tables", "touchpoints", "export"):
            switch_page(app, name)
            assert not app.exception, (locale, name)


def test_pages_without_a_blueprint_point_to_start(english_app):
    app = english_app
    for name in ("editor", "tables", "touchpoints", "export"):
        switch_page(app, name)
        assert t("app.no_draft", "en") in texts(app)


def test_the_command_line_file_opens_in_the_editor(drafts_dir, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["streamlit", str(HALL)])
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert draft_text(at) == HALL.read_text(encoding="utf-8")
    assert at.query_params["draft"]
