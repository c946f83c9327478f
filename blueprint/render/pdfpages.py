"""Printed pages as one PDF: each run of sheets drawn by Graphviz as one picture, then cut into pages.

Graphviz's cairo PDF device (2.42/2.43) makes one page per graph and ignores the ``page``
attribute, and every graph is a document of its own that embeds a subset of its fonts: with Noto
Sans CJK that costs more than drawing the sheet. So the sheets of a run go to Graphviz as one graph,
lying on top of each other (node names made unique by a prefix), each led by a marker. Cairo writes one page
whose content is the sheets' drawings in order, and the fonts once. Each printed page then gets the
content of its own sheet only, from its marker to the next, shifted as its own viewport would have
placed it: the drawing Graphviz makes of the page alone.

The marker is a tiny square, filled and stroked in a colour and with a pen width nothing else is
drawn with, solid and opaque. Cairo writes a colour, a width, a dash or an alpha only when it
changes, so after the marker it writes colours and widths again for whatever comes next, and dash
and alpha are as on a new page: a sheet's drawing needs nothing from the sheets before it. Content
the cut does not follow (a clip, a pattern, an image, a grey; a marker too many or too few) raises
:class:`CannotCut`, and the caller draws page by page instead.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import graphviz

from ..layout.pages import Page
from .dot import page_dot

__all__ = ["CannotCut", "print_pdf"]


class CannotCut(Exception):
    """Cairo wrote something the cut does not follow: draw the pages one by one."""


_MARK = "#010203"  # cairo writes it as 0.00392157 0.00784314 0.0117647
_MARK_PEN = "0.0123"

_NUMBER = rb"-?[\d.]+\s+"
_COLOUR = rb"0\.0039\d*\s+0\.0078\d*\s+0\.011\d*\s+"
_ALPHA = rb"(?:/[^\s/]+\s+gs\s+)?"
_MARKER_START = re.compile(_COLOUR + rb"rg(?=\s)")
# The marker's square, filled and stroked: in a transform of its own (q ... cm ... Q) where the page
# is zoomed, in page space where it is not (a sheet printed at scale 1).
_SQUARE = rb"(?:(?:" + _NUMBER + rb")+(?:re|m|l|c)\s+|h\s+)+B"
# The whole marker: its colour to fill and to stroke, its pen width (and on the page's first stroke
# cairo's cap, join, dash and miter limit, all PDF's defaults), its square filled and stroked.
_MARKER = re.compile(_COLOUR + rb"rg\s+" + _ALPHA + _COLOUR + rb"RG\s+" + _ALPHA + _NUMBER + rb"w\s+"
                     rb"(?:0\s+J\s+)?(?:0\s+j\s+)?(?:\[\]\s+0\.0\s+d\s+)?(?:10\s+M\s+)?"
                     rb"(?:q\s+(?:" + _NUMBER + rb"){6}cm\s+" + _SQUARE + rb"\s+Q|" + _SQUARE + rb")(?=\s)")
# What cairo would draw a blueprint with never: a pattern, a shading, an image, a colour space
# (resources of the page), a clip, an inline image, a rendering intent or flatness, a CMYK colour,
# text scaling or leading (letters that no other word of cairo's content holds: its hex strings
# are lower case, its names its own). The cut does not carry their state over.
_UNFOLLOWED_RESOURCES = ("/Pattern", "/Shading", "/XObject", "/ColorSpace")
_NOT_UNFOLLOWED = bytes(sorted(set(range(256)) - set(b"WIikKzL")))
# Cap, join and miter limit: cairo writes them on the page's first stroke (the first marker's, as
# PDF's defaults) and again only if they change. Each letter also stands in one other operator.
_STYLE = ((b"J", b"]TJ"), (b"j", b"Tj"), (b"M", b"EMC"))


def print_pdf(pages: Sequence[Page], run_graphviz: Callable[[str, str], bytes], workers: int) -> bytes:
    """One PDF of ``pages`` (from :func:`blueprint.layout.pages.plan_pages`), drawn by up to
    ``workers`` Graphviz processes at a time, each drawing a run of sheets; ``run_graphviz(source,
    format)`` runs one. Each run goes to Graphviz as soon as its DOT is written, so the next run's
    DOT is written while Graphviz draws.

    Raises:
        CannotCut: When the drawing cannot be cut into pages (draw them one by one instead).
    """
    # What each page shows: its sheet, drawn once for all the pages it is on; a later part of a tall
    # sheet has a running head of its own over it, so it is a drawing of its own.
    drawings: list[Page] = []
    for page in pages:
        if page.part or not drawings or page.sheet is not drawings[-1].sheet:
            drawings.append(page)
    count = max(1, min(workers, len(drawings)))
    runs = [drawings[k * len(drawings) // count:(k + 1) * len(drawings) // count] for k in range(count)]
    widest, tallest = max(page.sheet.width for page in pages), max(page.sheet.height for page in pages)
    view = _viewport(widest, tallest, pages[0].scale)
    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(_drawn, run_graphviz, _together(run, view), len(run)) for run in runs]
        drawn = [future.result() for future in futures]
    return _write(pages, runs, drawn, view)


def _viewport(width: float, height: float, zoom: float) -> str:
    """A viewport (in whole points) showing a drawing of ``width`` x ``height`` at ``zoom``, its top
    left corner at the page's."""
    w, h = math.ceil(width * zoom), math.ceil(height * zoom)
    return f"{w},{h},{zoom:.6f},{w / 2 / zoom:.6f},{height - h / 2 / zoom:.6f}"


