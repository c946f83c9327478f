"""duplicate-key: the same key twice in a mapping, reported at the second."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "duplicate-key"
INVALID = {
    "invalid-two-labels.yaml": [(8, 5, "label")],
    "invalid-flow-mapping.yaml": [(4, 69, "next")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    (finding,) = check_invalid(RULE, name, INVALID[name])
    assert "first at line" in finding.message
