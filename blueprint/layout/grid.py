"""The grid: rows from lanes in zone order, columns from phase bands and flow order.

A lane may have several rows (a *stack*): its steps in a phase then fill the lane's rows down a
column before the next column, so a run of one lane's steps takes half (a third...) of the width,
each step under the one before it with a short arrow down. :func:`stacking` decides which lanes
stack, for a picture much wider than a page is."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..analysis.numbering import flow_order, inherit_bands
from ..model import Blueprint, FlowKind, Lane, Phase, Zone

__all__ = ["Grid", "Row", "flow_order", "grid_rows", "stacking"]


@dataclass
class Row:
    zone: Zone
    lane: Lane | None
    #: Which of its lane's rows this is (0 for the first), and how many the lane has.
    sub: int = 0
    stack: int = 1


def grid_rows(bp: Blueprint, stacks: dict[str, int] | None = None) -> list[Row]:
    """The rows top to bottom: each lane in zone order, as many rows as ``stacks`` gives it (one
    by default); an empty row for a zone without lanes."""
    rows: list[Row] = []
    seen: set[str] = set()
    lanes = [lane for lane in bp.lanes_in_zone_order() if not (lane.id in seen or seen.add(lane.id))]
    stacks = stacks or {}
    for zone in Zone:
        in_zone = [lane for lane in lanes if lane.zone is zone]
        for lane in in_zone:
            count = stacks.get(lane.id, 1)
            rows.extend(Row(zone, lane, sub, count) for sub in range(count))
        if not in_zone:
            rows.append(Row(zone, None))
    return rows


# Stacking: a picture is stacked while it is wider than this (width : height) ...
_WIDE = 1.6
# ... and while it stays no taller than an A3 page's long side (in points, at full size: what
# prints on one page), or than this many rows more for a picture taller than that anyway ...
_PAGE = 1191.0
_TALLER = 4
# ... with at most this many rows to a lane. The sizes are estimated before anything is measured:
# a column's width with its gap, a row's height with its gaps, what the phase headers, the
# evidence and emotion rows and the legend add to the height, and a phase's gap.
_MOST = 3
_COLUMN_W, _ROW_H, _OVERHEAD_H, _PHASE_W = 174.0, 92.0, 260.0, 28.0
# A lane's extra row must make the picture this much less wide for its height; the columns are
# counted on this many steps at most (the first ones, in flow order).
_SAVES = 0.06
_SAMPLE = 800
# A print tries more stackings (one per page height), each on fewer steps.
_PRINT_SAMPLE = 300
# A picture that would stay wider than this even with every lane in as many rows as it may have,
# each saving all the columns it could, is a strip whatever stacking does (a long generated
# journey): it keeps one row per lane, and the taller picture's cost is not paid for nothing.
_STRIP = 2 * _WIDE


def stacking(grid: Grid, rows: list[Row], page: float | None = None) -> dict[str, int]:
    """How many rows each lane gets (lanes not named keep one) so that the picture, placed on
    ``rows`` (one per lane) as ``grid``, becomes markedly less wide.

    Greedily, the lane whose extra row makes the picture least wide for its height gets it, while
    the picture is wider than :data:`_WIDE` times its height, no taller than an A3 page (or :data:`_TALLER` rows more
    than it was), and the
    row brings the ratio down by :data:`_SAVES` at least; a lane whose steps hand off down their
    column at every turn saves no column and keeps its one row. The columns are counted by placing the steps again, the
    first :data:`_SAMPLE` at most (the rest assumed alike), so that deciding costs the same for a
    blueprint of any length. Nothing is stacked where even the most rows could not bring the
    picture under :data:`_STRIP`.

    For print sheets ``page`` is the height of a page (in the picture's points): the picture is cut
    into sheets across its width, so every row that makes it less wide is worth its height while
    the picture stays no taller than the page, however wide it is."""
    lanes = list(dict.fromkeys(row.lane.id for row in rows if row.lane is not None))
    if not lanes:
        return {}
    bands, by_band = grid._by_band()
    others = len(rows) - len(lanes)  # the empty rows of zones without lanes
    tallest = max(_PAGE, _OVERHEAD_H + (len(rows) + _TALLER) * _ROW_H) if page is None else page
    wide, saves = (_WIDE, _SAVES) if page is None else (0.0, 0.0)

    def ratio(stacks: list[int], count: float) -> float:
        width = count * _COLUMN_W + len(bands) * _PHASE_W
        return width / (_OVERHEAD_H + (others + sum(stacks)) * _ROW_H)

    most_rows = min(len(lanes) * _MOST, int((tallest - _OVERHEAD_H) / _ROW_H) - others)
    if page is None and ratio([max(most_rows, len(lanes))], grid.columns / _MOST) > _STRIP:
        return {}
    lane_ix = {lane: n for n, lane in enumerate(lanes)}
    step_lane = [lane_ix[rows[r].lane.id] for r in grid.lane_row]
    sample: list[list[int]] = []  # the first steps of the first phases, in flow order
    room = _SAMPLE if page is None else _PRINT_SAMPLE
    for band in bands:
        if room <= 0:
            break
        sample.append(by_band.get(band, [])[:room])
        room -= len(sample[-1])
    scale = len(grid.steps) / max(sum(map(len, sample)), 1) if room <= 0 else 1.0

    def columns(stacks: list[int]) -> float:
        first, r = [], 0
        for row in rows:  # the lanes' first rows, with the stacks given
            if row.lane is None:
                r += 1
            elif row.sub == 0:
                first.append(r)
                r += stacks[lane_ix[row.lane.id]]
        lane_row = {i: first[step_lane[i]] for members in sample for i in members}
        stack = {i: stacks[step_lane[i]] for i in lane_row}
        row: dict[int, int] = {}
        return scale * sum(_cells(members, lane_row, stack, grid.predecessors, row)[1] for members in sample)

    stacks = [1] * len(lanes)
    count = columns(stacks)
    while ratio(stacks, count) > wide:
        best = None
        for n in range(len(lanes)):
            trial = stacks[:n] + [stacks[n] + 1] + stacks[n + 1:]
            if stacks[n] >= _MOST or _OVERHEAD_H + (others + sum(trial)) * _ROW_H > tallest:
                continue
            fewer = columns(trial)
            better = ratio(trial, fewer)
            # Columns saved, not just height added, and enough of them to be worth the row.
            if fewer < count and better <= (1 - saves) * ratio(stacks, count) and (best is None or better < best[0]):
                best = (better, fewer, n)
        if best is None:
            break
        _, count, n = best
        stacks[n] += 1
    # A row that later rows made useless (the columns are now set by another lane) goes again.
    for n in range(len(lanes)):
        while stacks[n] > 1:
            trial = stacks[:n] + [stacks[n] - 1] + stacks[n + 1:]
            if columns(trial) > count:
                break
            stacks = trial
    return {lane: stacks[n] for n, lane in enumerate(lanes) if stacks[n] > 1}


class Grid:
    """Steps in cells: ``row`` from the lane, ``column`` from the phase band and the flow."""

    def __init__(self, bp: Blueprint, rows: list[Row]):
        row_of_lane: dict[str, int] = {}
        for i, row in enumerate(rows):
            if row.lane is not None:
                row_of_lane.setdefault(row.lane.id, i)
        self.steps = [step for step in bp.steps if step.lane in row_of_lane]
        self.skipped = [step for step in bp.steps if step.lane not in row_of_lane]
        #: Each step's lane's first row and its number of rows; ``row`` is the one it is placed in.
        self.lane_row = [row_of_lane[step.lane] for step in self.steps]
        self.stack = [rows[r].stack for r in self.lane_row]
        self.row = list(self.lane_row)
        position: dict[str, int] = {}
        for i, step in enumerate(self.steps):
            position.setdefault(step.id, i)
        self.position = position
        # Flow order ignores `return` flows (they go back) and recovery links.
        forward = {kind for kind in FlowKind if kind.forward}
        ends = ((position.get(f.source.id), position.get(f.target.id)) for f in bp.flows if f.kind in forward)
        self.edges = [(a, b) for a, b in ends if a is not None and b is not None and a != b]
        self.order = flow_order(len(self.steps), self.edges)
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

    def restacked(self, rows: list[Row]) -> Grid:
        """The same steps, flow and phases placed again on ``rows`` (the same lanes, some stacked)."""
        again = object.__new__(Grid)
        again.__dict__.update({key: value for key, value in self.__dict__.items() if not key.startswith("_")})
        row_of_lane: dict[str, int] = {}
        for i, row in enumerate(rows):
            if row.lane is not None:
                row_of_lane.setdefault(row.lane.id, i)
        again.lane_row = [row_of_lane[step.lane] for step in self.steps]
        again.stack = [rows[r].stack for r in again.lane_row]
        again.row = list(again.lane_row)
        again.column = [0] * len(self.steps)
        again.band_columns = []
        again.occupied = set()
        again._place()
        return again

    def window(self, first: int, last: int) -> Grid:
        """The same grid cut to columns ``first`` to ``last``, renumbered from 0 (a print sheet)."""
        cut = object.__new__(Grid)
        if not hasattr(self, "_steps_by_column"):  # made once, so that cutting every sheet stays linear
            self._steps_by_column: dict[int, list[int]] = defaultdict(list)
            for i, column in enumerate(self.column):
                self._steps_by_column[column].append(i)
        keep = sorted(i for c in range(first, last + 1) for i in self._steps_by_column.get(c, ()))
        cut.steps = [self.steps[i] for i in keep]
        cut.skipped = self.skipped
        cut.row = [self.row[i] for i in keep]
        cut.lane_row = [self.lane_row[i] for i in keep]
        cut.stack = [self.stack[i] for i in keep]
        cut.column = [self.column[i] - first for i in keep]
        cut.position = {}
        for j, step in enumerate(cut.steps):
            cut.position.setdefault(step.id, j)
        cut.phases = self.phases
        cut.band = [self.band[i] for i in keep]
        cut.band_columns = [(band, max(a, first) - first, min(b, last) - first)
                            for band, a, b in self.band_columns if a <= last and b >= first]
        if not hasattr(self, "_occupied_by_column"):
            self._occupied_by_column: dict[int, list[int]] = defaultdict(list)
            for r, c in self.occupied:
                self._occupied_by_column[c].append(r)
        cut.occupied = {(r, c - first) for c in range(first, last + 1) for r in self._occupied_by_column.get(c, ())}
        cut.columns = last - first + 1
        return cut

    @staticmethod
    def _unique_phases(bp: Blueprint) -> list[Phase]:
        seen: set[str] = set()
        return [p for p in bp.phases if not (p.id in seen or seen.add(p.id))]

    def _bands(self, bp: Blueprint) -> list[int]:
        """The band of every step: its phase's index; ``len(phases)`` is the unlabelled band."""
        index = {phase.id: i for i, phase in enumerate(self.phases)}
        own = [index.get(step.phase) if step.phase else None for step in self.steps]
        return inherit_bands(self.order, self.edges, own, len(self.phases))

    def _by_band(self) -> tuple[list[int], dict[int, list[int]]]:
        """The bands left to right and each band's steps in flow order."""
        by_band: dict[int, list[int]] = defaultdict(list)
        for i in self.order:
            by_band[self.band[i]].append(i)
        bands = list(range(len(self.phases)))
        if by_band.get(len(self.phases)) or not self.phases:
            bands.append(len(self.phases))
        return bands, by_band

    def _place(self) -> None:
        bands, by_band = self._by_band()
        offset = 0
        for band in bands:
            local, width = _cells(by_band.get(band, []), self.lane_row, self.stack, self.predecessors, self.row)
            for i, column in local.items():
                self.column[i] = offset + column
                self.occupied.add((self.row[i], offset + column))
            self.band_columns.append((band, offset, offset + width - 1))
            offset += width
        self.columns = offset


def _cells(members: list[int], lane_row, stack, predecessors: list[list[int]], row) -> tuple[dict[int, int], int]:
    """Cells for the steps of one band, in flow order: each step's column in the band (returned,
    with the band's width) and its row (written into ``row``). ``lane_row`` and ``stack`` give each
    step's lane's first row and number of rows."""
    local: dict[int, int] = {}
    # Per row, the taken columns of this band, each pointing towards the next free one.
    taken: dict[int, dict[int, int]] = defaultdict(dict)
    width = 1
    for i in members:
        first, count = lane_row[i], stack[i]
        # The earliest cell: the column of a predecessor in another lane (a handoff goes straight
        # down or up), the cell after one in the same lane (below it in a stacked lane, else in
        # the next column); a stacked lane's cells are taken down a column, then across.
        lowest = (0, 0)
        for p in predecessors[i]:
            if p in local:
                if lane_row[p] != first:
                    lowest = max(lowest, (local[p], 0))
                elif row[p] - first + 1 < count:
                    lowest = max(lowest, (local[p], row[p] - first + 1))
                else:
                    lowest = max(lowest, (local[p] + 1, 0))
        if count == 1:
            column, r = _first_free(taken[first], lowest[0]), first
        else:
            column, sub = min((_first_free(taken[first + sub], lowest[0] + (sub < lowest[1])), sub)
                              for sub in range(count))
            r = first + sub
        row[i] = r
        local[i] = column
        taken[r][column] = column + 1
        # Keep the cells of a straight handoff free, so nothing lands on its line.
        for p in predecessors[i]:
            if p in local and local[p] == column and lane_row[p] != first:
                low, high = sorted((row[p], r))
                between = range(low + 1, high)
                if not any(column in taken[b] for b in between):
                    for b in between:
                        taken[b][column] = column + 1
        width = max(width, column + 1)
    return local, width


def _first_free(taken: dict[int, int], column: int) -> int:
    """The first column at or after ``column`` not in ``taken``; each taken column points to a
    later one, and the pointers walked are shortened, so a full row is not scanned again.

    >>> _first_free({0: 1, 1: 2, 3: 4}, 0)
    2
    """
    free = column
    while free in taken:
        free = taken[free]
    while column in taken and taken[column] != free:
        taken[column], column = free, taken[column]
    return free
