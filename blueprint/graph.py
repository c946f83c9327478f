"""The blueprint's graph (:meth:`blueprint.model.Blueprint.to_graph`) written out: node-link JSON, GraphML."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import networkx as nx

from .controls import json_visible, xml_safe, xml_visible
from .errors import Pos

__all__ = ["graph_to_json", "graph_to_graphml"]


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
    return json_visible(json.dumps(data, ensure_ascii=False, indent=2, default=_plain)) + "\n"


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
            out[key] = xml_safe(value) if isinstance(value, str) else value
        return out

    flat = nx.MultiDiGraph(**convert(graph.graph))
    for node, attrs in graph.nodes(data=True):
        flat.add_node(xml_safe(node), **convert(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(xml_safe(u), xml_safe(v), key=key, **convert(attrs))
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8")
    return xml_visible(buffer.getvalue().decode("utf-8"))
