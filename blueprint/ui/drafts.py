"""Drafts kept on the server, so a reload or a closed tab never loses an edit.

A draft is one JSON file in the drafts directory: the current text, a name, the UI language, and
the undo and redo history. History entries are patches, not copies: ``(at, old, new)`` says the
characters ``old`` at offset ``at`` became ``new`` (the common prefix and suffix of the two texts
are trimmed), so a keystroke in a 500-step file costs a few bytes, not 50 KB. Every write goes to a
temporary file in the same directory and is moved over the draft with :func:`os.replace`, so a
crash leaves the old draft or the new one, never half of one.

The directory is ``$BLUEPRINT_DRAFTS_DIR`` when set, else ``~/.local/share/service-blueprint/drafts``.

>>> import tempfile
>>> store = DraftStore(tempfile.mkdtemp())
>>> draft = store.create("title: a\\n", name="demo")
>>> store.change(draft, "title: ab\\n", source="editor")
True
>>> store.undo(draft), draft.text
(True, 'title: a\\n')
>>> store.redo(draft), store.get(draft.id).text
(True, 'title: ab\\n')
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Draft", "DraftInfo", "DraftStore", "Patch", "default_directory", "diff", "valid_id"]

#: Draft ids are what :func:`secrets.token_urlsafe` makes; anything else from a URL is refused.
_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
_FORMAT = 1


def valid_id(draft_id: object) -> bool:
    """Whether ``draft_id`` can name a draft file (no path tricks from a hand-edited URL).

    >>> valid_id("a1B2c3D4e5"), valid_id("../../etc/passwd"), valid_id(None)
    (True, False, False)
    """
    return isinstance(draft_id, str) and _ID.fullmatch(draft_id) is not None


def default_directory() -> Path:
    """``$BLUEPRINT_DRAFTS_DIR``, else ``~/.local/share/service-blueprint/drafts``."""
    configured = os.environ.get("BLUEPRINT_DRAFTS_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".local" / "share" / "service-blueprint" / "drafts"


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

    @property
    def size(self) -> int:
        return len(self.old) + len(self.new)


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


@dataclass
class Draft:
    """One blueprint being edited: its text, name, UI language and history."""

    id: str
    text: str
    name: str = ""
    #: The UI language the user chose; None follows the blueprint's ``locale:``.
    locale: str | None = None
    undo_stack: list[dict] = field(default_factory=list, repr=False)
    redo_stack: list[dict] = field(default_factory=list, repr=False)
    created: float = 0.0
    updated: float = 0.0

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def earlier_texts(self, limit: int = 50):
        """The texts before the current one, newest first, as far back as ``limit`` undo steps."""
        text = self.text
        for entry in reversed(self.undo_stack[-limit:]):
            text = _patch(entry).backward(text)
            yield text

    def to_json(self) -> dict:
        return {
            "format": _FORMAT, "id": self.id, "name": self.name, "locale": self.locale,
            "created": self.created, "updated": self.updated, "text": self.text,
            "undo": self.undo_stack, "redo": self.redo_stack,
        }

    @classmethod
    def from_json(cls, data: dict) -> Draft:
        if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("text"), str):
            raise ValueError("not a draft file")
        return cls(
            id=str(data["id"]), text=data["text"], name=str(data.get("name") or ""),
            locale=data.get("locale") if data.get("locale") in ("en", "zh") else None,
            undo_stack=[entry for entry in data.get("undo") or [] if _valid_entry(entry)],
            redo_stack=[entry for entry in data.get("redo") or [] if _valid_entry(entry)],
            created=float(data.get("created") or 0), updated=float(data.get("updated") or 0),
        )


def _valid_entry(entry: object) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("at"), int)
            and isinstance(entry.get("old"), str) and isinstance(entry.get("new"), str))


def _entry(patch: Patch, source: str, when: float) -> dict:
    return {"at": patch.at, "old": patch.old, "new": patch.new, "source": source, "time": when}


def _patch(entry: dict) -> Patch:
    return Patch(entry["at"], entry["old"], entry["new"])


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """What the Start page lists: a draft's id, name and when it was last changed."""

    id: str
    name: str
    updated: float


