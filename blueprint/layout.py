"""The grid of a service blueprint: rows from lanes in zone order, columns from phases and flow order.

Pure geometry, no Graphviz: every card, band, line, note, badge and edge route in points, with the
origin at the top-left corner and ``y`` growing downwards (the DOT writer flips it).

Rows: the physical evidence row on top, then every lane grouped by zone (customer, frontstage,
backstage, support; lanes of one zone in file order). A zone without lanes still gets a short empty
row, so the three lines always sit between the right zones.

Columns: phases are bands left to right in file order. Inside a band, steps come in flow order (a
topological order of ``next:`` and ``flows:`` without ``return`` flows; a cycle is broken at its
earliest step in the file). A step takes the first free cell of its lane at or after its
predecessors' columns: one column later for a predecessor in the same lane, the *same* column for a
predecessor in another lane, so a handoff goes straight down or up; the cells such a straight
handoff passes through are kept free.

Steps without a (known) phase take the phase of their latest predecessor in flow order, else of
their earliest successor; steps with neither go in an unlabelled band after the phases (the only
band when the blueprint has no phases).

Edges are routed here, orthogonally, through the gaps between cards: a straight line when the cells
between are free, else an L or a Z through the gaps between columns, else along the gaps between
lanes. Edges that share a gap get their own tracks, and gaps widen to fit them.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from .durations import format_duration
from .model import Blueprint, Flow, FlowKind, Lane, Line, Phase, Step, Zone
from .gcpause import paused_gc
from .render.text import ellipsize, text_width, wrap
from .words import normalize, word

__all__ = [
    "Badge",
    "Box",
    "Card",
    "EvidenceNote",
    "FlowLabel",
    "LaneBand",
    "Layout",
    "LegendItem",
    "LinePlacement",
    "PhaseBand",
    "Route",
    "Style",
    "ZoneBand",
    "layout",
]

# An evidence item starts with a bullet; its further lines start after an ideographic space as wide.
_BULLET = "• "
_HANG = "\u3000 "
# Bold text (titles, headers, row and line names) is this much wider than the regular text measured.
_BOLD = 1.1


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: top-left corner ``x, y``, width ``w``, height ``h`` (points, y down)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def contains(self, other: Box, slack: float = 0.01) -> bool:
        """True when ``other`` lies inside this box.

        >>> Box(0, 0, 10, 10).contains(Box(2, 2, 3, 3))
        True
        """
        return (other.x >= self.x - slack and other.y >= self.y - slack
                and other.right <= self.right + slack and other.bottom <= self.bottom + slack)

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share more than an edge.

        >>> Box(0, 0, 10, 10).overlaps(Box(10, 0, 5, 5))
        False
        """
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


@dataclass(frozen=True)
class Style:
    """Sizes in points. The defaults make an A3-friendly picture at 100 %."""

    card_width: float = 140
    card_pad_x: float = 7
    card_pad_y: float = 6
    card_min_height: float = 46
    label_size: float = 10
    small_size: float = 8
    badge_size: float = 7
    badge_height: float = 12
    note_size: float = 8
    header_size: float = 10
    title_size: float = 16
    flow_label_size: float = 7
    line_height: float = 1.25
    max_label_lines: int = 6
    column_gap: float = 34
    phase_gap: float = 14
    phase_pad: float = 7
    lane_pad: float = 9
    lane_gap: float = 12
    zone_gap: float = 30
    zone_width: float = 74
    lane_label_width: float = 104
    track: float = 6
    stub: float = 12
    corner: float = 4
    arrow: float = 7
    margin: float = 18

    def lh(self, size: float) -> float:
        """The height of one text line at font ``size``."""
        return round(size * self.line_height, 2)


@dataclass
class Badge:
    """A marker on a card: ``kind`` is ``fail-point`` or ``wait-point``."""

    kind: str
    text: str
    box: Box


@dataclass
class Card:
    """One step's card: where it is in the grid and on the page, and its wrapped text."""

    step: Step
    zone: Zone
    row: int
    column: int
    box: Box
    lines: list[str]
    meta: str
    touchpoint: str
    emotion: int | None
    badges: list[Badge]


@dataclass
class LaneBand:
    lane: Lane
    zone: Zone
    row: int
    box: Box
    label_box: Box
    lines: list[str]


@dataclass
class ZoneBand:
    zone: Zone
    box: Box
    label_box: Box
    lines: list[str]
    #: True when the blueprint has no lane in this zone (an empty row keeps the lines in place).
    empty: bool = False


@dataclass
class PhaseBand:
    """A column band; ``phase`` is None for the unlabelled band of steps without a phase."""

    phase: Phase | None
    first: int
    last: int
    box: Box
    header: Box
    lines: list[str]


@dataclass
class LinePlacement:
    line: Line
    y: float
    x0: float
    x1: float
    label_box: Box
    lines: list[str]


@dataclass
class EvidenceNote:
    step: Step
    column: int
    box: Box
    lines: list[str]


@dataclass
class FlowLabel:
    box: Box
    lines: list[str]


