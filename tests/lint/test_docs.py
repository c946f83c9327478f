"""Rule documentation: fixed sections, examples that really fail and pass, docs/rules.md current."""

import re

import pytest

from blueprint.lint import docs, lint, registry

from ..conftest import ROOT

DOCUMENTED = [rule_id for rule_id in registry.RULES if rule_id != "rule-error"]


@pytest.mark.parametrize("rule_id", list(registry.RULES))
def test_sections_in_order(rule_id):
    module = registry.RULES[rule_id]
    names = [name for name in docs.sections(module) if name != "Options"]
    assert names == list(docs.SECTIONS)
    assert module.LEVEL in ("error", "warning", "info")
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", module.ID)
    assert docs.summary(module).endswith(".")


@pytest.mark.parametrize("rule_id", list(registry.RULES))
def test_options_are_documented(rule_id):
    module = registry.RULES[rule_id]
    options = getattr(module, "OPTIONS", {})
    text = docs.sections(module).get("Options", "")
    assert bool(options) == bool(text)
    for name in options:
        assert f"`{name}`" in text


@pytest.mark.parametrize("rule_id", DOCUMENTED)
def test_failing_example_fails_and_passing_example_is_clean(rule_id):
    failing, passing = docs.examples(registry.RULES[rule_id])
    assert rule_id in {f.rule for f in lint(failing, path="failing.yaml")}
    assert lint(passing, path="passing.yaml") == []


def test_docs_rules_md_is_current():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == docs.render(), "regenerate it: python -m blueprint.lint.docs > docs/rules.md"


def test_rules_md_lists_every_rule_with_a_section():
    text = docs.render()
    for rule_id, module in registry.RULES.items():
        assert f"| [`{rule_id}`](#{rule_id}) | {module.LEVEL} |" in text
        assert f"\n## {rule_id}\n" in text
    assert "\n### What it finds\n" in text
