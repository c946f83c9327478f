"""Everything on the page, in named phases: measure the cards, plan the routes on the grid, then
columns, rows, cards and routes in points, bands and lines, evidence notes, flow labels, legend."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace

from ..analysis.numbering import step_numbers
from ..model import Blueprint, Flow, FlowKind, Line
from ..words import normalize
from .bands import EMOTION_H, bands, lines_between_zones, place_emotion_curve, place_time_row
from .breaches import Analysis, analyse
from .cards import BadgeSpec, card_height, card_text, number_tag
from .columns import Columns, Tracks, Wider, place_columns
from .evidence import Notes, measure_evidence, note_reach, place_evidence_notes
from .geometry import Badge, Box, Card, Layout, LegendItem, PhaseBand, Route, Style, Window
from .grid import Grid, Row, grid_rows, stacking
from .labels import legend
from .links import flow_labels, sheet_links
from .routing import Plan, Router, Segment, assign_tracks, corners, offset
from .rows import Rows, place_rows, problem_lines, time_row_height, title_line
from .text import ellipsize, text_width

__all__ = ["place"]

# How often the picture is placed at most: once, and again with gaps widened for crowded labels.
_LABEL_PASSES = 3
# Routes ending on one card side stand this far apart at most, and this far from its corners at least:
# along the top and bottom (clear of the badges on the top's left), along the left and right.
_SIDE_SPACING_C, _SIDE_MARGIN_C = 24.0, 30.0
_SIDE_SPACING_R, _SIDE_MARGIN_R = 14.0, 9.0
# The legend stands this far under the picture, or on a print sheet on the title's line where it
# keeps this far from the title.
_LEGEND_GAP, _LEGEND_CLEAR = 14.0, 24.0

_CardText = tuple[list[str], list[str], str, list[BadgeSpec], list[str]]


def place(bp: Blueprint, locale: str | None, evidence: bool, style: Style | None,
          window: Window | None = None, analysis: bool | Analysis = True, details: bool = False,
          stack: bool | dict[str, int] = True) -> Layout:
    """The whole picture of ``bp`` (see :func:`blueprint.layout.layout`), or one print sheet of it."""
    style = style or Style()
    locale = normalize(locale, normalize(bp.locale))
    shared = analysis.shared if isinstance(analysis, Analysis) else {}
    rows, whole, stacks = whole_grid(bp, stack, shared)
    grid = whole if window is None else whole.window(window.first, window.last)
    flows = _sheet_flows(bp, whole, stacks, window, shared)
    title = bp.title or ""
    if analysis is True:
        analysis = analyse(bp, locale)
    found = analysis.breaches if analysis else None
    number = analysis.numbers if isinstance(analysis, Analysis) else step_numbers(bp)  # once for all sheets
    numbers = [number.get(step.index, 0) for step in grid.steps]
    texts, card_h = _measure_cards(grid, len(rows), style, locale, found, details, numbers, shared)
    planned, tracks = _plan_routes(flows, grid, rows)
    _room_for_arrowheads(planned, card_h, style)
    timed = analysis and any(step.duration is not None for step in grid.steps)
    felt = analysis and any(step.emotion is not None for step in grid.steps)
    # A label with no place clear of other edges widens the gap it is in, and everything is placed
    # again (rarely more than once: only where routes crowd a narrow gap).
    wider: Wider = {}
    reach = note_reach(grid, rows, style) if evidence else {}
    for attempt in range(_LABEL_PASSES):
        columns = place_columns(grid, style, tracks, wider, reach)
        notes = measure_evidence(grid, rows, style, numbers, columns) if evidence else Notes()
        problems = problem_lines(bp, locale, columns.right - style.margin - 12, style)
        page = place_rows(title, _sheet_number(window), problems, grid, rows, style, locale, columns, tracks, card_h,
                          notes.height, EMOTION_H if felt else 0.0, time_row_height(style) if timed else 0.0, wider,
                          sheet=window is not None)
        cards = _cards(grid, rows, style, texts, card_h, columns, page, numbers)
        routes = _routes(planned, cards, rows, style, tracks, card_h, columns, page)
        lanes, zones = bands(rows, style, locale, columns, page)
        lines = lines_between_zones(rows, style, locale, columns, page)
        phases = [PhaseBand(phase, first, last, Box(x0, page.phase_top, x1 - x0, page.bottom - page.phase_top),
                            Box(x0, page.phase_top, x1 - x0, page.phase_header_h), lines)
                  for phase, first, last, x0, x1, lines in page.phase_specs]
        evidence_notes, evidence_label = place_evidence_notes(grid, style, locale, notes, columns, page, numbers)
        crowded = flow_labels(routes, cards, evidence_notes, phases, lines, style, columns, page)
        if (not crowded or all(wider.get(k, 0.0) >= w for k, w in crowded.items())
                or attempt == _LABEL_PASSES - 1):
            break
        for k, w in crowded.items():
            wider[k] = max(wider.get(k, 0.0), w)
        del cards, routes, evidence_notes  # placed again next: never two whole pictures in memory at once
    links = sheet_links(flows, whole, grid, window, cards, style) if window is not None else []
    time_row = place_time_row(analysis, whole, grid, style, locale, columns, page, shared) if page.time_band else None
    curve = place_emotion_curve(cards, style, locale, columns, page) if page.emotion_band else None
    items, legend_title, legend_bottom = _legend(style, locale, columns.header_x, columns.right, page.title_box,
                                                 page.bottom, _drawn(cards, routes), window is not None)
    return Layout(
        width=columns.right + style.margin, height=legend_bottom + style.margin, locale=locale, style=style,
        title=page.title, title_box=page.title_box, cards=cards, lanes=lanes, zones=zones, phases=phases,
        lines=lines, evidence=evidence_notes, evidence_band=page.evidence_band, evidence_label=evidence_label,
        routes=routes, legend=items, legend_title=legend_title, columns=columns.count, skipped=grid.skipped,
        window=window, links=links, column_x=columns.x,
        banner=replace(page.banner, count=len(bp.problems)) if page.banner else None,
        time_row=time_row, emotion_curve=curve, stacks=stacks, picture_bottom=page.bottom,
    )


def renumbered(bp: Blueprint, sheet: Layout, window: Window, analysis: bool | Analysis) -> Layout:
    """``sheet``, a print sheet of the same columns as ``window``, numbered as ``window``: its title
    and its tags to other sheets made again, and its legend placed again beside the new title;
    nothing else on a sheet depends on the numbers (the title never widens it)."""
    style = sheet.style
    shared = analysis.shared if isinstance(analysis, Analysis) else {}
    _, whole, _ = whole_grid(bp, sheet.stacks, shared)
    grid = whole.window(window.first, window.last)
    right = sheet.width - style.margin
    title, title_box = title_line(bp.title or "", _sheet_number(window), right, style)
    items, legend_title, legend_bottom = _legend(style, sheet.locale, style.margin, right, title_box,
                                                 sheet.picture_bottom, _drawn(sheet.cards, sheet.routes), True)
    flows = _sheet_flows(bp, whole, sheet.stacks, window, shared)
    links = sheet_links(flows, whole, grid, window, sheet.cards, style)
    return replace(sheet, title=title, title_box=title_box, window=window, links=links, legend=items,
                   legend_title=legend_title, height=legend_bottom + style.margin)


def _sheet_number(window: Window | None) -> str:
    """A sheet's number after the title, " (3/12)" (never cut: on a narrow sheet the title gives way)."""
    return f" ({window.number}/{window.count})" if window is not None and window.count > 1 else ""


