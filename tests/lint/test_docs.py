"""Rule documentation: fixed sections, examples that really fail and pass, docs/rules.md and
docs/rules.zh.md current, and the Chinese documentation (blueprint.rule_docs) matching the English one."""

import re

import pytest

from blueprint.lint import comments, config, docs, lint, registry
from blueprint.rule_docs import DOCS

from ..conftest import CJK, ROOT

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


# -- in Chinese ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", list(registry.RULES))
def test_every_rule_has_chinese_documentation_with_the_same_sections(rule_id):
    module = registry.RULES[rule_id]
    # The translation is the Chinese prose; the YAML examples come once, from the docstring.
    chinese = DOCS["zh"][rule_id]
    assert CJK.search(chinese) and docs.doc(module, "zh").startswith(chinese.rstrip())
    names = list(docs.sections(module, "zh"))
    assert [name for name in names if name != "选项"] == list(docs.section_names("zh"))
    assert ("选项" in names) == ("Options" in docs.sections(module))
    for name in getattr(module, "OPTIONS", {}):
        assert f"`{name}`" in docs.sections(module, "zh")["选项"]
    assert docs.summary(module, "zh").endswith("。")


@pytest.mark.parametrize("rule_id", list(registry.RULES))
def test_the_chinese_examples_are_the_english_ones(rule_id):
    module = registry.RULES[rule_id]
    assert docs.examples(module, "zh") == docs.examples(module)
    english, chinese = docs.sections(module), docs.sections(module, "zh")
    for en, zh in zip(docs.SECTIONS[2:], docs.section_names("zh")[2:]):
        blocks = re.findall(r"```yaml\n.*?```", english[en], re.DOTALL)
        assert blocks == re.findall(r"```yaml\n.*?```", chinese[zh], re.DOTALL)


@pytest.mark.parametrize("module", [config, comments], ids=["config", "comments"])
def test_the_configuration_and_disable_comments_have_chinese_documentation(module):
    assert CJK.search(docs.doc(module, "zh"))
    # The config example and every directive are written as in English.
    for code in re.findall(r"`[^`]+`", module.__doc__.split("\n", 1)[1]):
        assert code in docs.translation(module, "zh"), code


def test_no_line_break_inside_a_chinese_paragraph_between_two_ideographs():
    """Markdown joins a paragraph's lines with a space, which shows between two Chinese characters."""
    chinese = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
    assert set(DOCS["zh"]) == {*registry.RULES, "config", "comments"}
    for text in DOCS["zh"].values():
        lines = text.splitlines()
        for line, following in zip(lines, lines[1:]):
            joined = following and line and not following.startswith(("#", "```", "- ", "* ", "    "))
            if joined and not line.startswith(("#", "```")):
                between = line[-1] + following.lstrip()[0]
                assert not (chinese.match(between[0]) and chinese.match(between[1])), (line, following)


def test_docs_rules_zh_md_is_current():
    current = (ROOT / "docs" / "rules.zh.md").read_text(encoding="utf-8")
    assert current == docs.render("zh"), (
        "regenerate it: python -m blueprint.lint.docs --locale zh > docs/rules.zh.md")


def test_rules_zh_md_lists_every_rule_with_a_section():
    text = docs.render("zh")
    for rule_id, module in registry.RULES.items():
        assert f"| [`{rule_id}`](#{rule_id}) | {module.LEVEL} | {docs.summary(module, 'zh')} |" in text
        assert f"\n## {rule_id}\n" in text
    assert "\n### 发现什么\n" in text and "\n## 配置\n" in text and "\n## 禁用注释\n" in text
    assert "What it finds" not in text and "Default level" not in text
