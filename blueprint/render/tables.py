"""HTML-like labels: fixed-size tables of pre-wrapped lines, so that text sits exactly where the
layout measured it; a card's text as one. Each label is its DOT text and, for the painter
(:mod:`.paint`), the cells it describes, so nothing reads the HTML back."""

from __future__ import annotations

from typing import NamedTuple

from ..layout import Card, Layout
from .palette import EMOTION, INK, MUTED
from .quote import html_label, html_text, shown_text
from .writer import num

__all__ = ["Cell", "Table", "card_label", "table"]


class Cell(NamedTuple):
    """One table cell as Graphviz sizes it: whole points (it reads ``WIDTH="12.5"`` as 12), lines
    of runs of text (``(text, colour)``) in one size, left-aligned or centred, bold or not."""

    width: int
    height: int
    align: str
    lines: tuple[tuple[tuple[str, str], ...], ...]
    size: float
    bold: bool


class Table(str):
    """An HTML-like label: the DOT text, with its cells top to bottom and, for a table of a fixed
    size, that size (else the cells' sum)."""

    cells: tuple[Cell, ...]
    width: int
    height: int

    def __new__(cls, markup: str, cells: tuple[Cell, ...], size: tuple[int, int] | None = None) -> Table:
        label = super().__new__(cls, html_label(markup))
        label.cells = cells
        label.width, label.height = size or (max(cell.width for cell in cells), sum(cell.height for cell in cells))
        return label


def _whole(text: str) -> int:
    """A size as Graphviz reads an HTML ``WIDTH`` or ``HEIGHT``: the digits before the point."""
    return int(float(text))


def table(lines: list[str], width: float, height: float, size: float, color: str, align: str = "LEFT",
           bold: bool = False) -> str:
    """A fixed-size table of pre-wrapped lines, so text sits exactly where the layout put it
    (no label at all for no lines: Graphviz refuses an empty table)."""
    if not lines:
        return ""
    body = "<BR/>".join(html_text(line) for line in lines)
    if bold:
        body = f"<B>{body}</B>"
    wide, tall = num(width), num(height)
    cell = Cell(_whole(wide), _whole(tall), align, tuple(((shown_text(line), color),) for line in lines), size, bold)
    return Table(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
        f'WIDTH="{wide}" HEIGHT="{tall}"><TR><TD ALIGN="{align}" BALIGN="{align}" '
        f'FIXEDSIZE="TRUE" WIDTH="{wide}" HEIGHT="{tall}"><FONT POINT-SIZE="{num(size)}" '
        f'COLOR="{color}">{body}</FONT></TD></TR></TABLE>', (cell,), (cell.width, cell.height))


def card_label(card: Card, grid: Layout) -> str:
    """The card's text in a fixed table (so it sits where the layout measured it): the label,
    then owner and duration, then touchpoint and emotion, all left-aligned."""
    style = grid.style
    inner = num(card.box.w - 2 * style.card_pad_x)
    small = style.lh(style.small_size)
    rows, cells = [], []

    def row(lines: list[str], height: float, size: float, color: str) -> None:
        tall = num(height)
        body = "<BR/>".join(html_text(line) for line in lines)
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{inner}" HEIGHT="{tall}">'
                    f'<FONT POINT-SIZE="{num(size)}" COLOR="{color}">{body}</FONT></TD></TR>')
        cells.append(Cell(_whole(inner), _whole(tall), "LEFT", tuple(((shown_text(line), color),) for line in lines),
                          size, False))

    row(card.lines, len(card.lines) * style.lh(style.label_size), style.label_size, INK)
    if card.meta:
        row(card.meta, len(card.meta) * small, style.small_size, MUTED)
    footer, runs = [], []
    if card.touchpoint:
        footer.append(f'<FONT COLOR="{MUTED}">{html_text(card.touchpoint)}</FONT>')
        runs.append((shown_text(card.touchpoint), MUTED))
    if card.emotion is not None:
        value = max(-2, min(2, card.emotion))
        sign = "+" if card.emotion > 0 else ("−" if card.emotion < 0 else "")
        gap = "   " if footer else ""  # inside the span: a bare space would be a text of its own
        footer.append(f'<FONT COLOR="{EMOTION[value]}">{gap}● {sign}{abs(card.emotion)}</FONT>')
        runs.append((f"{gap}● {sign}{abs(card.emotion)}", EMOTION[value]))
    if footer:
        rows.append(f'<TR><TD ALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{inner}" HEIGHT="{num(small)}">'
                    f'<FONT POINT-SIZE="{num(style.small_size)}">{"".join(footer)}</FONT></TD></TR>')
        cells.append(Cell(_whole(inner), _whole(num(small)), "LEFT", (tuple(runs),), style.small_size, False))
    if card.details:
        row(card.details, len(card.details) * small, style.small_size, MUTED)
    return Table('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                 f'{"".join(rows)}</TABLE>', tuple(cells))
