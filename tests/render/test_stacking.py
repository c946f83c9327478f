"""The compact layout: a lane whose steps in a phase would make the picture a wide strip gets
several rows, its steps down a column before the next, with short arrows between them."""

from __future__ import annotations

import pytest
from generate import dense, generate

from blueprint import load, loads
from blueprint.layout import layout
from tests.conftest import EXAMPLES

HEAD = "blueprint: 1\ntitle: t\n"
# A clerk's run of twelve steps in one phase, between the customer's arrival and departure.
RUN = HEAD + "lanes: [customer, {id: clerk, zone: frontstage}]\nphases: [{id: p}]\nsteps:\n- {id: in, lane: customer, label: Arrive, phase: p, next: c0}\n" + "".join(
    f"- {{id: c{i}, lane: clerk, label: Step {i}, phase: p, next: {f'c{i + 1}' if i < 11 else 'out'}}}\n"
    for i in range(12)) + "- {id: out, lane: customer, label: Leave, phase: p}\n"


def test_a_long_run_of_one_lane_is_stacked_down_its_columns():
    wide, compact = layout(loads(RUN), stack=False), layout(loads(RUN))
    assert compact.width < 0.6 * wide.width and compact.height > wide.height
    clerk = sorted((card for card in compact.cards if card.step.lane == "clerk"), key=lambda card: card.step.index)
    rows = sorted({card.row for card in clerk})
    assert len(rows) > 1
    (band,) = [band for band in compact.lanes if band.lane.id == "clerk"]
    assert all(band.box.contains(card.box) for card in clerk)
    # One step under the one before it in a column, then on to the top of the next column.
    for before, after in zip(clerk, clerk[1:]):
        assert (after.column, after.row) > (before.column, before.row)
        if after.column == before.column:
            assert after.row == before.row + 1
    # The arrow from a step to the one under it is short and straight down.
    for route in compact.routes:
        if route.source.column == route.target.column and route.source.step.lane == route.target.step.lane:
            (x0, y0), (x1, y1) = route.points
            assert x0 == x1 and 0 < y1 - y0 < 40


def test_a_lane_is_one_row_without_stacking_or_where_it_would_not_help():
    plain = layout(loads(RUN), stack=False)
    assert len({card.row for card in plain.cards}) == 2
    small = layout(loads(HEAD + "steps:\n- {id: a, lane: customer, label: A, next: b}\n"
                         "- {id: b, lane: frontstage, label: B, next: c}\n- {id: c, lane: customer, label: C}\n"))
    assert [(card.row, card.column) for card in small.cards] == [(0, 0), (1, 0), (0, 1)]


CASES = [(path.name, load(path)) for path in EXAMPLES]


@pytest.mark.parametrize("name, bp", CASES, ids=[name for name, _ in CASES])
def test_every_example_is_no_wider_for_its_height_and_the_hall_markedly_less(name, bp):
    wide, compact = layout(bp, stack=False), layout(bp)
    before, after = wide.width / wide.height, compact.width / compact.height
    assert after <= before + 1e-9
    if name.startswith("hall-walk"):  # the wide strip (hall-walk.zh was 3.3 : 1)
        assert after < 0.7 * before, (before, after)


@pytest.mark.parametrize("text", [generate(300), dense(300)], ids=["sparse-300", "dense-300"])
def test_a_strip_that_no_stacking_could_make_printable_keeps_one_row_per_lane(text):
    """Three rows to a lane could at best make a third as many columns: a journey of 300 steps
    stays a strip whatever is stacked, and a taller strip only costs time to place and draw."""
    bp = loads(text)
    picture, plain = layout(bp), layout(bp, stack=False)
    assert picture.width / picture.height > 3
    cells = [(card.row, card.column) for card in picture.cards]
    assert cells == [(card.row, card.column) for card in plain.cards]
    assert (picture.width, picture.height) == (plain.width, plain.height)
