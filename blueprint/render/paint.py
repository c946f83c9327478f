"""Drawing a sheet with cairo from the same description Graphviz gets, without Graphviz.

A :class:`Painter` takes the calls :mod:`.background` and :mod:`.foreground` make of a
:class:`.writer.Writer` (layers, nodes, edges, labels) and draws what ``neato -n2`` draws of that
DOT with its cairo devices: the same shapes, corners, dashes, arrowheads and text places, in the
same order (each node in the order the file names it, each of its edges after it, an edge's head
node first). It knows exactly the DOT our writers use and raises :class:`UnknownAttribute` on
anything else, so a new attribute cannot silently go missing from print.

Graphviz's measures it follows: a rounded box's corner is ``min(12, w/3, h/3)`` with control
points half way; a note's folded corner ``min(w, h)/6``; an arrow is ``10 * arrowsize`` long, a
triangle ``0.35`` of that to each side (a vee ``0.45``, notched half way), drawn solid; cairo's
dashes are 6 on 6 off, dots 2 on 6 off, joins mitred (Graphviz 2.43 leaves cairo's default); a node
is drawn in whole points (its width and height rounded), about its centre. Text: a line is
``round(1.1 * size)`` high; in a plain label and in an HTML-like cell of plain text (one run per
line, not bold) the first baseline is ``0.8 * size`` under the text's top and lines are that height
apart, in a cell of bold or mixed runs ``0.8 * size - 1`` and ``size`` apart; a one-line text is one
line high. An HTML
table's and cell's ``WIDTH``/``HEIGHT`` count in whole points, the table's top left at the node's
centre less half its size in whole points, a cell's text centred in it vertically. A text is as wide
as pango makes it at 96 dpi with advances in whole pixels, plus one, in whole points: what Graphviz
centres a line on and puts the next run after.

Where it differs: glyphs are cairo's, unhinted and unkerned (pango kerns Latin text), so a centred
line of bold Latin may start up to about 1.5 pt from Graphviz's; a character the font lacks is
drawn in :data:`FALLBACK_FONT` (pango would pick the fallback itself; on Debian it picks the same).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import cairocffi as cairo

from ..layout import Box, Layout
from .quote import Plain
from .tables import Cell, Table
from .writer import EDGE_DEFAULTS, FONT, GRAPH, NODE_DEFAULTS, Spline, Writer, inches

#: What characters :data:`FONT` lacks are drawn in (Debian: fonts-dejavu-core; scripts/system-deps.sh).
FALLBACK_FONT = "DejaVu Sans"

__all__ = ["Painter", "Text", "UnknownAttribute", "page_colour"]


class UnknownAttribute(ValueError):
    """The writers used an attribute or value the painter does not draw: teach it first."""


# What a node or an edge spans, or what a page shows: left, top, right, bottom (points, y down).
_Extent = tuple[float, float, float, float]
#: A text as painted: where its baseline starts (points, y down, the sheet's), what, size, bold, colour.
Text = tuple[float, float, str, float, bool, str]

# The graph as the painter draws it: a white page (see press.paint_page), splines as given, no margin.
_GRAPH = {"id": "blueprint", "notranslate": "true", "splines": "true", "pad": "0", "bgcolor": "white"}
_NODE_KEYS = frozenset({"shape", "style", "fillcolor", "color", "penwidth", "label", "fontcolor", "fontsize",
                        "class", "width", "height", "labelloc", "fixedsize", "fontname", "margin"})
_EDGE_KEYS = frozenset({"arrowhead", "arrowsize", "color", "style", "penwidth", "pos", "class", "fontname"})
# Values that must be what they are: anything else is drawn differently by Graphviz.
_FIXED = {"fixedsize": "true", "fontname": FONT, "margin": "0"}
_SHAPES = frozenset({"box", "none", "underline", "note", "circle", "point"})
_STYLES = frozenset({"filled", "rounded", "dashed", "dotted", "solid", "invis"})
_ARROWHEADS = frozenset({"normal", "empty", "vee", "none"})
_DASHES = {"dashed": [6.0], "dotted": [2.0, 6.0]}
_SOLID: list[float] = []
_lib = cairo.cairo  # cairo's own functions (see _Pen)
# The dash patterns as cairo takes them, by the identity of the list that stands for each.
_DASH_ARRAYS = {id(pattern): cairo.ffi.new("double[]", pattern) for pattern in (*_DASHES.values(), _SOLID)}


def _dash(styles: frozenset[str]) -> list[float]:
    for style, pattern in _DASHES.items():
        if style in styles:
            return pattern
    return _SOLID
_NAMED = {"black": (0.0, 0.0, 0.0, 1.0), "white": (1.0, 1.0, 1.0, 1.0), "transparent": (0.0, 0.0, 0.0, 0.0)}


@functools.lru_cache(maxsize=1024)
def _rgba(color: str) -> tuple[float, float, float, float]:
    """``#RRGGBB``, ``#RRGGBBAA`` or one of a few names, as cairo's components."""
    if color in _NAMED:
        return _NAMED[color]
    digits = color[1:]
    if not color.startswith("#") or len(digits) not in (6, 8):
        raise UnknownAttribute(f"colour {color!r}")
    try:
        values = [int(digits[i:i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    except ValueError:
        raise UnknownAttribute(f"colour {color!r}") from None
    return (*values, 1.0)[:4] if len(values) == 3 else tuple(values)


@functools.lru_cache(maxsize=256)
def _styles(style: str) -> frozenset[str]:
    tokens = frozenset(token.strip() for token in style.split(",") if token.strip())
    if not tokens <= _STYLES:
        raise UnknownAttribute(f"style {style!r}")
    return tokens


@functools.lru_cache(maxsize=256)
def _number(text: str) -> float:
    return float(text)


# The resolution Graphviz's pango plugin lays text out at.
_PANGO_DPI = 96


@functools.lru_cache(maxsize=4096)
def _whole(inches: str) -> int:
    """A node's width or height in inches as Graphviz draws it: in whole points (rounded)."""
    return int(float(inches) * 72 + 0.5)


@functools.lru_cache(maxsize=4096)
def _points(size: float) -> int:
    """:func:`_whole` of a size in points as :func:`.writer.inches` writes it."""
    return _whole(inches(size))


def _drawn(cx: float, cy: float, w: int, h: int) -> Box:
    return Box(cx - w / 2, cy - h / 2, w, h)


def page_colour() -> tuple[float, float, float, float]:
    """The page's colour (the graph's ``bgcolor``)."""
    return _rgba(_GRAPH["bgcolor"])


def _line_height(size: float) -> int:
    """Graphviz's height of a line of text (its pango plugin's rounding of 1.1 times the size)."""
    return int(size * 1.1 + 0.5)


class _Look(NamedTuple):
    """How Graphviz draws a node, its attributes read once: the shape, its fill and outline colours
    (None: none), pen and dashes, and its plain label's size, colour and place."""

    shape: str
    rounded: bool
    fill: tuple[float, float, float, float] | None
    stroke: tuple[float, float, float, float] | None
    penwidth: float
    dash: list[float]
    fontsize: float
    fontcolor: str
    labelloc: str


class _EdgeLook(NamedTuple):
    """How Graphviz draws an edge: its colour (None: not at all), pen, dashes and arrowhead."""

    stroke: tuple[float, float, float, float] | None
    penwidth: float
    dash: list[float]
    arrowhead: str
    arrow: float


# The attributes a node's or an edge's look depends on (the rest is its label, place, size, class).
_LOOK_KEYS = ("shape", "style", "fillcolor", "color", "penwidth", "fontsize", "fontcolor", "labelloc",
              *_FIXED)
_EDGE_LOOK_KEYS = ("style", "color", "penwidth", "arrowhead", "arrowsize", "fontname")


def _look(attrs: dict[str, str]) -> _Look | None:
    """The node's look (None when it is invisible), read once for all nodes that share it."""
    return _read_look(*map(attrs.get, _LOOK_KEYS))


# Looks by the attribute values they are read from: a few dozen over all the sheets of a print.
@functools.cache
def _read_look(shape, style, fill, color, penwidth, fontsize, fontcolor, labelloc, *fixed) -> _Look | None:
    styles = _styles(style)
    if "invis" in styles:
        return None
    for (key, value), given in zip(_FIXED.items(), fixed):
        if given != value:
            raise UnknownAttribute(f"{key}={given!r}")
    if shape not in _SHAPES or shape == "point":
        raise UnknownAttribute(f"shape {shape!r}" + (" that is visible" if shape == "point" else ""))
    if "filled" in styles and fill is None:
        raise UnknownAttribute("a filled node without a fillcolor")
    if labelloc not in (None, "b", "c"):
        raise UnknownAttribute(f"labelloc {labelloc!r}")
    pen = _number(penwidth)
    stroke = _rgba(color or "black")
    _rgba(fontcolor or "black")  # known, or refused here
    return _Look(shape, "rounded" in styles and shape == "box", _rgba(fill) if "filled" in styles else None,
                 stroke if pen > 0 and stroke[3] > 0 and shape != "none" else None, pen, _dash(styles),
                 _number(fontsize), fontcolor or "black", labelloc or "c")


def _edge_look(attrs: dict[str, str]) -> _EdgeLook | None:
    """The edge's look (None when it is invisible), read once for all edges that share it."""
    return _read_edge_look(*map(attrs.get, _EDGE_LOOK_KEYS))


@functools.cache
def _read_edge_look(style, color, penwidth, arrowhead, arrowsize, fontname) -> _EdgeLook | None:
    styles = _styles(style or "solid")
    if "invis" in styles:
        return None
    if (arrowhead or "normal") not in _ARROWHEADS:
        raise UnknownAttribute(f"arrowhead {arrowhead!r}")
    if fontname != FONT:
        raise UnknownAttribute(f"fontname={fontname!r}")
    pen, stroke = _number(penwidth), _rgba(color or "black")
    return _EdgeLook(stroke if pen > 0 and stroke[3] > 0 else None, pen, _dash(styles), arrowhead or "normal",
                     10 * _number(arrowsize))


def _label(label) -> Table | Plain | str:
    """The node's label, checked once: a table whose cells are aligned left or centred, a plain
    label justified so, or none."""
    if type(label) is Table:
        for cell in label.cells:
            if cell.align not in ("LEFT", "CENTER"):
                raise UnknownAttribute(f"ALIGN={cell.align!r}")
    elif isinstance(label, Plain):
        if label.justify not in ("left", "center"):
            raise UnknownAttribute(f"justify {label.justify!r}")
    elif label:
        raise UnknownAttribute(f"a label that is neither a Table nor Plain: {label[:40]!r}")
    return label


class _Fonts:
    """The two faces (regular, bold) of :data:`FONT`, and the widths Graphviz gives text."""

    def __init__(self) -> None:
        options = cairo.FontOptions()
        options.set_hint_metrics(cairo.HINT_METRICS_OFF)  # glyphs where print puts them
        options.set_hint_style(cairo.HINT_STYLE_NONE)
        self.options = options
        self.faces = _faces(FONT)
        # Characters the font lacks (✔, ☑, Hebrew, Arabic...) are drawn in the font Graphviz's
        # pango would fall back to on this system, not as empty boxes: cairo does not fall back.
        self.fallback = _faces(FALLBACK_FONT)
        self.coverage = cairo.ScaledFont(self.faces[False], cairo.Matrix(xx=10, yy=10), cairo.Matrix(), options)
        self.measured: dict[tuple[bool, float], cairo.ScaledFont] = {}
        self.width = functools.lru_cache(maxsize=1 << 16)(self._width)
        self.runs = functools.lru_cache(maxsize=1 << 16)(self._runs)
        self.has = functools.lru_cache(maxsize=1 << 12)(self._has)

    def _has(self, char: str) -> bool:
        """Whether :data:`FONT` has a glyph for ``char`` (cairo maps a missing one to glyph 0)."""
        return all(glyph[0] for glyph in self.coverage.text_to_glyphs(0, 0, char, with_clusters=False))

    def _runs(self, text: str) -> tuple[tuple[str, bool], ...] | None:
        """``text`` in runs of characters :data:`FONT` has and lacks (the second drawn in
        :data:`FALLBACK_FONT`); None when it has them all, as almost always."""
        if all(self.has(char) for char in text):
            return None
        runs: list[tuple[str, bool]] = []
        for char in text:
            lacks = not char.isspace() and not self.has(char)
            if runs and runs[-1][1] == lacks:
                runs[-1] = (runs[-1][0] + char, lacks)
            else:
                runs.append((char, lacks))
        return tuple(runs)

    def _width(self, text: str, bold: bool, size: float) -> int:
        """How wide Graphviz takes ``text`` to be (what it centres and puts the next run after):
        pango's width at 96 dpi with advances in whole pixels, plus one point, in whole points."""
        font = self.measured.get((bold, size))
        if font is None:
            options = cairo.FontOptions()
            options.set_hint_metrics(cairo.HINT_METRICS_ON)
            options.set_hint_style(cairo.HINT_STYLE_NONE)
            pixels = size * _PANGO_DPI / 72
            font = self.measured[(bold, size)] = cairo.ScaledFont(
                self.faces[bold], cairo.Matrix(xx=pixels, yy=pixels), cairo.Matrix(), options)
        return int(font.text_extents(text)[4] * 72 / _PANGO_DPI + 1)


def _faces(family: str) -> dict[bool, cairo.ToyFontFace]:
    """The regular (False) and bold (True) faces of ``family``."""
    return {bold: cairo.ToyFontFace(family, cairo.FONT_SLANT_NORMAL,
                                    cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
            for bold in (False, True)}


_fonts: _Fonts | None = None


def fonts() -> _Fonts:
    global _fonts
    if _fonts is None:
        _fonts = _Fonts()
    return _fonts


_UNREAD = object()  # a look not read yet (None is an invisible one)


class _Layer:
    """A layer's statements and what its nodes and its edges have unless they say otherwise (the
    graph's defaults, and the layer's own for its kind), as :class:`.writer.Layer`. A statement is a
    node ``(name, box, label, attrs)`` or an edge ``(tail, head, pos, attrs)``; ``attrs`` None for a
    card or a flow, which look as their layer says."""

    __slots__ = ("body", "edges", "nodes", "size")

    def __init__(self, nodes: dict[str, str], edges: dict[str, str]):
        self.nodes, self.edges = nodes, edges
        self.body: list[tuple] = []
        # The size of the layer's cards (which say none of their own), as Graphviz draws them.
        width, height = nodes.get("width"), nodes.get("height")
        self.size = None if width is None or height is None else (_whole(width), _whole(height))


class Painter:
    """What the writers describe of a sheet, kept to be drawn onto a cairo context (points, y down)."""

    def __init__(self, grid: Layout):
        if GRAPH != _GRAPH:
            raise UnknownAttribute(f"graph attributes {GRAPH}: the painter draws {_GRAPH}")
        self.grid = grid
        self.edges: list[str] = []
        # Nodes in the order the DOT would name them; each node's edges in the order they are made;
        # each with its extent, to leave out what a page does not show.
        self.nodes: dict[str, tuple[Box, _Look | None, Table | Plain | str, _Extent]] = {}
        self.out: dict[str, list[tuple[str, Spline, _EdgeLook | None, _Extent]]] = {}

    # -- the Writer's interface -------------------------------------------------------------------

    def layer(self, kind: str = "node", **defaults: str) -> _Layer:
        if "class_" in defaults:
            defaults["class"] = defaults.pop("class_")
        if kind not in ("node", "edge") or not defaults.keys() <= (_NODE_KEYS if kind == "node" else _EDGE_KEYS):
            raise UnknownAttribute(f"{kind} layer with {sorted(defaults)}")
        if kind == "node":
            return _Layer({**NODE_DEFAULTS, **defaults}, EDGE_DEFAULTS)
        return _Layer(NODE_DEFAULTS, {**EDGE_DEFAULTS, **defaults})

    def add(self, layer: _Layer) -> None:
        nodes, out = self.nodes, self.out
        card = flow = _UNREAD  # the look of the layer's cards and of its flows, read at the first of each
        for first, second, third, attrs in layer.body:
            if type(second) is not str:  # a node: name, box, label
                if first in nodes:
                    raise UnknownAttribute(f"node {first!r} written twice")
                if attrs is not None:
                    look = _look(attrs)
                else:
                    look = card = _look(layer.nodes) if card is _UNREAD else card
                nodes[first] = (second, look, _label(third), (second.x, second.y, second.right, second.bottom))
            else:  # an edge: tail, head, route
                if first not in nodes or second not in nodes:
                    raise UnknownAttribute(f"edge {first} -> {second} before its nodes")
                if attrs is not None:
                    look = _edge_look(attrs)
                else:
                    look = flow = _edge_look(layer.edges) if flow is _UNREAD else flow
                xs, ys = [p[0] for p in third.control], [p[1] for p in third.control]
                out.setdefault(first, []).append((second, third, look, (min(xs), min(ys), max(xs), max(ys))))

    def node(self, layer: _Layer, name: str, box: Box, size: bool = True, **attrs: str) -> None:
        if "class_" in attrs:
            attrs["class"] = attrs.pop("class_")
        if not attrs.keys() <= _NODE_KEYS:
            raise UnknownAttribute(f"node {name!r} with {sorted(attrs.keys() - _NODE_KEYS)}")
        attrs = {**layer.nodes, **attrs}
        if size:
            box = _drawn(box.cx, box.cy, _points(box.w), _points(box.h))
        else:  # the size the attributes give (a badge's height is its layer's), about the box's centre
            box = _drawn(box.cx, box.cy, _whole(attrs["width"]), _whole(attrs["height"]))
        layer.body.append((name, box, attrs["label"], attrs))

    def card(self, layer: _Layer, name: str, box: Box, label: str) -> None:
        if layer.size is None:
            raise UnknownAttribute(f"card {name!r} on a layer without a width and height")
        layer.body.append((name, _drawn(box.cx, box.cy, *layer.size), label, None))

    def edge(self, layer: _Layer, tail: str, head: str, element_id: str, **attrs: str) -> None:
        if "class_" in attrs:
            attrs["class"] = attrs.pop("class_")
        if not attrs.keys() <= _EDGE_KEYS:
            raise UnknownAttribute(f"edge {element_id!r} with {sorted(attrs.keys() - _EDGE_KEYS)}")
        pos = attrs.pop("pos")
        if not isinstance(pos, Spline):
            raise UnknownAttribute(f"edge {element_id!r}: a pos that is not a Spline")
        layer.body.append((tail, head, pos, {**layer.edges, **attrs}))
        self.edges.append(element_id)

    def flow(self, layer: _Layer, tail: str, head: str, element_id: str, pos: Spline) -> None:
        layer.body.append((tail, head, pos, None))
        self.edges.append(element_id)

    def point(self, x: float, y: float) -> str:
        raise UnknownAttribute("a position as text: write it as a Box or a Spline")

    spline = Writer.spline  # the same route, read back as points by :meth:`_Pen.edge`

    def curve(self, control: list[tuple[float, float]], tip: tuple[float, float]) -> Spline:
        pos = Spline()
        pos.control, pos.tip = control, tip
        return pos

    # -- drawing ----------------------------------------------------------------------------------

    def paint(self, ctx: cairo.Context, view: tuple[float, float, float, float] | None = None,
              texts: list[Text] | None = None) -> None:
        """Draw onto ``ctx`` (in the sheet's points) what lies in ``view`` (left, top, right, bottom;
        Graphviz leaves out what is off the page), in Graphviz's order; each text drawn is added to
        ``texts`` when given."""
        view = view or (-1e9, -1e9, 1e9, 1e9)
        ctx.set_line_join(cairo.LINE_JOIN_MITER)
        pen = _Pen(ctx, texts)
        done: set[str] = set()
        nodes, out = self.nodes, self.out

        def show(name: str) -> None:  # a node, once: at its place, or before its first edge in
            done.add(name)
            box, look, label, extent = nodes[name]
            if look is not None and _seen(extent, view):
                pen.node(box, look, label)

        for name in nodes:
            if name not in done:
                show(name)
            for head, pos, look, extent in out.get(name, ()):
                if head not in done:
                    show(head)
                if look is not None and _seen(extent, view):
                    pen.edge(pos, look)
        pen.done()


def _seen(extent: _Extent, view: _Extent) -> bool:
    """Whether what spans ``extent`` shows, at least in part, in ``view`` (both left, top, right, bottom)."""
    return extent[0] <= view[2] and extent[2] >= view[0] and extent[1] <= view[3] and extent[3] >= view[1]


class _Pen:
    """Draws one node or edge at a time onto a context, the way Graphviz's cairo devices do. It
    calls cairo directly (cairocffi's checks after every call cost more than the drawing: the
    context's status is checked once, at the end) and sets colour, width and dash only when they
    change."""

    def __init__(self, ctx: cairo.Context, texts: list[Text] | None):
        self.ctx, self.cr = ctx, ctx._pointer
        self.texts = texts
        self.fonts = fonts()
        ctx.set_font_options(self.fonts.options)
        self.face: tuple[bool, float] | None = None
        self.rgba: tuple[float, float, float, float] | None = None
        self.width: float | None = None
        self.dashes: list[float] | None = None

    def done(self) -> None:
        cairo._check_status(_lib.cairo_status(self.cr))

    # -- nodes ------------------------------------------------------------------------------------

    def node(self, box: Box, look: _Look, label: Table | Plain | str) -> None:
        cr, lib = self.cr, _lib
        shape, fill, stroke, penwidth, dash = look.shape, look.fill, look.stroke, look.penwidth, look.dash
        x, y, w, h = box.x, box.y, box.w, box.h
        if shape == "box":
            if look.rounded:
                _rounded(cr, x, y, w, h)
            else:
                lib.cairo_rectangle(cr, x, y, w, h)
            self.fill_stroke(fill, stroke, penwidth, dash)
        elif shape == "none":
            if fill is not None:  # filled, with no outline
                lib.cairo_rectangle(cr, x, y, w, h)
                self.fill_stroke(fill, None, penwidth, dash)
        elif shape == "underline":
            if fill is not None:
                lib.cairo_rectangle(cr, x, y, w, h)
                self.fill_stroke(fill, None, penwidth, dash)
            lib.cairo_move_to(cr, x, y + h)
            lib.cairo_line_to(cr, x + w, y + h)
            self.fill_stroke(None, stroke, penwidth, dash)
        elif shape == "note":
            fold = min(w, h) / 6
            right, bottom = x + w, y + h
            lib.cairo_move_to(cr, right - fold, y)
            for px, py in ((x, y), (x, bottom), (right, bottom), (right, y + fold)):
                lib.cairo_line_to(cr, px, py)
            lib.cairo_close_path(cr)
            self.fill_stroke(fill, stroke, penwidth, dash)
            lib.cairo_move_to(cr, right - fold, y)
            lib.cairo_line_to(cr, right - fold, y + fold)
            self.fill_stroke(None, stroke, penwidth, dash)
            lib.cairo_move_to(cr, right, y + fold)
            lib.cairo_line_to(cr, right - fold, y + fold)
            self.fill_stroke(None, stroke, penwidth, dash)
        else:  # circle
            lib.cairo_save(cr)
            lib.cairo_translate(cr, x + w / 2, y + h / 2)
            lib.cairo_scale(cr, w / 2, h / 2)
            lib.cairo_move_to(cr, 1, 0)
            lib.cairo_arc(cr, 0, 0, 1, 0, 6.283185307179586)
            lib.cairo_restore(cr)
            self.fill_stroke(fill, stroke, penwidth, dash)
        if label:
            if type(label) is Table:
                self.table(label, box)
            else:
                self.plain(label, box, look.fontsize, look.fontcolor, look.labelloc)

    def source(self, rgba: tuple[float, float, float, float]) -> None:
        if rgba != self.rgba:
            _lib.cairo_set_source_rgba(self.cr, *rgba)
            self.rgba = rgba

    def fill_stroke(self, fill: tuple | None, stroke: tuple | None, penwidth: float, dash: list[float]) -> None:
        """Fill the path (unless ``fill`` is None), then outline it (unless ``stroke`` is None)."""
        cr = self.cr
        if fill is not None:
            self.source(fill)
            if stroke is None:
                _lib.cairo_fill(cr)
                return
            _lib.cairo_fill_preserve(cr)
        elif stroke is None:
            _lib.cairo_new_path(cr)
            return
        self.source(stroke)
        if penwidth != self.width:
            _lib.cairo_set_line_width(cr, penwidth)
            self.width = penwidth
        if dash is not self.dashes:
            _lib.cairo_set_dash(cr, _DASH_ARRAYS[id(dash)], len(dash), 0)
            self.dashes = dash
        _lib.cairo_stroke(cr)

    # -- text -------------------------------------------------------------------------------------

    def text(self, x: float, y: float, text: str, size: float, bold: bool, color: str) -> None:
        cr = self.cr
        face = (bold, size)
        if face != self.face:
            _lib.cairo_set_font_face(cr, self.fonts.faces[bold]._pointer)
            _lib.cairo_set_font_size(cr, size)
            self.face = face
        self.source(_rgba(color))
        _lib.cairo_move_to(cr, x, y)
        runs = self.fonts.runs(text)
        if runs is None:
            _lib.cairo_show_text(cr, text.encode("utf-8"))
        else:  # each run goes on where the one before ended
            for run, lacks in runs:
                faces = self.fonts.fallback if lacks else self.fonts.faces
                _lib.cairo_set_font_face(cr, faces[bold]._pointer)
                _lib.cairo_set_font_size(cr, size)
                _lib.cairo_show_text(cr, run.encode("utf-8"))
            self.face = None
        if self.texts is not None:
            self.texts.append((x, y, text, size, bold, color))

    def plain(self, label: Plain, box: Box, size: float, color: str, labelloc: str) -> None:
        lines, step = label.lines, _line_height(size)
        if labelloc == "b":
            baseline = box.y + box.h - len(lines) * step + 0.8 * size
        else:  # "c" (the look allows no other)
            baseline = box.y + box.h / 2 - len(lines) * step / 2 + 0.8 * size
        left = label.justify == "left"
        width = self.fonts.width
        for line in lines:
            x = box.x if left else box.x + box.w / 2 - width(line, False, size) / 2
            self.text(x, baseline, line, size, False, color)
            baseline += step

    def table(self, label: Table, box: Box) -> None:
        left = box.x + box.w / 2 - label.width // 2
        top = box.y + box.h / 2 - label.height // 2
        for cell in label.cells:
            self.cell(cell, left, top)
            top += cell.height

    def cell(self, cell: Cell, left: float, top: float) -> None:
        size, bold, lines = cell.size, cell.bold, cell.lines
        simple = not bold and all(len(line) == 1 for line in lines)
        height = _line_height(size)
        step = height if simple else size
        block = height if len(lines) == 1 else len(lines) * step
        baseline = top + (cell.height - block) / 2 + 0.8 * size - (0 if simple else 1)
        centre = cell.align == "CENTER"
        width = self.fonts.width
        for line in lines:
            x = left
            if centre:
                x += cell.width / 2 - sum(width(text, bold, size) for text, _ in line) / 2
            for text, color in line:
                self.text(x, baseline, text, size, bold, color)
                if len(line) > 1:
                    x += width(text, bold, size)
            baseline += step

    # -- edges ------------------------------------------------------------------------------------

    def edge(self, pos: Spline, look: _EdgeLook) -> None:
        cr, lib = self.cr, _lib
        points = pos.control
        lib.cairo_move_to(cr, *points[0])
        for i in range(1, len(points) - 2, 3):
            lib.cairo_curve_to(cr, *points[i], *points[i + 1], *points[i + 2])
        self.fill_stroke(None, look.stroke, look.penwidth, look.dash)
        if look.arrowhead != "none":
            _arrow(cr, pos.tip, points[-1], look.arrow, look.arrowhead)
            self.fill_stroke(None if look.arrowhead == "empty" else look.stroke, look.stroke, look.penwidth, _SOLID)


def _rounded(cr, x: float, y: float, w: float, h: float) -> None:
    """Graphviz's rounded box: corners of ``min(12, w/3, h/3)``, control points half way in."""
    r = min(12.0, w / 3, h / 3)
    c = r / 2
    right, bottom = x + w, y + h
    lib = _lib
    lib.cairo_move_to(cr, right - r, y)
    lib.cairo_line_to(cr, x + r, y)
    lib.cairo_curve_to(cr, x + c, y, x, y + c, x, y + r)
    lib.cairo_line_to(cr, x, bottom - r)
    lib.cairo_curve_to(cr, x, bottom - c, x + c, bottom, x + r, bottom)
    lib.cairo_line_to(cr, right - r, bottom)
    lib.cairo_curve_to(cr, right - c, bottom, right, bottom - c, right, bottom - r)
    lib.cairo_line_to(cr, right, y + r)
    lib.cairo_curve_to(cr, right, y + c, right - c, y, right - r, y)
    lib.cairo_close_path(cr)


def _arrow(cr, tip: tuple[float, float], toward: tuple[float, float], length: float,
           kind: str) -> None:
    """An arrowhead's outline: ``length`` long from ``tip`` back toward the curve's end."""
    dx, dy = toward[0] - tip[0], toward[1] - tip[1]
    scale = length / ((dx * dx + dy * dy) ** 0.5 or 1)
    ux, uy = dx * scale, dy * scale  # from the tip to the base
    vx, vy = -uy, ux  # across, as long
    tx, ty = tip
    bx, by = tx + ux, ty + uy
    if kind == "vee":
        side, stem = 0.45, 1 / 70  # Graphviz's vee: wings 0.45 across, notched half way, a hairline stem
        mx, my = tx + ux / 2, ty + uy / 2
        outline = [(bx + vx * side, by + vy * side), (mx + vx * stem, my + vy * stem), (bx + vx * stem, by + vy * stem),
                   (bx, by), (bx - vx * stem, by - vy * stem), (mx - vx * stem, my - vy * stem),
                   (bx - vx * side, by - vy * side)]
    else:
        outline = [(bx + vx * 0.35, by + vy * 0.35), (bx - vx * 0.35, by - vy * 0.35)]
    _lib.cairo_move_to(cr, tx, ty)
    for px, py in outline:
        _lib.cairo_line_to(cr, px, py)
    _lib.cairo_close_path(cr)
