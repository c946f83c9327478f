"""BPMN 2.0 export: one pool, a lane per blueprint lane, a task per step, laid out as the picture is
(see :mod:`blueprint.interop.bpmn`)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ...layout import Box, Style, layout
from ...model import Blueprint, FlowKind, Step, Touchpoint
from ...phrases import Phrase, say
from ...version import __version__
from ...words import normalize, word
from ..common import Exported, skipped_steps
from .names import NS, SB_NS

__all__ = ["export_bpmn"]

# Room for a gateway between two columns: a gateway is 30 points, a split and a merge share a gap.
_STYLE = Style(column_gap=96)
_GATEWAY = 30.0
_EVENT = 30.0
_NEAR = 10.0
_START_ROOM = 110.0  # a margin on the left of the first column for the start event and its split
_LANE_HEADER = 30.0  # bpmn.io draws a pool's and a lane's name in a band this wide

_TASK_KIND = {
    Touchpoint.PEOPLE: "userTask",
    Touchpoint.DIGITAL: "serviceTask",
    Touchpoint.EQUIPMENT: "serviceTask",
}

# bpmn-moddle accepts ASCII ids only (an NCName subset); other ids get a number.
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _seconds(value: timedelta) -> str:
    return f"{value.total_seconds():g}s"


@dataclass
class _Node:
    """A BPMN flow node being written: its element, id, name, lane, shape and flows."""

    tag: str
    id: str
    name: str
    lane: str
    box: Box
    attrs: dict[str, str] = field(default_factory=dict)
    documentation: str | None = None
    incoming: list[str] = field(default_factory=list)
    outgoing: list[str] = field(default_factory=list)
    extra: str = ""  # child elements after incoming/outgoing (an event definition)


@dataclass
class _Edge:
    id: str
    source: str
    target: str
    name: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    condition: str | None = None


class _Writer:
    """Collects nodes and edges, then writes the XML; ids are unique NCNames."""

    def __init__(self) -> None:
        self.nodes: dict[str, _Node] = {}
        self.edges: list[_Edge] = []
        self.taken: set[str] = set()

    def new_id(self, prefix: str, text: str = "") -> str:
        base = f"{prefix}_{text}" if text and _NCNAME.fullmatch(f"{prefix}_{text}") else prefix
        candidate, n = base, 1
        while candidate in self.taken or candidate == prefix:
            n += 1
            candidate = f"{base}_{n}"
            if candidate not in self.taken:
                break
        self.taken.add(candidate)
        return candidate

    def add(self, node: _Node) -> _Node:
        self.nodes[node.id] = node
        return node

    def connect(self, source: str, target: str, **kwargs: Any) -> _Edge:
        edge = _Edge(self.new_id("Flow"), source, target, **kwargs)
        self.edges.append(edge)
        self.nodes[source].outgoing.append(edge.id)
        self.nodes[target].incoming.append(edge.id)
        return edge


def _sb(attrs: dict[str, Any]) -> dict[str, str]:
    """Extension attributes with a value, as ``sb:`` attributes."""
    out = {}
    for key, value in attrs.items():
        if value is None or value == [] or value is False:
            continue
        if isinstance(value, list):
            value = json.dumps(value, ensure_ascii=False)
        out[f"sb:{key}"] = str(value)
    return out


def _step_attrs(step: Step) -> dict[str, str]:
    wait: Any = None
    if step.wait:
        wait = _seconds(step.wait_max) if step.wait_max is not None else "true"
    return _sb({
        "id": step.id, "phase": step.phase, "owner": step.owner,
        "touchpoint": step.touchpoint.value if step.touchpoint else None, "channel": step.channel,
        "duration": _seconds(step.duration) if step.duration is not None else None, "wait": wait,
        "emotion": step.emotion, "evidence": list(step.evidence), "kpis": list(step.kpis),
        "notes": list(step.notes),
    })


def _attrs_xml(attrs: dict[str, str]) -> str:
    return "".join(f" {key}={quoteattr(value)}" for key, value in attrs.items())


def _route(a: Box, b: Box) -> list[tuple[float, float]]:
    """An orthogonal path from shape ``a`` to shape ``b``, leaving and entering at a side's middle."""
    if b.x >= a.right - 0.5:
        if abs(a.cy - b.cy) < 0.5:
            return [(a.right, a.cy), (b.x, b.cy)]
        middle = (a.right + b.x) / 2
        return [(a.right, a.cy), (middle, a.cy), (middle, b.cy), (b.x, b.cy)]
    if b.x < a.right and b.right > a.x:  # one above the other
        down = b.cy > a.cy
        y0, y1 = (a.bottom, b.y) if down else (a.y, b.bottom)
        if abs(a.cx - b.cx) < 0.5:
            return [(a.cx, y0), (b.cx, y1)]
        middle = (y0 + y1) / 2
        return [(a.cx, y0), (a.cx, middle), (b.cx, middle), (b.cx, y1)]
    below = max(a.bottom, b.bottom) + 14  # back to an earlier column: under both shapes
    return [(a.cx, a.bottom), (a.cx, below), (b.cx, below), (b.cx, b.bottom)]


