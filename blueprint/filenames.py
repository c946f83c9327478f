"""File names: a safe name from any title, a picture's name from its input, and the picture formats.

Everything the package writes under a name it makes up goes through :func:`safe_filename`: the
app's downloads (named after the title) and ``blueprint render``'s pictures (named after the input).
"""

from __future__ import annotations

import os
import re
import unicodedata

__all__ = ["PICTURE_FORMATS", "output_name", "safe_filename"]

#: What ``blueprint render`` draws, each also the extension of its file: text for ``svg`` and
#: ``dot``, bytes for ``png`` and ``pdf``.
PICTURE_FORMATS = ("svg", "png", "pdf", "dot")


# Windows refuses these as a name's stem whatever the extension (CON.svg, nul.tar.gz).
_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\s]+')
_EXTENSION = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*")
# Stripped from both ends: hidden files (leading dots), names Windows cannot keep (trailing dots
# and spaces), names a shell takes for options (leading hyphens), and our own replacement marks.
_EDGES = "._- "


def _drop_invisible(text: str) -> str:
    # Control, format (bidi overrides that disguise an extension), surrogate and separator characters.
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp"))


def _truncate_utf8(text: str, max_bytes: int) -> str:
    """Cut ``text`` to at most ``max_bytes`` UTF-8 bytes at a character boundary."""
    cut = text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")
    # A combining mark left without the rest of its cluster would sit alone at the end.
    while cut and unicodedata.combining(cut[-1]):
        cut = cut[:-1]
    return cut


def _clean_stem(text: str, max_bytes: int) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _FORBIDDEN.sub("_", text)  # before dropping controls: a tab is a word break
    text = _drop_invisible(text)
    text = re.sub(r"_{2,}", "_", text).strip(_EDGES)
    text = _truncate_utf8(text, max_bytes).strip(_EDGES)
    if text.split(".", 1)[0].upper() in _RESERVED_NAMES:
        text = f"{text}_"
    return text


def safe_filename(title: str | None, ext: str = "", default: str = "blueprint", max_bytes: int = 150) -> str:
    """A file name for ``title`` that every common file system accepts, ending in ``.ext``.

    Chinese and other letters are kept. Path separators, ``<>:"/\\|?*`` and runs of white space
    become ``_``; control and invisible format characters go; leading dots, hyphens and
    underscores and trailing dots and spaces go; a Windows device name (``CON``, ``NUL``, ``COM1``
    ...) gets a trailing ``_``. The whole name is at most ``max_bytes`` UTF-8 bytes, cut at a
    character boundary. A title with nothing left gives ``default``.

    Args:
        title: Any text, usually the blueprint's title.
        ext: The extension, with or without its dot (``"svg"``, ``".tar.gz"``); empty for none.
        default: The stem to use when the title leaves nothing.
        max_bytes: The longest name in UTF-8 bytes, extension included.

    Raises:
        ValueError: If ``ext`` is not letters and digits separated by dots, or leaves no room for a stem.

    >>> safe_filename("营业厅办理入网", "svg")
    '营业厅办理入网.svg'
    >>> safe_filename("../../etc/passwd", "csv")
    'etc_passwd.csv'
    >>> safe_filename("Hall: before / after?", ".pdf")
    'Hall_before_after.pdf'
    >>> safe_filename("   ", "png"), safe_filename("con", "xlsx")
    ('blueprint.png', 'con_.xlsx')
    """
    ext = ext.lstrip(".")
    if ext and not _EXTENSION.fullmatch(ext):
        raise ValueError(f"not a file extension: {ext!r}")
    suffix = f".{ext}" if ext else ""
    room = max_bytes - len(suffix.encode("utf-8"))
    if room < 1:
        raise ValueError(f"max_bytes={max_bytes} leaves no room for a name before {suffix!r}")
    stem = _clean_stem(title or "", room) or _clean_stem(default or "", room) or "blueprint"[:room]
    return f"{stem}{suffix}"


def output_name(source: str, ext: str) -> str:
    """The default output file name for input ``source``: its name with ``ext`` instead, made safe.

    Only the file name is kept (no directories), so the result never points elsewhere.

    >>> output_name("examples/hall-walk.zh.yaml", "svg")
    'hall-walk.zh.svg'
    >>> output_name("../../etc/passwd", "png")
    'passwd.png'
    >>> output_name("-", "pdf")
    'blueprint.pdf'
    """
    stem = os.path.basename(str(source).replace("\\", "/"))
    for suffix in (".yaml", ".yml"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    if stem in ("", "-", "<stdin>", "<string>"):
        stem = ""
    return safe_filename(stem, ext)
