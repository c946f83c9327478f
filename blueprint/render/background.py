"""The layers under the cards: sheet, bands, phase frames, the three lines, the header column,
evidence notes, the time row and emotion curve; and a printed part's running head."""

from __future__ import annotations

from ..layout import Box, Layout
from ..layout.pages import Page, head_height
from ..layout.text import ellipsize, text_width
from ..words import word
from .palette import EMOTION, INK, LINE_STYLE, MUTED, ZONE_COLORS
from .quote import css_classes, dom_id, plain_lines
from .tables import table
from .writer import Layer, Writer, num

__all__ = ["background", "number_layer", "part_edges"]

def part_edges(w: Writer, page: Page) -> None:
    """What a part of a sheet taller than its page has at its edges: white under the cut, where the
    next part goes on (so nothing is shown half), and on a later part a running head, a white strip
    the width of the sheet over what the part before showed at its foot, with "<title> (3/12) ·
    part 2 of 3" and a hairline under it."""
    sheet = page.sheet
    style = sheet.style
    bottom = page.top + page.height / page.scale
    if page.end < bottom:
        foot = w.layer(shape="box", style="filled", fillcolor="#FFFFFF", class_="part-foot")
        w.node(foot, "part-foot", Box(0, page.end, sheet.width, bottom - page.end))
        w.add(foot)
    if not page.part:
        return
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
    line = style.lh(style.small_size)
    w.node(layer, "part-head-text", Box(style.margin, top + height - 5 - line, room, line), shape="none", style="",
           label=table([text], room, line, style.small_size, MUTED, bold=True))
    w.add(layer)


def background(w: Writer, grid: Layout) -> None:
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
               label=table(phase.lines, phase.header.w - 12, phase.header.h - 4, style.header_size, "#FFFFFF",
                            align="CENTER", bold=True))
    w.add(phases)

    lines = w.layer()
    for line in grid.lines:
        dash, pen, color = LINE_STYLE[line.line]
        box = Box(line.x0, line.y - 2, line.x1 - line.x0, 2)
        w.node(lines, line.line.value, box, shape="underline", style=dash, penwidth=pen, color=color,
               class_=css_classes("line", line.line.value))
        w.node(lines, f"{line.line.value}-label", line.label_box, shape="none", style="", class_="line-label",
               label=table(line.lines, line.label_box.w, line.label_box.h, style.small_size, color, bold=True))
    w.add(lines)

    header = w.layer(shape="none", style="")
    for zone in grid.zones:
        w.node(header, dom_id("zone", zone.zone.value, "label"), zone.label_box, shape="box", style="filled",
               fillcolor=ZONE_COLORS[zone.zone][2], class_=css_classes("zone-label", zone.zone.value),
               label=table(zone.lines, zone.label_box.w - 10, zone.label_box.h - 4, style.header_size, INK,
                            align="CENTER", bold=True))
    for band in grid.lanes:
        w.node(header, dom_id("lane", band.row, "label"), band.label_box,
               class_=css_classes("lane-label", band.zone.value),
               label=table(band.lines, band.label_box.w - 12, band.label_box.h - 4, style.header_size, INK))
    if grid.evidence_label is not None:
        box, label_lines = grid.evidence_label
        w.node(header, "evidence-row-label", box, shape="box", style="filled", fillcolor="#ECEBE4",
               class_="evidence-label",
               label=table(label_lines, box.w - 12, box.h - 4, style.header_size, INK, align="CENTER", bold=True))
    if grid.title:  # an untitled blueprint (lint says so) still draws: Graphviz refuses an empty table
        w.node(header, "title", grid.title_box, class_="title",
               label=table([grid.title], grid.title_box.w, grid.title_box.h, style.title_size, INK, bold=True))
    if grid.banner is not None:
        box = grid.banner.box
        w.node(header, "problems", box, shape="box", style="filled", fillcolor="#FDECEA", color="#C0392B",
               penwidth="1.2", class_="problems",
               label=table(grid.banner.lines, box.w - 12, box.h - 6, style.small_size, "#7B1E14"))
    w.add(header)

    notes = w.layer(shape="note", fillcolor="#FFFBE6", color="#D8C37A", penwidth="0.8", class_="evidence",
                    fontsize=num(style.note_size), fontcolor="#4D4420")
    for note in grid.evidence:
        w.node(notes, dom_id("evidence", note.step.index), note.box, label=plain_lines(note.lines, "left"),
               labelloc="b")  # clear of the number tag on its top edge
    w.add(notes)
    tags = number_layer(w, style, "evidence-number")
    for note in grid.evidence:
        if note.number_box is not None:
            w.node(tags, dom_id("evidence", note.step.index, "number"), note.number_box,
                   label=plain_lines([str(note.number)]))
    w.add(tags)
    if grid.time_row is not None:
        _time_row(w, grid)
    if grid.emotion_curve is not None:
        _emotion_curve(w, grid)


