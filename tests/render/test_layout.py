"""The grid: rows from lanes in zone order, columns from phases and flow order, routes in the gaps."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from generate import generate

from blueprint import load, loads
from blueprint.durations import format_duration
from blueprint.layout import Box, flow_order, layout
from blueprint.layout.pages import PageSpec, plan_pages
from blueprint.layout.text import text_width
from blueprint.model import Zone
from tests.conftest import EXAMPLES, TEMPLATES

from .helpers import FIXTURES

HEAD = "blueprint: 1\ntitle: t\n"


def grid_of(yaml: str, **options):
    return layout(loads(HEAD + yaml), **options)


def cells(grid) -> dict[str, tuple[int, int]]:
    return {card.step.id: (card.row, card.column) for card in grid.cards}


def test_a_handoff_goes_straight_down_and_the_answer_comes_in_the_next_column():
    grid = grid_of(
        "steps:\n"
        "- {id: ask, lane: customer, label: A, next: greet}\n"
        "- {id: greet, lane: frontstage, label: B, next: answer}\n"
        "- {id: answer, lane: customer, label: C, next: record}\n"
        "- {id: record, lane: support, label: D}\n"
    )
    assert cells(grid) == {"ask": (0, 0), "greet": (1, 0), "answer": (0, 1), "record": (3, 1)}
    # record sits straight under answer: the handoff is one vertical line.
    route = grid.routes[-1]
    assert len(route.points) == 2 and route.points[0][0] == route.points[1][0]


def test_rows_follow_zone_order_whatever_the_file_order():
    grid = grid_of(
        "lanes:\n"
        "- {id: boss, zone: support}\n- {id: clerk, zone: frontstage}\n- {id: me, zone: customer}\n"
        "- {id: guide, zone: frontstage}\n- {id: back, zone: backstage}\n"
        "steps:\n- {id: a, lane: me, label: A}\n"
    )
    assert [band.lane.id for band in grid.lanes] == ["me", "clerk", "guide", "back", "boss"]
    tops = [band.box.y for band in grid.lanes]
    assert tops == sorted(tops)


def test_a_zone_without_lanes_keeps_an_empty_row_so_the_lines_stay_in_order():
    grid = grid_of("lanes: [customer, support]\nsteps:\n- {id: a, lane: customer, label: A}\n")
    assert [(zone.zone, zone.empty) for zone in grid.zones] == [
        (Zone.CUSTOMER, False), (Zone.FRONTSTAGE, True), (Zone.BACKSTAGE, True), (Zone.SUPPORT, False)]
    ys = [line.y for line in grid.lines]
    assert ys == sorted(ys) and len(set(ys)) == 3


def test_phases_are_column_bands_in_file_order_even_against_the_flow():
    grid = grid_of(
        "phases: [one, two]\n"
        "steps:\n"
        "- {id: late, lane: customer, phase: two, label: L, next: early}\n"
        "- {id: early, lane: customer, phase: one, label: E}\n"
    )
    assert cells(grid) == {"late": (0, 1), "early": (0, 0)}
    one, two = grid.phases
    assert one.box.right < two.box.x


def test_steps_without_a_phase_take_their_predecessors_then_their_successors():
    grid = layout(load(FIXTURES / "unphased.yaml"))
    column = {card.step.id: card.column for card in grid.cards}
    bands = {band.phase.id if band.phase else None: band for band in grid.phases}
    ask, done, rest = bands["ask"], bands["done"], bands[None]
    assert ask.first <= column["walk-in"] <= ask.last  # from its successor greet
    assert ask.first <= column["check"] <= ask.last  # from its predecessor ask-need
    assert done.first <= column["answer"] <= done.last
    # No phase, no neighbours with one (or an unknown phase): the unlabelled band at the end.
    assert rest.first <= column["leave"] and rest.first <= column["lonely"]
    assert rest.header is not None and rest.lines == []


def test_without_phases_there_is_one_unlabelled_band():
    grid = grid_of("steps:\n- {id: a, lane: customer, label: A}\n")
    assert [band.phase for band in grid.phases] == [None]


def test_return_flows_do_not_order_steps_and_cycles_break_at_their_first_step():
    grid = grid_of(
        "steps:\n"
        "- {id: a, lane: customer, label: A, next: b}\n"
        "- {id: b, lane: customer, label: B, next: c}\n"
        "- {id: c, lane: customer, label: C, next: a}\n"
        "flows:\n- {from: c, to: b, kind: return}\n"
    )
    assert [cells(grid)[s] for s in "abc"] == [(0, 0), (0, 1), (0, 2)]


def test_flow_order():
    assert flow_order(3, [(2, 0), (0, 1)]) == [2, 0, 1]
    assert flow_order(3, [(0, 1), (1, 2), (2, 0)]) == [0, 1, 2]


def test_cells_a_straight_handoff_passes_are_kept_free():
    grid = grid_of(
        "steps:\n"
        "- {id: a, lane: customer, label: A, next: [b, x]}\n"
        "- {id: b, lane: backstage, label: B}\n"
        "- {id: x, lane: frontstage, label: X}\n"
    )
    # a -> b goes straight down through the frontstage row, so x moves to the next column.
    assert cells(grid) == {"a": (0, 0), "b": (2, 0), "x": (1, 1)}


def test_steps_in_unknown_lanes_are_skipped_not_fatal():
    grid = grid_of("steps:\n- {id: a, lane: customer, label: A, next: b}\n- {id: b, lane: nowhere, label: B}\n")
    assert [card.step.id for card in grid.cards] == ["a"]
    assert [step.id for step in grid.skipped] == ["b"]
    assert grid.routes == []


def test_evidence_of_customer_facing_steps_sits_in_their_column():
    grid = grid_of(
        "steps:\n"
        "- {id: a, lane: customer, label: A, evidence: [ticket], next: b}\n"
        "- {id: b, lane: frontstage, label: B, evidence: [badge], next: c}\n"
        "- {id: c, lane: backstage, label: C, evidence: [ledger]}\n"
    )
    notes = {note.step.id: note for note in grid.evidence}
    assert set(notes) == {"a", "b"}  # backstage evidence is not seen by the customer
    cards = {card.step.id: card for card in grid.cards}
    # a and b share a column: their notes stand side by side over it, the customer's on the left.
    assert notes["a"].box.right < notes["b"].box.x and notes["a"].box.y == notes["b"].box.y
    assert notes["a"].box.bottom < cards["a"].box.y
    for step in "ab":
        assert notes[step].box.x < cards[step].box.right and cards[step].box.x < notes[step].box.right
    assert grid_of("steps:\n- {id: a, lane: customer, label: A, evidence: [x]}\n", evidence=False).evidence == []


def _real_grids():
    for path in [*EXAMPLES, *TEMPLATES, FIXTURES / "hostile.yaml", FIXTURES / "unphased.yaml"]:
        yield path.name, layout(load(path))
    for n in (60, 500):
        yield f"generated-{n}", layout(loads(generate(n)))
    # The sheets of an A3 print, laid out for their pages (rows closed up, lanes stacked for the page).
    for path in EXAMPLES:
        for page in plan_pages(load(path), PageSpec("a3")):
            if page.part == 0:
                yield f"{path.name}-a3-{page.suffix}", page.sheet


REAL = list(_real_grids())


@pytest.mark.parametrize("name, grid", REAL, ids=[name for name, _ in REAL])
def test_routes_are_orthogonal_and_run_between_cards(name, grid):
    cards = [card.box for card in grid.cards]
    for route in grid.routes:
        points = route.points
        assert len(points) >= 2
        for (x0, y0), (x1, y1) in pairwise(points):
            assert x0 == x1 or y0 == y1, "every segment is horizontal or vertical"
            segment = Box(min(x0, x1) + 0.5, min(y0, y1) + 0.5, max(abs(x1 - x0) - 1, 0), max(abs(y1 - y0) - 1, 0))
            for box in cards:
                inner = Box(box.x + 1, box.y + 1, box.w - 2, box.h - 2)
                assert not segment.overlaps(inner), f"{route.source.step.id}->{route.target.step.id} crosses a card"
        # The edge leaves the source card's border and ends on the target card's border.
        assert _on_border(points[0], route.source.box) and _on_border(points[-1], route.target.box)


def _on_border(point, box: Box) -> bool:
    x, y = point
    on_x = box.x - 0.01 <= x <= box.right + 0.01
    on_y = box.y - 0.01 <= y <= box.bottom + 0.01
    return (on_x and (abs(y - box.y) < 0.01 or abs(y - box.bottom) < 0.01)) or (
        on_y and (abs(x - box.x) < 0.01 or abs(x - box.right) < 0.01))


@pytest.mark.parametrize("name, grid", REAL, ids=[name for name, _ in REAL])
def test_card_text_fits_the_card_and_labels_sit_clear_of_cards(name, grid):
    style = grid.style
    inner = style.card_width - 2 * style.card_pad_x
    for card in grid.cards:
        assert all(text_width(line, style.label_size) <= inner for line in card.lines)
        assert all(text_width(line, style.small_size) <= inner for line in card.meta)
        for badge in card.badges:
            assert badge.box.right <= card.box.right
    boxes = [card.box for card in grid.cards] + [note.box for note in grid.evidence]
    for route in grid.routes:
        if route.label is not None:
            assert not any(route.label.box.overlaps(box) for box in boxes)


def _broken_words(text: str, lines: list[str]) -> list[str]:
    """Pieces of Latin words in ``lines`` that are not whole words of ``text`` (a break after a
    hyphen or slash, and an ellipsis at the end, are fine)."""
    words = set(re.findall(r"[A-Za-z0-9'’.,;:!?()&+-/]+", text))
    bad = []
    for line in lines:
        for token in re.findall(r"[A-Za-z0-9'’.,;:!?()&+-/]+", line.removesuffix("…")):
            whole = token in words or token.endswith(("-", "/"))
            cut_by_ellipsis = line.endswith("…") and any(w.startswith(token) for w in words)
            after_hyphen = any(w.endswith(token) and w[: -len(token)].endswith(("-", "/")) for w in words)
            if not (whole or cut_by_ellipsis or after_hyphen):
                bad.append(token)
    return bad


PRINTED = [(name, grid) for name, grid in REAL if name not in ("hostile.yaml",)] + [
    ("generated-300", layout(loads(generate(300))))]


@pytest.mark.parametrize("name, grid", PRINTED, ids=[name for name, _ in PRINTED])
def test_no_word_is_broken_across_lines(name, grid):
    for card in grid.cards:
        assert not _broken_words(card.step.label, card.lines), card.step.id
        duration = format_duration(card.step.duration, grid.locale) if card.step.duration else ""
        assert not _broken_words(f"{card.step.owner or ''} {duration}", card.meta), card.step.id
    for route in grid.routes:
        if route.label is not None:
            assert not _broken_words(route.flow.label, route.label.lines), route.flow.label
    for band in grid.lanes:
        assert not _broken_words(band.lane.display_label(grid.locale), band.lines)


@pytest.mark.parametrize("name, grid", PRINTED, ids=[name for name, _ in PRINTED])
def test_no_route_runs_above_the_customer_lane(name, grid):
    top = min(zone.box.y for zone in grid.zones)
    for route in grid.routes:
        assert all(y >= top - 0.01 for _, y in route.points), f"{route.source.step.id}->{route.target.step.id}"


def _parallel_gaps(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> list[float]:
    """Distances between parallel, overlapping segments of two routes."""
    gaps = []
    for (ax0, ay0), (ax1, ay1) in pairwise(a):
        for (bx0, by0), (bx1, by1) in pairwise(b):
            if ax0 == ax1 and bx0 == bx1 and min(max(ay0, ay1), max(by0, by1)) - max(min(ay0, ay1), min(by0, by1)) > 1:
                gaps.append(abs(ax0 - bx0))
            if ay0 == ay1 and by0 == by1 and min(max(ax0, ax1), max(bx0, bx1)) - max(min(ax0, ax1), min(bx0, bx1)) > 1:
                gaps.append(abs(ay0 - by0))
    return gaps


@pytest.mark.parametrize("name, grid", PRINTED, ids=[name for name, _ in PRINTED])
def test_a_request_and_its_answer_are_one_connector_or_far_apart(name, grid):
    by_ends = {}
    for route in grid.routes:
        by_ends.setdefault((route.source.step.index, route.target.step.index), []).append(route)
    for route in grid.routes:
        if route.kind.value != "return":
            continue
        for request in by_ends.get((route.target.step.index, route.source.step.index), []):
            if request.kind.value == "recovery":
                continue
            merged = route.points == request.points[::-1]
            assert merged or all(gap == 0 or gap >= 24 for gap in _parallel_gaps(route.points, request.points)), (
                f"{request.source.step.id} <-> {route.source.step.id}")


def _segments(route) -> list[Box]:
    return [Box(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)) for (x0, y0), (x1, y1) in pairwise(route.points)]


def _covers(label: Box, segment: Box) -> bool:
    """The label's box has part of the segment inside it (a segment along its border is fine)."""
    return label.x < segment.right and segment.x < label.right and label.y < segment.bottom and segment.y < label.bottom


