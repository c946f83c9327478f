"""DOT for a placed blueprint, built with the ``graphviz`` package: every node pinned, every edge routed.

The DOT is meant for ``neato -n2``: node ``pos`` and edge ``pos`` are in points with ``y`` up, so
Graphviz only draws. Node names are the ``id``\\ s the SVG keeps (``step-3``, ``lane-0``,
``phase-1``, ``line-of-visibility``); :func:`titles` maps them to the ``<title>`` text the SVG
contract asks for (the step id, ``lane:<id>``, ``phase:<id>``). A step's number in journey order
is a group of its own beside the step's (``step-3-number``, class ``step-number``; on an evidence
note ``evidence-3-number``, class ``evidence-number``), so the step's group keeps its id and classes.
All text goes through :mod:`blueprint.render.quote`.

Graphviz draws nodes in the order the file names them, and each edge right after its tail node,
so the DOT is written in layers (one anonymous subgraph each, which also holds the layer's shared
attributes): sheet, bands, phase frames, lines, header column, evidence notes, cards with their
edges, badges, step numbers, flow labels, legend. The layers under the cards are written by
:mod:`.background`, those over them by :mod:`.foreground`, each statement by :mod:`.writer`; the
colours are :mod:`.palette`'s and the HTML-like labels :mod:`.tables`'.
"""

from __future__ import annotations

from collections.abc import Iterator

import graphviz

from ..layout import Box, Layout
from ..layout.pages import Page
from .background import background, part_edges
from .foreground import foreground, node_id
from .palette import ZONE_COLORS
from .quote import dom_id
from .writer import FONT, Writer

__all__ = ["FONT", "ZONE_COLORS", "describe", "dot_and_edges", "node_id", "page_dot", "titles", "to_dot", "to_dot_parts"]


def to_dot(grid: Layout) -> graphviz.Digraph:
    """The DOT of a placed blueprint (for ``neato -n2``)."""
    return dot_and_edges(grid)[0]


def dot_and_edges(grid: Layout) -> tuple[graphviz.Digraph, list[str]]:
    """:func:`to_dot`, and the SVG ``id`` of each edge in the order Graphviz numbers them."""
    w = _whole(grid)
    return w.dot, w.edges


def page_dot(page: Page) -> tuple[graphviz.Digraph, list[str]]:
    """:func:`dot_and_edges` of a printed page's sheet; on a part of a sheet taller than the page,
    white under the part's cut (class ``part-foot``), and on the second and later part the running
    head across the page's top (class ``part-head``): the sheet's title and number, and which part
    this is. The viewport is the caller's."""
    w = _whole(page.sheet)
    if page.parts > 1:
        part_edges(w, page)
    return w.dot, w.edges


def _whole(grid: Layout) -> Writer:
    w = Writer(grid)
    describe(w, grid)
    return w


def describe(w, grid: Layout) -> None:
    """Everything on a whole sheet, layer by layer, to a :class:`.writer.Writer` (for DOT) or a
    :class:`.paint.Painter` (for print)."""
    background(w, grid)
    foreground(w, grid, grid.cards, legend=True)


def to_dot_parts(grid: Layout, count: int) -> Iterator[tuple[graphviz.Digraph, list[str]]]:
    """The same picture as :func:`to_dot` in ``count + 1`` graphs Graphviz can draw side by side:
    the background, then the cards (with their edges, badges and flow labels) in ``count`` runs
    of columns; the legend comes with the last. Every graph has the full page size, so the drawings
    lie on top of each other exactly (see :func:`blueprint.render.svg.merge_svg`)."""
    under = Writer(grid)
    background(under, grid)
    yield under.dot, under.edges  # Graphviz can start on it while the next part is written
    cards = sorted(grid.cards, key=lambda card: (card.column, card.row))
    size = -(-len(cards) // count) if cards else 1
    runs = [cards[i:i + size] for i in range(0, len(cards), size)] or [[]]
    for i, run in enumerate(runs):
        w = Writer(grid)
        sheet = w.layer(style="invis")
        w.node(sheet, "canvas", Box(0, 0, grid.width, grid.height))  # the page size, not drawn
        w.add(sheet)
        foreground(w, grid, run, legend=i == len(runs) - 1)
        yield w.dot, w.edges


def titles(grid: Layout) -> dict[str, str]:
    """SVG ``<title>`` text by element ``id``: the step id for cards, ``lane:<id>``, ``phase:<id>``,
    ``evidence:<step id>``, ``<badge kind>:<step id>``, ``<source>-><target>`` for flows."""
    result: dict[str, str] = {"blueprint": grid.title}
    if grid.banner is not None:
        result["problems"] = "\n".join(grid.banner.lines)
    for card in grid.cards:
        result[node_id(card)] = card.step.id
        for badge in card.badges:
            detail = f": {badge.detail}" if badge.detail else ""
            result[dom_id("step", card.step.index, badge.kind)] = f"{badge.kind}:{card.step.id}{detail}"
    for band in grid.lanes:
        result[dom_id("lane", band.row)] = f"lane:{band.lane.id}"
        result[dom_id("lane", band.row, "label")] = f"lane-label:{band.lane.id}"
    for i, phase in enumerate(grid.phases):
        if phase.phase is not None:
            result[dom_id("phase", i)] = f"phase:{phase.phase.id}"
            result[dom_id("phase", i, "header")] = f"phase-header:{phase.phase.id}"
    for zone in grid.zones:
        result[dom_id("zone", zone.zone.value)] = f"zone:{zone.zone.value}"
        result[dom_id("zone", zone.zone.value, "label")] = f"zone-label:{zone.zone.value}"
    for note in grid.evidence:
        result[dom_id("evidence", note.step.index)] = f"evidence:{note.step.id}"
        result[dom_id("evidence", note.step.index, "number")] = f"evidence-number:{note.step.id}: {note.number}"
    for card in grid.cards:
        result[dom_id("step", card.step.index, "number")] = f"step-number:{card.step.id}: {card.number}"
    if grid.time_row is not None:
        result["time-row"] = "time-row"
    if grid.emotion_curve is not None:
        result["emotion-curve"] = "emotion-curve"
        for n, (_, _, value, step) in enumerate(grid.emotion_curve.points):
            result[dom_id("emotion", n)] = f"emotion:{step.id}: {value:+d}"
    for n, link in enumerate(grid.links):
        others = ", ".join(step.id for step in link.others)
        arrow = f"{link.card.step.id} -> {others}" if link.outgoing else f"{others} -> {link.card.step.id}"
        result[dom_id("sheet-link", n)] = f"sheet-link:{arrow} (sheet {link.sheet})"
    for n, route in enumerate(grid.routes):
        result[dom_id("flow", n)] = f"{route.source.step.id}->{route.target.step.id}"
        if route.label is not None:
            result[dom_id("flow", n, "label")] = f"flow-label:{route.source.step.id}->{route.target.step.id}"
    return result