def export_bpmn(bp: Blueprint, locale: str | None = None) -> Exported:
    """The blueprint as a BPMN 2.0 XML file with diagram interchange (DI).

    Args:
        bp: A loaded blueprint; steps whose lane is unknown are left out (and listed as lost).
        locale: The language of the words the export writes itself (start, end, gateway names);
            default the blueprint's own.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: a, lane: customer, label: Ask, next: b}\\n"
    ...            "- {id: b, lane: frontstage, label: Answer, touchpoint: people}\\n")
    >>> text = export_bpmn(bp).content.decode()
    >>> '<bpmn:userTask id="Task_b" name="Answer"' in text, text.count("<bpmn:lane ")
    (True, 4)
    """
    lang = normalize(locale, normalize(bp.locale))
    grid = layout(bp, lang, evidence=False, style=_STYLE)
    lost: list[Phrase] = []
    writer = _Writer()

    lanes = [band for band in grid.lanes]
    card_of = {card.step.id: card for card in grid.cards}
    steps = [step for step in bp.steps if step.id in card_of and bp.step_by_id.get(step.id) is step]
    lost.extend(skipped_steps(grid))

    left = min((card.box.x for card in grid.cards), default=0.0) - _START_ROOM
    right = max((card.box.right for card in grid.cards), default=left + 200) + _STYLE.column_gap
    lane_ids = {band.lane.id: writer.new_id("Lane", band.lane.id) for band in lanes}
    # Lanes tile the pool: each reaches halfway into the gap to its neighbours.
    lane_boxes: dict[str, Box] = {}
    for i, band in enumerate(lanes):
        top = band.box.y if i == 0 else (lanes[i - 1].box.bottom + band.box.y) / 2
        bottom = band.box.bottom if i == len(lanes) - 1 else (band.box.bottom + lanes[i + 1].box.y) / 2
        lane_boxes[band.lane.id] = Box(left, top, right - left, bottom - top)

    # Tasks.
    task_id: dict[str, str] = {}
    for step in steps:
        card = card_of[step.id]
        tag = _TASK_KIND.get(step.touchpoint, "manualTask")
        node = writer.add(_Node(tag, writer.new_id("Task", step.id), step.label, step.lane, card.box,
                                attrs=_step_attrs(step), documentation=step.description))
        task_id[step.id] = node.id

    # Flows between tasks: (source node, target node, name, kind), duplicates merged.
    pairs: list[tuple[str, str, str | None, str]] = []
    seen: set[tuple[str, str]] = set()
    for flow in bp.flows:
        source, target = task_id.get(flow.source.id), task_id.get(flow.target.id)
        if source is None or target is None:
            continue
        if (source, target) in seen:
            lost.append(say("interop.bpmn.second-flow", source=flow.source.id, target=flow.target.id))
            continue
        seen.add((source, target))
        pairs.append((source, target, flow.label, flow.kind.value))

    # Fail points: a boundary event leading to the recovery, or an annotation.
    annotations: list[tuple[str, str, str, Box]] = []
    for step in steps:
        if not step.fail:
            continue
        card = card_of[step.id]
        recovery = task_id.get(step.recovery.id) if step.recovery is not None else None
        if recovery is None:
            note_id = writer.new_id("Annotation", step.id)
            box = Box(card.box.right + 6, card.box.y - 34, 120, 30)
            annotations.append((note_id, task_id[step.id], word("bpmn.fail-prefix", lang) + step.fail, box))
            continue
        box = Box(card.box.right - _EVENT - 8, card.box.bottom - _EVENT / 2, _EVENT, _EVENT)
        event = writer.add(_Node(
            "boundaryEvent", writer.new_id("Fail", step.id), step.fail, step.lane, box,
            attrs={"attachedToRef": task_id[step.id]},
            extra=f'<bpmn:errorEventDefinition id="{writer.new_id("ErrorDefinition", step.id)}" />'))
        pairs.append((event.id, recovery, None, FlowKind.RECOVERY.value))

    # Start and end events.
    incoming = defaultdict(list)
    outgoing = defaultdict(list)
    for pair in pairs:
        outgoing[pair[0]].append(pair)
        incoming[pair[1]].append(pair)
    ordered = sorted(steps, key=lambda s: (card_of[s.id].column, card_of[s.id].row, s.index))
    sources = [task_id[s.id] for s in ordered if not incoming[task_id[s.id]]] or (
        [task_id[ordered[0].id]] if ordered else [])
    if sources:
        first = writer.nodes[sources[0]]
        start_box = Box(left + 14, first.box.cy - _EVENT / 2, _EVENT, _EVENT)
        start = writer.add(_Node("startEvent", writer.new_id("Start"), word("bpmn.start", lang), first.lane, start_box))
        for source in sources:
            pair = (start.id, source, None, FlowKind.FLOW.value)
            pairs.append(pair)
            outgoing[start.id].append(pair)
            incoming[source].append(pair)
    sinks = [s for s in ordered if not outgoing[task_id[s.id]]] or ordered[-1:]  # a loop ends somewhere
    for step in sinks:
        node = writer.nodes[task_id[step.id]]
        # Beside the card; under the split gateway when the step also flows on (a loop's end).
        below = _GATEWAY / 2 + 8 if outgoing[node.id] else -_EVENT / 2
        box = Box(node.box.right + _NEAR, node.box.cy + below, _EVENT, _EVENT)
        end = writer.add(_Node("endEvent", writer.new_id("End", step.id), word("bpmn.end", lang), node.lane, box))
        pairs.append((node.id, end.id, None, FlowKind.FLOW.value))
        outgoing[node.id].append(pairs[-1])
        incoming[end.id].append(pairs[-1])

    # Gateways where several flows leave or enter a node, then the sequence flows.
    split: dict[str, str] = {}
    merge: dict[str, str] = {}
    for node in list(writer.nodes.values()):
        if len(outgoing[node.id]) > 1:
            if node.tag == "startEvent":
                box = Box(node.box.right + 20, node.box.cy - _GATEWAY / 2, _GATEWAY, _GATEWAY)
            else:
                box = Box(node.box.right + _NEAR, node.box.cy - _GATEWAY / 2, _GATEWAY, _GATEWAY)
            gateway = writer.add(_Node("exclusiveGateway", writer.new_id("Split", node.attrs.get("sb:id", node.id)),
                                       word("bpmn.which-way", lang), node.lane, box))
            writer.connect(node.id, gateway.id)
            split[node.id] = gateway.id
        if len(incoming[node.id]) > 1:
            box = Box(node.box.x - _NEAR - _GATEWAY, node.box.cy - _GATEWAY / 2, _GATEWAY, _GATEWAY)
            gateway = writer.add(_Node("exclusiveGateway", writer.new_id("Merge", node.attrs.get("sb:id", node.id)),
                                       word("bpmn.merge", lang), node.lane, box))
            merge[node.id] = gateway.id
    for source, target, name, kind in pairs:
        attrs = _sb({"kind": kind if kind != FlowKind.FLOW.value else None, "label": name})
        # A named flow is a conditional one (its name says when it is taken); a split's flows are
        # named after their target when the blueprint gives no label.
        condition = name or (writer.nodes[target].name if source in split else None)
        writer.connect(split.get(source, source), merge.get(target, target), name=condition, attrs=attrs,
                       condition=condition)
    for node_id, gateway in merge.items():
        writer.connect(gateway, node_id)

    if bp.standards:
        lost.append(say("interop.bpmn.standards", count=len(bp.standards)))
    return Exported(_xml(bp, writer, lanes, lane_ids, lane_boxes, annotations, grid, lang).encode("utf-8"),
                    "bpmn", "application/xml", lost)


