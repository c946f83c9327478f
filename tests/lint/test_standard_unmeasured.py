"""standard-unmeasured: standards that cannot be checked (no durations, no path, a cycle)."""

import pytest

from blueprint.lint import lint

from .helpers import check_invalid, check_valid, fixture, fixtures

RULE = "standard-unmeasured"
INVALID = {
    "invalid-missing-durations.yaml": [(10, 10, "visit"), (11, 33, "leave")],
    "invalid-cycle.yaml": [(9, 10, "queue")],
    "invalid-one-missing-duration.yaml": [(8, 10, "visit")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    check_invalid(RULE, name, INVALID[name])


def test_messages_say_why():
    path_finding, step_finding = check_named("invalid-missing-durations.yaml")
    assert path_finding.level == "info"
    assert "2 steps on its path have no 'duration' ('greet', 'check')" in path_finding.message
    assert "step 'leave'" in step_finding.message
    (cycle,) = check_named("invalid-cycle.yaml")
    assert "goes round a cycle through 'explain', 'ask'" in cycle.message
    (one,) = check_named("invalid-one-missing-duration.yaml")
    assert "1 step on its path has no 'duration' ('greet')" in one.message


def test_exceeded_wins_over_unmeasured():
    rules = {f.rule for f in lint(fixture("standard-exceeded", "invalid-at-least.yaml"))}
    assert "standard-exceeded" in rules and RULE not in rules


def check_named(name):
    return check_invalid(RULE, name, INVALID[name])
