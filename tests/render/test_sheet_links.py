"""Sheet-link tags ("→ 4", "1 →") on printed sheets stand apart: no two touch, none covers a card."""

from __future__ import annotations

import pytest
from generate import generate

from blueprint import load, loads
from blueprint.layout.pages import PageSpec, plan_pages
from blueprint.render import render_pages
from tests.conftest import EXAMPLES
from tests.render.helpers import Rect, groups, parse

CASES = [(path.name, path) for path in EXAMPLES] + [("generated-300", None)]
# The least white between two tags on the printed page, in points.
GAP = 4.0


def _gap(a: Rect, b: Rect) -> float:
    """How far apart two boxes are (along the axis where they are farther; negative: overlapping)."""
    return max(b.x0 - a.x1, a.x0 - b.x1, b.y0 - a.y1, a.y0 - b.y1)


def _rect(box) -> Rect:
    return Rect(box.x, box.y, box.right, box.bottom)


@pytest.mark.parametrize("name, path", CASES, ids=[name for name, _ in CASES])
def test_sheet_link_tags_keep_4_pt_apart_and_off_the_cards(name, path):
    bp = loads(generate(300)) if path is None else load(path)
    pages = [page for page in plan_pages(bp, PageSpec("a3")) if page.part == 0]
    assert sum(len(page.sheet.links) for page in pages) > 0
    for page in pages:
        tags = [_rect(link.box) for link in page.sheet.links]
        cards = [_rect(card.box) for card in page.sheet.cards]
        for i, tag in enumerate(tags):
            assert not any(tag.overlaps(card) for card in cards), (name, page.suffix, page.sheet.links[i].text)
            for other in tags[i + 1:]:
                assert _gap(tag, other) * page.scale >= GAP, (name, page.suffix, tag, other)


def test_the_drawn_tags_are_where_the_layout_put_them():
    """The same on the drawn sheets: each tag's frame in the SVG, apart from every other."""
    bp = load(next(path for path in EXAMPLES if path.name == "bank-branch.zh.yaml"))
    drawn = placed = 0
    for page, svg in render_pages(bp, "svg", page="a3"):
        tags = [group.rect() for group in groups(parse(svg), "sheet-link")]
        drawn += len(tags)
        placed += len(page.sheet.links) if page.part == 0 else 0  # a sheet in parts: each tag on one
        for i, tag in enumerate(tags):
            for other in tags[i + 1:]:
                assert _gap(tag, other) >= GAP, (page.suffix, tag, other)
    assert drawn == placed > 8  # the bank's branches continue on other sheets from many steps