def _together(pages: Sequence[Page], view: str) -> str:
    """One graph drawing the sheets of ``pages`` on top of each other in ``view``, each led by its marker."""
    dots = [page_dot(page, prefix=f"{k}/")[0] for k, page in enumerate(pages)]  # names unique in the graph
    first = dots[0]
    graph = graphviz.Digraph(name=first.name, node_attr=first.node_attr, edge_attr=first.edge_attr,
                             graph_attr={**first.graph_attr, "viewport": view, "margin": "0"})
    for k, dot in enumerate(dots):
        if dot.node_attr != first.node_attr or dot.edge_attr != first.edge_attr:
            raise CannotCut("sheets with different node or edge defaults")
        graph.body.append(f'\t"{k}/" [color="{_MARK}" fillcolor="{_MARK}" height=0.02 label="" '
                          f'penwidth={_MARK_PEN} pos="1,1" shape=box style=filled width=0.02]\n')
        graph.body += dot.body
    return graph.source


def _cut(content: bytes, count: int) -> list[bytes]:
    """The drawing of each of ``count`` sheets in the content stream of the page cairo drew them on."""
    if content.translate(None, _NOT_UNFOLLOWED):
        raise CannotCut("an operator the cut does not follow")
    starts = [marker.start() for marker in _MARKER_START.finditer(content)]
    if len(starts) != count:
        raise CannotCut(f"{len(starts)} markers for {count} sheets")
    ends = []
    for start in starts:
        marker = _MARKER.match(content, start)
        if marker is None:
            raise CannotCut("a marker that is not a filled and stroked square")
        ends.append(marker.end())
    first = content[starts[0]:ends[0]]
    if any(content.count(letter) - content.count(other) != first.count(letter) for letter, other in _STYLE):
        raise CannotCut("a cap, join or miter limit set after the first marker")
    close = content.rindex(b"Q")  # the Q of the page's own q
    drawings = [content[end:bound] for end, bound in zip(ends, [*starts[1:], close])]
    if any(drawing.count(b"q") != drawing.count(b"Q") for drawing in drawings):
        raise CannotCut("a sheet that does not start at the page's level")
    return drawings


def _shift(viewport: str, view: str) -> tuple[float, float]:
    """How far (x right, y down, in points) a page drawn in ``viewport`` lies from the same drawing
    in ``view``: Graphviz puts the focus at the page's centre."""
    w, h, zoom, x, y = _numbers(viewport)
    wc, hc, _, xc, yc = _numbers(view)
    return (xc - x) * zoom + (w - wc) / 2, (y - yc) * zoom + (h - hc) / 2


def _numbers(text: str) -> list[float]:
    return [float(part) for part in text.split(",")]


def _drawn(run_graphviz: Callable[[str, str], bytes], source: str, count: int):
    """The page Graphviz draws of ``source`` (``count`` sheets), for its fonts, and each sheet's
    drawing as a content stream of its own, compressed (zlib lets other threads run meanwhile)."""
    from pypdf import PdfReader
    from pypdf.generic import DecodedStreamObject

    from .stamps import pdf_dated

    reader = PdfReader(io.BytesIO(pdf_dated(run_graphviz(source, "pdf"))))
    if len(reader.pages) != 1:
        raise CannotCut(f"{len(reader.pages)} pages drawn for one")
    page = reader.pages[0]
    if any(key in page["/Resources"] for key in _UNFOLLOWED_RESOURCES):
        raise CannotCut("a pattern, shading, image or colour space the cut does not follow")
    streams = []
    for drawing in _cut(page.get_contents().get_data(), count):
        stream = DecodedStreamObject()
        stream.set_data(drawing + b"\nQ\n")
        streams.append(stream.flate_encode(level=1))  # fastest; still 20 times smaller than before
    return page, dict(reader.metadata or {}), streams


def _drawing(page: Page) -> tuple[int, int]:
    """Which drawing a page shows: its sheet's (the first part's), or a later part's with its head."""
    return id(page.sheet), page.part


def _write(pages: Sequence[Page], runs: Sequence[Sequence[Page]], drawn: Sequence[tuple],
           view: str) -> bytes:
    """The PDF: each page its sheet's drawing, shifted into place, with the fonts of its run's page."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject

    writer = PdfWriter()
    found: dict[int, tuple[object, object, object]] = {}
    for run, (page, _, streams) in zip(runs, drawn):
        resources = page["/Resources"].clone(writer)
        group = page["/Group"].clone(writer) if "/Group" in page else None
        for shown, stream in zip(run, streams):
            found[_drawing(shown)] = (stream, resources, group)
    for page in pages:
        stream, resources, group = found[_drawing(page)]
        dx, dy = _shift(page.viewport(), view)
        # A white page as Graphviz paints it, then cairo's flip of y with the page's shift.
        head = DecodedStreamObject()
        head.set_data(f"1 1 1 rg 0 0 {page.width:g} {page.height:g} re f\n"
                      f"1 0 0 -1 {dx:.4f} {page.height - dy:.4f} cm\nq\n".encode())
        out = writer.add_blank_page(page.width, page.height)
        out[NameObject("/Resources")] = resources
        if group is not None:
            out[NameObject("/Group")] = group
        out.replace_contents(ArrayObject([head, stream]))  # a sheet on several pages is stored once
    info = drawn[0][1]
    writer.add_metadata({"/Producer": "blueprint", **{key: info[key] for key in ("/CreationDate", "/ModDate")
                                                       if key in info}})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
