"""fail-without-owner: fail points on steps without an owner."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "fail-without-owner"
INVALID = {"invalid-no-owner.yaml": [(7, 11, "The terminal"), (10, 67, "Out of paper")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    assert findings[0].level == "warning" and "add 'owner:'" in findings[0].message
