"""Labels by their edges and tags by cards: flow labels placed clear of cards, notes and other
edges, and on a print sheet the "→ 3" and "1 →" tags of flows that go on on another sheet."""

from __future__ import annotations

from collections import defaultdict

from ..model import Flow
from .columns import Columns, Wider
from .geometry import Box, Card, EvidenceNote, LinePlacement, PhaseBand, Route, SheetLink, Style, Window
from .grid import Grid
from .labels import Boxes, Edges, nearest, place_label
from .rows import Rows
from .text import text_width

__all__ = ["flow_labels", "sheet_links"]

# Sheet-link tags keep this far from each other; a tag tries this many slots down (up) its card's side.
_LINK_GAP = 4.5
_LINK_SLOTS = 40


def flow_labels(routes: list[Route], cards: list[Card], notes: list[EvidenceNote], phases: list[PhaseBand],
                 lines: list[LinePlacement], style: Style, columns: Columns, page: Rows) -> Wider:
    """Flow labels on their own edge, clear of cards, notes, lines and other labels, and crossing
    as few other edges as possible. Returns where the picture needs more room for its labels: for
    the gaps between columns where a label still covers another edge, the width to add so that it
    fits beside; for the gaps between lanes where a long label found no place clear of the cards,
    the height to add so that it fits between them (``("ch", r)``)."""
    if not any(route.flow.label for route in routes):
        return {}
    hard = Boxes()
    for box in [card.box for card in cards] + [note.box for note in notes] + [p.header for p in phases]:
        hard.add(box)
    for line in lines:
        hard.add(Box(line.x0, line.y - 4, line.x1 - line.x0, 8))
    # The header column: a wide label beside an edge in the first column stays in the drawing.
    hard.add(Box(0, 0, columns.header_x + columns.header_w, page.bottom))
    # A request and the answer drawn on its route back are one connector: either label may sit on it.
    connectors: dict[tuple, Route] = {}
    owners = [connectors.setdefault(min(tuple(route.points), tuple(route.points[::-1])), route) for route in routes]
    soft = Edges(routes, owners)
    centers = [columns.gap_center(k) for k in range(len(columns.gaps))]
    crowded: Wider = {}
    for route, owner in zip(routes, owners):
        if not route.flow.label:
            continue
        route.label = place_label(route, style, hard, soft, columns.gaps, centers, owner)
        if route.label is None:
            continue
        box = route.label.box
        if hard.hits(box) > 1:  # on a card or a line (besides itself): no stretch had the room
            r = min(range(1, len(page.channel_y)), key=lambda r: abs(page.channel_y[r] - box.cy))
            need = box.h + 2 * style.lane_pad + (box.h if page.is_zone_channel[r] else 0.0)
            crowded[("ch", r)] = max(crowded.get(("ch", r), 0.0), need)
        elif soft.hits(box, ignore=owner):
            k = nearest(centers, box.cx)  # one search, not a pass over every gap per label
            crowded[k] = max(crowded.get(k, 0.0), 2 * box.w + 8)
    return crowded


def sheet_links(flows: list[Flow], whole: Grid, grid: Grid, window: Window, cards: list[Card],
                 style: Style) -> list[SheetLink]:
    """A tag beside each card with a flow to or from another sheet: "→ 3" on its right for flows
    that continue on sheet 3, "1 →" on its left for flows that come from sheet 1."""
    ends: dict[tuple[int, bool, int], list] = defaultdict(list)
    for flow in flows:
        a, b = whole.position.get(flow.source.id), whole.position.get(flow.target.id)
        if a is None or b is None:
            continue
        sheet_a = window.sheet_of_column[whole.column[a]]
        sheet_b = window.sheet_of_column[whole.column[b]]
        if sheet_a == sheet_b:
            continue
        if sheet_a == window.number:
            ends[(grid.position[flow.source.id], True, sheet_b)].append(flow.target)
        elif sheet_b == window.number:
            ends[(grid.position[flow.target.id], False, sheet_a)].append(flow.source)
    size = style.flow_label_size
    h = style.lh(size) + 3
    taken = Boxes()  # the tags placed so far, grown by half the gap they keep from each other
    solid = Boxes()  # the cards, which a tag never covers
    for card in cards:
        solid.add(card.box)
    side: dict[tuple[int, bool], int] = defaultdict(int)
    links: list[SheetLink] = []
    for (i, outgoing, sheet), others in sorted(ends.items()):
        card = cards[i]
        text = f"→ {sheet}" if outgoing else f"{sheet} →"
        w = text_width(text, size) + 6
        x = card.box.right + 2 if outgoing else card.box.x - 2 - w
        # Down the card's right side from its top for flows leaving, up its left side from its
        # bottom for flows arriving (so the tags of two neighbouring cards in a gap stand apart);
        # the first slot clear of every tag placed so far, with a few points between them.
        box = None
        for k in range(side[(i, outgoing)], side[(i, outgoing)] + _LINK_SLOTS):
            y = card.box.y + 4 + k * (h + _LINK_GAP) if outgoing else card.box.bottom - 4 - h - k * (h + _LINK_GAP)
            box = Box(x, y, w, h)
            side[(i, outgoing)] = k + 1
            if not taken.hits(_grown(box, _LINK_GAP / 2)) and not solid.hits(box):
                break
        taken.add(_grown(box, _LINK_GAP / 2))
        links.append(SheetLink(card, outgoing, sheet, others, box, text))
    return links


def _grown(box: Box, by: float) -> Box:
    return Box(box.x - by, box.y - by, box.w + 2 * by, box.h + 2 * by)
