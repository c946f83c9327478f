"""``blueprint export`` and ``blueprint import`` as a user runs them."""

from __future__ import annotations

from blueprint import load, loads
from blueprint.cli import main
from tests.conftest import ROOT
from tests.interop import helpers

EXAMPLE = ROOT / "examples" / "hall-walk.zh.yaml"


def test_export_writes_next_to_the_input_name_and_lists_what_is_lost(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(EXAMPLE), "--to", "bpmn", "--verbose"]) == 0
    assert (tmp_path / "hall-walk.zh.bpmn").read_bytes().startswith(b"<?xml")
    assert "not carried: 4 time standard(s)" in capsys.readouterr().err
    assert main(["export", str(EXAMPLE), "--to", "mermaid-journey", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("journey\n")


def test_every_format_exports_and_the_importable_ones_come_back(tmp_path, capsys):
    bp = load(EXAMPLE)
    for fmt, ext in (("bpmn", "bpmn"), ("mermaid", "mmd"), ("mermaid-journey", "mmd"), ("drawio", "drawio"),
                     ("xlsx", "xlsx"), ("csv", "csv")):
        out = tmp_path / f"{fmt}.{ext}"
        assert main(["export", str(EXAMPLE), "--to", fmt, "-o", str(out)]) == 0, fmt
        assert out.stat().st_size > 0
    for fmt, ext in (("bpmn", "bpmn"), ("xlsx", "xlsx"), ("csv", "csv")):
        yaml_out = tmp_path / f"{fmt}.yaml"
        assert main(["import", str(tmp_path / f"{fmt}.{ext}"), "-o", str(yaml_out)]) == 0, fmt
        back = loads(yaml_out.read_text(encoding="utf-8"))
        assert helpers.steps(back) == helpers.steps(bp), fmt
    capsys.readouterr()
    assert main(["import", str(tmp_path / "mermaid-journey.mmd"), "--from", "mermaid-journey", "-v"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("blueprint: 1\n") and "note: tasks flow in the order" in captured.err


def test_import_names_the_cell_it_cannot_read_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "steps.csv"
    bad.write_text("步骤,情绪\n进厅,开心\n", encoding="gbk")
    assert main(["import", str(bad)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{bad}:2:2: row 2, column B: emotion is a whole number from -2 to 2, not '开心' (import)")
    assert main(["import", str(bad), "--locale", "zh"]) == 1
    assert "第 2 行 B 列" in capsys.readouterr().err


def test_import_takes_a_mapping_and_zones_from_the_command_line(tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("Was,Wer\nKommen,Kunde\n", encoding="utf-8")
    assert main(["import", str(table), "--map", "Was=label", "--map", "Wer=lane_label",
                 "--zone", "Kunde=customer"]) == 0
    bp = loads(capsys.readouterr().out)
    assert [(s.label, s.zone.value) for s in bp.steps] == [("Kommen", "customer")]
    assert main(["import", str(table), "--zone", "Kunde=outside"]) == 2


def test_a_50_mb_file_is_refused_without_being_read(tmp_path, capsys):
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that costs nothing to make
    assert main(["import", str(big)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{big}:1:1: the file is 50.0 MB, more than the 10.0 MB an import reads (import)")
