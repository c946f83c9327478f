"""The loader: every rule of format.md, and every content problem with its rule and position."""

from __future__ import annotations

import pickle
from datetime import timedelta

import pytest

import blueprint
from blueprint import FlowKind, Touchpoint, Zone
from blueprint.errors import Pos, Problem

from .conftest import CJK, where

MINIMAL = """\
blueprint: 1                     # format version; required
title: 营业厅办理入网              # required, any Unicode
steps:
  - {id: enter,  lane: customer,   label: 进入营业厅, next: [greet]}
  - {id: greet,  lane: frontstage, label: 迎候问候,   next: [ask]}
  - {id: ask,    lane: customer,   label: 说明需求}
"""


def problems(text: str) -> list[tuple[str, int, int]]:
    return [(p.rule, p.pos.line, p.pos.column) for p in blueprint.loads(text, "t.yaml").problems]


def test_the_minimal_file_of_format_md():
    bp = blueprint.loads(MINIMAL, "min.yaml")
    assert bp.ok and bp.problems == []
    assert bp.version == 1 and bp.title == "营业厅办理入网" and bp.locale == "en"
    assert [s.id for s in bp.steps] == ["enter", "greet", "ask"]
    assert [(f.source.id, f.target.id, f.kind) for f in bp.flows] == [
        ("enter", "greet", FlowKind.FLOW), ("greet", "ask", FlowKind.FLOW)]
    assert bp.path == "min.yaml" and bp.text == MINIMAL


def test_default_lanes_are_the_four_zones_in_order():
    bp = blueprint.loads(MINIMAL)
    assert [(lane.id, lane.zone) for lane in bp.lanes] == [
        ("customer", Zone.CUSTOMER), ("frontstage", Zone.FRONTSTAGE),
        ("backstage", Zone.BACKSTAGE), ("support", Zone.SUPPORT)]
    assert all(lane.implicit for lane in bp.lanes)
    # A lane the file does not write, like a `next:` item's flow, has no key of its own to point at.
    assert all(not lane.key_pos and lane.where("label") == lane.pos for lane in bp.lanes)
    flow = bp.flows[0]
    assert flow.origin == "next" and not flow.value_pos and flow.where("to") == flow.target.pos
    assert pickle.loads(pickle.dumps(bp)).lanes[0].where("zone") == bp.lanes[0].pos
    assert bp.lanes[0].display_label("zh") == "顾客行为"
    assert bp.step_by_id["greet"].zone is Zone.FRONTSTAGE


def test_lane_shorthand_zone_default_and_several_lanes_per_zone():
    text = """\
blueprint: 1
title: t
lanes:
  - customer
  - {id: guide, label: 导购员, zone: frontstage}
  - {id: frontstage}
  - {id: boss, zone: support, label: BOSS系统}
steps:
  - {id: a, lane: customer, label: A, next: b}
  - {id: b, lane: guide, label: B, next: c}
  - {id: c, lane: frontstage, label: C, next: d}
  - {id: d, lane: boss, label: D}
"""
    bp = blueprint.loads(text)
    assert bp.problems == []
    assert [(lane.id, lane.zone.value, lane.label) for lane in bp.lanes] == [
        ("customer", "customer", None), ("guide", "frontstage", "导购员"),
        ("frontstage", "frontstage", None), ("boss", "support", "BOSS系统")]
    assert bp.lanes[0].pos.line == 4 and bp.lanes[0].where("id").column == 5
    assert [s.zone for s in bp.steps] == [Zone.CUSTOMER, Zone.FRONTSTAGE, Zone.FRONTSTAGE, Zone.SUPPORT]
    assert [lane.id for lane in bp.lanes_in_zone_order()] == ["customer", "guide", "frontstage", "boss"]


def test_lane_without_a_zone_is_a_schema_problem_at_its_id():
    text = "blueprint: 1\ntitle: t\nlanes:\n  - {id: guide}\n  - helper\nsteps:\n  - {id: a, lane: guide, label: A}\n"
    assert problems(text) == [("schema", *where(text, "guide}")), ("schema", 5, 5)]
    assert where(text, "guide}") == (4, 10)
    bp = blueprint.loads(text)
    assert "lane 'guide' has no zone" in bp.problems[0].message
    assert bp.steps[0].zone is None


