"""Marks drawn over a rendered blueprint SVG: workshop note counts, vote heat and a diff's status per step.

The picture is not laid out again: :func:`overlay` finds each step's card (``<g id="step-N"
class="node step ...">`` whose ``<title>`` is the step id, the SVG contract) and each phase's
header (``phase-header:<id>``) in the SVG that :func:`blueprint.render.render` made, and adds one
group ``<g id="overlay">`` at the end of the drawing, so the marks lie on top of everything and
take the picture's own transform (one picture or a print sheet alike). Marks for steps that are
not on this picture or sheet are left out; the legend names only what is drawn.

- Notes: a coloured count badge per kind on the card's lower edge, right-aligned
  (``note-badge note-<kind>``).
- Votes: a tint and a frame whose strength follows the dots (the most-voted card strongest), and
  the count on the card's lower edge, left (``vote-heat``).
- Diff: a frame around the card in the status's colour and dash, and its sign on the upper-left
  corner (``diff diff-<status>``).

>>> svg = ('<svg><g id="blueprint" class="graph">\\n<title>T</title>\\n'
...        '<polygon fill="white" stroke="transparent" points="0,0 0,-100 200,-100 200,0 0,0"/>\\n'
...        '<g id="step-0" class="node step customer">\\n<title>a</title>\\n'
...        '<path fill="#ffffff" d="M20,-80 L120,-80 L120,-40 L20,-40 Z"/>\\n</g>\\n</g>\\n</svg>\\n')
>>> marked = overlay(svg, notes={"a": {"pain": 2}}, heat={"a": 5}, diff={"a": "added"})
>>> [cls in marked for cls in ("note-badge note-pain", "vote-heat", "diff diff-added")]
[True, True, True]
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..layout.text import text_width
from ..words import normalize, word
from .quote import xml_text
from .svg import FONT_STACK, check_svg

__all__ = ["DIFF_STATUSES", "NOTE_KINDS", "overlay"]

#: Kinds of workshop notes, in the order their badges and legend entries are drawn.
NOTE_KINDS = ("pain", "idea", "question", "positive")
#: What a diff says about a step.
DIFF_STATUSES = ("added", "changed", "moved", "removed")

# Colours apart from the picture's own badges (fail point red, wait amber) and zone colours.
_NOTE_COLORS = {"pain": "#C2255C", "idea": "#FAB005", "question": "#1971C2", "positive": "#2F9E44"}
# Dark ink where white would not read.
_NOTE_INK = {"idea": "#3B2F00"}
_HEAT = "#E8590C"
# Colour, dash and sign per status: the dash and sign tell them apart without colour.
_DIFF = {
    "added": ("#2F9E44", "", "+"),
    "changed": ("#7048E8", "", "~"),
    "moved": ("#1971C2", "7,3", "↔"),
    "removed": ("#C92A2A", "3,3", "−"),
}
_BADGE_SIZE = 7.0
_BADGE_HEIGHT = 11.0
_FRAME_GAP = 3.5

_CARD = re.compile(r'<g id="(step-\d+)" class="node step[^"]*">\n<title>([^<]*)</title>\n<path [^>]*?\bd="([^"]*)"')
_PHASE = re.compile(r'<g id="(phase-\d+-header)" class="node phase-header">\n<title>phase-header:([^<]*)</title>\n'
                    r'<path [^>]*?\bd="([^"]*)"')
_PAGE = re.compile(r'<g id="blueprint" class="graph"[^>]*>\n<title>[^<]*</title>\n<polygon [^>]*?points="([^"]*)"')
_TITLE = re.compile(r'<g id="title" class="node title">\n<title>[^<]*</title>\n'
                    r'<text [^>]*?x="([-\d.]+)"[^>]*?font-size="([\d.]+)"[^>]*>([^<]*)</text>')
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class _Target:
    """A card or phase header in the SVG: its element id, its box, where its group starts and ends."""

    element: str
    box: _Box
    start: int
    end: int


def _box(numbers: str) -> _Box:
    values = [float(n) for n in _NUMBER.findall(numbers)]
    xs, ys = values[0::2], values[1::2]
    return _Box(min(xs), min(ys), max(xs), max(ys))


def overlay(svg: str, *, notes: Mapping[str, Mapping[str, int]] | None = None,
            heat: Mapping[str, int] | None = None, diff: Mapping[str, str] | None = None,
            locale: str | None = None) -> str:
    """``svg`` (from :func:`blueprint.render.render`, one picture or one print sheet) with marks
    on the cards of the steps named.

    Args:
        svg: The rendered picture.
        notes: Step (or phase) id -> note kind (see :data:`NOTE_KINDS`) -> how many notes. A
            phase's badges sit on its header; an id that is both a step and a phase is the step.
        heat: Step (or phase) id -> dots it received. Tint and frame grow with the dots, relative
            to the most dots on this picture.
        diff: Step id -> one of :data:`DIFF_STATUSES`.
        locale: Language of the legend and the tooltips (``en``, ``zh``).

    Raises:
        ValueError: For an unknown note kind or diff status, or a count that is not a whole
            number >= 0.
    """
    notes, heat, diff = _checked(notes or {}, heat or {}, diff or {})
    locale = normalize(locale)
    targets: dict[str, _Target] = {}
    for pattern in (_PHASE, _CARD):  # cards second: a step wins over a phase of its name
        for match in pattern.finditer(svg):
            element, title, path = match.groups()
            targets[html.unescape(title)] = _Target(element, _box(path), match.start(),
                                                    svg.index("</g>\n", match.end()) + 5)

    # Frames go just before their card (under its badges and edges), tints just after it (over
    # its white face, under what is drawn later); badges and the legend on top of everything.
    inserts: list[tuple[int, str]] = []
    marks: list[str] = []
    kinds: set[str] = set()
    statuses: set[str] = set()
    most = max((dots for target, dots in heat.items() if target in targets), default=0)
    for target, dots in heat.items():
        found = targets.get(target)
        if found is not None and dots > 0:
            tint, badge = _heat(target, found, dots, dots / most, locale)
            inserts.append((found.end, tint))
            marks.append(badge)
    for target, status in diff.items():
        found = targets.get(target)
        if found is not None:
            frame, sign = _diff(target, found, status, locale)
            inserts.append((found.start, frame))
            marks.append(sign)
            statuses.add(status)
    for target, counts in notes.items():
        found = targets.get(target)
        shown = {kind: counts[kind] for kind in NOTE_KINDS if counts.get(kind, 0) > 0}
        if found is not None and shown:
            marks.append(_notes(target, found, shown, locale))
            kinds.update(shown)
    if not marks:
        return svg
    drew_heat = any(dots > 0 and target in targets for target, dots in heat.items())
    legend = _legend(svg, [kind for kind in NOTE_KINDS if kind in kinds], drew_heat,
                     [status for status in DIFF_STATUSES if status in statuses], locale)
    inserts.append((svg.rindex("</g>\n</svg>"), '<g id="overlay" class="overlay">\n' + "".join(marks) + legend + "</g>\n"))
    pieces, at = [], 0
    for position, text in sorted(inserts, key=lambda item: item[0]):
        pieces += [svg[at:position], text]
        at = position
    result = "".join(pieces) + svg[at:]
    check_svg(result)
    return result


def _count(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} must be a whole number >= 0, not {value!r}")
    return value


def _checked(notes: Mapping, heat: Mapping, diff: Mapping) -> tuple[dict, dict, dict]:
    checked_notes: dict[str, dict[str, int]] = {}
    for target, counts in notes.items():
        for kind in counts:
            if kind not in NOTE_KINDS:
                raise ValueError(f"unknown note kind {kind!r}: use one of {', '.join(NOTE_KINDS)}")
        checked_notes[str(target)] = {kind: _count(n, f"notes[{target!r}][{kind!r}]") for kind, n in counts.items()}
    checked_heat = {str(target): _count(dots, f"heat[{target!r}]") for target, dots in heat.items()}
    for target, status in diff.items():
        if status not in DIFF_STATUSES:
            raise ValueError(f"unknown diff status {status!r}: use one of {', '.join(DIFF_STATUSES)}")
    return checked_notes, checked_heat, {str(target): status for target, status in diff.items()}


def _n(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _rounded(x0: float, y0: float, x1: float, y1: float, r: float) -> str:
    """Path data of a rectangle with rounded corners (radius ``r``), as Graphviz writes its own:
    coordinate pairs only (lines and curves whose control points are the corners)."""
    r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)

    def p(x: float, y: float) -> str:
        return f"{_n(x)},{_n(y)}"

    return (f"M{p(x0 + r, y0)} L{p(x1 - r, y0)} C{p(x1, y0)} {p(x1, y0)} {p(x1, y0 + r)} L{p(x1, y1 - r)} "
            f"C{p(x1, y1)} {p(x1, y1)} {p(x1 - r, y1)} L{p(x0 + r, y1)} C{p(x0, y1)} {p(x0, y1)} {p(x0, y1 - r)} "
            f"L{p(x0, y0 + r)} C{p(x0, y0)} {p(x0, y0)} {p(x0 + r, y0)} Z")


def _text(x: float, y: float, text: str, size: float, fill: str, anchor: str = "middle", bold: bool = True) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text text-anchor="{anchor}" x="{_n(x)}" y="{_n(y + size * 0.36)}" font-family="{FONT_STACK}" '
            f'font-size="{_n(size)}"{weight} fill="{fill}">{xml_text(text)}</text>\n')


def _pill(x: float, cy: float, text: str, fill: str, ink: str = "#FFFFFF") -> tuple[str, float]:
    """A badge whose left end is at ``x``, centred on ``cy``: its markup and width."""
    width = max(_BADGE_HEIGHT + 2, text_width(text, _BADGE_SIZE) + 8)
    half = _BADGE_HEIGHT / 2
    shape = (f'<path fill="{fill}" stroke="#FFFFFF" stroke-width="1" '
             f'd="{_rounded(x, cy - half, x + width, cy + half, half)}"/>\n')
    return shape + _text(x + width / 2, cy, text, _BADGE_SIZE, ink), width


def _group(element: str, kind: str, classes: str, tooltip: str, body: str) -> str:
    return (f'<g id="overlay-{element}-{kind}" class="{classes}">\n<title>{xml_text(tooltip)}</title>\n'
            f'{body}</g>\n')


def _notes(target: str, found: _Target, counts: dict[str, int], locale: str) -> str:
    """Badges right-aligned on the lower edge, in :data:`NOTE_KINDS` order from the left."""
    box, parts = found.box, []
    widths = [max(_BADGE_HEIGHT + 2, text_width(str(n), _BADGE_SIZE) + 8) for n in counts.values()]
    x = box.x1 - 6 - sum(widths) - 2 * (len(widths) - 1)
    for (kind, n), width in zip(counts.items(), widths):
        body, _ = _pill(x, box.y1, str(n), _NOTE_COLORS[kind], _NOTE_INK.get(kind, "#FFFFFF"))
        tooltip = f"{target}: {word(f'note-kind.{kind}.count', locale).format(n)}"
        parts.append(_group(found.element, f"note-{kind}", f"note-badge note-{kind}", tooltip, body))
        x += width + 2
    return "".join(parts)


def _heat(target: str, found: _Target, dots: int, share: float, locale: str) -> tuple[str, str]:
    """The tint and frame over the card (stronger for more of the dots), and the count on its lower edge."""
    box = found.box
    tooltip = f"{target}: {word('overlay.votes.count', locale).format(dots)}"
    tint = (f'<path fill="{_HEAT}" fill-opacity="{0.06 + 0.26 * share:.2f}" stroke="{_HEAT}" '
            f'stroke-width="{_n(1 + 2.5 * share)}" d="{_rounded(box.x0, box.y0, box.x1, box.y1, 6)}"/>\n')
    badge, _ = _pill(box.x0 + 6, box.y1, f"● {dots}", _HEAT)
    return (_group(found.element, "heat", "vote-heat", tooltip, tint),
            _group(found.element, "heat-count", "vote-heat vote-count", tooltip, badge))


def _diff(target: str, found: _Target, status: str, locale: str) -> tuple[str, str]:
    """A frame around the card in the status's colour and dash, and its sign on the upper-left corner."""
    box = found.box
    color, dash, sign = _DIFF[status]
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    tooltip = f"{word('diff.' + status, locale)}: {target}"
    g = _FRAME_GAP
    frame = (f'<path fill="none" stroke="{color}" stroke-width="2.5"{dashes} '
             f'd="{_rounded(box.x0 - g, box.y0 - g, box.x1 + g, box.y1 + g, 8)}"/>\n')
    cx, cy, r = box.x0 - 2, box.y0 - 1, 6.5
    mark = (f'<ellipse fill="{color}" stroke="#FFFFFF" stroke-width="1" cx="{_n(cx)}" cy="{_n(cy)}" '
            f'rx="{_n(r)}" ry="{_n(r)}"/>\n' + _text(cx, cy, sign, 8.5, "#FFFFFF"))
    return (_group(found.element, "diff", f"diff diff-{status}", tooltip, frame),
            _group(found.element, "diff-sign", f"diff-sign diff-{status}", tooltip, mark))


