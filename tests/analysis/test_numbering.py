"""Step numbers in journey order: phases left to right, the flow inside a phase, the file on a tie."""

from __future__ import annotations

from blueprint import loads
from blueprint.analysis.numbering import graph_numbers, step_numbers
from tests.conftest import EXAMPLES

from blueprint import load


def numbered(yaml: str) -> dict[str, int]:
    bp = loads("blueprint: 1\ntitle: t\n" + yaml)
    numbers = step_numbers(bp)
    return {step.id: numbers[step.index] for step in bp.steps}


def test_numbers_follow_the_flow_not_the_file():
    assert numbered(
        "steps:\n"
        "- {id: pay, lane: customer, label: Pay}\n"
        "- {id: enter, lane: customer, label: Enter, next: ask}\n"
        "- {id: ask, lane: frontstage, label: Ask, next: pay}\n"
    ) == {"enter": 1, "ask": 2, "pay": 3}


def test_phases_come_first_and_a_step_without_one_goes_with_its_predecessor():
    assert numbered(
        "phases: [{id: one, label: One}, {id: two, label: Two}]\n"
        "steps:\n"
        "- {id: late, lane: customer, phase: two, label: Late}\n"
        "- {id: early, lane: customer, phase: one, label: Early, next: loose}\n"
        "- {id: loose, lane: frontstage, label: Loose}\n"
    ) == {"early": 1, "loose": 2, "late": 3}


def test_returns_and_recoveries_do_not_order_and_a_cycle_breaks_at_its_first_step():
    assert numbered(
        "steps:\n"
        "- {id: a, lane: customer, label: A, next: b, fail: x, recovery: c}\n"
        "- {id: b, lane: frontstage, label: B, next: a}\n"
        "- {id: c, lane: backstage, label: C}\n"
        "flows:\n"
        "- {from: c, to: a, kind: return}\n"
    ) == {"a": 1, "b": 2, "c": 3}


def test_the_graph_gives_every_example_the_same_numbers_as_the_blueprint():
    for path in EXAMPLES:
        bp = load(path)
        numbers = step_numbers(bp)
        assert sorted(numbers.values()) == list(range(1, len(bp.steps) + 1)), path.name
        by_id = {step.id: numbers[step.index] for step in reversed(bp.steps)}  # the first of a duplicate id
        if len(by_id) == len(bp.steps):
            assert graph_numbers(bp.to_graph()) == by_id, path.name
