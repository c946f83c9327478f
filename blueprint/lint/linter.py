"""Run the rules over one blueprint and stamp each finding with its rule id and level."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import BlueprintError
from ..loader import load, loads
from ..model import Blueprint
from . import comments, registry
from .config import Config, as_config
from .context import Context

__all__ = ["Finding", "LEVELS", "lint", "lint_blueprint"]

#: Levels from the most to the least severe.
LEVELS = ("error", "warning", "info")


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One thing the linter found: where, how bad, which rule, and what to do about it.

    Findings sort by file, line, column; ``str()`` is the ``parsable`` line.

    >>> str(Finding("a.yaml", 3, 7, "error", "missing-handoff", "add a frontstage step"))
    'a.yaml:3:7: [error] add a frontstage step (missing-handoff)'
    """

    path: str
    line: int
    column: int
    level: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: [{self.level}] {self.message} ({self.rule})"


def lint(source: Blueprint | str | bytes | os.PathLike, config: Config | dict | None = None, *,
         path: str | None = None) -> list[Finding]:
    """Lint a blueprint and return its findings, sorted.

    ``source`` is a :class:`Blueprint`, a file path (``os.PathLike`` or a ``str`` without a line
    break) or YAML text (``bytes``, or a ``str`` with a line break; ``path`` names it in findings).
    ``config`` is a :class:`Config`, a mapping written like ``.blueprintlint.yaml``, or None for
    the defaults. A file that does not load gives one error finding; a file that cannot be read
    raises ``OSError``.

    >>> [f.rule for f in lint("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: A}\\n")]
    ['isolated-step']
    """
    settings = as_config(config)
    if isinstance(source, Blueprint):
        return lint_blueprint(source, settings)
    try:
        if isinstance(source, (bytes, bytearray)) or (isinstance(source, str) and "\n" in source):
            bp = loads(source, path or "<string>")
        else:
            bp = load(source)
    except BlueprintError as error:
        # A file that does not load is always an error: there is nothing else to check.
        return [Finding(error.pos.path, error.pos.line, error.pos.column, "error", error.rule,
                        _one_line(error.message))]
    return lint_blueprint(bp, settings)


def lint_blueprint(bp: Blueprint, config: Config | dict | None = None) -> list[Finding]:
    """Run every enabled rule on a loaded blueprint; a rule that raises becomes a ``rule-error``."""
    config = as_config(config)
    findings: list[Finding] = []
    for problem in bp.problems:
        level = config.level(problem.rule)
        if level is not None:
            pos = problem.pos
            findings.append(Finding(pos.path, pos.line, pos.column, level, problem.rule,
                                    _one_line(problem.message)))
    ctx = Context(bp)
    for rule_id, module in registry.CHECKS.items():
        level = config.level(rule_id)
        if level is None:
            continue
        try:
            found = list(module.check(ctx, config.options(rule_id)))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the others
            findings.append(_rule_error(bp.path, rule_id, exc))
            continue
        findings.extend(
            Finding(pos.path, pos.line, pos.column, level, rule_id, _one_line(message))
            for pos, message in found
        )
    directives = comments.parse(bp.text, bp.path)
    if directives:
        findings = directives.filter(findings)
        level = config.level("unknown-reference")
        if level is not None:
            findings.extend(
                Finding(pos.path, pos.line, pos.column, level, "unknown-reference", message)
                for pos, message in directives.mistakes(registry.RULES)
            )
    findings.sort()
    return findings


def _rule_error(path: str, rule_id: str, exc: Exception) -> Finding:
    detail = _one_line(f"{type(exc).__name__}: {exc}")
    return Finding(path, 1, 1, "error", "rule-error",
                   f"rule '{rule_id}' failed ({detail}); the other rules ran: please report this bug")


def _one_line(message: str) -> str:
    """Findings are one line each, whatever a message contains."""
    return " ".join(message.split("\n")) if "\n" in message else message
