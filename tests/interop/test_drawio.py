"""draw.io export: parsed the way draw.io reads a file (an uncompressed mxfile/diagram/mxGraphModel)."""

from __future__ import annotations

import pytest
from defusedxml.ElementTree import fromstring

from blueprint import load, loads
from blueprint.interop.drawio import export_drawio
from blueprint.model import Line
from tests.conftest import EXAMPLES


def geometry(cell):
    g = cell.find("mxGeometry")
    return [float(g.get(k, 0)) for k in ("x", "y", "width", "height")]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_opens_as_a_drawio_board(path):
    bp = load(path)
    root = fromstring(export_drawio(bp).content)
    assert root.tag == "mxfile"
    [diagram] = root.findall("diagram")
    model = diagram.find("mxGraphModel")  # uncompressed: the model is an element, not base64 text
    assert model is not None and not (diagram.text or "").strip()
    cells = model.find("root").findall("mxCell")
    by_id = {cell.get("id"): cell for cell in cells}
    assert len(by_id) == len(cells), "cell ids are unique"
    assert cells[0].get("id") == "0" and cells[1].get("parent") == "0"
    for cell in cells[1:]:
        assert cell.get("parent") in by_id, cell.get("id")  # every parent is defined...
        assert list(by_id).index(cell.get("parent")) < list(by_id).index(cell.get("id"))  # ...before it
    lanes = [cell for cell in cells if "swimlane" in (cell.get("style") or "")]
    assert len(lanes) == len(bp.lanes_in_zone_order())
    tops = [geometry(lane)[1] for lane in lanes]
    assert tops == sorted(tops), "lanes top to bottom in zone order"
    steps = [cell for cell in cells if cell.get("id", "").startswith("step-")]
    assert len(steps) == len(bp.steps)
    for step in steps:
        lane = by_id[step.get("parent")]
        assert lane in lanes
        x, y, w, h = geometry(step)
        _, _, lane_w, lane_h = geometry(lane)
        assert 0 <= x and x + w <= lane_w and 0 <= y and y + h <= lane_h, step.get("id")
    edges = [cell for cell in cells if cell.get("edge") == "1" and cell.get("source")]
    assert len(edges) == len(bp.flows) + len(bp.recoveries)
    for edge in edges:
        assert edge.get("source") in by_id and edge.get("target") in by_id
    lines = [cell for cell in cells if cell.get("id", "").startswith("line-")]
    assert [cell.get("value") for cell in lines] == [line.label(bp.locale) for line in Line]


def test_text_is_escaped_for_the_html_labels_draw_io_renders():
    bp = loads("blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: '<img src=x onerror=alert(1)>'}\n")
    root = fromstring(export_drawio(bp).content)
    [card] = [c for c in root.iter("mxCell") if c.get("id") == "step-1"]
    assert card.get("value").startswith("&lt;img") and "<img" not in card.get("value")