@dataclass
class Route:
    """An edge drawn as an orthogonal polyline; the last point is the arrow's tip."""

    flow: Flow
    kind: FlowKind
    source: Card
    target: Card
    points: list[tuple[float, float]]
    handoff: bool
    crosses: tuple[Line, ...]
    label: FlowLabel | None = None


@dataclass
class LegendItem:
    """One legend entry: a sample (``flow``/``support``/... edge, or a badge kind) and its text."""

    sample: str
    text: str
    sample_box: Box
    text_box: Box


@dataclass
class Layout:
    """Everything the picture shows, placed."""

    width: float
    height: float
    locale: str
    style: Style
    title: str
    title_box: Box
    cards: list[Card]
    lanes: list[LaneBand]
    zones: list[ZoneBand]
    phases: list[PhaseBand]
    lines: list[LinePlacement]
    evidence: list[EvidenceNote]
    evidence_band: Box | None
    evidence_label: tuple[Box, list[str]] | None
    routes: list[Route]
    legend: list[LegendItem]
    legend_title: tuple[Box, str] | None
    columns: int
    #: Steps that could not be placed (their lane is unknown or has no zone).
    skipped: list[Step] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------
# The grid


@dataclass
class _Row:
    zone: Zone
    lane: Lane | None


def _rows(bp: Blueprint) -> list[_Row]:
    rows: list[_Row] = []
    seen: set[str] = set()
    lanes = [lane for lane in bp.lanes_in_zone_order() if not (lane.id in seen or seen.add(lane.id))]
    for zone in Zone:
        in_zone = [lane for lane in lanes if lane.zone is zone]
        rows.extend(_Row(zone, lane) for lane in in_zone)
        if not in_zone:
            rows.append(_Row(zone, None))
    return rows


def flow_order(count: int, edges: list[tuple[int, int]]) -> list[int]:
    """A topological order of ``count`` nodes, earliest index first; cycles break at their earliest node.

    >>> flow_order(4, [(2, 1), (1, 3), (3, 1)])
    [0, 2, 1, 3]
    """
    successors: list[list[int]] = [[] for _ in range(count)]
    indegree = [0] * count
    for u, v in edges:
        successors[u].append(v)
        indegree[v] += 1
    ready = [i for i in range(count) if indegree[i] == 0]
    heapq.heapify(ready)
    done = [False] * count
    order: list[int] = []
    earliest = 0
    while len(order) < count:
        if not ready:
            while done[earliest]:
                earliest += 1
            ready = [earliest]
        node = heapq.heappop(ready)
        if done[node]:
            continue
        done[node] = True
        order.append(node)
        for succ in successors[node]:
            indegree[succ] -= 1
            if indegree[succ] == 0 and not done[succ]:
                heapq.heappush(ready, succ)
    return order


class _Grid:
    """Steps in cells: ``row`` from the lane, ``column`` from the phase band and the flow."""

    def __init__(self, bp: Blueprint, rows: list[_Row]):
        row_of_lane = {row.lane.id: i for i, row in enumerate(rows) if row.lane is not None}
        self.steps = [step for step in bp.steps if step.lane in row_of_lane]
        self.skipped = [step for step in bp.steps if step.lane not in row_of_lane]
        self.row = [row_of_lane[step.lane] for step in self.steps]
        position: dict[str, int] = {}
        for i, step in enumerate(self.steps):
            position.setdefault(step.id, i)
        self.position = position
        # Flow order ignores `return` flows (they go back) and recovery links.
        self.edges = [
            (position[f.source.id], position[f.target.id]) for f in bp.flows
            if f.kind.forward and f.source.id in position and f.target.id in position
            and f.source.id != f.target.id
        ]
        self.order = flow_order(len(self.steps), self.edges)
        self.rank = [0] * len(self.steps)
        for rank, i in enumerate(self.order):
            self.rank[i] = rank
        self.predecessors: list[list[int]] = [[] for _ in self.steps]
        self.successors: list[list[int]] = [[] for _ in self.steps]
        for u, v in self.edges:
            self.predecessors[v].append(u)
            self.successors[u].append(v)
        self.phases = self._unique_phases(bp)
        self.band = self._bands(bp)
        self.column = [0] * len(self.steps)
        self.band_columns: list[tuple[int, int]] = []
        self.occupied: set[tuple[int, int]] = set()
        self._place()

    @staticmethod
    def _unique_phases(bp: Blueprint) -> list[Phase]:
        seen: set[str] = set()
        return [p for p in bp.phases if not (p.id in seen or seen.add(p.id))]

    def _bands(self, bp: Blueprint) -> list[int]:
        """The band of every step: its phase's index; ``len(phases)`` is the unlabelled band."""
        index = {phase.id: i for i, phase in enumerate(self.phases)}
        band: list[int | None] = [index.get(step.phase) if step.phase else None for step in self.steps]
        for i in self.order:  # inherit from the latest predecessor in flow order
            if band[i] is None:
                known = [p for p in self.predecessors[i] if band[p] is not None and self.rank[p] < self.rank[i]]
                if known:
                    band[i] = band[max(known, key=self.rank.__getitem__)]
        for i in reversed(self.order):  # else from the earliest successor
            if band[i] is None:
                known = [s for s in self.successors[i] if band[s] is not None]
                if known:
                    band[i] = band[min(known, key=self.rank.__getitem__)]
        unlabelled = len(self.phases)
        return [unlabelled if b is None else b for b in band]

    def _place(self) -> None:
        by_band: dict[int, list[int]] = defaultdict(list)
        for i in self.order:
            by_band[self.band[i]].append(i)
        bands = list(range(len(self.phases)))
        if by_band.get(len(self.phases)) or not self.phases:
            bands.append(len(self.phases))
        offset = 0
        for band in bands:
            local: dict[int, int] = {}
            taken: set[tuple[int, int]] = set()
            width = 1
            for i in by_band.get(band, []):
                row = self.row[i]
                lowest = 0
                for p in self.predecessors[i]:
                    if p in local:
                        lowest = max(lowest, local[p] + (1 if self.row[p] == row else 0))
                column = lowest
                while (row, column) in taken:
                    column += 1
                local[i] = column
                taken.add((row, column))
                # Keep the cells of a straight handoff free, so nothing lands on its line.
                for p in self.predecessors[i]:
                    if p in local and local[p] == column and self.row[p] != row:
                        low, high = sorted((self.row[p], row))
                        between = [(r, column) for r in range(low + 1, high)]
                        if not any(cell in taken for cell in between):
                            taken.update(between)
                width = max(width, column + 1)
            for i, column in local.items():
                self.column[i] = offset + column
                self.occupied.add((self.row[i], offset + column))
            self.band_columns.append((band, offset, offset + width - 1))
            offset += width
        self.columns = offset


