"""The command line: exit codes (0 ok, 1 problems, 2 usage or I/O), new, schema, stats, graph."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import networkx as nx
import pytest

import blueprint
from blueprint.cli import main

from .conftest import BEFORE, EXAMPLES, ROOT

CLEAN = ROOT / "blueprint" / "templates" / "starter.zh.yaml"
BROKEN = "blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customerr, label: A}\n"


def run(*argv):
    """The installed console script, as a user runs it."""
    exe = shutil.which("blueprint", path=str(ROOT / ".venv" / "bin")) or shutil.which("blueprint")
    assert exe, "the blueprint console script is installed"
    return subprocess.run([exe, *argv], capture_output=True, text=True, timeout=60)


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"blueprint {blueprint.__version__}"


def test_help_lists_the_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("new", "stats", "graph", "schema"):
        assert command in out


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().err


def test_unknown_command_and_option_are_usage_errors(capsys):
    assert main(["explode"]) == 2
    assert main(["stats", "--frobnicate", str(CLEAN)]) == 2
    assert "usage:" in capsys.readouterr().err


def test_console_script_and_python_m_agree():
    script = run("--version")
    module = subprocess.run([sys.executable, "-m", "blueprint", "--version"], capture_output=True, text=True)
    assert script.returncode == module.returncode == 0
    assert script.stdout == module.stdout == f"blueprint {blueprint.__version__}\n"


# --- new ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("locale", ["zh", "en"])
def test_new_writes_a_starter_that_loads_clean(tmp_path, capsys, locale):
    path = tmp_path / f"hall.{locale}.yaml"
    assert main(["new", "--locale", locale, str(path)]) == 0
    bp = blueprint.load(path)
    assert bp.ok and bp.locale == locale and len(bp.steps) >= 5
    assert str(path) in capsys.readouterr().out


def test_new_with_a_title_that_needs_quoting(tmp_path):
    path = tmp_path / "t.yaml"
    title = 'Hall: "peak" #1 — 高峰'
    assert main(["new", "--title", title, str(path)]) == 0
    assert blueprint.load(path).title == title


def test_new_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "keep.yaml"
    path.write_text("my work\n", encoding="utf-8")
    assert main(["new", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "my work\n"
    assert "exists" in capsys.readouterr().err


def test_new_into_a_missing_directory_is_an_io_error(tmp_path, capsys):
    assert main(["new", str(tmp_path / "no" / "such" / "dir.yaml")]) == 2
    assert "No such file or directory" in capsys.readouterr().err


def test_new_bad_locale_is_a_usage_error(tmp_path):
    assert main(["new", "--locale", "fr", str(tmp_path / "x.yaml")]) == 2


# --- schema ------------------------------------------------------------------------------------

def test_schema_prints_the_json_schema(capsys):
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads((ROOT / "blueprint" / "schema.json").read_text(encoding="utf-8"))


def test_schema_to_a_file(tmp_path):
    out = tmp_path / "blueprint.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"].startswith("Service blueprint")


# --- stats -------------------------------------------------------------------------------------

def test_stats_text(capsys):
    assert main(["stats", str(CLEAN)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"新建服务蓝图 ({CLEAN})"
    assert "steps           10" in out
    assert "customer 1, frontstage 2, backstage 1, support 1" in out
    assert "line of interaction 6" in out


def test_stats_json_counts(capsys):
    assert main(["stats", "--json", str(CLEAN)]) == 0
    result = json.loads(capsys.readouterr().out)
    graph = blueprint.load(CLEAN).to_graph()
    assert result["steps"] == graph.number_of_nodes() == 10
    assert result["lanes_by_zone"] == {"customer": 1, "frontstage": 2, "backstage": 1, "support": 1}
    assert result["phases"] == 3
    assert result["flows"] == 9 and result["flows_by_kind"]["recovery"] == 1
    assert result["handoffs"] == sum(1 for *_e, d in graph.edges(data=True) if d["handoff"] and d["kind"] != "recovery")
    assert result["crossings_by_line"] == {
        "line-of-interaction": 6, "line-of-visibility": 2, "line-of-internal-interaction": 2}
    assert result["fail_points"] == 1 and result["wait_points"] == 1
    assert result["touchpoints_by_kind"]["people"] == 3 and result["touchpoints_by_kind"]["print"] == 2


def test_stats_of_a_file_with_problems_prints_them_and_exits_1(tmp_path, capsys):
    path = tmp_path / "b.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["stats", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}:4:19: step 'a': lane 'customerr' is not declared (did you mean 'customer'?) (unknown-reference)" \
        in captured.err
    assert "steps           1" in captured.out


def test_stats_and_graph_print_the_problems_in_chinese_with_locale_zh(tmp_path, capsys):
    path = tmp_path / "b.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    line = f"{path}:4:19: 步骤 'a'：泳道 'customerr' 没有声明（是不是 'customer'？） (unknown-reference)"
    for command in ("stats", "graph"):
        assert main([command, str(path), "--locale", "zh"]) == 1
        assert line in capsys.readouterr().err
    path.write_text("blueprint: 1\ntitle: [\n", encoding="utf-8")
    with pytest.raises(blueprint.BlueprintError) as exc:
        blueprint.load(path)
    assert main(["stats", str(path), "--locale", "zh"]) == 1
    assert capsys.readouterr().err == f"{path}:3:1: {exc.value.message_zh} (yaml-syntax)\n"


def test_stats_from_stdin():
    result = subprocess.run([sys.executable, "-m", "blueprint", "stats", "--json", "-"],
                            input=CLEAN.read_text(encoding="utf-8"), capture_output=True, text=True)
    assert result.returncode == 0 and json.loads(result.stdout)["path"] == "<stdin>"


@pytest.mark.parametrize("path", [p for p in EXAMPLES if p.name != BEFORE], ids=lambda p: p.name)
def test_stats_of_every_example_is_clean(path, capsys):
    assert main(["stats", str(path)]) == 0
    assert capsys.readouterr().err == ""


# --- graph -------------------------------------------------------------------------------------

def test_graph_json(capsys):
    assert main(["graph", str(CLEAN), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    graph = nx.node_link_graph(data, edges="links")
    assert graph.number_of_nodes() == 10 and graph.is_multigraph() and graph.is_directed()
    assert graph.nodes["serve"]["fail"] == "证件不齐，无法办理"


def test_graph_graphml_to_file(tmp_path):
    out = tmp_path / "g.graphml"
    assert main(["graph", str(CLEAN), "--format", "graphml", "-o", str(out)]) == 0
    graph = nx.read_graphml(out)
    assert graph.number_of_nodes() == 10
    assert {d["kind"] for *_e, d in graph.edges(data=True)} == {"flow", "recovery"}


def test_graph_bad_format_is_a_usage_error():
    assert main(["graph", str(CLEAN), "--format", "dot"]) == 2


def test_graph_of_a_broken_file_exits_1(tmp_path, capsys):
    path = tmp_path / "b.yaml"
    path.write_text("blueprint: 1\ntitle: [\n", encoding="utf-8")
    assert main(["graph", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "(yaml-syntax)" in captured.err


def test_the_real_process_never_prints_a_traceback(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    for argv in (["stats", str(path)], ["graph", str(path)], ["stats", str(tmp_path)], ["new", str(path)]):
        result = run(*argv)
        assert result.returncode in (1, 2) and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