def _xml(bp: Blueprint, writer: _Writer, lanes, lane_ids, lane_boxes, annotations, grid, lang: str) -> str:
    out: list[str] = []
    emit = out.append
    emit('<?xml version="1.0" encoding="UTF-8"?>')
    emit(f'<bpmn:definitions xmlns:bpmn="{NS["bpmn"]}" xmlns:bpmndi="{NS["bpmndi"]}" '
         f'xmlns:dc="{NS["dc"]}" xmlns:di="{NS["di"]}" xmlns:xsi="{NS["xsi"]}" xmlns:sb="{SB_NS}" '
         f'id="Definitions_1" targetNamespace="{SB_NS}" exporter="service-blueprint" '
         f'exporterVersion="{__version__}">')

    # Phases: a category whose values the groups show.
    phase_value: dict[str, str] = {}
    if bp.phases:
        emit('  <bpmn:category id="Category_phases">')
        for phase in bp.phases:
            if phase.id in phase_value:
                continue
            value_id = writer.new_id("Phase", phase.id)
            phase_value[phase.id] = value_id
            emit(f'    <bpmn:categoryValue id="{value_id}" value={quoteattr(phase.display_label())}'
                 f'{_attrs_xml(_sb({"id": phase.id}))} />')
        emit('  </bpmn:category>')

    title = bp.title or "blueprint"
    emit('  <bpmn:collaboration id="Collaboration_1">')
    emit(f'    <bpmn:participant id="Participant_1" name={quoteattr(title)} processRef="Process_1" />')
    emit('  </bpmn:collaboration>')
    emit(f'  <bpmn:process id="Process_1" name={quoteattr(title)} isExecutable="false"'
         f'{_attrs_xml(_sb({"locale": bp.locale}))}>')
    if bp.description:
        emit(f'    <bpmn:documentation>{escape(bp.description)}</bpmn:documentation>')
    emit('    <bpmn:laneSet id="LaneSet_1">')
    members = defaultdict(list)
    for node in writer.nodes.values():
        members[node.lane].append(node.id)
    for band in lanes:
        lane = band.lane
        attrs = _sb({"id": lane.id, "zone": band.zone.value})
        emit(f'      <bpmn:lane id="{lane_ids[lane.id]}" name={quoteattr(lane.display_label(lang))}'
             f'{_attrs_xml(attrs)}>')
        for node_id in members[lane.id]:
            emit(f'        <bpmn:flowNodeRef>{node_id}</bpmn:flowNodeRef>')
        emit('      </bpmn:lane>')
    emit('    </bpmn:laneSet>')
    for node in writer.nodes.values():
        attrs = {"id": node.id, "name": node.name, **node.attrs}
        emit(f'    <bpmn:{node.tag}{_attrs_xml(attrs)}>')
        if node.documentation:
            emit(f'      <bpmn:documentation>{escape(node.documentation)}</bpmn:documentation>')
        for edge_id in node.incoming:
            emit(f'      <bpmn:incoming>{edge_id}</bpmn:incoming>')
        for edge_id in node.outgoing:
            emit(f'      <bpmn:outgoing>{edge_id}</bpmn:outgoing>')
        if node.extra:
            emit(f'      {node.extra}')
        emit(f'    </bpmn:{node.tag}>')
    for edge in writer.edges:
        attrs = {"id": edge.id, **({"name": edge.name} if edge.name else {}), "sourceRef": edge.source,
                 "targetRef": edge.target, **edge.attrs}
        if edge.condition is None:
            emit(f'    <bpmn:sequenceFlow{_attrs_xml(attrs)} />')
        else:
            emit(f'    <bpmn:sequenceFlow{_attrs_xml(attrs)}>')
            emit(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">'
                 f'{escape(edge.condition)}</bpmn:conditionExpression>')
            emit('    </bpmn:sequenceFlow>')
    for note_id, task, text, _box in annotations:
        emit(f'    <bpmn:textAnnotation id="{note_id}">')
        emit(f'      <bpmn:text>{escape(text)}</bpmn:text>')
        emit('    </bpmn:textAnnotation>')
        emit(f'    <bpmn:association id="{note_id}_link" sourceRef="{task}" targetRef="{note_id}" />')
    groups = []
    for band in grid.phases:
        if band.phase is None or band.phase.id not in phase_value:
            continue
        group_id = writer.new_id("Group", band.phase.id)
        groups.append((group_id, band))
        emit(f'    <bpmn:group id="{group_id}" categoryValueRef="{phase_value[band.phase.id]}" />')
    emit('  </bpmn:process>')

    # Diagram interchange.
    pool_top = min((box.y for box in lane_boxes.values()), default=0.0)
    pool_bottom = max((box.bottom for box in lane_boxes.values()), default=100.0)
    pool_left = min((box.x for box in lane_boxes.values()), default=0.0) - _LANE_HEADER
    pool_right = max((box.right for box in lane_boxes.values()), default=300.0)
    emit('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">')
    emit('    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">')

    def shape(element: str, box: Box, extra: str = "") -> None:
        emit(f'      <bpmndi:BPMNShape id="{element}_di" bpmnElement="{element}"{extra}>')
        emit(f'        <dc:Bounds x="{_num(box.x)}" y="{_num(box.y)}" width="{_num(box.w)}" '
             f'height="{_num(box.h)}" />')
        emit('      </bpmndi:BPMNShape>')

    shape("Participant_1", Box(pool_left, pool_top, pool_right - pool_left, pool_bottom - pool_top),
          ' isHorizontal="true"')
    for band in lanes:
        shape(lane_ids[band.lane.id], lane_boxes[band.lane.id], ' isHorizontal="true"')
    for node in writer.nodes.values():
        shape(node.id, node.box, ' isMarkerVisible="true"' if node.tag == "exclusiveGateway" else "")
    for edge in writer.edges:
        points = _route(writer.nodes[edge.source].box, writer.nodes[edge.target].box)
        emit(f'      <bpmndi:BPMNEdge id="{edge.id}_di" bpmnElement="{edge.id}">')
        for x, y in points:
            emit(f'        <di:waypoint x="{_num(x)}" y="{_num(y)}" />')
        emit('      </bpmndi:BPMNEdge>')
    for note_id, task, _text, box in annotations:
        shape(note_id, box)
        task_box = writer.nodes[task].box
        emit(f'      <bpmndi:BPMNEdge id="{note_id}_link_di" bpmnElement="{note_id}_link">')
        emit(f'        <di:waypoint x="{_num(task_box.right - 20)}" y="{_num(task_box.y)}" />')
        emit(f'        <di:waypoint x="{_num(box.x)}" y="{_num(box.bottom)}" />')
        emit('      </bpmndi:BPMNEdge>')
    for group_id, band in groups:
        shape(group_id, Box(band.box.x - 4, pool_top + 4, band.box.w + 8, pool_bottom - pool_top - 8))
    emit('    </bpmndi:BPMNPlane>')
    emit('  </bpmndi:BPMNDiagram>')
    emit('</bpmn:definitions>')
    return "\n".join(out) + "\n"