# ------------------------------------------------------------------------------------------------
# Routing on the grid, before coordinates: abstract positions are 2k for the gap left of column k
# (or above row k) and 2k+1 for the middle of column (row) k; a card spans 2k+0.5 .. 2k+1.5.

_H, _V = "h", "v"


@dataclass(slots=True)
class _Segment:
    orient: str
    resource: tuple[str, int]
    lo: float
    hi: float
    track: int = 0


@dataclass(slots=True)
class _Plan:
    start: str  # side of the source card: left, right, top, bottom
    end: str
    segments: list[_Segment]


def _seg(orient: str, kind: str, index: int, a: float, b: float) -> _Segment:
    return _Segment(orient, (kind, index), min(a, b), max(a, b))


class _Router:
    """Plans routes on the grid. ``lines`` holds the gaps between lanes that carry one of the three
    lines: a route crosses them but does not run along them when another gap will do."""

    def __init__(self, occupied: set[tuple[int, int]], lines: set[int]):
        self.occupied = occupied
        self.lines = lines

    def free_row(self, row: int, first: int, last: int) -> bool:
        return all((row, c) not in self.occupied for c in range(first, last + 1))

    def free_column(self, column: int, first: int, last: int) -> bool:
        return all((r, column) not in self.occupied for r in range(first, last + 1))

    def channel(self, preferred: list[int]) -> int:
        """The first of ``preferred`` gaps without a line, else the first."""
        return next((ch for ch in preferred if ch not in self.lines), preferred[0])

    def plan(self, ra: int, ca: int, rb: int, cb: int) -> _Plan:
        """The route from the card at (ra, ca) to the card at (rb, cb)."""
        down = rb > ra
        ya, yb = 2 * ra + 1, 2 * rb + 1
        xa, xb = 2 * ca + 1, 2 * cb + 1
        if ca == cb and ra != rb:
            if self.free_column(ca, min(ra, rb) + 1, max(ra, rb) - 1):
                return _Plan("bottom" if down else "top", "top" if down else "bottom",
                             [_seg(_V, "c", ca, ya, yb)])
            gap = 2 * (ca + 1)
            return _Plan("right", "right", [
                _seg(_H, "r", ra, xa, gap), _seg(_V, "g", ca + 1, ya, yb), _seg(_H, "r", rb, gap, xb)])
        if ra == rb:
            if cb > ca and self.free_row(ra, ca + 1, cb - 1):
                return _Plan("right", "left", [_seg(_H, "r", ra, xa, xb)])
            if cb == ca:  # a step that flows to itself: a loop through the gap on its right
                channel = ra + 1
                gap = 2 * (ca + 1)
                return _Plan("right", "bottom", [
                    _seg(_H, "r", ra, xa, gap), _seg(_V, "g", ca + 1, ya, 2 * channel),
                    _seg(_H, "ch", channel, gap, xb), _seg(_V, "c", cb, 2 * channel, yb)])
            # Over the cards in between (forwards) or under them (backwards).
            channel = self.channel([ra, ra + 1] if cb > ca else [ra + 1, ra])
            side = "top" if channel == ra else "bottom"
            return _Plan(side, side, [
                _seg(_V, "c", ca, ya, 2 * channel), _seg(_H, "ch", channel, xa, xb),
                _seg(_V, "c", cb, 2 * channel, yb)])
        low, high = min(ra, rb), max(ra, rb)
        if cb > ca:
            # L: down (up) first, then along the target's lane.
            if self.free_column(ca, low + 1, high - 1) and self.free_row(rb, ca, cb - 1):
                return _Plan("bottom" if down else "top", "left", [
                    _seg(_V, "c", ca, ya, yb), _seg(_H, "r", rb, xa, xb)])
            # L: along the source's lane first, then down (up) into the target.
            if self.free_row(ra, ca + 1, cb) and self.free_column(cb, low + 1, high - 1):
                return _Plan("right", "top" if down else "bottom", [
                    _seg(_H, "r", ra, xa, xb), _seg(_V, "c", cb, ya, yb)])
            # Z through a gap between columns, turning as early as the cards allow.
            for k in range(ca + 1, cb + 1):
                if self.free_row(ra, ca + 1, k - 1) and self.free_row(rb, k, cb - 1):
                    gap = 2 * k
                    return _Plan("right", "left", [
                        _seg(_H, "r", ra, xa, gap), _seg(_V, "g", k, ya, yb), _seg(_H, "r", rb, gap, xb)])
        else:
            # Backwards (a return): up (down) first, then along the target's lane into its right side;
            # or along the source's lane first, then up (down) into the target.
            if self.free_column(ca, low + 1, high - 1) and self.free_row(rb, cb + 1, ca):
                return _Plan("bottom" if down else "top", "right", [
                    _seg(_V, "c", ca, ya, yb), _seg(_H, "r", rb, xa, xb)])
            if self.free_row(ra, cb, ca - 1) and self.free_column(cb, low + 1, high - 1):
                return _Plan("left", "top" if down else "bottom", [
                    _seg(_H, "r", ra, xa, xb), _seg(_V, "c", cb, ya, yb)])
            # Z through a gap between columns, leaving by the source's left side.
            for k in range(ca, cb, -1):
                if self.free_row(ra, k, ca - 1) and self.free_row(rb, cb + 1, k - 1):
                    gap = 2 * k
                    return _Plan("left", "right", [
                        _seg(_H, "r", ra, xa, gap), _seg(_V, "g", k, ya, yb), _seg(_H, "r", rb, gap, xb)])
        return self.via_channel(ra, ca, rb, cb)

    def via_channel(self, ra: int, ca: int, rb: int, cb: int) -> _Plan:
        """Along a gap between lanes: one between the two lanes without a line if there is one,
        else the gap outside them (above the upper lane, below the lower one), else the gap next
        to the source even if a line runs there."""
        down = rb > ra
        forward = cb > ca
        low, high = min(ra, rb), max(ra, rb)
        near = ra + 1 if down else ra  # the gap next to the source, on the target's side
        between = sorted(range(low + 1, high + 1), key=lambda ch: abs(ch - near))
        outside = [ra if ra == low else ra + 1, rb if rb == low else rb + 1]
        candidates = [ch for ch in between + outside if ch not in self.lines]
        return self.along(ra, ca, rb, cb, candidates[0] if candidates else near, forward)

    def along(self, ra: int, ca: int, rb: int, cb: int, channel: int, forward: bool) -> _Plan:
        """From the source to gap ``channel``, along it, and from it into the target."""
        ya, yb = 2 * ra + 1, 2 * rb + 1
        xa, xb = 2 * ca + 1, 2 * cb + 1
        y = 2 * channel
        segments: list[_Segment] = []
        if channel in (ra, ra + 1):  # the gap touches the source: leave by its top or bottom
            start = "top" if channel == ra else "bottom"
            segments.append(_seg(_V, "c", ca, ya, y))
            x: float = xa
        else:  # leave by the side and go up or down the gap between columns next to the source
            k = ca + 1 if forward else ca
            start = "right" if forward else "left"
            segments += [_seg(_H, "r", ra, xa, 2 * k), _seg(_V, "g", k, ya, y)]
            x = 2 * k
        below = channel > rb  # the gap is under the target
        rows = (rb + 1, channel - 1) if below else (channel, rb - 1)
        if self.free_column(cb, *rows):
            segments += [_seg(_H, "ch", channel, x, xb), _seg(_V, "c", cb, y, yb)]
            return _Plan(start, "bottom" if below else "top", segments)
        k = cb if forward else cb + 1
        segments += [_seg(_H, "ch", channel, x, 2 * k), _seg(_V, "g", k, y, yb), _seg(_H, "r", rb, 2 * k, xb)]
        return _Plan(start, "left" if forward else "right", segments)


