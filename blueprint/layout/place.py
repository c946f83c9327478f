"""Everything on the page, in named phases: measure the cards, plan the routes on the grid, then
columns, rows, cards and routes in points, bands and lines, evidence notes, flow labels, legend."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from ..analysis.numbering import step_numbers
from ..durations import format_duration
from ..model import Blueprint, Flow, FlowKind, Line, Phase, Zone
from .breaches import Analysis, analyse
from .cards import BadgeSpec, card_height, card_text, number_tag
from .geometry import (
    Badge,
    Banner,
    Box,
    Card,
    EmotionCurve,
    EvidenceNote,
    LaneBand,
    Layout,
    LinePlacement,
    PhaseBand,
    Route,
    SheetLink,
    Style,
    TimeRow,
    Window,
    ZoneBand,
)
from .grid import Grid, Row, grid_rows, stacking
from .labels import Boxes, Edges, legend, nearest, place_label
from .routing import Plan, Router, Segment, assign_tracks, corners, offset
from .text import ellipsize, text_width, wrap
from .times import phase_times
from ..words import normalize, word

__all__ = ["place"]

# An evidence item starts with a bullet; its further lines start after an ideographic space as wide.
_BULLET = "• "
_HANG = "\u3000 "
# Bold text (titles, headers, row and line names) is this much wider than the regular text measured.
_BOLD = 1.1
# The height of the emotion curve's row, and of one step of emotion (-2..+2) in it.
_EMOTION_H = 48.0
_EMOTION_STEP = 9.0
# The banner over a drawing of a file with problems lists this many of them.
_BANNER_PROBLEMS = 3
# How often the picture is placed at most: once, and again with gaps widened for crowded labels.
_LABEL_PASSES = 3
# Routes ending on one card side stand this far apart at most, and this far from its corners at least:
# along the top and bottom (clear of the badges on the top's left), along the left and right.
_SIDE_SPACING_C, _SIDE_MARGIN_C = 24.0, 30.0
_SIDE_SPACING_R, _SIDE_MARGIN_R = 14.0, 9.0
# Sheet-link tags keep this far from each other; a tag tries this many slots down (up) its card's side.
_LINK_GAP = 4.5
_LINK_SLOTS = 40

_CardText = tuple[list[str], list[str], str, list[BadgeSpec], list[str]]
_Tracks = dict[tuple[str, int], int]
# Room added for labels: width by gap between columns, height by gap between lanes (("ch", r)).
_Wider = dict[int | tuple[str, int], float]


def place(bp: Blueprint, locale: str | None, evidence: bool, style: Style | None,
          window: Window | None = None, analysis: bool | Analysis = True, details: bool = False,
          stack: bool = True) -> Layout:
    """The whole picture of ``bp`` (see :func:`blueprint.layout.layout`), or one print sheet of it."""
    style = style or Style()
    locale = normalize(locale, normalize(bp.locale))
    shared = analysis.shared if isinstance(analysis, Analysis) else {}
    if "grid" not in shared:  # the sheets of one blueprint share its grid
        rows = grid_rows(bp)
        whole = Grid(bp, rows)
        stacks = stacking(whole, rows) if stack else {}
        if stacks:
            rows = grid_rows(bp, stacks)
            whole = whole.restacked(rows)
        shared["grid"] = (rows, whole)
    rows, whole = shared["grid"]
    grid = whole if window is None else whole.window(window.first, window.last)
    flows = _sheet_flows(bp, whole, window, shared)
    title = bp.title or ""
    # A sheet's number is never cut: on a narrow sheet the blueprint's title gives way instead.
    sheet_number = f" ({window.number}/{window.count})" if window is not None and window.count > 1 else ""
    if analysis is True:
        analysis = analyse(bp, locale)
    found = analysis.breaches if analysis else None
    number = analysis.numbers if analysis else step_numbers(bp)  # once for all sheets where it can
    numbers = [number.get(step.index, 0) for step in grid.steps]
    texts, card_h = _measure_cards(grid, len(rows), style, locale, found, details, numbers)
    planned, tracks = _plan_routes(flows, grid, rows)
    _room_for_arrowheads(planned, card_h, style)
    timed = analysis and any(step.duration is not None for step in grid.steps)
    felt = analysis and any(step.emotion is not None for step in grid.steps)
    # A label with no place clear of other edges widens the gap it is in, and everything is placed
    # again (rarely more than once: only where routes crowd a narrow gap).
    wider: _Wider = {}
    reach = _note_reach(grid, rows, style) if evidence else {}
    for attempt in range(_LABEL_PASSES):
        columns = _columns(grid, style, tracks, wider, reach)
        notes = _measure_evidence(grid, rows, style, numbers, columns) if evidence else _Notes()
        problems = _problem_lines(bp, locale, columns.right - style.margin - 12, style)
        page = _rows(title, sheet_number, problems, grid, rows, style, locale, columns, tracks, card_h,
                     notes.height, _EMOTION_H if felt else 0.0, _time_row_height(style) if timed else 0.0, wider)
        cards = _cards(grid, rows, style, texts, card_h, columns, page, numbers)
        routes = _routes(planned, cards, rows, style, tracks, card_h, columns, page)
        lanes, zones = _bands(rows, style, locale, columns, page)
        lines = _lines(rows, style, locale, columns, page)
        phases = [PhaseBand(phase, first, last, Box(x0, page.phase_top, x1 - x0, page.bottom - page.phase_top),
                            Box(x0, page.phase_top, x1 - x0, page.phase_header_h), lines)
                  for phase, first, last, x0, x1, lines in page.phase_specs]
        evidence_notes, evidence_label = _evidence_notes(grid, style, locale, notes, columns, page, numbers)
        crowded = _flow_labels(routes, cards, evidence_notes, phases, lines, style, columns, page)
        if (not crowded or all(wider.get(k, 0.0) >= w for k, w in crowded.items())
                or attempt == _LABEL_PASSES - 1):
            break
        for k, w in crowded.items():
            wider[k] = max(wider.get(k, 0.0), w)
        del cards, routes, evidence_notes  # placed again next: never two whole pictures in memory at once
    links = _sheet_links(flows, whole, grid, window, cards, style) if window is not None else []
    time_row = _time_row(analysis, whole, grid, style, locale, columns, page, shared) if page.time_band else None
    curve = _emotion_curve(cards, style, locale, columns, page) if page.emotion_band else None
    items, legend_title, legend_bottom = legend(style, locale, columns.header_x, page.bottom + 14, columns.right,
                                                _drawn(cards, routes))
    return Layout(
        width=columns.right + style.margin, height=legend_bottom + style.margin, locale=locale, style=style,
        title=page.title, title_box=page.title_box, cards=cards, lanes=lanes, zones=zones, phases=phases,
        lines=lines, evidence=evidence_notes, evidence_band=page.evidence_band, evidence_label=evidence_label,
        routes=routes, legend=items, legend_title=legend_title, columns=columns.count, skipped=grid.skipped,
        window=window, links=links, column_x=columns.x,
        banner=replace(page.banner, count=len(bp.problems)) if page.banner else None,
        time_row=time_row, emotion_curve=curve,
    )


# ------------------------------------------------------------------------------------------------
# Measuring, before anything has a position


def _measure_cards(grid: Grid, row_count: int, style: Style, locale: str, found: dict[int, list] | None,
                   details: bool, numbers: list[int]) -> tuple[list[_CardText], list[float]]:
    """Every card's text, and the card height of each row (the tallest card of the row)."""
    texts = [card_text(step, style, locale, None if found is None else found.get(step.index, []), details,
                       numbers[i])
             for i, step in enumerate(grid.steps)]
    card_h = [style.card_min_height] * row_count
    for i, (lines, meta, touchpoint, badges, extra) in enumerate(texts):
        step = grid.steps[i]
        footer = bool(touchpoint) or step.emotion is not None
        r = grid.row[i]
        card_h[r] = max(card_h[r], card_height(lines, meta, footer, bool(badges), style, len(extra)))
    return texts, card_h


