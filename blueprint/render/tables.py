"""HTML-like labels: fixed-size tables of pre-wrapped lines, so that text sits exactly where the
layout measured it; a card's text as one. Each label is its DOT text and, for the painter
(:mod:`.paint`), the cells it describes, so nothing reads the HTML back."""

from __future__ import annotations

import functools
from collections.abc import Callable
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


class Table:
    """An HTML-like label: its cells top to bottom and its size (the widest cell's width, the cells'
    heights' sum), for the painter; its DOT text (``<...>``) as ``str()``. Each is made only when
    asked for: the screen's picture never paints, and print never writes DOT."""

    def __init__(self, markup: Callable[[], str], cells: Callable[[], tuple[Cell, ...]]):
        self._markup, self._cells = markup, cells

    def __str__(self) -> str:
        return html_label(self._markup())

    @functools.cached_property
    def cells(self) -> tuple[Cell, ...]:
        return self._cells()

    @functools.cached_property
    def width(self) -> int:
        return max(cell.width for cell in self.cells)

    @functools.cached_property
    def height(self) -> int:
        return sum(cell.height for cell in self.cells)


def _whole(text: str) -> int:
    """A size as Graphviz reads an HTML ``WIDTH`` or ``HEIGHT``: the digits before the point."""
    return int(float(text))


def table(lines: list[str], width: float, height: float, size: float, color: str, align: str = "LEFT",
           bold: bool = False) -> Table | str:
    """A fixed-size table of pre-wrapped lines, so text sits exactly where the layout put it
    (no label at all for no lines: Graphviz refuses an empty table)."""
    if not lines:
        return ""
    wide, tall = num(width), num(height)

    def cells() -> tuple[Cell, ...]:
        return (Cell(_whole(wide), _whole(tall), align, tuple(((shown_text(line), color),) for line in lines), size,
                     bold),)

    def markup() -> str:
        body = "<BR/>".join(html_text(line) for line in lines)
        if bold:
            body = f"<B>{body}</B>"
        return (f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
                f'WIDTH="{wide}" HEIGHT="{tall}"><TR><TD ALIGN="{align}" BALIGN="{align}" '
                f'FIXEDSIZE="TRUE" WIDTH="{wide}" HEIGHT="{tall}"><FONT POINT-SIZE="{num(size)}" '
                f'COLOR="{color}">{body}</FONT></TD></TR></TABLE>')

    return Table(markup, cells)


def card_label(card: Card, grid: Layout) -> Table:
    """The card's text in a fixed table (so it sits where the layout measured it): the label,
    then owner and duration, then touchpoint and emotion, all left-aligned."""
    style = grid.style
    inner = num(card.box.w - 2 * style.card_pad_x)
    small = style.lh(style.small_size)
    # Each row: its lines (or for the footer, one line of runs), height, size and colour.
    rows: list[tuple[list[str] | None, str, float, str]] = []

    def row(lines: list[str], height: float, size: float, color: str) -> None:
        rows.append((lines, num(height), size, color))

    row(card.lines, len(card.lines) * style.lh(style.label_size), style.label_size, INK)
    if card.meta:
        row(card.meta, len(card.meta) * small, style.small_size, MUTED)
    runs = []
    if card.touchpoint:
        runs.append((card.touchpoint, MUTED))
    if card.emotion is not None:
        value = max(-2, min(2, card.emotion))
        sign = "+" if card.emotion > 0 else ("−" if card.emotion < 0 else "")
        gap = "   " if runs else ""  # inside the span: a bare space would be a text of its own
        runs.append((f"{gap}● {sign}{abs(card.emotion)}", EMOTION[value]))
    if runs:
        rows.append((None, num(small), style.small_size, ""))
    if card.details:
        row(card.details, len(card.details) * small, style.small_size, MUTED)

    def markup() -> str:
        written = []
        for lines, tall, size, color in rows:
            if lines is None:  # the footer: runs of their own colours
                footer = "".join(f'<FONT COLOR="{color}">{html_text(text)}</FONT>' for text, color in runs)
                written.append(f'<TR><TD ALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{inner}" HEIGHT="{tall}">'
                               f'<FONT POINT-SIZE="{num(size)}">{footer}</FONT></TD></TR>')
                continue
            body = "<BR/>".join(html_text(line) for line in lines)
            written.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{inner}" HEIGHT="{tall}">'
                           f'<FONT POINT-SIZE="{num(size)}" COLOR="{color}">{body}</FONT></TD></TR>')
        return ('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                f'{"".join(written)}</TABLE>')

    def cells() -> tuple[Cell, ...]:
        wide = _whole(inner)
        return tuple(Cell(wide, _whole(tall), "LEFT",
                          (tuple((shown_text(text), color) for text, color in runs),) if lines is None
                          else tuple(((shown_text(line), color),) for line in lines), size, False)
                     for lines, tall, size, color in rows)

    return Table(markup, cells)