def _assign_tracks(plans: list[_Plan]) -> dict[tuple[str, int], int]:
    """Give overlapping segments of one gap different tracks; return the number of tracks per gap."""
    by_resource: dict[tuple[str, int], list[_Segment]] = defaultdict(list)
    for plan in plans:
        for segment in plan.segments:
            by_resource[segment.resource].append(segment)
    counts: dict[tuple[str, int], int] = {}
    for resource, segments in by_resource.items():
        segments.sort(key=lambda s: (s.lo, s.hi))
        ends: list[float] = []  # the end of the last segment on each track
        for segment in segments:
            for track, end in enumerate(ends):
                # Segments may share a track when they only meet in the middle of a card (one
                # enters it from above, the other leaves below); meeting in a gap would merge them.
                touches_card = (resource[0] in ("c", "r") and abs(end - segment.lo) < 0.01
                                and round(end) % 2 == 1)
                if end < segment.lo - 0.01 or touches_card:
                    segment.track = track
                    ends[track] = segment.hi
                    break
            else:
                segment.track = len(ends)
                ends.append(segment.hi)
        counts[resource] = len(ends)
    return counts


def _offsets(count: int, spacing: float, around_line: bool = False) -> list[float]:
    """Track offsets from the middle of a gap; ``around_line`` keeps clear of a line in the middle."""
    if around_line:
        return [(-1 if t % 2 == 0 else 1) * (t // 2 + 1) * spacing for t in range(count)]
    return [(t - (count - 1) / 2) * spacing for t in range(count)]


# ------------------------------------------------------------------------------------------------
# Cards


def _card_text(step: Step, style: Style, locale: str) -> tuple[list[str], str, str, list[tuple[str, str]]]:
    inner = style.card_width - 2 * style.card_pad_x
    lines = wrap(step.label or step.id, inner, style.label_size, style.max_label_lines) or [""]
    meta_parts = [part for part in (step.owner, format_duration(step.duration, locale)
                                    if step.duration is not None else None) if part]
    meta = ellipsize(" · ".join(meta_parts), inner, style.small_size) if meta_parts else ""
    touchpoint = step.touchpoint.label(locale) if step.touchpoint is not None else ""
    badges: list[tuple[str, str]] = []
    if step.fail:
        badges.append(("fail-point", word("badge.fail", locale)))
    if step.wait or step.wait_max is not None:
        text = word("badge.wait", locale)
        if step.wait_max is not None:
            text += " ≤" + format_duration(step.wait_max, locale)
        badges.append(("wait-point", text))
    return lines, meta, touchpoint, badges


def _card_height(lines: list[str], meta: str, footer: bool, badges: bool, style: Style) -> float:
    height = 2 * style.card_pad_y + len(lines) * style.lh(style.label_size)
    if badges:  # the lower half of the badges reaches into the card
        height += style.badge_height / 2
    if meta:
        height += style.lh(style.small_size)
    if footer:
        height += style.lh(style.small_size)
    return max(style.card_min_height, height)


# ------------------------------------------------------------------------------------------------
# The whole picture


def layout(bp: Blueprint, locale: str | None = None, evidence: bool = True, style: Style | None = None) -> Layout:
    """Place everything a blueprint picture shows.

    Args:
        bp: A loaded blueprint (content problems are fine: what cannot be placed is skipped).
        locale: ``en`` or ``zh`` for the built-in words; default the blueprint's own.
        evidence: Draw the physical evidence row.
        style: Sizes; default :class:`Style`.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: a, lane: customer, label: A, next: b}\\n"
    ...            "- {id: b, lane: frontstage, label: B, next: c}\\n"
    ...            "- {id: c, lane: customer, label: C}\\n")
    >>> grid = layout(bp)
    >>> [(card.step.id, card.row, card.column) for card in grid.cards]
    [('a', 0, 0), ('b', 1, 0), ('c', 0, 1)]
    """
    with paused_gc():
        return _layout(bp, locale, evidence, style)


def _layout(bp: Blueprint, locale: str | None, evidence: bool, style: Style | None) -> Layout:
    style = style or Style()
    locale = normalize(locale, normalize(bp.locale))
    rows = _rows(bp)
    grid = _Grid(bp, rows)
    n = len(grid.steps)

    # Card text and heights per row.
    texts = [_card_text(step, style, locale) for step in grid.steps]
    card_h = [style.card_min_height] * len(rows)
    for i, (lines, meta, touchpoint, badges) in enumerate(texts):
        step = grid.steps[i]
        footer = bool(touchpoint) or step.emotion is not None
        r = grid.row[i]
        card_h[r] = max(card_h[r], _card_height(lines, meta, footer, bool(badges), style))

    # Evidence notes: the customer and frontstage steps of each column, top to bottom.
    note_inner = style.card_width - 10
    notes_by_column: dict[int, list[tuple[int, list[str]]]] = defaultdict(list)
    if evidence:
        for i in sorted(range(n), key=lambda i: (grid.column[i], grid.row[i], i)):
            step = grid.steps[i]
            if step.evidence and rows[grid.row[i]].zone in (Zone.CUSTOMER, Zone.FRONTSTAGE):
                lines: list[str] = []
                for item in step.evidence:
                    wrapped = wrap(str(item), note_inner - text_width(_BULLET, style.note_size), style.note_size, 4)
                    if wrapped:  # a hanging indent: the item's further lines start under its text
                        lines.extend([_BULLET + wrapped[0], *(_HANG + line for line in wrapped[1:])])
                if lines:
                    notes_by_column[grid.column[i]].append((i, lines))
    note_lh = style.lh(style.note_size)

    def note_height(lines: list[str]) -> float:
        return len(lines) * note_lh + 8

    evidence_h = 0.0
    if notes_by_column:
        evidence_h = max(sum(note_height(lines) + 4 for _, lines in notes) - 4
                         for notes in notes_by_column.values()) + 2 * style.lane_pad

    # Routes on the grid.
    line_channels = {r for r in range(1, len(rows)) if rows[r - 1].zone is not rows[r].zone}
    router = _Router(grid.occupied, line_channels)
    flows = [f for f in bp.flows] + bp.recoveries
    planned: list[tuple[Flow, int, int, _Plan]] = []
    for flow in flows:
        a, b = grid.position.get(flow.source.id), grid.position.get(flow.target.id)
        if a is None or b is None:
            continue
        plan = router.plan(grid.row[a], grid.column[a], grid.row[b], grid.column[b])
        planned.append((flow, a, b, plan))
    tracks = _assign_tracks([plan for *_, plan in planned])

    # Columns: x positions, gaps widened for their tracks.
    columns = max(grid.columns, 1)
    band_of_column = [0] * columns
    for band, first, last in grid.band_columns:
        for c in range(first, last + 1):
            band_of_column[c] = band
    header_x = style.margin
    header_w = style.zone_width + style.lane_label_width
    gap_w = []
    for k in range(columns + 1):
        base = style.column_gap
        if 0 < k < columns and band_of_column[k] != band_of_column[k - 1]:
            base += style.phase_gap
        if k == 0 or k == columns:
            base = style.column_gap / 2 + style.phase_pad
        need = (tracks.get(("g", k), 0) + 1) * style.track + 2 * style.stub
        gap_w.append(max(base, need if tracks.get(("g", k)) else base))
    col_x = []
    x = header_x + header_w + gap_w[0]
    for c in range(columns):
        col_x.append(x)
        x += style.card_width + gap_w[c + 1]
    right = x
    width = right + style.margin

    def gap_center(k: int) -> float:
        left = col_x[k - 1] + style.card_width if k > 0 else header_x + header_w
        return left + gap_w[k] / 2

    # Rows: y positions.
    # One line, as wide as the grid at most (and never wider than Graphviz tables can be).
    title = ellipsize(bp.title or "", (min(right - style.margin, 4000) - 8) / _BOLD, style.title_size)
    title_box = Box(style.margin, style.margin, text_width(title, style.title_size) * _BOLD + 8,
                    style.lh(style.title_size))
    y = title_box.bottom + 10
    phase_specs = []
    for band, first, last in grid.band_columns:
        phase = grid.phases[band] if band < len(grid.phases) else None
        x0 = col_x[first] - style.phase_pad
        x1 = col_x[last] + style.card_width + style.phase_pad
        lines = wrap(phase.display_label(), (x1 - x0 - 12) / _BOLD, style.header_size, 3) if phase else []
        phase_specs.append((phase, first, last, x0, x1, lines))
    header_lines = max([len(spec[5]) for spec in phase_specs] + [1])
    phase_header_h = header_lines * style.lh(style.header_size) + 10
    phase_top = y
    y += phase_header_h + 6
    evidence_band = None
    if evidence_h:
        evidence_band = Box(header_x, y, right - header_x, evidence_h)
        y += evidence_h
    channel_y: list[float] = []
    row_y: list[float] = []
    row_h: list[float] = []
    lane_lh = style.lh(style.header_size)
    lane_lines = []
    for r, row in enumerate(rows):
        zone_line = r > 0 and rows[r - 1].zone is not row.zone
        count = tracks.get(("ch", r), 0)
        if zone_line:
            need = 2 * ((count + 1) // 2 + 1) * style.track + 2 * style.stub
            h = max(style.zone_gap, need if count else style.zone_gap)
        else:
            base = style.lane_gap if r > 0 or evidence_band is None else style.lane_gap + 4
            h = max(base, (count + 1) * style.track + 2 * style.stub if count else base)
        channel_y.append(y + h / 2)
        y += h
        label = row.lane.display_label(locale) if row.lane is not None else ""
        lines = wrap(label, style.lane_label_width - 12, style.header_size, 4) if label else []
        lane_lines.append(lines)
        if row.lane is None:
            h = 26.0
        else:
            h = max(card_h[r] + 2 * style.lane_pad, len(lines) * lane_lh + 12)
        row_y.append(y)
        row_h.append(h)
        y += h
    count = tracks.get(("ch", len(rows)), 0)
    last_h = max(style.lane_gap, (count + 1) * style.track + 2 * style.stub if count else style.lane_gap)
    channel_y.append(y + last_h / 2)
    y += last_h
    bottom = y
    is_zone_channel = [r > 0 and r < len(rows) and rows[r - 1].zone is not rows[r].zone
                       for r in range(len(rows) + 1)]

    # Cards and badges.
    cards: list[Card] = []
    card_of: list[Card] = []
    for i, step in enumerate(grid.steps):
        r, c = grid.row[i], grid.column[i]
        h = card_h[r]
        box = Box(col_x[c], row_y[r] + (row_h[r] - h) / 2, style.card_width, h)
        lines, meta, touchpoint, badge_specs = texts[i]
        # Badges sit on the card's top edge, like tags, clear of the text in the middle.
        badges = []
        bx = box.x + style.card_pad_x
        for kind, text in badge_specs:
            bw = text_width(text, style.badge_size) + 8
            badges.append(Badge(kind, text, Box(bx, box.y - style.badge_height / 2, bw, style.badge_height)))
            bx += bw + 4
        card = Card(step, rows[r].zone, r, c, box, lines, meta, touchpoint, step.emotion, badges)
        cards.append(card)
        card_of.append(card)

    # Real route coordinates.
    def track_offset(resource: tuple[str, int], track: int) -> float:
        kind, index = resource
        count = tracks.get(resource, 1)
        if kind == "ch":
            return _offsets(count, style.track, around_line=is_zone_channel[index])[track]
        if kind == "g":
            return _offsets(count, style.track)[track]
        if kind == "r":
            spacing = min(7.0, (card_h[index] - 12) / max(count - 1, 1))
            return _offsets(count, spacing)[track]
        spacing = min(10.0, (style.card_width - 24) / max(count - 1, 1))
        return _offsets(count, spacing)[track]

    def coordinate(segment: _Segment) -> float:
        kind, index = segment.resource
        offset = track_offset(segment.resource, segment.track)
        if kind == "g":
            return gap_center(index) + offset
        if kind == "c":
            return col_x[index] + style.card_width / 2 + offset
        if kind == "ch":
            return channel_y[index] + offset
        return row_y[index] + row_h[index] / 2 + offset

    line_y = {rows[r - 1].zone.line_below: channel_y[r] for r in range(1, len(rows)) if is_zone_channel[r]}
    routes: list[Route] = []
    for flow, a, b, plan in planned:
        source, target = card_of[a], card_of[b]
        points = _points(plan, source.box, target.box, coordinate)
        crosses = tuple(Line.between(source.zone, target.zone))
        routes.append(Route(flow, flow.kind, source, target, points,
                            source.step.lane != target.step.lane, crosses))

    # Bands.
    lanes: list[LaneBand] = []
    zones: list[ZoneBand] = []
    zone_x = header_x
    lane_x = header_x + style.zone_width
    for r, row in enumerate(rows):
        if row.lane is not None:
            box = Box(lane_x, row_y[r], right - lane_x, row_h[r])
            label_box = Box(lane_x, row_y[r], style.lane_label_width, row_h[r])
            lanes.append(LaneBand(row.lane, row.zone, r, box, label_box, lane_lines[r]))
    for zone in Zone:
        members = [r for r, row in enumerate(rows) if row.zone is zone]
        top, low = row_y[members[0]], row_y[members[-1]] + row_h[members[-1]]
        box = Box(zone_x, top, right - zone_x, low - top)
        label_box = Box(zone_x, top, style.zone_width, low - top)
        lines = wrap(zone.label(locale), (style.zone_width - 10) / _BOLD, style.header_size, 4)
        zones.append(ZoneBand(zone, box, label_box, lines, empty=rows[members[0]].lane is None))

    lines_placed: list[LinePlacement] = []
    for line in Line:
        ly = line_y[line]
        text = line.label(locale)
        label_lines = wrap(text, (header_w - 8) / _BOLD, style.small_size, 2)
        lh = style.lh(style.small_size)
        label_box = Box(header_x + 4, ly - 2 - len(label_lines) * lh, header_w - 8, len(label_lines) * lh)
        lines_placed.append(LinePlacement(line, ly, header_x, right, label_box, label_lines))

    phases: list[PhaseBand] = []
    for phase, first, last, x0, x1, lines in phase_specs:
        box = Box(x0, phase_top, x1 - x0, bottom - phase_top)
        header = Box(x0, phase_top, x1 - x0, phase_header_h)
        phases.append(PhaseBand(phase, first, last, box, header, lines))

    notes: list[EvidenceNote] = []
    evidence_label = None
    if evidence_band is not None:
        for column, stack in sorted(notes_by_column.items()):
            ny = evidence_band.y + style.lane_pad
            for i, lines in stack:
                h = note_height(lines)
                notes.append(EvidenceNote(grid.steps[i], column, Box(col_x[column], ny, style.card_width, h), lines))
                ny += h + 4
        label_lines = wrap(word("row.evidence", locale), (header_w - 12) / _BOLD, style.header_size, 3)
        evidence_label = (Box(header_x, evidence_band.y, header_w, evidence_band.h), label_lines)

    # Flow labels: on their own edge, clear of cards, notes, lines and other labels, and crossing
    # as few other edges as possible.
    if any(route.flow.label for route in routes):
        hard = _Boxes()
        for box in [card.box for card in cards] + [note.box for note in notes] + [p.header for p in phases]:
            hard.add(box)
        for line in lines_placed:
            hard.add(Box(line.x0, line.y - 4, line.x1 - line.x0, 8))
        soft = _Boxes()
        for route in routes:
            for (x0, y0), (x1, y1) in pairwise(route.points):
                soft.add(Box(min(x0, x1) - 0.5, min(y0, y1) - 0.5, abs(x1 - x0) + 1, abs(y1 - y0) + 1), route)
        for route in routes:
            if route.flow.label:
                route.label = _place_label(route, style, hard, soft, gap_w, gap_center)

    # Legend under the grid.
    legend, legend_title, legend_bottom = _legend(style, locale, header_x, bottom + 14, right)
    height = legend_bottom + style.margin
    return Layout(
        width=width, height=height, locale=locale, style=style, title=title, title_box=title_box,
        cards=cards, lanes=lanes, zones=zones, phases=phases, lines=lines_placed, evidence=notes,
        evidence_band=evidence_band, evidence_label=evidence_label, routes=routes, legend=legend,
        legend_title=legend_title, columns=columns, skipped=grid.skipped,
    )


def _side_point(box: Box, side: str, along: float) -> tuple[float, float]:
    if side == "left":
        return (box.x, along)
    if side == "right":
        return (box.right, along)
    if side == "top":
        return (along, box.y)
    return (along, box.bottom)


def _points(plan: _Plan, source: Box, target: Box, coordinate) -> list[tuple[float, float]]:
    """Corners of the route in points: from the source card's side to the target card's side."""
    values = [coordinate(segment) for segment in plan.segments]
    points = [_side_point(source, plan.start, values[0])]
    for i, segment in enumerate(plan.segments[:-1]):
        if segment.orient == _H:
            points.append((values[i + 1], values[i]))
        else:
            points.append((values[i], values[i + 1]))
    points.append(_side_point(target, plan.end, values[-1]))
    return points


class _Boxes:
    """Boxes in buckets of the page, to find the ones a box overlaps without looking at all."""

    size = 200.0

    def __init__(self) -> None:
        self.buckets: dict[tuple[int, int], list[tuple[Box, object]]] = defaultdict(list)

    def _keys(self, box: Box):
        for i in range(int(box.x // self.size), int(box.right // self.size) + 1):
            for j in range(int(box.y // self.size), int(box.bottom // self.size) + 1):
                yield (i, j)

    def add(self, box: Box, owner: object = None) -> None:
        for key in self._keys(box):
            self.buckets[key].append((box, owner))

    def hits(self, box: Box, ignore: object = None) -> int:
        """How many stored boxes (of owners other than ``ignore``) ``box`` overlaps."""
        found = set()
        for key in self._keys(box):
            for other, owner in self.buckets.get(key, ()):
                if (owner is None or owner is not ignore) and box.overlaps(other):
                    found.add(id(other))
        return len(found)


def _place_label(route: Route, style: Style, hard: _Boxes, soft: _Boxes, gap_w: list[float],
                 gap_center) -> FlowLabel | None:
    """Put a flow's label on a stretch of its own edge: never on a card, a note or a line, and
    crossing as few other edges as it can (on the longest stretch when that is a tie)."""
    size = style.flow_label_size
    lh = style.lh(size)
    points = route.points
    segments = sorted(
        ((abs(x1 - x0) + abs(y1 - y0), (x0, y0), (x1, y1)) for (x0, y0), (x1, y1) in pairwise(points)),
        key=lambda item: -item[0],
    )
    best: tuple[int, FlowLabel] | None = None
    fallback: FlowLabel | None = None
    for length, (x0, y0), (x1, y1) in segments:
        if x0 == x1:  # vertical: as wide as the gap it runs in
            k = min(range(len(gap_w)), key=lambda k: abs(gap_center(k) - x0))
            room = max(gap_w[k] - 6, 26)
        else:
            room = max(length - 20, 24)
        lines = wrap(route.flow.label, min(room, 110), size, 3)
        if not lines:
            return None
        w = max(text_width(line, size) for line in lines) + 6
        h = len(lines) * lh + 3
        for fraction in (0.5, 0.3, 0.7, 0.15, 0.85):
            cx, cy = x0 + (x1 - x0) * fraction, y0 + (y1 - y0) * fraction
            label = FlowLabel(Box(cx - w / 2, cy - h / 2, w, h), lines)
            fallback = fallback or label
            if hard.hits(label.box):
                continue
            crossings = soft.hits(label.box, ignore=route)
            if best is None or crossings < best[0]:
                best = (crossings, label)
            if crossings == 0:
                break
        if best is not None and best[0] == 0:
            break
    chosen = best[1] if best is not None else fallback
    if chosen is not None:
        hard.add(chosen.box)
    return chosen


_LEGEND = ("flow", "support", "return", "recovery", "fail-point", "wait-point", "emotion")


def _legend(style: Style, locale: str, x: float, y: float, right: float):
    size = style.small_size
    lh = style.lh(size)
    title = word("legend.title", locale)
    title_box = Box(x, y, text_width(title, size) + 8, lh + 4)
    items: list[LegendItem] = []
    cx = title_box.right + 10
    for sample in _LEGEND:
        if sample == "fail-point":
            text = word("badge.fail", locale)
        elif sample == "wait-point":
            text = word("legend.wait-max", locale)
        elif sample == "emotion":
            text = word("legend.emotion", locale) + " −2…+2"
        else:
            text = word(f"flow.{sample}", locale)
        if sample in ("fail-point", "wait-point"):
            sample_box = Box(cx, y + 1, text_width(text, style.badge_size) + 8, style.badge_height)
            text_box = sample_box
            cx = sample_box.right + 14
        else:
            sample_w = 10 if sample == "emotion" else 34
            sample_box = Box(cx, y + 1, sample_w, lh + 2)
            text_box = Box(sample_box.right + 4, y, text_width(text, size) + 6, lh + 4)
            cx = text_box.right + 14
        items.append(LegendItem(sample, text, sample_box, text_box))
    return items, (title_box, title), y + lh + 6
