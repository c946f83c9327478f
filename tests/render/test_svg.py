"""The SVG contract, checked on every example, the starter templates, generated and hostile files:
classes, titles and ids of steps, lanes, phases, lines, flows, badges and evidence; the geometry
(cards inside their lane and phase bands, no overlaps, zones between their lines); safety."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from generate import generate

from blueprint import load, loads, render
from blueprint.model import FlowKind, Zone
from tests.conftest import EXAMPLES, TEMPLATES

from .helpers import FIXTURES, SVG, groups, line_y, parse

FILES = [*EXAMPLES, *TEMPLATES, FIXTURES / "hostile.yaml", FIXTURES / "unphased.yaml"]
GENERATED = [40, 300, 1100]  # 1100 steps: the parallel drawing path


def _name(case) -> str:
    return case.name if isinstance(case, Path) else f"generated-{case}"


@functools.cache
def _bp(case):
    return load(case) if isinstance(case, Path) else loads(generate(case))


@functools.cache
def _svg(case, evidence: bool = True) -> str:
    return render(_bp(case), "svg", evidence=evidence)


CASES = pytest.mark.parametrize("case", [*FILES, *GENERATED], ids=_name)


def _drawn_steps(bp):
    lanes = {lane.id for lane in bp.lanes if lane.zone is not None}
    return [step for step in bp.steps if step.lane in lanes]


@CASES
def test_every_step_is_a_group_with_its_zone_class_title_and_stable_id(case):
    bp = _bp(case)
    steps = {g.id: g for g in groups(parse(_svg(case)), "step")}
    drawn = _drawn_steps(bp)
    assert len(steps) == len(drawn)
    lanes = {lane.id: lane for lane in bp.lanes}
    for step in drawn:
        group = steps[f"step-{step.index}"]
        assert group.title == step.id
        assert lanes[step.lane].zone.value in group.classes
        assert {"step"} <= group.classes


@CASES
def test_lanes_phases_and_lines_carry_their_classes_and_titles(case):
    bp = _bp(case)
    root = parse(_svg(case))
    lane_titles = [g.title for g in groups(root, "lane")]
    expected = []
    for lane in bp.lanes_in_zone_order():
        if f"lane:{lane.id}" not in expected:
            expected.append(f"lane:{lane.id}")
    assert lane_titles == expected  # and in zone order, top to bottom
    tops = [g.rect().y0 for g in groups(root, "lane")]
    assert tops == sorted(tops)
    phase_titles = [g.title for g in groups(root, "phase")]
    assert phase_titles == list(dict.fromkeys(f"phase:{p.id}" for p in bp.phases))
    for cls in ("line-of-interaction", "line-of-visibility", "line-of-internal-interaction"):
        assert len(groups(root, cls)) == 1


@CASES
def test_cards_lie_in_their_lane_and_phase_bands_and_never_overlap(case):
    bp = _bp(case)
    root = parse(_svg(case))
    lanes = {g.title.removeprefix("lane:"): g.rect() for g in groups(root, "lane")}
    phases = {g.title.removeprefix("phase:"): g.rect() for g in groups(root, "phase")}
    cards = {g.id: g.rect() for g in groups(root, "step")}
    for step in _drawn_steps(bp):
        card = cards[f"step-{step.index}"]
        assert card.inside(lanes[step.lane]), step.id
        if step.phase in phases:
            assert card.inside(phases[step.phase]), step.id
    boxes = sorted(cards.values(), key=lambda r: r.x0)
    for i, a in enumerate(boxes):  # sweep along x: only neighbours can overlap
        for b in boxes[i + 1:]:
            if b.x0 >= a.x1:
                break
            assert not a.overlaps(b)


@CASES
def test_every_step_of_a_zone_lies_between_that_zones_lines(case):
    bp = _bp(case)
    root = parse(_svg(case))
    interaction = line_y(root, "line-of-interaction")
    visibility = line_y(root, "line-of-visibility")
    internal = line_y(root, "line-of-internal-interaction")
    assert interaction < visibility < internal
    bounds = {
        Zone.CUSTOMER: (float("-inf"), interaction),
        Zone.FRONTSTAGE: (interaction, visibility),
        Zone.BACKSTAGE: (visibility, internal),
        Zone.SUPPORT: (internal, float("inf")),
    }
    lanes = {lane.id: lane for lane in bp.lanes}
    for group in groups(root, "step"):
        step = bp.steps[int(group.id.removeprefix("step-"))]
        top, bottom = bounds[lanes[step.lane].zone]
        rect = group.rect()
        assert top < rect.y0 and rect.y1 < bottom, step.id


@CASES
def test_flows_handoffs_badges_and_evidence(case):
    bp = _bp(case)
    root = parse(_svg(case))
    drawn = {step.id: step for step in reversed(_drawn_steps(bp))}
    flows = [f for f in (*bp.flows, *bp.recoveries) if f.source.id in drawn and f.target.id in drawn]
    groups_ = groups(root, "flow")
    assert len(groups_) == len(flows)
    for group, flow in zip(sorted(groups_, key=lambda g: int(g.id.removeprefix("flow-"))), flows):
        source, target = drawn[flow.source.id], drawn[flow.target.id]
        assert group.title == f"{flow.source.id}->{flow.target.id}"
        assert ("handoff" in group.classes) == (source.lane != target.lane)
        if flow.kind is not FlowKind.FLOW:
            assert flow.kind.value in group.classes
    steps = list(dict.fromkeys(_drawn_steps(bp)))
    assert len(groups(root, "fail-point")) == sum(1 for s in steps if s.fail)
    assert len(groups(root, "wait-point")) == sum(1 for s in steps if s.wait or s.wait_max is not None)
    lanes = {lane.id: lane for lane in bp.lanes}
    facing = [s for s in steps if s.evidence and lanes[s.lane].zone in (Zone.CUSTOMER, Zone.FRONTSTAGE)]
    assert len(groups(root, "evidence")) == len(facing)
    assert groups(parse(_svg(case, evidence=False)), "evidence") == []


@CASES
def test_svg_is_safe(case):
    svg = _svg(case)
    root = parse(svg)
    allowed = {"svg", "g", "title", "polygon", "polyline", "path", "ellipse", "text"}
    for element in root.iter():
        assert element.tag.removeprefix(SVG) in allowed
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            assert "href" not in name.lower()
            assert "url(" not in value and "javascript:" not in value.lower()
    assert "<script" not in svg
    assert "<!DOCTYPE" not in svg and "http://www.w3.org/Graphics" not in svg


@CASES
def test_rendering_is_deterministic(case):
    assert render(_bp(case), "svg") == _svg(case)


def test_hostile_text_is_shown_literally():
    bp = _bp(FIXTURES / "hostile.yaml")
    root = parse(_svg(FIXTURES / "hostile.yaml"))
    texts = [t.replace("\xa0", " ").replace("\u2060", "") for g in groups(root) for t in g.texts()]
    assert root.find(f"{SVG}g/{SVG}title").text == bp.title
    first = next(g for g in groups(root, "step") if g.id == "step-0")
    shown = " ".join(t for t in first.texts()[:2])
    assert shown == bp.steps[0].label  # wrapped at the space, every character literal
    assert "step-0" not in shown and "lane-0-label" not in " ".join(texts)  # no \N substitution
    assert "• &lt;tag&gt; \\" in texts  # an entity-like label stays literal
    titles = {g.title for g in groups(root)}
    assert {s.id for s in bp.steps} <= titles
    assert {f"lane:{lane.id}" for lane in bp.lanes} <= titles


def test_the_app_finds_a_step_by_id_or_by_title():
    """``#step-<index>`` is the card's group; its ``<title>`` is the step id."""
    bp = _bp(EXAMPLES[0])
    root = parse(_svg(EXAMPLES[0]))
    by_id = {g.element.get("id"): g for g in groups(root)}
    for step in bp.steps:
        group = by_id[f"step-{step.index}"]
        assert group.title == step.id and "step" in group.classes