@dataclass
class _Notes:
    """Evidence notes per column (step index, wrapped lines, left edge and width, side by side),
    and the row's height."""

    by_column: dict[int, list[tuple[int, list[str], float, float]]] = field(default_factory=dict)
    height: float = 0.0
    line_height: float = 0.0

    def note_height(self, lines: list[str]) -> float:
        # The lower half of the number tag on the top edge reaches into the note, above the text.
        return len(lines) * self.line_height + 8 + _NOTE_TAG_ROOM


# Notes side by side over one column keep this far apart and are this wide; notes of neighbouring
# columns keep this far apart.
_NOTE_GAP = 4.0
_NOTE_WIDTH = 84.0
_NOTE_CLEAR = 12.0
_NOTE_TAG_ROOM = 4.0
_NOTE_REACH = 0.6 * _NOTE_WIDTH


def _evidence_steps(grid: Grid, rows: list[Row]) -> dict[int, list[int]]:
    """The steps with evidence the customer sees (customer and frontstage lanes), per column, in
    the order of the lanes."""
    by_column: dict[int, list[int]] = defaultdict(list)
    for i in sorted(range(len(grid.steps)), key=lambda i: (grid.column[i], grid.row[i], i)):
        if grid.steps[i].evidence and rows[grid.row[i]].zone in (Zone.CUSTOMER, Zone.FRONTSTAGE):
            by_column[grid.column[i]].append(i)
    return by_column


