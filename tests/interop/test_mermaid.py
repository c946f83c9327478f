"""Mermaid: every example's flowchart and journey read by Mermaid's own parser; journeys imported."""

from __future__ import annotations

import re

import pytest

from blueprint import BlueprintError, load, loads
from blueprint.interop.mermaid import export_flowchart, export_journey, import_journey
from blueprint.model import Zone
from tests.conftest import EXAMPLES

# The journey examples of Mermaid's documentation (docs/syntax/userJourney.md, mermaid 11).
MERMAID_DOCS_JOURNEY = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""


@pytest.fixture(scope="module")
def read_by_mermaid(node_check):
    bps = [load(path) for path in EXAMPLES]
    items = [{"kind": "mermaid", "text": export_flowchart(bp).content.decode()} for bp in bps]
    items += [{"kind": "mermaid", "text": export_journey(bp).content.decode()} for bp in bps]
    results = node_check(items)
    return bps, results[:len(bps)], results[len(bps):]


def test_mermaid_reads_every_flowchart_with_its_lanes_steps_and_flows(read_by_mermaid):
    bps, flowcharts, _ = read_by_mermaid
    for bp, read in zip(bps, flowcharts):
        assert read.get("type") == "flowchart-v2", (bp.title, read.get("error"))
        lanes = bp.lanes_in_zone_order()
        # Mermaid lists subgraphs innermost first; ours are flat, so in the order written.
        assert [s["title"] for s in read["subgraphs"]] == [lane.display_label(bp.locale) for lane in lanes]
        for subgraph, lane in zip(read["subgraphs"], lanes):
            assert len(subgraph["nodes"]) == sum(1 for _ in bp.steps_in_lane(lane.id))
        texts = sorted(v["text"] for v in read["vertices"])
        assert texts == sorted(re.sub(r"\s+", " ", s.label).strip() for s in bp.steps)
        assert len(read["edges"]) == len(bp.flows) + len(bp.recoveries)
        dotted = sum(1 for e in read["edges"] if e["stroke"] == "dotted")
        assert dotted == sum(1 for f in [*bp.flows, *bp.recoveries] if f.kind.value in ("support", "recovery"))


def test_mermaid_reads_every_journey_with_phases_customer_steps_and_scores(read_by_mermaid):
    bps, _, journeys = read_by_mermaid
    for bp, read in zip(bps, journeys):
        assert read.get("type") == "journey", (bp.title, read.get("error"))
        customer = [s for s in bp.steps if s.zone is Zone.CUSTOMER]
        assert len(read["tasks"]) == len(customer)
        by_label = {re.sub(r"\s+", " ", s.label).strip().replace(":", "："): s for s in customer}
        for task in read["tasks"]:
            step = by_label[task["task"]]
            assert task["score"] == (3 if step.emotion is None else step.emotion + 3)
        phases = [p.display_label() for p in bp.phases if any(s.phase == p.id for s in customer)]
        assert [s for s in read["sections"] if s in phases] == phases


def test_mermaid_refuses_what_is_not_mermaid(node_check):
    [result] = node_check([{"kind": "mermaid", "text": "flowchart LR\n  a -->"}])
    assert "Parse error" in result["error"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_journey_round_trips_phases_customer_steps_and_emotions(path):
    bp = load(path)
    exported = export_journey(bp)
    back = loads(import_journey(exported.content, "j.mmd").yaml, "j.yaml")
    assert back.problems == []
    customer = [s for s in bp.steps if s.zone is Zone.CUSTOMER]
    rank = {p.id: i for i, p in enumerate(bp.phases)}
    customer.sort(key=lambda s: (rank.get(s.phase, len(rank)) if s.phase else len(rank) + 1, s.index))
    assert [s.label.replace(":", "：") for s in back.steps] == [re.sub(r"\s+", " ", s.label).strip().replace(
        ":", "：") for s in customer]
    assert [s.emotion for s in back.steps] == [0 if s.emotion is None else s.emotion for s in customer]
    labels = {p.id: p.display_label() for p in bp.phases}
    assert [back.phase_by_id[s.phase].display_label() for s in back.steps] == [labels[s.phase] for s in customer]
    assert back.title == bp.title
    assert any("neutral" in m.en for m in exported.lost) == any(s.emotion is None for s in customer)


def test_the_journey_from_mermaids_documentation_imports(node_check):
    imported = import_journey(MERMAID_DOCS_JOURNEY.encode(), "day.mmd")
    bp = loads(imported.yaml, "day.yaml")
    assert bp.problems == []
    assert bp.title == "My working day"
    assert [p.display_label() for p in bp.phases] == ["Go to work", "Go home"]
    assert [(s.label, s.emotion, s.lane, s.owner) for s in bp.steps] == [
        ("Make tea", 2, "Me", "Me"), ("Go upstairs", 0, "Me", "Me"), ("Do work", -2, "Me", "Me, Cat"),
        ("Go downstairs", 2, "Me", "Me"), ("Sit down", 2, "Me", "Me")]
    assert bp.lane_by_id["Me"].zone is Zone.CUSTOMER
    # Exported again, Mermaid reads the same tasks and scores as from the original.
    original, again = node_check([{"kind": "mermaid", "text": MERMAID_DOCS_JOURNEY},
                                  {"kind": "mermaid", "text": export_journey(bp).content.decode()}])
    assert [(t["task"], t["score"], t["section"]) for t in again["tasks"]] == [
        (t["task"], t["score"], t["section"]) for t in original["tasks"]]


def test_a_second_actor_gets_a_lane_with_a_guessed_zone():
    text = "journey\n  title 缴费\n  section 到店\n    说明需求: 3: 客户\n    受理: 4: 营业员\n"
    imported = import_journey(text.encode(), "pay.mmd")
    bp = loads(imported.yaml)
    assert [(s.lane, s.zone.value) for s in bp.steps] == [("客户", "customer"), ("营业员", "frontstage")]
    assert any("营业员" in m.zh for m in imported.notes)


@pytest.mark.parametrize("text, where", [
    ("flowchart LR\n  a --> b\n", "x.mmd:1:1: not a Mermaid journey"),
    ("journey\n  title t\n  section s\n    Make tea: lots: Me\n", "x.mmd:4:14: the score 'lots' is not a number"),
    ("journey\n  title t\n  just words\n", "x.mmd:3:3: not a journey line"),
])
def test_bad_journeys_are_refused_at_their_line_and_column(text, where):
    with pytest.raises(BlueprintError) as caught:
        import_journey(text.encode(), "x.mmd")
    assert str(caught.value).startswith(where)
