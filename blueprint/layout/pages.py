"""Print pages (no Graphviz here): a blueprint on A3, A4 or Letter, split by phase into numbered sheets so that no text
is printed smaller than 7 pt.

A sheet is a run of columns laid out on its own, ending where a phase ends when the sheet is then
at least three quarters full (else it takes the next phase's first columns, which go on on the next
sheet, rather than leave the page a third empty; a phase wider than a page is cut between columns
anyway): lane and zone headers repeated, a tag "→ 3" beside a card whose flow continues on sheet 3 and
"1 →" beside one whose flow comes from sheet 1, and rows sized for the sheet's own cards (a lane
with no step on the sheet closes up to its name, a stacked lane's unused rows close up). Every
sheet is drawn at one scale, the largest at which the widest sheet fits the page (``fit="page"``:
and the tallest too, when it can without text under 7 pt) or the page width (``fit="width"``),
never below 7 pt text and never more than twice the natural size. A sheet taller than the page at
that scale goes on as many pages as it needs, one under the other: each page after the first
carries a running head across its top, the sheet's title with its number and the part ("Hall walk
(3/12) · part 2 of 3"), over the strip of the sheet the page before already showed. PDF gives all
pages in one file; SVG and PNG give one picture per page.

The print takes the way that needs the fewest pages, of: each orientation ``auto`` may choose
(landscape first, it wins a tie), and for each the lanes stacked as on the screen, stacked as far
as the page is tall (:func:`.grid.stacking` with the page's height: narrower sheets are fewer), or
one row per lane.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..gcpause import paused_gc
from ..model import Blueprint
from ..paper import FITS, ORIENTATIONS, PAGE_SIZES
from ..words import normalize
from .breaches import analyse, plain
from .geometry import Box, Layout, Style, Window
from .grid import stacking

__all__ = ["FITS", "MARGIN_TRIM", "MIN_TEXT", "ORIENTATIONS", "PAGE_SIZES", "Page", "PageSpec", "head_height", "part_cuts",
           "plan_pages", "printed_height"]

#: The smallest text size in points any printed page may show.
MIN_TEXT = 7.0
#: How much of a sheet's bottom margin (in the sheet's points) may fall off the foot of its page.
MARGIN_TRIM = 6.0
# Small blueprints are enlarged to fill the page, but not beyond this.
_MAX_SCALE = 2.0
# A sheet is cut at the end of a phase only where it is at least this full (of the widest it may be).
_FILLED = 0.75
# How often a sheet that came out too wide is cut again before it is halved.
_RECUTS = 3
# A print of more than twice this many sheets is estimated from this many sample sheets, and an
# orientation whose first sheets (at least this many, and a quarter of the blueprint) show it far
# behind the other is not laid out to the end.
_SAMPLE_SHEETS = 16
# A long print's orientation estimated this much (a fraction) over the other's count is not laid out.
_CLOSE = 0.1
# What ``auto`` chooses between, landscape first (it wins a tie).
_BOTH = ("landscape", "portrait")


@dataclass(frozen=True)
class PageSpec:
    """What the user asked for: ``size`` a key of :data:`PAGE_SIZES`, an orientation, a fit."""

    size: str
    orientation: str = "auto"
    fit: str = "page"

    def __post_init__(self) -> None:
        if self.size not in PAGE_SIZES:
            raise ValueError(f"unknown page size {self.size!r}: use one of {', '.join(PAGE_SIZES)}")
        if self.orientation not in ORIENTATIONS:
            raise ValueError(f"unknown orientation {self.orientation!r}: use one of {', '.join(ORIENTATIONS)}")
        if self.fit not in FITS:
            raise ValueError(f"unknown fit {self.fit!r}: use one of {', '.join(FITS)}")

    def dimensions(self, orientation: str) -> tuple[float, float]:
        """Width and height in points for ``landscape`` or ``portrait``."""
        short, long = PAGE_SIZES[self.size]
        return (long, short) if orientation == "landscape" else (short, long)


def head_height(style: Style) -> float:
    """How tall the running head of a sheet's second and later parts is, in the sheet's points: a
    line of small text clear of the page's edge (which many printers cannot print), and a rule."""
    return style.margin + style.lh(style.small_size) + 2


