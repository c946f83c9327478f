"""HTML-like labels: fixed-size tables of pre-wrapped lines, so that text sits exactly where the
layout measured it; a card's text as one."""

from __future__ import annotations

from ..layout import Card, Layout
from .palette import EMOTION, INK, MUTED
from .quote import html_label, html_text
from .writer import num

__all__ = ["card_label", "table"]

def table(lines: list[str], width: float, height: float, size: float, color: str, align: str = "LEFT",
           bold: bool = False) -> str:
    """A fixed-size table of pre-wrapped lines, so text sits exactly where the layout put it
    (no label at all for no lines: Graphviz refuses an empty table)."""
    if not lines:
        return ""
    body = "<BR/>".join(html_text(line) for line in lines)
    if bold:
        body = f"<B>{body}</B>"
    return html_label(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
        f'WIDTH="{num(width)}" HEIGHT="{num(height)}"><TR><TD ALIGN="{align}" BALIGN="{align}" '
        f'FIXEDSIZE="TRUE" WIDTH="{num(width)}" HEIGHT="{num(height)}"><FONT POINT-SIZE="{num(size)}" '
        f'COLOR="{color}">{body}</FONT></TD></TR></TABLE>'
    )


def card_label(card: Card, grid: Layout) -> str:
    """The card's text in a fixed table (so it sits where the layout measured it): the label,
    then owner and duration, then touchpoint and emotion, all left-aligned."""
    style = grid.style
    inner = num(card.box.w - 2 * style.card_pad_x)
    small = style.lh(style.small_size)
    rows = [_row(card.lines, inner, len(card.lines) * style.lh(style.label_size), style.label_size, INK)]
    if card.meta:
        rows.append(_row(card.meta, inner, len(card.meta) * small, style.small_size, MUTED))
    footer = []
    if card.touchpoint:
        footer.append(f'<FONT COLOR="{MUTED}">{html_text(card.touchpoint)}</FONT>')
    if card.emotion is not None:
        value = max(-2, min(2, card.emotion))
        sign = "+" if card.emotion > 0 else ("−" if card.emotion < 0 else "")
        gap = "   " if footer else ""  # inside the span: a bare space would be a text of its own
        footer.append(f'<FONT COLOR="{EMOTION[value]}">{gap}● {sign}{abs(card.emotion)}</FONT>')
    if footer:
        rows.append(f'<TR><TD ALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{inner}" HEIGHT="{num(small)}">'
                    f'<FONT POINT-SIZE="{num(style.small_size)}">{"".join(footer)}</FONT></TD></TR>')
    if card.details:
        rows.append(_row(card.details, inner, len(card.details) * small, style.small_size, MUTED))
    return html_label('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                      f'{"".join(rows)}</TABLE>')


def _row(lines: list[str], width: str, height: float, size: float, color: str) -> str:
    body = "<BR/>".join(html_text(line) for line in lines)
    return (f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{num(height)}">'
            f'<FONT POINT-SIZE="{num(size)}" COLOR="{color}">{body}</FONT></TD></TR>')
