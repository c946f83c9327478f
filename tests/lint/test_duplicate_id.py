"""duplicate-id: lanes, phases, steps or standards sharing an id."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "duplicate-id"
INVALID = {"invalid-twice.yaml": [(3, 31, "customer"), (6, 10, "arrive"), (10, 9, "greet")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    assert "step id 'greet' is used twice (first at line 9, column 10)" in findings[2].message
