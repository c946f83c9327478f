"""The shared analyses against networkx on random graphs: components, order, reachability, paths."""

from datetime import timedelta

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint import loads
from blueprint.lint.context import Context, strongly_connected

ZONES = ["customer", "frontstage", "backstage", "support"]


@st.composite
def graphs(draw, max_nodes=12):
    n = draw(st.integers(1, max_nodes))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
    return n, edges


@given(graphs())
@settings(max_examples=200, deadline=None)
def test_components_match_networkx_and_are_in_topological_order(graph):
    n, edges = graph
    successors = [[] for _ in range(n)]
    for a, b in edges:
        successors[a].append(b)
    component, count = strongly_connected(successors)
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    ours = {frozenset(i for i in range(n) if component[i] == c) for c in range(count)}
    assert ours == {frozenset(c) for c in nx.strongly_connected_components(G)}
    # Tarjan numbers components in reverse topological order: edges never go to a later number.
    assert all(component[a] >= component[b] for a, b in edges)


def blueprint_text(n, zones, edges, durations, kinds=None):
    lines = ["blueprint: 1", "title: random", "steps:"]
    for i in range(n):
        duration = f", duration: {durations[i]}" if durations[i] is not None else ""
        lines.append(f"  - {{id: s{i}, lane: {zones[i]}, label: S{i}{duration}}}")
    lines.append("flows:")
    for k, (a, b) in enumerate(edges):
        kind = kinds[k] if kinds else "flow"
        lines.append(f"  - {{from: s{a}, to: s{b}, kind: {kind}}}")
    return "\n".join(lines) + "\n"


@given(graphs(), st.data())
@settings(max_examples=150, deadline=None)
def test_returns_to_front_and_entries_match_a_search_per_step(graph, data):
    n, edges = graph
    zones = data.draw(st.lists(st.sampled_from(ZONES), min_size=n, max_size=n))
    kinds = data.draw(st.lists(st.sampled_from(["flow", "support", "return"]), min_size=len(edges),
                               max_size=len(edges)))
    ctx = Context(loads(blueprint_text(n, zones, edges, [None] * n, kinds)))
    G = nx.MultiDiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    front = {i for i in range(n) if zones[i] in ("customer", "frontstage")}
    for i in range(n):
        # one flow or more from i to a front step
        after = set().union(*(nx.descendants(G, k) | {k} for k in G.successors(i)))
        expected = bool(after & front)
        assert ctx.returns_to_front[i] == expected
    forward = [(a, b) for (a, b), kind in zip(edges, kinds) if kind != "return"]
    entries = {i for i in range(n) if all(b != i for _a, b in forward)}
    reached = set(entries).union(*(nx.descendants(G, e) for e in entries)) if entries else set()
    assert [i in reached for i in range(n)] == ctx.reached_from_entries


@given(st.integers(2, 10), st.data())
@settings(max_examples=150, deadline=None)
def test_longest_path_of_a_standard_matches_networkx(n, data):
    # a random DAG: edges only from a lower to a higher number
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    edges = data.draw(st.lists(st.sampled_from(pairs), max_size=3 * n, unique=True))
    durations = data.draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    text = blueprint_text(n, ["frontstage"] * n, edges, durations)
    text += f"standards:\n  - {{id: q, from: s0, to: s{n - 1}, max: 1000}}\n"
    bp = loads(text)
    measured = Context(bp).standard_paths[id(bp.standards[0])]
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    if not nx.has_path(G, 0, n - 1):
        assert measured.steps == []
        return
    on_path = nx.descendants(G, 0) | {0}
    on_path &= nx.ancestors(G, n - 1) | {n - 1}
    assert set(measured.steps) == on_path
    best = max(sum(durations[i] for i in path) for path in nx.all_simple_paths(G, 0, n - 1)) \
        if n > 1 else durations[0]
    assert measured.longest == timedelta(minutes=best)
    assert measured.critical[0] == 0 and measured.critical[-1] == n - 1
    assert sum(durations[i] for i in measured.critical) == best
    assert all(G.has_edge(a, b) for a, b in zip(measured.critical, measured.critical[1:]))
