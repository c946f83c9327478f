"""Layout that stays near-linear: tracks by a sweep, free stretches by binary search, and a picture
too large to read refused before any work is done."""

from __future__ import annotations

from itertools import pairwise

import pytest
from generate import dense, isolated
from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint import loads
from blueprint.cli import main
from blueprint.layout import Box, layout
from blueprint.layout.routing import Plan, Router, Segment, assign_tracks
from blueprint.render import READABLE_STEPS, TooLargeError, render

_segments = st.lists(
    st.tuples(st.sampled_from(["c", "r", "g", "ch"]), st.integers(0, 40), st.integers(0, 40)), max_size=60)


@settings(max_examples=200, deadline=None)
@given(_segments)
def test_segments_on_one_track_never_overlap_and_tracks_are_as_few_as_the_overlaps(raw):
    segments = [Segment("h", (kind, 0), min(a, b), max(a, b)) for kind, a, b in raw]
    counts = assign_tracks([Plan("left", "right", segments)])
    for kind in {s.resource[0] for s in segments}:
        mine = [s for s in segments if s.resource[0] == kind]
        for a in mine:
            for b in mine:
                if a is not b and a.track == b.track:
                    first, second = sorted((a, b), key=lambda s: (s.lo, s.hi))
                    # Apart, or meeting in the middle of a card (odd position) in a card's row or column.
                    meet = second.lo == first.hi and second.lo % 2 == 1 and kind in ("c", "r")
                    assert first.hi < second.lo or meet
        # First fit by start is optimal for intervals: no more tracks than segments over one point.
        deepest = max(sum(1 for s in mine if s.lo <= x <= s.hi) for x in range(41))
        assert counts[(kind, 0)] <= deepest
        # A segment spreads over the tracks of the segments it overlaps: one width for all of them.
        for a in mine:
            assert a.track < a.width
            for b in mine:
                if a.lo <= b.hi and b.lo <= a.hi:
                    assert a.width == b.width


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20), st.booleans()), min_size=1, max_size=30))
def test_two_routes_share_a_track_through_a_card_only_when_one_arrives_and_the_other_leaves(raw):
    """One route per segment in a card column: each leaves its source card (downwards, or upwards)."""
    plans = []
    for a, b, down in raw:
        if a != b:
            lo, hi = 2 * min(a, b) + 1, 2 * max(a, b) + 1
            plans.append(Plan("bottom" if down else "top", "top" if down else "bottom",
                              [Segment("v", ("c", 0), lo, hi)]))
    assign_tracks(plans)
    ends = [(plan.segments[0], plan.start) for plan in plans]
    for first, start in ends:
        for second, other in ends:
            if first is not second and first.track == second.track and first.hi == second.lo:
                # `first` ends where `second` begins: one arrives there and the other leaves.
                first_arrives = start == "bottom"  # going down, it arrives at its hi
                second_arrives = other == "top"  # going up, it arrives at its lo
                assert first_arrives != second_arrives


@settings(max_examples=200, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 5), st.integers(0, 12)), min_size=2, max_size=40), st.data())
def test_a_planned_route_never_runs_through_a_card(occupied, data):
    cards = sorted(occupied)
    (ra, ca), (rb, cb) = data.draw(st.permutations(cards))[:2]
    plan = Router(occupied, {2, 4}).plan(ra, ca, rb, cb)
    for segment in plan.segments:
        kind, index = segment.resource
        inside = range(int(segment.lo) + 1, int(segment.hi) + 1) if segment.hi > segment.lo else ()
        crossed = [p // 2 for p in inside if p % 2 == 1 and p < segment.hi]  # card middles strictly between
        if kind == "r":
            assert not any((index, c) in occupied for c in crossed), plan
        elif kind == "c":
            assert not any((r, index) in occupied for r in crossed), plan


@pytest.mark.parametrize("text", [dense(300), isolated(2000)], ids=["dense-300", "isolated-2000"])
def test_dense_and_isolated_files_are_placed_without_a_route_through_a_card(text):
    grid = layout(loads(text))
    cells = {(card.row, card.column) for card in grid.cards}
    assert len(cells) == len(grid.cards), "one card per cell"
    boxes = [Box(c.box.x + 1, c.box.y + 1, c.box.w - 2, c.box.h - 2) for c in grid.cards]
    for route in grid.routes:
        for (x0, y0), (x1, y1) in pairwise(route.points):
            segment = Box(min(x0, x1) + 0.5, min(y0, y1) + 0.5, max(abs(x1 - x0) - 1, 0), max(abs(y1 - y0) - 1, 0))
            assert not any(segment.overlaps(box) for box in boxes)


def test_more_steps_than_a_picture_can_show_are_refused_with_the_way_to_print_sheets(tmp_path, capsys):
    big = loads(isolated(READABLE_STEPS + 1))
    with pytest.raises(TooLargeError) as caught:
        render(big, "svg")
    assert "--page" in str(caught.value) and "5,001" in str(caught.value)
    assert "--page" in caught.value.text("zh") and "图纸" in caught.value.text("zh")
    path = tmp_path / "big.yaml"
    path.write_text(isolated(READABLE_STEPS + 1), encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "big.svg")]) == 2
    assert "too many for one picture" in capsys.readouterr().err
    assert not (tmp_path / "big.svg").exists()
