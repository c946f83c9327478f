"""The physical evidence row: a note over each customer or frontstage step with evidence, the
notes of one column side by side, each with its step's number."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Zone
from ..words import word
from .cards import number_tag
from .columns import BOLD, Columns
from .geometry import Box, EvidenceNote, Style
from .grid import Grid, Row
from .rows import Rows
from .text import text_width, wrap

__all__ = ["Notes", "measure_evidence", "note_reach", "place_evidence_notes"]

# An evidence item starts with a bullet; its further lines start after an ideographic space as wide.
_BULLET = "• "
_HANG = "\u3000 "


@dataclass
class Notes:
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


def note_reach(grid: Grid, rows: list[Row], style: Style) -> dict[int, float]:
    """How far the notes of a column reach past its cards on either side: where several steps of
    the column have evidence, far enough for each note to be :data:`_NOTE_WIDTH` wide."""
    reach = {}
    for column, members in _evidence_steps(grid, rows).items():
        if len(members) > 1:
            span = len(members) * _NOTE_WIDTH + (len(members) - 1) * _NOTE_GAP
            # At most so far that the outermost notes still stand partly over the column.
            reach[column] = min(max(0.0, span - style.card_width) / 2, _NOTE_REACH)
    return reach


def measure_evidence(grid: Grid, rows: list[Row], style: Style, numbers: list[int], columns: Columns) -> Notes:
    """The evidence notes: one over each customer or frontstage step that has evidence, in its
    step's column. Where several steps of one column have evidence, their notes stand side by
    side in the order of the lanes (reaching into the gaps beside the column, which no route
    enters up there), so none sits under another step's note."""
    notes = Notes(defaultdict(list), 0.0, style.lh(style.note_size))
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


def place_evidence_notes(grid: Grid, style: Style, locale: str, notes: Notes, columns: Columns,
                    page: Rows, numbers: list[int]) -> tuple[list[EvidenceNote], tuple[Box, list[str]] | None]:
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
    label_lines = wrap(word("row.evidence", locale), (header_w - 12) / BOLD, style.header_size, 3)
    return placed, (Box(columns.header_x, band.y, header_w, band.h), label_lines)
