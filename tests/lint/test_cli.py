"""`blueprint lint` and `blueprint rules`: paths, formats, config, exit codes."""

import io
import json
import subprocess
import sys

import pytest

from blueprint.cli import main
from blueprint.lint import lint, registry

from ..conftest import ROOT
from .helpers import fixture

CLEAN = fixture("cycle", "valid-return-closes.yaml")
WARNINGS = fixture("dead-end", "invalid-no-way-out.yaml")       # warnings only
ERRORS = fixture("missing-handoff", "invalid-support-returns-to-customer.yaml")
INFO = fixture("empty-lane", "invalid-unused.yaml")              # info only


@pytest.fixture(autouse=True)
def no_config_around(tmp_path, monkeypatch):
    """Run from an empty directory so no .blueprintlint.yaml of the checkout is picked up."""
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv):
    code = main(["lint", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path, strict, code", [
    (CLEAN, False, 0), (CLEAN, True, 0),
    (INFO, False, 0), (INFO, True, 0),
    (WARNINGS, False, 0), (WARNINGS, True, 1),
    (ERRORS, False, 1), (ERRORS, True, 1),
])
def test_exit_codes(capsys, path, strict, code):
    args = ["-f", "parsable", path] + (["--strict"] if strict else [])
    assert run(capsys, *args)[0] == code


def test_clean_file_prints_nothing(capsys):
    assert run(capsys, CLEAN) == (0, "", "")


def test_several_files_in_order(capsys):
    code, out, _err = run(capsys, "-f", "parsable", ERRORS, WARNINGS)
    paths = [line.split(":", 1)[0] for line in out.splitlines()]
    assert code == 1
    assert paths == [str(ERRORS)] + [str(WARNINGS)] * 4


def test_missing_file_is_exit_2_and_others_are_still_linted(capsys, tmp_path):
    code, out, err = run(capsys, "-f", "parsable", tmp_path / "missing.yaml", ERRORS)
    assert code == 2
    assert err == f"blueprint: {tmp_path / 'missing.yaml'}: No such file or directory\n"
    assert "missing-handoff" in out


@pytest.mark.parametrize("argv", [[], ["-f", "xml", "x.yaml"], ["--bogus", "x.yaml"]])
def test_usage_errors_are_exit_2(capsys, argv):
    assert main(["lint", *argv]) == 2
    assert "usage:" in capsys.readouterr().err