def test_lanes_are_grouped_by_zone_in_zone_order():
    text = ("blueprint: 1\ntitle: t\nlanes: [support, {id: g, zone: frontstage}, customer, backstage]\n"
            "steps:\n  - {id: a, lane: customer, label: A}\n")
    bp = blueprint.loads(text)
    assert [lane.id for lane in bp.lanes] == ["support", "g", "customer", "backstage"]
    assert [lane.id for lane in bp.lanes_in_zone_order()] == ["customer", "g", "backstage", "support"]


def test_phases_shorthand_and_labels():
    text = ("blueprint: 1\ntitle: t\nphases:\n  - arrive\n  - {id: handle, label: 办理}\n"
            "steps:\n  - {id: a, lane: customer, label: A, phase: handle}\n  - {id: b, lane: customer, label: B}\n")
    bp = blueprint.loads(text)
    assert bp.problems == []
    assert [(p.id, p.label, p.display_label()) for p in bp.phases] == [
        ("arrive", None, "arrive"), ("handle", "办理", "办理")]
    assert bp.phases[0].pos.line == 4
    assert bp.steps[0].phase == "handle" and bp.steps[1].phase is None
    assert bp.steps[0].where("phase").line == 7


def test_next_as_a_string_or_a_list_with_positions():
    text = ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, next: b}\n"
            "  - id: b\n    lane: frontstage\n    label: B\n    next:\n      - c\n      - a\n"
            "  - {id: c, lane: customer, label: C}\n")
    bp = blueprint.loads(text)
    a, b, _c = bp.steps
    assert [(r.id, r.pos.line, r.pos.column) for r in a.next] == [("b", 4, 45)]
    assert [(r.id, r.pos.line, r.pos.column) for r in b.next] == [("c", 9, 9), ("a", 10, 9)]
    assert [(f.source.id, f.target.id, f.pos.line) for f in bp.flows] == [("a", "b", 4), ("b", "c", 9), ("b", "a", 10)]
    assert bp.flows[0].origin == "next"


def test_flows_with_kinds_labels_and_positions():
    text = """\
blueprint: 1
title: t
steps:
  - {id: a, lane: frontstage, label: A}
  - {id: b, lane: backstage, label: B}
flows:
  - {from: a, to: b, label: 报障}
  - {from: b, to: a, kind: return, label: 确认}
  - {from: a, to: b, kind: support}
"""
    bp = blueprint.loads(text)
    assert bp.problems == []
    assert [(f.source.id, f.target.id, f.kind, f.label, f.origin) for f in bp.flows] == [
        ("a", "b", FlowKind.FLOW, "报障", "flows"), ("b", "a", FlowKind.RETURN, "确认", "flows"),
        ("a", "b", FlowKind.SUPPORT, None, "flows")]
    flow = bp.flows[1]
    assert (flow.pos.line, flow.pos.column) == where(text, "a, kind: return")
    assert (flow.source.pos.line, flow.source.pos.column) == (8, 12)
    assert flow.key_pos["kind"].column == where(text, "kind: return")[1]


@pytest.mark.parametrize(
    "written, seconds",
    [("90s", 90), ("3min", 180), ("1.5h", 5400), ("10m", 600), ("5", 300), ("0.5", 30), ("2分钟", 120),
     ("1h30min", 5400), ("45 sec", 45)],
)
def test_durations_all_become_timedelta(written, seconds):
    text = f"blueprint: 1\ntitle: t\nsteps:\n  - {{id: a, lane: customer, label: A, duration: {written}}}\n"
    bp = blueprint.loads(text)
    assert bp.problems == []
    assert bp.steps[0].duration == timedelta(seconds=seconds)


def test_wait_point_forms():
    text = ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, wait: true}\n"
            "  - {id: b, lane: customer, label: B, wait: 10min}\n  - {id: c, lane: customer, label: C, wait: false}\n"
            "  - {id: d, lane: customer, label: D}\n")
    bp = blueprint.loads(text)
    assert [(s.wait, s.wait_max) for s in bp.steps] == [
        (True, None), (True, timedelta(minutes=10)), (False, None), (False, None)]


