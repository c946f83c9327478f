"""The grid of a service blueprint: rows from lanes in zone order, columns from phases and flow order.

Pure geometry, no Graphviz: every card, band, line, note, badge and edge route in points, with the
origin at the top-left corner and ``y`` growing downwards (the DOT writer flips it).

Rows: the physical evidence row on top, then every lane grouped by zone (customer, frontstage,
backstage, support; lanes of one zone in file order). A zone without lanes still gets a short empty
row, so the three lines always sit between the right zones.

Columns: phases are bands left to right in file order. Inside a band, steps come in flow order (a
topological order of ``next:`` and ``flows:`` without ``return`` flows; a cycle is broken at its
earliest step in the file). A step takes the first free cell of its lane at or after its
predecessors' columns: one column later for a predecessor in the same lane, the *same* column for a
predecessor in another lane, so a handoff goes straight down or up; the cells such a straight
handoff passes through are kept free.

Where one lane's steps in a phase would make the picture a wide strip, the lane gets several rows
(a stack, see :func:`.grid.stacking`): its steps fill them down a column, each under the one
before it, before the next column; handoffs keep their straight line. A journey so long that it
stays a strip however its lanes are stacked keeps one row per lane, as ``layout(stack=False)`` does.

Steps without a (known) phase take the phase of their latest predecessor in flow order, else of
their earliest successor; steps with neither go in an unlabelled band after the phases (the only
band when the blueprint has no phases).

Edges are routed here, orthogonally, through the gaps between cards: a straight line when the cells
between are free, else an L or a Z through the gaps between columns, else along the gaps between
lanes. Edges that share a gap get their own tracks, and gaps widen to fit them.

The package, bottom up: :mod:`.text` measures and wraps text, :mod:`.geometry` holds the plain data
of a placed picture, :mod:`.grid` puts steps in cells, :mod:`.routing` plans edges on the grid,
:mod:`.cards` and :mod:`.labels` measure and place texts, :mod:`.place` runs the phases in order.
"""

from __future__ import annotations

from ..gcpause import paused_gc
from ..model import Blueprint
from . import geometry
from .breaches import Analysis
from .geometry import (Badge, Banner, Box, Card, EmotionCurve, EvidenceNote, FlowLabel, LaneBand, Layout,
                       LegendItem, LinePlacement, PhaseBand, Route, SheetLink, Style, TimeRow, Window,
                       ZoneBand)
from .grid import flow_order
from .place import place as _place  # not bound as `place`: that name is the submodule

# The plain data of a placed picture, then what places it.
__all__ = [*geometry.__all__, "flow_order", "layout"]


def layout(bp: Blueprint, locale: str | None = None, evidence: bool = True, style: Style | None = None,
           window: Window | None = None, analysis: bool | Analysis = True, details: bool = False,
           stack: bool | dict[str, int] = True) -> Layout:
    """Place everything a blueprint picture shows.

    Args:
        bp: A loaded blueprint (content problems are fine: what cannot be placed is skipped).
        locale: ``en`` or ``zh`` for the built-in words; default the blueprint's own.
        evidence: Draw the physical evidence row.
        style: Sizes; default :class:`Style`.
        window: Only these columns of the whole grid, as one print sheet (see
            :mod:`blueprint.layout.pages`), with tags where flows continue on other sheets.
        analysis: Draw the analysis on the picture: what fails at a fail point, and the steps and
            waits over their time standards (False: the plain picture; an :class:`Analysis`
            made before, to share it between the sheets of one blueprint).
        details: Write each step's KPIs and notes in small text on its card.
        stack: Give a lane several rows where its steps in a phase would otherwise make the
            picture much wider than tall (see :func:`blueprint.layout.grid.stacking`); False: one
            row per lane; a dict: these lanes so many rows (as a print chooses for its pages).

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: a, lane: customer, label: A, next: b}\\n"
    ...            "- {id: b, lane: frontstage, label: B, next: c}\\n"
    ...            "- {id: c, lane: customer, label: C}\\n")
    >>> grid = layout(bp)
    >>> [(card.step.id, card.row, card.column) for card in grid.cards]
    [('a', 0, 0), ('b', 1, 0), ('c', 0, 1)]
    """
    with paused_gc():
        return _place(bp, locale, evidence, style, window, analysis, details, stack)
