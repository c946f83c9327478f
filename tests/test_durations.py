"""Durations: every written form becomes a timedelta; bad ones give a message for people."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.durations import (
    MAX_MINUTES, PATTERN, DurationError, compact_duration, duration_text, format_duration, parse_duration,
)
from blueprint.words import locales

from .conftest import CJK


@pytest.mark.parametrize(
    "value, seconds",
    [("90s", 90), ("3min", 180), ("1.5h", 5400), ("10m", 600), (3, 180), (1.5, 90), ("2", 120),
     ("1h30min", 5400), ("1h 30m", 5400), ("3分钟", 180), ("30秒", 30), ("1小时", 3600), (".5h", 1800),
     ("2 hours", 7200), ("1d", 86400), (0, 0)],
)
def test_parse(value, seconds):
    assert parse_duration(value) == timedelta(seconds=seconds)


@pytest.mark.parametrize("value", ["", "abc", "3 weeks", "-1", "1e3", "1_0", "3Min", "nan", "min", True, None, [3]])
def test_refused(value):
    with pytest.raises(DurationError) as exc:
        parse_duration(value)
    assert "duration" in str(exc.value)
    assert isinstance(exc.value, ValueError) and CJK.search(exc.value.phrase.text("zh"))


def test_a_text_read_again_reads_the_same_and_a_bad_one_fails_every_time():
    """Short texts are read once and kept (a file repeats them on every step): keeping must not
    change an answer, keep a failure, or hold long texts."""
    from blueprint.durations import parse_duration_range

    for _ in range(2):
        assert parse_duration("90s") == timedelta(seconds=90)
        assert parse_duration_range("2-4min") == (timedelta(minutes=2), timedelta(minutes=4))
        with pytest.raises(DurationError):
            parse_duration("3 weeks")
        with pytest.raises(DurationError):
            parse_duration_range("4-2min")
    long = "1s" * 5000
    assert parse_duration(long) == timedelta(seconds=5000) == parse_duration(long)
    assert parse_duration("90s") is parse_duration("90s")  # the short text was kept


def test_too_long_and_negative_numbers():
    with pytest.raises(ValueError, match="hundred years"):
        parse_duration("999999999h")
    with pytest.raises(ValueError, match="negative"):
        parse_duration(-5)


def test_pattern_accepts_exactly_what_the_parser_accepts():
    pattern = re.compile(PATTERN)
    for text in ["90s", "3min", "1h 30min", "5", "0.5", "3分钟"]:
        assert pattern.search(text)
    for text in ["abc", "-1", "1e3", "3Min", "", "1 h x"]:
        assert not pattern.search(text)


@pytest.mark.parametrize(
    "seconds, en, zh",
    [(45, "45 s", "45秒"), (90, "1.5 min", "1.5分钟"), (180, "3 min", "3分钟"), (5400, "1.5 h", "1.5小时")],
)
def test_format(seconds, en, zh):
    assert format_duration(timedelta(seconds=seconds)) == en
    assert format_duration(timedelta(seconds=seconds), "zh") == zh


# --- every written form reads back ---------------------------------------------------------------

# Durations as the loader keeps them: whole milliseconds, from nothing to the longest allowed.
DURATIONS = st.integers(min_value=0, max_value=MAX_MINUTES * 60_000).map(lambda ms: timedelta(milliseconds=ms))


@settings(max_examples=300, deadline=None)
@given(DURATIONS)
def test_the_file_form_and_the_exact_form_read_back_exactly(duration):
    assert parse_duration(compact_duration(duration)) == duration
    for locale in locales():
        assert parse_duration(duration_text(duration, locale)) == duration, locale


@settings(max_examples=300, deadline=None)
@given(DURATIONS)
def test_the_rounded_form_reads_back_to_a_tenth_of_its_unit(duration):
    seconds = duration.total_seconds()
    unit = 1 if seconds < 60 else 60 if seconds < 3600 else 3600
    for locale in locales():
        back = parse_duration(format_duration(duration, locale)).total_seconds()
        assert abs(back - seconds) <= 0.05 * unit + 1e-6, locale


@pytest.mark.parametrize("seconds, compact", [
    (90, "90s"), (180, "3min"), (7200, "2h"), (5400, "90min"), (90.5, "90.5s"), (0, "0min"), (3.25, "3.25s"),
    (MAX_MINUTES * 60, f"{MAX_MINUTES // 60}h"),
])
def test_compact(seconds, compact):
    assert compact_duration(timedelta(seconds=seconds)) == compact


# -- ranges -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, low, high", [
    ("2-4min", 120, 240), ("90s-3min", 90, 180), ("2~4分钟", 120, 240), ("1h-1h30min", 3600, 5400),
    (" 2 - 4 min ", 120, 240), ("3min", 180, 180), (5, 300, 300),
])
def test_duration_ranges(text, low, high):
    from blueprint.durations import parse_duration_range

    assert [d.total_seconds() for d in parse_duration_range(text)] == [low, high]


@pytest.mark.parametrize("text, words", [("4-2min", "starts above where it ends"), ("2-x", "'x' is not a duration"),
                                         ("-3min", "is not a duration")])
def test_bad_ranges_say_why(text, words):
    from blueprint.durations import DurationError, parse_duration_range

    with pytest.raises(DurationError, match=words) as caught:
        parse_duration_range(text)
    assert CJK.search(caught.value.phrase.text("zh"))


def test_range_and_rate_patterns_are_the_schemas():
    from blueprint.durations import RANGE_PATTERN
    from blueprint.rates import RATE_PATTERN, SHARE_PATTERN
    from blueprint.schema import schema

    defs = schema()["$defs"]
    assert defs["durationRange"]["oneOf"][1]["pattern"] == RANGE_PATTERN
    assert defs["rate"]["oneOf"][1]["pattern"] == RATE_PATTERN
    assert defs["share"]["oneOf"][1]["pattern"] == SHARE_PATTERN


def test_a_range_loads_as_its_middle_with_its_ends():
    from blueprint import loads

    (step,) = loads("blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A, duration: 2-4min}\n").steps
    assert step.duration.total_seconds() == 180
    assert [d.total_seconds() for d in step.duration_range] == [120, 240]
