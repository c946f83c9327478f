"""Flow labels are never cut: every word of a label is on the picture, on as many lines as it needs,
on the whole drawing and on printed sheets alike; only a label the loader cut (longer than the
format allows) ends in an ellipsis."""

from __future__ import annotations

import re

import pytest
from generate import generate

from blueprint import load, loads
from blueprint.layout import layout
from blueprint.layout.pages import PageSpec, plan_pages
from blueprint.loader import MAX_LABEL_CHARS
from tests.conftest import EXAMPLES

from .test_layout import _covers, _segments

CASES = [(path.name, path) for path in EXAMPLES] + [("generated-300", None)]
_SPACE = re.compile(r"\s+")


def _pictures(bp):
    """The whole drawing, its A3 sheets and its A4 portrait sheets (narrower: tighter gaps)."""
    yield layout(bp)
    for spec in (PageSpec("a3"), PageSpec("a4", orientation="portrait")):
        yield from (page.sheet for page in plan_pages(bp, spec) if page.part == 0)


def _whole(route) -> bool:
    """The label's lines hold all of its text (the loader's own cut of an over-long label aside)."""
    label, lines = route.flow.label, route.label.lines
    cut_at_load = len(label) >= MAX_LABEL_CHARS and label.endswith("…")
    if lines[-1].endswith("…") and not cut_at_load:
        return False
    return _SPACE.sub("", "".join(lines)) == _SPACE.sub("", label)


@pytest.mark.parametrize("name, path", CASES, ids=[name for name, _ in CASES])
def test_no_flow_label_is_cut_on_the_drawing_or_a_sheet(name, path):
    bp = loads(generate(300)) if path is None else load(path)
    seen = 0
    for picture in _pictures(bp):
        for route in picture.routes:
            if route.label is not None:
                seen += 1
                assert _whole(route), (name, picture.title, route.flow.label, route.label.lines)
    assert seen or not any(flow.label for flow in bp.flows)


def _long_labels(words: int) -> str:
    label = " ".join(f"word{n}" for n in range(words))
    return (
        "blueprint: 1\ntitle: t\nsteps:\n"
        "- {id: a, lane: customer, label: A, next: [b]}\n"
        "- {id: b, lane: frontstage, label: B, next: [c]}\n"
        "- {id: c, lane: backstage, label: C, next: [d]}\n"
        "- {id: d, lane: frontstage, label: D, next: [e]}\n"
        "- {id: e, lane: customer, label: E}\n"
        "flows:\n"
        f"- {{from: c, to: b, kind: return, label: '{label}'}}\n"
        f"- {{from: e, to: a, kind: return, label: 'short {label}'}}\n"
    )


@pytest.mark.parametrize("words", [6, 20, 40])
def test_a_long_label_gets_the_lines_it_needs_and_covers_no_arrow_or_card(words):
    grid = layout(loads(_long_labels(words)))
    labelled = [route for route in grid.routes if route.label is not None]
    assert len(labelled) == 2
    for route in labelled:
        assert _whole(route), route.label.lines
        for other in grid.routes:
            if other is not route and other.points not in (route.points, route.points[::-1]):
                assert not any(_covers(route.label.box, segment) for segment in _segments(other))
        assert not any(route.label.box.overlaps(card.box) for card in grid.cards)


def test_a_label_longer_than_the_format_allows_ends_in_the_loaders_ellipsis():
    grid = layout(loads(_long_labels(MAX_LABEL_CHARS // 4)))
    (route, *_) = [route for route in grid.routes if route.label is not None]
    assert len(route.flow.label) == MAX_LABEL_CHARS and route.label.lines[-1].endswith("…")
