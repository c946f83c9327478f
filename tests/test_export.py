"""Tests for blueprint.export: CSV and XLSX read back, hostile text kept literal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import blueprint
from blueprint import export
from blueprint.analysis import touchpoints as tp
from blueprint.words import word

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "touchpoints"
REAL_FILES = sorted(
    [*(ROOT / "blueprint" / "templates").glob("*.yaml"), *(ROOT / "examples").glob("*.yaml")]
)


def graph(path: Path):
    return blueprint.load(str(path)).to_graph()


@pytest.fixture(scope="module")
def G():
    return graph(FIXTURES / "inventory.zh.yaml")


@pytest.fixture(scope="module")
def hostile():
    return graph(FIXTURES / "hostile.yaml")


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# --------------------------------------------------------------------------- guard_cell

@pytest.mark.parametrize(("text", "expected"), [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(1+1)", "'@SUM(1+1)"),
    ("\tTAB", "'\tTAB"),
    ("\r=1+1", "'\r=1+1"),
    ("  =1+1", "'  =1+1"),
    ("-1", "-1"),
    ("+2.5", "+2.5"),
    ("-", "'-"),
    ("<script>", "<script>"),
    ("迎候问候", "迎候问候"),
    ("a=b", "a=b"),
    ("a\x00b\x1f", "ab"),
])
def test_guard_cell(text, expected):
    assert export.guard_cell(text) == expected


# --------------------------------------------------------------------------- CSV

def test_inventory_csv_reads_back_zh(G):
    rows = read_csv(export.inventory_csv(G, "zh"))
    header, body = rows[0], rows[1:]
    assert header == [tp.column_label(key, "zh") for key in export.INVENTORY_EXPORT_COLUMNS]
    assert header[:4] == ["序号", "步骤编号", "步骤", "阶段"]
    assert [row[1] for row in body] == [row["step"] for row in tp.inventory(G)]
    record = dict(zip(export.INVENTORY_EXPORT_COLUMNS, body[0]))
    assert record == {
        "number": "1", "step": "enter", "label": "进入营业厅", "phase_label": "到店", "lane_label": "客户",
        "zone": "顾客行为", "kind": "环境", "channel": "营业厅", "owner": "", "evidence": "门头；主推海报",
        "duration": "1分钟", "duration_min": "1.0", "wait": "否", "wait_max": "", "fail": "",
        "recovery": "", "recovery_label": "", "emotion": "0",
    }
    wait = dict(zip(export.INVENTORY_EXPORT_COLUMNS, body[4]))
    assert (wait["step"], wait["wait"], wait["wait_max"], wait["emotion"]) == ("wait", "是", "10分钟", "-1")
    assert dict(zip(export.INVENTORY_EXPORT_COLUMNS, body[2]))["kind"] == "未指定"


def test_inventory_csv_en_headings_and_words(G):
    rows = read_csv(export.inventory_csv(G, "en"))
    assert rows[0][:5] == ["No.", "Step id", "Step", "Phase", "Lane"]
    record = dict(zip(export.INVENTORY_EXPORT_COLUMNS, rows[1]))
    assert (record["zone"], record["kind"], record["wait"], record["duration"]) == (
        "Customer actions", "Environment", "no", "1 min",
    )


def test_inventory_csv_uses_crlf(G):
    assert export.inventory_csv(G).count(b"\r\n") == len(tp.inventory(G)) + 1


def test_inventory_csv_hostile_text_is_literal(hostile):
    rows = read_csv(export.inventory_csv(hostile, "en"))
    records = [dict(zip(export.INVENTORY_EXPORT_COLUMNS, row)) for row in rows[1:]]
    formula, script, chinese = records
    assert formula["label"] == "'=cmd|' /C calc'!A0"
    assert formula["channel"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert formula["evidence"] == "'=HYPERLINK(\"http://evil.example\",\"click\"); 门头"
    assert formula["owner"] == "-1"  # a plain number is not a formula
    assert formula["emotion"] == "-1"
    assert script["label"] == "<script>alert(1)</script>"
    assert script["owner"] == "'+1+1"
    assert script["channel"] == "'-2+3"
    assert script["fail"] == "'\tTAB=1+1"
    assert chinese["label"] == "迎候问候，“双手递交”"
    assert chinese["owner"] == "ab"
    assert chinese["channel"] == "'\r=1+1"
    # No cell that a spreadsheet would evaluate.
    for row in rows[1:]:
        for cell in row:
            assert not cell.lstrip(" ").startswith(("=", "+", "@", "\t", "\r")) or cell.startswith("'")


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_inventory_csv_of_real_files(path):
    G = graph(path)
    locale = G.graph["locale"]
    rows = read_csv(export.inventory_csv(G, locale))
    assert len(rows) == len(tp.inventory(G)) + 1
    assert all(len(row) == len(export.INVENTORY_EXPORT_COLUMNS) for row in rows)


# --------------------------------------------------------------------------- XLSX

def open_xlsx(data: bytes):
    import openpyxl  # the app extra, installed for the tests
    assert data[:2] == b"PK"
    return openpyxl.load_workbook(io.BytesIO(data))


def sheet_rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(("locale", "names"), [
    ("en", ["Inventory", "By kind", "By channel", "Phase × kind", "Employees", "Equipment", "Fail points"]),
    ("zh", ["触点清单", "按类型", "按渠道", "阶段×类型", "员工触点", "设备触点", "失误点"]),
])
def test_inventory_xlsx_sheets(G, locale, names):
    book = open_xlsx(export.inventory_xlsx(G, locale))
    assert book.sheetnames == names
    assert [word(f"sheet.{key}", locale) for key in export.SHEETS] == names
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        assert all(cell.font.bold for cell in sheet[1])
    assert book.properties.title == "触点清单测试"


def test_inventory_xlsx_values_en(G):
    book = open_xlsx(export.inventory_xlsx(G, "en"))
    inventory = sheet_rows(book["Inventory"])
    assert inventory[0] == [tp.column_label(key, "en") for key in export.INVENTORY_EXPORT_COLUMNS]
    assert len(inventory) == 12
    first = dict(zip(export.INVENTORY_EXPORT_COLUMNS, inventory[1]))
    assert first["step"] == "enter" and first["label"] == "进入营业厅"
    assert first["kind"] == "Environment" and first["zone"] == "Customer actions"
    assert first["duration_min"] == 1.0 and first["emotion"] == 0  # numbers stay numbers
    assert first["owner"] is None  # empty cells stay empty
    assert first["number"] == 1  # the number its card shows, as a number
    assert book["Inventory"].auto_filter.ref == "A1:R12"

    assert sheet_rows(book["By kind"]) == [
        ["Touchpoint kind", "Count"], ["People", 2], ["Environment", 2], ["Equipment", 1],
        ["Digital", 2], ["Print", 2], ["Unspecified", 2],
    ]
    assert sheet_rows(book["By channel"]) == [
        ["Channel", "Count"], ["营业厅", 5], ["叫号机", 1], ["电话", 1], ["BOSS系统", 1], ["App", 1],
        ["Unspecified", 2],
    ]
    assert sheet_rows(book["Phase × kind"]) == [
        ["Phase", "People", "Environment", "Equipment", "Digital", "Print", "Unspecified", "Total"],
        ["到店", 1, 1, 1, 0, 0, 1, 4],
        ["办理", 1, 1, 0, 1, 0, 1, 4],
        ["离店", 0, 0, 0, 0, 2, 0, 2],
        ["空阶段", 0, 0, 0, 0, 0, 0, 0],
        ["No phase", 0, 0, 0, 1, 0, 0, 1],
    ]
    assert [row[1] for row in sheet_rows(book["Employees"])[1:]] == ["greet", "walk", "call-back", "hand"]
    assert [row[1] for row in sheet_rows(book["Equipment"])[1:]] == ["ticket", "record", "app"]
    fails = sheet_rows(book["Fail points"])
    assert fails[0] == [tp.column_label(key, "en") for key in export.FAIL_POINT_EXPORT_COLUMNS]
    assert [row[1] for row in fails[1:]] == ["ticket", "wait", "record", "batch"]
    record = dict(zip(export.FAIL_POINT_EXPORT_COLUMNS, fails[3]))
    assert (record["recovery"], record["recovery_label"], record["recovery_exists"]) == ("ghost", None, "no")
    assert dict(zip(export.FAIL_POINT_EXPORT_COLUMNS, fails[1]))["recovery_lane_label"] == "导购员"


def test_inventory_xlsx_headings_zh(G):
    book = open_xlsx(export.inventory_xlsx(G, "zh"))
    assert sheet_rows(book["触点清单"])[0][:4] == ["序号", "步骤编号", "步骤", "阶段"]
    assert sheet_rows(book["按类型"])[1] == ["人员", 2]
    assert sheet_rows(book["阶段×类型"])[-1][0] == "无阶段"
    assert sheet_rows(book["失误点"])[1][-1] == "是"


def test_inventory_xlsx_column_widths_count_cjk_double(G):
    sheet = open_xlsx(export.inventory_xlsx(G, "zh"))["触点清单"]
    # Column C holds labels like 手机营业厅查询 (7 wide characters = 14 columns).
    assert sheet.column_dimensions["C"].width >= 14
    # Column B holds ids; "call-back" is 9 narrow characters, the heading 步骤编号 is 8 + filter button.
    assert 9 <= sheet.column_dimensions["B"].width < 14
    assert all(dimension.width <= 60 for dimension in sheet.column_dimensions.values())


def test_inventory_xlsx_hostile_text_is_literal(hostile):
    book = open_xlsx(export.inventory_xlsx(hostile, "en"))
    sheet = book["Inventory"]
    columns = {key: index for index, key in enumerate(export.INVENTORY_EXPORT_COLUMNS, start=1)}
    formula = sheet.cell(row=2, column=columns["label"])
    assert formula.value == "=cmd|' /C calc'!A0"
    assert formula.data_type == "s"
    assert formula.quotePrefix
    assert sheet.cell(row=2, column=columns["evidence"]).data_type == "s"
    assert sheet.cell(row=2, column=columns["owner"]).value == "-1"
    assert sheet.cell(row=2, column=columns["emotion"]).value == -1
    assert sheet.cell(row=3, column=columns["label"]).value == "<script>alert(1)</script>"
    assert sheet.cell(row=3, column=columns["owner"]).value == "+1+1"
    assert sheet.cell(row=4, column=columns["label"]).value == "迎候问候，“双手递交”"
    assert sheet.cell(row=4, column=columns["owner"]).value == "ab"
    # No formula anywhere in the workbook.
    for ws in book.worksheets:
        for row in ws.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_inventory_xlsx_without_touchpoints_still_has_every_sheet():
    G = blueprint.loads("blueprint: 1\ntitle: t\nsteps:\n- {id: x, lane: support, label: X}\n").to_graph()
    book = open_xlsx(export.inventory_xlsx(G))
    assert len(book.sheetnames) == 7
    assert sheet_rows(book["Inventory"]) == [
        [tp.column_label(key, "en") for key in export.INVENTORY_EXPORT_COLUMNS]
    ]
    assert book["Fail points"].freeze_panes == "A2"


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_inventory_xlsx_of_real_files(path):
    G = graph(path)
    book = open_xlsx(export.inventory_xlsx(G, G.graph["locale"]))
    first = book.worksheets[0]
    assert first.max_row == len(tp.inventory(G)) + 1
    kinds = sheet_rows(book.worksheets[1])[1:]
    assert [count for _label, count in kinds] == list(tp.by_kind(G).values())


# --------------------------------------------------------------------------- JSON

def test_graph_json(G):
    data = json.loads(export.graph_json(G))
    assert {node["id"] for node in data["nodes"]} == set(G.nodes)
    assert data["graph"]["title"] == "触点清单测试"
