"""Draw a blueprint: the grid from :mod:`blueprint.layout`, DOT from :mod:`.dot`, pictures by Graphviz.

The package is callable as :func:`render`.

>>> from blueprint import loads, render
>>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: A}\\n")
>>> render(bp, "dot").startswith("digraph blueprint {")
True
"""

from __future__ import annotations

import os

from ..entry import make_callable
from ..filenames import PICTURE_FORMATS
from ..layout import Layout, layout
from ..model import Blueprint
from .dot import dot_and_edges, titles, to_dot, to_dot_parts
from .stamps import pdf_dated, png_with_dpi
from .svg import RenderError, render_svg, run_graphviz

__all__ = ["FORMATS", "RenderError", "render", "render_layout"]

#: Output formats: text for ``svg`` and ``dot``, bytes for ``png`` and ``pdf``.
FORMATS = PICTURE_FORMATS

# Pixels per inch of PNG output: sharp on screens and in print at the picture's natural size.
_PNG_DPI = "144"
# From this many cards on, SVG is drawn in parts by parallel Graphviz processes (one per core, at
# most four), so Graphviz draws one part while the next is written; small pictures are not worth it.
_PARALLEL_FROM = 1000
_PARTS = 3


def render(bp: Blueprint, format: str = "svg", locale: str | None = None, evidence: bool = True) -> str | bytes:
    """Draw ``bp`` as a service blueprint.

    Args:
        bp: A loaded blueprint; steps whose lane is unknown are left out, the rest is drawn.
        format: ``svg`` or ``dot`` (returns ``str``), ``png`` or ``pdf`` (returns ``bytes``).
        locale: ``en`` or ``zh`` for the picture's own words; default the blueprint's ``locale``.
        evidence: Draw the physical evidence row.

    Raises:
        ValueError: For an unknown format.
        RenderError: When Graphviz is missing or fails.
    """
    return render_layout(layout(bp, locale=locale, evidence=evidence), format)


def render_layout(grid: Layout, format: str = "svg") -> str | bytes:
    """Draw an already placed blueprint (see :func:`render`)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if format == "svg":
        workers = min(os.cpu_count() or 1, 4)
        if len(grid.cards) >= _PARALLEL_FROM and workers > 1:
            return render_svg(to_dot_parts(grid, _PARTS), titles(grid), workers)
        return render_svg([dot_and_edges(grid)], titles(grid))
    dot = to_dot(grid)
    if format == "dot":
        return dot.source
    if format == "png":
        dot.graph_attr["dpi"] = _PNG_DPI
    data = run_graphviz(dot, format)
    if format == "pdf":
        return pdf_dated(data)
    return png_with_dpi(data, int(_PNG_DPI))


make_callable(__name__, render)
