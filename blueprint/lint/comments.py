"""Disable comments: `# blueprint: disable-line`, `# blueprint: disable` and `# blueprint: enable`.

* `# blueprint: disable-line rule:open-loop rule:dead-end` at the end of a line hides those rules'
  findings on that line; on a line of its own it applies to the next line. Without `rule:`
  it hides every rule.
* `# blueprint: disable rule:cycle` hides the rule from its own line to the end of the file or
  to a `# blueprint: enable rule:cycle`, which takes effect on its own line. Without `rule:`
  they switch every rule off and on; `enable rule:x` after a bare `disable` turns `x` back on.

Each word after the directive must be `rule:<id>`; an unknown id, or a word without `rule:`,
is reported (`unknown-reference`) and that word is ignored, so a typo never hides every rule.
Findings of `rule-error`, and files that do not load, are never hidden.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..errors import Pos, closest
from ..phrases import Phrase, say

__all__ = ["Directives", "parse"]


_ANY = re.compile(r"#[ \t]*blueprint:[ \t]*(?:disable|enable)")
_DIRECTIVE = re.compile(r"#[ \t]*blueprint:[ \t]*(disable-line|disable|enable)(?=\s|$)(.*)$")
_WORD = re.compile(r"\S+")
_NEVER_HIDDEN = frozenset({"rule-error"})


@dataclass(frozen=True)
class _State:
    """Which rules are switched off: all but ``exceptions``, or just ``rules``."""

    everything: bool = False
    rules: frozenset = frozenset()
    exceptions: frozenset = frozenset()

    def hides(self, rule: str) -> bool:
        return (self.everything and rule not in self.exceptions) or rule in self.rules

    def disable(self, rules: frozenset | None) -> "_State":
        if rules is None:
            return _State(everything=True)
        if self.everything:
            return _State(True, self.rules, self.exceptions - rules)
        return _State(False, self.rules | rules, self.exceptions)

    def enable(self, rules: frozenset | None) -> "_State":
        if rules is None:
            return _State()
        if self.everything:
            return _State(True, self.rules - rules, self.exceptions | rules)
        return _State(False, self.rules - rules, self.exceptions)


@dataclass
class Directives:
    """The disable comments of one file."""

    #: Line -> rules hidden on that line (None: every rule).
    lines: dict[int, frozenset | None] = field(default_factory=dict)
    #: Lines where the disable/enable state changes, and the state from that line on.
    starts: list[int] = field(default_factory=list)
    states: list[_State] = field(default_factory=list)
    #: ``(pos, id, bare)`` for each rule named, ``bare`` when ``rule:`` was left out.
    words: list[tuple[Pos, str, bool]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.lines or self.starts or self.words)

    def hides(self, line: int, rule: str) -> bool:
        if rule in _NEVER_HIDDEN:
            return False
        if line in self.lines:
            rules = self.lines[line]
            if rules is None or rule in rules:
                return True
        at = bisect.bisect_right(self.starts, line) - 1
        return at >= 0 and self.states[at].hides(rule)

    def filter(self, findings: Iterable) -> list:
        """The findings no comment hides."""
        return [f for f in findings if not self.hides(f.line, f.rule)]

    def mistakes(self, known: Mapping[str, object]) -> list[tuple[Pos, Phrase]]:
        """``(pos, message)`` for each word that is not ``rule:`` and a known rule id."""
        found = []
        for pos, word, bare in self.words:
            if word not in known:
                match = closest(word, known)
                hint = say("lint.did-you-mean", match=match) if match is not None else ""
                found.append((pos, say("lint.comment.unknown-rule", rule=word, hint=hint)))
            elif bare:
                found.append((pos, say("lint.comment.bare-word", rule=word)))
        return found


def parse(text: str, path: str) -> Directives:
    """Find the disable comments in a file's text (a quick search first: most files have none)."""
    found = Directives()
    if not text or not _ANY.search(text):
        return found
    state = _State()
    for number, line in enumerate(text.splitlines(), start=1):
        if "#" not in line:
            continue
        start = _comment_start(line)
        if start is None:
            continue
        match = _DIRECTIVE.match(line, start)
        if match is None:
            continue
        kind, rest = match.group(1), match.group(2)
        rules = _rules(rest, match.start(2), number, path, found.words)
        if kind == "disable-line":
            target = number + 1 if not line[:start].strip() else number
            before = found.lines.get(target, frozenset())
            found.lines[target] = None if rules is None or before is None else before | rules
            continue
        state = state.disable(rules) if kind == "disable" else state.enable(rules)
        if found.starts and found.starts[-1] == number:
            found.states[-1] = state
        else:
            found.starts.append(number)
            found.states.append(state)
    return found


def _rules(rest: str, offset: int, line: int, path: str, words: list) -> frozenset | None:
    """The rule ids after a directive; None for "every rule" (no words at all)."""
    ids = []
    any_word = False
    for word in _WORD.finditer(rest):
        any_word = True
        text = word.group()
        column = offset + word.start() + 1
        if text.startswith("rule:") and len(text) > 5:
            ids.append(text[5:])
            words.append((Pos(path, line, column + 5), text[5:], False))
        else:
            # Not rule:<id>: reported and ignored, never widened to every rule.
            words.append((Pos(path, line, column), text, True))
    if not any_word:
        return None
    return frozenset(ids)


def _comment_start(line: str) -> int | None:
    """Where a YAML comment starts: a ``#`` at the line start or after a blank, outside quotes."""
    quote = None
    i = 0
    length = len(line)
    while i < length:
        char = line[i]
        if quote is not None:
            if char == "\\" and quote == '"':
                i += 2
                continue
            if char == quote:
                if quote == "'" and i + 1 < length and line[i + 1] == "'":
                    i += 2  # '' is an escaped quote inside single quotes
                    continue
                quote = None
        elif char in "\"'" and (i == 0 or line[i - 1] in " \t[{,:-"):
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        i += 1
    return None
