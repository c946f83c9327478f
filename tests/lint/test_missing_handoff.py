"""missing-handoff: flows straight between the customer and the backstage or support zones."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "missing-handoff"
INVALID = {
    # customer -> backstage in next:, and backstage -> customer in a return flow
    "invalid-customer-to-backstage.yaml": [(12, 17, "check"), (26, 23, "report")],
    "invalid-support-returns-to-customer.yaml": [(9, 22, "read")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    check_invalid(RULE, name, INVALID[name])


def test_message_names_both_zones_and_the_fix():
    first, second = check_named("invalid-customer-to-backstage.yaml")
    assert "customer step 'report' goes straight to backstage step 'check'" in first.message
    assert "add a frontstage step" in first.message
    assert "backstage step 'check' goes straight to customer step 'report'" in second.message
    assert first.level == "error"


def check_named(name):
    return check_invalid(RULE, name, INVALID[name])
