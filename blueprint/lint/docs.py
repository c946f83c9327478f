"""Rule documentation from the rule modules: ``docs/rules.md`` and ``docs/rules.zh.md`` are generated here.

A rule's docstring is its English documentation, with fixed sections (:data:`SECTIONS`); its
documentation in another language is that language's table in :mod:`blueprint.rule_docs`, the
same sections under the language's headings (the catalogue's ``rule-docs.section.*``). The YAML
examples are written once, in the docstring, and shown in every language. A language without a
translation of a rule reads it in English. Regenerate with::

    python -m blueprint.lint.docs > docs/rules.md
    python -m blueprint.lint.docs --locale zh > docs/rules.zh.md
"""

from __future__ import annotations

import argparse
import re
import sys
from types import ModuleType

from ..phrases import say
from ..rule_docs import DOCS
from ..words import locales, normalize, word
from . import comments, config, registry

__all__ = ["SECTIONS", "doc", "translation", "section_names", "summary", "sections", "examples", "rule_text",
           "render"]

_SECTION_KEYS = ("finds", "why", "failing", "passing")
_HEADING = re.compile(r"^## (.+)$", re.MULTILINE)
_YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


def translation(module: ModuleType, locale: str) -> str | None:
    """The documentation of a rule (or of ``config`` / ``comments``) in ``locale``, from
    :mod:`blueprint.rule_docs`; None where there is none (English always: it is the docstring)."""
    name = getattr(module, "ID", module.__name__.rsplit(".", 1)[-1])
    return DOCS.get(normalize(locale), {}).get(name)


def doc(module: ModuleType, locale: str = "en") -> str:
    """A module's documentation in ``locale``: its translation, else its docstring.

    A translation holds the prose; unless it writes its own examples, the YAML examples are the
    docstring's, under the language's headings: one copy of each example for every language.
    """
    text = translation(module, locale)
    if text is None:
        return module.__doc__
    failing, passing = section_names(locale)[2:]
    if f"## {failing}" in text:
        return text
    english = sections(module, "en")
    shared = "\n\n".join(f"## {name}\n{english[en]}" for en, name in zip(SECTIONS[2:], (failing, passing))
                         if en in english)
    return f"{text.rstrip()}\n\n{shared}\n" if shared else text


def section_names(locale: str = "en") -> tuple[str, ...]:
    """The headings of :data:`SECTIONS` in ``locale``."""
    return tuple(word(f"rule-docs.section.{key}", locale) for key in _SECTION_KEYS)


#: The sections every rule's docstring has, in this order (``Options`` may come after the first).
SECTIONS = section_names()


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
    failing, passing = section_names(locale if translation(module, locale) else "en")[2:]

    def block(name: str) -> str | None:
        match = _YAML_BLOCK.search(found.get(name, ""))
        return match.group(1) if match else None

    return block(failing), block(passing)


def _body(module: ModuleType, locale: str) -> str:
    """The documentation without its first line."""
    return doc(module, locale).strip().split("\n", 1)[1].strip()


def _level_note(module: ModuleType, locale: str) -> str:
    fixed = not registry.configurable(module.ID)
    return say("rule-docs.level-fixed" if fixed else "rule-docs.level", level=module.LEVEL).text(locale)


def rule_text(rule_id: str, locale: str = "en") -> str:
    """What ``blueprint rules ID`` prints: id, level, and the documentation."""
    module = registry.RULES[rule_id]
    fixed = not registry.configurable(rule_id)
    heading = say("rule-docs.heading-fixed" if fixed else "rule-docs.heading", rule=module.ID, level=module.LEVEL)
    return f"{heading.text(locale)}\n\n{doc(module, locale).strip()}\n"


def render(locale: str = "en") -> str:
    """The whole of ``docs/rules.md`` (``docs/rules.zh.md`` for ``"zh"``)."""
    page = {key: word(f"rule-docs.{key}", locale) for key in
            ("title", "generated", "intro", "table", "configuration", "comments")}
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
