"""Source positions, collected problems, and the one error that stops loading.

A message is a :class:`blueprint.phrases.Phrase` (a catalogue key and its values), written out in
any language of the catalogue by ``text(locale)``; ``message`` is its English (what every output
shows by default) and ``message_zh`` its Chinese, each written out when first read (:class:`Said`).
A few callers outside the loader still pass the two texts themselves.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .controls import visible
from .phrases import Phrase, say

__all__ = ["Pos", "Positions", "Bilingual", "Said", "Problem", "BlueprintError", "did_you_mean",
           "hint", "closest", "kind_of", "brief"]


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


class Bilingual:
    """What carries a message: a catalogue ``phrase`` (any language), or the English ``message`` and
    the Chinese ``message_zh`` (may be empty) alone."""

    __slots__ = ()

    def text(self, locale: str = "en") -> str:
        """The message in ``locale``: the phrase's words in that language when there is a phrase, else
        the Chinese for ``"zh"`` when there is one, else the English.

        >>> where = Pos("a.yaml", 3, 5)
        >>> problem = Problem.said("schema", say("lint.schema.missing", name="step 'a'", key="label"), where)
        >>> problem.message, problem.text("zh")
        ("step 'a' has no 'label'", "step 'a'：缺少 'label'")
        """
        phrase = getattr(self, "phrase", None)
        if phrase is not None:
            return self._shaped(phrase.text(locale))
        return self.message_zh if locale == "zh" and self.message_zh else self.message

    def _shaped(self, text: str) -> str:
        """A phrase's words as this carrier shows them (a finding: on one line)."""
        return text


class Said(Bilingual):
    """A :class:`Bilingual` whose phrase is written out in English or in Chinese when that text is
    first read, and kept: a file with thousands of problems writes none of them while it loads and is
    linted, and only the language shown when they are shown.

    ``message`` and ``message_zh`` are read-only; a carrier keeps what it was given with
    :meth:`_keep`, in the slots (or attributes) ``phrase``, ``_en`` and ``_zh``.
    """

    __slots__ = ()

    def _keep(self, message: str | Phrase, message_zh: str = "") -> None:
        """Keep ``message``: a catalogue phrase, written out when read, or the English text with
        ``message_zh`` beside it. (Carriers are frozen: this and the texts' cache write past that.)"""
        phrase = message if isinstance(message, Phrase) else None
        object.__setattr__(self, "phrase", phrase)
        object.__setattr__(self, "_en", None if phrase is not None else message)
        object.__setattr__(self, "_zh", None if phrase is not None else message_zh)

    @property
    def message(self) -> str:
        """The message in English."""
        if self._en is None:
            object.__setattr__(self, "_en", self._shaped(self.phrase.text("en")))
        return self._en

    @property
    def message_zh(self) -> str:
        """The message in Chinese (empty when it was given in English alone)."""
        if self._zh is None:
            object.__setattr__(self, "_zh", self._shaped(self.phrase.text("zh")))
        return self._zh

    def text(self, locale: str = "en") -> str:
        if self.phrase is None or locale not in ("en", "zh"):
            return Bilingual.text(self, locale)
        return self.message if locale == "en" else self.message_zh

    def given(self) -> tuple[Phrase | str, str]:
        """What the message was made of, for another carrier of it: ``(phrase, "")`` or the texts."""
        return (self.phrase, "") if self.phrase is not None else (self._en, self._zh)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Problem(Said):
    """A content problem found while loading: the blueprint still loads, the problem is reported.

    ``rule`` is the lint rule id (``schema``, ``unknown-key``, ``duplicate-id``,
    ``unknown-reference``); the linter decides the level. ``message`` is a catalogue
    :class:`~blueprint.phrases.Phrase` (see :class:`Said`), or the English text with ``message_zh``
    beside it. Problems are equal when their rule, English message and position are.
    """

    rule: str
    pos: Pos
    phrase: Phrase | None
    _en: str | None
    _zh: str | None

    def __init__(self, rule: str, message: str | Phrase, pos: Pos, message_zh: str = ""):
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "pos", pos)
        self._keep(message, message_zh)

    @classmethod
    def said(cls, rule: str, phrase: Phrase, pos: Pos) -> Problem:
        """The problem whose message is ``phrase``."""
        return cls(rule, phrase, pos)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.rule, self.pos, self.message) == (other.rule, other.pos, other.message)

    def __hash__(self) -> int:
        return hash((self.rule, self.pos, self.message))

    def __repr__(self) -> str:
        return f"Problem(rule={self.rule!r}, message={self.message!r}, pos={self.pos!r})"

    def __str__(self) -> str:
        return self.describe()

    def describe(self, locale: str = "en") -> str:
        """One line, ``path:line:col: message (rule)``, with the message in ``locale`` (control
        and bidi characters written as escapes, see :mod:`blueprint.controls`)."""
        return visible(f"{self.pos}: {self.text(locale)} ({self.rule})")


