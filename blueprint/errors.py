"""Source positions, collected problems, and the one error that stops loading."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

__all__ = ["Pos", "Positions", "Problem", "BlueprintError", "did_you_mean"]


@dataclass(frozen=True, slots=True)
class Pos:
    """Where a YAML node starts: file path, 1-based line, 1-based column (in characters)."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Positions(Mapping):
    """Positions by key, made into :class:`Pos` objects only when asked for.

    A blueprint has a position for every key and value; building them all up front costs more
    than reading the file, and most are never looked at.

    >>> positions = Positions("a.yaml", {"lane": (3, 5), 7: (4, 1)})
    >>> positions["lane"], list(positions)
    (Pos(path='a.yaml', line=3, column=5), ['lane'])
    """

    __slots__ = ("_path", "_raw")

    def __init__(self, path: str, raw: Mapping[object, tuple[int, int]]):
        self._path = path
        self._raw = raw

    def __getitem__(self, key: str) -> Pos:
        if not isinstance(key, str):
            raise KeyError(key)
        line, column = self._raw[key]
        return Pos(self._path, line, column)

    def __iter__(self) -> Iterator[str]:
        return (key for key in self._raw if isinstance(key, str))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._raw

    def __repr__(self) -> str:
        return f"Positions({dict(self)!r})"


@dataclass(frozen=True, slots=True)
class Problem:
    """A content problem found while loading: the blueprint still loads, the problem is reported.

    ``rule`` is the lint rule id (``schema``, ``unknown-key``, ``duplicate-id``,
    ``unknown-reference``); the linter decides the level.
    """

    rule: str
    message: str
    pos: Pos

    def __str__(self) -> str:
        return f"{self.pos}: {self.message} ({self.rule})"


class BlueprintError(Exception):
    """Input that cannot be loaded at all: not YAML, a duplicate key, or hostile input.

    ``str(error)`` is one line: ``path:line:col: message (rule)``.
    """

    def __init__(self, rule: str, message: str, pos: Pos):
        super().__init__(f"{pos}: {message} ({rule})")
        self.rule = rule
        self.message = message
        self.pos = pos

    @property
    def problem(self) -> Problem:
        return Problem(self.rule, self.message, self.pos)


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest candidate, or ``""``.

    >>> did_you_mean("backstagee", ["customer", "backstage"])
    " (did you mean 'backstage'?)"
    >>> did_you_mean("zzz", ["customer"])
    ''
    """
    if not isinstance(word, str):
        return ""
    candidates = list(candidates)
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if not match:
        folded = {c.casefold(): c for c in candidates}
        if word.casefold() in folded:
            match = [folded[word.casefold()]]
    return f" (did you mean '{match[0]}'?)" if match else ""