@dataclass
class Page:
    """One printed page: part ``part`` of ``parts`` (top to bottom) of a sheet, at ``scale``."""

    sheet: Layout
    number: int
    part: int
    parts: int
    scale: float
    width: float
    height: float

    @property
    def suffix(self) -> str:
        """The page's name in file names: the sheet number, and a letter for a part of a tall one."""
        return f"{self.sheet.window.number}" + (chr(ord("a") + self.part) if self.parts > 1 else "")

    #: Where on its sheet (in the sheet's points, y down) the page's top edge lies: a later part
    #: starts a running head's height above where the part before it ends.
    top: float = 0.0
    #: Where on its sheet what the page shows ends: a part that is not the last ends in a gap
    #: between cards, notes and labels (blank below), so that each is whole on one page.
    end: float = math.inf

    def viewport(self) -> str:
        """Graphviz's ``viewport`` (width, height, zoom, focus x, focus y, y up) showing this page."""
        s = self.scale
        focus_x = self.width / 2 / s
        focus_y = self.sheet.height - self.top - self.height / 2 / s
        return f"{self.width:.2f},{self.height:.2f},{s:.6f},{focus_x:.2f},{focus_y:.2f}"


def smallest_text(style: Style) -> float:
    return min(style.label_size, style.small_size, style.badge_size, style.note_size, style.header_size,
               style.title_size, style.flow_label_size)


def plan_pages(bp: Blueprint, spec: PageSpec, locale: str | None = None, evidence: bool = True,
               style: Style | None = None, analysis: bool = True, details: bool = False) -> list[Page]:
    """The pages of ``bp`` printed as ``spec`` asks, in order (the options as for
    :func:`blueprint.layout.layout`)."""
    with paused_gc():  # once for all sheets, not a collection after each sheet's layout
        return _plan_pages(bp, spec, locale, evidence, style, analysis, details)


@dataclass
class _Strip:
    """The whole blueprint as sheets are cut from it: the left edge of each column, the last column
    of each phase band."""

    column_x: list[float]
    phase_ends: list[int]
    style: Style


@dataclass
class _Choice:
    """One way to print: an orientation and the lanes' rows, on a page of ``size`` (points) whose
    smallest scale is ``least``."""

    orientation: str
    stacks: dict[str, int]
    size: tuple[float, float]
    least: float
    #: The first cut (see :func:`_split`), numbered; once made.
    windows: list[Window] | None = None

    @property
    def widest(self) -> float:
        """The widest sheet, in layout points."""
        return self.size[0] / self.least


