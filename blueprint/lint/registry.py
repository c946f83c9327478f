"""Every lint rule, imported explicitly: ``RULES`` maps rule id to rule module, in docs order.

A rule module has ``ID``, ``LEVEL`` (its default), a docstring that is its documentation (in
other languages it is :mod:`blueprint.rule_docs`' entry for ``ID``) and, when it checks the blueprint itself,
``check(ctx, options)`` yielding ``(pos, message)`` where ``message`` is a
:class:`~blueprint.phrases.Phrase`: a catalogue key ``lint.<rule-id>.<message>`` with the values of its
placeholders, written out in any language of :mod:`blueprint.words`; the linter stamps the rule id
and level. Modules
without ``check`` document findings that the loader (``schema``, ``unknown-key``...) or the linter
(``rule-error``) makes.
"""

from __future__ import annotations

from types import ModuleType

from .rules import (
    cycle,
    dead_end,
    duplicate_id,
    duplicate_key,
    empty_lane,
    fail_without_owner,
    fail_without_recovery,
    input_limit,
    isolated_step,
    long_label,
    missing_handoff,
    open_loop,
    phase_without_customer,
    queue_unstable,
    rule_error,
    schema,
    standard_exceeded,
    standard_unmeasured,
    standard_unreachable,
    unknown_key,
    unknown_reference,
    unreachable_step,
    wait_without_standard,
    yaml_syntax,
)

__all__ = ["RULES", "CHECKS", "configurable"]

_MODULES: tuple[ModuleType, ...] = (
    yaml_syntax, duplicate_key, input_limit, schema, unknown_key, duplicate_id, unknown_reference,
    missing_handoff, open_loop, standard_exceeded, standard_unreachable, standard_unmeasured,
    queue_unstable, fail_without_recovery, fail_without_owner, wait_without_standard,
    phase_without_customer, isolated_step, unreachable_step, dead_end, cycle, empty_lane, long_label,
    rule_error,
)

#: Rule id -> rule module, in the order the docs list them.
RULES: dict[str, ModuleType] = {module.ID: module for module in _MODULES}

#: The rules that check a loaded blueprint (the others are reported by the loader or the linter).
CHECKS: dict[str, ModuleType] = {rule_id: m for rule_id, m in RULES.items() if hasattr(m, "check")}


def configurable(rule_id: str) -> bool:
    """False for the rules a config cannot disable or lower: a file that does not load, a crash."""
    return getattr(RULES[rule_id], "CONFIGURABLE", True)