def _note_reach(grid: Grid, rows: list[Row], style: Style) -> dict[int, float]:
    """How far the notes of a column reach past its cards on either side: where several steps of
    the column have evidence, far enough for each note to be :data:`_NOTE_WIDTH` wide."""
    reach = {}
    for column, members in _evidence_steps(grid, rows).items():
        if len(members) > 1:
            span = len(members) * _NOTE_WIDTH + (len(members) - 1) * _NOTE_GAP
            # At most so far that the outermost notes still stand partly over the column.
            reach[column] = min(max(0.0, span - style.card_width) / 2, _NOTE_REACH)
    return reach


def _measure_evidence(grid: Grid, rows: list[Row], style: Style, numbers: list[int], columns: _Columns) -> _Notes:
    """The evidence notes: one over each customer or frontstage step that has evidence, in its
    step's column. Where several steps of one column have evidence, their notes stand side by
    side in the order of the lanes (reaching into the gaps beside the column, which no route
    enters up there), so none sits under another step's note."""
    notes = _Notes(defaultdict(list), 0.0, style.lh(style.note_size))
    for column, members in _evidence_steps(grid, rows).items():
        # Wider than the column where several notes share it (the gaps beside it widened to fit).
        x0 = columns.x[column] - columns.reach[column]
        span = style.card_width + 2 * columns.reach[column]
        w = (span - _NOTE_GAP * (len(members) - 1)) / len(members)
        for n, i in enumerate(members):
            note_inner = w - 10
            lines: list[str] = []
            for item in grid.steps[i].evidence:
                wrapped = wrap(str(item), note_inner - text_width(_BULLET, style.note_size), style.note_size,
                               4 if len(members) == 1 else 6)
                if wrapped:  # a hanging indent: the item's further lines start under its text
                    lines.extend([_BULLET + wrapped[0], *(_HANG + line for line in wrapped[1:])])
            if lines:
                notes.by_column[column].append((i, lines, x0 + n * (w + _NOTE_GAP), w))
    if notes.by_column:
        notes.height = max(notes.note_height(lines) for stack in notes.by_column.values()
                           for _, lines, _, _ in stack) + 2 * style.lane_pad
    return notes


