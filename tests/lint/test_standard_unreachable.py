"""standard-unreachable: from/to standards with no path from 'from' to 'to'."""

import pytest

from blueprint.lint import lint

from .helpers import check_invalid, check_valid, fixture, fixtures

RULE = "standard-unreachable"
INVALID = {"invalid-swapped.yaml": [(10, 33, "take-number")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    (finding,) = check_invalid(RULE, name, INVALID[name])
    assert finding.level == "error"
    assert "no flow leads from 'call' to 'take-number'" in finding.message


def test_replaces_the_unreachable_case_of_standard_unmeasured():
    rules = [f.rule for f in lint(fixture(RULE, "invalid-swapped.yaml"))]
    assert RULE in rules and "standard-unmeasured" not in rules
