"""empty-lane: declared lanes without steps (the implicit standard lanes never count)."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "empty-lane"
INVALID = {"invalid-unused.yaml": [(6, 9, "boss")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    (finding,) = check_invalid(RULE, name, INVALID[name])
    assert finding.level == "info"
