"""y positions of a picture, top to bottom: the title (with a sheet's number), the banner of a
file with problems, the phase headers, the evidence and emotion rows, each lane row and the gaps
between them, the time row."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Blueprint, Phase
from ..words import word
from .columns import BOLD, Columns, Tracks, Wider
from .geometry import Banner, Box, Style
from .grid import Grid, Row
from .text import ellipsize, text_width, wrap

__all__ = ["Rows", "place_rows", "problem_lines", "time_row_height", "title_line"]

# The banner over a drawing of a file with problems lists this many of them.
_BANNER_PROBLEMS = 3
# The height of a row that holds no card: a zone's without lanes, a lane's on a sheet that shows none of its steps.
_EMPTY_ROW = 26.0


@dataclass
class Rows:
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


def problem_lines(bp: Blueprint, locale: str, width: float, style: Style) -> list[str]:
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


def title_line(title: str, sheet_number: str, right: float, style: Style) -> tuple[str, Box]:
    """The title on one line, as wide as the grid (which ends at ``right``) at most and never wider
    than Graphviz tables can be, the sheet's number never cut; and its box."""
    room = (min(right - style.margin, 4000) - 8) / BOLD - text_width(sheet_number, style.title_size)
    title = (ellipsize(title, room, style.title_size) + sheet_number).lstrip()
    return title, Box(style.margin, style.margin, text_width(title, style.title_size) * BOLD + 8,
                      style.lh(style.title_size))


def time_row_height(style: Style) -> float:
    return 2 * style.lh(style.small_size) + 10


def place_rows(title: str, sheet_number: str, problems: list[str], grid: Grid, rows: list[Row], style: Style,
          locale: str, columns: Columns, tracks: Tracks, card_h: list[float], evidence_h: float,
          emotion_h: float, time_h: float, wider: Wider, sheet: bool = False) -> Rows:
    """The y positions; on a print ``sheet`` a lane row without a card of the sheet is only as tall
    as the lane's name needs (a stacked lane's further rows close up): the page shows the lanes the
    sheet uses, not the room the whole blueprint needs in them."""
    right = columns.right
    filled = set(grid.row) if sheet else None
    title, title_box = title_line(title, sheet_number, right, style)
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
        lines = wrap(phase.display_label(), (x1 - x0 - 12) / BOLD, style.header_size, 3) if phase else []
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
        elif filled is not None and row.sub and r not in filled and not count:
            h = 0.0  # a stacked lane's row without a card closes up with the gap above it
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
            h = _EMPTY_ROW
        elif filled is not None and r not in filled:
            h = max(_EMPTY_ROW, len(lines) * lane_lh + 12) if row.sub == 0 else 0.0
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
    return Rows(title, title_box, banner, phase_specs, phase_top, phase_header_h, evidence_band, channel_y, row_y,
                 row_h, lane_lines, y, is_zone_channel, emotion_band, time_band)