@pytest.mark.parametrize("name, grid", PRINTED, ids=[name for name, _ in PRINTED])
def test_no_flow_label_covers_another_arrow_or_a_card(name, grid):
    labelled = [route for route in grid.routes if route.label is not None]
    assert labelled or name not in ("hall-walk.en.yaml", "generated-300"), "the test must see labels"
    for route in labelled:
        box = route.label.box
        for other in grid.routes:
            if other is route or other.points in (route.points, route.points[::-1]):
                continue  # its own connector: a request and the answer drawn on its route
            assert not any(_covers(box, segment) for segment in _segments(other)), (
                f"the label {route.flow.label!r} of {route.source.step.id}->{route.target.step.id} covers "
                f"{other.source.step.id}->{other.target.step.id}")
        assert not any(box.overlaps(card.box) for card in grid.cards), route.flow.label


def _side(point, box: Box) -> str:
    x, y = point
    if abs(y - box.y) < 0.01:
        return "top"
    if abs(y - box.bottom) < 0.01:
        return "bottom"
    return "left" if abs(x - box.x) < 0.01 else "right"


def _card_ends(grid) -> dict[tuple[int, str], list[tuple[float, bool]]]:
    """Per card and side, where connectors meet it (along the side) and whether they leave it
    there; a request and the answer drawn on its route are one connector."""
    ends: dict[tuple[int, str], list[tuple[float, bool]]] = {}
    seen = set()
    for route in grid.routes:
        key = min(tuple(route.points), tuple(route.points[::-1]))
        if key in seen:
            continue
        seen.add(key)
        for point, card, leaves in ((route.points[0], route.source, True), (route.points[-1], route.target, False)):
            side = _side(point, card.box)
            along = point[0] if side in ("top", "bottom") else point[1]
            ends.setdefault((card.step.index, side), []).append((along, leaves))
    return ends


