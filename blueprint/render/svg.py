"""Running Graphviz on the pinned DOT (``neato -n2`` through ``graphviz``'s ``pipe``), then making
its output stable and safe: SVG titles set from the blueprint, no DOCTYPE or comments, only the
elements and attributes Graphviz draws with (no scripts, event handlers or links)."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from xml.parsers import expat

import graphviz

from .quote import xml_text

__all__ = [
    "FONT_STACK",
    "RenderError",
    "check_svg",
    "join_pdfs",
    "merge_svg",
    "postprocess_svg",
    "render_svg",
    "run_graphviz",
    "split_pdf",
    "svg_to_pdf",
]


class RenderError(Exception):
    """Graphviz is missing or failed, or produced something the renderer does not let through."""


#: What browsers fall back to when Noto Sans CJK is not installed (the SVG names this list).
FONT_STACK = ("Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, "
              "Hiragino Sans GB, sans-serif")

_ELEMENTS = frozenset({"svg", "g", "title", "polygon", "polyline", "path", "ellipse", "text"})
_ATTRIBUTES = frozenset({
    "width", "height", "viewBox", "xmlns", "xmlns:xlink", "id", "class", "transform", "fill", "stroke",
    "stroke-width", "stroke-dasharray", "stroke-opacity", "fill-opacity", "points", "d", "cx", "cy",
    "rx", "ry", "x", "y", "text-anchor", "font-family", "font-size", "font-weight", "font-style",
    "text-decoration", "baseline-shift", "xml:space",
})
# Graphviz writes names into comments with '>' escaped, so a comment ends at the first '>'.
_PROLOG = re.compile(r"<\?xml[^>]*\?>\n?|<!DOCTYPE[^>]*>\n?|<!--[^>]*-->\n?")
_TITLED_GROUP = re.compile(r'<g id="([^"]*)" class="([^"]*)">\n<title>([^<]*)</title>')
# Graphviz's own ids: node12, blueprint_node12, blueprint_edge3.
_NUMBERED = re.compile(r"(?:\w+_)?(node|edge)(\d+)")
_GRAPHVIZ_FONT = "Noto Sans CJK SC"


def run_graphviz(dot: graphviz.Digraph | str, format: str) -> bytes:
    """Draw ``dot`` (a graph, or DOT source of one or more graphs) with ``neato -n2`` (positions
    and routes as given) in ``format``."""
    source = dot if isinstance(dot, str) else dot.source
    try:
        return graphviz.pipe("neato", format, source.encode("utf-8"), neato_no_op=2, quiet=True)
    except graphviz.ExecutableNotFound as exc:
        raise RenderError(
            "Graphviz is not installed (no 'neato'/'dot' on PATH): install the graphviz package "
            "(scripts/system-deps.sh does it on Debian and Ubuntu)"
        ) from exc
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz failed: {detail[-1] if detail else exc}") from exc


# How each document Graphviz writes begins: several graphs in one input give these one after another.
_PAGED_ID = re.compile(rb'id="page\d+,\d+_')
_DOCUMENT_STARTS = {"svg": b"<?xml ", "png": b"\x89PNG\r\n\x1a\n"}


def run_graphviz_many(dots: Sequence[graphviz.Digraph], format: str) -> list[bytes]:
    """Draw several graphs with one ``neato -n2`` process: the per-process start (fonts, plugins)
    costs more than drawing a printed page. Each drawing comes back on its own, in order."""
    if len(dots) == 1:
        return [run_graphviz(dots[0], format)]
    data = run_graphviz("\n".join(dot.source for dot in dots), format)
    start = _DOCUMENT_STARTS[format]
    cuts = [match.start() for match in re.finditer(re.escape(start), data)]
    if len(cuts) != len(dots) or cuts[0] != 0:  # a start's bytes inside a drawing: draw one by one
        return [run_graphviz(dot, format) for dot in dots]
    drawings = [data[a:b] for a, b in zip(cuts, [*cuts[1:], len(data)])]
    if format == "svg":  # after the first graph, Graphviz names the graph group as a page of a paged drawing
        drawings = [_PAGED_ID.sub(b'id="', drawing) for drawing in drawings]
    return drawings


def render_svg(parts: Iterable[tuple[graphviz.Digraph, Sequence[str]]], titles: dict[str, str],
               workers: int = 1) -> str:
    """Draw one picture given in parts (see :func:`blueprint.render.dot.to_dot_parts`; one part is
    fine) as safe SVG, with up to ``workers`` Graphviz processes at a time.

    Each part goes to Graphviz as soon as it is written, so writing the next part overlaps with
    drawing this one, and each drawing is cleaned while the later ones are still being drawn.
    """
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [(pool.submit(run_graphviz, dot, "svg"), edges) for dot, edges in parts]
        return merge_svg([postprocess_svg(future.result(), titles, edges) for future, edges in futures])


def merge_svg(parts: list[str]) -> str:
    """One SVG from cleaned SVGs of the same page size: the first whole, then the drawing of each
    of the others (without their own white page) inside the first one's graph group.

    >>> head = '<?xml version="1.0"?>\\n<svg><g id="blueprint" class="graph">\\n<title>T</title>\\n<polygon/>\\n'
    >>> print(merge_svg([head + '<g>A</g>\\n</g>\\n</svg>\\n', head + '<g>B</g>\\n</g>\\n</svg>\\n']))
    <?xml version="1.0"?>
    <svg><g id="blueprint" class="graph">
    <title>T</title>
    <polygon/>
    <g>A</g>
    <g>B</g>
    </g>
    </svg>
    <BLANKLINE>
    """
    end = "</g>\n</svg>"
    first = parts[0]
    cut = first.rindex(end)
    drawings = [first[:cut]]
    for text in parts[1:]:
        graph = text.index('class="graph"')
        page = text.index("<polygon", graph)  # the white page Graphviz draws under everything
        drawings.append(text[text.index("\n", page) + 1:text.rindex(end)])
    return "".join(drawings) + first[cut:]


def postprocess_svg(data: bytes, titles: dict[str, str], edges: Sequence[str] = ()) -> str:
    """Graphviz's SVG with each group's ``id`` set to its DOT name (``edges`` gives the ids of the
    edges Graphviz numbered) and its ``<title>`` from ``titles``, a font fallback list, no DOCTYPE
    or comments, and nothing but drawing elements (raises :class:`RenderError` otherwise).

    >>> svg = postprocess_svg(b'<!-- x --><svg xmlns="http://www.w3.org/2000/svg">'
    ...     b'<g id="node1" class="node step customer">\\n<title>step&#45;0</title></g></svg>',
    ...     {"step-0": "a<b"})
    >>> svg.splitlines()[1]
    '<svg xmlns="http://www.w3.org/2000/svg"><g id="step-0" class="node step customer">'
    >>> svg.splitlines()[2]
    '<title>a&lt;b</title></g></svg>'
    """
    text = data.decode("utf-8")
    text = _PROLOG.sub("", text)

    def retitle(match: re.Match) -> str:
        element_id, classes, title = match.groups()
        numbered = _NUMBERED.fullmatch(element_id)
        if numbered is None:
            name = element_id.replace("&#45;", "-")
        elif numbered.group(1) == "node":  # its DOT name, which Graphviz puts in the title
            name = title.replace("&#45;", "-")
        else:
            name = edges[int(numbered.group(2)) - 1]
        classes = classes.replace("&#45;", "-")
        return f'<g id="{name}" class="{classes}">\n<title>{xml_text(titles.get(name, name))}</title>'

    text = _TITLED_GROUP.sub(retitle, text)
    text = text.replace("<title>blueprint</title>", f"<title>{xml_text(titles.get('blueprint', ''))}</title>", 1)
    text = text.replace(f'font-family="{_GRAPHVIZ_FONT}"', f'font-family="{FONT_STACK}"')
    check_svg(text)
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + text


def check_svg(text: str) -> None:
    """Raise :class:`RenderError` unless ``text`` is well-formed SVG made only of drawing elements
    and presentation attributes (no script, foreignObject, image, link, event handler or style;
    the allowed attributes hold numbers, colours, ids, classes and font names, never a URL).

    >>> check_svg('<svg><g onclick="x()"/></svg>')
    Traceback (most recent call last):
    ...
    blueprint.render.svg.RenderError: unsafe SVG: attribute 'onclick' on <g>
    """
    def start(name: str, attrs: dict[str, str], elements=_ELEMENTS, allowed=_ATTRIBUTES.issuperset) -> None:
        if name not in elements:
            raise RenderError(f"unsafe SVG: element <{name}>")
        if not allowed(attrs):
            key = min(set(attrs) - _ATTRIBUTES)
            raise RenderError(f"unsafe SVG: attribute {key!r} on <{name}>")

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as exc:
        raise RenderError(f"Graphviz produced SVG that is not well-formed XML: {exc}") from exc


def join_pdfs(documents: list[bytes]) -> bytes:
    """One PDF with the pages of ``documents`` in order (pypdf: Graphviz draws one page per run),
    dated as the first one is."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in documents:
        writer.append(io.BytesIO(data))
    info = PdfReader(io.BytesIO(documents[0])).metadata or {}
    writer.add_metadata({"/Producer": "blueprint", **{key: info[key] for key in ("/CreationDate", "/ModDate")
                                                        if key in info}})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def split_pdf(document: bytes) -> list[bytes]:
    """Each page of ``document`` as a PDF of its own, dated as ``document`` is."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(document))
    pages = []
    for page in reader.pages:
        writer = PdfWriter()
        writer.add_page(page)
        writer.add_metadata(dict(reader.metadata or {}))
        out = io.BytesIO()
        writer.write(out)
        pages.append(out.getvalue())
    return pages


def svg_to_pdf(svg: str) -> bytes:
    """A one-page PDF of ``svg`` at its own size, drawn by cairo as Graphviz draws its PDFs (fonts
    embedded), dated as :func:`blueprint.render.stamps.pdf_dated` says: for SVG that Graphviz did
    not draw whole, such as a picture with marks over it. Needs ``cairosvg`` (the ``app`` extra).

    Raises:
        ImportError: Without cairosvg.
        RenderError: For SVG that is not safe (see :func:`check_svg`) or that cairo cannot draw.
    """
    try:
        import cairosvg
    except ImportError as error:  # the core install stays light; the app extra brings cairosvg
        raise ImportError("PDF of a marked picture needs cairosvg: pip install 'service-blueprint[app]'") from error
    from .stamps import pdf_dated

    check_svg(svg)  # only drawing elements: nothing cairosvg would fetch or run
    try:
        return pdf_dated(cairosvg.svg2pdf(bytestring=svg.encode("utf-8"), unsafe=False))
    except (ValueError, OSError) as error:
        raise RenderError(f"cannot draw the picture as PDF: {error}") from error
