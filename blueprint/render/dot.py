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
edges, badges, step numbers, flow labels, legend.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator

import graphviz

from ..layout import Box, Card, Layout, Route
from ..layout.pages import Page, head_height
from ..layout.text import ellipsize, text_width
from ..model import FlowKind, Line, Zone
from ..words import word
from .quote import css_classes, dom_id, html_label, html_text, plain_lines

__all__ = ["FONT", "ZONE_COLORS", "dot_and_edges", "node_id", "page_dot", "titles", "to_dot", "to_dot_parts"]

#: The one font the picture asks for: it has Latin and CJK glyphs (Debian: fonts-noto-cjk).
FONT = "Noto Sans CJK SC"

#: Per zone: band tint, card border, header cell fill.
ZONE_COLORS: dict[Zone, tuple[str, str, str]] = {
    Zone.CUSTOMER: ("#FFF7E6", "#D4912A", "#FBE2B4"),
    Zone.FRONTSTAGE: ("#EDF4FC", "#3D7FC4", "#CFE2F6"),
    Zone.BACKSTAGE: ("#F3EFFA", "#7E5DB5", "#DFD5F0"),
    Zone.SUPPORT: ("#ECF5EF", "#3F8B5C", "#CFE6D7"),
}
_INK = "#1E2A36"
_MUTED = "#5B6B7B"
_EDGE = {
    FlowKind.FLOW: {"color": "#34414E", "style": "solid", "arrowhead": "normal"},
    FlowKind.SUPPORT: {"color": "#6B7C8D", "style": "dashed", "arrowhead": "normal"},
    FlowKind.RETURN: {"color": "#1F6FB2", "style": "solid", "arrowhead": "empty"},
    FlowKind.RECOVERY: {"color": "#C0392B", "style": "dotted", "arrowhead": "vee"},
}
_LINE_STYLE = {
    Line.INTERACTION: ("solid", "1.6", "#2C3E50"),
    Line.VISIBILITY: ("dashed", "1.6", "#2C3E50"),
    Line.INTERNAL_INTERACTION: ("solid", "1", "#5B6B7B"),
}
_BADGE = {"fail-point": ("#C0392B", "#FFFFFF"), "wait-point": ("#F4B43F", "#3B2F00"),
          "standard-exceeded": ("#B5470B", "#FFFFFF")}
# A wait over its standard, and the frame of a card over its standard.
_EXCEEDED = ("#B5470B", "#FFFFFF")
_EMOTION = {-2: "#C0392B", -1: "#E67E22", 0: "#7F8C8D", 1: "#27AE60", 2: "#1E8449"}


_quote = functools.lru_cache(maxsize=1 << 16, typed=True)(graphviz.quoting.quote)


def _num(value: float) -> str:
    """A coordinate or size in points to a tenth, short and stable.

    >>> _num(12.0), _num(3.14159), _num(-0.001)
    ('12', '3.1', '0')
    """
    text = "%.1f" % (value + 0.0)
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def _inches(points: float) -> str:
    return f"{points / 72:.4f}".rstrip("0").rstrip(".")


def node_id(card: Card) -> str:
    """The DOT node name and SVG ``id`` of a step's card: ``step-<position in the file>``."""
    return f"step-{card.step.index:d}"


class _Layer:
    """The statements of one anonymous subgraph: the defaults its nodes or edges share, and its
    own (much lighter than a ``graphviz.Digraph`` each, on hundreds of print sheets)."""

    __slots__ = ("defaults", "body")

    def __init__(self) -> None:
        self.defaults = ""
        self.body: list[str] = []