def test_all_step_fields():
    text = """\
blueprint: 1
title: 营业厅
locale: zh
description: 新一代营业厅
phases: [arrive]
standards:
  - {id: queue, label: 排队等候不超过10分钟, from: take, to: take, max: 10min}
  - {id: single, steps: [take], max: 3min}
steps:
  - id: take
    lane: customer
    label: 取号
    phase: arrive
    description: 在取号机取号
    owner: 顾客
    touchpoint: equipment
    channel: 营业厅
    evidence: [排队号票, 叫号屏]
    duration: 1min
    wait: 10min
    fail: 取号机故障
    recovery: take
    emotion: -1
    kpis: [等候时长]
    notes: [高峰期排队55分钟]
"""
    bp = blueprint.loads(text)
    assert bp.problems == []
    assert bp.locale == "zh" and bp.description == "新一代营业厅"
    step = bp.steps[0]
    assert step.touchpoint is Touchpoint.EQUIPMENT and step.channel == "营业厅"
    assert step.evidence == ["排队号票", "叫号屏"] and step.kpis == ["等候时长"]
    assert step.notes == ["高峰期排队55分钟"] and step.emotion == -1 and step.fail == "取号机故障"
    assert step.recovery.id == "take"
    assert (step.recovery.pos.line, step.recovery.pos.column) == (22, 15) == where(text, "take\n    emotion")
    assert step.owner == "顾客" and step.description == "在取号机取号"
    queue, single = bp.standards
    assert queue.kind == "path" and queue.from_step.id == "take" and queue.max == timedelta(minutes=10)
    assert (queue.from_step.pos.line, queue.from_step.pos.column) == where(text, "take, to")
    assert single.kind == "steps" and [r.id for r in single.steps] == ["take"]
    assert bp.recoveries[0].kind is FlowKind.RECOVERY


def test_unicode_ids_and_references():
    text = ("blueprint: 1\ntitle: 入网\nlanes: [customer, {id: 导购, zone: frontstage}]\n"
            "steps:\n  - {id: 进厅, lane: customer, label: 进入营业厅, next: 迎候}\n"
            "  - {id: 迎候, lane: 导购, label: 迎候问候, next: [进厅]}\n")
    bp = blueprint.loads(text)
    assert bp.problems == []
    assert list(bp.step_by_id) == ["进厅", "迎候"]
    assert bp.step_by_id["迎候"].zone is Zone.FRONTSTAGE
    ref = bp.steps[1].next[0]
    assert (ref.pos.line, ref.pos.column) == where(text, "进厅]")


def test_positions_of_steps_keys_and_values():
    text = MINIMAL
    bp = blueprint.loads(text, "p.yaml")
    greet = bp.step_by_id["greet"]
    assert str(greet.pos) == "p.yaml:5:5"
    assert (greet.key_pos["lane"].line, greet.key_pos["lane"].column) == where(text, "lane: frontstage")
    assert (greet.value_pos["lane"].line, greet.value_pos["lane"].column) == where(text, "frontstage")
    assert greet.where("label").column == where(text, "迎候问候")[1]
    assert bp.key_pos["title"].line == 2 and bp.pos.line == 1


# --- content problems: the file still loads, every problem is reported -------------------------

BROKEN = """\
blueprint: 1
title: 营业厅
tilte: typo
lanes:
  - {id: customer}
  - {id: guide, zone: frontstag}
  - {id: backstage, colour: red}
phases: [arrive]
steps:
  - {id: enter, lane: customer, label: 进入, next: [greet, gret], duration: three minutes}
  - {id: greet, lane: guidee, label: 迎候, phase: arrrive, emotion: 3, touchpoint: peple}
  - {id: enter, lane: backstage, label: 重复, recovery: nowhere, wait: maybe}
  - {id: lonely, lane: backstagee, label: 孤立, evidence: {a: b}}
  - {lane: customer, label: 没有id}
  - just text
flows:
  - {from: greet, to: nope, kind: sideways}
  - {to: enter}
standards:
  - {id: queue, from: enter, to: missing, max: soon}
  - {id: single, max: 3min}
"""