def _plan_pages(bp: Blueprint, spec: PageSpec, locale: str | None, evidence: bool, style: Style | None,
                analysis: bool, details: bool) -> list[Page]:
    from . import layout
    from .place import column_edges, renumbered, whole_grid

    style = style or Style()
    # Once for every sheet (as place() reads the locale); a plain print's still carries the grid.
    analysis = analyse(bp, normalize(locale, normalize(bp.locale))) if analysis else plain(bp)
    least = MIN_TEXT / smallest_text(style)
    # What every way to print shares: the grids (one for each stacking), the texts.
    stacked = whole_grid(bp, True, analysis.shared)[2]
    strips: dict[tuple, _Strip] = {}
    # The sheets laid out, by stacking and run of columns: both orientations' (and the estimates'),
    # numbered as last asked for (a sheet differs from the same columns numbered otherwise only
    # in its numbers, which are made again).
    laid_out: dict[tuple, dict[tuple[int, int], Layout]] = {}

    def strip(way: _Choice, routes: bool = True) -> _Strip:
        key = (tuple(sorted(way.stacks.items())), routes)
        if key not in strips:
            strips[key] = _Strip(*column_edges(bp, evidence, style, way.stacks, analysis.shared, routes), style)
        return strips[key]

    def lay_out(way: _Choice, window: Window) -> Layout:
        sheets = laid_out.setdefault(tuple(sorted(way.stacks.items())), {})
        run = (window.first, window.last)
        laid = sheets.get(run)
        if laid is None:
            laid = layout(bp, locale=locale, evidence=evidence, style=style, analysis=analysis, details=details,
                          window=window, stack=way.stacks)
        elif laid.window != window:
            laid = renumbered(bp, laid, window, analysis)
        sheets[run] = laid
        return laid

    def first_cut(way: _Choice) -> list[Window]:
        if way.windows is None:
            way.windows = _windows(_split(strip(way), way.widest))
        return way.windows

    def pages(way: _Choice, give_up_at: int | None = None) -> list[Page] | None:
        return _pages(strip(way), first_cut(way), way, spec, partial(lay_out, way), give_up_at)

    # The ways to print, the preferred first (it wins a tie).
    base_rows, base = analysis.shared["base grid"]
    ways: list[_Choice] = []
    for orientation in (_BOTH if spec.orientation == "auto" else (spec.orientation,)):
        size = spec.dimensions(orientation)
        three = (stacked, stacking(base, base_rows, page=size[1] / least), {})
        ways += [_Choice(orientation, stacks, size, least) for k, stacks in enumerate(three) if stacks not in three[:k]]
    if len(ways) == 1:
        return pages(ways[0])
    # Each is estimated from sample sheets (every sheet of a short print: then the estimate is the
    # count); the likeliest is laid out, another only if its estimate is close, and then only until
    # it cannot win any more. Every sheet takes a page at least: a long print's way cut into far
    # more sheets than another is estimated to need pages (even cut before its routes widen the
    # gaps between columns) is not estimated.

    rough = [len(_split(strip(way, routes=False), way.widest)) for way in ways]
    estimates: list[tuple[float, bool]] = [(float(count), False) for count in rough]
    sampled = math.inf  # the fewest pages a sampled way is estimated to need
    for n in sorted(range(len(ways)), key=lambda n: rough[n]):
        if rough[n] <= 2 * _SAMPLE_SHEETS or rough[n] < (1 + _CLOSE) * min(e for e, _ in estimates):
            way = ways[n]
            count = len(first_cut(way))
            if count > 2 * _SAMPLE_SHEETS and count >= (1 + _CLOSE) * sampled:
                estimates[n] = (float(count), False)  # far behind at one page a sheet: not sampled
                continue
            estimates[n] = _estimate(first_cut(way), way, spec, partial(lay_out, way))
            sampled = min(sampled, estimates[n][0])
    order = sorted(range(len(ways)), key=lambda n: estimates[n][0])
    best_n = order[0]
    best = pages(ways[best_n])
    for n in order[1:]:
        estimate, exact = estimates[n]
        give_up_at = len(best) + (1 if n < best_n else 0)  # a preferred way wins a tie
        if estimate >= give_up_at if exact else estimate >= (1 + _CLOSE) * len(best):
            continue
        other = pages(ways[n], give_up_at)
        if other is not None and len(other) < give_up_at:
            best, best_n = other, n
    return best


def _estimate(windows: list[Window], way: _Choice, spec: PageSpec,
              sample: Callable[[Window], Layout]) -> tuple[float, bool]:
    """How many pages the sheets ``windows`` would take printed as ``way``, and whether that is
    the count: every sheet of a short print is laid out (by ``sample``), of a long one
    :data:`_SAMPLE_SHEETS` spread over it (a sheet has fewer routes, so fewer tracks, than the
    whole; how tall it is shows only once it is laid out)."""
    page_w, page_h = way.size
    exact = len(windows) <= 2 * _SAMPLE_SHEETS
    numbers = range(1, len(windows) + 1) if exact else sorted(
        {1 + round(k * (len(windows) - 1) / (_SAMPLE_SHEETS - 1)) for k in range(_SAMPLE_SHEETS)})
    sheets = [sample(windows[number - 1]) for number in numbers]
    scale = _scale(sheets, spec, page_w, page_h, way.least)
    parts = sum(_parts(sheet, scale, page_h) for sheet in sheets)
    # A sheet that came out too wide is cut again when drawn: the estimate is then not the count.
    exact = exact and all(sheet.width <= way.widest + 0.5 for sheet in sheets)
    return parts * len(windows) / len(sheets), exact


def _scale(sheets: list[Layout], spec: PageSpec, page_w: float, page_h: float, least: float) -> float:
    """One scale for all sheets: the largest at which each fits the page's width (and its height,
    for ``fit="page"``), never under ``least`` nor over :data:`_MAX_SCALE`."""
    scale = min(page_w / sheet.width for sheet in sheets)
    if spec.fit == "page":
        scale = min(scale, min(page_h / sheet.height for sheet in sheets))
    return max(least, min(scale, _MAX_SCALE))


def _sheet_of_column(runs: list[tuple[int, int]]) -> tuple[int, ...]:
    """The number of the sheet each column is on."""
    return tuple(number for number, (first, last) in enumerate(runs, 1) for _ in range(last - first + 1))


