"""Step numbers in journey order: what the picture's cards, evidence notes and fail callouts and the
exports call step 1, 2, 3...

The journey order is the order of the picture, left to right: phases in file order, and inside a
phase the flow order, a topological order of the forward flows (``flow`` and ``support``:
:attr:`blueprint.model.FlowKind.forward`) that takes the earliest step in the file first whenever
the flows leave a choice; a cycle is broken at its earliest step. A step without a (declared) phase
belongs to the phase of its latest predecessor in flow order, else of its earliest successor, else
to the steps without a phase after all phases.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..lint.context import strongly_connected
from ..model import Blueprint, FlowKind

if TYPE_CHECKING:  # the graph library is only needed by whoever built the graph
    import networkx as nx

__all__ = ["flow_order", "graph_numbers", "inherit_bands", "numbers", "step_numbers"]


def flow_order(count: int, edges: list[tuple[int, int]]) -> list[int]:
    """A topological order of ``count`` nodes, earliest index first; cycles break at their earliest node.

    Inside a cycle, the edges back to an earlier node are left out (as the journey's time does),
    so a cycle goes on in order from its earliest node, not after every step outside it.

    >>> flow_order(4, [(2, 1), (1, 3), (3, 1)])
    [0, 2, 1, 3]
    >>> flow_order(4, [(1, 2), (2, 1), (3, 3)])
    [0, 1, 2, 3]
    """
    successors: list[list[int]] = [[] for _ in range(count)]
    for u, v in edges:
        successors[u].append(v)
    component, _ = strongly_connected(successors)
    successors = [[] for _ in range(count)]
    indegree = [0] * count
    for u, v in edges:
        if component[u] != component[v] or u < v:
            successors[u].append(v)
            indegree[v] += 1
    ready = [i for i in range(count) if indegree[i] == 0]
    heapq.heapify(ready)
    done = [False] * count
    order: list[int] = []
    earliest = 0
    while len(order) < count:
        if not ready:
            while done[earliest]:
                earliest += 1
            ready = [earliest]
        node = heapq.heappop(ready)
        if done[node]:
            continue
        done[node] = True
        order.append(node)
        for succ in successors[node]:
            indegree[succ] -= 1
            if indegree[succ] == 0 and not done[succ]:
                heapq.heappush(ready, succ)
    return order


def inherit_bands(order: Sequence[int], edges: list[tuple[int, int]], bands: Sequence[int | None],
                  unlabelled: int) -> list[int]:
    """Every node's band (phase): its own, else its latest predecessor's in ``order``, else its
    earliest successor's, else ``unlabelled``.

    >>> inherit_bands([0, 1, 2, 3], [(0, 1), (2, 3)], [0, None, None, 1], 2)
    [0, 0, 1, 1]
    """
    rank = [0] * len(bands)
    for position, node in enumerate(order):
        rank[node] = position
    predecessors: list[list[int]] = [[] for _ in bands]
    successors: list[list[int]] = [[] for _ in bands]
    for u, v in edges:
        predecessors[v].append(u)
        successors[u].append(v)
    band = list(bands)
    for i in order:
        if band[i] is None:
            known = [p for p in predecessors[i] if band[p] is not None and rank[p] < rank[i]]
            if known:
                band[i] = band[max(known, key=rank.__getitem__)]
    for i in reversed(order):
        if band[i] is None:
            known = [s for s in successors[i] if band[s] is not None]
            if known:
                band[i] = band[min(known, key=rank.__getitem__)]
    return [unlabelled if b is None else b for b in band]


def numbers(order: Sequence[int], bands: Sequence[int]) -> list[int]:
    """Each node's number from 1: by band, and in ``order`` inside a band.

    >>> numbers([2, 0, 1], [1, 0, 0])
    [3, 2, 1]
    """
    rank = [0] * len(bands)
    for position, node in enumerate(order):
        rank[node] = position
    result = [0] * len(bands)
    for number, node in enumerate(sorted(range(len(bands)), key=lambda i: (bands[i], rank[i])), start=1):
        result[node] = number
    return result


def _number(ids: list[str], phases: list[str | None], declared: list[str],
            flows: list[tuple[str, str, FlowKind]]) -> list[int]:
    position: dict[str, int] = {}
    for i, step_id in enumerate(ids):
        position.setdefault(step_id, i)
    edges = [(position[a], position[b]) for a, b, kind in flows
             if kind.forward and a in position and b in position and a != b]
    index: dict[str, int] = {}
    for phase in declared:
        index.setdefault(phase, len(index))
    order = flow_order(len(ids), edges)
    bands = inherit_bands(order, edges, [index.get(p) if p else None for p in phases], len(index))
    return numbers(order, bands)


def step_numbers(bp: Blueprint) -> dict[int, int]:
    """The number of every step of ``bp``, by :attr:`Step.index`.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: c, lane: customer, label: C}\\n"
    ...            "- {id: a, lane: customer, label: A, next: b}\\n"
    ...            "- {id: b, lane: frontstage, label: B, next: c}\\n")
    >>> step_numbers(bp)
    {0: 3, 1: 1, 2: 2}
    """
    flows = [(f.source.id, f.target.id, f.kind) for f in bp.flows]
    found = _number([step.id for step in bp.steps], [step.phase for step in bp.steps],
                    [phase.id for phase in bp.phases], flows)
    return {step.index: number for step, number in zip(bp.steps, found)}


def graph_numbers(G: "nx.MultiDiGraph") -> dict[str, int]:
    """The same numbers from the blueprint's graph (:meth:`Blueprint.to_graph`), by step id."""
    nodes = sorted(G.nodes(data=True), key=lambda item: item[1].get("index", 0))
    flows = [(u, v, FlowKind(data["kind"])) for u, v, data in G.edges(data=True)]
    found = _number([node for node, _ in nodes], [attrs.get("phase") for _, attrs in nodes],
                    [phase["id"] for phase in G.graph.get("phases", [])], flows)
    return {node: number for (node, _), number in zip(nodes, found)}