class _Writer:
    """Turns layout boxes (y down) into pinned DOT nodes (y up), layer by layer."""

    def __init__(self, grid: Layout, prefix: str = ""):
        self.height = grid.height
        self.prefix = prefix
        self.edges: list[str] = []
        self.dot = graphviz.Digraph(
            name="blueprint",
            graph_attr={"id": "blueprint", "notranslate": "true", "splines": "true", "pad": "0",
                        "bgcolor": "white"},
            node_attr={"shape": "box", "style": "filled", "fixedsize": "true", "fontname": FONT,
                       "margin": "0", "label": "", "penwidth": "0", "fontsize": "8"},
            edge_attr={"arrowsize": "0.7", "penwidth": "1.2", "fontname": FONT},
        )

    def quoted(self, name: str) -> str:
        """``name`` as a DOT identifier, by the package's own quoting, remembered across pictures:
        the hundreds of sheets of a printed blueprint repeat names, classes, colours and sizes."""
        return _quote(name)

    def name(self, name: str) -> str:
        """A node's name as a DOT identifier, after :attr:`prefix` (which keeps the names of
        several sheets drawn as one graph apart)."""
        return _quote(self.prefix + name)

    def attr_list(self, attrs: dict[str, str]) -> str:
        """The attribute list ``Digraph.node`` and ``Digraph.edge`` write for ``attrs`` (``label``
        first, the rest sorted), each key and value quoted by the package's own rules once per
        writer: on a big picture the package's per-call argument checks and quoting of the same
        colours and sizes again and again took a third of the DOT's time."""
        label = attrs.pop("label", None)
        items = [] if label is None else [f"label={self._value(label)}"]
        items += [f"{self.quoted(key)}={self._value(value)}" for key, value in sorted(attrs.items())
                  if value is not None]
        return f" [{' '.join(items)}]" if items else ""

    def _value(self, value: str) -> str:
        # A plain label (NoHtml) equals its text as a key but is quoted differently: never memoized.
        if isinstance(value, graphviz.quoting.NoHtml):
            return graphviz.quoting.quote(value)
        return self.quoted(value)

    def edge(self, layer: _Layer, tail: str, head: str, element_id: str, **attrs: str) -> None:
        """An edge; Graphviz numbers edges in the order they are made (``edge1``, ``edge2``...),
        and :attr:`edges` keeps the ``id`` each number stands for."""
        # The statement Digraph.edge writes (node names are the renderer's ids: no port or compass).
        layer.body.append(f"\t{self.name(tail)} -> {self.name(head)}{self.attr_list(attrs)}\n")
        self.edges.append(element_id)

    def point(self, x: float, y: float) -> str:
        return f"{x:.1f},{self.height - y:.1f}"

    def spline(self, points: list[tuple[float, float]], style) -> str:
        """An edge ``pos``: the arrow's tip, then the curve's control points, all y-up."""
        control, tip = _spline(points, style.arrow, style.corner)
        height = self.height
        return f"e,{tip[0]:.1f},{height - tip[1]:.1f} " + " ".join(
            [f"{x:.1f},{height - y:.1f}" for x, y in control])

    def layer(self, kind: str = "node", **defaults: str) -> _Layer:
        """An anonymous subgraph whose nodes (``kind="edge"``: edges) share ``defaults`` (``class_``
        for ``class``)."""
        layer = _Layer()
        if "class_" in defaults:
            defaults["class"] = defaults.pop("class_")
        if defaults:  # what Digraph.attr writes (all attributes sorted), quoted once per writer
            layer.defaults = (f"\t{kind} [" + " ".join(f"{self.quoted(key)}={self._value(value)}"
                                                      for key, value in sorted(defaults.items())) + "]\n")
        return layer

    def add(self, layer: _Layer) -> None:
        """What ``Digraph.subgraph`` writes for the layer; a layer with nothing in it is left out."""
        if layer.body:
            self.dot.body += ["\t{\n", *(["\t" + layer.defaults] if layer.defaults else []),
                              *["\t" + line for line in layer.body], "\t}\n"]

    def node(self, layer: _Layer, name: str, box: Box, size: bool = True, **attrs: str) -> None:
        if "class_" in attrs:
            attrs["class"] = attrs.pop("class_")
        if size:
            attrs["width"] = _inches(box.w)
            attrs["height"] = _inches(box.h)
        attrs["pos"] = self.point(box.cx, box.cy)
        layer.body.append(f"\t{self.name(name)}{self.attr_list(attrs)}\n")  # what Digraph.node writes


