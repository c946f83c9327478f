"""isolated-step: steps with no flow in or out (recovery links count as connections)."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "isolated-step"
INVALID = {"invalid-forgotten.yaml": [(6, 9, "water"), (9, 10, "签到")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    assert findings[1].message.startswith("step '签到' has no flow in or out")