def _sheet_flows(bp: Blueprint, whole: Grid, window: Window | None, shared: dict) -> list[Flow]:
    """The flows and recovery links a picture may draw: all of them, or on a print sheet those with
    an end on it, in the blueprint's order (found through an index by column made once for all
    sheets, so that printing stays linear in the blueprint's size)."""
    if window is None:
        return [*bp.flows, *bp.recoveries]
    if "flows" not in shared:
        flows = [*bp.flows, *bp.recoveries]
        by_column: dict[int, list[int]] = defaultdict(list)
        for k, flow in enumerate(flows):
            ends = {whole.column[i] for i in (whole.position.get(flow.source.id), whole.position.get(flow.target.id))
                    if i is not None}
            for column in ends:
                by_column[column].append(k)
        shared["flows"] = (flows, by_column)
    flows, by_column = shared["flows"]
    found = {k for column in range(window.first, window.last + 1) for k in by_column.get(column, ())}
    return [flows[k] for k in sorted(found)]


def _plan_routes(flows: list[Flow], grid: Grid, rows: list[Row]) -> tuple[list[tuple[Flow, int, int, Plan]], _Tracks]:
    """Every flow's route on the grid, and the number of tracks each gap needs.

    A ``return`` flow that answers a request (a flow the other way between the same two steps)
    runs on the request's own route, backwards: the pair reads as one connector with an
    arrowhead at each end, not as two lines a few points apart across the lanes."""
    line_channels = {r for r in range(1, len(rows)) if rows[r - 1].zone is not rows[r].zone}
    router = Router(grid.occupied, line_channels)
    planned: list[tuple[Flow, int, int, Plan]] = []
    requests: dict[tuple[int, int], Plan] = {}
    answers: set[int] = set()  # the planned entries that reuse a request's route
    used: set[int] = set()  # the requests' plans given to their flow
    positions = [(grid.position.get(f.source.id), grid.position.get(f.target.id)) for f in flows]
    for flow, (a, b) in zip(flows, positions):
        if a is not None and b is not None and a != b and flow.kind in (FlowKind.FLOW, FlowKind.SUPPORT):
            requests.setdefault((a, b), router.plan(grid.row[a], grid.column[a], grid.row[b], grid.column[b]))
    for flow, (a, b) in zip(flows, positions):
        if a is None or b is None:
            continue
        request = requests.get((b, a)) if flow.kind is FlowKind.RETURN else None
        if request is not None:
            answers.add(len(planned))
            plan = Plan(request.end, request.start, request.segments[::-1])
        elif (a, b) in requests and flow.kind is not FlowKind.RETURN and id(requests[(a, b)]) not in used:
            plan = requests[(a, b)]  # planned above; a second flow between the same steps gets its own
            used.add(id(plan))
        else:
            plan = router.plan(grid.row[a], grid.column[a], grid.row[b], grid.column[b])
        planned.append((flow, a, b, plan))
    own = [plan for n, (*_, plan) in enumerate(planned) if n not in answers]
    return planned, assign_tracks(own)


def _room_for_arrowheads(planned: list[tuple[Flow, int, int, Plan]], card_h: list[float], style: Style) -> None:
    """Cards as tall as the arrows meeting their left or right side need to stand an arrowhead
    and a bit apart (many branches leaving one card of a stacked lane for the row above)."""
    for *_, plan in planned:
        for segment in (plan.segments[0], plan.segments[-1]) if plan.segments else ():
            kind, r = segment.resource
            if kind == "r" and segment.width > 1:
                need = (segment.width - 1) * _SIDE_SPACING_R + 2 * _SIDE_MARGIN_R
                card_h[r] = max(card_h[r], need)


# ------------------------------------------------------------------------------------------------
# Positions


@dataclass
class _Columns:
    """x positions: the header column, each grid column, the gaps (widened for their tracks)."""

    count: int
    x: list[float]
    gaps: list[float]
    header_x: float
    header_w: float
    right: float
    card_width: float
    #: How far each column's evidence notes reach past its cards on either side.
    reach: list[float] = field(default_factory=list)

    def gap_center(self, k: int) -> float:
        left = self.x[k - 1] + self.card_width if k > 0 else self.header_x + self.header_w
        return left + self.gaps[k] / 2