class DraftStore:
    """The drafts directory: create, read, change, undo, redo and list drafts.

    Parameters
    ----------
    root : path, optional
        The directory (created when missing); :func:`default_directory` when omitted.
    max_history : int
        Undo entries kept per draft; the oldest go first.
    max_history_chars : int
        Characters kept in the undo history per draft, whatever the number of entries.
    coalesce_seconds : float
        Editor changes closer together than this become one undo step (typing a word is one step).
    """

    def __init__(self, root: str | os.PathLike | None = None, *, max_history: int = 200,
                 max_history_chars: int = 8_000_000, coalesce_seconds: float = 2.0):
        self.root = Path(root) if root is not None else default_directory()
        self.max_history = max_history
        self.max_history_chars = max_history_chars
        self.coalesce_seconds = coalesce_seconds

    def _path(self, draft_id: str) -> Path:
        if not valid_id(draft_id):
            raise ValueError(f"not a draft id: {draft_id!r}")
        return self.root / f"{draft_id}.json"

    # -- reading and writing ---------------------------------------------------------------------

    def create(self, text: str, name: str = "", locale: str | None = None) -> Draft:
        """A new draft holding ``text``, saved at once."""
        now = time.time()
        draft = Draft(id=secrets.token_urlsafe(12), text=text, name=name, locale=locale,
                      created=now, updated=now)
        self.save(draft)
        return draft

    def get(self, draft_id: object) -> Draft | None:
        """The draft, or None when the id is not valid or no readable draft has it."""
        if not valid_id(draft_id):
            return None
        try:
            with open(self._path(draft_id), encoding="utf-8") as handle:
                draft = Draft.from_json(json.load(handle))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        draft.id = draft_id
        return draft

    def save(self, draft: Draft) -> None:
        """Write the draft atomically (a temporary file moved over the old one)."""
        self.root.mkdir(parents=True, exist_ok=True)
        target = self._path(draft.id)
        handle, temporary = tempfile.mkstemp(prefix=f".{draft.id}.", suffix=".tmp", dir=self.root)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(draft.to_json(), out, ensure_ascii=False, separators=(",", ":"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def delete(self, draft_id: str) -> None:
        self._path(draft_id).unlink(missing_ok=True)

    def recent(self, limit: int = 10) -> list[DraftInfo]:
        """The most recently changed drafts, newest first (unreadable files are skipped)."""
        if not self.root.is_dir():
            return []
        files = []
        for path in self.root.glob("*.json"):
            try:
                files.append((path.stat().st_mtime, path))
            except OSError:
                continue
        found = []
        for _mtime, path in sorted(files, reverse=True):
            draft = self.get(path.stem)
            if draft is not None:
                found.append(DraftInfo(draft.id, draft.name, draft.updated))
            if len(found) >= limit:
                break
        return found

    # -- changing -------------------------------------------------------------------------------

    def change(self, draft: Draft, text: str, source: str) -> bool:
        """Make ``text`` the draft's text, push the undo history, drop the redo history and save.

        ``source`` says where the change came from (``editor``, ``table``, ``details``,
        ``upload``...); consecutive ``editor`` changes within :attr:`coalesce_seconds` merge into one
        undo step. Returns False (and writes nothing) when the text is unchanged.
        """
        if text == draft.text:
            return False
        now = time.time()
        last = draft.undo_stack[-1] if draft.undo_stack else None
        if (source == "editor" and last is not None and last.get("source") == "editor"
                and now - float(last.get("time", 0)) < self.coalesce_seconds and not draft.redo_stack):
            # Merge: the text before the last step, straight to the new text.
            before = _patch(last).backward(draft.text)
            draft.undo_stack[-1] = _entry(diff(before, text), source, now)
        else:
            draft.undo_stack.append(_entry(diff(draft.text, text), source, now))
        draft.redo_stack.clear()
        draft.text = text
        self._trim(draft)
        draft.updated = now
        self.save(draft)
        return True

    def undo(self, draft: Draft) -> bool:
        """Step back one change; False when there is nothing to undo."""
        if not draft.undo_stack:
            return False
        entry = draft.undo_stack.pop()
        draft.text = _patch(entry).backward(draft.text)
        draft.redo_stack.append(entry)
        draft.updated = time.time()
        self.save(draft)
        return True

    def redo(self, draft: Draft) -> bool:
        """Step forward again after an undo; False when there is nothing to redo."""
        if not draft.redo_stack:
            return False
        entry = draft.redo_stack.pop()
        draft.text = _patch(entry).forward(draft.text)
        # A redone step must not merge with the next edit: it is a step of its own.
        draft.undo_stack.append({**entry, "time": 0.0})
        draft.updated = time.time()
        self.save(draft)
        return True

    def update(self, draft: Draft, *, name: str | None = None, locale: str | None | bool = False) -> None:
        """Change the name and/or the UI language (``locale=None`` follows the blueprint)."""
        if name is not None:
            draft.name = name
        if locale is not False:
            draft.locale = locale if locale in ("en", "zh") else None
        draft.updated = time.time()
        self.save(draft)

    def _trim(self, draft: Draft) -> None:
        stack = draft.undo_stack
        excess = len(stack) - self.max_history
        if excess > 0:
            del stack[:excess]
        total = sum(len(entry["old"]) + len(entry["new"]) for entry in stack)
        while stack and total > self.max_history_chars:
            dropped = stack.pop(0)
            total -= len(dropped["old"]) + len(dropped["new"])
