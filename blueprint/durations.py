"""Durations: ``90s``, ``3min``, ``1.5h``, ``10m``, ``1h30min``, or a bare number of minutes.

All durations become :class:`datetime.timedelta`, the one time type of the package.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta

__all__ = ["parse_duration", "format_duration", "UNITS"]

# Unit spellings -> seconds. Chinese units are accepted because workshop files are written in Chinese.
UNITS: dict[str, float] = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "秒": 1, "秒钟": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "分": 60, "分钟": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "小时": 3600, "时": 3600,
    "d": 86400, "day": 86400, "days": 86400, "天": 86400,
}

_NUMBER = r"(?:\d+(?:\.\d*)?|\.\d+)"
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_PART = re.compile(rf"\s*({_NUMBER})\s*({_UNIT})", re.IGNORECASE)
_WHOLE = re.compile(rf"(?:\s*{_NUMBER}\s*(?:{_UNIT}))+\s*", re.IGNORECASE)

# Ten years: anything longer is a typo, and huge numbers would overflow timedelta.
_MAX_SECONDS = 10 * 365 * 86400


def parse_duration(value: object) -> timedelta:
    """Parse a duration value from a blueprint file.

    A bare number is minutes. Raises ``ValueError`` with a message fit for a user.

    >>> parse_duration("90s")
    datetime.timedelta(seconds=90)
    >>> parse_duration("1.5h") == parse_duration(90)
    True
    >>> parse_duration("1h 30min").total_seconds()
    5400.0
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a duration like 3min, 90s or 1.5h, got {str(value).lower()}")
    if isinstance(value, (int, float)):
        seconds = float(value) * 60
    elif isinstance(value, str):
        text = value.strip()
        try:
            seconds = float(text) * 60
        except ValueError:
            if not _WHOLE.fullmatch(text):
                raise ValueError(
                    f"'{value}' is not a duration: write a number of minutes or a number "
                    "with a unit, like 90s, 3min, 1.5h or 10m"
                ) from None
            seconds = sum(float(n) * UNITS[u.lower()] for n, u in _PART.findall(text))
    else:
        raise ValueError(f"expected a duration like 3min, 90s or 1.5h, got a {type(value).__name__}")
    if math.isnan(seconds) or seconds < 0:
        raise ValueError(f"a duration cannot be negative or not a number, got {value!r}")
    if seconds > _MAX_SECONDS:
        raise ValueError(f"duration {value!r} is longer than ten years")
    return timedelta(seconds=round(seconds, 3))


def format_duration(duration: timedelta, locale: str = "en") -> str:
    """Format a duration for people: ``90s`` -> ``1.5 min``; ``zh`` gives ``1.5分钟``.

    >>> format_duration(timedelta(minutes=3))
    '3 min'
    >>> format_duration(timedelta(seconds=45), "zh")
    '45秒'
    >>> format_duration(timedelta(minutes=90))
    '1.5 h'
    """
    seconds = duration.total_seconds()
    zh = locale == "zh"
    if seconds < 60:
        amount, unit = seconds, ("秒" if zh else " s")
    elif seconds < 3600:
        amount, unit = seconds / 60, ("分钟" if zh else " min")
    else:
        amount, unit = seconds / 3600, ("小时" if zh else " h")
    number = f"{amount:.1f}".rstrip("0").rstrip(".")
    return f"{number}{unit}"
