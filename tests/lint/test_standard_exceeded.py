"""standard-exceeded: standards the durations cannot keep, with the computed time and the bound."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "standard-exceeded"
INVALID = {
    "invalid-longest-branch.yaml": [(17, 10, "10min")],
    "invalid-steps-and-wait.yaml": [(4, 77, "10min"), (8, 45, "serve")],
    "invalid-at-least.yaml": [(10, 47, "10min")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    check_invalid(RULE, name, INVALID[name])


def test_longest_branch_gives_time_bound_and_path():
    (finding,) = check_named("invalid-longest-branch.yaml")
    # 1min + 2min + 9min + 30s along the longer branch; the direct branch takes only 1min 30s.
    assert "takes 12min 30s" in finding.message
    assert "over the 10min bound" in finding.message
    assert "'take-number' → 'ask' → 'copy' → 'call'" in finding.message
    assert "排队等候不超过10分钟" in finding.message


def test_step_and_wait_standards():
    wait, step = check_named("invalid-steps-and-wait.yaml")
    assert "step 'queue' takes 12min, over its wait standard of 10min" in wait.message
    assert "step 'serve' takes 4min, over the 3min of standard 'single'" in step.message


def test_unmeasured_steps_make_it_at_least():
    (finding,) = check_named("invalid-at-least.yaml")
    assert "takes at least 11min" in finding.message


def check_named(name):
    return check_invalid(RULE, name, INVALID[name])
