"""dead-end: backstage and support steps with no way out (recovery links are not one)."""

import pytest

from .helpers import check_invalid, check_valid, fixture, fixtures, located

RULE = "dead-end"
INVALID = {"invalid-no-way-out.yaml": [(7, 9, "check"), (14, 10, "log")]}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    assert findings[0].message.startswith("backstage step 'check' has no way out")


def test_zones_option():
    path = fixture(RULE, "invalid-no-way-out.yaml")
    config = {"rules": {RULE: {"zones": ["support"]}}}
    assert located(RULE, path, ["log"], config) == [(14, 10, "log")]
    config = {"rules": {RULE: {"zones": ["frontstage"]}}}
    # 'sign' is frontstage and leads only to a support flow, so it has a way out; nothing else.
    assert located(RULE, path, [], config) == []
