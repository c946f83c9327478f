"""What runs across a picture: a band per lane and per zone with their names in the header column,
the three lines, the time row and the emotion curve."""

from __future__ import annotations

from ..durations import format_duration
from ..model import Line, Zone
from ..words import word
from .breaches import Analysis
from .columns import BOLD, Columns
from .geometry import Box, Card, EmotionCurve, LaneBand, LinePlacement, Style, TimeRow, ZoneBand
from .grid import Grid, Row
from .rows import Rows
from .text import wrap
from .times import phase_times

__all__ = ["EMOTION_H", "bands", "lines_between_zones", "place_emotion_curve", "place_time_row"]

# The height of the emotion curve's row, and of one step of emotion (-2..+2) in it.
EMOTION_H = 48.0
_EMOTION_STEP = 9.0


def bands(rows: list[Row], style: Style, locale: str, columns: Columns,
           page: Rows) -> tuple[list[LaneBand], list[ZoneBand]]:
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
        lines = wrap(zone.label(locale), (style.zone_width - 10) / BOLD, style.header_size, 4)
        zones.append(ZoneBand(zone, box, label_box, lines, empty=rows[members[0]].lane is None))
    return lanes, zones


def lines_between_zones(rows: list[Row], style: Style, locale: str, columns: Columns, page: Rows) -> list[LinePlacement]:
    """The three lines in the middle of the gaps between zones, each named above it on the left."""
    line_y = {rows[r - 1].zone.line_below: page.channel_y[r]
              for r in range(1, len(rows)) if page.is_zone_channel[r]}
    header_x, header_w = columns.header_x, columns.header_w
    placed: list[LinePlacement] = []
    for line in Line:
        ly = line_y[line]
        label_lines = wrap(line.label(locale), (header_w - 8) / BOLD, style.small_size, 2)
        lh = style.lh(style.small_size)
        label_box = Box(header_x + 4, ly - 2 - len(label_lines) * lh, header_w - 8, len(label_lines) * lh)
        placed.append(LinePlacement(line, ly, header_x, columns.right, label_box, label_lines))
    return placed


def place_time_row(analysis: Analysis, whole: Grid, grid: Grid, style: Style, locale: str, columns: Columns,
              page: Rows, shared: dict) -> TimeRow:
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
    label = wrap(word("picture.time-row", locale), (columns.header_w - 12) / BOLD, style.header_size, 2)
    return TimeRow(band, Box(columns.header_x, band.y, columns.header_w, band.h), label, cells)


def place_emotion_curve(cards: list[Card], style: Style, locale: str, columns: Columns, page: Rows) -> EmotionCurve:
    """A point per step with an emotion, at its card's x, higher for a happier customer."""
    band = page.emotion_band
    points = [(card.box.cx, band.cy - max(-2, min(2, card.emotion)) * _EMOTION_STEP, card.emotion, card.step)
              for card in sorted(cards, key=lambda card: (card.column, card.row, card.step.index))
              if card.emotion is not None]
    name = word("legend.emotion", locale)
    label = wrap(name[:1].upper() + name[1:], (columns.header_w - 12) / BOLD, style.header_size, 2)
    return EmotionCurve(band, Box(columns.header_x, band.y, columns.header_w, band.h), label, points)