def _columns(grid: Grid, style: Style, tracks: _Tracks, wider: _Wider,
             reach: dict[int, float]) -> _Columns:
    """x positions; ``wider`` adds width to some gaps (room for a label beside its edge), and the
    gaps beside a column make room for notes that ``reach`` past it."""
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
        # Notes reaching into the gap keep clear of the next column's notes (and phase frames of
        # each other); no route runs up there, so the gap's own width serves them first.
        notes = reach.get(k - 1, 0.0) + reach.get(k, 0.0)
        if k == 0 or k == columns:
            room = notes + style.phase_pad + _NOTE_CLEAR
        elif band_of_column[k] != band_of_column[k - 1]:
            room = notes + 2 * style.phase_pad + 2 * _NOTE_CLEAR
        else:
            room = notes + _NOTE_CLEAR
        gap_w.append(max(base, room, need if tracks.get(("g", k)) else base) + wider.get(k, 0.0))
    col_x = []
    x = header_x + header_w + gap_w[0]
    for c in range(columns):
        col_x.append(x)
        x += style.card_width + gap_w[c + 1]
    return _Columns(columns, col_x, gap_w, header_x, header_w, x, style.card_width,
                    [reach.get(c, 0.0) for c in range(columns)])


@dataclass
class _Page:
    """y positions: the title, the phase headers, the evidence row, each gap between lanes (its
    middle) and each lane row; with the texts measured on the way."""

    title: str
    title_box: Box
    banner: Banner | None
    phase_specs: list[tuple[Phase | None, int, int, float, float, list[str]]]
    phase_top: float
    phase_header_h: float
    evidence_band: Box | None
    channel_y: list[float]
    row_y: list[float]
    row_h: list[float]
    lane_lines: list[list[str]]
    bottom: float
    is_zone_channel: list[bool]
    emotion_band: Box | None = None
    time_band: Box | None = None


def _problem_lines(bp: Blueprint, locale: str, width: float, style: Style) -> list[str]:
    """The banner's text for a file with problems: how many, the first few with their position."""
    count = len(bp.problems)
    if not count:
        return []
    heading = word("picture.incomplete-one", locale) if count == 1 else word("picture.incomplete", locale).format(count=count)
    shown = sorted(bp.problems, key=lambda p: (p.pos.line, p.pos.column))[:_BANNER_PROBLEMS]
    lines = [heading] + [ellipsize(f"{p.pos.line}:{p.pos.column}  {p.text(locale)} ({p.rule})", width, style.small_size)
                         for p in shown]
    if count > len(shown):
        lines.append(word("picture.more-problems", locale).format(count=count - len(shown)))
    return lines


def _time_row_height(style: Style) -> float:
    return 2 * style.lh(style.small_size) + 10


