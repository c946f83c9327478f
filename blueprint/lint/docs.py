"""Rule documentation from the rule modules: ``docs/rules.md`` and ``docs/rules.zh.md`` are generated here.

A rule's docstring is its English documentation and its ``DOC_ZH`` the Chinese prose, with the same
sections (:data:`SECTIONS`, :data:`SECTIONS_ZH`); the YAML examples are written once, in the
docstring, and shown in both. Regenerate with::

    python -m blueprint.lint.docs > docs/rules.md
    python -m blueprint.lint.docs --locale zh > docs/rules.zh.md
"""

from __future__ import annotations

import argparse
import re
import sys
from types import ModuleType

from ..words import locales
from . import comments, config, registry

__all__ = ["SECTIONS", "SECTIONS_ZH", "doc", "section_names", "summary", "sections", "examples",
           "rule_text", "render"]

#: The sections every rule's docstring has, in this order (``Options`` may come after the first).
SECTIONS = ("What it finds", "Why it matters", "Failing example", "Passing example")
#: The same sections in ``DOC_ZH`` (``选项`` for the options).
SECTIONS_ZH = ("发现什么", "为什么重要", "错误示例", "正确示例")
_HEADING = re.compile(r"^## (.+)$", re.MULTILINE)
_YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


def doc(module: ModuleType, locale: str = "en") -> str:
    """A module's documentation: its docstring, or its ``DOC_ZH`` in Chinese (when it has one).

    ``DOC_ZH`` holds the Chinese prose; unless it writes its own examples, the YAML examples are
    the docstring's, under Chinese headings: one copy of each example for both languages.
    """
    if locale != "zh" or not getattr(module, "DOC_ZH", None):
        return module.__doc__
    text = module.DOC_ZH
    if f"## {SECTIONS_ZH[2]}" in text:
        return text
    english = sections(module, "en")
    shared = "\n\n".join(f"## {zh}\n{english[en]}" for en, zh in zip(SECTIONS[2:], SECTIONS_ZH[2:])
                         if en in english)
    return f"{text.rstrip()}\n\n{shared}\n" if shared else text


def section_names(locale: str = "en") -> tuple[str, ...]:
    """:data:`SECTIONS` or :data:`SECTIONS_ZH`."""
    return SECTIONS_ZH if locale == "zh" else SECTIONS


def summary(module: ModuleType, locale: str = "en") -> str:
    """The first line of the rule's documentation."""
    return doc(module, locale).strip().splitlines()[0]


def sections(module: ModuleType, locale: str = "en") -> dict[str, str]:
    """The documentation's ``## Heading`` sections, heading -> text, in order."""
    text = doc(module, locale)
    found = {}
    matches = list(_HEADING.finditer(text))
    for match, following in zip(matches, matches[1:] + [None]):
        end = following.start() if following else len(text)
        found[match.group(1).strip()] = text[match.end():end].strip()
    return found


def examples(module: ModuleType, locale: str = "en") -> tuple[str | None, str | None]:
    """The YAML of the failing and the passing example (None where a section has no YAML)."""
    found = sections(module, locale)
    failing, passing = section_names(locale)[2:]

    def block(name: str) -> str | None:
        match = _YAML_BLOCK.search(found.get(name, ""))
        return match.group(1) if match else None

    return block(failing), block(passing)


def _body(module: ModuleType, locale: str) -> str:
    """The documentation without its first line."""
    return doc(module, locale).strip().split("\n", 1)[1].strip()


def _level_note(module: ModuleType, locale: str) -> str:
    fixed = not registry.configurable(module.ID)
    if locale == "zh":
        always = "（始终如此：配置无法关闭或降低它）" if fixed else ""
        return f"默认级别：**{module.LEVEL}**{always}。"
    always = " (always; a config cannot disable or lower it)" if fixed else ""
    return f"Default level: **{module.LEVEL}**{always}."


def rule_text(rule_id: str, locale: str = "en") -> str:
    """What ``blueprint rules ID`` prints: id, level, and the documentation."""
    module = registry.RULES[rule_id]
    fixed = ""
    if not registry.configurable(rule_id):
        fixed = ("，始终如此：配置无法关闭或降低它" if locale == "zh"
                 else ", always: a config cannot disable or lower it")
    return f"{module.ID} ({module.LEVEL}{fixed})\n\n{doc(module, locale).strip()}\n"


_PAGE = {
    "en": {
        "title": "# Lint rules",
        "generated": ("<!-- Generated from the rule modules' docstrings by "
                      "`python -m blueprint.lint.docs > docs/rules.md`: "
                      "edit the docstrings, not this file. -->"),
        "intro": ("`blueprint lint` reports each finding with its rule id, level and `file:line:column`. "
                  "Configure levels in `.blueprintlint.yaml`, hide a finding with "
                  "`# blueprint: disable-line rule:<id>`, and read one rule with `blueprint rules <id>`."),
        "table": "| rule | default level | finds |",
        "configuration": "Configuration",
        "comments": "Disable comments",
    },
    "zh": {
        "title": "# 检查规则",
        "generated": ("<!-- 由各规则模块的 DOC_ZH 生成："
                      "`python -m blueprint.lint.docs --locale zh > docs/rules.zh.md`；"
                      "请修改 DOC_ZH，不要直接改这个文件。 -->"),
        "intro": ("`blueprint lint` 报告的每一条结果都带有规则编号、级别和 `文件:行:列`。"
                  "在 `.blueprintlint.yaml` 里调整级别，"
                  "用 `# blueprint: disable-line rule:<id>` 隐藏某一条结果，"
                  "用 `blueprint rules <id> --locale zh` 查看某条规则的说明。"),
        "table": "| 规则 | 默认级别 | 发现什么 |",
        "configuration": "配置",
        "comments": "禁用注释",
    },
}


def render(locale: str = "en") -> str:
    """The whole of ``docs/rules.md`` (``docs/rules.zh.md`` for ``"zh"``)."""
    page = _PAGE["zh" if locale == "zh" else "en"]
    out = [page["title"], "", page["generated"], "", page["intro"], "", page["table"], "|---|---|---|"]
    for rule_id, module in registry.RULES.items():
        out.append(f"| [`{rule_id}`](#{rule_id}) | {module.LEVEL} | {summary(module, locale)} |")
    for title, module in ((page["configuration"], config), (page["comments"], comments)):
        out += ["", f"## {title}", "", _body(module, locale)]
    for rule_id, module in registry.RULES.items():
        out += ["", f"## {rule_id}", "", summary(module, locale), "", _level_note(module, locale), "",
                _HEADING.sub(r"### \1", _body(module, locale))]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m blueprint.lint.docs",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--locale", choices=locales(), default="en",
                        help="write docs/rules.md (en) or docs/rules.zh.md (zh)")
    args = parser.parse_args(argv)
    sys.stdout.write(render(args.locale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
