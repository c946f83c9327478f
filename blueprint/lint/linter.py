"""Run the rules over one blueprint and stamp each finding with its rule id and level."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import total_ordering
from typing import BinaryIO

from ..controls import visible
from ..errors import BlueprintError, Pos, Problem, Said
from ..loader import load, loads, read_stream
from ..model import Blueprint
from ..phrases import Phrase, say
from . import comments, registry
from .config import Config, as_config
from .context import Context

__all__ = ["Finding", "LEVELS", "lint", "lint_blueprint"]

#: Levels from the most to the least severe.
LEVELS = ("error", "warning", "info")


@total_ordering
@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Finding(Said):
    """One thing the linter found: where, how bad, which rule, and what to do about it.

    Findings sort by file, line, column (then level, rule and message); ``str()`` is the ``parsable``
    line. ``message`` is a catalogue :class:`~blueprint.phrases.Phrase`, written out on one line in
    a language when first read (see :class:`~blueprint.errors.Said`), or the English text with
    ``message_zh``, the same in Chinese, beside it (it takes no part in sorting or equality);
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
    #: The message as catalogue key and values, when the rule said it so: written out in any language.
    phrase: Phrase | None
    _en: str | None
    _zh: str | None

    def __init__(self, path: str, line: int, column: int, level: str, rule: str, message: str | Phrase,
                 message_zh: str = ""):
        keep = object.__setattr__  # frozen: this is its construction
        keep(self, "path", path)
        keep(self, "line", line)
        keep(self, "column", column)
        keep(self, "level", level)
        keep(self, "rule", rule)
        self._keep(message, message_zh)

    def _place(self) -> tuple[str, int, int, str, str]:
        return self.path, self.line, self.column, self.level, self.rule

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._place() == other._place() and self.message == other.message

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine, theirs = self._place(), other._place()
        # Most findings differ before the message: it is written out only to break a tie.
        return mine < theirs if mine != theirs else self.message < other.message

    def __hash__(self) -> int:
        return hash((*self._place(), self.message))

    def __repr__(self) -> str:
        return (f"Finding(path={self.path!r}, line={self.line!r}, column={self.column!r}, level={self.level!r}, "
                f"rule={self.rule!r}, message={self.message!r})")

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
    if isinstance(message, str):
        message = _one_line(message)
    return Finding(pos.path, pos.line, pos.column, level, rule_id, message)


def _loaded(problem: Problem, level: str) -> Finding:
    """A finding from what the loader said."""
    pos = problem.pos
    message, message_zh = problem.given()
    if isinstance(message, str):
        message, message_zh = _one_line(message), _one_line(message_zh)
    return Finding(pos.path, pos.line, pos.column, level, problem.rule, message, message_zh)


def _rule_error(path: str, rule_id: str, exc: Exception) -> Finding:
    detail = _one_line(f"{type(exc).__name__}: {exc}")
    return _finding(Pos(path, 1, 1), "error", "rule-error", say("lint.rule-error.failed", rule=rule_id, detail=detail))


def _one_line(message: str) -> str:
    """Findings are one line each, whatever a message contains."""
    return " ".join(message.split("\n")) if "\n" in message else message