class BlueprintError(Exception, Said):
    """Input that cannot be loaded at all: not YAML, a duplicate key, or hostile input.

    ``str(error)`` is one line: ``path:line:col: message (rule)``, in English;
    ``error.problem.describe("zh")`` is the same line in Chinese. ``message`` is a catalogue
    :class:`~blueprint.phrases.Phrase`, or the English text with ``message_zh`` beside it.
    """

    def __init__(self, rule: str, message: str | Phrase, pos: Pos, message_zh: str = ""):
        self._keep(message, message_zh)
        self.rule = rule
        self.pos = pos
        super().__init__(visible(f"{pos}: {self.message} ({rule})"))

    @property
    def problem(self) -> Problem:
        message, message_zh = self.given()
        return Problem(self.rule, message, self.pos, message_zh)


def closest(word: object, candidates: Iterable[str]) -> str | None:
    """The candidate ``word`` is most likely a misspelling of (ignoring case), or None.

    >>> closest("backstagee", ["customer", "backstage"]), closest("zzz", ["customer"])
    ('backstage', None)
    """
    if not isinstance(word, str):
        return None
    candidates = list(candidates)
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if match:
        return match[0]
    folded = {c.casefold(): c for c in candidates}
    return folded.get(word.casefold())


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest candidate, or ``""``.

    >>> did_you_mean("backstagee", ["customer", "backstage"])
    " (did you mean 'backstage'?)"
    >>> did_you_mean("zzz", ["customer"])
    ''
    """
    found = hint(word, candidates)
    return found if isinstance(found, str) else found.en


def hint(word: object, candidates: Iterable[str]) -> Phrase | str:
    """:func:`did_you_mean` as a placeholder's value: a phrase in every language, or ``""``.

    >>> hint("backstagee", ["customer", "backstage"]).text("zh"), hint("zzz", ["customer"])
    ("（是不是 'backstage'？）", '')
    """
    match = closest(word, candidates)
    return "" if match is None else say("lint.did-you-mean", match=match)


def brief(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to about ``limit`` characters: a value quoted in a message stays short,
    however long the value in the file.

    >>> brief("3 minutes"), brief("x" * 100, 10)
    ("'3 minutes'", "'xxxxxxxxx…'")
    """
    if isinstance(value, str) and len(value) > limit:
        return repr(value[:limit - 1] + "…")
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def kind_of(value: object) -> Phrase:
    """What a value is, for messages that say what it should have been.

    >>> kind_of([1]).en, kind_of(True).zh
    ('a list', '布尔值 true')
    """
    if value is None:
        return say("value-kind.empty")
    if isinstance(value, bool):
        return say("value-kind.boolean", value=str(value).lower())
    if isinstance(value, (int, float)):
        return say("value-kind.number", value=value)
    if isinstance(value, str):
        return say("value-kind.text")
    if isinstance(value, dict):
        return say("value-kind.mapping")
    if isinstance(value, list):
        return say("value-kind.list")
    return say("value-kind.other", name=type(value).__name__)
