"""Journey time and standards on hand-computed blueprints, ranges included."""

import pytest

from blueprint import loads
from blueprint.analysis.journey import journey, step_times, timeline
from blueprint.analysis.standards import standards

# Times written beside each step; the journey is worked out by hand in the tests.
HALL = """\
blueprint: 1
title: hall
phases: [arrive, counter]
lanes:
  - customer
  - {id: guide, zone: frontstage}
  - {id: clerk, zone: frontstage}
  - backstage
steps:
  - {id: enter, lane: customer, label: Enter, phase: arrive, duration: 1min, next: greet}
  - {id: greet, lane: guide, label: Greet, phase: arrive, owner: Floor guide, duration: 1-3min, next: wait}
  - {id: wait, lane: customer, label: Wait, phase: arrive, wait: 10min, duration: 6-10min, next: serve}
  - {id: serve, lane: clerk, label: Serve, phase: counter, owner: Clerk, duration: 3min, next: [check, sign]}
  - {id: check, lane: backstage, label: Check, phase: counter, duration: 4min, next: sign}
  - {id: sign, lane: customer, label: Sign, phase: counter, duration: 1min, next: archive}
  - {id: archive, lane: backstage, label: Archive, phase: counter, duration: 30min}
standards:
  - {id: queue, from: enter, to: wait, max: 12min}
  - {id: whole, from: enter, to: sign, max: 15min}
  - {id: single, steps: [serve, check], max: 3min}
"""


def test_total_critical_path_and_shares_by_hand():
    j = journey(loads(HALL))
    # 1 + 2 + 8 + 3 + 4 (check, longer than going straight to sign) + 1 = 19; archive runs on after
    # the customer has left and is not part of the journey.
    assert j["total_minutes"] == {"best": 1 + 1 + 6 + 3 + 4 + 1, "expected": 19, "worst": 1 + 3 + 10 + 3 + 4 + 1}
    assert j["critical_path"] == ["enter", "greet", "wait", "serve", "check", "sign"]
    assert j["wait_share"] == pytest.approx(8 / 19)
    assert j["by_phase"] == {"arrive": 11, "counter": 8}
    assert j["by_lane"] == {"customer": 10, "guide": 2, "clerk": 3, "backstage": 4}
    assert j["by_owner"] == {"Floor guide": 2, "Clerk": 3}
    assert j["visibility"] == {"visible": 15, "backstage": 4}
    assert j["entries"] == ["enter"] and j["end"] == "sign"
    assert j["paths"] == [["enter", "wait", "sign"]]


def test_standards_status_margin_and_ranges_by_hand():
    rows = {(s["id"], s["step"]): s for s in standards(loads(HALL))}
    queue = rows[("queue", None)]
    assert (queue["minutes"], queue["best_minutes"], queue["worst_minutes"]) == (11, 8, 14)
    assert queue["margin_minutes"] == 1 and queue["status"] == "met"
    whole = rows[("whole", None)]
    assert whole["minutes"] == 19 and whole["status"] == "exceeded" and whole["margin_minutes"] == -4
    assert whole["critical_path"] == ["enter", "greet", "wait", "serve", "check", "sign"]
    assert rows[("single", "serve")]["status"] == "met"
    assert rows[("single", "check")]["status"] == "exceeded"
    assert rows[("wait", "wait")]["kind"] == "wait" and rows[("wait", "wait")]["status"] == "met"


def test_lint_reports_exactly_the_exceeded_standards():
    from blueprint.lint import lint

    findings = [f for f in lint(loads(HALL)) if f.rule == "standard-exceeded"]
    exceeded = [s for s in standards(loads(HALL)) if s["status"] == "exceeded"]
    assert len(findings) == len(exceeded) == 2
    assert "takes 19min" in findings[0].message or "takes 19min" in findings[1].message


def test_unmeasured_steps_make_a_standard_unmeasured_not_met():
    text = HALL.replace("duration: 3min, next: [check", "next: [check")
    rows = {(s["id"], s["step"]): s for s in standards(loads(text))}
    assert rows[("queue", None)]["status"] == "met"
    assert rows[("single", "serve")]["status"] == "unmeasured"
    assert journey(loads(text))["unmeasured"] == ["serve"]


def test_timeline_and_step_times_for_drawing():
    rows = {row["id"]: row for row in timeline(loads(HALL))}
    assert (rows["check"]["start"], rows["check"]["end"]) == (14, 18)
    assert (rows["archive"]["start"], rows["archive"]["end"]) == (19, 49)
    times = step_times(loads(HALL))
    assert times["check"]["status"] == "exceeded" and times["check"]["max_minutes"] == 3
    assert times["wait"]["max_minutes"] == 10 and times["wait"]["minutes"] == 8
    assert times["enter"]["status"] is None


def test_a_cycle_does_not_stop_the_journey():
    text = HALL.replace("next: archive}", "next: [archive, enter]}")
    j = journey(loads(text))
    assert j["total_minutes"]["expected"] > 0 and j["critical_path"][0] == "enter"