def _pages(whole: _Strip, first_cut: list[Window], way: _Choice, spec: PageSpec, lay_out: Callable[[Window], Layout],
           give_up_at: int | None = None) -> list[Page] | None:
    """The pages printed as ``way`` (``lay_out`` lays out a sheet, or numbers again one laid out
    before with the same columns); None as soon as they are sure to be ``give_up_at`` or more.

    The sheets are cut left to right, each as in ``first_cut`` (:func:`_split`'s, numbered); that
    cut ignores that a sheet has fewer tracks and its own labels, so where a sheet comes out too
    wide its run is made narrower by as much (a few times at most; then halved) before the next
    sheet starts. Sheets are laid out numbered as the first cut numbers them, and numbered again
    where the cut changed."""
    page_w, page_h = way.size
    least, widest = way.least, way.widest
    starts = [window.first for window in first_cut]
    by_run = {(window.first, window.last): window for window in first_cut}
    runs: list[tuple[int, int]] = []
    more = 0  # pages beyond one per sheet (at the smallest scale, each as tall as it is): a lower bound
    count = len(whole.column_x)

    def sheet(first: int, last: int) -> Layout:
        # A run the first cut did not make is numbered after the runs so far, the rest one more sheet.
        window = by_run.get((first, last)) or Window(first, last, len(runs) + 1, len(runs) + 2, _sheet_of_column(
            [*runs, (first, last), (last + 1, max(count - 1, last + 1))])[:max(count, 1)])
        return lay_out(window)

    first = 0
    while first < max(count, 1):
        room = widest
        last = _run(whole, first, room) if count else 0
        laid = sheet(first, last)
        for attempt in range(count):
            if laid.width <= widest + 0.5 or last == first:
                break
            room -= laid.width - widest
            last = min(_run(whole, first, room) if attempt < _RECUTS else (first + last) // 2, last - 1)
            laid = sheet(first, last)
        runs.append((first, last))
        more += _parts(laid, least, page_h) - 1  # no fewer at the scale chosen, which is no smaller
        # A narrower cut never makes fewer sheets: those of the first cut after this one are still to come.
        to_come = len(first_cut) - bisect_right(starts, last)
        if give_up_at is not None and (len(runs) + to_come + more >= give_up_at or _clearly_behind(
                len(runs), last + 1, count, len(runs) + to_come, more, give_up_at)):
            return None
        first = last + 1
    sheets = [lay_out(window) for window in _windows(runs)]
    scale = _scale(sheets, spec, page_w, page_h, least)
    pages: list[Page] = []
    for laid in sheets:
        cuts = part_cuts(laid, page_h / scale)
        for part, (top, end) in enumerate(cuts):
            pages.append(Page(laid, len(pages) + 1, part, len(cuts), scale, page_w, page_h, top, end))
    return pages


def _windows(runs: list[tuple[int, int]]) -> list[Window]:
    """The print sheets of ``runs``, numbered."""
    sheet_of_column = _sheet_of_column(runs)
    return [Window(first, last, number, len(runs), sheet_of_column) for number, (first, last) in enumerate(runs, 1)]


def _clearly_behind(sheets: int, columns: int, count: int, runs: int, more: int, give_up_at: int) -> bool:
    """Whether the first ``sheets`` sheets, ``columns`` of ``count`` columns, needing ``more`` pages
    than one each, show a long print needing a quarter more pages than ``give_up_at`` (then it is
    not laid out to the end; a short one always is)."""
    return sheets >= _SAMPLE_SHEETS and columns * 4 >= count and runs + more * count / columns >= 1.25 * give_up_at


def printed_height(sheet: Layout) -> float:
    """How much of ``sheet``'s height its pages must show: all but the foot of its bottom margin
    (blank, and nearer the paper's edge than most printers print), :data:`MARGIN_TRIM` at most."""
    return sheet.height - min(MARGIN_TRIM, sheet.style.margin)


def part_cuts(sheet: Layout, span: float) -> list[tuple[float, float]]:
    """Where each page of ``sheet`` starts and ends (sheet y, top and end as :class:`Page` has them)
    when a page shows ``span`` of it: a sheet taller than that is cut, one page under the other,
    where no card, note or label is cut in two (at the top of a lane where one is low enough on
    the page, else in the lowest gap between them), and a later part starts a running head's
    height above the cut, over what the page before showed."""
    tall, head = printed_height(sheet), head_height(sheet.style)
    if tall <= span + 1e-6:
        return [(0.0, math.inf)]
    blocks = _blocks(sheet)
    lanes = sorted({band.box.y for band in sheet.lanes} | {band.box.y for band in sheet.zones})
    cuts: list[tuple[float, float]] = []
    top = 0.0
    while top + span < tall - 1e-6:
        shown = top + (head if cuts else 0.0)  # the first sheet y under the running head
        bottom, least = top + span, shown + span * 0.8  # a lane's top, if it is low on the page
        cut = _gap_above(blocks, bottom)
        if cut < shown + span / 4:  # a page not even a quarter full: cut through what is that tall
            cut = bottom
        edges = [y for y in lanes if least <= y <= cut and _gap_above(blocks, y) == y]
        cut = edges[-1] if edges else cut
        cuts.append((top, cut))
        top = cut - head
    cuts.append((top, math.inf))
    return cuts


def _blocks(sheet: Layout) -> list[tuple[float, float]]:
    """The spans (top, bottom) of what a cut must not go through, merged where they overlap: cards
    with their badges and numbers, evidence notes, flow labels, sheet links, the header column's
    and the lines' labels, the time row and emotion curve, the banner, the title and legend."""
    boxes = [sheet.title_box]
    for card in sheet.cards:
        boxes += [card.box, *(badge.box for badge in card.badges)]
        if card.number_box is not None:
            boxes.append(card.number_box)
    for note in sheet.evidence:
        boxes.append(note.box)
        if note.number_box is not None:
            boxes.append(note.number_box)
    boxes += [route.label.box for route in sheet.routes if route.label is not None]
    boxes += [link.box for link in sheet.links]
    # A zone's or lane's name is centred in a band that may be pages tall: only its lines block.
    header = sheet.style.lh(sheet.style.header_size)
    for band in (*sheet.lanes, *sheet.zones):
        middle, half = band.label_box.cy, len(band.lines) * header / 2
        boxes.append(Box(band.label_box.x, middle - half, band.label_box.w, 2 * half))
    boxes += [line.label_box for line in sheet.lines]
    boxes += [item.text_box for item in sheet.legend] + [item.sample_box for item in sheet.legend]
    for row in (sheet.time_row, sheet.emotion_curve, sheet.banner):
        if row is not None:
            boxes.append(row.box)
    merged: list[tuple[float, float]] = []
    for y, bottom in sorted((box.y, box.bottom) for box in boxes):
        if merged and y < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((y, bottom))
    return merged


def _gap_above(blocks: list[tuple[float, float]], y: float) -> float:
    """``y`` if it lies in a gap between ``blocks``, else the top of the block it goes through."""
    for top, bottom in blocks:
        if top < y < bottom:
            return top
    return y


def _parts(sheet: Layout, scale: float, page_h: float) -> int:
    """How many pages ``sheet`` needs at ``scale``, one under the other (see :func:`part_cuts`)."""
    return len(part_cuts(sheet, page_h / scale))


def _split(whole: _Strip, widest: float) -> list[tuple[int, int]]:
    """Runs of columns, each as wide as a sheet may be, cut as :func:`_run` cuts them."""
    count = len(whole.column_x)
    if not count:
        return [(0, 0)]
    runs: list[tuple[int, int]] = []
    first = 0
    while first < count:
        runs.append((first, _run(whole, first, widest)))
        first = runs[-1][1] + 1
    return runs


def _run(whole: _Strip, first: int, room: float) -> int:
    """The last column of a sheet from column ``first`` at most ``room`` wide: cut between phases
    where one fits and the sheet is still at least :data:`_FILLED` full; else as full as it can be
    (a phase goes on on the next sheet rather than leaving a third of a page empty)."""
    count = len(whole.column_x)
    last = first
    while last + 1 < count and _run_width(whole, first, last + 1) <= room:
        last += 1
    ends = [end for end in whole.phase_ends if first <= end <= last and _run_width(whole, first, end) >= _FILLED * room]
    return max(ends) if ends and last + 1 < count else last


def _run_width(whole: _Strip, first: int, last: int) -> float:
    """How wide a sheet of columns ``first`` to ``last`` of ``whole`` is, as the whole spaces them:
    margin, header column and first gap, the columns, half a gap, the phase's padding, margin."""
    style, xs = whole.style, whole.column_x
    edge = style.column_gap / 2 + style.phase_pad + style.margin
    return xs[0] + xs[last] + style.card_width - xs[first] + edge