def _table(lines: list[str], width: float, height: float, size: float, color: str, align: str = "LEFT",
           bold: bool = False) -> str:
    """A fixed-size table of pre-wrapped lines, so text sits exactly where the layout put it
    (no label at all for no lines: Graphviz refuses an empty table)."""
    if not lines:
        return ""
    body = "<BR/>".join(html_text(line) for line in lines)
    if bold:
        body = f"<B>{body}</B>"
    return html_label(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
        f'WIDTH="{_num(width)}" HEIGHT="{_num(height)}"><TR><TD ALIGN="{align}" BALIGN="{align}" '
        f'FIXEDSIZE="TRUE" WIDTH="{_num(width)}" HEIGHT="{_num(height)}"><FONT POINT-SIZE="{_num(size)}" '
        f'COLOR="{color}">{body}</FONT></TD></TR></TABLE>'
    )


def _card_label(card: Card, grid: Layout) -> str:
    """The card's text in a fixed table (so it sits where the layout measured it): the label,
    then owner and duration, then touchpoint and emotion, all left-aligned."""
    style = grid.style
    inner = _num(card.box.w - 2 * style.card_pad_x)
    small = style.lh(style.small_size)
    rows = [_row(card.lines, inner, len(card.lines) * style.lh(style.label_size), style.label_size, _INK)]
    if card.meta:
        rows.append(_row(card.meta, inner, len(card.meta) * small, style.small_size, _MUTED))
    footer = []
    if card.touchpoint:
        footer.append(f'<FONT COLOR="{_MUTED}">{html_text(card.touchpoint)}</FONT>')
    if card.emotion is not None:
        value = max(-2, min(2, card.emotion))
        sign = "+" if card.emotion > 0 else ("−" if card.emotion < 0 else "")
        gap = "   " if footer else ""  # inside the span: a bare space would be a text of its own
        footer.append(f'<FONT COLOR="{_EMOTION[value]}">{gap}● {sign}{abs(card.emotion)}</FONT>')
    if footer:
        rows.append(f'<TR><TD ALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{inner}" HEIGHT="{_num(small)}">'
                    f'<FONT POINT-SIZE="{_num(style.small_size)}">{"".join(footer)}</FONT></TD></TR>')
    if card.details:
        rows.append(_row(card.details, inner, len(card.details) * small, style.small_size, _MUTED))
    return html_label('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                      f'{"".join(rows)}</TABLE>')


def _row(lines: list[str], width: str, height: float, size: float, color: str) -> str:
    body = "<BR/>".join(html_text(line) for line in lines)
    return (f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{_num(height)}">'
            f'<FONT POINT-SIZE="{_num(size)}" COLOR="{color}">{body}</FONT></TD></TR>')


def _spline(points: list[tuple[float, float]], arrow: float, corner: float) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """B-spline control points (Graphviz edge ``pos``) for an orthogonal polyline with rounded
    corners, ending at the arrow's base; and the arrow's tip.

    >>> control, tip = _spline([(0, 0), (0, 20), (30, 20)], arrow=7, corner=4)
    >>> [(float(x), float(y)) for x, y in control], tip
    ([(0.0, 0.0), (0.0, 0.0), (0.0, 16.0), (0.0, 16.0), (0.0, 20.0), (0.0, 20.0), (4.0, 20.0), (4.0, 20.0), (23.0, 20.0), (23.0, 20.0)], (30, 20))
    """
    tip = points[-1]
    px, py = points[-2]
    length = abs(tip[0] - px) + abs(tip[1] - py)
    cut = min(arrow, length * 0.6)
    base = _toward(tip, (px, py), cut, length)
    corners = points[:-1] + [base]
    control = [corners[0]]
    for i in range(1, len(corners) - 1):
        prev, here, nxt = corners[i - 1], corners[i], corners[i + 1]
        before = abs(here[0] - prev[0]) + abs(here[1] - prev[1])
        after = abs(nxt[0] - here[0]) + abs(nxt[1] - here[1])
        start = _toward(here, prev, min(corner, before / 2), before)
        end = _toward(here, nxt, min(corner, after / 2), after)
        control += [control[-1], start, start, here, here, end]  # straight, then the rounded bend
    control += [control[-1], corners[-1], corners[-1]]
    return control, tip


def _toward(a: tuple[float, float], b: tuple[float, float], distance: float, length: float) -> tuple[float, float]:
    """The point ``distance`` from ``a`` on the way to ``b`` (``length`` apart, along one axis)."""
    if not length:
        return a
    return (a[0] + (b[0] - a[0]) * distance / length, a[1] + (b[1] - a[1]) * distance / length)


def _badge_classes(badge) -> tuple[str, ...]:
    classes = ["badge", badge.kind]
    if badge.kind == "fail-point" and badge.detail:
        classes.append("fail-callout")
    if badge.exceeded and badge.kind != "standard-exceeded":
        classes.append("standard-exceeded")
    return tuple(classes)


def _route_classes(route: Route) -> tuple[str, ...]:
    classes = ["flow"]
    if route.kind is not FlowKind.FLOW:
        classes.append(route.kind.value)
    if route.handoff:
        classes.append("handoff")
    if route.crosses:
        classes.append("crossing")
    return tuple(classes)


def to_dot(grid: Layout, prefix: str = "") -> graphviz.Digraph:
    """The DOT of a placed blueprint (for ``neato -n2``), every node's name after ``prefix``."""
    return dot_and_edges(grid, prefix)[0]


def dot_and_edges(grid: Layout, prefix: str = "") -> tuple[graphviz.Digraph, list[str]]:
    """:func:`to_dot`, and the SVG ``id`` of each edge in the order Graphviz numbers them."""
    w = _whole(grid, prefix)
    return w.dot, w.edges


def page_dot(page: Page, prefix: str = "") -> tuple[graphviz.Digraph, list[str]]:
    """:func:`dot_and_edges` of a printed page's sheet; on the second and later part of a sheet
    taller than the page, with the running head across the page's top (class ``part-head``): the
    sheet's title and number, and which part this is. The viewport is the caller's."""
    w = _whole(page.sheet, prefix)
    if page.part:
        _running_head(w, page)
    return w.dot, w.edges


def _whole(grid: Layout, prefix: str) -> _Writer:
    w = _Writer(grid, prefix)
    _background(w, grid)
    _foreground(w, grid, grid.cards, legend=True)
    return w


def _running_head(w: _Writer, page: Page) -> None:
    """A white strip the width of the sheet, over what the part before showed at its foot, with
    "<title> (3/12) · part 2 of 3" and a hairline under it."""
    sheet = page.sheet
    style = sheet.style
    top, height, width = page.top, head_height(style), sheet.width
    part = word("print.part", sheet.locale).format(part=page.part + 1, parts=page.parts)
    room = width - 2 * style.margin
    window = sheet.window
    number = f" ({window.number}/{window.count})" if window is not None and window.count > 1 else ""
    # The title gives way to the sheet's number and the part, as on the sheet itself (bold is wider).
    title = sheet.title.removesuffix(number)
    title = ellipsize(title, room / 1.1 - text_width(f"{number} · {part}", style.small_size) - 8, style.small_size)
    text = f"{title}{number} · {part}".lstrip(" ·")
    layer = w.layer(shape="box", style="filled", fillcolor="#FFFFFF", class_="part-head")
    w.node(layer, "part-head", Box(0, top, width, height))
    w.node(layer, "part-head-rule", Box(style.margin, top + height - 3, room, 2), shape="underline", style="solid",
           color="#AEB8C2", penwidth="0.6")
    w.node(layer, "part-head-text", Box(style.margin, top + 2, room, height - 5), shape="none", style="",
           label=_table([text], room, height - 5, style.small_size, _MUTED, bold=True))
    w.add(layer)


def to_dot_parts(grid: Layout, count: int) -> Iterator[tuple[graphviz.Digraph, list[str]]]:
    """The same picture as :func:`to_dot` in ``count + 1`` graphs Graphviz can draw side by side:
    the background, then the cards (with their edges, badges and flow labels) in ``count`` runs
    of columns; the legend comes with the last. Every graph has the full page size, so the drawings
    lie on top of each other exactly (see :func:`blueprint.render.svg.merge_svg`)."""
    background = _Writer(grid)
    _background(background, grid)
    yield background.dot, background.edges  # Graphviz can start on it while the next part is written
    cards = sorted(grid.cards, key=lambda card: (card.column, card.row))
    size = -(-len(cards) // count) if cards else 1
    runs = [cards[i:i + size] for i in range(0, len(cards), size)] or [[]]
    for i, run in enumerate(runs):
        w = _Writer(grid)
        sheet = w.layer(style="invis")
        w.node(sheet, "canvas", Box(0, 0, grid.width, grid.height))  # the page size, not drawn
        w.add(sheet)
        _foreground(w, grid, run, legend=i == len(runs) - 1)
        yield w.dot, w.edges


def _background(w: _Writer, grid: Layout) -> None:
    """Sheet, bands, phase frames, the lines, the header column and the evidence notes."""
    style = grid.style
    sheet = w.layer(fillcolor="#FFFFFF", class_="canvas")
    # A white sheet the size of the picture: Graphviz sizes the drawing to what it draws.
    w.node(sheet, "canvas", Box(0, 0, grid.width, grid.height))
    w.add(sheet)

    bands = w.layer()
    for zone in grid.zones:
        w.node(bands, dom_id("zone", zone.zone.value), zone.box, fillcolor=ZONE_COLORS[zone.zone][0],
               class_=css_classes("zone", zone.zone.value))
    for band in grid.lanes:
        w.node(bands, dom_id("lane", band.row), band.box, fillcolor="#FFFFFF99",
               class_=css_classes("lane", band.zone.value))
    if grid.evidence_band is not None:
        w.node(bands, "evidence-row", grid.evidence_band, fillcolor="#F7F7F4", class_="evidence-row")
    w.add(bands)

    phases = w.layer()
    for i, phase in enumerate(grid.phases):
        if phase.phase is None:
            continue
        w.node(phases, dom_id("phase", i), phase.box, style="rounded", color="#B8C4D0", penwidth="1",
               class_="phase")
        w.node(phases, dom_id("phase", i, "header"), phase.header, style="rounded,filled", fillcolor="#33475B",
               class_="phase-header",
               label=_table(phase.lines, phase.header.w - 12, phase.header.h - 4, style.header_size, "#FFFFFF",
                            align="CENTER", bold=True))
    w.add(phases)

    lines = w.layer()
    for line in grid.lines:
        dash, pen, color = _LINE_STYLE[line.line]
        box = Box(line.x0, line.y - 2, line.x1 - line.x0, 2)
        w.node(lines, line.line.value, box, shape="underline", style=dash, penwidth=pen, color=color,
               class_=css_classes("line", line.line.value))
        w.node(lines, f"{line.line.value}-label", line.label_box, shape="none", style="", class_="line-label",
               label=_table(line.lines, line.label_box.w, line.label_box.h, style.small_size, color, bold=True))
    w.add(lines)

    header = w.layer(shape="none", style="")
    for zone in grid.zones:
        w.node(header, dom_id("zone", zone.zone.value, "label"), zone.label_box, shape="box", style="filled",
               fillcolor=ZONE_COLORS[zone.zone][2], class_=css_classes("zone-label", zone.zone.value),
               label=_table(zone.lines, zone.label_box.w - 10, zone.label_box.h - 4, style.header_size, _INK,
                            align="CENTER", bold=True))
    for band in grid.lanes:
        w.node(header, dom_id("lane", band.row, "label"), band.label_box,
               class_=css_classes("lane-label", band.zone.value),
               label=_table(band.lines, band.label_box.w - 12, band.label_box.h - 4, style.header_size, _INK))
    if grid.evidence_label is not None:
        box, label_lines = grid.evidence_label
        w.node(header, "evidence-row-label", box, shape="box", style="filled", fillcolor="#ECEBE4",
               class_="evidence-label",
               label=_table(label_lines, box.w - 12, box.h - 4, style.header_size, _INK, align="CENTER", bold=True))
    if grid.title:  # an untitled blueprint (lint says so) still draws: Graphviz refuses an empty table
        w.node(header, "title", grid.title_box, class_="title",
               label=_table([grid.title], grid.title_box.w, grid.title_box.h, style.title_size, _INK, bold=True))
    if grid.banner is not None:
        box = grid.banner.box
        w.node(header, "problems", box, shape="box", style="filled", fillcolor="#FDECEA", color="#C0392B",
               penwidth="1.2", class_="problems",
               label=_table(grid.banner.lines, box.w - 12, box.h - 6, style.small_size, "#7B1E14"))
    w.add(header)

    notes = w.layer(shape="note", fillcolor="#FFFBE6", color="#D8C37A", penwidth="0.8", class_="evidence",
                    fontsize=_num(style.note_size), fontcolor="#4D4420")
    for note in grid.evidence:
        w.node(notes, dom_id("evidence", note.step.index), note.box, label=plain_lines(note.lines, "left"),
               labelloc="b")  # clear of the number tag on its top edge
    w.add(notes)
    tags = _number_layer(w, style, "evidence-number")
    for note in grid.evidence:
        if note.number_box is not None:
            w.node(tags, dom_id("evidence", note.step.index, "number"), note.number_box,
                   label=plain_lines([str(note.number)]))
    w.add(tags)
    if grid.time_row is not None:
        _time_row(w, grid)
    if grid.emotion_curve is not None:
        _emotion_curve(w, grid)


def _labelled_band(w: _Writer, grid: Layout, name: str, band, fill: str, header_fill: str) -> _Layer:
    """A layer of class ``name`` holding a full-width band (node ``name``, ``band.box``) and its
    header cell (``name-label``, ``band.label_box`` with ``band.label``); the caller adds the rest."""
    style = grid.style
    layer = w.layer(shape="none", style="", class_=name)
    w.node(layer, name, band.box, shape="box", style="filled", fillcolor=fill)
    w.node(layer, f"{name}-label", band.label_box, shape="box", style="filled", fillcolor=header_fill,
           label=_table(band.label, band.label_box.w - 12, band.label_box.h - 4, style.header_size, _INK,
                        align="CENTER", bold=True))
    return layer


def _time_row(w: _Writer, grid: Layout) -> None:
    """The band under the last lane with each phase's time and the running total."""
    style, row = grid.style, grid.time_row
    layer = _labelled_band(w, grid, "time-row", row, "#F1F3F5", "#E2E6EA")
    for n, (box, lines) in enumerate(row.cells):
        w.node(layer, dom_id("time-row", n), box,
               label=_table(lines, box.w - 12, box.h - 4, style.small_size, _INK, align="CENTER"))
    w.add(layer)


def _emotion_curve(w: _Writer, grid: Layout) -> None:
    """The customer's emotion as a line through a coloured point per step."""
    curve = grid.emotion_curve
    layer = _labelled_band(w, grid, "emotion-curve", curve, "#FBFBF8", "#ECEBE4")
    base = curve.box.cy
    w.node(layer, "emotion-curve-zero", Box(curve.box.x + curve.label_box.w, base - 0.5,
                                            curve.box.w - curve.label_box.w, 1), shape="box", style="filled",
           fillcolor="#D5D8DC")
    for n, (x, y, value, step) in enumerate(curve.points):
        w.node(layer, dom_id("emotion", n), Box(x - 3.5, y - 3.5, 7, 7), shape="circle", style="filled",
               fillcolor=_EMOTION[max(-2, min(2, value))], color="#FFFFFF", penwidth="0.8")
    for n, ((x0, y0, _, _), (x1, y1, _, _)) in enumerate(zip(curve.points, curve.points[1:])):
        w.edge(layer, dom_id("emotion", n), dom_id("emotion", n + 1), dom_id("emotion-curve", "segment", n),
               arrowhead="none", color="#7F8C8D", penwidth="1.2",
               pos=f"e,{w.point(x1, y1)} " + " ".join([w.point(x0, y0)] * 2 + [w.point(x1, y1)] * 2))
    w.add(layer)


def _foreground(w: _Writer, grid: Layout, cards: list[Card], legend: bool) -> None:
    """``cards`` with the edges that leave them, their badges and their edges' labels."""
    style = grid.style
    mine = {id(card) for card in cards}
    routes = [(n, route) for n, route in enumerate(grid.routes) if id(route.source) in mine]
    _cards_and_edges(w, grid, cards, routes)

    badges: dict[tuple[str, ...], _Layer] = {}
    for card in cards:
        for badge in card.badges:
            classes = _badge_classes(badge)
            layer = badges.get(classes)
            if layer is None:
                fill, ink = _EXCEEDED if badge.exceeded else _BADGE[badge.kind]
                layer = badges[classes] = w.layer(
                    style="rounded,filled", fillcolor=fill, fontcolor=ink, fontsize=_num(style.badge_size),
                    height=_inches(style.badge_height), class_=css_classes(*classes))
            name = dom_id("step", card.step.index, badge.kind)
            w.node(layer, name, badge.box, size=False, width=_inches(badge.box.w), label=plain_lines([badge.text]))
    for _, layer in sorted(badges.items()):
        w.add(layer)
    tags = _number_layer(w, style, "step-number")
    for card in cards:
        if card.number_box is not None:
            w.node(tags, dom_id("step", card.step.index, "number"), card.number_box,
                   label=plain_lines([str(card.number)]))
    w.add(tags)

    labels = w.layer(fillcolor="#FFFFFFE6", fontsize=_num(style.flow_label_size), class_="flow-label")
    for n, route in routes:
        if route.label is not None:
            w.node(labels, dom_id("flow", n, "label"), route.label.box, fontcolor=_EDGE[route.kind]["color"],
                   label=plain_lines(route.label.lines))
    w.add(labels)
    links = w.layer(style="rounded,filled", fillcolor="#FFFFFF", color="#33475B", penwidth="0.8",
                    fontcolor="#33475B", fontsize=_num(style.flow_label_size), class_="sheet-link")
    for n, link in enumerate(grid.links):
        if id(link.card) in mine:
            w.node(links, dom_id("sheet-link", n), link.box, label=plain_lines([link.text]))
    w.add(links)
    if legend:
        _legend(w, grid)


def _number_layer(w: _Writer, style, cls: str) -> _Layer:
    """Step numbers in small quiet tags: white, a thin grey frame, grey text."""
    return w.layer(shape="box", style="rounded,filled", fillcolor="#FFFFFF", color="#AEB8C2", penwidth="0.6",
                   fontcolor=_MUTED, fontsize=_num(style.badge_size), class_=cls)


def _cards_and_edges(w: _Writer, grid: Layout, cards: list[Card], routes: list[tuple[int, Route]]) -> None:
    """One layer of cards per lane (they share size, colours and classes), then the edges; an edge
    to a card drawn in another part ends at an invisible stand-in in the same place."""
    by_row: dict[tuple[int, bool], list[Card]] = defaultdict(list)
    for card in cards:
        by_row[(card.row, card.exceeded)].append(card)
    for (row, exceeded), row_cards in sorted(by_row.items()):
        zone = row_cards[0].zone
        # A card over its time standard is framed in the warning colour.
        frame = {"color": _EXCEEDED[0], "penwidth": "2.4"} if exceeded else {
            "color": ZONE_COLORS[zone][1], "penwidth": "1.2"}
        layer = w.layer(style="rounded,filled", fillcolor="#FFFFFF", **frame,
                        width=_inches(row_cards[0].box.w), height=_inches(row_cards[0].box.h),
                        class_=css_classes("step", zone.value, *(["standard-exceeded"] if exceeded else [])))
        for card in sorted(row_cards, key=lambda card: card.step.index):
            # The statement Digraph.node writes (attributes sorted), appended directly: on
            # thousands of cards the package's per-call argument checks and re-quoting of values
            # the renderer already made DOT-safe (a number pair, an HTML-like label) cost more
            # than Graphviz's own drawing.
            layer.body.append(f'\t{w.name(node_id(card))} [label={_card_label(card, grid)} '
                              f'pos="{w.point(card.box.cx, card.box.cy)}"]\n')
        w.add(layer)
    mine = {id(card) for card in cards}
    elsewhere = {node_id(route.target): route.target for _, route in routes if id(route.target) not in mine}
    if elsewhere:
        stand_ins = w.layer(style="invis")
        for name, card in sorted(elsewhere.items()):
            w.node(stand_ins, name, card.box)
        w.add(stand_ins)
    style = grid.style
    groups: dict[tuple[str, ...], list[tuple[int, Route]]] = defaultdict(list)
    for n, route in routes:
        groups[_route_classes(route)].append((n, route))
    for classes, members in groups.items():
        look = _EDGE[members[0][1].kind]
        layer = w.layer("edge", color=look["color"], style=look["style"], arrowhead=look["arrowhead"],
                        class_=css_classes(*classes))
        for n, route in members:
            # As for cards: the statement Digraph.edge writes, with names quoted once per card.
            layer.body.append(f'\t{w.name(node_id(route.source))} -> {w.name(node_id(route.target))} '
                              f'[pos="{w.spline(route.points, style)}"]\n')
            w.edges.append(f"flow-{n:d}")
        w.add(layer)


def _legend(w: _Writer, grid: Layout) -> None:
    style = grid.style
    legend = w.layer(shape="none", style="", fontsize=_num(style.small_size), fontcolor=_MUTED, class_="legend")
    if grid.legend_title is not None:
        box, text = grid.legend_title
        w.node(legend, "legend", box, fontcolor=_INK, label=plain_lines([text]))
    for item in grid.legend:
        name = dom_id("legend", item.sample)
        if item.sample in _BADGE:
            fill, ink = _BADGE[item.sample]
            w.node(legend, name, item.sample_box, shape="box", style="rounded,filled", fillcolor=fill,
                   fontcolor=ink, fontsize=_num(style.badge_size), label=plain_lines([item.text]))
            continue
        if item.sample == "emotion":
            w.node(legend, name, item.sample_box, fontcolor=_EMOTION[1], label=plain_lines(["●"]))
        else:
            look = _EDGE[FlowKind(item.sample)]
            box = item.sample_box
            ends = (f"{name}-from", f"{name}-to")
            for end, x in zip(ends, (box.x, box.right)):
                w.node(legend, end, Box(x, box.cy, 0, 0), size=False, shape="point", style="invis", width="0.01",
                       height="0.01")
            w.edge(legend, *ends, name, color=look["color"], style=look["style"], arrowhead=look["arrowhead"],
                        pos=w.spline([(box.x, box.cy), (box.right, box.cy)], style),
                        **{"class": css_classes("legend-sample", f"legend-{item.sample}")})
        w.node(legend, f"{name}-text", item.text_box, label=plain_lines([item.text]))
    w.add(legend)


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
