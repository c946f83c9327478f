"""The Python API: blueprint.lint(path | text | Blueprint, config) -> sorted list of Finding."""

import sys
import types

import pytest

import blueprint
from blueprint.lint import LEVELS, Finding
from blueprint.phrases import Phrase

from ..conftest import BEFORE, ROOT
from .helpers import fixture

PATH = fixture("dead-end", "invalid-no-way-out.yaml")


def test_exported_from_the_package():
    import blueprint.lint.formats  # importing a submodule must not replace the function
    import blueprint.lint.registry as registry

    assert isinstance(blueprint.lint, types.ModuleType) and callable(blueprint.lint)
    assert registry is sys.modules["blueprint.lint.registry"] and blueprint.lint.registry is registry
    assert blueprint.lint(PATH) == blueprint.lint.lint(PATH)
    assert blueprint.Finding is Finding
    assert {"lint", "Finding"} <= set(blueprint.__all__)
    assert LEVELS == ("error", "warning", "info")


def test_path_text_and_blueprint_give_the_same_findings():
    text = PATH.read_text(encoding="utf-8")
    from_path = blueprint.lint(PATH)
    from_str_path = blueprint.lint(str(PATH))
    from_text = blueprint.lint(text, path=str(PATH))
    from_bytes = blueprint.lint(text.encode("utf-8"), path=str(PATH))
    from_blueprint = blueprint.lint(blueprint.load(PATH))
    assert from_path == from_str_path == from_text == from_bytes == from_blueprint
    assert [(f.line, f.rule) for f in from_path] == [(6, "open-loop"), (7, "dead-end"), (14, "dead-end"),
                                                     (16, "open-loop")]


def test_text_without_a_path_is_named_string():
    (finding,) = blueprint.lint("blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A}\n")
    assert finding.path == "<string>"


def test_findings_sort_and_print_as_parsable_lines():
    a = Finding("a.yaml", 2, 1, "warning", "cycle", "m")
    b = Finding("a.yaml", 10, 1, "error", "cycle", "m")
    c = Finding("b.yaml", 1, 1, "error", "cycle", "m")
    assert sorted([c, b, a]) == [a, b, c]
    assert str(b) == "a.yaml:10:1: [error] m (cycle)"


def test_findings_at_one_place_sort_by_message_and_equal_ones_hash_alike():
    b, a = Finding("a.yaml", 1, 1, "error", "cycle", "b"), Finding("a.yaml", 1, 1, "error", "cycle", "a")
    same = Finding("a.yaml", 1, 1, "error", "cycle", "a", "甲")
    assert sorted([b, a]) == [a, b] and a < b and b > a and a <= same >= a
    assert a == same and len({a, b, same}) == 2


def test_messages_are_written_out_when_read_and_once(monkeypatch):
    """A file with many loader problems is linted without writing one message; reading a finding's
    message writes it in that language, once."""
    text = "blueprint: 1\ntitle: t\nsteps:\n" + "".join(
        f"- {{id: s{i}, lane: customer, label: S, ownr: x, next: s{i + 1}}}\n" for i in range(20))
    written = []
    original = Phrase.text
    monkeypatch.setattr(Phrase, "text", lambda phrase, locale="en": written.append(locale) or original(phrase, locale))
    findings = blueprint.lint(text)
    assert sum(f.rule == "unknown-key" for f in findings) == 20 and written == []
    first = findings[0]
    assert first.message == first.text("en") == first.message and written and set(written) == {"en"}
    count = len(written)
    assert first.text("zh") == first.message_zh and "zh" in written[count:]
    count = len(written)
    assert first.message_zh + first.text("zh") + first.message and len(written) == count


def test_findings_are_sorted():
    findings = blueprint.lint(fixture("cycle", "invalid-loops.yaml"))
    assert findings == sorted(findings)
    assert len(findings) == 7


def test_missing_file_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        blueprint.lint(tmp_path / "missing.yaml")


def test_a_file_that_does_not_load_is_one_finding(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("blueprint: 1\ntitle: [\n", encoding="utf-8")
    (finding,) = blueprint.lint(path)
    assert (finding.path, finding.rule, finding.level) == (str(path), "yaml-syntax", "error")


def test_config_types():
    assert blueprint.lint(PATH, {"rules": {"open-loop": "disable", "dead-end": "disable"}}) == []
    with pytest.raises(TypeError):
        blueprint.lint(PATH, config=["not", "a", "config"])


def test_messages_are_one_line():
    findings = blueprint.lint(ROOT / "examples" / BEFORE)
    findings += blueprint.lint(fixture("schema", "invalid-values.yaml"))
    assert findings and all("\n" not in f.message for f in findings)
