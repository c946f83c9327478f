"""open-loop: handoffs behind the line of visibility that never come back."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "open-loop"
INVALID = {
    # log -> ticket hands off; ticket -> repair -> close never reaches the front again.
    "invalid-never-confirmed.yaml": [(16, 12, "ticket")],
    # sign (customer) -> file and order -> record (support flow) both open; order -> check
    # is closed by a return flow and is not reported.
    "invalid-support-and-customer.yaml": [(11, 65, "file"), (16, 23, "record")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    check_invalid(RULE, name, INVALID[name])


def test_message_and_level():
    (finding,) = check_named("invalid-never-confirmed.yaml")
    assert finding.level == "warning"
    assert "handoff from 'log' to backstage step 'ticket' never comes back" in finding.message
    assert "kind: return" in finding.message


def check_named(name):
    return check_invalid(RULE, name, INVALID[name])
