"""Orthogonal edge routes planned on the grid, then tracks per gap, then corners in points.

Routing on the grid comes before coordinates: abstract positions are 2k for the gap left of column
k (or above row k) and 2k+1 for the middle of column (row) k; a card spans 2k+0.5 .. 2k+1.5.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from .geometry import Box

__all__ = ["Plan", "Router", "Segment", "assign_tracks", "corners", "offset"]

_H, _V = "h", "v"


@dataclass(slots=True)
class Segment:
    orient: str
    resource: tuple[str, int]
    lo: float
    hi: float
    track: int = 0
    #: The tracks of the segments this one overlaps, directly or through others: its offset is
    #: spread over them alone, not over every track its whole row or column needs.
    width: int = 1
    #: Where the route leaves its source card (its first segment) and arrives at its target (its
    #: last), as ``lo`` or ``hi``; None elsewhere.
    tail: float | None = None
    head: float | None = None


@dataclass(slots=True)
class Plan:
    start: str  # side of the source card: left, right, top, bottom
    end: str
    segments: list[Segment]


class Router:
    """Plans routes on the grid. ``lines`` holds the gaps between lanes that carry one of the three
    lines: a route crosses them but does not run along them when another gap will do. No route
    runs along gap 0, above the first lane."""

    def __init__(self, occupied: set[tuple[int, int]], lines: set[int]):
        self.lines = lines
        # The occupied columns of each row and rows of each column, sorted: a free stretch is one
        # binary search, however long it is.
        by_row: dict[int, list[int]] = defaultdict(list)
        by_column: dict[int, list[int]] = defaultdict(list)
        for r, c in sorted(occupied):
            by_row[r].append(c)
            by_column[c].append(r)
        for rows in by_column.values():
            rows.sort()
        self.by_row = by_row
        self.by_column = by_column
        self._resources: dict[tuple[str, int], tuple[str, int]] = {}

    def _seg(self, orient: str, kind: str, index: int, a: float, b: float) -> Segment:
        # One tuple for each gap or row however many segments use it (10^5 steps make 300,000
        # segments), and min() and max() without their calls.
        resource = self._resources.setdefault((kind, index), (kind, index))
        return Segment(orient, resource, b if b < a else a, b if b > a else a)

    def free_row(self, row: int, first: int, last: int) -> bool:
        """No card in ``row`` from column ``first`` to ``last`` (true when the stretch is empty)."""
        return _none_between(self.by_row.get(row, ()), first, last)

    def free_column(self, column: int, first: int, last: int) -> bool:
        """No card in ``column`` from row ``first`` to ``last`` (true when the stretch is empty)."""
        return _none_between(self.by_column.get(column, ()), first, last)

    def _first_after(self, row: int, column: int) -> float:
        """The first occupied column of ``row`` at or after ``column`` (infinity when none)."""
        taken = self.by_row.get(row, ())
        i = bisect_left(taken, column)
        return taken[i] if i < len(taken) else math.inf

    def _last_before(self, row: int, column: int) -> float:
        """The last occupied column of ``row`` at or before ``column`` (minus infinity when none)."""
        taken = self.by_row.get(row, ())
        i = bisect_right(taken, column)
        return taken[i - 1] if i else -math.inf

    def channel(self, preferred: list[int]) -> int:
        """The first of ``preferred`` gaps without a line, else the first; never the gap above the
        first lane (the band between the evidence row and the customer lane stays clear)."""
        allowed = [ch for ch in preferred if ch != 0] or preferred
        return next((ch for ch in allowed if ch not in self.lines), allowed[0])

    def plan(self, ra: int, ca: int, rb: int, cb: int) -> Plan:
        """The route from the card at (ra, ca) to the card at (rb, cb)."""
        seg = self._seg
        down = rb > ra
        ya, yb = 2 * ra + 1, 2 * rb + 1
        xa, xb = 2 * ca + 1, 2 * cb + 1
        if ca == cb and ra != rb:
            if self.free_column(ca, min(ra, rb) + 1, max(ra, rb) - 1):
                return Plan("bottom" if down else "top", "top" if down else "bottom",
                             [seg(_V, "c", ca, ya, yb)])
            gap = 2 * (ca + 1)
            return Plan("right", "right", [
                seg(_H, "r", ra, xa, gap), seg(_V, "g", ca + 1, ya, yb), seg(_H, "r", rb, gap, xb)])
        if ra == rb:
            if cb > ca and self.free_row(ra, ca + 1, cb - 1):
                return Plan("right", "left", [seg(_H, "r", ra, xa, xb)])
            if cb == ca:  # a step that flows to itself: a loop through the gap on its right
                channel = ra + 1
                gap = 2 * (ca + 1)
                return Plan("right", "bottom", [
                    seg(_H, "r", ra, xa, gap), seg(_V, "g", ca + 1, ya, 2 * channel),
                    seg(_H, "ch", channel, gap, xb), seg(_V, "c", cb, 2 * channel, yb)])
            # Over the cards in between (forwards) or under them (backwards).
            channel = self.channel([ra, ra + 1] if cb > ca else [ra + 1, ra])
            side = "top" if channel == ra else "bottom"
            return Plan(side, side, [
                seg(_V, "c", ca, ya, 2 * channel), seg(_H, "ch", channel, xa, xb),
                seg(_V, "c", cb, 2 * channel, yb)])
        low, high = min(ra, rb), max(ra, rb)
        if cb > ca:
            # L: down (up) first, then along the target's lane.
            if self.free_column(ca, low + 1, high - 1) and self.free_row(rb, ca, cb - 1):
                return Plan("bottom" if down else "top", "left", [
                    seg(_V, "c", ca, ya, yb), seg(_H, "r", rb, xa, xb)])
            # L: along the source's lane first, then down (up) into the target.
            if self.free_row(ra, ca + 1, cb) and self.free_column(cb, low + 1, high - 1):
                return Plan("right", "top" if down else "bottom", [
                    seg(_H, "r", ra, xa, xb), seg(_V, "c", cb, ya, yb)])
            # Z through a gap between columns, turning as early as the cards allow: the first gap k
            # with the source's row free up to it and the target's row free after it.
            k = max(ca + 1, self._last_before(rb, cb - 1) + 1)
            if k <= cb and k <= self._first_after(ra, ca + 1):
                gap = 2 * k
                return Plan("right", "left", [
                    seg(_H, "r", ra, xa, gap), seg(_V, "g", k, ya, yb), seg(_H, "r", rb, gap, xb)])
        else:
            # Backwards (a return): up (down) first, then along the target's lane into its right side;
            # or along the source's lane first, then up (down) into the target.
            if self.free_column(ca, low + 1, high - 1) and self.free_row(rb, cb + 1, ca):
                return Plan("bottom" if down else "top", "right", [
                    seg(_V, "c", ca, ya, yb), seg(_H, "r", rb, xa, xb)])
            if self.free_row(ra, cb, ca - 1) and self.free_column(cb, low + 1, high - 1):
                return Plan("left", "top" if down else "bottom", [
                    seg(_H, "r", ra, xa, xb), seg(_V, "c", cb, ya, yb)])
            # Z through a gap between columns, leaving by the source's left side: the last gap k
            # with the source's row free back to it and the target's row free before it.
            k = min(ca, self._first_after(rb, cb + 1))
            if k >= cb + 1 and k > self._last_before(ra, ca - 1):
                gap = 2 * k
                return Plan("left", "right", [
                    seg(_H, "r", ra, xa, gap), seg(_V, "g", k, ya, yb), seg(_H, "r", rb, gap, xb)])
        return self.via_channel(ra, ca, rb, cb)

    def via_channel(self, ra: int, ca: int, rb: int, cb: int) -> Plan:
        """Along a gap between lanes: one between the two lanes without a line if there is one,
        else the gap outside them (above the upper lane, below the lower one), else the gap next
        to the source even if a line runs there."""
        down = rb > ra
        low, high = min(ra, rb), max(ra, rb)
        near = ra + 1 if down else ra  # the gap next to the source, on the target's side
        free = (ch for ch in _nearest_first(near, low + 1, high) if ch not in self.lines and ch != 0)
        channel = next(free, None)
        if channel is None:
            outside = (ra if ra == low else ra + 1, rb if rb == low else rb + 1)
            channel = next((ch for ch in outside if ch not in self.lines and ch != 0), near)
        return self.along(ra, ca, rb, cb, channel, cb > ca)

    def along(self, ra: int, ca: int, rb: int, cb: int, channel: int, forward: bool) -> Plan:
        """From the source to gap ``channel``, along it, and from it into the target."""
        seg = self._seg
        ya, yb = 2 * ra + 1, 2 * rb + 1
        xa, xb = 2 * ca + 1, 2 * cb + 1
        y = 2 * channel
        segments: list[Segment] = []
        if channel in (ra, ra + 1):  # the gap touches the source: leave by its top or bottom
            start = "top" if channel == ra else "bottom"
            segments.append(seg(_V, "c", ca, ya, y))
            x: float = xa
        else:  # leave by the side and go up or down the gap between columns next to the source
            k = ca + 1 if forward else ca
            start = "right" if forward else "left"
            segments += [seg(_H, "r", ra, xa, 2 * k), seg(_V, "g", k, ya, y)]
            x = 2 * k
        below = channel > rb  # the gap is under the target
        rows = (rb + 1, channel - 1) if below else (channel, rb - 1)
        if self.free_column(cb, *rows):
            segments += [seg(_H, "ch", channel, x, xb), seg(_V, "c", cb, y, yb)]
            return Plan(start, "bottom" if below else "top", segments)
        k = cb if forward else cb + 1
        segments += [seg(_H, "ch", channel, x, 2 * k), seg(_V, "g", k, y, yb), seg(_H, "r", rb, 2 * k, xb)]
        return Plan(start, "left" if forward else "right", segments)


def _nearest_first(near: int, first: int, last: int) -> Iterator[int]:
    """``first`` to ``last`` by their distance from ``near``, the lower one first on a tie.

    >>> list(_nearest_first(3, 1, 6))
    [3, 2, 4, 1, 5, 6]
    """
    for distance in range(max(near - first, last - near) + 1):
        if first <= near - distance <= last:
            yield near - distance
        if distance and first <= near + distance <= last:
            yield near + distance


def _none_between(taken, first: int, last: int) -> bool:
    i = bisect_left(taken, first)
    return i == len(taken) or taken[i] > last


def assign_tracks(plans: list[Plan]) -> dict[tuple[str, int], int]:
    """Give overlapping segments of one gap different tracks; return the number of tracks per gap.

    A sweep along each gap: segments in order of their start, each on the lowest-numbered track
    that is free there. Two segments may share a track when they only meet in the middle of a card
    where one arrives and the other leaves (a flow that goes on through the card); meeting in a gap
    would merge them, and two that both leave (or both arrive) would read as one line through the
    card. Each segment's ``width`` is the number of tracks of its cluster of overlapping segments.
    """
    by_resource: dict[tuple[str, int], list[Segment]] = defaultdict(list)
    for plan in plans:
        segments = plan.segments
        if segments:
            first, last = segments[0], segments[-1]
            first.tail = first.lo if plan.start in ("bottom", "right") else first.hi
            last.head = last.hi if plan.end in ("top", "left") else last.lo
        for segment in segments:
            by_resource[segment.resource].append(segment)
    counts: dict[tuple[str, int], int] = {}
    for resource, segments in by_resource.items():
        segments.sort(key=_span)
        counts[resource] = _sweep(segments, resource[0] in ("c", "r"))
    return counts


_span = attrgetter("lo", "hi")


def _sweep(segments: list[Segment], through_cards: bool) -> int:
    """Tracks for the segments of one gap (sorted by start), as :func:`assign_tracks` says; the
    number of tracks."""
    heappush, heappop = heapq.heappush, heapq.heappop
    last: list[int] = []  # per track, the number of the segment last put on it
    busy: list[tuple[float, int, int]] = []  # (end, track, segment number), earliest end first
    free: list[int] = []  # tracks whose last segment ended before the current start
    # (track, segment number) by end, for the segments that end in the middle of a card: only
    # there may another go on from them.
    ending: dict[float, list[tuple[int, int]]] = {}
    cluster = 0  # the first segment of those overlapping (or touching) one another so far
    reach = -math.inf  # where they end
    for number, segment in enumerate(segments):
        lo, hi = segment.lo, segment.hi
        if lo > reach + 0.01:
            _close_cluster(segments, cluster, number)
            cluster = number
        if hi > reach:
            reach = hi
        while busy and busy[0][0] < lo - 0.01:
            _, track, put = heappop(busy)
            if last[track] == put:  # the track's last segment, so the track is free from here on
                heappush(free, track)
        touching = ending.get(lo) if through_cards and round(lo) % 2 == 1 else None
        while touching and last[touching[0][0]] != touching[0][1]:
            heappop(touching)  # its track has been taken since
        # A track to go on with: one whose segment arrives here where this one leaves, or the
        # other way round (both leaving, or both arriving, they would read as one line).
        through = None
        if touching:
            arrives = segment.head == lo
            through = min((entry for entry in touching
                           if last[entry[0]] == entry[1] and (segments[entry[1]].head == lo) != arrives),
                          default=None)
        if through is not None and (not free or through[0] < free[0]):
            track = through[0]
            touching.remove(through)
            heapq.heapify(touching)
        elif free:
            track = heappop(free)
        else:
            track = len(last)
            last.append(number)
        segment.track = track
        last[track] = number
        heappush(busy, (hi, track, number))
        if through_cards and round(hi) % 2 == 1:
            if hi in ending:
                heappush(ending[hi], (track, number))
            else:
                ending[hi] = [(track, number)]
    _close_cluster(segments, cluster, len(segments))
    return len(last)


def _close_cluster(segments: list[Segment], first: int, end: int) -> None:
    """Each of ``segments[first:end]`` (one cluster) as wide as the cluster's tracks."""
    width = max((segments[n].track for n in range(first, end)), default=0) + 1
    for n in range(first, end):
        segments[n].width = width


def offset(track: int, count: int, spacing: float, around_line: bool = False) -> float:
    """A track's offset from the middle of a gap of ``count`` tracks; ``around_line`` keeps clear
    of a line in the middle.

    >>> [offset(t, 3, 6) for t in range(3)], [offset(t, 3, 6, around_line=True) for t in range(3)]
    ([-6.0, 0.0, 6.0], [-6, 6, -12])
    """
    if around_line:
        return (-1 if track % 2 == 0 else 1) * (track // 2 + 1) * spacing
    return (track - (count - 1) / 2) * spacing



def _side_point(box: Box, side: str, along: float) -> tuple[float, float]:
    if side == "left":
        return (box.x, along)
    if side == "right":
        return (box.right, along)
    if side == "top":
        return (along, box.y)
    return (along, box.bottom)


def corners(plan: Plan, source: Box, target: Box, coordinate) -> list[tuple[float, float]]:
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

