"""Output formats, each checked by parsing it back."""

import json
import re

import pytest

from blueprint.lint import Finding, lint, registry
from blueprint.lint.formats import FORMATS, github, json_text, parsable, render, sarif, standard, use_color

from .helpers import fixture

FINDINGS = [*lint(fixture("dead-end", "invalid-no-way-out.yaml")),
            *lint(fixture("empty-lane", "invalid-unused.yaml"))]
TRICKY = Finding("dir,x/a:b.yaml", 3, 7, "error", "schema", "100% wrong:\r\nsee 'x', then \"y\"")
PARSABLE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): \[(?P<level>error|warning|info)\] "
                      r"(?P<message>.+) \((?P<rule>[a-z-]+)\)$")


def test_findings_cover_several_files_and_levels():
    assert len({f.path for f in FINDINGS}) == 2
    assert {f.level for f in FINDINGS} == {"warning", "info"}


def test_parsable_is_exactly_one_line_per_finding():
    lines = parsable(FINDINGS).splitlines()
    assert len(lines) == len(FINDINGS)
    for line, finding in zip(lines, FINDINGS):
        match = PARSABLE.match(line)
        assert match, line
        assert (match["path"], int(match["line"]), int(match["column"]), match["level"], match["rule"],
                match["message"]) == (finding.path, finding.line, finding.column, finding.level,
                                      finding.rule, finding.message)


def test_json_round_trips():
    rows = json.loads(json_text(FINDINGS + [TRICKY]))
    assert [Finding(**row) for row in rows] == FINDINGS + [TRICKY]
    assert list(rows[0]) == ["path", "line", "column", "level", "rule", "message"]
    assert json.loads(json_text([])) == []


def test_json_keeps_unicode_readable():
    finding = Finding("营业厅.yaml", 1, 1, "info", "empty-lane", "lane '后台' has no steps")
    assert "营业厅.yaml" in json_text([finding])


def test_sarif_has_the_required_properties():
    log = json.loads(sarif(FINDINGS + [TRICKY]))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "blueprint-lint"
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == list(registry.RULES)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "## Failing example" in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run["results"]
    assert len(results) == len(FINDINGS) + 1
    for result, finding in zip(results, FINDINGS + [TRICKY]):
        assert result["ruleId"] == finding.rule
        assert rules[result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.level]
        assert result["message"]["text"] == finding.message
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        assert physical["region"] == {"startLine": finding.line, "startColumn": finding.column}
    assert results[-1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir%2Cx/a%3Ab.yaml"


def test_sarif_uris():
    def uri(path):
        log = json.loads(sarif([Finding(path, 1, 1, "error", "schema", "m")]))
        return log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]

    assert uri("examples/hall walk.yaml") == "examples/hall%20walk.yaml"
    assert uri("/abs/营业厅.yaml") == "file:///abs/%E8%90%A5%E4%B8%9A%E5%8E%85.yaml"


# ::level file=...,line=...,col=...,title=...::message with the escaping GitHub requires:
# properties have no raw % , : \r \n; the message has no raw % \r \n.
GITHUB = re.compile(r"^::(?P<level>error|warning|notice) file=(?P<file>[^,:\r\n]*),line=(?P<line>\d+),"
                    r"col=(?P<col>\d+),title=(?P<title>[^,:\r\n]*)::(?P<message>[^\r\n]*)$")


def unescape(text):
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def test_github_annotations_follow_the_grammar():
    text = github(FINDINGS + [TRICKY])
    lines = text.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == len(FINDINGS) + 1
    for line, finding in zip(lines, FINDINGS + [TRICKY]):
        match = GITHUB.match(line)
        assert match, line
        assert match["level"] == {"error": "error", "warning": "warning", "info": "notice"}[finding.level]
        assert unescape(match["file"]) == finding.path
        assert (int(match["line"]), int(match["col"])) == (finding.line, finding.column)
        assert unescape(match["title"]) == finding.rule
        assert unescape(match["message"]) == finding.message
    assert lines[-1] == ("::error file=dir%2Cx/a%3Ab.yaml,line=3,col=7,title=schema::"
                         "100%25 wrong:%0D%0Asee 'x', then \"y\"")


def test_standard_groups_by_file_without_colour():
    text = standard(FINDINGS)
    assert "\033[" not in text
    blocks = text.split("\n\n")
    assert blocks[0].splitlines()[0] == FINDINGS[0].path
    assert blocks[1].splitlines()[0] == FINDINGS[-1].path
    assert text.endswith("5 problems (0 errors, 4 warnings, 1 info)\n")
    for finding in FINDINGS:
        assert f"  {finding.line}:{finding.column}" in text and f"({finding.rule})" in text
    assert standard([]) == ""


def test_standard_with_colour():
    text = standard(FINDINGS, color=True)
    assert "\033[33mwarning" in text and "\033[36minfo" in text and "\033[4m" in text


class _Stream:
    def __init__(self, tty):
        self.tty = tty

    def isatty(self):
        return self.tty


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(_Stream(True)) and not use_color(_Stream(False))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(_Stream(True))


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_dispatches(fmt):
    assert render(FINDINGS, fmt) == {"standard": standard, "parsable": parsable, "json": json_text,
                                     "sarif": sarif, "github": github}[fmt](FINDINGS)


def test_render_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(FINDINGS, "xml")
