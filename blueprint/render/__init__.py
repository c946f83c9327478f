"""Draw a blueprint: the grid from :mod:`blueprint.layout`, DOT from :mod:`.dot`, pictures by Graphviz.

>>> from blueprint import loads, render
>>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: A}\\n")
>>> render(bp, "dot").startswith("digraph blueprint {")
True
"""

from __future__ import annotations

import os

from ..errors import Bilingual
from ..layout import Layout, layout
from ..model import Blueprint, Step
from .dot import dot_and_edges, titles, to_dot, to_dot_parts
from .svg import RenderError, render_svg, run_graphviz, stable_pdf

__all__ = ["FORMATS", "READABLE_STEPS", "RenderError", "TooLargeError", "render", "render_layout",
           "step_element_id"]

#: Output formats: text for ``svg`` and ``dot``, bytes for ``png`` and ``pdf``.
FORMATS = ("svg", "png", "pdf", "dot")

# Pixels per inch of PNG output: sharp on screens and in print at the picture's natural size.
_PNG_DPI = "144"
# From this many cards on, SVG is drawn in parts by parallel Graphviz processes (one per core, at
# most four), so Graphviz draws one part while the next is written; small pictures are not worth it.
_PARALLEL_FROM = 1000
_PARTS = 3
#: The most steps one picture may hold: a wider strip cannot be read whole, on screen or on paper.
READABLE_STEPS = 5000


class TooLargeError(RenderError, Bilingual):
    """A blueprint with more steps than one readable picture holds: draw it as print sheets instead."""

    def __init__(self, steps: int):
        self.steps = steps
        self.message = (f"{steps:,} steps are too many for one picture (at most {READABLE_STEPS:,} can be read "
                        f"whole): draw it as numbered print sheets, e.g. --page a3 -o DIR/")
        self.message_zh = (f"{steps:,} 个步骤无法在一张图中看清（一张图最多 {READABLE_STEPS:,} 个）："
                           f"请分页打印成编号的图纸，例如 --page a3 -o 目录/")
        super().__init__(self.message)


def render(bp: Blueprint, format: str = "svg", locale: str | None = None, evidence: bool = True) -> str | bytes:
    """Draw ``bp`` as a service blueprint.

    Args:
        bp: A loaded blueprint; steps whose lane is unknown are left out, the rest is drawn.
        format: ``svg`` or ``dot`` (returns ``str``), ``png`` or ``pdf`` (returns ``bytes``).
        locale: ``en`` or ``zh`` for the picture's own words; default the blueprint's ``locale``.
        evidence: Draw the physical evidence row.

    Raises:
        ValueError: For an unknown format.
        TooLargeError: For more than :data:`READABLE_STEPS` steps (before any drawing is done).
        RenderError: When Graphviz is missing or fails.
    """
    if len(bp.steps) > READABLE_STEPS:
        raise TooLargeError(len(bp.steps))
    return render_layout(layout(bp, locale=locale, evidence=evidence), format)


def render_layout(grid: Layout, format: str = "svg") -> str | bytes:
    """Draw an already placed blueprint (see :func:`render`)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if len(grid.cards) > READABLE_STEPS:
        raise TooLargeError(len(grid.cards))
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
        return stable_pdf(data)
    return data


def step_element_id(step: Step | int) -> str:
    """The SVG ``id`` of a step's card: ``step-<its position in the file's step list>``.

    The card is ``<g id="step-3" class="node step customer">`` and its ``<title>`` is the step id;
    find it with ``#step-3`` (CSS) or ``getElementById``, or by its title.

    >>> step_element_id(3)
    'step-3'
    """
    index = step if isinstance(step, int) else step.index
    return f"step-{index:d}"
