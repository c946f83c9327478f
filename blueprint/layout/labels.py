"""Labels placed after the routes: flow labels on their own edge, clear of everything else, and
the legend under the grid."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise

from .geometry import Box, FlowLabel, LegendItem, Route, Style
from .text import longest_word, text_width, wrap
from ..words import word

__all__ = ["Boxes", "Edges", "legend", "nearest", "place_label"]


# Boxes are kept in square buckets of the page this wide, found by one number per bucket.
_BUCKET = 400.0
_ROW = 1 << 32


def _buckets(x: float, y: float, right: float, bottom: float) -> list[int]:
    rows = range(int(y // _BUCKET), int(bottom // _BUCKET) + 1)
    return [i * _ROW + j for i in range(int(x // _BUCKET), int(right // _BUCKET) + 1) for j in rows]


class Boxes:
    """Boxes in buckets of the page, to find the ones a box overlaps without looking at all."""

    def __init__(self) -> None:
        self.buckets: dict[int, list[tuple[Box, object]]] = defaultdict(list)

    def add(self, box: Box, owner: object = None) -> None:
        entry, buckets = (box, owner), self.buckets
        for key in _buckets(box.x, box.y, box.right, box.bottom):
            buckets[key].append(entry)

    def hits(self, box: Box, ignore: object = None) -> int:
        """How many stored boxes (of owners other than ``ignore``) ``box`` overlaps."""
        found = set()
        for key in _buckets(box.x, box.y, box.right, box.bottom):
            for other, owner in self.buckets.get(key, ()):
                if (owner is None or owner is not ignore) and box.overlaps(other):
                    found.add(id(other))
        return len(found)


class Edges:
    """The stretches of routes, each grown by half a point on every side, in buckets of the page
    like :class:`Boxes`; a bucket holds the numbers of the routes whose frame (a point wider than
    all their stretches) reaches into it, not a box per stretch (10^5 routes would take a hundred
    megabytes more); the stretches themselves are read from the route when a box is looked up.
    ``owners`` gives each route's owner."""

    def __init__(self, routes: list[Route], owners: list[object]) -> None:
        self.routes = routes
        self.owners = owners
        buckets: dict[int, list[int]] = defaultdict(list)
        for n, route in enumerate(routes):
            xs, ys = [x for x, _ in route.points], [y for _, y in route.points]
            for key in _buckets(min(xs) - 1, min(ys) - 1, max(xs) + 1, max(ys) + 1):
                buckets[key].append(n)
        self.buckets = buckets

    def hits(self, box: Box, ignore: object = None) -> int:
        """How many stretches of routes (of owners other than ``ignore``) ``box`` overlaps."""
        x, y, right, bottom = box.x, box.y, box.right, box.bottom
        seen: set[int] = set()
        count = 0
        for key in _buckets(x, y, right, bottom):
            for n in self.buckets.get(key, ()):
                if n in seen:
                    continue
                seen.add(n)
                if self.owners[n] is ignore:
                    continue
                for x0, y0, x1, y1 in _stretches(self.routes[n]):
                    if x < x1 and x0 < right and y < y1 and y0 < bottom:
                        count += 1
        return count


def _stretches(route: Route) -> Iterator[tuple[float, float, float, float]]:
    """Each stretch of ``route`` as a box (left, top, right, bottom), half a point wider on each side."""
    for (x0, y0), (x1, y1) in pairwise(route.points):
        x, y = min(x0, x1) - 0.5, min(y0, y1) - 0.5
        yield x, y, x + (abs(x1 - x0) + 1), y + (abs(y1 - y0) + 1)


# Where on a stretch of its edge a label is tried, from the middle outwards.
_FRACTIONS = (0.5, 0.35, 0.65, 0.2, 0.8, 0.42, 0.58, 0.27, 0.73, 0.1, 0.9)
# A label beside its edge keeps this far from it.
_BESIDE = 2.0
# A label is at most this wide where it fits on this many lines; a longer one gets wider, up to
# the widest, and then as many lines as it needs: it is never cut.
_WIDTH, _LINES, _WIDEST = 110.0, 3, 220.0


