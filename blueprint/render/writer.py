"""Pinned DOT statements: layout boxes (y down) as nodes and edges for ``neato -n2`` (y up), written
layer by layer the way ``graphviz.Digraph`` writes them, with values quoted once."""

from __future__ import annotations

import functools

import graphviz

from ..layout import Box, Layout

__all__ = ["EDGE_DEFAULTS", "FONT", "GRAPH", "NODE_DEFAULTS", "Layer", "Spline", "Writer", "inches", "num"]

#: The one font the picture asks for: it has Latin and CJK glyphs (Debian: fonts-noto-cjk).
FONT = "Noto Sans CJK SC"
#: The graph's own attributes, and what every node and edge has unless its layer or itself says otherwise.
GRAPH = {"id": "blueprint", "notranslate": "true", "splines": "true", "pad": "0", "bgcolor": "white"}
NODE_DEFAULTS = {"shape": "box", "style": "filled", "fixedsize": "true", "fontname": FONT, "margin": "0",
                 "label": "", "penwidth": "0", "fontsize": "8"}
EDGE_DEFAULTS = {"arrowsize": "0.7", "penwidth": "1.2", "fontname": FONT}

# The package's quoting, remembered: pictures repeat the same names, colours and sizes thousands of times.
_quote = functools.lru_cache(maxsize=1 << 16, typed=True)(graphviz.quoting.quote)


def num(value: float) -> str:
    """A coordinate or size in points to a tenth, short and stable.

    >>> num(12.0), num(3.14159), num(-0.001)
    ('12', '3.1', '0')
    """
    text = "%.1f" % (value + 0.0)
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def inches(points: float) -> str:
    """A size in points as Graphviz's inches, to four places.

    >>> inches(72), inches(10)
    ('1', '0.1389')
    """
    return f"{points / 72:.4f}".rstrip("0").rstrip(".")


class Spline(str):
    """An edge's ``pos`` (its DOT text, y up) with what it says in the layout's points (y down):
    the curve's control points, and the arrow's tip, for the painter."""

    control: list[tuple[float, float]]
    tip: tuple[float, float]


class Layer:
    """The statements of one anonymous subgraph: the defaults its nodes or edges share, and its
    own (much lighter than a ``graphviz.Digraph`` each, on hundreds of print sheets)."""

    __slots__ = ("defaults", "body")

    def __init__(self) -> None:
        self.defaults = ""
        self.body: list[str] = []


class Writer:
    """Turns layout boxes (y down) into pinned DOT nodes (y up), layer by layer."""

    def __init__(self, grid: Layout, prefix: str = ""):
        self.height = grid.height
        self.prefix = prefix
        self.edges: list[str] = []
        self.dot = graphviz.Digraph(name="blueprint", graph_attr=dict(GRAPH), node_attr=dict(NODE_DEFAULTS),
                                    edge_attr=dict(EDGE_DEFAULTS))

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

    def _value(self, value) -> str:
        # A table label writes itself as an HTML string. A plain label (NoHtml) is quoted apart from
        # a str of the same text: the cache is typed.
        return self.quoted(value) if isinstance(value, str) else str(value)

    def edge(self, layer: Layer, tail: str, head: str, element_id: str, **attrs: str) -> None:
        """An edge; Graphviz numbers edges in the order they are made (``edge1``, ``edge2``...),
        and :attr:`edges` keeps the ``id`` each number stands for."""
        # The statement Digraph.edge writes (node names are the renderer's ids: no port or compass).
        layer.body.append(f"\t{self.name(tail)} -> {self.name(head)}{self.attr_list(attrs)}\n")
        self.edges.append(element_id)

    def card(self, layer: Layer, name: str, box: Box, label: str) -> None:
        """A node whose size and look are its layer's: its label and place only."""
        # The statement Digraph.node writes (attributes sorted), appended directly: on thousands of
        # cards the package's per-call argument checks and re-quoting of values the renderer
        # already made DOT-safe (a number pair, an HTML-like label) cost more than Graphviz's drawing.
        layer.body.append(f'\t{self.name(name)} [label={label} pos="{self.point(box.cx, box.cy)}"]\n')

    def flow(self, layer: Layer, tail: str, head: str, element_id: str, pos: Spline) -> None:
        """An edge whose look is its layer's: its ends and route only (see :meth:`edge`)."""
        layer.body.append(f'\t{self.name(tail)} -> {self.name(head)} [pos="{pos}"]\n')
        self.edges.append(element_id)

    def point(self, x: float, y: float) -> str:
        return f"{x:.1f},{self.height - y:.1f}"

    def spline(self, points: list[tuple[float, float]], style) -> Spline:
        """An edge ``pos`` along an orthogonal route: the arrow's tip, then the curve's control
        points with rounded bends, all y-up."""
        control, tip = _spline(points, style.arrow, style.corner)
        return self.curve(control, tip)

    def curve(self, control: list[tuple[float, float]], tip: tuple[float, float]) -> Spline:
        """An edge ``pos`` of given control points (y down) ending at ``tip``."""
        height = self.height
        pos = Spline(f"e,{tip[0]:.1f},{height - tip[1]:.1f} " + " ".join(
            [f"{x:.1f},{height - y:.1f}" for x, y in control]))
        pos.control, pos.tip = control, tip
        return pos

    def layer(self, kind: str = "node", **defaults: str) -> Layer:
        """An anonymous subgraph whose nodes (``kind="edge"``: edges) share ``defaults`` (``class_``
        for ``class``)."""
        layer = Layer()
        if "class_" in defaults:
            defaults["class"] = defaults.pop("class_")
        if defaults:  # what Digraph.attr writes (all attributes sorted), quoted once per writer
            layer.defaults = (f"\t{kind} [" + " ".join(f"{self.quoted(key)}={self._value(value)}"
                                                      for key, value in sorted(defaults.items())) + "]\n")
        return layer

    def add(self, layer: Layer) -> None:
        """What ``Digraph.subgraph`` writes for the layer; a layer with nothing in it is left out."""
        if layer.body:
            self.dot.body += ["\t{\n", *(["\t" + layer.defaults] if layer.defaults else []),
                              *["\t" + line for line in layer.body], "\t}\n"]

    def node(self, layer: Layer, name: str, box: Box, size: bool = True, **attrs: str) -> None:
        if "class_" in attrs:
            attrs["class"] = attrs.pop("class_")
        if size:
            attrs["width"] = inches(box.w)
            attrs["height"] = inches(box.h)
        attrs["pos"] = self.point(box.cx, box.cy)
        layer.body.append(f"\t{self.name(name)}{self.attr_list(attrs)}\n")  # what Digraph.node writes


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