def whole_grid(bp: Blueprint, stack: bool | dict[str, int], shared: dict) -> tuple[list[Row], Grid, dict[str, int]]:
    """The whole blueprint's rows and grid, its lanes stacked as :func:`.grid.stacking` decides
    (``stack=True``), not at all (False) or as given; kept in ``shared`` for all the sheets of a
    print, one grid for each stacking (all restacked from the grid with one row per lane)."""
    if "base grid" not in shared:
        rows = grid_rows(bp)
        shared["base grid"] = (rows, Grid(bp, rows))
    rows, whole = shared["base grid"]
    if stack is True:
        if "stacking" not in shared:
            shared["stacking"] = stacking(whole, rows)
        stack = shared["stacking"]
    stacks = stack or {}
    key = ("grid", _stack_key(stacks))
    if key not in shared:
        if stacks:
            rows = grid_rows(bp, stacks)
            whole = whole.restacked(rows)
        shared[key] = (rows, whole, stacks)
    return shared[key]


def _stack_key(stacks: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """A stacking as a key of ``shared`` (what depends on the stacking is kept by it)."""
    return tuple(sorted(stacks.items()))


def column_edges(bp: Blueprint, evidence: bool, style: Style, stack: bool | dict[str, int],
                 shared: dict, routes: bool = True) -> tuple[list[float], list[int]]:
    """Where print sheets are cut: the left edge of every column of the whole picture (placed as
    :func:`place` does, but before any label widens a gap: each sheet widens its own), and the last
    column of every phase band. The routes are planned (with ``routes``: else the gaps are as
    narrow as they can be), nothing else is placed."""
    rows, grid, _ = whole_grid(bp, stack, shared)
    tracks = _plan_routes([*bp.flows, *bp.recoveries], grid, rows)[1] if routes else {}
    columns = place_columns(grid, style, tracks, {}, note_reach(grid, rows, style) if evidence else {})
    return columns.x, [last for _, _, last in grid.band_columns]


# ------------------------------------------------------------------------------------------------
# Measuring, before anything has a position


def _measure_cards(grid: Grid, row_count: int, style: Style, locale: str, found: dict[int, list] | None,
                   details: bool, numbers: list[int], shared: dict) -> tuple[list[_CardText], list[float]]:
    """Every card's text, and the card height of each row (the tallest card of the row). A step's
    text is the same on every print sheet: it is measured once, kept in ``shared``."""
    known: dict[int, _CardText] = shared.setdefault(("card text", style, locale, details), {})
    texts = []
    for i, step in enumerate(grid.steps):
        text = known.get(step.index)
        if text is None:
            text = known[step.index] = card_text(step, style, locale, None if found is None else
                                                 found.get(step.index, []), details, numbers[i])
        texts.append(text)
    card_h = [style.card_min_height] * row_count
    for i, (lines, meta, touchpoint, badges, extra) in enumerate(texts):
        step = grid.steps[i]
        footer = bool(touchpoint) or step.emotion is not None
        r = grid.row[i]
        card_h[r] = max(card_h[r], card_height(lines, meta, footer, bool(badges), style, len(extra)))
    return texts, card_h


def _sheet_flows(bp: Blueprint, whole: Grid, stacks: dict[str, int], window: Window | None,
                 shared: dict) -> list[Flow]:
    """The flows and recovery links a picture may draw: all of them, or on a print sheet those with
    an end on it, in the blueprint's order (found through an index by column made once for all
    sheets of a stacking, so that printing stays linear in the blueprint's size)."""
    if window is None:
        return [*bp.flows, *bp.recoveries]
    key = ("flows", _stack_key(stacks))
    if key not in shared:
        flows = [*bp.flows, *bp.recoveries]
        by_column: dict[int, list[int]] = defaultdict(list)
        for k, flow in enumerate(flows):
            ends = {whole.column[i] for i in (whole.position.get(flow.source.id), whole.position.get(flow.target.id))
                    if i is not None}
            for column in ends:
                by_column[column].append(k)
        shared[key] = (flows, by_column)
    flows, by_column = shared[key]
    found = {k for column in range(window.first, window.last + 1) for k in by_column.get(column, ())}
    return [flows[k] for k in sorted(found)]


def _plan_routes(flows: list[Flow], grid: Grid, rows: list[Row]) -> tuple[list[tuple[Flow, int, int, Plan]], Tracks]:
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


def _cards(grid: Grid, rows: list[Row], style: Style, texts: list[_CardText], card_h: list[float],
           columns: Columns, page: Rows, numbers: list[int]) -> list[Card]:
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
            tracks: Tracks, card_h: list[float], columns: Columns, page: Rows) -> list[Route]:
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


def _legend(style: Style, locale: str, header_x: float, right: float, title_box: Box, bottom: float,
            drawn: set[str], sheet: bool):
    """The legend (as :func:`.labels.legend` returns it): under the picture (which ends at
    ``bottom``), or on a print sheet on the title's line at the right where it fits there on one
    row, so that the page keeps its height for the lanes."""
    if sheet:
        items, title, _ = legend(style, locale, 0.0, 0.0, math.inf, drawn)
        if title is not None:
            x = right - max(item.text_box.right for item in items)
            y = title_box.y + (title_box.h - title[0].h) / 2
            if x >= title_box.right + _LEGEND_CLEAR:
                def moved(box: Box) -> Box:
                    return Box(box.x + x, box.y + y, box.w, box.h)

                items = [LegendItem(item.sample, item.text, moved(item.sample_box), moved(item.text_box))
                         for item in items]
                return items, (moved(title[0]), title[1]), bottom
    return legend(style, locale, header_x, bottom + _LEGEND_GAP, right, drawn)


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