def place_label(route: Route, style: Style, hard: Boxes, soft: Edges, gap_w: list[float],
                gap_centers: list[float], owner: object = None) -> FlowLabel | None:
    """Put a flow's label on a stretch of its own edge: never on a card, a note or a line, and
    over no other edge when any place allows it (else crossing as few as it can).

    A label sits on its edge, centred on a stretch (the longest stretches first); where every such
    place covers another edge, it sits just beside its edge instead (left or right of a vertical
    stretch, above or below a horizontal one). ``owner`` is whose edges in ``soft`` the label may
    cover: its own connector (default the route)."""
    size = style.flow_label_size
    lh = style.lh(size)
    owner = route if owner is None else owner
    segments = sorted(
        ((abs(x1 - x0) + abs(y1 - y0), (x0, y0), (x1, y1)) for (x0, y0), (x1, y1) in pairwise(route.points)),
        key=lambda item: -item[0],
    )
    best: tuple[int, FlowLabel] | None = None
    fallback: FlowLabel | None = None
    # Room for the longest word at least: a label is not broken inside a word to fit a gap, unless
    # no place on the edge has room for it whole.
    longest = longest_word(route.flow.label, size) + 1
    for whole_words in (True, False):
        measured = []
        for length, (x0, y0), (x1, y1) in segments:
            if x0 == x1:  # vertical: as wide as the gap it runs in
                k = nearest(gap_centers, x0)
                room = max(gap_w[k] - 6, 26)
            else:
                room = max(length - 20, 24)
            lines = _wrapped(route.flow.label, min(max(room, longest) if whole_words else room, _WIDTH), size)
            if not lines:
                return None
            w = max(text_width(line, size) for line in lines) + 6
            measured.append(((x0, y0), (x1, y1), lines, w, len(lines) * lh + 3))
        for beside in (False, True):
            for (x0, y0), (x1, y1), lines, w, h in measured:
                for fraction in _FRACTIONS:
                    cx, cy = x0 + (x1 - x0) * fraction, y0 + (y1 - y0) * fraction
                    if not beside:
                        centres = [(cx, cy)]
                    elif x0 == x1:
                        centres = [(cx + w / 2 + _BESIDE, cy), (cx - w / 2 - _BESIDE, cy)]
                    else:
                        centres = [(cx, cy - h / 2 - _BESIDE), (cx, cy + h / 2 + _BESIDE)]
                    for mx, my in centres:
                        label = FlowLabel(Box(mx - w / 2, my - h / 2, w, h), lines)
                        fallback = fallback or label
                        if hard.hits(label.box):
                            continue
                        crossings = soft.hits(label.box, ignore=owner)
                        if best is None or crossings < best[0]:
                            best = (crossings, label)
                        if crossings == 0:
                            break
                    if best is not None and best[0] == 0:
                        break
                if best is not None and best[0] == 0:
                    break
            if best is not None and best[0] == 0:
                break
        if best is not None and best[0] == 0:
            break
    chosen = best[1] if best is not None else fallback
    if chosen is not None:
        hard.add(chosen.box)
    return chosen


def _wrapped(label: str, width: float, size: float) -> list[str]:
    """``label`` wrapped at ``width``; where that takes more than :data:`_LINES` lines, at the
    least width up to :data:`_WIDEST` that takes no more (else at the widest, on all the lines it
    needs). Nothing is left out.

    >>> _wrapped("Peak alert: more guides", 30, 8)
    ['Peak alert:', 'more', 'guides']
    >>> len(_wrapped("word " * 80, 100, 8)) > 3
    True
    """
    lines = wrap(label, width, size)
    if len(lines) <= _LINES:
        return lines
    wider = max(width, text_width(label, size) / _LINES)
    while wider < _WIDEST:
        lines = wrap(label, wider, size)
        if len(lines) <= _LINES:
            return lines
        wider += 8
    return wrap(label, max(width, _WIDEST), size)


def nearest(values: list[float], x: float) -> int:
    """The index of the value nearest ``x`` in increasing ``values`` (the first one on a tie).

    >>> nearest([0, 10, 20], 15), nearest([0, 10, 20], 16), nearest([0, 10, 20], -5)
    (1, 2, 0)
    """
    i = bisect_left(values, x)
    if i == len(values) or (i > 0 and abs(values[i - 1] - x) <= abs(values[i] - x)):
        return i - 1
    return i


_LEGEND = ("flow", "support", "return", "recovery", "fail-point", "wait-point", "standard-exceeded", "emotion")
_BADGES = ("fail-point", "wait-point", "standard-exceeded")


def legend(style: Style, locale: str, x: float, y: float, right: float, drawn: set[str]):
    """The legend's items left to right from ``(x, y)``, on more rows past ``right``: only the
    samples in ``drawn`` (flow kinds, badge kinds, ``emotion``). Returns the items, the title and
    the bottom; no title and ``y`` for a picture with nothing to explain."""
    if not drawn & set(_LEGEND):
        return [], None, y
    size = style.small_size
    lh = style.lh(size)
    title = word("legend.title", locale)
    title_box = Box(x, y, text_width(title, size) + 8, lh + 4)
    items: list[LegendItem] = []
    cx = title_box.right + 10
    for sample in (sample for sample in _LEGEND if sample in drawn):
        if sample == "fail-point":
            text = word("badge.fail", locale)
        elif sample == "wait-point":
            text = word("legend.wait-max", locale)
        elif sample == "emotion":
            text = word("legend.emotion", locale) + " −2…+2"
        elif sample == "standard-exceeded":
            text = word("legend.exceeded", locale)
        else:
            text = word(f"flow.{sample}", locale)
        # A legend wider than the picture goes on as many rows as it needs.
        sample_w = text_width(text, style.badge_size) + 8 if sample in _BADGES else (
            (10 if sample == "emotion" else 34) + 4 + text_width(text, size) + 6)
        if items and cx + sample_w > right:
            cx = title_box.right + 10
            y += lh + 8
        if sample in _BADGES:
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
