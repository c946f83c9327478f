"""Step numbers on the picture: every card, evidence note and fail callout shows its step's number
in journey order, the SVG carries them, and the exports use the same numbers."""

from __future__ import annotations

import csv
import io
import json

import pytest

from blueprint import export, load, render
from blueprint.analysis.numbering import step_numbers
from blueprint.layout import layout
from blueprint.layout.pages import PageSpec, plan_pages
from tests.conftest import EXAMPLES

from .helpers import groups, parse


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_cards_notes_callouts_and_exports_show_the_same_number(path):
    bp = load(path)
    grid = layout(bp)
    expected = step_numbers(bp)
    shown = {card.step.id: card.number for card in grid.cards}
    for card in grid.cards:
        assert card.number == expected[card.step.index] >= 1
        # The tag sits on the card's top edge, inside its width, clear of the badges.
        assert card.box.x < card.number_box.x and card.number_box.right < card.box.right
        assert card.number_box.y < card.box.y < card.number_box.bottom
        assert not any(badge.box.overlaps(card.number_box) for badge in card.badges)
        for badge in card.badges:
            if badge.kind == "fail-point":
                assert badge.text.startswith(f"F{card.number} "), badge.text
    for note in grid.evidence:
        assert note.number == shown[note.step.id]
        assert note.box.x < note.number_box.x and note.number_box.right < note.box.right
        assert note.number_box.y < note.box.y < note.number_box.bottom
    if len(shown) == len(bp.steps):  # no duplicate ids: the exports name each step once
        G = bp.to_graph()
        rows = list(csv.DictReader(io.StringIO(export.inventory_csv(G).decode("utf-8-sig"))))
        assert rows and all(int(row["No."]) == shown[row["Step id"]] for row in rows)
        nodes = json.loads(export.graph_json(G))["nodes"]
        assert {node["id"]: node["number"] for node in nodes} == shown


def test_the_svg_carries_each_number_beside_its_step():
    path = next(p for p in EXAMPLES if p.name == "hall-walk.en.yaml")
    bp = load(path)
    root = parse(render(bp, "svg"))
    numbers = step_numbers(bp)
    tags = {g.id: g for g in groups(root, "step-number")}
    steps = {g.id for g in groups(root, "step")}
    assert len(tags) == len(steps) == len(bp.steps)
    for step in bp.steps:
        tag = tags[f"step-{step.index}-number"]
        assert tag.texts() == [str(numbers[step.index])]
        assert tag.title == f"step-number:{step.id}: {numbers[step.index]}"
    notes = groups(root, "evidence-number")
    assert notes and all(g.texts() == [str(numbers[int(g.id.split("-")[1])])] for g in notes)


def test_numbers_are_the_same_on_every_render_and_on_every_print_sheet():
    path = next(p for p in EXAMPLES if p.name == "hotel-stay.en.yaml")
    whole = {card.step.id: card.number for card in layout(load(path)).cards}
    assert whole == {card.step.id: card.number for card in layout(load(path)).cards}
    pages = plan_pages(load(path), PageSpec("a3"))
    assert len({page.sheet.window.number for page in pages}) > 1, "the test must see several sheets"
    on_sheets = {}
    for page in pages:
        on_sheets.update({card.step.id: card.number for card in page.sheet.cards})
    assert on_sheets == whole
