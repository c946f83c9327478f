"""The grid: rows from lanes in zone order, columns from phase bands and flow order."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..analysis.numbering import flow_order, inherit_bands
from ..model import Blueprint, Lane, Phase, Zone

__all__ = ["Grid", "Row", "flow_order", "grid_rows"]


@dataclass
class Row:
    zone: Zone
    lane: Lane | None


def grid_rows(bp: Blueprint) -> list[Row]:
    rows: list[Row] = []
    seen: set[str] = set()
    lanes = [lane for lane in bp.lanes_in_zone_order() if not (lane.id in seen or seen.add(lane.id))]
    for zone in Zone:
        in_zone = [lane for lane in lanes if lane.zone is zone]
        rows.extend(Row(zone, lane) for lane in in_zone)
        if not in_zone:
            rows.append(Row(zone, None))
    return rows


class Grid:
    """Steps in cells: ``row`` from the lane, ``column`` from the phase band and the flow."""

    def __init__(self, bp: Blueprint, rows: list[Row]):
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

    def window(self, first: int, last: int) -> Grid:
        """The same grid cut to columns ``first`` to ``last``, renumbered from 0 (a print sheet)."""
        cut = object.__new__(Grid)
        keep = [i for i in range(len(self.steps)) if first <= self.column[i] <= last]
        cut.steps = [self.steps[i] for i in keep]
        cut.skipped = self.skipped
        cut.row = [self.row[i] for i in keep]
        cut.column = [self.column[i] - first for i in keep]
        cut.position = {}
        for j, step in enumerate(cut.steps):
            cut.position.setdefault(step.id, j)
        cut.phases = self.phases
        cut.band = [self.band[i] for i in keep]
        cut.band_columns = [(band, max(a, first) - first, min(b, last) - first)
                            for band, a, b in self.band_columns if a <= last and b >= first]
        cut.occupied = {(r, c - first) for r, c in self.occupied if first <= c <= last}
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
            # Per row, the taken columns of this band, each pointing towards the next free one.
            taken: dict[int, dict[int, int]] = defaultdict(dict)
            width = 1
            for i in by_band.get(band, []):
                row = self.row[i]
                lowest = 0
                for p in self.predecessors[i]:
                    if p in local:
                        lowest = max(lowest, local[p] + (1 if self.row[p] == row else 0))
                column = _first_free(taken[row], lowest)
                local[i] = column
                taken[row][column] = column + 1
                # Keep the cells of a straight handoff free, so nothing lands on its line.
                for p in self.predecessors[i]:
                    if p in local and local[p] == column and self.row[p] != row:
                        low, high = sorted((self.row[p], row))
                        between = range(low + 1, high)
                        if not any(column in taken[r] for r in between):
                            for r in between:
                                taken[r][column] = column + 1
                width = max(width, column + 1)
            for i, column in local.items():
                self.column[i] = offset + column
                self.occupied.add((self.row[i], offset + column))
            self.band_columns.append((band, offset, offset + width - 1))
            offset += width
        self.columns = offset



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
