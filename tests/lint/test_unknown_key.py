"""unknown-key: keys the format does not know, with a did-you-mean suggestion."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "unknown-key"
INVALID = {
    "invalid-typos.yaml": [(2, 1, "titel"), (5, 20, "zoen"), (11, 5, "nxt"), (13, 62, "duraton"),
                           (15, 47, "labl")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    suggestions = [f.message.rsplit("(", 1)[1] for f in findings]
    assert suggestions == ["did you mean 'title'?)", "did you mean 'zone'?)", "did you mean 'next'?)",
                           "did you mean 'duration'?)", "did you mean 'label'?)"]
