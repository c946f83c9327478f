"""wait-without-standard: wait points that no bound covers."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "wait-without-standard"
INVALID = {
    # queue and copy wait with no bound; serve is on the path of 'serving' but waits nowhere.
    "invalid-unbounded.yaml": [(7, 11, "true"), (10, 64, "true")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    # covered by its own 'wait: 10min', by a from/to standard's path, and by a steps standard
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    assert "step 'queue' is a wait point with no standard" in findings[0].message
