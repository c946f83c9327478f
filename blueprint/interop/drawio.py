"""draw.io: the blueprint as an uncompressed mxGraph file laid out on our grid.

``mxfile/diagram/mxGraphModel/root`` holds, in drawing order: the title, the phase headers, the
physical evidence notes, a ``swimlane`` container per lane in zone order (its step cards are its
children, placed relative to it), the three lines as labelled dashed connectors, and the flows as
orthogonal edges through our route's bends. Every cell is where our own drawing puts it, so the
board opens in draw.io (and diagrams.net) looking like the blueprint, ready to be rearranged.
"""

from __future__ import annotations

from html import escape as html_escape
from xml.sax.saxutils import quoteattr

from ..layout import Box, layout
from ..model import Blueprint, FlowKind, Zone
from ..phrases import say
from ..version import __version__
from ..words import normalize
from .common import Exported, skipped_steps

__all__ = ["export_drawio"]

#: Fill colours per zone (light), shared by lanes and their cards' borders.
ZONE_COLORS = {
    Zone.CUSTOMER: ("#fff2cc", "#d6b656"),
    Zone.FRONTSTAGE: ("#dae8fc", "#6c8ebf"),
    Zone.BACKSTAGE: ("#d5e8d4", "#82b366"),
    Zone.SUPPORT: ("#e1d5e7", "#9673a6"),
}
_EDGE_STYLE = {
    FlowKind.FLOW: "",
    FlowKind.RETURN: "strokeColor=#666666;",
    FlowKind.SUPPORT: "dashed=1;",
    FlowKind.RECOVERY: "dashed=1;strokeColor=#b85450;",
}


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _html(lines: list[str]) -> str:
    """Cell text: draw.io reads ``value`` as HTML when the style says ``html=1``."""
    return "<br>".join(html_escape(line) for line in lines)


def _geometry(box: Box, parent: Box | None = None) -> str:
    x, y = (box.x - parent.x, box.y - parent.y) if parent else (box.x, box.y)
    return (f'<mxGeometry x="{_num(x)}" y="{_num(y)}" width="{_num(box.w)}" height="{_num(box.h)}" '
            f'as="geometry" />')