@pytest.mark.parametrize("name, grid", PRINTED, ids=[name for name, _ in PRINTED])
def test_arrows_on_one_card_side_are_spread_and_a_branch_up_and_down_does_not_read_as_one_line(name, grid):
    ends = _card_ends(grid)
    boxes = {card.step.index: card.box for card in grid.cards}
    crowded_sides = 0
    for (index, side), found in ends.items():
        if len(found) > 1:
            crowded_sides += 1
            along = sorted(a for a, _ in found)
            # Arrowheads stand apart: two arrowheads' width along the left and right sides, more
            # along the top and bottom; where a card's height holds fewer at that spacing, they
            # spread over the side and still do not touch.
            box = boxes[index]
            least = 14 if side in ("left", "right") else 20
            if side in ("left", "right") and (len(along) - 1) * least > box.h - 18:
                least = grid.style.arrow + 3
            assert min(b - a for a, b in pairwise(along)) >= least - 0.01, (name, index, side, along)
    assert crowded_sides or name not in ("hall-walk.en.yaml", "generated-300"), "the test must see busy sides"
    for card in grid.cards:
        up = {round(a, 2) for a, leaves in ends.get((card.step.index, "top"), []) if leaves}
        down = {round(a, 2) for a, leaves in ends.get((card.step.index, "bottom"), []) if leaves}
        assert not up & down, f"{card.step.id}: two flows leave its top and bottom at the same x"


