"""Counts that describe a blueprint: steps, lanes by zone, flows, handoffs, crossings, touchpoints."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from ..model import FlowKind, Line, Zone
from .touchpoints import by_kind

__all__ = ["stats"]


def stats(G: nx.MultiDiGraph) -> dict:
    """Describe the blueprint graph ``G`` (from ``Blueprint.to_graph()``).

    ``recovery`` links are counted under ``flows_by_kind`` but are not flows of the journey, so
    they count in neither ``flows``, ``handoffs`` nor ``crossings_by_line``.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...           "- {id: a, lane: customer, label: A, next: b, wait: true}\\n"
    ...           "- {id: b, lane: frontstage, label: B, touchpoint: people}\\n").to_graph()
    >>> s = stats(G)
    >>> s["steps"], s["handoffs"], s["crossings_by_line"]["line-of-interaction"], s["wait_points"]
    (2, 1, 1, 1)
    """
    lanes = G.graph.get("lanes", [])
    flows = [d for _u, _v, d in G.edges(data=True) if FlowKind(d["kind"]).journey]
    kinds = Counter(d["kind"] for _u, _v, d in G.edges(data=True))
    crossings = Counter(line for d in flows for line in d["crosses"])
    lane_zones = Counter(lane["zone"] for lane in lanes)
    return {
        "title": G.graph.get("title", ""),
        "steps": G.number_of_nodes(),
        "lanes": len(lanes),
        "lanes_by_zone": {zone.value: lane_zones.get(zone.value, 0) for zone in Zone},
        "phases": len(G.graph.get("phases", [])),
        "flows": len(flows),
        "flows_by_kind": {kind.value: kinds.get(kind.value, 0) for kind in FlowKind},
        "handoffs": sum(1 for d in flows if d["handoff"]),
        "crossings_by_line": {line.value: crossings.get(line.value, 0) for line in Line},
        "fail_points": sum(1 for _n, d in G.nodes(data=True) if d["fail"]),
        "wait_points": sum(1 for _n, d in G.nodes(data=True) if d["wait"]),
        # One definition of a touchpoint for the whole package (see analysis.touchpoints).
        "touchpoints_by_kind": by_kind(G),
    }
