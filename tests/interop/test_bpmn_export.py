"""BPMN export: every example validates against the OMG XSD and passes bpmn-moddle and bpmnlint."""

from __future__ import annotations

import re

import pytest

from blueprint import load, loads
from blueprint.interop.bpmn import export_bpmn
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def exported():
    return {path.name: export_bpmn(load(path)).content for path in EXAMPLES}


@pytest.mark.parametrize("name", [path.name for path in EXAMPLES])
def test_every_example_validates_against_the_omg_xsd(exported, bpmn_schema, name):
    from lxml import etree

    document = etree.fromstring(exported[name])
    assert bpmn_schema.validate(document), [str(error) for error in bpmn_schema.error_log]


def test_the_xsd_refuses_a_broken_export(exported, bpmn_schema):
    """The validation above can fail: a task outside a process is not BPMN."""
    from lxml import etree

    text = exported["hall-walk.en.yaml"].decode()
    broken = text.replace("<bpmn:collaboration ", '<bpmn:userTask id="Loose" /><bpmn:collaboration ', 1)
    assert not bpmn_schema.validate(etree.fromstring(broken.encode()))


def test_bpmn_moddle_reads_every_export_without_warnings_and_bpmnlint_passes(exported, node_check):
    results = node_check([{"kind": "bpmn", "text": data.decode()} for data in exported.values()])
    for name, result in zip(exported, results):
        assert "error" not in result, (name, result)
        assert result["warnings"] == [], (name, result["warnings"][:3])
        assert result["reports"] == [], (name, result["reports"][:5])


def test_bpmnlint_reports_what_it_should(node_check):
    """The check is live: a process without an end event and with an unnamed task is reported."""
    text = export_bpmn(loads("blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A}\n")).content
    broken = re.sub(r'<bpmn:endEvent .*?</bpmn:endEvent>', "", text.decode(), flags=re.S)
    broken = broken.replace('name="A"', 'name=""')
    [result] = node_check([{"kind": "bpmn", "text": broken}])
    assert {"end-event-required", "label-required"} <= {report["rule"] for report in result["reports"]}


def test_lanes_tasks_flows_and_fail_points_are_where_the_blueprint_puts_them():
    from xml.etree import ElementTree as ET

    bp = load(next(path for path in EXAMPLES if path.name == "fault-report.zh.yaml"))
    root = ET.fromstring(export_bpmn(bp).content)
    ns = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
    sb = "{https://github.com/service-blueprint/bpmn/1}"
    lanes = root.findall(".//bpmn:lane", ns)
    zone_order = [lane.get(f"{sb}zone") for lane in lanes]
    assert [lane.get(f"{sb}id") for lane in lanes] == [lane.id for lane in bp.lanes_in_zone_order()]
    assert zone_order == sorted(zone_order, key=["customer", "frontstage", "backstage", "support"].index)
    tasks = {task.get(f"{sb}id"): task for task in root.iter() if task.tag.endswith("Task")}
    assert set(tasks) == {step.id for step in bp.steps}
    for step in bp.steps:
        kind = tasks[step.id].tag.split("}")[1]
        expected = {"people": "userTask", "digital": "serviceTask", "equipment": "serviceTask"}.get(
            step.touchpoint.value if step.touchpoint else None, "manualTask")
        assert (step.id, kind) == (step.id, expected)
    boundaries = root.findall(".//bpmn:boundaryEvent", ns)
    notes = root.findall(".//bpmn:textAnnotation", ns)
    failing = [step for step in bp.steps if step.fail]
    assert len(boundaries) + len(notes) == len(failing)
    assert {event.get("name") for event in boundaries} == {s.fail for s in failing if s.recovery}
    # Every lane's tasks sit inside the lane's DI bounds.
    shapes = {shape.get("bpmnElement"): shape.find("{http://www.omg.org/spec/DD/20100524/DC}Bounds")
              for shape in root.iter("{http://www.omg.org/spec/BPMN/20100524/DI}BPMNShape")}

    def box(element_id):
        b = shapes[element_id]
        return [float(b.get(k)) for k in ("x", "y", "width", "height")]

    for lane in lanes:
        lx, ly, lw, lh = box(lane.get("id"))
        for ref in lane.findall("bpmn:flowNodeRef", ns):
            x, y, w, h = box(ref.text)
            if root.find(f".//bpmn:boundaryEvent[@id='{ref.text}']", ns) is None:
                assert lx <= x and x + w <= lx + lw and ly <= y and y + h <= ly + lh, ref.text
