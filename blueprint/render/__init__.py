"""Draw a blueprint: the grid from :mod:`blueprint.layout`, DOT from :mod:`.dot`, pictures by Graphviz;
printed PDF and PNG pages by the painter (:mod:`.press`, :mod:`.paint`) from the same description.

The package is callable as :func:`render`.

>>> from blueprint import loads, render
>>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: A}\\n")
>>> render(bp, "dot").startswith("digraph blueprint {")
True
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor

from ..entry import make_callable
from ..errors import Bilingual
from ..filenames import PICTURE_FORMATS
from ..layout import Layout, layout
from ..layout.pages import Page, PageSpec, plan_pages
from ..model import Blueprint
from ..phrases import say
from .dot import dot_and_edges, page_dot, titles, to_dot, to_dot_parts
from .stamps import pdf_dated, png_with_dpi
from .svg import RenderError, postprocess_svg, render_svg, run_graphviz, run_graphviz_many, split_pdf

__all__ = ["FORMATS", "MAX_PIXELS", "PNG_DPI", "READABLE_STEPS", "PageSpec", "RenderError", "TooLargeError",
           "draw_pages", "render", "render_layout", "render_pages"]

#: Output formats: text for ``svg`` and ``dot``, bytes for ``png`` and ``pdf``.
FORMATS = PICTURE_FORMATS

#: Pixels per inch of PNG output by default: sharp on screens and in print at the picture's natural size.
PNG_DPI = 144
#: The widest and tallest PNG Graphviz draws (it shrinks larger ones without a word): refused instead.
MAX_PIXELS = 32767
# From this many cards on, SVG is drawn in parts by parallel Graphviz processes (one per core, at
# most four), so Graphviz draws one part while the next is written; small pictures are not worth it.
_PARALLEL_FROM = 1000
_PARTS = 3
#: Graphviz processes drawing at once (SVG parts, runs of printed sheets), threads encoding printed
#: PNG pages: one per core, at most four.
_WORKERS = min(os.cpu_count() or 1, 4)
#: The most steps one picture may hold: a wider strip cannot be read whole, on screen or on paper.
READABLE_STEPS = 5000


class TooLargeError(RenderError, Bilingual):
    """A blueprint with more steps than one readable picture holds: draw it as print sheets instead."""

    def __init__(self, steps: int):
        self.steps = steps
        self.phrase = say("render.too-large", steps=f"{steps:,}", most=f"{READABLE_STEPS:,}")
        self.message, self.message_zh = self.phrase.en, self.phrase.zh
        super().__init__(self.message)


def render(bp: Blueprint, format: str = "svg", locale: str | None = None, evidence: bool = True, *,
           page: PageSpec | str | None = None, orientation: str = "auto", fit: str = "page",
           dpi: int = PNG_DPI, plain: bool = False, details: bool = False) -> str | bytes:
    """Draw ``bp`` as a service blueprint.

    Args:
        bp: A loaded blueprint; steps whose lane is unknown are left out, the rest is drawn.
        format: ``svg`` or ``dot`` (returns ``str``), ``png`` or ``pdf`` (returns ``bytes``).
        locale: ``en`` or ``zh`` for the picture's own words; default the blueprint's ``locale``.
        evidence: Draw the physical evidence row.
        page: ``a3``, ``a4`` or ``letter`` (or a :class:`PageSpec`) to print on pages of that size
            (see :mod:`blueprint.layout.pages`); ``None`` or ``none`` for one picture of its
            natural size. A PDF holds every page; SVG, PNG and DOT need one page (else use
            :func:`render_pages`).
        orientation: ``auto`` (the one that needs fewer pages), ``landscape`` or ``portrait``.
        fit: ``page`` (the widest sheet fits the page, and the tallest if text stays >= 7 pt)
            or ``width`` (fill the page width).
        dpi: Pixels per inch of a PNG.
        plain: Leave the analysis off the picture (what fails at a fail point, the steps and
            waits over their time standards): the bare blueprint.
        details: Write each step's KPIs and notes in small text on its card.

    Raises:
        ValueError: For an unknown format, page size, orientation or fit; for SVG, PNG or DOT
            that would need several pages.
        TooLargeError: For more than :data:`READABLE_STEPS` steps without pages (before any
            drawing is done).
        RenderError: When Graphviz is missing or fails, or a PNG would be too large to draw.
    """
    if page is not None and page != "none":
        if format == "pdf":
            from .press import print_pdf  # cairo, only where pages are printed

            return print_pdf(_plan(bp, locale, evidence, page, orientation, fit, plain, details))
        pages = render_pages(bp, format, locale, evidence, page=page, orientation=orientation, fit=fit, dpi=dpi,
                             plain=plain, details=details)
        if len(pages) > 1:
            raise ValueError(f"this blueprint prints on {len(pages)} pages: draw them with render_pages "
                             f"(blueprint render -o DIR/), or as one PDF")
        return pages[0][1]
    if len(bp.steps) > READABLE_STEPS:
        raise TooLargeError(len(bp.steps))
    grid = layout(bp, locale=locale, evidence=evidence, analysis=not plain, details=details)
    return render_layout(grid, format, dpi=dpi)


def render_pages(bp: Blueprint, format: str = "pdf", locale: str | None = None, evidence: bool = True, *,
                 page: PageSpec | str = "a3", orientation: str = "auto", fit: str = "page",
                 dpi: int = PNG_DPI, plain: bool = False, details: bool = False) -> list[tuple[Page, str | bytes]]:
    """Every printed page of ``bp`` in ``format``, in order (see :func:`render` for the options); a
    PDF page as a document of its own. PDF and PNG pages are painted (:mod:`.press`), SVG and DOT
    pages are Graphviz's (the SVG keeps its ids, classes and titles)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    pages = _plan(bp, locale, evidence, page, orientation, fit, plain, details)
    if format in ("pdf", "png"):
        from .press import drawings, page_png, print_pdf  # cairo, only where pages are printed
    if format == "pdf":
        return list(zip(pages, split_pdf(print_pdf(pages))))
    if format == "png":
        for printed in pages:
            _check_pixels(printed.width, printed.height, dpi)
        # Encoding a PNG is most of a page's time, in C without Python's lock: one thread per core.
        with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
            drawn = [pool.submit(page_png, printed, painter, head, dpi) for printed, painter, head in drawings(pages)]
            return [(printed, png.result()) for printed, png in zip(pages, drawn)]
    return list(zip(pages, _draw_in_runs(pages, format, dpi)))


