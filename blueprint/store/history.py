"""Undo and redo as patches: a keystroke in a 500-step file costs a few bytes, not a copy of it.

A patch ``(at, old, new)`` says the characters ``old`` at offset ``at`` became ``new`` (the common
prefix and suffix of the two texts trimmed). A document's undo and redo stacks are lists of such
entries, with where the change came from and when; they follow the document's head revision, so
an undo applies to whatever text is current.

>>> stacks = Stacks()
>>> stacks.record("a", "ab", source="editor", when=1.0)
>>> stacks.undo("ab"), stacks.redo("a")
('a', 'ab')
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

__all__ = ["Patch", "Stacks", "diff"]


@dataclass(frozen=True, slots=True)
class Patch:
    """``old`` at offset ``at`` became ``new``: one step of history, applied either way."""

    at: int
    old: str
    new: str

    def forward(self, text: str) -> str:
        return text[:self.at] + self.new + text[self.at + len(self.old):]

    def backward(self, text: str) -> str:
        return text[:self.at] + self.old + text[self.at + len(self.new):]

    def applies_backward(self, text: str) -> bool:
        return text[self.at:self.at + len(self.new)] == self.new

    def applies_forward(self, text: str) -> bool:
        return text[self.at:self.at + len(self.old)] == self.old


def diff(before: str, after: str) -> Patch:
    """The smallest single patch from ``before`` to ``after`` (common prefix and suffix trimmed).

    >>> diff("steps: [a, b]", "steps: [a, c, b]")
    Patch(at=11, old='', new='c, ')
    >>> p = diff("abc", "axc"); p.forward("abc"), p.backward("axc")
    ('axc', 'abc')
    """
    limit = min(len(before), len(after))
    start = 0
    # Compare in blocks first: a 50 KB text is trimmed in a few slices, not 50,000 steps.
    block = 4096
    while start + block <= limit and before[start:start + block] == after[start:start + block]:
        start += block
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    room = limit - start
    while end + block <= room and before[len(before) - end - block:len(before) - end] == \
            after[len(after) - end - block:len(after) - end]:
        end += block
    while end < room and before[len(before) - end - 1] == after[len(after) - end - 1]:
        end += 1
    return Patch(start, before[start:len(before) - end], after[start:len(after) - end])


def _valid(entry: object) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("at"), int)
            and isinstance(entry.get("old"), str) and isinstance(entry.get("new"), str))


def _patch(entry: dict) -> Patch:
    return Patch(entry["at"], entry["old"], entry["new"])


@dataclass
class Stacks:
    """A document's undo and redo entries (dicts ``{at, old, new, source, time}``), oldest first.

    Attributes:
        max_entries: Undo entries kept; the oldest go first.
        max_chars: Characters kept in the undo entries; the oldest go first.
        coalesce_seconds: Editor changes closer together than this become one undo step (typing a
            word is one step).
    """

    undo_entries: list[dict] = field(default_factory=list)
    redo_entries: list[dict] = field(default_factory=list)
    max_entries: int = 200
    max_chars: int = 8_000_000
    coalesce_seconds: float = 2.0

    @classmethod
    def from_json(cls, undo: str | None, redo: str | None, **options) -> Stacks:
        def entries(raw: str | None) -> list[dict]:
            try:
                found = json.loads(raw or "[]")
            except ValueError:
                return []
            return [entry for entry in found if _valid(entry)] if isinstance(found, list) else []
        return cls(entries(undo), entries(redo), **options)

    def to_json(self) -> tuple[str, str]:
        def dump(entries: list[dict]) -> str:
            return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        return dump(self.undo_entries), dump(self.redo_entries)

    def record(self, before: str, after: str, *, source: str, when: float) -> None:
        """``before`` became ``after``: push an undo step (or grow the last editor step), drop redo."""
        last = self.undo_entries[-1] if self.undo_entries else None
        if (source == "editor" and last is not None and last.get("source") == "editor"
                and when - float(last.get("time", 0)) < self.coalesce_seconds and not self.redo_entries
                and _patch(last).applies_backward(before)):
            # Merge: the text before the last step, straight to the new text.
            self.undo_entries[-1] = {**_entry(diff(_patch(last).backward(before), after), source, when)}
        else:
            self.undo_entries.append(_entry(diff(before, after), source, when))
        self.redo_entries.clear()
        self._trim()

    def undo(self, text: str) -> str | None:
        """The text one step back (the step moves to redo), or None when there is nothing to undo."""
        while self.undo_entries:
            entry = self.undo_entries.pop()
            if _patch(entry).applies_backward(text):
                self.redo_entries.append(entry)
                return _patch(entry).backward(text)
        return None

    def redo(self, text: str) -> str | None:
        """The text one step forward again, or None when there is nothing to redo."""
        while self.redo_entries:
            entry = self.redo_entries.pop()
            if _patch(entry).applies_forward(text):
                # A redone step must not merge with the next edit: it is a step of its own.
                self.undo_entries.append({**entry, "time": 0.0})
                return _patch(entry).forward(text)
        return None

    def _trim(self) -> None:
        stack = self.undo_entries
        excess = len(stack) - self.max_entries
        if excess > 0:
            del stack[:excess]
        total = sum(len(entry["old"]) + len(entry["new"]) for entry in stack)
        while stack and total > self.max_chars:
            dropped = stack.pop(0)
            total -= len(dropped["old"]) + len(dropped["new"])


def _entry(patch: Patch, source: str, when: float) -> dict:
    return {"at": patch.at, "old": patch.old, "new": patch.new, "source": source, "time": when}
