"""DOT building: exact text for a small blueprint and for the pieces, pinned positions everywhere,
escaping, and the parallel parts drawing the same picture as the single graph."""

from __future__ import annotations

import re
import subprocess

import pytest
from generate import generate

from blueprint import load, loads
from blueprint.layout import layout
from blueprint.render.dot import dot_and_edges, titles, to_dot, to_dot_parts
from blueprint.render.svg import render_svg
from tests.conftest import EXAMPLES

from .helpers import FIXTURES, groups, parse

HEAD = "blueprint: 1\ntitle: t\nlocale: en\nsteps:\n"


def test_the_dot_of_a_small_blueprint_is_exactly_this():
    """The whole DOT of fixtures/handoff.yaml (regenerate handoff.dot when the picture changes on purpose)."""
    dot = to_dot(layout(load(FIXTURES / "handoff.yaml"))).source
    assert dot == (FIXTURES / "handoff.dot").read_text(encoding="utf-8")


@pytest.mark.parametrize("step, expected", [
    ("- {id: a, lane: customer, label: Asks}",
     ('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
     '<TR><TD ALIGN="LEFT" BALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="126" HEIGHT="12.5">'
     '<FONT POINT-SIZE="10" COLOR="#1E2A36">Asks</FONT></TD></TR></TABLE>>')),
    ("- {id: a, lane: customer, label: '<b>&</b>', owner: 'A \\', duration: 90s, touchpoint: print, emotion: 2}",
     ('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
     '<TR><TD ALIGN="LEFT" BALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="126" HEIGHT="12.5">'
     '<FONT POINT-SIZE="10" COLOR="#1E2A36">&lt;b&gt;&amp;&lt;/b&gt;</FONT></TD></TR>'
     '<TR><TD ALIGN="LEFT" BALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="126" HEIGHT="10">'
     '<FONT POINT-SIZE="8" COLOR="#5B6B7B">A \\\\ · 1.5 min</FONT></TD></TR>'
     '<TR><TD ALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="126" HEIGHT="10"><FONT POINT-SIZE="8">'
     '<FONT COLOR="#5B6B7B">print</FONT><FONT COLOR="#1E8449">   ● +2</FONT></FONT></TD></TR></TABLE>>')),
    ("- {id: a, lane: customer, label: 进入营业厅办理入网业务并核对证件, emotion: -1}",
     ('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
     '<TR><TD ALIGN="LEFT" BALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="126" HEIGHT="25">'
     '<FONT POINT-SIZE="10" COLOR="#1E2A36">进入营业厅办理入网业务并<BR/>核对证件</FONT></TD></TR>'
     '<TR><TD ALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="126" HEIGHT="10"><FONT POINT-SIZE="8">'
     '<FONT COLOR="#E67E22">● −1</FONT></FONT></TD></TR></TABLE>>')),
])
def test_card_labels(step, expected):
    """A card's text is one fixed table, its label the node's own (the statement that pins the card)."""
    assert f'\t\t"step-0" [label={expected} pos="' in to_dot(layout(loads(HEAD + step))).source


def test_every_node_and_edge_is_pinned_for_neato_n2():
    dot = to_dot(layout(load(EXAMPLES[0]))).source
    statements = [line.strip() for line in dot.splitlines()
                  if re.match(r'\s*"?[\w-]+"? (->|\[)', line) and line.split()[0] not in ("graph", "node", "edge")]
    assert statements
    for statement in statements:
        assert "pos=" in statement, statement
    for edge in (s for s in statements if "->" in s):
        assert re.search(r'pos="e,[\d.-]+,[\d.-]+( [\d.-]+,[\d.-]+)+"', edge), edge
        points = len(re.search(r'pos="e,[^ ]+ ([^"]*)"', edge).group(1).split())
        assert points % 3 == 1, "a B-spline has 3n+1 points"


def test_hostile_text_adds_no_node_edge_or_attribute_to_the_dot():
    """Graphviz reads exactly the nodes and edges the renderer wrote, whatever the labels say
    (``"; node [shape=box]``, ``] [label=<x>]``, ``digraph { a -> b }``, trailing backslashes)."""
    dot = to_dot(layout(load(FIXTURES / "hostile.yaml"))).source
    assert "&lt;script&gt;" in dot  # HTML-like labels carry it as entities
    written_nodes = len(re.findall(r'^\t+(?!(?:node|edge|graph) \[)("[^"]+"|\w+) \[', dot, re.MULTILINE))
    written_edges = len(re.findall(r' -> ', dot))
    counted = subprocess.run(["gc", "-n", "-e"], input=dot.encode(), capture_output=True, check=True)
    nodes, edges = map(int, counted.stdout.split()[:2])
    assert (nodes, edges) == (written_nodes, written_edges)
    result = subprocess.run(["neato", "-n2", "-Tsvg"], input=dot.encode(), capture_output=True, check=False)
    assert result.returncode == 0 and result.stderr == b""


@pytest.mark.parametrize("path", [*EXAMPLES, FIXTURES / "hostile.yaml"], ids=lambda p: p.name)
@pytest.mark.parametrize("locale", ["en", "zh"])
def test_graphviz_finds_nothing_to_complain_about(path, locale):
    """No 'cell size too small' and the like: every text the renderer wrapped fits where it was put."""
    dot = to_dot(layout(load(path), locale=locale)).source
    result = subprocess.run(["neato", "-n2", "-Tsvg"], input=dot.encode(), capture_output=True, check=False)
    assert result.stderr.decode() == ""


def test_edge_ids_follow_the_order_graphviz_numbers_edges_in():
    dot, edges = dot_and_edges(layout(load(EXAMPLES[0])))
    made = [line for line in dot.source.splitlines() if "->" in line]
    assert len(made) == len(edges) and len(set(edges)) == len(edges)


def test_the_parts_draw_the_same_picture_as_the_single_graph():
    grid = layout(loads(generate(300)))
    whole = parse(render_svg(to_dot_parts(grid, 3), titles(grid), workers=2))
    single = parse(render_svg([dot_and_edges(grid)], titles(grid)))

    def summary(root):
        return sorted((g.id, g.title, tuple(sorted(g.classes)), str(g.shape()), g.texts()) for g in groups(root)
                      if g.id != "canvas" and "graph" not in g.classes)

    assert summary(whole) == summary(single)
    names = [line.split()[0].strip('"') for part, _ in to_dot_parts(grid, 3) for line in part.source.splitlines()
             if re.match(r'\s*"step-\d+" \[label=', line)]
    assert sorted(names) == sorted(f"step-{card.step.index}" for card in grid.cards)