def test_every_content_problem_is_collected_with_rule_and_position():
    bp = blueprint.loads(BROKEN, "broken.yaml")
    found = [(p.rule, p.pos.line, p.pos.column) for p in bp.problems]
    expected = [
        ("unknown-key", *where(BROKEN, "tilte")),
        ("schema", *where(BROKEN, "frontstag}")),
        ("unknown-key", *where(BROKEN, "colour")),
        ("unknown-reference", *where(BROKEN, "gret")),
        ("schema", *where(BROKEN, "three minutes")),
        ("unknown-reference", *where(BROKEN, "guidee")),
        ("unknown-reference", *where(BROKEN, "arrrive")),
        ("schema", *where(BROKEN, "3, touchpoint")),
        ("schema", *where(BROKEN, "peple")),
        ("duplicate-id", *where(BROKEN, "enter", 1)),
        ("unknown-reference", *where(BROKEN, "nowhere")),
        ("schema", *where(BROKEN, "maybe")),
        ("unknown-reference", *where(BROKEN, "backstagee")),
        ("schema", *where(BROKEN, "{a: b}")),
        ("schema", *where(BROKEN, "{lane: customer, label: 没有id}")),
        ("schema", *where(BROKEN, "just text")),
        ("unknown-reference", *where(BROKEN, "nope")),
        ("schema", *where(BROKEN, "sideways")),
        ("schema", *where(BROKEN, "{to: enter}")),
        ("unknown-reference", *where(BROKEN, "missing")),
        ("schema", *where(BROKEN, "soon")),
        ("schema", *where(BROKEN, "{id: single")),
    ]
    assert found == sorted(expected, key=lambda e: (e[1], e[2]))
    # The file still loaded: steps with ids are there, a duplicate keeps the first one.
    assert [s.id for s in bp.steps] == ["enter", "greet", "enter", "lonely"]
    assert bp.step_by_id["enter"].lane == "customer"


def test_messages_say_what_to_do_with_did_you_mean():
    bp = blueprint.loads(BROKEN, "broken.yaml")
    messages = {(p.pos.line, p.pos.column): p.message for p in bp.problems}
    assert messages[where(BROKEN, "tilte")] == "blueprint: unknown key 'tilte' (did you mean 'title'?)"
    assert messages[where(BROKEN, "guidee")] == "step 'greet': lane 'guidee' is not declared (did you mean 'guide'?)"
    assert messages[where(BROKEN, "backstagee")].endswith("(did you mean 'backstage'?)")
    assert messages[where(BROKEN, "gret")] == "step 'enter': next step 'gret' does not exist (did you mean 'greet'?)"
    assert "(did you mean 'people'?)" in messages[where(BROKEN, "peple")]
    assert "(did you mean 'frontstage'?)" in messages[where(BROKEN, "frontstag}")]
    assert "from -2 to 2" in messages[where(BROKEN, "3, touchpoint")]
    assert "not a duration" in messages[where(BROKEN, "three minutes")]
    assert "first at line 10, column 10" in messages[where(BROKEN, "enter", 1)]
    assert messages[where(BROKEN, "{id: single")] == "standard 'single' needs 'from' and 'to', or 'steps'"


SINGLE_PROBLEMS = [
        ("title: t\nsteps:\n  - {id: a, lane: customer, label: A}\n", "schema", None, "blueprint: 1"),
        ("blueprint: 2\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A}\n", "schema", "2", "must be 1"),
        ("blueprint: 1\nsteps:\n  - {id: a, lane: customer, label: A}\n", "schema", None, "no 'title'"),
        ("blueprint: 1\ntitle: t\n", "schema", None, "no 'steps'"),
        ("blueprint: 1\ntitle: t\nsteps: []\n", "schema", "[]", "'steps' is empty"),
        ("blueprint: 1\ntitle: t\nsteps: {a: 1}\n", "schema", "{a: 1}", "must be a list"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a b, lane: customer, label: A}\n", "schema", "a b", "without spaces"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, label: A}\n", "schema", "{id", "no 'lane'"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: ''}\n", "schema", "''", "is empty"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: [x]}\n", "schema", "[x]", "must be text"),
        ("blueprint: 1\ntitle: t\nlocale: fr\nsteps:\n  - {id: a, lane: customer, label: A}\n", "schema", "fr", "en, zh"),
        ("blueprint: 1\ntitle: t\nlanes: []\nsteps:\n  - {id: a, lane: customer, label: A}\n", "schema", "[]", "'lanes' is empty"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, emotion: 1.5}\n", "schema", "1.5", "-2 to 2"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, duration: -3}\n", "schema", "-3", "negative"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, phase: p}\n", "unknown-reference", "p}", "under 'phases:'"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A}\nstandards:\n  - {id: s, steps: [a], from: a, to: a, max: 1}\n",
         "schema", "steps: [a]", "not both"),
        ("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A}\n  - {id: a, lane: customer, label: B}\n",
         "duplicate-id", "a, lane: customer, label: B", "used twice"),
]


