"""Every finding in Chinese too (``message_zh``), and the English outputs exactly as they were."""

import json

import pytest

from blueprint.lint import Finding, lint, registry
from blueprint.lint.formats import FORMATS, render

from ..conftest import CJK, EXAMPLES, ROOT, TEMPLATES
from .helpers import FIXTURES, fixture

INVALID = sorted(FIXTURES.glob("*/invalid-*.yaml"))
#: Every YAML file of the repository's examples, templates and tests (the loader's and renderer's
#: fixtures too: many are broken on purpose).
EVERY_FILE = [*EXAMPLES, *TEMPLATES, *sorted((ROOT / "tests").glob("**/*.yaml"))]


def _name(path):
    return f"{path.parent.name}/{path.name}"


def test_every_rule_with_findings_has_invalid_fixtures():
    assert {path.parent.name for path in INVALID} == set(registry.RULES) - {"rule-error"}


@pytest.mark.parametrize("path", INVALID, ids=_name)
def test_every_rule_says_its_findings_in_chinese(path):
    rule = path.parent.name
    found = [f for f in lint(path) if f.rule == rule]
    assert found
    for finding in found:
        assert CJK.search(finding.message_zh), finding
        assert finding.text("zh") == finding.message_zh


@pytest.mark.parametrize("path", EVERY_FILE, ids=_name)
def test_every_finding_of_every_file_has_both_languages(path):
    for finding in lint(path):
        assert finding.text("en") == finding.message == finding.text("fr")
        assert finding.text("zh") and finding.text("zh") != finding.message
        assert "\n" not in finding.message_zh


@pytest.mark.parametrize(
    "rule, name, words",
    [
        ("missing-handoff", "invalid-customer-to-backstage.yaml", ["顾客步骤", "后台步骤", "前台", "交接"]),
        ("open-loop", "invalid-never-confirmed.yaml", ["交接", "后台步骤", "闭环"]),
        ("fail-without-recovery", "invalid-no-recovery.yaml", ["失误点", "补救", "'recovery:'"]),
        ("wait-without-standard", "invalid-unbounded.yaml", ["等待点", "服务时限", "'wait: 10min'"]),
        ("standard-exceeded", "invalid-longest-branch.yaml", ["服务标准", "时限", "分钟"]),
        ("dead-end", "invalid-no-way-out.yaml", ["没有出口", "'next:'"]),
        ("empty-lane", "invalid-unused.yaml", ["泳道", "步骤"]),
    ],
)
def test_chinese_messages_use_the_designers_words_and_keep_the_files(rule, name, words):
    path = fixture(rule, name)
    (first, *_rest) = [f for f in lint(path) if f.rule == rule]
    for word in words:
        assert word in first.message_zh, (word, first.message_zh)
    ids = [part for part in first.message.split("'")[1::2] if " " not in part and ":" not in part]
    for ident in ids:  # ids from the file are quoted as written, in both languages
        assert f"'{ident}'" in first.message_zh


def test_findings_compare_and_sort_by_their_english():
    a = Finding("a.yaml", 1, 1, "error", "cycle", "m", "甲")
    b = Finding("a.yaml", 1, 1, "error", "cycle", "m")
    assert a == b == Finding("a.yaml", 1, 1, "error", "cycle", "m", "乙") and hash(a) == hash(b)
    assert sorted([Finding("a.yaml", 2, 1, "error", "cycle", "m", "甲"), a])[0] is a


def test_a_file_that_does_not_load_is_one_finding_in_both_languages():
    (finding,) = lint("blueprint: 1\ntitle: [unclosed\n", path="bad.yaml")
    assert finding.rule == "yaml-syntax" and CJK.search(finding.message_zh)


def test_a_rule_that_yields_english_alone_is_shown_in_english(monkeypatch):
    monkeypatch.setitem(registry.CHECKS, "empty-lane", type("Rule", (), {
        "check": staticmethod(lambda ctx, options: iter([(ctx.bp.steps[0].pos, "only English")]))}))
    (finding,) = [f for f in lint(fixture("empty-lane", "invalid-unused.yaml")) if f.rule == "empty-lane"]
    assert finding.message_zh == "" and finding.text("zh") == "only English"


# -- outputs ------------------------------------------------------------------------------------------

FINDINGS = [f for path in INVALID for f in lint(path)]


def test_the_findings_are_in_two_languages():
    assert FINDINGS and all(f.message_zh and f.message_zh != f.message for f in FINDINGS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_chinese_never_leaks_into_the_english_outputs(fmt):
    text = render(FINDINGS, fmt)
    assert text == render(FINDINGS, fmt, locale="en")
    for finding in FINDINGS:
        assert finding.message_zh not in text
    if fmt == "json":
        rows = json.loads(text)
        assert [row["message"] for row in rows] == [f.message for f in FINDINGS]
        assert all(set(row) == {"path", "line", "column", "level", "rule", "message"} for row in rows)
    if fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        assert [r["message"]["text"] for r in results] == [f.message for f in FINDINGS]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_the_chinese_with_locale_zh(fmt):
    text = render(FINDINGS, fmt, locale="zh")
    for finding in FINDINGS:
        assert finding.message not in text
    if fmt == "parsable":
        assert text.splitlines() == [f.describe("zh") for f in FINDINGS]
    if fmt == "json":
        assert [row["message"] for row in json.loads(text)] == [f.message_zh for f in FINDINGS]
    if fmt == "sarif":
        run = json.loads(text)["runs"][0]
        assert [r["message"]["text"] for r in run["results"]] == [f.message_zh for f in FINDINGS]
        assert all(r["level"] in ("error", "warning", "note") for r in run["results"])
    if fmt == "standard":
        assert text.endswith("个提示）\n") and "错误" in text
