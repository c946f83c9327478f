"""What rules receive: the blueprint and the structure they share, each part computed once, lazily.

Steps are numbered in file order (a duplicate id keeps its first step) and edges are lists of
numbers, so every analysis here is one pass over the steps and flows: O(V+E).

Which edges each analysis follows:

* ``links``: every flow and every ``recovery:`` link, used for isolated and unreachable steps
  (a recovery link is a real way to reach a step, and it is drawn). Entry steps are those with
  no ``flow`` or ``support`` flow coming in.
* ``journey``: flows of kind ``flow``, ``support`` and ``return``, not ``recovery`` links (a
  recovery happens only when something fails): open loops and dead ends.
* ``forward``: flows of kind ``flow`` and ``support``; ``return`` flows hand back and close a
  loop, so they are left out of cycles and of the longest paths of standards.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from ..model import Blueprint, Flow, Standard, Step, Zone

__all__ = ["BEHIND", "Context", "Edge", "StandardPath", "strongly_connected"]

_FRONT = (Zone.CUSTOMER, Zone.FRONTSTAGE)
#: The zones below the line of visibility, where the customer cannot see the work.
BEHIND = (Zone.BACKSTAGE, Zone.SUPPORT)


@dataclass(frozen=True, slots=True)
class Edge:
    """A flow (or recovery link) between two known steps, by step number."""

    source: int
    target: int
    flow: Flow


@dataclass
class StandardPath:
    """What a ``from``/``to`` standard covers and how long its longest path takes.

    ``steps`` are the step numbers on some path from ``from`` to ``to`` (empty when ``to``
    cannot be reached); ``cycle`` holds the steps of a cycle inside that part, if there is one;
    ``longest`` is the longest path (steps without a duration count 0) and ``critical`` its steps;
    ``unmeasured`` are the steps on the path without a duration.
    """

    standard: Standard
    steps: list[int] = field(default_factory=list)
    cycle: list[int] = field(default_factory=list)
    longest: timedelta = timedelta(0)
    critical: list[int] = field(default_factory=list)
    unmeasured: list[int] = field(default_factory=list)


class Context:
    """The blueprint being linted, with shared analyses as lazy attributes."""

    def __init__(self, bp: Blueprint):
        self.bp = bp
        self.path = bp.path

    # -- steps and edges ---------------------------------------------------------------------------

    @cached_property
    def steps(self) -> list[Step]:
        """The steps in file order; with a duplicate id only the first one."""
        return list(self.bp.step_by_id.values())

    @cached_property
    def number(self) -> dict[str, int]:
        """Step id -> step number."""
        return {step.id: i for i, step in enumerate(self.steps)}

    @cached_property
    def zones(self) -> list[Zone | None]:
        return [step.zone for step in self.steps]

    @cached_property
    def front(self) -> list[bool]:
        """True for steps in the customer or frontstage zones (above the line of visibility)."""
        return [zone in _FRONT for zone in self.zones]

    def _edges(self, flows: list[Flow]) -> list[Edge]:
        number = self.number
        edges = []
        for flow in flows:
            source, target = number.get(flow.source.id), number.get(flow.target.id)
            if source is not None and target is not None:  # the loader reports unknown steps
                edges.append(Edge(source, target, flow))
        return edges

    @cached_property
    def flows(self) -> list[Edge]:
        """Flows from ``next:`` and ``flows:`` between known steps, in file order."""
        return self._edges(self.bp.flows)

    @cached_property
    def recoveries(self) -> list[Edge]:
        """``recovery:`` links from the failing step to the recovering one."""
        return self._edges(self.bp.recoveries)

    def _adjacency(self, edges, reverse: bool = False) -> list[list[int]]:
        adjacency: list[list[int]] = [[] for _ in self.steps]
        for edge in edges:
            if reverse:
                adjacency[edge.target].append(edge.source)
            else:
                adjacency[edge.source].append(edge.target)
        return adjacency

    @cached_property
    def forward_edges(self) -> list[Edge]:
        """Flows of kind ``flow`` and ``support``: the journey without hand-backs."""
        return [edge for edge in self.flows if edge.flow.kind.forward]

    @cached_property
    def forward_out(self) -> list[list[int]]:
        return self._adjacency(self.forward_edges)

    @cached_property
    def forward_in(self) -> list[list[int]]:
        return self._adjacency(self.forward_edges, reverse=True)

    @cached_property
    def journey_out(self) -> list[list[int]]:
        """Successors along flows of every kind written in the file (no recovery links)."""
        return self._adjacency(self.flows)

    @cached_property
    def link_in(self) -> list[int]:
        """How many flows and recovery links enter each step."""
        return self._link_counts("target")

    @cached_property
    def link_out(self) -> list[int]:
        """How many flows and recovery links leave each step."""
        return self._link_counts("source")

    def _link_counts(self, end: str) -> list[int]:
        """How many flows and recovery links have each step at their ``end`` (source or target)."""
        counts = [0] * len(self.steps)
        for edge in (*self.flows, *self.recoveries):
            counts[getattr(edge, end)] += 1
        return counts

    # -- reachability ------------------------------------------------------------------------------

    @cached_property
    def reached_from_entries(self) -> list[bool]:
        """Steps on a path (of flows and recovery links) from an entry step.

        An entry step has no ``flow`` or ``support`` flow coming in: ``return`` flows and
        recovery links lead back to where the journey has already been, so they do not make a
        step a non-entry.
        """
        entries = [i for i, into in enumerate(self.forward_in) if not into]
        reached = _reach(self._adjacency(self.flows + self.recoveries), entries)
        return [i in reached for i in range(len(self.steps))]

    @cached_property
    def returns_to_front(self) -> list[bool]:
        """Steps from which some journey path (one flow or more) leads to a customer or
        frontstage step: one reverse search from all of those steps at once."""
        # A front step counts only when a flow leads from it to a front step, so the search starts
        # from the front steps' predecessors, not from the steps themselves.
        predecessors = self._adjacency(self.flows, reverse=True)
        front = self.front
        reached = _reach(predecessors, [j for i in range(len(front)) if front[i] for j in predecessors[i]])
        return [i in reached for i in range(len(self.steps))]

    # -- cycles and topological order --------------------------------------------------------------

    @cached_property
    def components(self) -> list[int]:
        """The strongly connected component of each step over ``forward`` flows, numbered in
        topological order (every forward flow goes to the same or a later component)."""
        emitted, count = strongly_connected(self.forward_out)
        return [count - 1 - c for c in emitted]

    @cached_property
    def cyclic(self) -> list[bool]:
        """True for steps on a cycle of forward flows (a component of two or more, or a self-loop)."""
        sizes: dict[int, int] = defaultdict(int)
        for component in self.components:
            sizes[component] += 1
        looping = {self.components[e.source] for e in self.forward_edges if e.source == e.target}
        return [sizes[c] > 1 or c in looping for c in self.components]

    # -- standards ---------------------------------------------------------------------------------

    @cached_property
    def standard_paths(self) -> dict[int, StandardPath]:
        """The part of the flow each ``from``/``to`` standard covers, by ``id()`` of the standard.

        Each standard is searched only inside its window of the topological order (between the
        components of ``from`` and ``to``), so its cost is the size of that window.
        """
        found = {}
        for standard in self.bp.standards:
            if standard.kind != "path" or standard.from_step is None or standard.to_step is None:
                continue
            start = self.number.get(standard.from_step.id)
            end = self.number.get(standard.to_step.id)
            if start is None or end is None:
                continue
            found[id(standard)] = self._measure(standard, start, end)
        return found

    def _measure(self, standard: Standard, start: int, end: int) -> StandardPath:
        result = StandardPath(standard)
        order = self.components
        last = order[end]
        if order[start] > last:
            return result
        # Forward from the start (no further than the end's component), then back from the end.
        forward = _reach(self.forward_out, [start], lambda j: order[j] <= last)
        if end not in forward:
            return result
        into = self.forward_in
        steps = sorted(_reach(into, [end], forward.__contains__), key=lambda i: (order[i], i))
        result.steps = steps
        cyclic = self.cyclic
        result.cycle = [i for i in steps if cyclic[i]]
        if result.cycle:
            return result
        durations = [self.steps[i].duration for i in steps]
        result.unmeasured = [i for i, d in zip(steps, durations) if d is None]
        # Longest path by dynamic programming in topological order: end time and best predecessor.
        finish: dict[int, timedelta] = {}
        best: dict[int, int] = {}
        for i, duration in zip(steps, durations):
            before = timedelta(0)
            for j in into[i]:
                if j in finish and (i not in best or finish[j] > before):
                    before, best[i] = finish[j], j
            finish[i] = before + (duration or timedelta(0))
        result.longest = finish[end]
        critical = [end]
        while critical[-1] in best:
            critical.append(best[critical[-1]])
        result.critical = critical[::-1]
        return result

    @cached_property
    def covered_by_standard(self) -> list[bool]:
        """Steps that some standard bounds: listed in ``steps:`` or on a ``from``/``to`` path."""
        covered = [False] * len(self.steps)
        for standard in self.bp.standards:
            for ref in standard.steps:
                i = self.number.get(ref.id)
                if i is not None:
                    covered[i] = True
        for measured in self.standard_paths.values():
            for i in measured.steps:
                covered[i] = True
        return covered

    # -- helpers for messages ----------------------------------------------------------------------

    def path_text(self, numbers: list[int], limit: int = 6) -> str:
        """Step ids joined by arrows, shortened in the middle when long."""
        ids = [f"'{self.steps[i].id}'" for i in numbers]
        if len(ids) > limit:
            ids = ids[: limit - 2] + ["…"] + ids[-2:]
        return " → ".join(ids)


def _reach(neighbours: list[list[int]], starts: list[int],
           allowed: Callable[[int], bool] | None = None) -> set[int]:
    """``starts`` and every step reached from them along ``neighbours`` (breadth first), through the
    steps ``allowed`` lets pass (all, without it)."""
    found = set(starts)
    queue = deque(starts)
    while queue:
        for j in neighbours[queue.popleft()]:
            if j not in found and (allowed is None or allowed(j)):
                found.add(j)
                queue.append(j)
    return found


def strongly_connected(successors: list[list[int]]) -> tuple[list[int], int]:
    """The strongly connected components of a graph given as successor lists: ``(component of each
    node, count)``, by Tarjan's algorithm without recursion.

    Components are numbered in the order Tarjan completes them, which is reverse topological order.
    ``networkx.strongly_connected_components`` finds the same components (a test holds them equal),
    but building its graph and condensing it takes five times as long as this at 10,000 steps, on
    every lint run (measured beside ``bench/lint.py``).

    >>> strongly_connected([[1], [0], [0]])
    ([0, 0, 1], 2)
    """
    n = len(successors)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    component = [-1] * n
    stack: list[int] = []
    counter = 0
    count = 0
    for root in range(n):
        if index[root] != -1:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, iter(successors[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if index[child] == -1:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = True
                    work.append((child, iter(successors[child])))
                    break
                if on_stack[child] and index[child] < low[node]:
                    low[node] = index[child]
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[node] < low[parent]:
                        low[parent] = low[node]
                if low[node] == index[node]:
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        component[member] = count
                        if member == node:
                            break
                    count += 1
    return component, count
