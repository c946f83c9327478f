"""BPMN import: our own exports come back whole; files nobody here wrote (bpmnlint's test fixtures,
see tests/fixtures/interop/bpmn/SOURCE.md) import with what could not be carried reported; hostile
XML is refused with its position."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from blueprint import BlueprintError, load, loads
from blueprint.interop.bpmn import export_bpmn, import_bpmn
from blueprint.model import Zone
from tests.conftest import EXAMPLES
from tests.interop import helpers

THIRD_PARTY = Path(__file__).resolve().parent.parent / "fixtures" / "interop" / "bpmn"
M = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
ACTIVITIES = {"task", "userTask", "serviceTask", "manualTask", "scriptTask", "sendTask", "receiveTask",
              "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess"}


def imported(path: Path):
    result = import_bpmn(path.read_bytes(), path.name)
    bp = loads(result.yaml, f"{path.stem}.yaml")
    assert bp.problems == [], bp.problems[:3]
    return result, bp


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_our_export_comes_back_whole(path):
    bp = load(path)
    result = import_bpmn(export_bpmn(bp).content, "x.bpmn")
    back = loads(result.yaml, "x.yaml")
    assert back.problems == []
    assert helpers.steps(back) == helpers.steps(bp)
    assert helpers.lanes(back, bp.locale) == helpers.lanes(bp, bp.locale)
    assert helpers.phases(back) == helpers.phases(bp)
    assert helpers.flows(back) == helpers.flows(bp)
    assert (back.title, back.description, back.locale) == (bp.title, bp.description, bp.locale)


def test_the_signavio_recruiting_process_from_bpmnlint_imports():
    path = THIRD_PARTY / "bpmnlint-integration-complex.bpmn"
    result, bp = imported(path)
    root = ET.parse(path).getroot()
    # Every activity is a step, except expanded sub-processes, whose activities are.
    activities = [e for e in root.iter() if e.tag[len(M):] in ACTIVITIES and e.tag.startswith(M)]
    expanded = [e for e in activities if any(c.tag[len(M):] in ACTIVITIES for c in e)]
    assert len(bp.steps) == len(activities) - len(expanded)
    labels = {" ".join((e.get("name") or e.get("id")).split()) for e in activities if e not in expanded}
    assert {step.label for step in bp.steps} == labels
    # Every sequence flow straight from one activity to another is a flow of the blueprint.
    by_label = {}
    for e in activities:
        by_label.setdefault(e.get("id"), " ".join((e.get("name") or e.get("id")).split()))
    direct = {(by_label[f.get("sourceRef")], by_label[f.get("targetRef")]) for f in root.iter(f"{M}sequenceFlow")
              if f.get("sourceRef") in by_label and f.get("targetRef") in by_label}
    got = {(bp.step_by_id[f.source.id].label, bp.step_by_id[f.target.id].label) for f in bp.flows}
    assert direct and direct <= got
    # Gateways collapsed into flows, pools without a process, unreadable things: all reported.
    said = " ".join(note.en for note in result.notes)
    for word in ("exclusiveGateway", "collapsed", "pools without a process", "dataStoreReference",
                 "message flows"):
        assert word in said


def test_sub_processes_are_flattened_into_phases_and_lane_zones_are_guessed():
    path = THIRD_PARTY / "bpmnlint-no-bpmndi-valid-complex.bpmn"
    result, bp = imported(path)
    root = ET.parse(path).getroot()
    # A sub-process holding a task names that task's phase.
    sub_names = {e.get("name") for e in root.iter(f"{M}subProcess") if e.get("name") and any(
        c.tag[len(M):] in ACTIVITIES and not any(g.tag[len(M):] in ACTIVITIES for g in c) for c in e)}
    assert sub_names and sub_names <= {phase.display_label() for phase in bp.phases}
    lanes = {lane.display_label(): lane.zone for lane in bp.lanes}
    assert lanes["Backend"] is Zone.BACKSTAGE
    said = [note.en for note in result.notes]
    assert any("'Backend': zone backstage guessed" in note for note in said)
    assert any("flattened" in note for note in said)


def test_a_boundary_event_becomes_a_fail_point_of_its_task():
    _result, bp = imported(THIRD_PARTY / "bpmnlint-valid-boundary-event.bpmn")
    [step] = bp.steps
    assert step.fail


def test_a_zone_mapping_the_user_gives_wins():
    path = THIRD_PARTY / "bpmnlint-no-bpmndi-valid-complex.bpmn"
    result = import_bpmn(path.read_bytes(), path.name, zones={"Portal": "customer"})
    bp = loads(result.yaml)
    assert {lane.display_label(): lane.zone for lane in bp.lanes}["Portal"] is Zone.CUSTOMER


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">
<task id="t" name="&secret;"/></process></definitions>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">
<task id="t" name="&lol3;"/></process></definitions>"""


@pytest.mark.parametrize("data", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_xml_with_a_dtd_is_refused_before_any_entity_is_read(data):
    with pytest.raises(BlueprintError) as caught:
        import_bpmn(data, "evil.bpmn")
    message = str(caught.value)
    assert message.startswith("evil.bpmn:2:") and "refused" in message and "root:" not in message


@pytest.mark.parametrize("data, where", [
    (b"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'>\n  <process id='p'>\n  </proces>",
     "bad.bpmn:3:5: not well-formed XML"),
    (b"<html>\n</html>", "bad.bpmn:1:1: not a BPMN 2.0 file"),
    (b"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'><process id='p'>\n<task id='a'/>\n"
     b"<sequenceFlow id='f' sourceRef='a' targetRef='nowhere'/></process></definitions>",
     "bad.bpmn:3:1: sequence flow 'f' refers to 'nowhere'"),
])
def test_bad_bpmn_is_refused_at_its_line_and_column(data, where):
    with pytest.raises(BlueprintError) as caught:
        import_bpmn(data, "bad.bpmn")
    assert str(caught.value).startswith(where)


def test_a_50_mb_bpmn_file_is_refused_before_parsing():
    data = b"<definitions>" + b" " * (50 * 1024 * 1024) + b"</definitions>"
    with pytest.raises(BlueprintError, match="the file is 50.0 MB"):
        import_bpmn(data, "big.bpmn")