@pytest.mark.parametrize("name, grid", PRINTED, ids=[name for name, _ in PRINTED])
def test_each_evidence_note_stands_over_its_own_step_and_under_no_other_note(name, grid):
    cards = {card.step.index: card.box for card in grid.cards}
    shared = 0
    for note in grid.evidence:
        box, card = note.box, cards[note.step.index]
        assert grid.evidence_band.contains(box), note.step.id
        # Over its step: most of the note lies within the step's column (with three or more
        # notes over one column, at least part of each, the notes centred on the column).
        sharing = [other.box for other in grid.evidence if other.column == note.column]
        least = box.w / 2 if len(sharing) <= 2 else 1
        assert min(box.right, card.right) - max(box.x, card.x) >= least, note.step.id
        middle = (min(b.x for b in sharing) + max(b.right for b in sharing)) / 2
        assert abs(middle - card.cx) < 0.5, note.step.id
        # No other note above or below it: their spans across the page do not meet.
        others = [other for other in grid.evidence if other is not note and other.box.x < box.right
                  and box.x < other.box.right]
        assert not others, (note.step.id, [other.step.id for other in others])
        shared += sum(1 for other in grid.evidence if other.column == note.column) > 1
    assert shared or name not in ("hall-walk.en.yaml", "hall-walk.zh.yaml"), "the test must see a shared column"
    if name in ("hall-walk.en.yaml", "hall-walk.zh.yaml"):  # the guide's uniform stands over the guide's greeting
        (greet,) = [note for note in grid.evidence if note.step.id == "greet"]
        (enter,) = [note for note in grid.evidence if note.step.id == "enter"]
        assert greet.column == enter.column and enter.box.right < greet.box.x


@pytest.mark.parametrize("name, grid", REAL, ids=[name for name, _ in REAL])
def test_every_card_lies_inside_its_lane_and_its_phase(name, grid):
    lanes = {band.lane.id: band.box for band in grid.lanes}
    for card in grid.cards:
        assert lanes[card.step.lane].contains(card.box), card.step.id
        (phase,) = [band for band in grid.phases if band.first <= card.column <= band.last]
        assert phase.box.contains(card.box), card.step.id
