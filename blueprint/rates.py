"""Arrival rates (``120/h``, ``2/min``, a bare number per hour) and shares (``0.3``, ``30%``).

Rates become customers per hour, shares a fraction from 0 to 1: the units of the queue analysis.
"""

from __future__ import annotations

import math
import re

from .durations import DurationError, UNITS
from .errors import brief
from .phrases import say

__all__ = ["parse_rate", "parse_share", "parse_servers", "RATE_PATTERN", "SHARE_PATTERN"]

_NUMBER = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
#: A rate written as text: ``120/h``, ``2 / min``, ``120/小时``, ``120 per hour``. The JSON Schema uses it.
RATE_PATTERN = rf"^ *({_NUMBER}) *(?:(?:/|per) *({_UNIT}))? *$"
_RATE = re.compile(RATE_PATTERN)
#: A share written as text: ``30%``, ``0.3``.
SHARE_PATTERN = rf"^ *({_NUMBER}) *(%?) *$"
_SHARE = re.compile(SHARE_PATTERN)


def _bad(what: str, value: object) -> DurationError:
    # DurationError is the package's ValueError with a message in every language; rates reuse it.
    return DurationError(say(f"rate-error.{what}", value=brief(value)))


def parse_rate(value: object) -> float:
    """Customers per hour from ``120/h``, ``2/min``, ``1/90s`` or a bare number (per hour).

    >>> parse_rate("2/min"), parse_rate(120), parse_rate("30 per hour"), parse_rate("60/小时")
    (120.0, 120.0, 30.0, 60.0)
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        per_hour = float(value)
    elif isinstance(value, str) and (match := _RATE.fullmatch(value)):
        number, unit = match.groups()
        per_hour = float(number) * 3600 / UNITS[unit] if unit else float(number)
    else:
        raise _bad("not-a-rate", value)
    if math.isnan(per_hour) or math.isinf(per_hour) or per_hour < 0:
        raise _bad("negative", value)
    return per_hour


def parse_share(value: object) -> float:
    """A share from 0 to 1: ``0.3`` or ``30%``.

    >>> parse_share("30%"), parse_share(0.25), parse_share("1")
    (0.3, 0.25, 1.0)
    """
    share = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        share = float(value)
    elif isinstance(value, str) and (match := _SHARE.fullmatch(value)):
        share = float(match.group(1)) / (100 if match.group(2) else 1)
    if share is None or math.isnan(share) or not 0 <= share <= 1:
        raise _bad("not-a-share", value)
    return share


def parse_servers(value: object) -> int:
    """A number of servers (counters open): a whole number of at least 1.

    >>> parse_servers(4), parse_servers("12")
    (4, 12)
    """
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdecimal():
        # Past seven digits it is over the limit below whatever it says: no int() of 5,000 digits.
        number = int(value.strip()) if len(value.strip()) <= 7 else 10**7
    if number is None or number < 1:
        raise _bad("not-servers", value)
    if number > 100_000:
        raise _bad("too-many-servers", value)
    return number
