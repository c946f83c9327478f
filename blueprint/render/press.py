"""Printed pages drawn by the painter (:mod:`.paint`), not by Graphviz: one PDF holding every page
(fonts embedded once), or a PNG of a page. Each sheet is described once; a later part of a sheet
taller than the page is the same drawing shifted up, blank under its cut and, after the first,
under its running head."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator, Sequence

import cairocffi as cairo

from ..gcpause import paused_gc
from ..layout.pages import Page
from .background import part_edges
from .dot import describe
from .paint import Painter, Text, page_colour
from .stamps import pdf_dated, png_with_dpi

__all__ = ["drawings", "page_png", "paint_page", "print_pdf"]


def drawings(pages: Sequence[Page]) -> Iterator[tuple[Page, Painter, Painter | None]]:
    """Each page with its sheet's drawing (made once for all its parts) and, on a part of a sheet
    taller than the page, its edges (the blank under its cut, a later part's running head)."""
    sheet, painter = None, None
    for page in pages:
        if page.sheet is not sheet:
            sheet, painter = page.sheet, Painter(page.sheet)
            describe(painter, sheet)
        edges = None
        if page.parts > 1:
            edges = Painter(sheet)
            part_edges(edges, page)
        yield page, painter, edges


def paint_page(ctx: cairo.Context, page: Page, painter: Painter, edges: Painter | None,
               texts: list[Text] | None = None) -> None:
    """The page on ``ctx`` (in the page's points): the graph's background, then what of its sheet it
    shows, at its scale, and over it a part's edges (the blank under its cut, its running head)."""
    ctx.save()
    ctx.set_source_rgba(*page_colour())
    ctx.paint()
    scale = page.scale
    ctx.scale(scale, scale)
    ctx.translate(0, -page.top)
    bottom = page.top + page.height / scale
    painter.paint(ctx, (0.0, page.top, page.width / scale, min(page.end, bottom)), texts)
    if edges is not None:  # over the whole page: the blank under a part's cut covers what reaches below it
        edges.paint(ctx, (0.0, page.top, page.width / scale, bottom), texts)
    ctx.restore()


def print_pdf(pages: Sequence[Page]) -> bytes:
    """One PDF of ``pages`` (from :func:`blueprint.layout.pages.plan_pages`), each of its own size."""
    out = io.BytesIO()
    surface = cairo.PDFSurface(out, pages[0].width, pages[0].height)
    surface.set_metadata(cairo.PDF_METADATA_CREATOR, "blueprint")
    ctx = cairo.Context(surface)
    with paused_gc():  # the descriptions of hundreds of sheets: many small objects, no cycles
        for page, painter, edges in drawings(pages):
            surface.set_size(page.width, page.height)
            paint_page(ctx, page, painter, edges)
            ctx.show_page()
    surface.finish()
    return pdf_dated(out.getvalue())


def page_png(page: Page, painter: Painter, edges: Painter | None, dpi: int) -> bytes:
    """A PNG of the page at ``dpi`` (which it says of itself); safe to call from several threads."""
    zoom = dpi / 72
    surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, round(page.width * zoom), round(page.height * zoom))
    ctx = cairo.Context(surface)
    ctx.scale(zoom, zoom)
    paint_page(ctx, page, painter, edges)
    # Cairo encodes into a file by itself: into a Python stream it would take Python's lock back for
    # every chunk, and pages encoded in threads would wait on each other.
    with tempfile.TemporaryDirectory(prefix="blueprint-page-") as folder:
        path = os.path.join(folder, "page.png")
        surface.write_to_png(path)
        with open(path, "rb") as file:
            return png_with_dpi(file.read(), dpi)
