"""The app's import (Start page, with a preview before anything is created) and export to other tools."""

from __future__ import annotations

import blueprint
from blueprint.interop.sheet import export_sheet
from tests.conftest import ROOT
from tests.ui.conftest import draft_text, open_example, switch_page, view

HALL = ROOT / "examples" / "hall-walk.zh.yaml"
STEPS_GBK = "环节,角色,阶段,下一步\n进厅,顾客,到店,迎候\n迎候,导购员,到店,\n".encode("gbk")


def test_an_imported_step_table_is_previewed_and_created_only_on_the_click(app):
    app.file_uploader(key="bp_import").upload("walk.csv", STEPS_GBK, "text/csv")
    app.run()
    assert not app.exception and view(app).draft is None  # a preview, nothing created
    [table] = app.dataframe
    assert list(table.value.iloc[:, 1]) == ["进厅", "迎候"]
    app.button(key="bp_import_create").click().run()
    assert not app.exception
    bp = blueprint.loads(draft_text(app))
    assert [(s.label, s.zone.value) for s in bp.steps] == [("进厅", "customer"), ("迎候", "frontstage")]
    assert view(app).draft.name == "walk.yaml"


def test_a_zone_changed_in_the_preview_is_the_zone_created(app):
    app.file_uploader(key="bp_import").upload("walk.csv", STEPS_GBK, "text/csv")
    app.run()
    app.selectbox(key="bp_import_zone_导购员").set_value("backstage").run()
    app.button(key="bp_import_create").click().run()
    assert blueprint.loads(draft_text(app)).lane_by_id["导购员"].zone.value == "backstage"


def test_an_import_that_cannot_be_read_names_the_cell_and_creates_nothing(english_app):
    app = english_app
    app.file_uploader(key="bp_import").upload("bad.csv", "步骤,情绪\n进厅,开心\n".encode(), "text/csv")
    app.run()
    assert not app.exception and view(app).draft is None
    message = " ".join(e.value for e in app.error).replace("\\", "")
    assert "bad.csv:2:2" in message and "row 2, column B" in message


def test_a_workbook_round_trips_through_the_app(app):
    data = export_sheet(blueprint.load(HALL), "xlsx").content
    app.file_uploader(key="bp_import").upload("hall.xlsx", data, "application/octet-stream")
    app.run()
    app.button(key="bp_import_create").click().run()
    assert len(blueprint.loads(draft_text(app)).steps) == len(blueprint.load(HALL).steps)


def test_the_export_page_offers_the_other_tools_formats_with_what_they_lose(app):
    open_example(app)
    switch_page(app, "export")
    app.selectbox(key="bp_interop_format").set_value("bpmn").run()
    assert not app.exception
    assert app.code[-1].value == "新一代营业厅客户行走路径.bpmn"
    assert any("时间标准" in block.value for block in app.markdown)
    app.selectbox(key="bp_interop_format").set_value("mermaid-journey").run()
    assert app.code[-1].value == "新一代营业厅客户行走路径.mmd"
