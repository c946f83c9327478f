"""The NetworkX graph: nodes with step attributes, edges with kind, handoff and crossed lines."""

from __future__ import annotations

import json
from datetime import timedelta

import networkx as nx
import pytest

import blueprint
from blueprint.graph import graph_to_graphml, graph_to_json
from blueprint.model import Line, Zone

TEXT = """\
blueprint: 1
title: 报障闭环
locale: zh
lanes:
  - customer
  - {id: guide, zone: frontstage, label: 导购员}
  - {id: clerk, zone: frontstage, label: 营业员}
  - backstage
  - {id: repair, zone: support, label: 维护团队}
phases: [report, fix]
steps:
  - {id: 发现, lane: customer, label: 自助终端故障, phase: report, next: 引导, wait: true, evidence: [故障提示屏]}
  - {id: 引导, lane: guide, label: 引导至柜台, next: [办理, 报障], duration: 1min, touchpoint: people}
  - {id: 办理, lane: clerk, label: 柜台办理, next: 离开, duration: 3min, fail: 系统故障, recovery: 引导}
  - {id: 报障, lane: backstage, label: 报障平台登记, next: 维修, phase: fix}
  - {id: 维修, lane: repair, label: 维修终端, duration: 1.5h, phase: fix}
  - {id: 离开, lane: customer, label: 离开}
  - {id: 直连, lane: customer, label: 直连后台, next: 维修}
flows:
  - {from: 维修, to: 引导, kind: return, label: 营业厅确认}
  - {from: 办理, to: 报障, kind: support}
"""


@pytest.fixture
def graph():
    return blueprint.loads(TEXT, "g.yaml").to_graph()


def test_one_node_per_step_with_attributes(graph):
    assert isinstance(graph, nx.MultiDiGraph)
    assert list(graph.nodes) == ["发现", "引导", "办理", "报障", "维修", "离开", "直连"]
    node = graph.nodes["引导"]
    assert node["lane"] == "guide" and node["zone"] == "frontstage" and node["label"] == "引导至柜台"
    assert node["duration"] == timedelta(minutes=1) and node["touchpoint"] == "people"
    assert graph.nodes["发现"]["wait"] is True and graph.nodes["发现"]["evidence"] == ["故障提示屏"]
    assert graph.nodes["办理"]["fail"] == "系统故障" and graph.nodes["办理"]["recovery"] == "引导"
    assert graph.nodes["维修"]["phase"] == "fix" and graph.nodes["维修"]["zone"] == "support"
    assert graph.nodes["维修"]["pos"].line == 16


def test_graph_attributes(graph):
    assert graph.graph["title"] == "报障闭环" and graph.graph["locale"] == "zh"
    assert [lane["id"] for lane in graph.graph["lanes"]] == ["customer", "guide", "clerk", "backstage", "repair"]
    assert graph.graph["lanes"][0]["label"] == "顾客行为"
    assert graph.graph["phases"] == [{"id": "report", "label": "report"}, {"id": "fix", "label": "fix"}]


def edges(graph):
    return sorted(
        (u, v, d["kind"], d["handoff"], tuple(d["crosses"])) for u, v, d in graph.edges(data=True)
    )


def test_edges_kind_handoff_and_crossings(graph):
    interaction, visibility, internal = (line.value for line in Line)
    assert edges(graph) == sorted([
        ("发现", "引导", "flow", True, (interaction,)),
        ("引导", "办理", "flow", True, ()),              # two frontstage lanes: a handoff, no line
        ("引导", "报障", "flow", True, (visibility,)),
        ("办理", "离开", "flow", True, (interaction,)),
        ("报障", "维修", "flow", True, (internal,)),
        ("直连", "维修", "flow", True, (interaction, visibility, internal)),
        ("维修", "引导", "return", True, (visibility, internal)),
        ("办理", "报障", "support", True, (visibility,)),
        ("办理", "引导", "recovery", True, ()),
    ])


def test_same_lane_flow_is_not_a_handoff():
    bp = blueprint.loads("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, next: b}\n"
                         "  - {id: b, lane: customer, label: B}\n")
    (_u, _v, data), = bp.to_graph().edges(data=True)
    assert data["handoff"] is False and data["crosses"] == []


def test_parallel_flows_are_kept(graph):
    assert graph.number_of_edges("办理", "报障") == 1
    bp = blueprint.loads("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, next: b}\n"
                         "  - {id: b, lane: frontstage, label: B}\nflows:\n  - {from: a, to: b, kind: support}\n")
    assert bp.to_graph().number_of_edges("a", "b") == 2


def test_references_to_missing_steps_leave_no_edge_and_duplicates_keep_the_first():
    bp = blueprint.loads("blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, next: [zz, b]}\n"
                         "  - {id: b, lane: nolane, label: B}\n  - {id: a, lane: support, label: A2}\n")
    graph = bp.to_graph()
    assert list(graph.nodes) == ["a", "b"] and graph.nodes["a"]["label"] == "A"
    assert graph.nodes["b"]["zone"] is None
    # b's lane is unknown, so its zone is unknown: a handoff with no known crossings.
    assert [(u, v, d["crosses"]) for u, v, d in graph.edges(data=True)] == [("a", "b", [])]


def test_line_between_and_names():
    assert Line.between(Zone.CUSTOMER, Zone.SUPPORT) == list(Line)
    assert Line.between(Zone.SUPPORT, Zone.FRONTSTAGE) == [Line.VISIBILITY, Line.INTERNAL_INTERACTION]
    assert Line.between(Zone.BACKSTAGE, Zone.BACKSTAGE) == []
    assert [line.label("zh") for line in Line] == ["互动分界线", "可视分界线", "内部互动分界线"]
    assert [line.label() for line in Line] == [
        "line of interaction", "line of visibility", "line of internal interaction"]
    assert Zone.CUSTOMER < Zone.FRONTSTAGE < Zone.BACKSTAGE < Zone.SUPPORT
    assert sorted([Zone.SUPPORT, Zone.CUSTOMER]) == [Zone.CUSTOMER, Zone.SUPPORT]
    assert Zone.FRONTSTAGE.line_below is Line.VISIBILITY and Zone.SUPPORT.line_below is None


def test_json_export_round_trips_through_networkx(graph):
    # Run on the locked networkx (make test) and on the lowest pyproject.toml allows (make test-lowest).
    data = json.loads(graph_to_json(graph))
    # d3's node-link shape: nodes with ids, links with source and target.
    assert "edges" not in data and {"source", "target"} <= data["links"][0].keys()
    assert {node["id"] for node in data["nodes"]} == set(graph.nodes)
    back = nx.node_link_graph(data, edges="links")
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["维修"]["duration"] == 5400.0
    assert back.nodes["维修"]["pos"] == "g.yaml:16:5"


def test_graphml_export_round_trips_through_networkx(graph, tmp_path):
    path = tmp_path / "g.graphml"
    path.write_text(graph_to_graphml(graph), encoding="utf-8")
    back = nx.read_graphml(path)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["引导"]["lane"] == "guide" and back.nodes["引导"]["duration"] == 60.0
    assert json.loads(back.nodes["发现"]["evidence"]) == ["故障提示屏"]
    kinds = sorted(d["kind"] for _u, _v, d in back.edges(data=True))
    assert kinds.count("recovery") == 1 and kinds.count("return") == 1
