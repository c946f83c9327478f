"""The semantic diff on crafted pairs: a move, a rename, a lost handoff, findings and times."""

import json

from blueprint import loads
from blueprint.analysis.diff import diff
from blueprint.cli import main

BEFORE = """\
blueprint: 1
title: before
phases: [arrive, counter]
steps:
  - {id: enter, lane: customer, label: Enter the hall, phase: arrive, duration: 1min, next: queue}
  - {id: queue, lane: customer, label: Queue, phase: arrive, duration: 30min, wait: true, next: serve}
  - {id: serve, lane: frontstage, label: Serve at the counter, phase: counter, duration: 5min, next: [copy, leave]}
  - {id: copy, lane: backstage, label: Copy the ID card, phase: counter, duration: 2min, next: serve-done}
  - {id: serve-done, lane: frontstage, label: Hand back the card, phase: counter, duration: 1min, next: leave}
  - {id: leave, lane: customer, label: Leave, phase: counter, duration: 1min}
"""

# queue is renamed wait (same label), copy moves to the frontstage (no handoff to the back
# office any more), serve-done is removed, and a kiosk is added.
AFTER = """\
blueprint: 1
title: after
phases: [arrive, counter]
steps:
  - {id: enter, lane: customer, label: Enter the hall, phase: arrive, duration: 1min, next: [wait, kiosk]}
  - {id: kiosk, lane: customer, label: Use the kiosk, phase: arrive, duration: 2min, next: leave}
  - {id: wait, lane: customer, label: Queue, phase: arrive, duration: 5min, wait: 10min, next: serve}
  - {id: serve, lane: frontstage, label: Serve at the counter, phase: counter, duration: 4min, next: copy}
  - {id: copy, lane: frontstage, label: Copy the ID card, phase: counter, duration: 1min, next: leave}
  - {id: leave, lane: customer, label: Leave, phase: counter, duration: 1min}
"""


def test_added_removed_renamed_moved_changed():
    d = diff(loads(BEFORE), loads(AFTER))
    assert [s["id"] for s in d["added"]] == ["kiosk"]
    assert [s["id"] for s in d["removed"]] == ["serve-done"]
    assert d["renamed"] == [{"from": "queue", "to": "wait"}]
    assert d["moved"] == [{"id": "copy", "what": "lane", "from": "backstage", "to": "frontstage"}]
    changed = {(c["id"], c["field"]): (c["before"], c["after"]) for c in d["changed"]}
    assert changed[("wait", "duration")] == (30, 5) and changed[("wait", "wait")] == (True, "10min")
    assert changed[("serve", "duration")] == (5, 4)
    assert ("enter", "label") not in changed


def test_flows_and_handoffs_gained_and_lost():
    d = diff(loads(BEFORE), loads(AFTER))
    added = {(f["from"], f["to"]) for f in d["flows_added"]}
    removed = {(f["from"], f["to"]) for f in d["flows_removed"]}
    # The renamed step keeps its flows: enter -> wait is not a new flow.
    assert added == {("enter", "kiosk"), ("kiosk", "leave"), ("copy", "leave")}
    assert ("enter", "wait") not in added and ("serve", "copy") not in removed
    assert removed == {("serve", "leave"), ("copy", "serve-done"), ("serve-done", "leave")}
    lost = {(f["from"], f["to"]) for f in d["handoffs_lost"]}
    # serve -> copy stays a flow but, with copy now in the frontstage, is no longer a handoff.
    assert lost == {("serve", "copy"), ("serve", "leave"), ("copy", "serve-done"), ("serve-done", "leave")}
    assert {(f["from"], f["to"]) for f in d["handoffs_gained"]} == {("copy", "leave")}
    assert d["crossings"]["line-of-visibility"] == {"before": 2, "after": 0, "gained": 0, "lost": 2}


def test_journey_and_findings_before_and_after():
    d = diff(loads(BEFORE), loads(AFTER))
    assert d["journey_minutes"] == {"before": 1 + 30 + 5 + 2 + 1 + 1, "after": 1 + 5 + 4 + 1 + 1}
    assert any(f["rule"] == "wait-without-standard" for f in d["findings_fixed"])
    assert all(f["rule"] != "wait-without-standard" for f in d["findings_introduced"])


def test_identical_files_differ_in_nothing():
    d = diff(loads(BEFORE), loads(BEFORE))
    for key in ("added", "removed", "renamed", "moved", "changed", "flows_added", "flows_removed",
                "handoffs_gained", "handoffs_lost", "findings_fixed", "findings_introduced"):
        assert d[key] == [], key


def test_cli_diff_json_and_text(tmp_path, capsys):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(BEFORE, encoding="utf-8")
    b.write_text(AFTER, encoding="utf-8")
    assert main(["diff", str(a), str(b), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    for key in ("added", "removed", "moved", "changed", "flows_added", "flows_removed", "findings_fixed",
                "findings_introduced", "journey_minutes"):
        assert key in result
    assert result["moved"][0]["from"] == "backstage" and result["journey_minutes"]["after"] == 12
    assert main(["diff", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "copy: lane backstage → frontstage" in out and "queue → wait" in out
    assert "total 40.0 min → 12.0 min" in out


def test_cli_diff_missing_file_exits_2(tmp_path, capsys):
    a = tmp_path / "a.yaml"
    a.write_text(BEFORE, encoding="utf-8")
    assert main(["diff", str(a), str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml" in capsys.readouterr().err
