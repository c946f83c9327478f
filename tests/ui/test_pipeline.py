"""The app's pure work on real files: load, lint, find steps by line, details, uploads, downloads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

import blueprint
from blueprint.edit import set_step_fields
from blueprint.lint import docs as rule_docs
from blueprint.layout.pages import PageSpec, plan_pages
from blueprint.lint import registry
from blueprint.render import render
from blueprint.ui import pipeline
from tests.conftest import BEFORE, CJK, EXAMPLES, ROOT, where
from tests.ui.bad_uploads import BAD_UPLOADS, HOSTILE

HALL = ROOT / "examples" / "hall-walk.zh.yaml"


def hall() -> str:
    return HALL.read_text(encoding="utf-8")


def test_a_clean_example_has_no_findings_and_the_before_hall_has_some():
    assert pipeline.findings(pipeline.load_text(hall())) == []
    before = (ROOT / "examples" / BEFORE).read_text(encoding="utf-8")
    found = pipeline.findings(pipeline.load_text(before))
    assert found and all(f.path == pipeline.EDITOR_PATH for f in found)
    assert found == blueprint.lint(blueprint.loads(before, pipeline.EDITOR_PATH))


def test_a_broken_reference_is_found_at_its_line_and_column():
    text = hall().replace("next: greet", "next: greeet", 1)
    found = [f for f in pipeline.findings(pipeline.load_text(text)) if f.rule == "unknown-reference"]
    assert [(f.line, f.column) for f in found] == [where(text, "greeet")]
    assert "greet" in found[0].message  # the did-you-mean


def test_a_text_that_does_not_load_gives_one_error_with_its_position():
    text = hall().replace("phases:", "phases: [", 1)
    loaded = pipeline.load_text(text)
    assert not loaded.ok and loaded.error.rule == "yaml-syntax"
    found = pipeline.findings(pipeline.load_text(text))
    assert len(found) == 1 and found[0].level == "error"
    assert (found[0].line, found[0].column) == (loaded.error.line, loaded.error.column)
    # In both languages, each on one line.
    assert CJK.search(loaded.error.text("zh")) and loaded.error.text("en") == loaded.error.message
    assert found[0].text("zh") == loaded.error.message_zh and "\n" not in loaded.error.message_zh


def test_finding_rows_show_the_message_in_the_uis_language():
    before = (ROOT / "examples" / BEFORE).read_text(encoding="utf-8")
    found = pipeline.findings(pipeline.load_text(before))
    english, chinese = pipeline.finding_rows(found, "en"), pipeline.finding_rows(found, "zh")
    assert [row["message"] for row in english] == [f.message for f in found]
    assert [row["message"] for row in chinese] == [f.message_zh for f in found]
    assert all(CJK.search(row["message"]) for row in chinese)
    for en, zh in zip(english, chinese):
        assert {**en, "message": ""} == {**zh, "message": ""}


def test_a_one_line_text_is_linted_as_text_not_opened_as_a_path(tmp_path, monkeypatch):
    # blueprint.lint("x") would read a file called x; the editor's text must never be a path.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret").write_text("blueprint: 1\ntitle: t\nsteps: []\n")
    found = pipeline.findings(pipeline.load_text("secret"))
    assert [f.rule for f in found] == ["schema"]


def test_step_at_line_and_step_line_agree_for_every_step_of_every_example():
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        bp = blueprint.loads(text)
        lines = text.splitlines()
        for step in bp.steps:
            line = pipeline.step_line(pipeline.load_text(text), step.id)
            assert line == step.pos.line
            assert pipeline.step_at_line(pipeline.load_text(text), line) == step.id
            # Every line of the step's own YAML belongs to it (e.g. its label).
            label_line = step.where("label").line
            assert pipeline.step_at_line(pipeline.load_text(text), label_line) == step.id, (path.name, step.id)
        assert pipeline.step_at_line(pipeline.load_text(text), 1) is None  # the header is no step
        assert lines  # a real file


def test_step_details_read_the_file():
    text = hall()
    info = pipeline.step_details(pipeline.load_text(text), "greet", "zh")
    bp = blueprint.loads(text)
    step = bp.step_by_id["greet"]
    assert info["label"] == step.label and info["owner"] == step.owner
    assert info["touchpoint"] == step.touchpoint.value
    assert info["evidence"] == step.evidence and info["notes"] == step.notes
    assert info["lane_label"] == bp.lane_by_id[step.lane].label
    assert blueprint.loads(f"blueprint: 1\ntitle: t\nsteps:\n- {{id: a, lane: customer, label: A, "
                           f"duration: {info['duration']}}}\n").steps[0].duration == step.duration
    assert pipeline.step_details(pipeline.load_text(text), "no-such-step") is None


def test_details_with_a_fail_point_name_the_recovery():
    text = hall()
    bp = blueprint.loads(text)
    failing = next(step for step in bp.steps if step.fail and step.recovery)
    info = pipeline.step_details(pipeline.load_text(text), failing.id, "en")
    assert info["fail"] == failing.fail
    assert info["recovery"] == failing.recovery.id
    assert info["recovery_label"] == bp.step_by_id[failing.recovery.id].label


def test_completions_offer_the_format_keys_and_the_file_ids():
    info = pipeline.completions(pipeline.load_text(hall()))
    assert {"steps", "lane", "touchpoint", "recovery"} <= set(info["keys"])
    bp = blueprint.loads(hall())
    assert info["lanes"] == [lane.id for lane in bp.lanes]
    assert info["steps"] == [step.id for step in bp.steps]
    assert pipeline.completions(pipeline.load_text("not: [yaml"))["steps"] == []


def test_every_rule_has_documentation():
    for rule_id in registry.RULES:
        doc = pipeline.rule_doc(rule_id)
        assert doc.startswith(f"**{rule_id}**") and "\n#### Failing example\n" in doc
        doc_zh = pipeline.rule_doc(rule_id, "zh")
        assert doc_zh.startswith(f"**{rule_id}**: ")
        assert "\n#### 错误示例\n" in doc_zh and "Failing example" not in doc_zh
        assert rule_docs.summary(registry.RULES[rule_id], "zh") in doc_zh
    assert pipeline.rule_doc("no-such-rule") is None and pipeline.rule_doc("no-such-rule", "zh") is None


def test_the_gallery_lists_every_example_with_its_title_and_description():
    found = pipeline.examples(ROOT / "examples")
    assert [Path(e.path).name for e in found] == [p.name for p in EXAMPLES]
    for example in found:
        bp = blueprint.load(example.path)
        assert (example.title, example.description, example.steps) == (bp.title, bp.description, len(bp.steps))
        assert example.description  # every example says what it is


@pytest.mark.parametrize("name", sorted(set(BAD_UPLOADS) - {"binary", "png"}))
def test_bad_uploads_give_a_message_with_a_position(name):
    _file, data, words = BAD_UPLOADS[name]
    result = pipeline.read_upload(data)
    assert result.error is not None
    assert words in f"line {result.error.line} {result.error.message}"
    assert result.error.line >= 1 and result.error.column >= 1
    assert CJK.search(result.error.text("zh"))


@pytest.mark.parametrize(("name", "kind"), [("binary", "binary"), ("png", "png")])
def test_an_upload_that_is_not_text_is_named_for_what_it_is(name, kind):
    _file, data, _words = BAD_UPLOADS[name]
    assert pipeline.read_upload(data) == pipeline.Upload(None, None, kind)


@pytest.mark.parametrize("text", ["foo: bar\n", "{}\n", "# settings\nname: x\nport: 8080\n"])
def test_a_yaml_mapping_that_is_not_a_blueprint_says_so_once(text):
    loaded = pipeline.load_text(text)
    assert loaded.blueprint is None
    assert loaded.error.message.startswith("this is not a blueprint: it needs a 'blueprint: 1' key")
    assert loaded.error.text("zh").startswith("这不是蓝图")
    assert [finding.message for finding in pipeline.findings(loaded)] == [loaded.error.message]
    assert pipeline.svg(loaded) == (None, None)  # no drawing, so no Graphviz message either


@pytest.mark.parametrize("text", ["blueprint: 1\n", "steps:\n  - {id: a, lane: customer, label: A}\n"])
def test_a_blueprint_without_a_title_still_draws(text):
    loaded = pipeline.load_text(text)
    picture, why = pipeline.svg(loaded)
    assert why is None and "<svg" in picture
    assert any(f.message == "blueprint has no 'title'" for f in pipeline.findings(loaded))


def test_a_readable_upload_keeps_its_text_even_when_it_does_not_load():
    _file, data, _words = BAD_UPLOADS["not-yaml"]
    result = pipeline.read_upload(data)
    assert result.text == data.decode()
    good = pipeline.read_upload(HALL.read_bytes())
    assert good.text == hall() and good.error is None


def test_the_size_limit_is_the_loaders():
    data = b"# x\n" * 1000
    assert pipeline.read_upload(data, blueprint.Limits(max_bytes=100)).error.rule == "input-limit"
    assert pipeline.read_upload(data).error is None or pipeline.read_upload(data).error.rule != "input-limit"


def test_hostile_labels_load_and_render_as_text():
    import xml.etree.ElementTree as ET

    assert pipeline.load_text(HOSTILE).ok
    svg, _name, _mime = pipeline.export_file(pipeline.load_text(HOSTILE), "svg")
    root = ET.fromstring(svg)
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "img", "foreignObject", "b"}
    assert not [name for element in root.iter() for name in element.attrib if name.lower().startswith("on")]
    assert "<script>alert(3)</script>" in "".join(root.itertext())  # shown as the text it is


def test_export_svg_is_exactly_the_renderers():
    text = hall()
    data, name, mime = pipeline.export_file(pipeline.load_text(text), "svg")
    assert data.decode("utf-8") == render(blueprint.loads(text), "svg")
    assert (name, mime) == ("新一代营业厅客户行走路径.svg", "image/svg+xml")


def test_export_files_are_real_files():
    text = hall()
    png, _n, _m = pipeline.export_file(pipeline.load_text(text), "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pdf, _n, _m = pipeline.export_file(pipeline.load_text(text), "pdf")
    assert pdf.startswith(b"%PDF")
    # On A4 pages, as `blueprint render --page a4` prints them: several numbered sheets.
    printed = PdfReader(io.BytesIO(pipeline.export_file(pipeline.load_text(text), "pdf", page="a4")[0]))
    assert len(printed.pages) == len(plan_pages(blueprint.loads(text), PageSpec("a4"))) > 1
    assert {tuple(round(float(v)) for v in page.mediabox) for page in printed.pages} <= {
        (0, 0, 595, 842), (0, 0, 842, 595)}
    yaml_data, name, _m = pipeline.export_file(pipeline.load_text(text), "yaml")
    assert yaml_data.decode("utf-8") == text and name.endswith(".yaml")
    graph = json.loads(pipeline.export_file(pipeline.load_text(text), "json")[0])
    assert {node["id"] for node in graph["nodes"]} == {s.id for s in blueprint.loads(text).steps}
    rows = list(csv.reader(io.StringIO(pipeline.export_file(pipeline.load_text(text), "csv", "zh")[0].decode("utf-8-sig"))))
    assert rows[0][:2] == ["序号", "步骤编号"] and len(rows) > 10
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(pipeline.export_file(pipeline.load_text(text), "xlsx", "en")[0]))
    assert workbook.sheetnames[0] == "Inventory"


def test_file_names_are_safe_whatever_the_title():
    text = "blueprint: 1\ntitle: '../../etc/passwd: <x>'\nsteps:\n- {id: a, lane: customer, label: A}\n"
    for kind in pipeline.EXPORT_KINDS:
        name = pipeline.export_name(pipeline.load_text(text), kind)
        assert "/" not in name and "<" not in name and not name.startswith(".")
    assert pipeline.export_name(pipeline.load_text("not: [yaml"), "yaml") == "blueprint.yaml"


def test_a_text_that_does_not_load_still_exports_its_yaml():
    assert pipeline.export_file(pipeline.load_text("not: [yaml"), "yaml")[0] == b"not: [yaml"
    with pytest.raises(ValueError):
        pipeline.export_file(pipeline.load_text("not: [yaml"), "svg")


def test_touchpoint_report_has_every_table():
    report = pipeline.touchpoint_report(pipeline.load_text(hall()), "zh")
    assert set(report) == {"inventory", "by_kind", "by_channel", "matrix", "employees", "equipment",
                           "fail_points", "chart"}
    assert len(report["inventory"]) == sum(report["by_kind"].values())
    assert pipeline.touchpoint_report(pipeline.load_text("not: [yaml")) is None


def test_details_round_trip_through_the_edit_module():
    text = hall()
    changed = set_step_fields(text, "greet", {"owner": "新导购"})
    assert pipeline.step_details(pipeline.load_text(changed), "greet")["owner"] == "新导购"
    assert pipeline.step_details(pipeline.load_text(text), "greet")["owner"] != "新导购"


def test_the_apps_findings_carry_both_texts_written_through_the_cache(monkeypatch):
    """The app keeps findings in st.cache_data, whose every read is an unpickled copy: the texts are
    written once when linted, not again on every rerun that shows them."""
    import pickle

    from blueprint.phrases import Phrase

    found = pipeline.findings(pipeline.load_text((ROOT / "examples" / BEFORE).read_text(encoding="utf-8")))
    assert found
    written = []
    original = Phrase.text
    monkeypatch.setattr(Phrase, "text", lambda phrase, locale="en": written.append(locale) or original(phrase, locale))
    copy = pickle.loads(pickle.dumps(found))
    assert [f.text("zh") for f in copy] == [f.message_zh for f in found] and [f.message for f in copy]
    assert written == []
