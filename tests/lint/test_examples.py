"""The shipped blueprints: every example and starter lints clean, except the as-is "before" hall."""

import pytest

from blueprint.lint import lint
from blueprint.templates import LOCALES, starter

from ..conftest import BEFORE, EXAMPLES

CLEAN = [path for path in EXAMPLES if path.name != BEFORE]


def test_there_are_examples():
    assert CLEAN and BEFORE in {path.name for path in EXAMPLES}


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_example_lints_clean(path):
    assert [str(f) for f in lint(path)] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_starter_lints_clean(locale):
    text = starter(locale, "A title: with a colon")
    assert [str(f) for f in lint(text, path=f"starter.{locale}.yaml")] == []


def test_the_before_hall_shows_what_the_linter_is_for():
    path = next(p for p in EXAMPLES if p.name == BEFORE)
    rules = {f.rule for f in lint(path)}
    # The rectification report's shortfalls, as the linter sees them.
    assert {"missing-handoff", "open-loop", "standard-exceeded", "fail-without-recovery",
            "wait-without-standard"} <= rules
