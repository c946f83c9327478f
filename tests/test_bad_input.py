"""Input that is not a blueprint: one clear error with its position, fast, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

import blueprint
from blueprint import BlueprintError, Limits
from blueprint.cli import main

from .conftest import CJK
from .test_safeyaml import BILLION_LAUGHS

ONE_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+) \((?P<rule>[a-z-]+)\)$")


def load_error(path) -> BlueprintError:
    """The error loading ``path`` raises; it says the same in Chinese."""
    with pytest.raises(BlueprintError) as exc:
        blueprint.load(path)
    assert CJK.search(exc.value.message_zh), exc.value.message_zh
    return exc.value


def cli_error(path, capsys) -> re.Match:
    """Run `blueprint stats PATH`: exit 1, one line on stderr, nothing on stdout."""
    code = main(["stats", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    match = ONE_LINE.match(lines[0])
    assert match, lines[0]
    assert match["path"] == str(path)
    return match


def test_malformed_yaml(write, capsys):
    path = write("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer\n  - b\n")
    err = load_error(path)
    # libyaml notices the unclosed mapping where the input ends; the message says where it opened.
    assert err.rule == "yaml-syntax" and (err.pos.line, err.pos.column) == (6, 1)
    assert err.message == "did not find expected ',' or '}' (while parsing a flow mapping at line 4)"
    match = cli_error(path, capsys)
    assert match["rule"] == "yaml-syntax" and match["line"] == "6"


def test_duplicate_key(write, capsys):
    path = write("blueprint: 1\ntitle: t\nsteps:\n  - id: a\n    lane: customer\n    label: A\n    label: B\n")
    err = load_error(path)
    assert err.rule == "duplicate-key" and (err.pos.line, err.pos.column) == (7, 5)
    assert "duplicate key 'label' (first at line 6, column 5)" in err.message
    assert cli_error(path, capsys)["rule"] == "duplicate-key"


def test_alias_bomb_fails_fast(write, capsys):
    path = write(BILLION_LAUGHS)
    start = time.perf_counter()
    err = load_error(path)
    assert time.perf_counter() - start < 1.0
    assert err.rule == "input-limit" and "alias" in err.message
    assert cli_error(path, capsys)["rule"] == "input-limit"


def test_file_over_the_default_size_limit(write, capsys):
    path = write("# " + "x" * (5 * 1024 * 1024) + "\n")
    start = time.perf_counter()
    err = load_error(path)
    assert time.perf_counter() - start < 1.0
    assert err.rule == "input-limit" and "over the 5.0 MB limit" in err.message
    assert (err.pos.line, err.pos.column) == (1, 1)
    assert cli_error(path, capsys)["rule"] == "input-limit"


def test_size_limit_is_configurable(write):
    path = write("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A}\n")
    assert blueprint.load(path).ok
    with pytest.raises(BlueprintError) as exc:
        blueprint.load(path, limits=Limits(max_bytes=20))
    assert exc.value.rule == "input-limit"


def test_nesting_deeper_than_the_limit(write, capsys):
    path = write("blueprint: 1\ntitle: t\nsteps: " + "[" * 100_000 + "]" * 100_000 + "\n")
    err = load_error(path)
    assert err.rule == "input-limit" and "deeper than 64 levels" in err.message
    assert err.pos.line == 3
    assert cli_error(path, capsys)["rule"] == "input-limit"


def test_non_utf8_file(write, capsys):
    path = write("blueprint: 1\ntitle: 营业厅\n".encode("gbk") + b"steps: []\n")
    err = load_error(path)
    assert err.rule == "yaml-syntax" and "not UTF-8" in err.message
    # The GBK bytes of 营业 happen to be valid UTF-8 pairs; decoding fails at 厅, column 10.
    assert (err.pos.line, err.pos.column) == (2, 10)
    assert cli_error(path, capsys)["line"] == "2"


def test_utf16_file(write, capsys):
    path = write("blueprint: 1\n".encode("utf-16"))
    err = load_error(path)
    assert err.rule == "yaml-syntax" and "UTF-16" in err.message
    cli_error(path, capsys)


def test_binary_file(write, capsys):
    path = write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    err = load_error(path)
    assert err.rule == "yaml-syntax" and "binary file" in err.message
    assert cli_error(path, capsys)["rule"] == "yaml-syntax"


@pytest.mark.parametrize("content", ["", "\n\n", "# just a comment\n", "---\n"])
def test_empty_file(write, capsys, content):
    path = write(content)
    err = load_error(path)
    assert err.rule == "schema" and "empty file" in err.message
    assert (err.pos.line, err.pos.column) == (1, 1)
    cli_error(path, capsys)


@pytest.mark.parametrize(
    "content, kind, line",
    [("- a\n- b\n", "a list", 1), ("just text\n", "text", 1), ("42\n", "the number 42", 1),
     ("\n\n- {id: a}\n", "a list", 3)],
)
def test_top_level_not_a_mapping(write, capsys, content, kind, line):
    path = write(content)
    err = load_error(path)
    assert err.rule == "schema" and f"not {kind}" in err.message
    assert err.pos.line == line
    cli_error(path, capsys)


def test_hostile_labels_load_as_literal_text(write, capsys):
    label = '<script>alert("x")</script> ]; {} \\ "'
    path = write(
        "blueprint: 1\ntitle: '<img src=x onerror=alert(1)>'\nsteps:\n"
        f"  - id: a\n    lane: customer\n    label: '{label}'\n"
    )
    bp = blueprint.load(path)
    assert bp.ok and bp.steps[0].label == label and bp.title.startswith("<img")
    assert main(["stats", str(path)]) == 0
    assert "<img src=x onerror=alert(1)>" in capsys.readouterr().out


def test_missing_file_is_an_io_error(tmp_path, capsys):
    assert main(["stats", str(tmp_path / "nope.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No such file or directory" in err


def test_directory_is_an_io_error(tmp_path, capsys):
    assert main(["stats", str(tmp_path)]) == 2
    assert "Is a directory" in capsys.readouterr().err


def test_no_traceback_from_the_real_process(write):
    path = write(BILLION_LAUGHS)
    result = subprocess.run([sys.executable, "-m", "blueprint", "stats", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert ONE_LINE.match(result.stderr.strip())
