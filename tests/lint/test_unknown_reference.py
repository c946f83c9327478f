"""unknown-reference: lanes, phases, steps that do not exist, with did-you-mean."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "unknown-reference"
INVALID = {
    "invalid-typos.yaml": [(6, 63, "arive"), (11, 15, "cal"), (12, 19, "chek"), (13, 23, "backstagee"),
                           (16, 12, "chek"), (18, 36, "calll"), (19, 33, "cal")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    lane = findings[3]
    assert lane.message == "step 'check': lane 'backstagee' is not declared (did you mean 'backstage'?)"
    assert all("did you mean" in f.message for f in findings)