def export_drawio(bp: Blueprint, locale: str | None = None) -> Exported:
    """The blueprint as a draw.io file (``.drawio``, uncompressed XML).

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: A & B, next: b}\\n"
    ...            "- {id: b, lane: frontstage, label: C}\\n")
    >>> text = export_drawio(bp).content.decode()
    >>> text.count("swimlane;"), text.count('edge="1"'), "A &amp;amp; B" in text
    (4, 4, True)
    """
    lang = normalize(locale, normalize(bp.locale))
    grid = layout(bp, lang)
    cells: list[str] = []
    add = cells.append

    def vertex(cell_id: str, value: str, style: str, box: Box, parent: str = "1", parent_box: Box | None = None):
        add(f'<mxCell id="{cell_id}" value={quoteattr(value)} style={quoteattr(style)} vertex="1" '
            f'parent="{parent}">{_geometry(box, parent_box)}</mxCell>')

    vertex("title", _html([grid.title]), "text;html=1;fontSize=16;fontStyle=1;align=left;verticalAlign=middle;",
           grid.title_box)
    for i, band in enumerate(grid.phases, start=1):
        vertex(f"phase-{i}", _html(band.lines),
               "rounded=0;whiteSpace=wrap;html=1;fillColor=#f5f5f5;strokeColor=#999999;fontStyle=1;",
               band.header)
    if grid.evidence_label:
        box, lines = grid.evidence_label
        vertex("evidence-row", _html(lines), "text;html=1;fontStyle=1;align=left;verticalAlign=top;", box)
    for i, note in enumerate(grid.evidence, start=1):
        vertex(f"evidence-{i}", _html(note.lines),
               "shape=note;whiteSpace=wrap;html=1;size=8;align=left;spacingLeft=4;fillColor=#fffbe6;"
               "strokeColor=#c9b458;fontSize=8;", note.box)

    lane_cell: dict[str, tuple[str, Box]] = {}
    for i, band in enumerate(grid.lanes, start=1):
        fill, stroke = ZONE_COLORS[band.zone]
        cell_id = f"lane-{i}"
        lane_cell[band.lane.id] = (cell_id, band.box)
        vertex(cell_id, _html(band.lines),
               f"swimlane;horizontal=0;startSize={_num(band.label_box.w)};html=1;whiteSpace=wrap;"
               f"fillColor={fill};swimlaneFillColor={fill};strokeColor={stroke};collapsible=0;",
               band.box)

    step_cell: dict[str, str] = {}
    for i, card in enumerate(grid.cards, start=1):
        parent, parent_box = lane_cell[card.step.lane]
        cell_id = f"step-{i}"
        step_cell[card.step.id] = cell_id
        lines = list(card.lines) + list(card.meta)  # the owner and duration line(s)
        _fill, stroke = ZONE_COLORS[card.zone]
        fail = "strokeColor=#b85450;strokeWidth=2;" if card.step.fail else f"strokeColor={stroke};"
        value = _html(lines)
        if card.step.fail:
            value += f'<br><font color="#b85450">⚠ {html_escape(card.step.fail)}</font>'
        vertex(cell_id, value, f"rounded=1;whiteSpace=wrap;html=1;fillColor=#ffffff;arcSize=8;{fail}",
               card.box, parent, parent_box)

    for i, line in enumerate(grid.lines, start=1):
        add(f'<mxCell id="line-{i}" value={quoteattr(_html(line.lines))} '
            f'style="endArrow=none;html=1;dashed=1;strokeWidth=2;strokeColor=#333333;align=left;'
            f'verticalAlign=bottom;labelPosition=right;" edge="1" parent="1">'
            f'<mxGeometry relative="1" as="geometry">'
            f'<mxPoint x="{_num(line.x0)}" y="{_num(line.y)}" as="sourcePoint" />'
            f'<mxPoint x="{_num(line.x1)}" y="{_num(line.y)}" as="targetPoint" />'
            f'</mxGeometry></mxCell>')

    for i, route in enumerate(grid.routes, start=1):
        label = _html(route.label.lines) if route.label else (route.flow.label or "")
        points = "".join(f'<mxPoint x="{_num(x)}" y="{_num(y)}" />' for x, y in route.points[1:-1])
        add(f'<mxCell id="flow-{i}" value={quoteattr(label)} '
            f'style="edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;'
            f'{_EDGE_STYLE[route.kind]}" edge="1" parent="1" source="{step_cell[route.source.step.id]}" '
            f'target="{step_cell[route.target.step.id]}"><mxGeometry relative="1" as="geometry">'
            f'{f"<Array as={chr(34)}points{chr(34)}>{points}</Array>" if points else ""}</mxGeometry></mxCell>')

    body = "\n        ".join(cells)
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<mxfile host="service-blueprint" agent="service-blueprint {__version__}" type="device">\n'
        f'  <diagram id="blueprint" name={quoteattr(bp.title or "blueprint")}>\n'
        f'    <mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" '
        f'page="1" pageScale="1" pageWidth="{_num(grid.width)}" pageHeight="{_num(grid.height)}" math="0" '
        'shadow="0">\n'
        '      <root>\n'
        '        <mxCell id="0" />\n'
        '        <mxCell id="1" parent="0" />\n'
        f'        {body}\n'
        '      </root>\n'
        '    </mxGraphModel>\n'
        '  </diagram>\n'
        '</mxfile>\n'
    )
    lost = [say("interop.drawio.lost"), *skipped_steps(grid)]
    return Exported(text.encode("utf-8"), "drawio", "application/vnd.jgraph.mxfile", lost)
