"""YAML text for one value: plain where YAML reads it back as the same value, quoted where it must be.

Every scalar is checked by parsing it back with the loader's own YAML reader
(:func:`blueprint.safeyaml.read_yaml`), in the context it will be written in (a block mapping,
or inside ``[...]`` / ``{...}``), so a written value always reads back as the value meant.

>>> scalar("进入营业厅")
'进入营业厅'
>>> scalar("yes"), scalar("1.0"), scalar("# not a comment"), scalar("a: b")
("'yes'", "'1.0'", "'# not a comment'", "'a: b'")
>>> scalar("<script>alert(1)</script>")
'<script>alert(1)</script>'
>>> scalar("a, b", flow=True), scalar("a, b")
("'a, b'", 'a, b')
>>> scalar(Plain("10min")), scalar(Plain("3")), scalar(Plain("true"))
('10min', '3', "'true'")
>>> scalar(-1), scalar(True)
('-1', 'true')
"""

from __future__ import annotations

import yaml

from ..errors import Bilingual, BlueprintError
from ..phrases import Phrase, say
from ..safeyaml import read_yaml, resolve_plain

__all__ = ["Plain", "scalar", "flow_value", "EditError"]


class EditError(ValueError, Bilingual):
    """An edit that cannot be made: bad input text, a refused change, or a value that cannot be written.

    ``phrase`` is the refusal in every language (a catalogue :class:`~blueprint.phrases.Phrase`, or
    the UI's). ``str(error)`` and ``error.message`` are the English, ``error.message_zh`` the
    Chinese, and ``error.text(locale)`` the message in any language (see
    :class:`blueprint.errors.Bilingual`).

    >>> error = EditError(say("edit.id-taken", what=say("thing.step"), id="a"))
    >>> str(error) == error.text("en") == error.message, error.text("zh")
    (True, "已经有步骤 'a' 了：编号不能重复")
    """

    def __init__(self, phrase: Phrase):
        self.phrase = phrase
        self.message, self.message_zh = phrase.text("en"), phrase.text("zh")
        super().__init__(self.message)

    def __reduce__(self):  # a pickle (Streamlit's cache) rebuilds the error from its phrase
        return type(self), (self.phrase,)


class Plain(str):
    """Text written as it is when YAML reads it back as the same text or number (a duration:
    ``3min``, ``90s``, ``3``); quoted otherwise, so ``true`` stays text."""


# Characters a plain scalar must not start with (YAML indicators), and texts YAML 1.1 readers
# (yamllint, many editors) take for booleans although the loader's YAML 1.2 reads them as text.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}")
_YAML11 = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _reads_as_text(text: str) -> bool:
    """True when a plain scalar ``text`` is text for YAML 1.2 (the loader) and for YAML 1.1."""
    return (
        resolve_plain(text) == text
        and isinstance(resolve_plain(text), str)
        and _YAML11.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG
    )


def _plain_shape_ok(text: str, flow: bool) -> bool:
    """True when ``text`` can be written as a plain scalar without changing the YAML's structure."""
    if not text or text != text.strip() or not text.isprintable() or "\t" in text:
        return False
    if text[0] in _INDICATORS or text.startswith(("---", "...")):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (flow and (":" in text or any(ch in _FLOW_INDICATORS for ch in text)))


def _single_quoted(text: str) -> str | None:
    if "\n" in text or not text.isprintable():
        return None
    return "'" + text.replace("'", "''") + "'"


def _double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def _literal_block(text: str, indent: int) -> str | None:
    """``|`` block text for multi-line ``text`` whose key is at column ``indent - 2``, or None."""
    body = text.rstrip("\n")
    lines = body.split("\n")
    if not body or lines[0][:1] in (" ", "\t") or any(not line.isprintable() for line in lines):
        return None
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    pad = " " * indent
    body = "\n".join(pad + line if line else "" for line in lines)
    return f"|{chomp}\n" + body + "\n" * max(0, trailing - 1)


def _reads_back(rendered: str, expected: object, flow: bool, column: int) -> bool:
    """True when the loader's reader reads ``rendered`` as ``expected`` (same type, same value)."""
    probe = "k: [" + rendered + "]" if flow else " " * column + "k: " + rendered
    try:
        data = read_yaml(probe)
    except BlueprintError:
        return False
    if not isinstance(data, dict) or set(data) != {"k"}:
        return False
    got = data["k"]
    if flow:
        if not isinstance(got, list) or len(got) != 1:
            return False
        got = got[0]
    return type(got) is type(expected) and got == expected


def scalar(value: object, *, flow: bool = False, style: str | None = None, column: int = 0) -> str:
    """The YAML text of one scalar value.

    Args:
        value: ``str`` (written as text), :class:`Plain` (text written plain when it reads back as
            text or a number), ``int``, ``float`` or ``bool``.
        flow: True inside ``[...]`` or ``{...}``, where ``,`` and brackets need quotes too.
        style: ``'`` or ``"`` to keep the quotes the user wrote on the value being replaced.
        column: the column of the key, for multi-line text written as a ``|`` block.

    Raises:
        EditError: when no YAML text reads back as ``value`` (never expected).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        rendered = repr(value)
        if _reads_back(rendered, value, flow, column):
            return rendered
        raise EditError(say("edit.unwritable-number", value=repr(value)))
    if not isinstance(value, str):
        kind = type(value).__name__
        raise EditError(say("edit.unwritable-type", type=kind))
    text = str(value)
    candidates: list[tuple[str, object]] = []
    resolved = resolve_plain(text)
    if (isinstance(value, Plain) and not style and _plain_shape_ok(text, flow)
            and isinstance(resolved, (str, int, float)) and not isinstance(resolved, bool)
            and _YAML11.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:bool"):
        candidates.append((text, resolved))
    if style is None and _plain_shape_ok(text, flow) and _reads_as_text(text):
        candidates.append((text, text))
    if "\n" in text and not flow and style != '"':
        block = _literal_block(text, column + 2)
        if block is not None:
            candidates.append((block, text))
    single = _single_quoted(text)
    if style != '"' and single is not None:
        candidates.append((single, text))
    candidates.append((_double_quoted(text), text))
    for rendered, expected in candidates:
        if _reads_back(rendered, expected, flow, column):
            return rendered
    raise EditError(say("edit.unwritable-text", value=repr(text)))


def flow_value(value: object) -> str:
    """A value in flow style: scalars, ``[a, b]`` lists and ``{k: v}`` mappings.

    >>> flow_value({"id": "guide", "label": "Floor guide, day shift", "zone": "frontstage"})
    "{id: guide, label: 'Floor guide, day shift', zone: frontstage}"
    >>> flow_value(["排队号票", "叫号屏"])
    '[排队号票, 叫号屏]'
    """
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_value(item) for item in value) + "]"
    return scalar(value, flow=True)