def _rows(title: str, sheet_number: str, problems: list[str], grid: Grid, rows: list[Row], style: Style,
          locale: str, columns: _Columns, tracks: _Tracks, card_h: list[float], evidence_h: float,
          emotion_h: float, time_h: float, wider: _Wider) -> _Page:
    right = columns.right
    # One line, as wide as the grid at most (and never wider than Graphviz tables can be).
    room = (min(right - style.margin, 4000) - 8) / _BOLD - text_width(sheet_number, style.title_size)
    title = (ellipsize(title, room, style.title_size) + sheet_number).lstrip()
    title_box = Box(style.margin, style.margin, text_width(title, style.title_size) * _BOLD + 8,
                    style.lh(style.title_size))
    y = title_box.bottom + 10
    banner = None
    if problems:
        banner = Banner(Box(style.margin, y, right - style.margin, len(problems) * style.lh(style.small_size) + 10),
                        problems, 0)
        y = banner.box.bottom + 10
    phase_specs = []
    for band, first, last in grid.band_columns:
        phase = grid.phases[band] if band < len(grid.phases) else None
        x0 = columns.x[first] - style.phase_pad - columns.reach[first]
        x1 = columns.x[last] + style.card_width + style.phase_pad + columns.reach[last]
        lines = wrap(phase.display_label(), (x1 - x0 - 12) / _BOLD, style.header_size, 3) if phase else []
        phase_specs.append((phase, first, last, x0, x1, lines))
    header_lines = max([len(spec[5]) for spec in phase_specs] + [1])
    phase_header_h = header_lines * style.lh(style.header_size) + 10
    if not any(spec[0] is not None for spec in phase_specs):
        phase_header_h = 0.0  # no phase to name: no empty header band under the title
    phase_top = y
    y += phase_header_h + 6
    evidence_band = None
    if evidence_h:
        evidence_band = Box(columns.header_x, y, right - columns.header_x, evidence_h)
        y += evidence_h
    emotion_band = None
    if emotion_h:
        y += 6
        emotion_band = Box(columns.header_x, y, right - columns.header_x, emotion_h)
        y += emotion_h
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
        h += wider.get(("ch", r), 0.0)  # room for a long flow label between the lanes' cards
        channel_y.append(y + h / 2)
        y += h
        label = row.lane.display_label(locale) if row.lane is not None and row.sub == 0 else ""
        if label == row.zone.label(locale):
            label = ""  # the zone's name beside it already says it
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
    time_band = None
    if time_h:
        time_band = Box(columns.header_x, y, right - columns.header_x, time_h)
        y += time_h + 6
    is_zone_channel = [r > 0 and r < len(rows) and rows[r - 1].zone is not rows[r].zone
                       for r in range(len(rows) + 1)]
    return _Page(title, title_box, banner, phase_specs, phase_top, phase_header_h, evidence_band, channel_y, row_y,
                 row_h, lane_lines, y, is_zone_channel, emotion_band, time_band)


def _cards(grid: Grid, rows: list[Row], style: Style, texts: list[_CardText], card_h: list[float],
           columns: _Columns, page: _Page, numbers: list[int]) -> list[Card]:
    """Cards in the middle of their row, with their badges."""
    cards: list[Card] = []
    for i, step in enumerate(grid.steps):
        r, c = grid.row[i], grid.column[i]
        h = card_h[r]
        box = Box(columns.x[c], page.row_y[r] + (page.row_h[r] - h) / 2, style.card_width, h)
        lines, meta, touchpoint, badge_specs, extra = texts[i]
        # The step number in a small tag on the top edge at the right; badges from the left, like
        # tags, clear of the text in the middle; a long one (a fail point's text) is cut to the
        # room left, its whole text kept for the tooltip.
        _, tag_w, tag_h = number_tag(numbers[i], style)
        number_box = Box(box.right - style.card_pad_x - tag_w, box.y - tag_h / 2, tag_w, tag_h)
        badges = []
        bx = box.x + style.card_pad_x
        widths = [text_width(text, style.badge_size) + 12 for _, text, _, _ in badge_specs]
        for n, (kind, text, detail, exceeded) in enumerate(badge_specs):
            room = number_box.x - 4 - bx - 8 - sum(widths[n + 1:])
            if text_width(text, style.badge_size) > room:
                text = ellipsize(text, room, style.badge_size)
            bw = text_width(text, style.badge_size) + 8
            badges.append(Badge(kind, text, Box(bx, box.y - style.badge_height / 2, bw, style.badge_height),
                                detail, exceeded))
            bx += bw + 4
        exceeded = any(badge.exceeded for badge in badges)
        cards.append(Card(step, rows[r].zone, r, c, box, lines, meta, touchpoint, step.emotion, badges, exceeded,
                          extra, numbers[i], number_box))
    return cards


