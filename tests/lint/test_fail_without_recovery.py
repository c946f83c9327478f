"""fail-without-recovery: fail points without a recovery step."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "fail-without-recovery"
INVALID = {"invalid-no-recovery.yaml": [(7, 11, "The terminal"), (9, 69, "Out of paper")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    assert "add 'recovery:'" in findings[0].message
