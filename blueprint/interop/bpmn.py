"""BPMN 2.0: export a blueprint as a laid-out process model, import lanes, tasks and flows from one.

Export
------
One pool (the title) with one lane per blueprint lane in zone order; a task per step (a user task
for ``people``, a service task for ``digital`` and ``equipment``, a manual task otherwise); sequence
flows for ``next:`` and ``flows:`` (named with the flow's label); a fail point with a recovery step
becomes an error boundary event whose flow leads to the recovery, one without becomes a text
annotation; phases become BPMN groups. One start event leads to the steps nothing flows into, an end
event follows each step that flows nowhere, and where several flows leave or enter a step an
exclusive gateway splits or merges them (BPMN reads several plain outgoing flows as a parallel split;
the split's flows carry their target as the condition, in words). The BPMN DI puts every card where
our drawing puts it, with the columns widened to make room for the gateways, so bpmn.io and Camunda
Modeler open the file laid out.

What BPMN has no element for (the zone of a lane, the touchpoint kind, channel, owner, duration,
wait, emotion, evidence, KPIs and notes of a step, the kind of a flow, phase ids) is written as
attributes in the ``sb:`` namespace, which BPMN allows on every element; modelers keep them and the
import reads them back. Time standards have no place at all and are listed as lost.

The file validates against the OMG BPMN 2.0 XSD, is read by ``bpmn-moddle`` without warnings and
passes ``bpmnlint``'s recommended rules (see ``docs/interop.md``).

Import
------
Lanes become lanes (nested lanes are flattened to their innermost lanes) with the zone from the
mapping given, else from ``sb:zone``, else guessed from the lane's name in Chinese or English (and
reported), else frontstage; tasks of any kind, call activities and collapsed sub-processes become
steps; expanded sub-processes are flattened (their tasks become steps, the sub-process's name
becomes their phase when they have none); sequence flows become ``next:`` (or ``flows:`` when they
carry a name or a kind), with gateways and intermediate events collapsed into direct flows between
steps; groups become phases; DI positions order the steps left to right. Everything else (events,
data objects, message flows, other pools) is reported by kind and count, never silently dropped.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..layout import Box, Style, layout
from ..model import Blueprint, FlowKind, Step, Touchpoint, Zone
from ..phrases import Listed, Phrase, say
from ..version import __version__
from ..words import locales, normalize, word
from .common import (
    Exported,
    Imported,
    guess_zone,
    import_error,
    parse_xml,
    skipped_steps,
    unique_id,
    zone_named,
)

__all__ = ["NS", "SB_NS", "export_bpmn", "import_bpmn"]

#: Namespaces of BPMN 2.0 (model, DI, DC, DI base) and of this package's extension attributes.
NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
SB_NS = "https://github.com/service-blueprint/bpmn/1"

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


# ---------------------------------------------------------------------------------------------
# Import

_M = "{%s}" % NS["bpmn"]
_SB = "{%s}" % SB_NS
_DC = "{%s}" % NS["dc"]
_ACTIVITIES = {"task", "userTask", "serviceTask", "manualTask", "scriptTask", "sendTask", "receiveTask",
               "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess"}
_PASS_THROUGH = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
                 "complexGateway", "intermediateCatchEvent", "intermediateThrowEvent"}
_SILENT = {"startEvent", "endEvent", "sequenceFlow", "laneSet", "boundaryEvent", "textAnnotation", "association",
           "group", "documentation", "extensionElements", "incoming", "outgoing"} | _PASS_THROUGH
_TASK_TOUCHPOINT = {"userTask": "people", "serviceTask": "digital", "scriptTask": "digital",
                    "businessRuleTask": "digital", "sendTask": "digital", "receiveTask": "digital"}


def _local(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _text_of(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _where(element) -> tuple[int, int]:
    return getattr(element, "sourceline", 1), getattr(element, "sourcecolumn", 1)


def _expanded_with_steps(element) -> bool:
    return any(_local(child) in _ACTIVITIES for child in element)


def import_bpmn(data: bytes, path: str, zones: dict[str, str] | None = None) -> Imported:
    """A blueprint from a BPMN 2.0 file: lanes, tasks and flows (see the module's docstring).

    Raises:
        BlueprintError: ``file:line:col`` of malformed or hostile XML, of a file that is not BPMN 2.0, or of a
            reference to an element the file does not have.

    >>> text = ('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">'
    ...         '<laneSet><lane id="l" name="Customer"><flowNodeRef>a</flowNodeRef><flowNodeRef>b</flowNodeRef>'
    ...         '</lane></laneSet><userTask id="a" name="Ask"/><exclusiveGateway id="g"/>'
    ...         '<task id="b" name="Pay"/><sequenceFlow id="f1" sourceRef="a" targetRef="g"/>'
    ...         '<sequenceFlow id="f2" sourceRef="g" targetRef="b" name="ok"/></process></definitions>')
    >>> imported = import_bpmn(text.encode(), "p.bpmn")
    >>> [(s["id"], s["lane"], s.get("touchpoint")) for s in imported.data["steps"]]
    [('Ask', 'Customer', 'people'), ('Pay', 'Customer', None)]
    >>> imported.data["flows"]
    [{'from': 'Ask', 'to': 'Pay', 'label': 'ok'}]
    """
    root = parse_xml(data, path)
    if root.tag != f"{_M}definitions":
        line, column = _where(root)
        raise import_error(path, line, column,
                           say("interop.bpmn.not-bpmn", root=_local(root), namespace=NS["bpmn"]))
    ours = root.get("exporter") == "service-blueprint"
    notes: list[Phrase] = []
    zones = zones or {}

    by_id: dict[str, Any] = {}
    for element in root.iter():
        element_id = element.get("id")
        if element_id:
            by_id.setdefault(element_id, element)

    # DI bounds by element id.
    bounds: dict[str, Box] = {}
    for shape in root.iter("{%s}BPMNShape" % NS["bpmndi"]):
        found = shape.find(f"{_DC}Bounds")
        if found is not None and shape.get("bpmnElement"):
            try:
                bounds[shape.get("bpmnElement")] = Box(*(float(found.get(k, 0)) for k in ("x", "y", "width", "height")))
            except ValueError:
                continue

    processes = [element for element in root if element.tag == f"{_M}process"]
    participants = {p.get("processRef"): p for p in root.iter(f"{_M}participant") if p.get("processRef")}
    black_boxes = [p for p in root.iter(f"{_M}participant") if not p.get("processRef")]
    if black_boxes:
        names = ", ".join(sorted({(p.get("name") or p.get("id") or "").replace("\n", " ") for p in black_boxes}))
        notes.append(say("interop.bpmn.pools", pools=names))

    # Flow nodes, their lane and their sub-process (for phases).
    activity: dict[str, Any] = {}
    owner_process: dict[str, Any] = {}
    lane_of: dict[str, Any] = {}
    subprocess_of: dict[str, str] = {}
    flattened: list[str] = []
    skipped: dict[str, int] = defaultdict(int)
    collapsed: dict[str, int] = defaultdict(int)
    lanes_in_order: list[tuple[Any, Any]] = []  # (lane element or pool, process)

    def collect(container, process, sub_name: str | None) -> None:
        for child in container:
            kind = _local(child)
            if child.tag.startswith(_M) is False:
                continue
            if kind in _ACTIVITIES:
                if kind in ("subProcess", "transaction", "adHocSubProcess") and _expanded_with_steps(child):
                    name = child.get("name") or child.get("id")
                    flattened.append(name)
                    collect(child, process, name)  # the nearest sub-process names the phase
                    continue
                activity[child.get("id")] = child
                owner_process[child.get("id")] = process
                if sub_name:
                    subprocess_of[child.get("id")] = sub_name
            elif kind in _PASS_THROUGH:
                collapsed[kind] += 1
            elif kind not in _SILENT:
                skipped[kind] += 1

    def leaf_lanes(lane_set) -> list:
        leaves = []
        for lane in lane_set.findall(f"{_M}lane"):
            child = lane.find(f"{_M}childLaneSet")
            nested = leaf_lanes(child) if child is not None else []
            leaves.extend(nested or [lane])
        return leaves

    for process in processes:
        collect(process, process, None)
        lane_set = process.find(f"{_M}laneSet")
        leaves = leaf_lanes(lane_set) if lane_set is not None else []
        for lane in leaves:
            lanes_in_order.append((lane, process))
            for ref in lane.findall(f"{_M}flowNodeRef"):
                lane_of.setdefault((ref.text or "").strip(), lane)
        if not leaves:
            lanes_in_order.append((participants.get(process.get("id"), process), process))
    if not activity:
        raise import_error(path, *_where(root), say("interop.bpmn.no-tasks"))
    if flattened:
        notes.append(say("interop.bpmn.flattened", names=", ".join(flattened)))
    for kind, count in sorted(skipped.items()):
        notes.append(say("interop.bpmn.not-carried", kind=kind, count=count))
    if not ours:
        for kind, count in sorted(collapsed.items()):
            notes.append(say("interop.bpmn.collapsed", kind=kind, count=count))

    # Lanes: ids, labels, zones.
    lane_ids: set[str] = set()
    lanes: dict[int, dict[str, Any]] = {}
    pool_lane: dict[int, int] = {}
    for element, process in lanes_in_order:
        pool = participants.get(process.get("id"))
        name = (element.get("name") or "").strip() or (pool.get("name") or "" if pool is not None else "")
        name = re.sub(r"\s+", " ", name).strip()
        lane_id = unique_id(element.get(f"{_SB}id") or name or element.get("id") or "lane", lane_ids, "lane")
        given = zones.get(name) or zones.get(lane_id)
        if given:
            zone = Zone(given)
        elif element.get(f"{_SB}zone") in {z.value for z in Zone}:
            zone = Zone(element.get(f"{_SB}zone"))
        else:
            zone = guess_zone(name)
            if zone is None:
                zone = Zone.FRONTSTAGE
                notes.append(say("interop.lane-zone-unknown", lane=name or lane_id))
            else:
                notes.append(say("interop.lane-zone-guessed", lane=name or lane_id, zone=zone_named(zone)))
        default = lane_id == zone.value and name in {zone.label(locale) for locale in locales()}
        lanes[id(element)] = {"id": lane_id, **({"label": name} if name and name != lane_id and not default
                                                  else {}), "zone": zone.value}
        if element.tag != f"{_M}lane":
            pool_lane[id(process)] = id(element)

    # Steps.
    step_ids: set[str] = set()
    step_of: dict[str, str] = {}
    for element_id, element in activity.items():
        step_of[element_id] = unique_id(element.get(f"{_SB}id") or element.get("name") or element_id, step_ids)

    # Phases: sb:phase, else groups (by DI), else the flattened sub-process.
    phases: list[dict[str, Any]] = []
    phase_ids: set[str] = set()
    phase_by_value: dict[str, str] = {}
    for value in root.iter(f"{_M}categoryValue"):
        label = (value.get("value") or "").strip()
        phase_id = unique_id(value.get(f"{_SB}id") or label or value.get("id"), phase_ids, "phase")
        phase_by_value[value.get("id")] = phase_id
        phases.append({"id": phase_id, **({"label": label} if label and label != phase_id else {})})
    group_boxes = [(phase_by_value[g.get("categoryValueRef")], bounds[g.get("id")])
                   for g in root.iter(f"{_M}group")
                   if g.get("categoryValueRef") in phase_by_value and g.get("id") in bounds]

    def phase_of(element_id: str) -> str | None:
        element = activity[element_id]
        if element.get(f"{_SB}phase"):
            return element.get(f"{_SB}phase")
        box = bounds.get(element_id)
        if box is not None:
            for phase_id, group in group_boxes:
                if group.x <= box.cx <= group.right and group.y <= box.cy <= group.bottom:
                    return phase_id
        name = subprocess_of.get(element_id)
        if name:
            if name not in phase_by_value:
                phase_by_value[name] = unique_id(name, phase_ids, "phase")
                phases.append({"id": phase_by_value[name], **({"label": name} if name != phase_by_value[name]
                                                              else {})})
            return phase_by_value[name]
        return None

    # Flows: follow sequence flows through gateways and intermediate events to the next steps.
    outgoing: dict[str, list[Any]] = defaultdict(list)
    for flow in root.iter(f"{_M}sequenceFlow"):
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        for ref in (source, target):
            if ref not in by_id:
                raise import_error(path, *_where(flow),
                                   say("interop.bpmn.bad-reference", flow=flow.get("id"), ref=ref))
        outgoing[source].append(flow)

    def reach(start: str) -> list[tuple[str, Any]]:
        """Steps reached from ``start`` through non-steps: (step element id, the flow that names the way)."""
        found, seen = [], {start}
        stack = [(flow, None) for flow in reversed(outgoing[start])]
        while stack:
            flow, named = stack.pop()
            named = named if named is not None else (flow if (flow.get("name") or flow.get(f"{_SB}kind")
                                                             or flow.get(f"{_SB}label")) else None)
            target = flow.get("targetRef")
            if target in activity:
                found.append((target, named))
            elif target not in seen:
                seen.add(target)
                stack.extend((nxt, named) for nxt in reversed(outgoing[target]))
        return found

    flows_out: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
    for element_id in activity:
        seen_targets: set[str] = set()
        for target, named in reach(element_id):
            if target in seen_targets:
                continue
            seen_targets.add(target)
            kind = named.get(f"{_SB}kind", "flow") if named is not None else "flow"
            if ours:
                label = named.get(f"{_SB}label") if named is not None else None
            else:
                label = (named.get("name") or "").strip() or None if named is not None else None
            flows_out[element_id].append((target, label, kind if kind in ("flow", "support", "return") else "flow"))

    # Fail points: boundary events (recovery = the step their flow reaches), annotations.
    fails: dict[str, tuple[str, str | None]] = {}
    for event in root.iter(f"{_M}boundaryEvent"):
        host = event.get("attachedToRef")
        if host not in activity:
            continue
        definition = next((_local(child) for child in event if _local(child).endswith("EventDefinition")), "event")
        text = (event.get("name") or "").strip() or definition.replace("EventDefinition", "")
        reached = reach(event.get("id"))
        fails.setdefault(host, (text, reached[0][0] if reached else None))
        if len(reached) > 1:
            notes.append(say("interop.bpmn.boundary", event=text))
    annotation_text = {a.get("id"): _text_of(a.find(f"{_M}text")) if a.find(f"{_M}text") is not None else ""
                       for a in root.iter(f"{_M}textAnnotation")}
    step_notes: dict[str, list[str]] = defaultdict(list)
    for link in root.iter(f"{_M}association"):
        ends = (link.get("sourceRef"), link.get("targetRef"))
        task = next((end for end in ends if end in activity), None)
        note = next((annotation_text[end] for end in ends if end in annotation_text), None)
        if task is None or not note:
            continue
        for lang in locales():
            prefix = word("bpmn.fail-prefix", lang)
            if note.startswith(prefix) and task not in fails:
                fails[task] = (note[len(prefix):], None)
                break
        else:
            step_notes[task].append(note)

    # Order: by DI position when every step has one (left to right, then top to bottom), else file order.
    order = list(activity)
    if not ours and all(element_id in bounds for element_id in order):
        order.sort(key=lambda element_id: (bounds[element_id].x, bounds[element_id].y))

    typed = False
    steps: list[dict[str, Any]] = []
    extra_flows: list[dict[str, Any]] = []
    for element_id in order:
        element = activity[element_id]
        lane_element = lane_of.get(element_id)
        lane_key = id(lane_element) if lane_element is not None else pool_lane.get(id(owner_process[element_id]))
        if lane_key is None:  # a process with lanes that leave this node out: its first lane
            lane_key = next(id(e) for e, p in lanes_in_order if p is owner_process[element_id])
        name = re.sub(r"\s+", " ", element.get("name") or "").strip()
        step: dict[str, Any] = {"id": step_of[element_id], "lane": lanes[lane_key]["id"], "label": name or element_id}
        phase = phase_of(element_id)
        if phase:
            step["phase"] = phase
        documentation = element.find(f"{_M}documentation")
        if documentation is not None and _text_of(documentation):
            step["description"] = documentation.text.strip() if documentation.text else _text_of(documentation)
        _read_sb(element, step, path)
        if "touchpoint" not in step and element.get(f"{_SB}id") is None and _local(element) in _TASK_TOUCHPOINT:
            step["touchpoint"] = _TASK_TOUCHPOINT[_local(element)]
            typed = True
        if element_id in fails:
            text, recovery = fails[element_id]
            step["fail"] = text
            if recovery is not None:
                step["recovery"] = step_of[recovery]
        if step_notes[element_id]:
            step["notes"] = step.get("notes", []) + step_notes[element_id]
        nexts = []
        for target, label, kind in flows_out[element_id]:
            if label is None and kind == "flow":
                nexts.append(step_of[target])
            else:
                extra_flows.append({"from": step["id"], "to": step_of[target],
                                    **({"label": label} if label else {}), **({"kind": kind} if kind != "flow" else {})})
        if nexts:
            step["next"] = nexts
        steps.append(step)
    if typed:
        notes.append(say("interop.bpmn.kinds-from-types"))

    # Message flows between steps: supporting interactions.
    messages = 0
    for flow in root.iter(f"{_M}messageFlow"):
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        if source in activity and target in activity:
            label = (flow.get("name") or "").strip()
            extra_flows.append({"from": step_of[source], "to": step_of[target], **({"label": label} if label else {}),
                                "kind": "support"})
        else:
            messages += 1
    if messages:
        notes.append(say("interop.bpmn.message-flows", count=messages))

    process = processes[0] if processes else None
    participant = participants.get(process.get("id")) if process is not None else None
    title = next((re.sub(r"\s+", " ", text).strip() for text in (
        participant.get("name") if participant is not None and len(processes) == 1 else None,
        process.get("name") if process is not None else None, root.get("name")) if text), None)
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", path.replace("\\", "/").rsplit("/", 1)[-1])
    locale = (process.get(f"{_SB}locale") if process is not None else None) or (
        "zh" if any(re.search(r"[\u3400-\u9fff]", s["label"]) for s in steps) else "en")
    out: dict[str, Any] = {"blueprint": 1, "title": title or stem or "process", "locale": locale}
    documentation = process.find(f"{_M}documentation") if process is not None else None
    if documentation is not None and documentation.text and documentation.text.strip():
        out["description"] = documentation.text.strip()
    used = {step["lane"] for step in steps}
    unused = [lane["id"] for lane in lanes.values() if lane["id"] not in used]
    if unused and not ours:
        notes.append(say("interop.bpmn.unused-lanes", lanes=Listed(tuple(unused))))
    kept = [lane for lane in lanes.values() if lane["id"] in used or ours]
    out["lanes"] = sorted(kept, key=lambda lane: Zone(lane["zone"]).order)
    used_phases = {step.get("phase") for step in steps}
    kept_phases = [phase for phase in phases if phase["id"] in used_phases or ours]
    if kept_phases:
        out["phases"] = kept_phases
    out["steps"] = steps
    if extra_flows:
        out["flows"] = extra_flows
    return Imported(out, notes)


def _read_sb(element, step: dict[str, Any], path: str) -> None:
    """The ``sb:`` attributes of our own export, back into step fields."""
    for key in ("owner", "touchpoint", "channel", "duration"):
        value = element.get(f"{_SB}{key}")
        if value:
            step[key] = value
    wait = element.get(f"{_SB}wait")
    if wait:
        step["wait"] = True if wait == "true" else wait
    emotion = element.get(f"{_SB}emotion")
    if emotion:
        try:
            step["emotion"] = int(emotion)
        except ValueError:
            raise import_error(path, *_where(element),
                               say("interop.bpmn.bad-emotion", value=emotion)) from None
    for key in ("evidence", "kpis", "notes"):
        value = element.get(f"{_SB}{key}")
        if not value:
            continue
        try:
            items = json.loads(value)
        except ValueError:
            items = None
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise import_error(path, *_where(element), say("interop.bpmn.bad-list", key=key))
        step[key] = items
