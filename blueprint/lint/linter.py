"""Run the rules over one blueprint and stamp each finding with its rule id and level."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import BinaryIO

from ..controls import visible
from ..errors import Bilingual, BlueprintError, Pos, Problem
from ..loader import load, loads, read_stream
from ..model import Blueprint
from ..phrases import Phrase, say
from . import comments, registry
from .config import Config, as_config
from .context import Context

__all__ = ["Finding", "LEVELS", "lint", "lint_blueprint"]

#: Levels from the most to the least severe.
LEVELS = ("error", "warning", "info")


@dataclass(frozen=True, order=True, slots=True)
class Finding(Bilingual):
    """One thing the linter found: where, how bad, which rule, and what to do about it.

    Findings sort by file, line, column; ``str()`` is the ``parsable`` line. ``message`` is
    English, ``message_zh`` the same in Chinese (it takes no part in sorting or equality);
    ``text(locale)`` picks one.

    >>> finding = Finding("a.yaml", 3, 7, "error", "missing-handoff", "add a frontstage step",
    ...                   "加一个前台步骤")
    >>> str(finding), finding.text("zh")
    ('a.yaml:3:7: [error] add a frontstage step (missing-handoff)', '加一个前台步骤')
    """

    path: str
    line: int
    column: int
    level: str
    rule: str
    message: str
    message_zh: str = field(default="", compare=False)
    #: The message as catalogue key and values, when the rule said it so: written out in any language.
    phrase: Phrase | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return self.describe()

    def _shaped(self, text: str) -> str:
        return _one_line(text)

    def describe(self, locale: str = "en") -> str:
        """The ``parsable`` line, ``path:line:col: [level] message (rule)``, in ``locale``; control
        and bidi characters are written as escapes, so a line is always one finding."""
        return visible(f"{self.path}:{self.line}:{self.column}: [{self.level}] {self.text(locale)} ({self.rule})")


def lint(source: Blueprint | str | bytes | os.PathLike | BinaryIO, config: Config | dict | None = None, *,
         path: str | None = None) -> list[Finding]:
    """Lint a blueprint and return its findings, sorted.

    ``source`` is a :class:`Blueprint`, a file path (``os.PathLike`` or a ``str`` without a line
    break), YAML text (``bytes``, or a ``str`` with a line break; ``path`` names it in findings), or
    a binary stream such as ``sys.stdin.buffer`` (read up to the size limit, no further).
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
        if hasattr(source, "read"):
            bp = loads(read_stream(source, path or "<stdin>"), path or "<stdin>")
        elif isinstance(source, (bytes, bytearray)) or (isinstance(source, str) and "\n" in source):
            bp = loads(source, path or "<string>")
        else:
            bp = load(source)
    except BlueprintError as error:
        # A file that does not load is always an error: there is nothing else to check.
        return [_loaded(error.problem, "error")]
    return lint_blueprint(bp, settings)


def lint_blueprint(bp: Blueprint, config: Config | dict | None = None) -> list[Finding]:
    """Run every enabled rule on a loaded blueprint; a rule that raises becomes a ``rule-error``."""
    config = as_config(config)
    findings: list[Finding] = []
    for problem in bp.problems:
        level = config.level(problem.rule)
        if level is not None:
            findings.append(_loaded(problem, level))
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
        findings.extend(_finding(pos, level, rule_id, message) for pos, message in found)
    directives = comments.parse(bp.text, bp.path)
    if directives:
        findings = directives.filter(findings)
        level = config.level("unknown-reference")
        if level is not None:
            findings.extend(_finding(pos, level, "unknown-reference", message)
                            for pos, message in directives.mistakes(registry.RULES))
    findings.sort()
    return findings


def _finding(pos: Pos, level: str, rule_id: str, message: Phrase | str) -> Finding:
    """A finding from a rule's ``(pos, message)``: a :class:`Phrase` of the catalogue, or English
    alone (shown in English whatever the locale)."""
    if isinstance(message, Phrase):
        return Finding(pos.path, pos.line, pos.column, level, rule_id, _one_line(message.text("en")),
                       _one_line(message.text("zh")), message)
    return Finding(pos.path, pos.line, pos.column, level, rule_id, _one_line(message))


def _loaded(problem: Problem, level: str) -> Finding:
    """A finding from what the loader said (its texts are written already: they are not written again)."""
    pos = problem.pos
    return Finding(pos.path, pos.line, pos.column, level, problem.rule, _one_line(problem.message),
                   _one_line(problem.message_zh), problem.phrase)


def _rule_error(path: str, rule_id: str, exc: Exception) -> Finding:
    detail = _one_line(f"{type(exc).__name__}: {exc}")
    return _finding(Pos(path, 1, 1), "error", "rule-error", say("lint.rule-error.failed", rule=rule_id, detail=detail))


def _one_line(message: str) -> str:
    """Findings are one line each, whatever a message contains."""
    return " ".join(message.split("\n")) if "\n" in message else message
