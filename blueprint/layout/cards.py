"""What a card says: its wrapped label, the owner and duration line, its touchpoint and badges."""

from __future__ import annotations

from ..durations import format_duration
from ..model import Step
from .breaches import Breach
from .geometry import Style
from .text import text_width, wrap
from ..words import word

__all__ = ["BadgeSpec", "card_height", "card_text", "detail_lines", "meta_lines", "number_tag"]


#: A badge before it has a place: kind, text, detail, exceeded.
BadgeSpec = tuple[str, str, str, bool]


def card_text(step: Step, style: Style, locale: str, breaches: list[Breach] | None = None,
              details: bool = False, number: int = 0) -> tuple[list[str], list[str], str, list[BadgeSpec], list[str]]:
    """A card's label lines, owner and duration lines, footer, badges and detail lines. With
    ``breaches`` (the analysis on the picture, see :mod:`.breaches`; ``None`` for a plain picture)
    a fail point shows its text after an "F" and the step's ``number`` ("F3 Terminal fails"), and
    a wait or step over its standard shows by how much; with ``details`` the step's KPIs and notes
    follow in small text."""
    inner = style.card_width - 2 * style.card_pad_x
    lines = wrap(step.label or step.id, inner, style.label_size, style.max_label_lines) or [""]
    duration = format_duration(step.duration, locale) if step.duration is not None else ""
    extra = detail_lines(step, locale, inner, style.small_size) if details else []
    return (lines, meta_lines(step.owner or "", duration, inner, style.small_size),
            *_footer_and_badges(step, locale, breaches, number), extra)


def number_tag(number: int, style: Style) -> tuple[str, float, float]:
    """A step number's tag: its text, width and height (as small as a badge)."""
    text = str(number)
    return text, text_width(text, style.badge_size) + 7, style.badge_height


def detail_lines(step: Step, locale: str, width: float, size: float) -> list[str]:
    """The step's KPIs and notes, each after its word ("KPI:", "Note:"), three lines each at most.

    >>> from blueprint import loads
    >>> step = loads("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: A, "
    ...              "kpis: [Wait under 10 min], notes: [Peak at noon]}\\n").steps[0]
    >>> detail_lines(step, "en", 126, 8)
    ['KPI: Wait under 10 min', 'Note: Peak at noon']
    """
    lines: list[str] = []
    for key, items in (("picture.kpi", step.kpis), ("picture.note", step.notes)):
        for item in items:
            lines += wrap(f"{word(key, locale)}{' '.join(str(item).split())}", width, size, 3)
    return lines


def meta_lines(owner: str, duration: str, width: float, size: float) -> list[str]:
    """Owner and duration on one line ("Clerk · 5 min") when they fit, else the owner (on two
    lines at most) and the duration on a line of its own: a duration is never cut.

    >>> meta_lines("Counter clerk", "5 min", 126, 8)
    ['Counter clerk · 5 min']
    >>> meta_lines("Housekeeping supervisor", "5 min", 126, 8)
    ['Housekeeping supervisor', '5 min']
    """
    joined = " · ".join(part for part in (owner, duration) if part)
    if text_width(joined, size) <= width or not (owner and duration):
        return wrap(joined, width, size, 2) if joined else []
    return [*wrap(owner, width, size, 2), duration]


def _footer_and_badges(step: Step, locale: str, breaches: list[Breach] | None,
                       number: int) -> tuple[str, list[BadgeSpec]]:
    touchpoint = step.touchpoint.label(locale) if step.touchpoint is not None else ""
    badges: list[BadgeSpec] = []
    if step.fail:
        if breaches is None:
            badges.append(("fail-point", word("badge.fail", locale), "", False))
        else:  # a Shostack fail point: "F" and what fails
            mark = f"F{number}" if number else "F"
            badges.append(("fail-point", f"{mark}  {' '.join(str(step.fail).split())}", str(step.fail), False))
    over = [breach for breach in breaches or [] if breach.wait]
    if step.wait or step.wait_max is not None:
        text = word("badge.wait", locale)
        if over:
            badges.append(("wait-point", f"{text} {over[0].text}", word("picture.wait-standard", locale), True))
        else:
            if step.wait_max is not None:
                text += " ≤" + format_duration(step.wait_max, locale)
            badges.append(("wait-point", text, "", False))
    for breach in breaches or []:
        if not breach.wait:
            badges.append(("standard-exceeded", breach.text, breach.detail, True))
    return touchpoint, badges


def card_height(lines: list[str], meta: list[str], footer: bool, badges: bool, style: Style,
                details: int = 0) -> float:
    height = 2 * style.card_pad_y + len(lines) * style.lh(style.label_size)
    if badges:  # the lower half of the badges reaches into the card
        height += style.badge_height / 2
    height += (len(meta) + details) * style.lh(style.small_size)
    if footer:
        height += style.lh(style.small_size)
    return max(style.card_min_height, height)