def _legend(svg: str, kinds: list[str], heat: bool, statuses: list[str], locale: str) -> str:
    """One row of samples and words at the top right of what this SVG shows (below the title
    when the title reaches that far), on a white ground."""
    size, gap = 8.0, 12.0
    items: list[tuple[str, str]] = [("note-" + kind, word(f"note-kind.{kind}", locale)) for kind in kinds]
    if heat:
        items.append(("heat", word("overlay.votes", locale)))
    items += [("diff-" + status, word(f"diff.{status}", locale)) for status in statuses]
    widths = [18 + 4 + text_width(text, size) for _, text in items]
    total = sum(widths) + gap * (len(items) - 1) + 16
    sheet = _PAGE.search(svg)
    if sheet is None:  # not a picture render() drew: the marks speak for themselves
        return ""
    page = _box(sheet.group(1))
    x, top = page.x1 - 8 - total, page.y0 + 8
    title = _TITLE.search(svg)
    if title is not None:
        title_end = float(title.group(1)) + text_width(html.unescape(title.group(3)), float(title.group(2)))
        if title_end + 12 > x:
            top += float(title.group(2)) * 1.8  # under the title's line
    height = 18.0
    cy = top + height / 2
    out = [f'<path fill="#FFFFFF" fill-opacity="0.94" stroke="#B8C4D0" stroke-width="0.8" '
           f'd="{_rounded(x, top, x + total, top + height, 4)}"/>\n']
    x += 8
    for (sample, text), width in zip(items, widths):
        out.append(_sample(sample, x, cy))
        out.append(_text(x + 22, cy, text, size, "#1E2A36", anchor="start", bold=False))
        x += width + gap
    return (f'<g id="overlay-legend" class="overlay-legend">\n<title>{xml_text(word("legend.title", locale))}</title>\n'
            + "".join(out) + "</g>\n")


def _sample(sample: str, x: float, cy: float) -> str:
    if sample.startswith("note-"):
        half = _BADGE_HEIGHT / 2
        return (f'<path fill="{_NOTE_COLORS[sample.removeprefix("note-")]}" stroke="none" '
                f'd="{_rounded(x + 2, cy - half, x + 16, cy + half, half)}"/>\n')
    if sample == "heat":
        return (f'<path fill="{_HEAT}" fill-opacity="0.3" stroke="{_HEAT}" stroke-width="2" '
                f'd="{_rounded(x, cy - 5, x + 18, cy + 5, 3)}"/>\n')
    color, dash, _ = _DIFF[sample.removeprefix("diff-")]
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<path fill="none" stroke="{color}" stroke-width="2"{dashes} '
            f'd="{_rounded(x, cy - 5, x + 18, cy + 5, 3)}"/>\n')