def _labelled_band(w: Writer, grid: Layout, name: str, band, fill: str, header_fill: str) -> Layer:
    """A layer of class ``name`` holding a full-width band (node ``name``, ``band.box``) and its
    header cell (``name-label``, ``band.label_box`` with ``band.label``); the caller adds the rest."""
    style = grid.style
    layer = w.layer(shape="none", style="", class_=name)
    w.node(layer, name, band.box, shape="box", style="filled", fillcolor=fill)
    w.node(layer, f"{name}-label", band.label_box, shape="box", style="filled", fillcolor=header_fill,
           label=table(band.label, band.label_box.w - 12, band.label_box.h - 4, style.header_size, INK,
                        align="CENTER", bold=True))
    return layer


def _time_row(w: Writer, grid: Layout) -> None:
    """The band under the last lane with each phase's time and the running total."""
    style, row = grid.style, grid.time_row
    layer = _labelled_band(w, grid, "time-row", row, "#F1F3F5", "#E2E6EA")
    for n, (box, lines) in enumerate(row.cells):
        w.node(layer, dom_id("time-row", n), box,
               label=table(lines, box.w - 12, box.h - 4, style.small_size, INK, align="CENTER"))
    w.add(layer)


def _emotion_curve(w: Writer, grid: Layout) -> None:
    """The customer's emotion as a line through a coloured point per step."""
    curve = grid.emotion_curve
    layer = _labelled_band(w, grid, "emotion-curve", curve, "#FBFBF8", "#ECEBE4")
    base = curve.box.cy
    w.node(layer, "emotion-curve-zero", Box(curve.box.x + curve.label_box.w, base - 0.5,
                                            curve.box.w - curve.label_box.w, 1), shape="box", style="filled",
           fillcolor="#D5D8DC")
    for n, (x, y, value, step) in enumerate(curve.points):
        w.node(layer, dom_id("emotion", n), Box(x - 3.5, y - 3.5, 7, 7), shape="circle", style="filled",
               fillcolor=EMOTION[max(-2, min(2, value))], color="#FFFFFF", penwidth="0.8")
    for n, ((x0, y0, _, _), (x1, y1, _, _)) in enumerate(zip(curve.points, curve.points[1:])):
        w.edge(layer, dom_id("emotion", n), dom_id("emotion", n + 1), dom_id("emotion-curve", "segment", n),
               arrowhead="none", color="#7F8C8D", penwidth="1.2",
               pos=w.curve([(x0, y0), (x0, y0), (x1, y1), (x1, y1)], (x1, y1)))
    w.add(layer)


def number_layer(w: Writer, style, cls: str) -> Layer:
    """Step numbers in small quiet tags: white, a thin grey frame, grey text."""
    return w.layer(shape="box", style="rounded,filled", fillcolor="#FFFFFF", color="#AEB8C2", penwidth="0.6",
                   fontcolor=MUTED, fontsize=num(style.badge_size), class_=cls)
