"""Control and bidi characters: refused in ids, shown as visible escapes in every text output.

A blueprint is text anyone can submit. Printed raw, an ESC in a key recolours or clears the
terminal and sets its title, a CR rewrites the line, a newline makes a line that reads like a
finding of its own, and a right-to-left override (U+202E) makes ``evil.yaml`` read ``lmay.live``.
Every text format prints them as the escapes a programmer would write (``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "first_control", "json_visible", "visible", "xml_safe", "xml_visible"]

#: The invisible characters that reorder text (Unicode's bidirectional formatting characters).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7f, 0xa0)]
_SEPARATORS = "\u2028\u2029"  # line and paragraph separators: line breaks to many viewers


def _escape(char: str) -> str:
    short = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(char)
    if short:
        return short
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_SHOWN = [*_CONTROLS, *BIDI_CONTROLS, *_SEPARATORS]
_NOT_ESCAPED_BY_JSON = _SHOWN[0x20:]  # json.dumps escapes C0 itself: DEL, C1, bidi, separators
_VISIBLE = str.maketrans({char: _escape(char) for char in _SHOWN})
_VISIBLE_KEEP_LINES = str.maketrans({char: _escape(char) for char in _SHOWN if char not in "\r\n"})
_JSON = str.maketrans({char: f"\\u{ord(char):04x}" for char in _NOT_ESCAPED_BY_JSON})
_XML = str.maketrans({char: f"&#x{ord(char):x};" for char in _NOT_ESCAPED_BY_JSON})
_IN_ID = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
# What XML 1.0 cannot carry at all: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def visible(text: str, *, keep_line_breaks: bool = False) -> str:
    """``text`` with every control, bidi and line-separator character written as an escape.

    >>> visible("a\\x1b[2Jb\\u202ec\\nd")
    'a\\\\x1b[2Jb\\\\u202ec\\\\nd'
    >>> visible("营业厅 C:\\\\drafts")  # everything else, backslashes included, is left as it is
    '营业厅 C:\\\\drafts'
    """
    return text.translate(_VISIBLE_KEEP_LINES if keep_line_breaks else _VISIBLE)


def json_visible(text: str) -> str:
    """JSON text with DEL, C1, bidi and separator characters escaped as ``\\uXXXX`` (the same
    data: ``json.dumps`` already escapes the C0 controls, and these can only be inside strings).

    >>> json_visible('["a\\u202eb"]')
    '["a\\\\u202eb"]'
    """
    return text.translate(_JSON)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD (the file stays well-formed).

    >>> xml_safe("a\x1bb")
    'a\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def xml_visible(text: str) -> str:
    """XML text with DEL, C1, bidi and separator characters written as character references (the
    same document: they can only be inside values).

    >>> xml_visible("<a b='x\u202ey'/>")
    "<a b='x&#x202e;y'/>"
    """
    return text.translate(_XML)


def first_control(text: str) -> int | None:
    """The offset of the first control or bidi character in ``text`` (what an id may not hold).

    >>> first_control("greet"), first_control("gr\\u202eeet")
    (None, 2)
    """
    match = _IN_ID.search(text)
    return match.start() if match else None