def _plan(bp: Blueprint, locale: str | None, evidence: bool, page: PageSpec | str, orientation: str, fit: str,
          plain: bool, details: bool) -> list[Page]:
    spec = page if isinstance(page, PageSpec) else PageSpec(page, orientation, fit)
    return plan_pages(bp, spec, locale, evidence, analysis=not plain, details=details)


def _draw_in_runs(pages: list[Page], format: str, dpi: int) -> list[str | bytes]:
    """Each of ``pages`` drawn in ``format`` by parallel Graphviz processes (one per core, at most
    four), each drawing a run of pages."""
    workers = min(_WORKERS, len(pages))
    runs = [pages[k * len(pages) // workers:(k + 1) * len(pages) // workers] for k in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        drawn = pool.map(lambda run: draw_pages(run, format, dpi), runs)
        return [picture for run in drawn for picture in run]


def draw_pages(pages: list[Page], format: str = "svg", dpi: int = PNG_DPI) -> list[str | bytes]:
    """Each of ``pages`` (from :func:`blueprint.layout.pages.plan_pages`) drawn in ``format`` on its
    own, by one Graphviz process: SVG or DOT text, a PNG of ``dpi``, a one-page PDF each (SVG and
    DOT as :func:`render_pages` draws them, in runs of pages in parallel; its PDF and PNG pages are
    painted, and Graphviz's PNG of a page is what the painter is checked against)."""
    dots = []
    for page in pages:
        dot, edges = page_dot(page)
        dot.graph_attr.update(viewport=page.viewport(), margin="0")
        if format == "png":
            _check_pixels(page.width, page.height, dpi)
            dot.graph_attr["dpi"] = str(dpi)
        dots.append((dot, edges))
    if format == "dot":
        return [dot.source for dot, _ in dots]
    drawn = run_graphviz_many([dot for dot, _ in dots], format)
    if format == "svg":
        return [postprocess_svg(data, titles(page.sheet), edges) for data, page, (_, edges) in zip(drawn, pages, dots)]
    return [pdf_dated(data) if format == "pdf" else png_with_dpi(data, dpi) for data in drawn]


def _check_pixels(width: float, height: float, dpi: int) -> None:
    """Refuse a PNG Graphviz would silently shrink."""
    wide, tall = math.ceil(width * dpi / 72), math.ceil(height * dpi / 72)
    if max(wide, tall) > MAX_PIXELS:
        raise RenderError(
            f"a PNG of this blueprint would be {wide:,} x {tall:,} px at {dpi} dpi, over the {MAX_PIXELS:,} px "
            f"Graphviz can draw: print it on pages (--page a3 -o DIR/), use a lower --dpi, or draw SVG or PDF")


def render_layout(grid: Layout, format: str = "svg", dpi: int = PNG_DPI) -> str | bytes:
    """Draw an already placed blueprint (see :func:`render`)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if len(grid.cards) > READABLE_STEPS:
        raise TooLargeError(len(grid.cards))
    if format == "svg":
        workers = _WORKERS
        if len(grid.cards) >= _PARALLEL_FROM and workers > 1:
            return render_svg(to_dot_parts(grid, _PARTS), titles(grid), workers)
        return render_svg([dot_and_edges(grid)], titles(grid))
    dot = to_dot(grid)
    if format == "dot":
        return dot.source
    if format == "png":
        _check_pixels(grid.width, grid.height, dpi)
        dot.graph_attr["dpi"] = str(dpi)
    data = run_graphviz(dot, format)
    if format == "pdf":
        return pdf_dated(data)
    return png_with_dpi(data, dpi)


make_callable(__name__, render)
