"""rule-error: a rule that raises is one finding at the file; the other rules still run."""

import types

import pytest

from blueprint.lint import lint, registry

from .helpers import fixture

PATH = fixture("dead-end", "invalid-no-way-out.yaml")


@pytest.fixture
def broken_rule(monkeypatch):
    """Replace open-loop's check with one that raises after yielding a finding."""

    def check(ctx, options):
        yield ctx.bp.steps[0].pos, "a finding from before the crash"
        raise ZeroDivisionError("division by zero")

    broken = types.SimpleNamespace(ID="open-loop", LEVEL="warning", check=check)
    monkeypatch.setitem(registry.CHECKS, "open-loop", broken)


def test_a_crashing_rule_becomes_one_rule_error(broken_rule):
    findings = lint(PATH)
    errors = [f for f in findings if f.rule == "rule-error"]
    assert [(f.path, f.line, f.column, f.level) for f in errors] == [(str(PATH), 1, 1, "error")]
    assert errors[0].message == ("rule 'open-loop' failed (ZeroDivisionError: division by zero); "
                                 "the other rules ran: please report this bug")
    assert errors[0].message_zh == ("规则 'open-loop' 运行出错（ZeroDivisionError: division by zero）；"
                                    "其他规则照常运行了：请报告这个缺陷")
    # the crashed rule's partial output is dropped, the other rules still report
    assert "open-loop" not in {f.rule for f in findings}
    assert [f.rule for f in findings if f.rule == "dead-end"] == ["dead-end", "dead-end"]


def test_rule_error_is_not_hidden_by_disable_comments(broken_rule):
    text = "# blueprint: disable\n" + PATH.read_text(encoding="utf-8")
    assert [f.rule for f in lint(text, path="bp.yaml")] == ["rule-error"]


def test_rule_error_cannot_be_configured(broken_rule):
    from blueprint.lint import ConfigError

    with pytest.raises(ConfigError, match="rule 'rule-error' cannot be configured"):
        lint(PATH, {"rules": {"rule-error": "disable"}})


def test_cli_exit_status_is_1_on_a_rule_error(broken_rule, capsys):
    from blueprint.cli import main

    config = PATH.parent.parent / "empty-config.yaml"
    assert main(["lint", "-f", "parsable", "-c", str(config), str(PATH)]) == 1
    assert f"{PATH}:1:1: [error] rule 'open-loop' failed" in capsys.readouterr().out
