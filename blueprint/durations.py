"""Durations: ``90s``, ``3min``, ``1.5h``, ``10m``, ``1h30min``, or a bare number of minutes.

All durations become :class:`datetime.timedelta`, the one time type of the package. This module
reads them (:func:`parse_duration`) and writes them three ways: as a file writes them
(:func:`compact_duration`), rounded for people (:func:`format_duration`) and exactly, for messages
that compare times (:func:`duration_text`); the words of the last two come from
:mod:`blueprint.words`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from .errors import brief, kind_of
from .phrases import Phrase, say
from .words import DEFAULT_LOCALE, word

__all__ = [
    "parse_duration", "parse_duration_range", "compact_duration", "format_duration", "duration_text",
    "Duration", "DurationError", "UNITS", "PATTERN", "RANGE_PATTERN", "MAX_MINUTES",
]

# Unit spellings -> seconds. Chinese units are accepted because workshop files are written in Chinese.
UNITS: dict[str, float] = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "秒": 1, "秒钟": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "分": 60, "分钟": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "小时": 3600, "时": 3600,
    "d": 86400, "day": 86400, "days": 86400, "天": 86400,
}

_NUMBER = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_PART = re.compile(rf" *({_NUMBER}) *({_UNIT})")
#: The whole text of a duration. The JSON Schema uses the same pattern (a test holds them together).
PATTERN = rf"^ *(?:{_NUMBER}|(?:{_NUMBER} *(?:{_UNIT}) *)+) *$"
_WHOLE = re.compile(PATTERN)
_BARE = re.compile(rf" *{_NUMBER} *")
#: A range of durations, ``2-4min`` (a bare low end takes the high end's unit), ``90s-3min``, ``2~4分钟``.
RANGE_PATTERN = rf"^ *({_NUMBER}(?: *(?:{_UNIT}))?(?: *{_NUMBER} *(?:{_UNIT}))*) *[-~～–] *(.+?) *$"
# The same low end and separator for Python, with each number atomic: RANGE_PATTERN can split a run
# of digits into numbers in every possible way, and took 90 s on 20,000 digits that were no range.
_ATOMIC_NUMBER = r"(?>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_RANGE_START = re.compile(rf" *({_ATOMIC_NUMBER}(?: *(?:{_UNIT}))?(?: *{_ATOMIC_NUMBER} *(?:{_UNIT}))*) *[-~～–] *")

# A hundred years: anything longer is a typo, and huge numbers would overflow timedelta.
MAX_MINUTES = 100 * 365 * 24 * 60
_MAX_SECONDS = MAX_MINUTES * 60


class DurationError(ValueError):
    """A value that is not a duration: ``phrase`` is the message in every language, ``str()`` its
    English."""

    def __init__(self, phrase: Phrase):
        super().__init__(phrase.text("en"))
        self.phrase = phrase


def parse_duration(value: object) -> timedelta:
    """Parse a duration value from a blueprint file.

    A bare number is minutes. Raises :class:`DurationError` (a ``ValueError``) with a message fit
    for a user, in English and in Chinese.

    >>> parse_duration("90s")
    datetime.timedelta(seconds=90)
    >>> parse_duration("1.5h") == parse_duration(90)
    True
    >>> parse_duration("1h 30min").total_seconds()
    5400.0
    >>> parse_duration("3分钟").total_seconds()
    180.0
    """
    return _parse_text(value) if type(value) is str and len(value) <= _CACHED_CHARS else _parse(value)


# A file writes the same few durations on thousands of steps: each short text is read once (only
# what parses is kept; a text that fails raises anew each time). Long ones are not kept: the cache
# lives as long as the process and must stay small whatever it is fed.
_CACHED_CHARS = 32


@lru_cache(maxsize=4096)
def _parse_text(value: str) -> timedelta:
    return _parse(value)


def _parse(value: object) -> timedelta:
    if isinstance(value, bool):
        raise DurationError(say("duration-error.boolean", value=str(value).lower()))
    if isinstance(value, (int, float)):
        seconds = float(value) * 60
    elif isinstance(value, str):
        if not _WHOLE.fullmatch(value):
            raise DurationError(say("duration-error.not-a-duration", value=brief(value)))
        if _BARE.fullmatch(value):
            seconds = float(value) * 60
        else:  # only numbers with units: scanning a long bare number for units is quadratic
            seconds = sum(float(n) * UNITS[u] for n, u in _PART.findall(value))
    else:
        raise DurationError(say("duration-error.not-text", kind=kind_of(value)))
    if math.isnan(seconds) or seconds < 0:
        raise DurationError(say("duration-error.negative", value=brief(value)))
    if seconds > _MAX_SECONDS:
        raise DurationError(say("duration-error.too-long", value=brief(value)))
    return timedelta(seconds=round(seconds, 3))


def parse_duration_range(value: object) -> tuple[timedelta, timedelta]:
    """Parse a duration or a range of durations into ``(low, high)``; a duration is ``(d, d)``.

    >>> [str(d) for d in parse_duration_range("2-4min")]
    ['0:02:00', '0:04:00']
    >>> [d.total_seconds() for d in parse_duration_range("90s - 3min")]
    [90.0, 180.0]
    >>> parse_duration_range(5)[0] == parse_duration_range(5)[1]
    True
    """
    return _range_of_text(value) if type(value) is str and len(value) <= _CACHED_CHARS else _range(value)


@lru_cache(maxsize=4096)
def _range_of_text(value: str) -> tuple[timedelta, timedelta]:
    return _range(value)


def _range(value: object) -> tuple[timedelta, timedelta]:
    match = _RANGE_START.match(value) if isinstance(value, str) else None
    high_text = value[match.end():].rstrip(" ") if match else ""
    if not high_text:  # what RANGE_PATTERN's (.+?) needs: something after the separator
        high_text = value[match.end():] if match else ""
    if not high_text:
        single = parse_duration(value)
        return single, single
    low_text = match.group(1)
    high = parse_duration(high_text)
    if _BARE.fullmatch(low_text) and not _BARE.fullmatch(high_text):
        low_text += _PART.match(high_text).group(2)  # 2-4min: the low end is in minutes too
    low = parse_duration(low_text)
    if low > high:
        raise DurationError(say("duration-error.range-reversed", value=brief(value)))
    return low, high


def compact_duration(duration: timedelta | None) -> str | None:
    """A duration as a file writes it, in the largest unit that keeps it exact: ``90s``, ``3min``, ``2h``.

    >>> compact_duration(timedelta(seconds=90)), compact_duration(timedelta(minutes=3))
    ('90s', '3min')
    >>> compact_duration(timedelta(hours=2)), compact_duration(timedelta(seconds=1.5)), compact_duration(None)
    ('2h', '1.5s', None)
    """
    if duration is None:
        return None
    seconds = duration.total_seconds()
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{_number(seconds / 3600)}h"
    if seconds % 60 == 0:
        return f"{_number(seconds / 60)}min"
    return f"{_number(seconds)}s"


def format_duration(duration: timedelta, locale: str = "en") -> str:
    """Format a duration for people, to a tenth of its unit: ``90s`` -> ``1.5 min``; ``zh`` gives ``1.5分钟``.

    >>> format_duration(timedelta(minutes=3))
    '3 min'
    >>> format_duration(timedelta(seconds=45), "zh")
    '45秒'
    >>> format_duration(timedelta(minutes=90))
    '1.5 h'
    """
    seconds = duration.total_seconds()
    if seconds < 60:
        amount, unit = seconds, "s"
    elif seconds < 3600:
        amount, unit = seconds / 60, "min"
    else:
        amount, unit = seconds / 3600, "h"
    return word(f"duration.{unit}", locale).format(_number(amount, 1))


def duration_text(duration: timedelta, locale: str = "en") -> str:
    """A duration written exactly, for messages that compare times.

    >>> duration_text(timedelta(hours=4, minutes=50)), duration_text(timedelta(seconds=750))
    ('4h 50min', '12min 30s')
    >>> duration_text(timedelta(0)), duration_text(timedelta(seconds=1.5))
    ('0s', '1.5s')
    >>> duration_text(timedelta(hours=4, minutes=50), "zh"), duration_text(timedelta(seconds=750), "zh")
    ('4小时50分钟', '12分钟30秒')
    """
    hours, rest = divmod(duration.total_seconds(), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(word("duration.exact.h", locale).format(int(hours)))
    if minutes:
        parts.append(word("duration.exact.min", locale).format(int(minutes)))
    if seconds or not parts:
        parts.append(word("duration.exact.s", locale).format(_number(seconds)))
    return word("duration.exact.join", locale).join(parts)


@dataclass(frozen=True, slots=True)
class Duration:
    """A duration as a message's placeholder, written exactly in the message's language
    (``4h 50min``, ``4小时50分钟``; see :mod:`blueprint.phrases`)."""

    duration: timedelta

    def text(self, locale: str = DEFAULT_LOCALE) -> str:
        return duration_text(self.duration, locale)


def _number(amount: float, decimals: int = 3) -> str:
    """``amount`` to ``decimals`` places without trailing zeros or an exponent: ``1.5``, ``90``."""
    return f"{amount:.{decimals}f}".rstrip("0").rstrip(".")
