"""unreachable-step: steps no path reaches from an entry step."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "unreachable-step"
INVALID = {
    # browse <-> explain is a loop nothing enters; leave is only reached from it.
    "invalid-loop-nobody-enters.yaml": [(6, 9, "browse"), (10, 9, "explain"), (14, 10, "leave")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    # two entry steps, and a return flow into 'explain' that does not stop 'ask' being reached
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    check_invalid(RULE, name, INVALID[name])
