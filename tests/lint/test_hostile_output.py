"""Output cannot forge findings or drive the terminal: a file whose name, keys, ids and title hold
ESC sequences, OSC titles, CR, line breaks, bidi overrides and workflow commands prints, in every
format, no raw control or bidi character, no extra line, and no ``::`` command but the findings'."""

from __future__ import annotations

import json
import re

import pytest

from blueprint.cli import main
from blueprint.lint import lint
from blueprint.lint.formats import FORMATS

from ..conftest import where

HOSTILE = (
    'blueprint: 1\n'
    'title: "\\e]0;owned\\a\\e[2J title"\n'
    'steps:\n'
    '  - {id: "a\\e[31m", lane: customer, label: A, next: b}\n'
    '  - {id: b, lane: frontstage, label: B, next: "c\\u202egpj.exe"}\n'
    '  - {id: c, lane: frontstage, label: C, "k\\nsrc/app.py:1:1: [error] forged finding (schema)": 1}\n'
    '  - {id: d, lane: frontstage, label: D, "x\\r::error file=app.py::50% pwned\\x9b": 1}\n'
)
#: What a terminal or a log viewer acts on: C0 (but tab and the line feeds ending lines), DEL, C1, bidi
#: controls, and the Unicode line and paragraph separators.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
#: The findings the file gives: the refused id and reference, two keys, and no other line.
EXPECTED = [("schema", "\"a"), ("schema", '"c'), ("unknown-key", '"k'), ("unknown-key", '"x')]


@pytest.fixture
def hostile(tmp_path):
    """The file, under a name that is itself hostile (Linux allows any byte but / and NUL)."""
    path = tmp_path / "evil\x1b[31m\n::error file=a::b\u202e.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_the_loader_refuses_the_ids_and_reports_the_keys_where_they_are(hostile):
    findings = [f for f in lint(hostile) if f.level == "error"]
    assert [(f.rule, f.line, f.column) for f in findings] == [
        (rule, *where(HOSTILE, needle)) for rule, needle in EXPECTED]
    assert "U+001B" in findings[0].message and "U+202E" in findings[1].message


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", ["en", "zh"])
def test_no_format_prints_a_raw_control_character_or_an_extra_line(hostile, capsys, fmt, locale):
    assert main(["lint", "-f", fmt, "--locale", locale, str(hostile)]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert not RAW.search(out), RAW.search(out)
    findings = lint(hostile)
    lines = out.splitlines()
    if fmt in ("json", "sarif"):
        data = json.loads(out)  # the same data: JSON escapes decode to the characters
        results = data if fmt == "json" else data["runs"][0]["results"]
        assert len(results) == len(findings)
        paths = {r["path"] for r in results} if fmt == "json" else {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert len(paths) == 1 and "evil" in paths.pop()
    elif fmt == "standard":
        assert len(lines) == 1 + len(findings) + 2  # the file, a line per finding, a blank, the count
        assert lines[0] == str(hostile).replace("\x1b", "\\x1b").replace("\n", "\\n").replace("\u202e", "\\u202e")
    else:
        assert len(lines) == len(findings)


def test_parsable_lines_are_one_finding_each_with_the_escapes_shown(hostile, capsys):
    main(["lint", "-f", "parsable", str(hostile)])
    lines = capsys.readouterr().out.splitlines()
    shown = str(hostile).replace("\x1b", "\\x1b").replace("\n", "\\n").replace("\u202e", "\\u202e")
    assert all(line.startswith(f"{shown}:") for line in lines)
    assert [line.rsplit("(", 1)[1] for line in lines if "[error]" in line] == [
        "schema)", "schema)", "unknown-key)", "unknown-key)"]
    assert not any(line.startswith("src/app.py") for line in lines)
    assert "'a\\x1b[31m'" in lines[0] and "'c\\u202egpj.exe'" in "\n".join(lines)


def test_github_issues_no_command_but_the_findings(hostile, capsys):
    main(["lint", "-f", "github", str(hostile)])
    out = capsys.readouterr().out
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert commands == lines and len(commands) == len(lint(hostile))
    for line in commands:
        head, _, data = line.partition("::")[2].partition("::")
        assert re.fullmatch(r"(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,title=[a-z-]+", head), head
        assert "\r" not in data and "\n" not in data
    # GitHub's own encoding of the file name's line break, and of % in a message
    assert "/evil\\x1b[31m%0A%3A%3Aerror file=a%3A%3Ab\\u202e.yaml" in lines[0]
    assert "50%25 pwned" in out



def test_every_other_command_prints_no_raw_control_character(hostile, tmp_path, capsys):
    import xml.etree.ElementTree as ET

    path = str(hostile)
    for argv in (["stats", path], ["stats", "--json", path], ["graph", path], ["graph", "-f", "graphml", path],
                 ["render", path, "-o", str(tmp_path / "out.svg")], ["render", path, "-f", "dot", "-o", "-"]):
        assert main(argv) == 1
        out, err = capsys.readouterr()
        assert not RAW.search(out + err), (argv, RAW.search(out + err))
        assert err.count("\n") == 4, (argv, err)  # the four problems, a line each
        if argv[-1] == "graphml":
            ET.fromstring(out.encode("utf-8"))  # well-formed: XML cannot hold an ESC at all
    main(["stats", path])
    assert capsys.readouterr().out.startswith("\\x1b]0;owned\\x07\\x1b[2J title (")
