"""Text measuring and wrapping that knows a CJK character is about twice as wide as a Latin one.

Graphviz does not wrap labels, and cards have a fixed width, so the renderer wraps every label
itself. Widths are estimates in points for Noto Sans CJK (the font the renderer asks for): East Asian
wide and fullwidth characters (``unicodedata.east_asian_width`` ``W``/``F``) and ambiguous symbols
(``A``: ``· … ≤ “``) are one em, Latin letters about half an em, combining marks and format
characters nothing. Lines break at spaces in Latin text
and between any two CJK characters, never before closing punctuation (``，。）``) or after opening
punctuation (``（“``). A word longer than a line breaks after a hyphen or slash in it; only a word
with no such point that is longer than the whole line is cut between characters (callers that can
make room ask :func:`longest_word` first). A CJK paragraph does not end in a line of one character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["ELLIPSIS", "cells", "char_width", "ellipsize", "longest_word", "text_width", "wrap"]

ELLIPSIS = "…"

# Advance widths in em of printable ASCII in Noto Sans CJK SC (its Latin glyphs), as Graphviz measures
# them for PNG and PDF, rounded up a little so a wrapped line never overflows its card.
_ASCII_GROUPS = {
    0.29: "',.:;ij|", 0.3: "l", 0.31: "I", 0.34: "!f", 0.35: "()[]{}", 0.36: "-", 0.37: "t",
    0.41: "/\\r", 0.48: "*s", 0.49: '"?z', 0.51: "Jcx", 0.53: "vy", 0.55: "Y", 0.56: "L",
    0.57: "#$+0123456789<=>F^ek~", 0.58: "_ag", 0.59: "SX", 0.6: "VZ", 0.61: "E", 0.62: "AT`hnou",
    0.63: "Cb", 0.64: "dpq", 0.65: "PR", 0.66: "K", 0.68: "B", 0.7: "&", 0.71: "DG", 0.74: "HNU",
    0.76: "OQ", 0.82: "w", 0.83: "M", 0.89: "W", 0.94: "%m", 0.96: "@",
}
_ASCII = {ch: width for width, chars in _ASCII_GROUPS.items() for ch in chars} | {" ": 0.23}
_OTHER = 0.62  # other narrow letters (Latin-1, Greek, Cyrillic) and symbols
_AMBIGUOUS_LETTER = 0.75

# Closing punctuation may not start a line; opening punctuation may not end one (kinsoku shori).
_NO_LINE_START = frozenset("，。、：；！？）」』】》〉”’,.;:!?)]}%…—・·")
_NO_LINE_END = frozenset("（「『【《〈“‘([{")


@lru_cache(maxsize=4096)
def char_width(ch: str) -> float:
    """The advance width of one character in em.

    >>> char_width("中"), char_width("a"), char_width("\\u0301")
    (1.0, 0.58, 0.0)
    """
    if ch in _ASCII:
        return _ASCII[ch]
    width = unicodedata.east_asian_width(ch)
    category = unicodedata.category(ch)
    if width in ("W", "F"):
        return 1.0
    if category in ("Mn", "Me", "Cf", "Cc"):
        return 0.0
    if width == "A":
        # A Simplified Chinese font draws ambiguous symbols and punctuation (· … ≤ “ ● →) a full
        # em wide; ambiguous letters (é, α, Ж) stay proportional.
        return _AMBIGUOUS_LETTER if category.startswith("L") else 1.0
    return _OTHER


def cells(text: str) -> int:
    """Terminal-style columns: 2 for a wide or fullwidth character, 0 for a mark, else 1.

    >>> cells("营业厅 BOSS")
    11
    """
    total = 0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            total += 2
        elif unicodedata.category(ch) not in ("Mn", "Me", "Cf", "Cc"):
            total += 1
    return total


def text_width(text: str, size: float) -> float:
    """The width of ``text`` in points at font ``size``.

    >>> text_width("柜台受理", 10)
    40.0
    >>> round(text_width("ID", 10), 2)
    10.2
    """
    return sum(map(char_width, text)) * size


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


_SPACES = re.compile(r"[ \t\u3000]+")
# Text that needs more than measuring: line breaks, tabs, ideographic or repeated or outer spaces.
_IRREGULAR = re.compile(r"[\n\r\t\u3000]|  |^ | $")


def _atoms(paragraph: str) -> list[tuple[str, bool]]:
    """Each wide character alone, each run of other non-space characters; with "space before"."""
    atoms: list[tuple[str, bool]] = []
    word, space = "", False
    for ch in paragraph:
        if ch == " " or _is_wide(ch):
            if word:
                atoms.append((word, space))
                word, space = "", False
            if ch == " ":
                space = True
            else:
                atoms.append((ch, space))
                space = False
        else:
            word += ch
    if word:
        atoms.append((word, space))
    return atoms


def _tokens(paragraph: str) -> list[tuple[str, bool]]:
    """Split a paragraph into unbreakable pieces, each with whether a space precedes it."""
    pieces: list[tuple[str, bool]] = []
    glue_next = False
    for atom, space in _atoms(paragraph):
        if pieces and not space and (glue_next or atom[0] in _NO_LINE_START):
            previous, before = pieces[-1]
            pieces[-1] = (previous + atom, before)
        else:
            pieces.append((atom, space))
        glue_next = atom[-1] in _NO_LINE_END
    return pieces


# Where a long word may break: after a hyphen, a dash or a slash that has letters on both sides.
_WORD_BREAK = re.compile(r"(?<=[^\W_][-‐–/])(?=\w)")


def _cut(word: str, width: float, size: float) -> list[str]:
    """Break a word that does not fit in ``width`` into pieces that do: after its hyphens and
    slashes first, between characters only where a piece has no such point and is still too wide.

    >>> _cut("pre-authorise", 50, 10)
    ['pre-', 'authorise']
    >>> _cut("pre-authorise", 30, 10)
    ['pre-', 'autho', 'rise']
    """
    parts = _pack(_WORD_BREAK.split(word), width, size)
    if all(text_width(part, size) <= width for part in parts) or width <= 0:
        return parts
    return [cut for part in parts
            for cut in (_pack(part, width, size) if text_width(part, size) > width else [part])]


def _pack(pieces: Iterable[str], width: float, size: float) -> list[str]:
    """``pieces`` joined in order into as few parts as fit in ``width`` (a piece too wide alone is
    a part of its own); the characters of a string are its pieces.

    >>> _pack(["ab", "cd", "ef"], 25, 10), _pack("abc", 13, 10)
    (['abcd', 'ef'], ['ab', 'c'])
    """
    parts: list[str] = []
    current = ""
    for piece in pieces:
        if current and text_width(current + piece, size) > width:
            parts.append(current)
            current = ""
        current += piece
    if current:
        parts.append(current)
    return parts


def longest_word(text: str, size: float) -> float:
    """The width of the widest piece of ``text`` no line break may split (its words, broken after
    hyphens and slashes; each CJK character alone).

    >>> longest_word("Number reserved", 10) == text_width("reserved", 10)
    True
    """
    widest = 0.0
    for paragraph in str(text).splitlines():
        for piece, _ in _tokens(_SPACES.sub(" ", paragraph).strip()):
            for part in _WORD_BREAK.split(piece):
                widest = max(widest, text_width(part, size))
    return widest


def _balance(lines: list[list[str]]) -> None:
    """Move the last character of the line before down when a CJK paragraph would end in a line of
    one character (its pieces, in place)."""
    if len(lines) < 2 or len(lines[-1]) != 1 or len(lines[-2]) < 3:
        return
    last, before = lines[-1][0], lines[-2][-1]
    if len(last) == 1 and _is_wide(last) and len(before) == 1 and _is_wide(before):
        lines[-1].insert(0, lines[-2].pop())


def wrap(text: str, width: float, size: float, max_lines: int | None = None) -> list[str]:
    """Wrap ``text`` into lines no wider than ``width`` points at font ``size``.

    Line breaks in the text are kept, runs of spaces become one; with ``max_lines`` the last kept
    line ends in an ellipsis when text was left out.

    >>> wrap("迎候问候，了解需求并核对证件", 60, 10)
    ['迎候问候，了', '解需求并核对', '证件']
    >>> wrap("Greets the customer, asks what they need", 100, 10)
    ['Greets the customer,', 'asks what they need']
    >>> wrap("打印协议 and hand over", 50, 10, max_lines=2)
    ['打印协议', 'and han…']
    """
    return list(_wrapped(str(text), width, size, max_lines))


@lru_cache(maxsize=4096)  # print sheets wrap the same lane, zone and line names again and again
def _wrapped(text: str, width: float, size: float, max_lines: int | None) -> tuple[str, ...]:
    if not _IRREGULAR.search(text) and text_width(text, size) <= width:
        return (text,) if text else ()  # the common case: a short label on one line
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        paragraph = _SPACES.sub(" ", paragraph).strip()
        if not paragraph:
            if lines:
                lines.append("")
            continue
        line, used = "", 0.0  # the line so far and its width
        space = char_width(" ") * size
        pieces: list[list[str]] = [[]]  # the CJK pieces of each line, to balance the last one
        start = len(lines)
        for piece, spaced in _tokens(paragraph):
            wide = text_width(piece, size)
            gap = space if line and spaced else 0.0
            if used + gap + wide <= width:
                line += (" " if gap else "") + piece
                used += gap + wide
                pieces[-1].append(piece if not gap else " " + piece)
                continue
            if line:
                lines.append(line)
            parts = _cut(piece, width, size) if wide > width else [piece]
            lines.extend(parts[:-1])
            pieces.extend([[part] for part in parts[:-1]])
            line = parts[-1]
            pieces.append([line])
            used = text_width(line, size)
        lines.append(line)
        pieces = [p for p in pieces if p]
        if len(pieces) == len(lines) - start:
            _balance(pieces)
            lines[start:] = ["".join(p) for p in pieces]
    while lines and not lines[-1]:
        lines.pop()
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = ellipsize(kept[-1] + ELLIPSIS, width, size)
        return tuple(kept)
    return tuple(lines)


def ellipsize(text: str, width: float, size: float) -> str:
    """``text`` cut to fit ``width`` points, ending in an ellipsis when anything was cut.

    >>> ellipsize("Floor guide (greeter)", 50, 8)
    'Floor guid…'
    """
    text = " ".join(str(text).split())
    if text_width(text, size) <= width:
        return text
    budget = width - text_width(ELLIPSIS, size)
    cut = ""
    for ch in text.removesuffix(ELLIPSIS):
        if text_width(cut + ch, size) > budget:
            break
        cut += ch
    return cut.rstrip() + ELLIPSIS
