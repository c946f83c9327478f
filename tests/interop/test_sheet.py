"""Spreadsheet import and the step table export: round trips, the inventory's layout, mapping,
encodings, cell positions in errors, and hostile files."""

from __future__ import annotations

import csv
import io

import pytest

from blueprint import BlueprintError, load, loads
from blueprint.export import inventory_csv, inventory_xlsx
from blueprint.interop.sheet import export_sheet, import_sheet
from tests.conftest import EXAMPLES
from tests.interop import helpers

openpyxl = pytest.importorskip("openpyxl")  # the app extra; the test extra installs it with it


def reload(imported, name="imported.yaml"):
    bp = loads(imported.yaml, name)
    assert bp.problems == [], bp.problems[:3]
    return bp


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_step_table_round_trips_everything_but_what_it_lists(path, fmt):
    bp = load(path)
    exported = export_sheet(bp, fmt)
    back = reload(import_sheet(exported.content, f"{path.stem}.{fmt}"))
    assert helpers.steps(back) == helpers.steps(bp)
    same_order = helpers.lanes(back, bp.locale) == helpers.lanes(bp, bp.locale)
    assert sorted(helpers.lanes(back, bp.locale)) == sorted(helpers.lanes(bp, bp.locale))
    assert helpers.phases(back) == helpers.phases(bp)
    said = " ".join(message.en for message in exported.lost)
    assert ("order of lanes" in said) == (not same_order)
    # next: survives; flows: entries are what the export lists as lost.
    nexts = sorted((f.source.id, f.target.id) for f in bp.flows if f.origin == "next")
    assert sorted((f.source.id, f.target.id) for f in back.flows) == nexts
    assert ("flows:" in said) == any(f.origin != "next" for f in bp.flows)
    assert ("time standard" in said) == bool(bp.standards)
    if fmt == "xlsx":
        assert back.title == bp.title


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_inventory_export_imports_back_to_the_same_inventory(path):
    """The same in every column but the step numbers: they follow the flows, which an inventory
    does not list (its rows come back chained in order)."""
    bp = load(path)
    original = inventory_csv(bp.to_graph(), bp.locale)
    back = reload(import_sheet(original, f"{path.stem}.csv"))
    assert _unnumbered(inventory_csv(back.to_graph(), bp.locale)) == _unnumbered(original)
    workbook = inventory_xlsx(bp.to_graph(), bp.locale)
    back = reload(import_sheet(workbook, f"{path.stem}.xlsx"))
    assert _unnumbered(inventory_csv(back.to_graph(), bp.locale)) == _unnumbered(original)


def _unnumbered(data: bytes) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] in ("No.", "序号")
    return [row[1:] for row in rows]


def test_headings_in_chinese_are_mapped_and_rows_chain_without_a_next_column():
    text = "环节,角色,阶段,时长,触点,失误点\n进厅,顾客,到店,30s,环境,\n迎候,导购员,到店,1分钟,人员,没人迎候\n"
    imported = import_sheet(text.encode("utf-8"), "walk.csv")
    bp = reload(imported)
    assert [(s.label, s.lane, s.zone.value, s.phase) for s in bp.steps] == [
        ("进厅", "顾客", "customer", "到店"), ("迎候", "导购员", "frontstage", "到店")]
    assert bp.steps[1].fail == "没人迎候" and bp.steps[1].duration.total_seconds() == 60
    assert [(f.source.id, f.target.id) for f in bp.flows] == [("进厅", "迎候")]
    said = [message.zh for message in imported.notes]
    assert any("按行的顺序" in note for note in said) and any("导购员" in note for note in said)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_utf8_with_and_without_bom_and_in_gbk(encoding):
    text = "步骤,泳道,下一步\n进厅,顾客,迎候\n迎候,前台接触,\n"
    bp = reload(import_sheet(text.encode(encoding), "a.csv"))
    assert [(s.id, s.label, s.zone.value) for s in bp.steps] == [
        ("进厅", "进厅", "customer"), ("迎候", "迎候", "frontstage")]
    assert [(f.source.id, f.target.id) for f in bp.flows] == [("进厅", "迎候")]


def test_a_mapping_the_user_gives_wins_and_semicolons_are_read():
    text = "Was;Wer\nKommen;Kunde\n"
    bp = reload(import_sheet(text.encode(), "de.csv", mapping={"Was": "label", "B": "lane_label"},
                             zones={"Kunde": "customer"}))
    assert [(s.label, s.lane, s.zone.value) for s in bp.steps] == [("Kommen", "Kunde", "customer")]


def test_a_bad_cell_is_named_by_sheet_row_and_column():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "流程"
    sheet.append(["步骤", "泳道", "情绪"])
    sheet.append(["进厅", "顾客", 1])
    sheet.append(["取号", "顾客", "很好"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(BlueprintError) as caught:
        import_sheet(buffer.getvalue(), "hall.xlsx")
    assert str(caught.value).startswith("hall.xlsx:3:3: sheet '流程', row 3, column C: emotion")
    assert "工作表“流程”第 3 行 C 列" in caught.value.problem.describe("zh")


def test_a_next_that_names_no_step_is_refused_at_its_cell():
    with pytest.raises(BlueprintError, match=r"a.csv:3:2: row 3, column B: no step 'nowhere'"):
        import_sheet(b"Step,Next\nA,B\nB,nowhere\n", "a.csv")


def test_formula_text_is_guarded_on_export_and_never_evaluated_on_import():
    bp = loads("blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: '=HYPERLINK(\"http://x\")',"
               " owner: '@SUM(1)', emotion: -1}\n")
    rows = list(csv.reader(io.StringIO(export_sheet(bp, "csv").content.decode("utf-8-sig"))))
    assert rows[1][2] == "'=HYPERLINK(\"http://x\")" and rows[1][rows[0].index("Owner")] == "'@SUM(1)"
    sheet = openpyxl.load_workbook(io.BytesIO(export_sheet(bp, "xlsx").content)).active
    assert sheet["C2"].data_type == "s" and sheet["C2"].quotePrefix
    # Back in, the text is the user's again.
    back = reload(import_sheet(export_sheet(bp, "csv").content, "t.csv"))
    assert (back.steps[0].label, back.steps[0].owner, back.steps[0].emotion) == (bp.steps[0].label, "@SUM(1)", -1)
    # A real formula in an uploaded workbook gives its computed value, never its text.
    workbook = openpyxl.Workbook()
    workbook.active.append(["Step", "Notes"])
    workbook.active.append(["A", "=WEBSERVICE(\"http://evil\")"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    back = reload(import_sheet(buffer.getvalue(), "f.xlsx"))
    assert back.steps[0].notes == []


def test_a_50_mb_file_is_refused_before_it_is_read():
    with pytest.raises(BlueprintError, match=r"big.csv:1:1: the file is 50.0 MB, more than the 10.0 MB"):
        import_sheet(b"Step\n" + b"a\n" * (25 * 1024 * 1024), "big.csv")


def test_a_zip_bomb_posing_as_xlsx_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))
    with pytest.raises(BlueprintError, match="refused: the XLSX inflates to 120 MB"):
        import_sheet(buffer.getvalue(), "bomb.xlsx")


def test_a_table_without_step_headings_asks_for_a_mapping():
    with pytest.raises(BlueprintError, match="no heading row names the steps"):
        import_sheet(b"foo,bar\n1,2\n", "x.csv")
