"""What a card says: its wrapped label, the owner and duration line, its touchpoint and badges."""

from __future__ import annotations

from ..durations import format_duration
from ..model import Step
from ..words import word
from .geometry import Style
from .text import ellipsize, wrap

__all__ = ["card_height", "card_text"]


def card_text(step: Step, style: Style, locale: str) -> tuple[list[str], str, str, list[tuple[str, str]]]:
    inner = style.card_width - 2 * style.card_pad_x
    lines = wrap(step.label or step.id, inner, style.label_size, style.max_label_lines) or [""]
    meta_parts = [part for part in (step.owner, format_duration(step.duration, locale)
                                    if step.duration is not None else None) if part]
    meta = ellipsize(" · ".join(meta_parts), inner, style.small_size) if meta_parts else ""
    touchpoint = step.touchpoint.label(locale) if step.touchpoint is not None else ""
    badges: list[tuple[str, str]] = []
    if step.fail:
        badges.append(("fail-point", word("badge.fail", locale)))
    if step.wait or step.wait_max is not None:
        text = word("badge.wait", locale)
        if step.wait_max is not None:
            text += " ≤" + format_duration(step.wait_max, locale)
        badges.append(("wait-point", text))
    return lines, meta, touchpoint, badges


def card_height(lines: list[str], meta: str, footer: bool, badges: bool, style: Style) -> float:
    height = 2 * style.card_pad_y + len(lines) * style.lh(style.label_size)
    if badges:  # the lower half of the badges reaches into the card
        height += style.badge_height / 2
    if meta:
        height += style.lh(style.small_size)
    if footer:
        height += style.lh(style.small_size)
    return max(style.card_min_height, height)