def _routes(planned: list[tuple[Flow, int, int, Plan]], cards: list[Card], rows: list[Row], style: Style,
            tracks: _Tracks, card_h: list[float], columns: _Columns, page: _Page) -> list[Route]:
    """Each planned route's corners in points: every segment on its track in its gap."""

    def track_offset(segment: Segment) -> float:
        kind, index = segment.resource
        track = segment.track
        if kind in ("ch", "g"):  # a gap is as wide as all its tracks
            count = tracks.get(segment.resource, 1)
            return offset(track, count, style.track, around_line=kind == "ch" and page.is_zone_channel[index])
        # Through the middle of cards: the tracks that meet one card spread along its side, so
        # that arrowheads on one side stand apart.
        count = segment.width
        if kind == "r":
            spacing = min(_SIDE_SPACING_R, (card_h[index] - 2 * _SIDE_MARGIN_R) / max(count - 1, 1))
        else:
            spacing = min(_SIDE_SPACING_C, (style.card_width - 2 * _SIDE_MARGIN_C) / max(count - 1, 1))
        return offset(track, count, spacing)

    def coordinate(segment: Segment) -> float:
        kind, index = segment.resource
        shift = track_offset(segment)
        if kind == "g":
            return columns.gap_center(index) + shift
        if kind == "c":
            return columns.x[index] + style.card_width / 2 + shift
        if kind == "ch":
            return page.channel_y[index] + shift
        return page.row_y[index] + page.row_h[index] / 2 + shift

    routes: list[Route] = []
    for flow, a, b, plan in planned:
        source, target = cards[a], cards[b]
        points = corners(plan, source.box, target.box, coordinate)
        crosses = tuple(Line.between(source.zone, target.zone))
        routes.append(Route(flow, flow.kind, source, target, points,
                            source.step.lane != target.step.lane, crosses))
    return routes


# ------------------------------------------------------------------------------------------------
# Bands, lines, notes and labels


def _bands(rows: list[Row], style: Style, locale: str, columns: _Columns,
           page: _Page) -> tuple[list[LaneBand], list[ZoneBand]]:
    """A band per lane (its label in the header column) and per zone (its label left of its lanes)."""
    lanes: list[LaneBand] = []
    zones: list[ZoneBand] = []
    zone_x = columns.header_x
    lane_x = columns.header_x + style.zone_width
    right = columns.right
    for r, row in enumerate(rows):
        if row.lane is not None and row.sub == 0:  # a stacked lane: one band over all its rows
            last = r + row.stack - 1
            h = page.row_y[last] + page.row_h[last] - page.row_y[r]
            box = Box(lane_x, page.row_y[r], right - lane_x, h)
            label_box = Box(lane_x, page.row_y[r], style.lane_label_width, h)
            lanes.append(LaneBand(row.lane, row.zone, r, box, label_box, page.lane_lines[r]))
    for zone in Zone:
        members = [r for r, row in enumerate(rows) if row.zone is zone]
        top, low = page.row_y[members[0]], page.row_y[members[-1]] + page.row_h[members[-1]]
        box = Box(zone_x, top, right - zone_x, low - top)
        label_box = Box(zone_x, top, style.zone_width, low - top)
        lines = wrap(zone.label(locale), (style.zone_width - 10) / _BOLD, style.header_size, 4)
        zones.append(ZoneBand(zone, box, label_box, lines, empty=rows[members[0]].lane is None))
    return lanes, zones


def _lines(rows: list[Row], style: Style, locale: str, columns: _Columns, page: _Page) -> list[LinePlacement]:
    """The three lines in the middle of the gaps between zones, each named above it on the left."""
    line_y = {rows[r - 1].zone.line_below: page.channel_y[r]
              for r in range(1, len(rows)) if page.is_zone_channel[r]}
    header_x, header_w = columns.header_x, columns.header_w
    placed: list[LinePlacement] = []
    for line in Line:
        ly = line_y[line]
        label_lines = wrap(line.label(locale), (header_w - 8) / _BOLD, style.small_size, 2)
        lh = style.lh(style.small_size)
        label_box = Box(header_x + 4, ly - 2 - len(label_lines) * lh, header_w - 8, len(label_lines) * lh)
        placed.append(LinePlacement(line, ly, header_x, columns.right, label_box, label_lines))
    return placed


