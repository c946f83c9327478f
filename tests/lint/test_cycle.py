"""cycle: flow cycles not closed by a return flow, reported at the flows that go back."""

import pytest

from .helpers import check_invalid, check_valid, fixtures

RULE = "cycle"
INVALID = {
    # explain -> ask (next:), choose -> choose (a self-loop), sign -> ask (a support flow)
    "invalid-loops.yaml": [(8, 20, "ask"), (9, 63, "choose"), (12, 22, "ask")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    check_invalid(RULE, name, INVALID[name])


def test_fix_depends_on_where_the_flow_is_written():
    by_next, self_loop, by_flows = check_named("invalid-loops.yaml")
    assert "flow from 'explain' back to 'ask'" in by_next.message
    assert "move it from 'next:' to 'flows:' with 'kind: return'" in by_next.message
    assert "flow from 'choose' back to 'choose'" in self_loop.message
    assert "give it 'kind: return'" in by_flows.message
    assert "'ask', 'explain', 'choose', 'sign'" in by_flows.message


def check_named(name):
    return check_invalid(RULE, name, INVALID[name])
