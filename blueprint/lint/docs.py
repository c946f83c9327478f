"""Rule documentation from the rule modules' docstrings; ``docs/rules.md`` is generated here.

Regenerate it with::

    python -m blueprint.lint.docs > docs/rules.md
"""

from __future__ import annotations

import re
import sys
from types import ModuleType

from . import comments, config, registry

__all__ = ["SECTIONS", "summary", "sections", "examples", "rule_text", "render"]

#: The sections every rule's docstring has, in this order (``Options`` may come after the first).
SECTIONS = ("What it finds", "Why it matters", "Failing example", "Passing example")
_HEADING = re.compile(r"^## (.+)$", re.MULTILINE)
_YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


def summary(module: ModuleType) -> str:
    """The first line of the rule's docstring."""
    return module.__doc__.strip().splitlines()[0]


def sections(module: ModuleType) -> dict[str, str]:
    """The docstring's ``## Heading`` sections, heading -> text, in order."""
    doc = module.__doc__
    found = {}
    matches = list(_HEADING.finditer(doc))
    for match, following in zip(matches, matches[1:] + [None]):
        end = following.start() if following else len(doc)
        found[match.group(1).strip()] = doc[match.end():end].strip()
    return found


def examples(module: ModuleType) -> tuple[str | None, str | None]:
    """The YAML of the failing and the passing example (None where a section has no YAML)."""
    found = sections(module)

    def block(name: str) -> str | None:
        match = _YAML_BLOCK.search(found.get(name, ""))
        return match.group(1) if match else None

    return block("Failing example"), block("Passing example")


def _level_note(module: ModuleType) -> str:
    note = f"Default level: **{module.LEVEL}**"
    if not registry.configurable(module.ID):
        note += " (always; a config cannot disable or lower it)"
    return note + "."


def rule_text(rule_id: str) -> str:
    """What ``blueprint rules ID`` prints: id, level, and the docstring."""
    module = registry.RULES[rule_id]
    fixed = "" if registry.configurable(rule_id) else ", always: a config cannot disable or lower it"
    return f"{module.ID} ({module.LEVEL}{fixed})\n\n{module.__doc__.strip()}\n"


def render() -> str:
    """The whole of ``docs/rules.md``."""
    out = [
        "# Lint rules",
        "",
        ("<!-- Generated from the rule modules' docstrings by "
         "`python -m blueprint.lint.docs > docs/rules.md`: edit the docstrings, not this file. -->"),
        "",
        ("`blueprint lint` reports each finding with its rule id, level and `file:line:column`. "
         "Configure levels in `.blueprintlint.yaml`, hide a finding with "
         "`# blueprint: disable-line rule:<id>`, and read one rule with `blueprint rules <id>`."),
        "",
        "| rule | default level | finds |",
        "|---|---|---|",
    ]
    for rule_id, module in registry.RULES.items():
        out.append(f"| [`{rule_id}`](#{rule_id}) | {module.LEVEL} | {summary(module)} |")
    for title, module in (("Configuration", config), ("Disable comments", comments)):
        out += ["", f"## {title}", "", module.__doc__.strip().split("\n", 1)[1].strip()]
    for rule_id, module in registry.RULES.items():
        body = module.__doc__.strip().split("\n", 1)[1].strip()
        out += ["", f"## {rule_id}", "", summary(module), "", _level_note(module), "",
                _HEADING.sub(r"### \1", body)]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
