"""Messages as catalogue keys with named placeholders, written out in any language of the catalogue.

A lint rule does not write its message in English and in Chinese: it says which message, by key,
and with what (``say("lint.dead-end.no-way-out", zone=..., step="record")``). The words are the
catalogue's (:mod:`blueprint.words`), so a new language is new catalogue entries, not edits of the
rules. A placeholder's value is written in the message's language when it has words of its own (a
:class:`Phrase`, an :class:`IdList`, a :class:`blueprint.durations.Duration`: anything with a
``text(locale)``); anything else is inserted as it is.

>>> from datetime import timedelta
>>> from blueprint.durations import Duration
>>> late = say("lint.standard-exceeded.wait", step="greet", takes=Duration(timedelta(seconds=90)),
...            limit=Duration(timedelta(minutes=1)))
>>> late.text("en")
"step 'greet' takes 1min 30s, over its wait standard of 1min: shorten the wait or raise 'wait'"
>>> late.text("zh")
"步骤 'greet' 需要 1分钟30秒，超过了它的等待时限 1分钟：请缩短等待，或放宽 'wait'"
"""

from __future__ import annotations

from dataclasses import dataclass

from .words import DEFAULT_LOCALE, normalize, word

__all__ = ["Phrase", "IdList", "Listed", "say"]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A catalogue message ``key`` and the values of its ``{placeholders}``."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, locale: str = DEFAULT_LOCALE) -> str:
        """The message in ``locale`` (English where the catalogue lacks it)."""
        locale = normalize(locale)
        return self.template(locale).format(**{name: _written(value, locale) for name, value in self.params})

    def template(self, locale: str) -> str:
        """The message's words in ``locale``, placeholders unfilled: the catalogue's."""
        return word(self.key, locale)

    @property
    def en(self) -> str:
        """The message in English."""
        return self.text("en")

    @property
    def zh(self) -> str:
        """The message in Chinese."""
        return self.text("zh")


@dataclass(frozen=True, slots=True)
class IdList:
    """Ids in a message, quoted and joined the language's way (``'a', 'b'``, ``'a'、'b'``), the first
    ``limit`` of them."""

    ids: tuple[str, ...]
    limit: int = 5

    def text(self, locale: str = DEFAULT_LOCALE) -> str:
        comma = word("join.list", locale)
        shown = comma.join(f"'{ident}'" for ident in self.ids[:self.limit])
        return shown + (f"{comma}…" if len(self.ids) > self.limit else "")


@dataclass(frozen=True, slots=True)
class Listed:
    """Words in a message, joined the language's way (``a, b``, ``a、b``), all of them, unquoted; an
    item with words of its own (a :class:`Phrase`) is written in the message's language."""

    items: tuple[object, ...]

    def text(self, locale: str = DEFAULT_LOCALE) -> str:
        return word("join.list", locale).join(str(_written(item, locale)) for item in self.items)


def say(key: str, /, **params: object) -> Phrase:
    """The message ``key`` with its placeholders' values."""
    return Phrase(key, tuple(params.items()))


def _written(value: object, locale: str) -> object:
    """A placeholder's value: in ``locale`` when it has words, else itself (so ``{load:.1f}`` works)."""
    if isinstance(value, (str, int, float)):  # most values: ids, keys, numbers
        return value
    text = getattr(value, "text", None)
    return text(locale) if callable(text) else value