@pytest.mark.parametrize("body, rule, needle, fragment", SINGLE_PROBLEMS)
def test_single_content_problems(body, rule, needle, fragment):
    bp = blueprint.loads(body, "one.yaml")
    assert len(bp.problems) == 1, bp.problems
    problem = bp.problems[0]
    assert problem.rule == rule and fragment in problem.message
    expected = where(body, needle) if needle else (1, 1)
    assert (problem.pos.line, problem.pos.column) == expected
    assert str(problem) == f"one.yaml:{expected[0]}:{expected[1]}: {problem.message} ({rule})"


def _problems_of_every_broken_input() -> list:
    found = [(f"BROKEN:{p.pos.line}:{p.pos.column}", p) for p in blueprint.loads(BROKEN).problems]
    for i, (body, *_rest) in enumerate(SINGLE_PROBLEMS):
        found += [(f"single-{i}", p) for p in blueprint.loads(body).problems]
    return found


@pytest.mark.parametrize("problem", [p for _name, p in _problems_of_every_broken_input()],
                         ids=[name for name, _p in _problems_of_every_broken_input()])
def test_every_content_problem_is_said_in_chinese_too(problem):
    assert CJK.search(problem.message_zh), problem
    assert problem.text("zh") == problem.message_zh and problem.text("en") == problem.message
    assert problem.describe("zh") == f"{problem.pos}: {problem.message_zh} ({problem.rule})"
    assert str(problem) == problem.describe("en") == problem.describe("fr")


def test_chinese_messages_keep_the_files_words_and_use_the_domains():
    bp = blueprint.loads(BROKEN, "broken.yaml")
    messages = {(p.pos.line, p.pos.column): p.message_zh for p in bp.problems}
    assert messages[where(BROKEN, "tilte")] == "蓝图：不认识的键 'tilte'（是不是 'title'？）"
    assert messages[where(BROKEN, "guidee")] == "步骤 'greet'：泳道 'guidee' 没有声明（是不是 'guide'？）"
    assert messages[where(BROKEN, "gret")] == "步骤 'enter'：下一步 'gret' 不存在（是不是 'greet'？）"
    assert messages[where(BROKEN, "nowhere")] == "步骤 'enter'：补救步骤 'nowhere' 不存在"
    assert messages[where(BROKEN, "enter", 1)] == "步骤编号 'enter' 用了两次（第一次在第 10 行第 10 列）"
    assert messages[where(BROKEN, "{id: single")] == "服务标准 'single'：需要 'from' 和 'to'，或者 'steps'"
    assert "'three minutes' 不是时长" in messages[where(BROKEN, "three minutes")]
    assert "（是不是 'frontstage'？）" in messages[where(BROKEN, "frontstag}")]


def test_problems_compare_by_their_english():
    assert Problem("schema", "m", Pos("a.yaml", 1, 1), "甲") == Problem("schema", "m", Pos("a.yaml", 1, 1))


def test_numbers_are_accepted_as_text_and_ids():
    text = "blueprint: 1\ntitle: 2024\nsteps:\n  - {id: 1, lane: customer, label: 3.5, next: 2}\n  - {id: 2, lane: customer, label: x}\n"
    bp = blueprint.loads(text)
    assert bp.problems == [] and bp.title == "2024"
    assert [s.id for s in bp.steps] == ["1", "2"] and bp.steps[0].label == "3.5"
    assert bp.steps[0].next[0].id == "2"


def test_yes_and_no_are_text_not_booleans():
    bp = blueprint.loads("blueprint: 1\ntitle: no\nsteps:\n  - {id: yes, lane: customer, label: on}\n")
    assert bp.problems == [] and bp.title == "no" and bp.steps[0].id == "yes" and bp.steps[0].label == "on"


def test_load_reads_a_file_with_its_path(write):
    path = write(MINIMAL, "入网.zh.yaml")
    bp = blueprint.load(path)
    assert bp.path == str(path) and bp.steps[0].pos.path == str(path)
    assert blueprint.loads(MINIMAL.encode("utf-8")).title == "营业厅办理入网"


def test_utf8_bom_is_accepted(write):
    bp = blueprint.load(write(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8")))
    assert bp.problems == [] and bp.pos.line == 1
