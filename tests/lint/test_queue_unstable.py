"""queue-unstable: wait points whose arrivals reach the counters' capacity."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "queue-unstable"
INVALID = {"invalid-over-capacity.yaml": [(8, 39, "4"), (14, 22, "1")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    peak, vip = check_invalid(RULE, name, INVALID[name])
    assert peak.level == "error"
    # 120 an hour × 6 minutes = 12 counters busy all the time; 4 are open.
    assert "need 12.0 counters busy all the time, 4 are open (utilisation 300%); open at least 13" in peak.message
    # The busiest hour of the profile: 10 an hour × 6 minutes = 1 counter, exactly at capacity.
    assert "10 customers an hour" in vip.message and "open at least 2" in vip.message