def test_directories_are_searched_recursively(capsys, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    bad = "blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A}\n"
    for name in ("a/one.yaml", "a/b/two.yml", "a/notes.txt", ".hidden/three.yaml", "a/.four.yaml"):
        (tmp_path / name).write_text(bad, encoding="utf-8")
    code, out, _err = run(capsys, "-f", "parsable", tmp_path / "a", tmp_path / "a" / "one.yaml")
    linted = [line.split(":", 1)[0] for line in out.splitlines()]
    # a directory's own files first, then its subdirectories; one.yaml only once
    assert linted == [str(tmp_path / "a" / "one.yaml"), str(tmp_path / "a" / "b" / "two.yml")]
    assert code == 0  # isolated-step is a warning


def test_stdin(capsys, monkeypatch):
    data = ERRORS.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _err = run(capsys, "-f", "json", "-")
    rows = json.loads(out)
    assert code == 1
    got = [(r["path"], r["line"], r["column"], r["rule"]) for r in rows]
    assert got == [("<stdin>", 9, 22, "missing-handoff")]


def test_config_is_found_from_the_current_directory_upward(capsys, tmp_path, monkeypatch):
    (tmp_path / ".blueprintlint.yaml").write_text("rules:\n  dead-end: {level: error}\n", encoding="utf-8")
    nested = tmp_path / "deep" / "er"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    code, out, _err = run(capsys, "-f", "parsable", WARNINGS)
    assert code == 1
    assert "[error] backstage step 'check' has no way out" in out


def test_explicit_config_wins(capsys, tmp_path):
    (tmp_path / ".blueprintlint.yaml").write_text("rules:\n  dead-end: {level: error}\n", encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text("extends: default\nrules:\n  dead-end: disable\n  open-loop: disable\n",
                     encoding="utf-8")
    assert run(capsys, "-c", other, WARNINGS) == (0, "", "")


def test_invalid_config_is_exit_2_with_position(capsys, tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text("rules:\n  dead-ends: disable\n", encoding="utf-8")
    code, out, err = run(capsys, "-c", config, WARNINGS)
    assert (code, out) == (2, "")
    assert err == (f"invalid config: {config}:2:3: rule 'dead-ends' does not exist "
                   "(did you mean 'dead-end'?)\n")


@pytest.mark.parametrize("fmt", ["standard", "parsable", "json", "sarif", "github"])
def test_every_format_from_the_command_line(capsys, fmt):
    code, out, _err = run(capsys, "-f", fmt, ERRORS)
    assert code == 1 and str(ERRORS.name) in out
    if fmt in ("json", "sarif"):
        json.loads(out)


@pytest.mark.parametrize("fmt", ["standard", "parsable", "json", "sarif", "github"])
def test_every_format_in_chinese(capsys, fmt):
    findings = lint(ERRORS)
    code, out, _err = run(capsys, "-f", fmt, "--locale", "zh", ERRORS)
    assert code == 1
    for finding in findings:
        assert finding.message_zh in out and finding.message not in out
    assert run(capsys, "-f", fmt, ERRORS)[1] == run(capsys, "-f", fmt, "--locale", "en", ERRORS)[1]


def test_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(registry.RULES)
    assert [line.split()[1] for line in lines] == [m.LEVEL for m in registry.RULES.values()]
    assert "open-loop" in lines[8] and "never comes back" in lines[8]


def test_rules_shows_one_rule(capsys):
    assert main(["rules", "open-loop"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("open-loop (warning)\n\nWork handed to the backstage")
    for section in ("## What it finds", "## Why it matters", "## Failing example", "## Passing example"):
        assert section in out


def test_rules_unknown_id(capsys):
    assert main(["rules", "open-lop"]) == 2
    assert capsys.readouterr().err == ("blueprint: no rule 'open-lop' (did you mean 'open-loop'?); "
                                       "'blueprint rules' lists them\n")


def test_rules_in_chinese(capsys):
    assert main(["rules", "--locale", "zh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(registry.RULES)
    assert "open-loop" in lines[8] and "再也没有回到前台或顾客那里" in lines[8]
    assert main(["rules", "open-loop", "--locale", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("open-loop (warning)\n\n交给后台或支持的事情")
    for section in ("## 发现什么", "## 为什么重要", "## 错误示例", "## 正确示例"):
        assert section in out
    assert main(["rules", "yaml-syntax", "--locale", "zh"]) == 0
    assert capsys.readouterr().out.startswith("yaml-syntax (error，始终如此：配置无法关闭或降低它)\n")
    assert main(["rules", "open-lop", "--locale", "zh"]) == 2
    assert capsys.readouterr().err == ("blueprint: 没有规则 'open-lop'（是不是 'open-loop'？）；"
                                       "'blueprint rules' 会列出所有规则\n")


def test_the_installed_command(tmp_path):
    """The real entry point, as pre-commit and CI call it: exit status and output."""
    done = subprocess.run([sys.executable, "-m", "blueprint", "lint", "-f", "github", str(ERRORS)],
                          capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 1
    assert done.stdout.startswith(f"::error file={ERRORS},line=9,col=22,title=missing-handoff::")
    assert done.stderr == ""


def test_pre_commit_hook_definition():
    from blueprint.safeyaml import read_yaml

    (hook,) = read_yaml((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "blueprint-lint"
    assert hook["entry"] == "blueprint lint --skip-non-blueprints"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.ya?ml$"
    assert hook["types"] == ["yaml"]