def _evidence_notes(grid: Grid, style: Style, locale: str, notes: _Notes, columns: _Columns,
                    page: _Page, numbers: list[int]) -> tuple[list[EvidenceNote], tuple[Box, list[str]] | None]:
    """The notes stacked in their column of the evidence row, and the row's label."""
    band = page.evidence_band
    if band is None:
        return [], None
    placed: list[EvidenceNote] = []
    for column, stack in sorted(notes.by_column.items()):
        for i, lines, x, w in stack:
            box = Box(x, band.y + style.lane_pad, w, notes.note_height(lines))
            _, tag_w, tag_h = number_tag(numbers[i], style)
            # On the top edge at the right, left of the note's folded corner, like a card's.
            tag = Box(box.right - 9 - tag_w, box.y - tag_h / 2, tag_w, tag_h)
            placed.append(EvidenceNote(grid.steps[i], column, box, lines, numbers[i], tag))
    header_w = columns.header_w
    label_lines = wrap(word("row.evidence", locale), (header_w - 12) / _BOLD, style.header_size, 3)
    return placed, (Box(columns.header_x, band.y, header_w, band.h), label_lines)


def _flow_labels(routes: list[Route], cards: list[Card], notes: list[EvidenceNote], phases: list[PhaseBand],
                 lines: list[LinePlacement], style: Style, columns: _Columns, page: _Page) -> _Wider:
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
    crowded: _Wider = {}
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


def _sheet_links(flows: list[Flow], whole: Grid, grid: Grid, window: Window, cards: list[Card],
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


def _drawn(cards: list[Card], routes: list[Route]) -> set[str]:
    """What the legend explains: the kinds of flow, badge and mark the picture shows."""
    drawn = {route.kind.value for route in routes}
    for card in cards:
        drawn.update(badge.kind for badge in card.badges)
        if card.exceeded:
            drawn.add("standard-exceeded")
        if card.emotion is not None:
            drawn.add("emotion")
    return drawn


def _time_row(analysis: Analysis, whole: Grid, grid: Grid, style: Style, locale: str, columns: _Columns,
              page: _Page, shared: dict) -> TimeRow:
    """Under each phase band: the time the phase adds to the customer's journey (until its last
    customer or frontstage step ends; back-office work after that runs on without the customer),
    and the running total."""
    band = page.time_band
    if "phase_times" not in shared:  # once for all sheets
        visible = (Zone.CUSTOMER, Zone.FRONTSTAGE)
        bands = {step.index: whole.band[i] for i, step in enumerate(whole.steps) if step.zone in visible}
        for b in set(whole.band):
            bands.setdefault(-1 - b, b)  # every phase has a cell, even one without customer steps
        shared["phase_times"] = phase_times(bands, analysis.finish)
    totals = shared["phase_times"]
    total = word("picture.total", locale)
    cells = []
    for (index, _, _), (_, _, _, x0, x1, _) in zip(grid.band_columns, page.phase_specs):
        adds, running = totals.get(index, (None, None))
        if running is None:
            continue
        lines = [format_duration(adds, locale), f"{total} {format_duration(running, locale)}"]
        cells.append((Box(x0, band.y, x1 - x0, band.h), lines))
    label = wrap(word("picture.time-row", locale), (columns.header_w - 12) / _BOLD, style.header_size, 2)
    return TimeRow(band, Box(columns.header_x, band.y, columns.header_w, band.h), label, cells)


def _emotion_curve(cards: list[Card], style: Style, locale: str, columns: _Columns, page: _Page) -> EmotionCurve:
    """A point per step with an emotion, at its card's x, higher for a happier customer."""
    band = page.emotion_band
    points = [(card.box.cx, band.cy - max(-2, min(2, card.emotion)) * _EMOTION_STEP, card.emotion, card.step)
              for card in sorted(cards, key=lambda card: (card.column, card.row, card.step.index))
              if card.emotion is not None]
    name = word("legend.emotion", locale)
    label = wrap(name[:1].upper() + name[1:], (columns.header_w - 12) / _BOLD, style.header_size, 2)
    return EmotionCurve(band, Box(columns.header_x, band.y, columns.header_w, band.h), label, points)
