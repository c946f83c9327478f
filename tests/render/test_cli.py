"""``blueprint render``: output names, directories, stdout, formats, errors and problems."""

from __future__ import annotations

import re
import shutil

import pytest

from blueprint.cli import main
from tests.conftest import EXAMPLES, TEMPLATES

from .helpers import FIXTURES

STARTER = next(path for path in TEMPLATES if path.name == "starter.zh.yaml")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_default_output_is_the_inputs_name_with_the_formats_extension_here(workdir):
    assert main(["render", str(STARTER)]) == 0
    assert (workdir / "starter.zh.svg").read_text(encoding="utf-8").startswith("<?xml")
    assert main(["render", str(STARTER), "--format", "png"]) == 0
    assert (workdir / "starter.zh.png").read_bytes()[:4] == b"\x89PNG"


def test_output_file_and_format_from_its_extension(workdir):
    assert main(["render", str(STARTER), "-o", "picture.pdf"]) == 0
    assert (workdir / "picture.pdf").read_bytes().startswith(b"%PDF")
    assert main(["render", str(STARTER), "-o", "graph.dot"]) == 0
    assert (workdir / "graph.dot").read_text(encoding="utf-8").startswith("digraph blueprint {")
    assert main(["render", str(STARTER), "-o", "odd.name", "--format", "svg"]) == 0
    assert (workdir / "odd.name").read_text(encoding="utf-8").startswith("<?xml")


def test_several_files_or_a_directory_go_to_an_output_directory(workdir):
    folder = workdir / "in"
    folder.mkdir()
    for path in EXAMPLES[:2]:
        shutil.copy(path, folder / path.name)
    (folder / "notes.txt").write_text("not a blueprint", encoding="utf-8")
    assert main(["render", str(folder), str(STARTER), "-o", "out", "-f", "png"]) == 0
    written = sorted(p.name for p in (workdir / "out").iterdir())
    assert written == sorted([p.name.replace(".yaml", ".png") for p in EXAMPLES[:2]] + ["starter.zh.png"])


def test_same_names_from_different_folders_do_not_overwrite_each_other(workdir):
    for name in ("a", "b"):
        (workdir / name).mkdir()
        shutil.copy(STARTER, workdir / name / "hall.yaml")
    assert main(["render", "a/hall.yaml", "b/hall.yaml", "-o", "out"]) == 0
    assert sorted(p.name for p in (workdir / "out").iterdir()) == ["hall-2.svg", "hall.svg"]


def test_dash_writes_to_stdout(workdir, capsysbinary):
    assert main(["render", str(STARTER), "-o", "-", "-f", "png"]) == 0
    assert capsysbinary.readouterr().out[:4] == b"\x89PNG"
    assert main(["render", str(STARTER), "-o", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"<?xml")
    assert list(workdir.iterdir()) == []


def test_stdout_takes_one_input(workdir, capsys):
    assert main(["render", str(STARTER), str(STARTER), "-o", "-"]) == 2
    assert "one input" in capsys.readouterr().err


def test_a_file_that_cannot_load_gets_one_line_and_exit_1(workdir, capsys):
    (workdir / "broken.yaml").write_text("blueprint: 1\ntitle: [unclosed\n", encoding="utf-8")
    assert main(["render", "broken.yaml", str(STARTER), "-o", "out"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("broken.yaml:")
    assert [p.name for p in (workdir / "out").iterdir()] == ["starter.zh.svg"]  # the others still render


def test_content_problems_are_printed_and_what_can_be_drawn_is_drawn(workdir, capsys):
    (workdir / "bp.yaml").write_text(
        "blueprint: 1\ntitle: t\nsteps:\n"
        "- {id: a, lane: customer, label: A, next: [b, ghost]}\n"
        "- {id: b, lane: nowhere, label: B}\n"
        "- {id: c, lane: frontstage, label: C}\n", encoding="utf-8")
    assert main(["render", "bp.yaml"]) == 1
    err = capsys.readouterr().err
    assert "ghost" in err and "nowhere" in err
    svg = (workdir / "bp.svg").read_text(encoding="utf-8")
    assert '<g id="step-0" class="node step customer">' in svg and 'id="step-2"' in svg
    assert 'id="step-1"' not in svg  # its lane does not exist
    assert "step 'a': next step 'ghost' does not exist (unknown-reference)" in err  # English by default
    # Whoever gets only the picture sees that it is incomplete, and why.
    banner = re.search(r'<g id="problems" class="node problems">\n<title>([^<]*)</title>', svg)
    assert banner is not None
    assert banner.group(1).startswith("This drawing is incomplete: 2 problems in the file")
    assert "ghost" in banner.group(1) and "nowhere" in banner.group(1)


def test_strict_draws_nothing_for_a_file_with_problems_and_a_clean_file_has_no_banner(workdir, capsys):
    (workdir / "bp.yaml").write_text(
        "blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A, next: ghost}\n", encoding="utf-8")
    assert main(["render", "bp.yaml", "--strict"]) == 1
    assert "not drawn: 1 problem(s) (--strict)" in capsys.readouterr().err
    assert not (workdir / "bp.svg").exists()
    assert main(["render", str(STARTER), "--strict", "-o", "clean.svg"]) == 0
    assert 'class="node problems"' not in (workdir / "clean.svg").read_text(encoding="utf-8")


def test_locale_also_chooses_the_language_of_the_problems(workdir, capsys):
    text = "blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A, next: ghost}\n"
    (workdir / "bp.yaml").write_text(text, encoding="utf-8")
    (workdir / "broken.yaml").write_text("blueprint: 1\ntitle: [unclosed\n", encoding="utf-8")
    assert main(["render", "bp.yaml", "broken.yaml", "-o", "out", "--locale", "zh"]) == 1
    problem, error = capsys.readouterr().err.splitlines()
    assert problem == "bp.yaml:4:43: 步骤 'a'：下一步 'ghost' 不存在 (unknown-reference)"
    assert error.startswith("broken.yaml:3:1: 第 2 行开始的方括号列表中，")
    assert error.endswith("(yaml-syntax)")


def test_locale_and_no_evidence(workdir):
    assert main(["render", str(STARTER), "--locale", "en", "--no-evidence"]) == 0
    svg = (workdir / "starter.zh.svg").read_text(encoding="utf-8")
    assert "line of visibility" in svg and "互动分界线" not in svg
    assert 'class="node evidence"' not in svg


def test_hostile_input_names_a_safe_output_file(workdir):
    shutil.copy(FIXTURES / "hostile.yaml", workdir / "..hostile;rm -rf.yaml")
    assert main(["render", "..hostile;rm -rf.yaml"]) == 0
    assert [p.name for p in workdir.iterdir() if p.suffix == ".svg"] == ["hostile;rm_-rf.svg"]


def test_missing_file_and_empty_directory(workdir, capsys):
    (workdir / "empty").mkdir()
    assert main(["render", "nope.yaml"]) == 2
    assert main(["render", "empty"]) == 2
    err = capsys.readouterr().err
    assert "nope.yaml" in err and "no .yaml or .yml files" in err


def test_stdin(workdir, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STARTER.read_bytes())))
    assert main(["render", "-"]) == 0
    assert (workdir / "blueprint.svg").exists()
