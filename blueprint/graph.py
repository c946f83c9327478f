"""The blueprint as a ``networkx.MultiDiGraph``: the structure every analysis works on.

Nodes are step ids with the step's attributes; edges are flows with ``kind`` (``flow``,
``support``, ``return``, ``recovery``), ``handoff`` (the lanes differ) and ``crosses`` (the ids of
the lines between the two zones, top to bottom).
"""

from __future__ import annotations

import io
import json
from datetime import timedelta

import networkx as nx

from .errors import Pos
from .model import Blueprint, Line, Step

__all__ = ["to_graph", "node_attributes", "graph_to_json", "graph_to_graphml"]


def node_attributes(step: Step) -> dict:
    """The attributes a step's node carries (``None`` where the file says nothing)."""
    return {
        "label": step.label,
        "lane": step.lane,
        "zone": step.zone.value if step.zone else None,
        "phase": step.phase,
        "description": step.description,
        "owner": step.owner,
        "touchpoint": step.touchpoint.value if step.touchpoint else None,
        "channel": step.channel,
        "evidence": list(step.evidence),
        "duration": step.duration,
        "wait": step.wait,
        "wait_max": step.wait_max,
        "fail": step.fail,
        "recovery": step.recovery.id if step.recovery else None,
        "emotion": step.emotion,
        "kpis": list(step.kpis),
        "notes": list(step.notes),
        "index": step.index,
        "pos": step.pos,
    }


def to_graph(bp: Blueprint) -> nx.MultiDiGraph:
    """Build the graph; flows to steps that do not exist are left out (the loader reports them).

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: a, lane: customer, label: A, next: b}\\n"
    ...            "- {id: b, lane: backstage, label: B}\\n")
    >>> G = bp.to_graph()
    >>> [(u, v, d["handoff"], d["crosses"]) for u, v, d in G.edges(data=True)]
    [('a', 'b', True, ['line-of-interaction', 'line-of-visibility'])]
    """
    graph = nx.MultiDiGraph(
        title=bp.title, locale=bp.locale, path=bp.path,
        lanes=[{"id": lane.id, "label": lane.display_label(bp.locale),
                "zone": lane.zone.value if lane.zone else None} for lane in bp.lanes],
        phases=[{"id": phase.id, "label": phase.display_label()} for phase in bp.phases],
    )
    for step in bp.steps:
        if step.id not in graph:  # a duplicate id keeps the first step (reported by the loader)
            graph.add_node(step.id, **node_attributes(step))
    steps = bp.step_by_id
    for flow in (*bp.flows, *bp.recoveries):
        source, target = steps.get(flow.source.id), steps.get(flow.target.id)
        if source is None or target is None:
            continue
        crosses = (
            [line.value for line in Line.between(source.zone, target.zone)]
            if source.zone is not None and target.zone is not None else []
        )
        graph.add_edge(
            source.id, target.id, kind=flow.kind.value, handoff=source.lane != target.lane,
            crosses=crosses, label=flow.label, origin=flow.origin, pos=flow.pos,
        )
    return graph


def _plain(value: object) -> object:
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Pos):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """node-link JSON (``networkx.node_link_data``); durations in seconds, positions as text.

    The edges are under ``links``, as d3 and networkx before 3.6 read them by default; networkx
    3.6 changed its default key to ``edges``, so read it back with
    ``networkx.node_link_graph(data, edges="links")``, which every networkx from 3.4 on accepts.
    """
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n"


def graph_to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML through ``networkx.write_graphml``: lists become JSON text, ``None`` is left out."""
    def convert(attrs: dict) -> dict:
        out = {}
        for key, value in attrs.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                value = json.dumps(value, ensure_ascii=False)
            elif isinstance(value, (timedelta, Pos)):
                value = _plain(value)
            out[key] = value
        return out

    flat = nx.MultiDiGraph(**convert(graph.graph))
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **convert(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **convert(attrs))
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
