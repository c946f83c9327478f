"""BPMN 2.0 import: lanes, tasks and flows of a process model as a blueprint, with what could not be
carried reported (see :mod:`blueprint.interop.bpmn`)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from ...layout import Box
from ...model import Zone
from ...phrases import Listed, Phrase, say
from ...words import locales, word
from ..common import Imported, first_keys, guess_zone, import_error, parse_xml, unique_id, zone_named
from .names import NS, SB_NS

__all__ = ["import_bpmn"]

_M = "{%s}" % NS["bpmn"]
_SB = "{%s}" % SB_NS
_DC = "{%s}" % NS["dc"]
_ACTIVITIES = {"task", "userTask", "serviceTask", "manualTask", "scriptTask", "sendTask", "receiveTask",
               "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess"}
_PASS_THROUGH = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
                 "complexGateway", "intermediateCatchEvent", "intermediateThrowEvent"}
_SILENT = {"startEvent", "endEvent", "sequenceFlow", "laneSet", "boundaryEvent", "textAnnotation", "association",
           "group", "documentation", "extensionElements", "incoming", "outgoing"} | _PASS_THROUGH
_SUB_PROCESSES = ("subProcess", "transaction", "adHocSubProcess")
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
    return _Reader(root, path, zones or {}).read()


class _Reader:
    """One BPMN file read into a blueprint, in phases that each fill in what the next ones use:
    pools and flow nodes, lanes, step ids, phases, flows, fail points, steps, message flows, and
    the blueprint's own keys. ``notes`` gathers what was guessed or not carried, in that order."""

    def __init__(self, root, path: str, zones: dict[str, str]):
        self.root, self.path, self.zones = root, path, zones
        self.ours = root.get("exporter") == "service-blueprint"
        self.notes: list[Phrase] = []
        self.by_id: dict[str, Any] = {}
        for element in root.iter():
            element_id = element.get("id")
            if element_id:
                self.by_id.setdefault(element_id, element)
        # DI bounds by element id.
        self.bounds: dict[str, Box] = {}
        for shape in root.iter("{%s}BPMNShape" % NS["bpmndi"]):
            found = shape.find(f"{_DC}Bounds")
            if found is not None and shape.get("bpmnElement"):
                try:
                    self.bounds[shape.get("bpmnElement")] = Box(
                        *(float(found.get(k, 0)) for k in ("x", "y", "width", "height")))
                except ValueError:
                    continue

    def read(self) -> Imported:
        self._pools()
        self._flow_nodes()
        self._lanes()
        self._step_ids()
        self._phases()
        self._flows()
        self._fails()
        steps, extra_flows = self._steps()
        self._message_flows(extra_flows)
        return Imported(self._blueprint(steps, extra_flows), self.notes)

    def _pools(self) -> None:
        root = self.root
        self.processes = [element for element in root if element.tag == f"{_M}process"]
        pools = list(root.iter(f"{_M}participant"))
        self.participants = {p.get("processRef"): p for p in pools if p.get("processRef")}
        black_boxes = [p for p in pools if not p.get("processRef")]
        if black_boxes:
            names = ", ".join(sorted({(p.get("name") or p.get("id") or "").replace("\n", " ")
                                      for p in black_boxes}))
            self.notes.append(say("interop.bpmn.pools", pools=names))

    def _flow_nodes(self) -> None:
        """Flow nodes, their lane and their sub-process (for phases)."""
        self.activity: dict[str, Any] = {}
        self.owner_process: dict[str, Any] = {}
        self.lane_of: dict[str, Any] = {}
        self.subprocess_of: dict[str, str] = {}
        self.lanes_in_order: list[tuple[Any, Any]] = []  # (lane element or pool, process)
        flattened: list[str] = []
        skipped: dict[str, int] = defaultdict(int)
        collapsed: dict[str, int] = defaultdict(int)

        def collect(container, process, sub_name: str | None) -> None:
            for child in container:
                kind = _local(child)
                if child.tag.startswith(_M) is False:
                    continue
                if kind in _ACTIVITIES:
                    if kind in _SUB_PROCESSES and _expanded_with_steps(child):
                        name = child.get("name") or child.get("id")
                        flattened.append(name)
                        collect(child, process, name)  # the nearest sub-process names the phase
                        continue
                    self.activity[child.get("id")] = child
                    self.owner_process[child.get("id")] = process
                    if sub_name:
                        self.subprocess_of[child.get("id")] = sub_name
                elif kind in _PASS_THROUGH:
                    collapsed[kind] += 1
                elif kind not in _SILENT:
                    skipped[kind] += 1

        for process in self.processes:
            collect(process, process, None)
            lane_set = process.find(f"{_M}laneSet")
            leaves = _leaf_lanes(lane_set) if lane_set is not None else []
            for lane in leaves:
                self.lanes_in_order.append((lane, process))
                for ref in lane.findall(f"{_M}flowNodeRef"):
                    self.lane_of.setdefault((ref.text or "").strip(), lane)
            if not leaves:
                self.lanes_in_order.append((self.participants.get(process.get("id"), process), process))
        if not self.activity:
            raise import_error(self.path, *_where(self.root), say("interop.bpmn.no-tasks"))
        if flattened:
            self.notes.append(say("interop.bpmn.flattened", names=", ".join(flattened)))
        for kind, count in sorted(skipped.items()):
            self.notes.append(say("interop.bpmn.not-carried", kind=kind, count=count))
        if not self.ours:
            for kind, count in sorted(collapsed.items()):
                self.notes.append(say("interop.bpmn.collapsed", kind=kind, count=count))

    def _lanes(self) -> None:
        """Lanes: ids, labels, zones."""
        lane_ids: set[str] = set()
        self.lanes: dict[int, dict[str, Any]] = {}
        self.pool_lane: dict[int, int] = {}
        zones = self.zones
        for element, process in self.lanes_in_order:
            pool = self.participants.get(process.get("id"))
            name = (element.get("name") or "").strip() or (pool.get("name") or "" if pool is not None else "")
            name = re.sub(r"\s+", " ", name).strip()
            lane_id = unique_id(element.get(f"{_SB}id") or name or element.get("id") or "lane", lane_ids,
                                "lane")
            given = zones.get(name) or zones.get(lane_id)
            if given:
                zone = Zone(given)
            elif element.get(f"{_SB}zone") in {z.value for z in Zone}:
                zone = Zone(element.get(f"{_SB}zone"))
            else:
                zone = guess_zone(name)
                if zone is None:
                    zone = Zone.FRONTSTAGE
                    self.notes.append(say("interop.lane-zone-unknown", lane=name or lane_id))
                else:
                    self.notes.append(say("interop.lane-zone-guessed", lane=name or lane_id,
                                          zone=zone_named(zone)))
            default = lane_id == zone.value and name in {zone.label(locale) for locale in locales()}
            labelled = name and name != lane_id and not default
            self.lanes[id(element)] = {"id": lane_id, **({"label": name} if labelled else {}),
                                       "zone": zone.value}
            if element.tag != f"{_M}lane":
                self.pool_lane[id(process)] = id(element)

    def _step_ids(self) -> None:
        step_ids: set[str] = set()
        self.step_of: dict[str, str] = {}
        for element_id, element in self.activity.items():
            self.step_of[element_id] = unique_id(element.get(f"{_SB}id") or element.get("name") or element_id,
                                                 step_ids)

    def _phases(self) -> None:
        """Phases: sb:phase, else groups (by DI), else the flattened sub-process (see :meth:`_phase_of`)."""
        self.phases: list[dict[str, Any]] = []
        self.phase_ids: set[str] = set()
        self.phase_by_value: dict[str, str] = {}
        for value in self.root.iter(f"{_M}categoryValue"):
            label = (value.get("value") or "").strip()
            phase_id = unique_id(value.get(f"{_SB}id") or label or value.get("id"), self.phase_ids, "phase")
            self.phase_by_value[value.get("id")] = phase_id
            self.phases.append({"id": phase_id, **({"label": label} if label and label != phase_id else {})})
        by_value, bounds = self.phase_by_value, self.bounds
        self.group_boxes = [(by_value[g.get("categoryValueRef")], bounds[g.get("id")])
                            for g in self.root.iter(f"{_M}group")
                            if g.get("categoryValueRef") in by_value and g.get("id") in bounds]

    def _phase_of(self, element_id: str) -> str | None:
        element = self.activity[element_id]
        if element.get(f"{_SB}phase"):
            return element.get(f"{_SB}phase")
        box = self.bounds.get(element_id)
        if box is not None:
            for phase_id, group in self.group_boxes:
                if group.x <= box.cx <= group.right and group.y <= box.cy <= group.bottom:
                    return phase_id
        name = self.subprocess_of.get(element_id)
        if name:
            phase_by_value = self.phase_by_value
            if name not in phase_by_value:
                phase_by_value[name] = unique_id(name, self.phase_ids, "phase")
                phase_id = phase_by_value[name]
                self.phases.append({"id": phase_id, **({"label": name} if name != phase_id else {})})
            return phase_by_value[name]
        return None

    def _flows(self) -> None:
        """Flows: follow sequence flows through gateways and intermediate events to the next steps."""
        self.outgoing: dict[str, list[Any]] = defaultdict(list)
        for flow in self.root.iter(f"{_M}sequenceFlow"):
            source, target = flow.get("sourceRef"), flow.get("targetRef")
            for ref in (source, target):
                if ref not in self.by_id:
                    raise import_error(self.path, *_where(flow),
                                       say("interop.bpmn.bad-reference", flow=flow.get("id"), ref=ref))
            self.outgoing[source].append(flow)
        self.flows_out: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
        for element_id in self.activity:
            seen_targets: set[str] = set()
            for target, named in self._reach(element_id):
                if target in seen_targets:
                    continue
                seen_targets.add(target)
                kind = named.get(f"{_SB}kind", "flow") if named is not None else "flow"
                if self.ours:
                    label = named.get(f"{_SB}label") if named is not None else None
                else:
                    label = (named.get("name") or "").strip() or None if named is not None else None
                self.flows_out[element_id].append(
                    (target, label, kind if kind in ("flow", "support", "return") else "flow"))

    def _reach(self, start: str) -> list[tuple[str, Any]]:
        """Steps reached from ``start`` through non-steps: (step element id, the flow that names the way)."""
        found, seen = [], {start}
        stack = [(flow, None) for flow in reversed(self.outgoing[start])]
        while stack:
            flow, named = stack.pop()
            named = named if named is not None else (flow if (flow.get("name") or flow.get(f"{_SB}kind")
                                                             or flow.get(f"{_SB}label")) else None)
            target = flow.get("targetRef")
            if target in self.activity:
                found.append((target, named))
            elif target not in seen:
                seen.add(target)
                stack.extend((nxt, named) for nxt in reversed(self.outgoing[target]))
        return found

    def _fails(self) -> None:
        """Fail points: boundary events (recovery = the step their flow reaches), annotations."""
        activity = self.activity
        self.fails: dict[str, tuple[str, str | None]] = {}
        for event in self.root.iter(f"{_M}boundaryEvent"):
            host = event.get("attachedToRef")
            if host not in activity:
                continue
            definition = next((_local(child) for child in event if _local(child).endswith("EventDefinition")),
                              "event")
            text = (event.get("name") or "").strip() or definition.replace("EventDefinition", "")
            reached = self._reach(event.get("id"))
            self.fails.setdefault(host, (text, reached[0][0] if reached else None))
            if len(reached) > 1:
                self.notes.append(say("interop.bpmn.boundary", event=text))
        annotation_text = {a.get("id"): _text_of(a.find(f"{_M}text")) if a.find(f"{_M}text") is not None
                           else "" for a in self.root.iter(f"{_M}textAnnotation")}
        self.step_notes: dict[str, list[str]] = defaultdict(list)
        for link in self.root.iter(f"{_M}association"):
            ends = (link.get("sourceRef"), link.get("targetRef"))
            task = next((end for end in ends if end in activity), None)
            note = next((annotation_text[end] for end in ends if end in annotation_text), None)
            if task is None or not note:
                continue
            for lang in locales():
                prefix = word("bpmn.fail-prefix", lang)
                if note.startswith(prefix) and task not in self.fails:
                    self.fails[task] = (note[len(prefix):], None)
                    break
            else:
                self.step_notes[task].append(note)

    def _steps(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The steps, in order, and the flows ``next:`` cannot say (named, or of another kind)."""
        activity, bounds, step_of = self.activity, self.bounds, self.step_of
        # Order: by DI position when every step has one (left to right, then top to bottom), else file order.
        order = list(activity)
        if not self.ours and all(element_id in bounds for element_id in order):
            order.sort(key=lambda element_id: (bounds[element_id].x, bounds[element_id].y))
        typed = False
        steps: list[dict[str, Any]] = []
        extra_flows: list[dict[str, Any]] = []
        for element_id in order:
            element = activity[element_id]
            lane_element = self.lane_of.get(element_id)
            process = self.owner_process[element_id]
            lane_key = id(lane_element) if lane_element is not None else self.pool_lane.get(id(process))
            if lane_key is None:  # a process with lanes that leave this node out: its first lane
                lane_key = next(id(e) for e, p in self.lanes_in_order if p is process)
            name = re.sub(r"\s+", " ", element.get("name") or "").strip()
            step: dict[str, Any] = {"id": step_of[element_id], "lane": self.lanes[lane_key]["id"],
                                    "label": name or element_id}
            phase = self._phase_of(element_id)
            if phase:
                step["phase"] = phase
            documentation = element.find(f"{_M}documentation")
            if documentation is not None and _text_of(documentation):
                step["description"] = (documentation.text.strip() if documentation.text
                                       else _text_of(documentation))
            _read_sb(element, step, self.path)
            typed_task = element.get(f"{_SB}id") is None and _local(element) in _TASK_TOUCHPOINT
            if "touchpoint" not in step and typed_task:
                step["touchpoint"] = _TASK_TOUCHPOINT[_local(element)]
                typed = True
            if element_id in self.fails:
                text, recovery = self.fails[element_id]
                step["fail"] = text
                if recovery is not None:
                    step["recovery"] = step_of[recovery]
            if self.step_notes[element_id]:
                step["notes"] = step.get("notes", []) + self.step_notes[element_id]
            nexts = []
            for target, label, kind in self.flows_out[element_id]:
                if label is None and kind == "flow":
                    nexts.append(step_of[target])
                else:
                    extra_flows.append({"from": step["id"], "to": step_of[target],
                                        **({"label": label} if label else {}),
                                        **({"kind": kind} if kind != "flow" else {})})
            if nexts:
                step["next"] = nexts
            steps.append(step)
        if typed:
            self.notes.append(say("interop.bpmn.kinds-from-types"))
        return steps, extra_flows

    def _message_flows(self, extra_flows: list[dict[str, Any]]) -> None:
        """Message flows between steps: supporting interactions; others are counted as not carried."""
        messages = 0
        for flow in self.root.iter(f"{_M}messageFlow"):
            source, target = flow.get("sourceRef"), flow.get("targetRef")
            if source in self.activity and target in self.activity:
                label = (flow.get("name") or "").strip()
                extra_flows.append({"from": self.step_of[source], "to": self.step_of[target],
                                    **({"label": label} if label else {}), "kind": "support"})
            else:
                messages += 1
        if messages:
            self.notes.append(say("interop.bpmn.message-flows", count=messages))

    def _blueprint(self, steps: list[dict[str, Any]], extra_flows: list[dict[str, Any]]) -> dict[str, Any]:
        """The blueprint's mapping: title, locale, description, the lanes and phases in use, steps, flows."""
        processes, path, root = self.processes, self.path, self.root
        process = processes[0] if processes else None
        participant = self.participants.get(process.get("id")) if process is not None else None
        title = next((re.sub(r"\s+", " ", text).strip() for text in (
            participant.get("name") if participant is not None and len(processes) == 1 else None,
            process.get("name") if process is not None else None, root.get("name")) if text), None)
        out = first_keys(path, title, "process", (step["label"] for step in steps),
                         process.get(f"{_SB}locale") if process is not None else None)
        documentation = process.find(f"{_M}documentation") if process is not None else None
        if documentation is not None and documentation.text and documentation.text.strip():
            out["description"] = documentation.text.strip()
        used = {step["lane"] for step in steps}
        lanes = self.lanes
        unused = [lane["id"] for lane in lanes.values() if lane["id"] not in used]
        if unused and not self.ours:
            self.notes.append(say("interop.bpmn.unused-lanes", lanes=Listed(tuple(unused))))
        kept = [lane for lane in lanes.values() if lane["id"] in used or self.ours]
        out["lanes"] = sorted(kept, key=lambda lane: Zone(lane["zone"]).order)
        used_phases = {step.get("phase") for step in steps}
        kept_phases = [phase for phase in self.phases if phase["id"] in used_phases or self.ours]
        if kept_phases:
            out["phases"] = kept_phases
        out["steps"] = steps
        if extra_flows:
            out["flows"] = extra_flows
        return out


def _leaf_lanes(lane_set) -> list:
    """The innermost lanes of a lane set (nested lanes are flattened to them)."""
    leaves = []
    for lane in lane_set.findall(f"{_M}lane"):
        child = lane.find(f"{_M}childLaneSet")
        nested = _leaf_lanes(child) if child is not None else []
        leaves.extend(nested or [lane])
    return leaves


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
