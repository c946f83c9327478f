"""phase-without-customer: phases in which no step is in a customer lane."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "phase-without-customer"
INVALID = {"invalid-back-office-phase.yaml": [(5, 10, "repair"), (6, 5, "empty")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    assert findings[0].level == "warning"
    assert "phase 'repair' has no customer step" in findings[0].message
