"""long-label: a title or label longer than a card could ever show is cut at load, with a warning."""

import pytest

import blueprint
from blueprint.loader import MAX_LABEL_CHARS

from .helpers import check_invalid, check_valid, fixture, fixtures

RULE = "long-label"
INVALID = {
    "invalid-pasted-paragraphs.yaml": [(2, 8, "标题很长"), (5, 29, "前台"), (10, 12, "营业员"), (12, 37, '"xxx')],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    findings = check_invalid(RULE, name, INVALID[name])
    assert {f.level for f in findings} == {"warning"}
    assert all(f"cut to {MAX_LABEL_CHARS}" in f.message for f in findings)


def test_the_cut_labels_keep_their_start_and_end_in_an_ellipsis():
    bp = blueprint.load(fixture(RULE, "invalid-pasted-paragraphs.yaml"))
    cut = [bp.title, bp.lane_by_id["frontstage"].label, bp.step_by_id["check"].label, bp.flows[-1].label]
    assert [len(text) for text in cut] == [MAX_LABEL_CHARS] * 4
    assert all(text.endswith("…") for text in cut)
    assert bp.step_by_id["check"].label.startswith("营业员核对客户身份证件")

