"""Read YAML text safely into plain data that remembers where every node came from.

Why not ``yaml.compose``: libyaml's composer recurses in C and crashes the interpreter on deeply
nested input (about 100,000 ``[``), and it is slow (it builds a node object per scalar). Parser
*events* come from libyaml's iterative state machine, so this module builds the data from events
with an explicit stack: nesting is bounded by :class:`Limits`, aliases are expanded by reference
with a budget on the expanded size, in nodes and in characters (the "billion laughs" bomb fails in
microseconds; a 1 MB label used fifty times fails at once instead of making 50 MB of text), duplicate
keys are an error (PyYAML silently keeps the last one), and only YAML 1.2 core-schema scalars are
produced (``yes`` and ``no`` stay text, as in editors using the JSON Schema). An integer written
with more than :data:`MAX_NUMBER_DIGITS` digits stays text: Python cannot print a number of more
than 4,300 digits (``str()`` raises), and no blueprint means one.

The result is made of :class:`YMap` (a ``dict``) and :class:`YSeq` (a ``list``) carrying 1-based
``(line, column)`` positions, and plain scalars.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import yaml

from .errors import BlueprintError, Pos, brief
from .phrases import Phrase, say
from .words import CATALOGUE, DEFAULT_LOCALE

__all__ = ["Limits", "YMap", "YSeq", "read_yaml", "decode", "to_plain", "resolve_plain", "human_size",
           "MAX_NUMBER_DIGITS"]

try:  # libyaml's parser when the wheel has it; the pure-Python parser gives the same events
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

Position = tuple[int, int]


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile input from exhausting time or memory."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 64
    # Nodes in the document with every alias expanded; real blueprints stay far below.
    max_expanded_nodes: int = 2_000_000
    # Characters of text with every alias expanded: at most this many times the text's own length
    # (but 1,000,000 whatever the length), and never more than max_expanded_chars.
    expansion_ratio: int = 10
    max_expanded_chars: int = 50_000_000

    def expanded_chars(self, text_length: int) -> int:
        """The budget of expanded characters for a text of ``text_length`` characters."""
        return min(self.max_expanded_chars, max(self.expansion_ratio * text_length, 1_000_000))


DEFAULT_LIMITS = Limits()


class YMap(dict):
    """A mapping with the positions of the mapping, of each key and of each value."""

    __slots__ = ("pos", "key_pos", "value_pos")

    def __init__(self, pos: Position):
        super().__init__()
        self.pos = pos
        self.key_pos: dict[object, Position] = {}
        self.value_pos: dict[object, Position] = {}


class YSeq(list):
    """A sequence with its own position and the position of each item."""

    __slots__ = ("pos", "item_pos")

    def __init__(self, pos: Position):
        super().__init__()
        self.pos = pos
        self.item_pos: list[Position] = []


def human_size(n: int, unit: str | None = None) -> str:
    """A size in bytes as messages write it: ``5.0 MB``, ``12 KB`` (``unit="MB"``: always in MB).

    >>> human_size(5 * 1024 * 1024), human_size(12 * 1024), human_size(12 * 1024, "MB")
    ('5.0 MB', '12 KB', '0.0 MB')
    """
    if unit == "MB" or n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.0f} KB"


def _pos_of_offset(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Bytes of a file to text, refusing what is too large, binary or not UTF-8."""
    if len(data) > limits.max_bytes:
        raise BlueprintError("input-limit", say("lint.input-limit.file", size=human_size(len(data)),
                                                limit=human_size(limits.max_bytes)), Pos(path, 1, 1))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.utf16"), Pos(path, 1, 1))
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.binary-file"), Pos(path, line, 1))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode("utf-8", "replace")) + 1
        raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.not-utf8", byte=f"0x{data[exc.start]:02x}"),
                             Pos(path, line, column)) from None


# --- scalars: the YAML 1.2 core schema -------------------------------------------------------

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
#: The numbers of the core schema in the order they are tried: the first kind that matches whole wins.
_NUMBER = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in (
    ("int", _INT), ("oct", _OCT), ("hex", _HEX), ("float", _FLOAT), ("inf", _INF), ("nan", _NAN))))
# Only plain scalars starting with one of these can be anything but text.
_SPECIAL_START = frozenset("~nNtTfF0123456789+-.")
#: Integers written with more digits than this stay text. 256 hex digits are at most 309 decimal
#: digits, below the 640 that Python's int-to-string limit can be lowered to.
MAX_NUMBER_DIGITS = 256


def resolve_plain(value: str) -> object:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema.

    >>> resolve_plain("3"), resolve_plain("yes"), resolve_plain("~")
    (3, 'yes', None)
    """
    if not value:
        return None
    if value[0] not in _SPECIAL_START:
        return value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if len(value) > MAX_NUMBER_DIGITS and _is_long_integer(value):
        return value  # a number Python could not print: the digits as written
    number = _NUMBER.fullmatch(value)  # one match, not one per kind: most such scalars are '3min'
    if number is None:
        return value
    kind = number.lastgroup
    if kind == "int":
        return int(value)
    if kind == "oct":
        return int(value[2:], 8)
    if kind == "hex":
        return int(value[2:], 16)
    if kind == "float":
        return float(value)
    if kind == "inf":
        return -math.inf if value[0] == "-" else math.inf
    return math.nan


def _is_long_integer(value: str) -> bool:
    """Whether ``value`` is an integer of more than :data:`MAX_NUMBER_DIGITS` digits."""
    if _INT.fullmatch(value):
        return len(value.lstrip("+-")) > MAX_NUMBER_DIGITS
    return bool(_OCT.fullmatch(value) or _HEX.fullmatch(value)) and len(value) - 2 > MAX_NUMBER_DIGITS


_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR_TAG: str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:null": type(None),
}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _tagged_scalar(tag: str, value: str, pos: Pos) -> object:
    wanted = _SCALAR_TAGS.get(tag)
    if wanted is None:
        raise _tag_not_allowed(tag, pos)
    if wanted is str:
        return value
    resolved = resolve_plain(value)
    if wanted is float and isinstance(resolved, int) and not isinstance(resolved, bool):
        return float(resolved)
    if type(resolved) is not wanted:
        name = tag.rsplit(":", 1)[-1]
        raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.bad-tagged-value", value=brief(value), type=name),
                             pos)
    return resolved


def _tag_not_allowed(tag: str, pos: Pos) -> BlueprintError:
    return BlueprintError("yaml-syntax", say("lint.yaml-syntax.tag", tag=tag), pos)


def _syntax_message(exc: yaml.MarkedYAMLError, mark) -> Phrase:
    """What the YAML parser says stopped it: its own English words, translated where the catalogue
    has them (``yaml.problem.<words>``, ``yaml.context.<words>``); words libyaml may add one day
    stay English, in a sentence of the language."""
    problem = _libyaml_words("problem", exc.problem) if exc.problem else say("lint.yaml-syntax.invalid")
    if not (exc.context and exc.context_mark and exc.context_mark is not mark):
        return problem if isinstance(problem, Phrase) else say("lint.yaml-syntax.libyaml", problem=problem)
    line = exc.context_mark.line + 1
    context = _libyaml_words("context", exc.context)
    if isinstance(context, str):
        return say("lint.yaml-syntax.in-other-context", problem=problem, context=context, line=line)
    return say("lint.yaml-syntax.in-context", problem=problem, context=context, line=line)


def _libyaml_words(what: str, words: str) -> Phrase | str:
    key = f"yaml.{what}.{words}"
    return say(key) if key in CATALOGUE[DEFAULT_LOCALE] else words


# --- the event-driven builder ----------------------------------------------------------------

_MERGE = object()  # marks the pending key of a `<<:` merge entry
_NO_KEY = object()  # a mapping frame waiting for its next key


class _Frame:
    __slots__ = ("node", "is_map", "key", "key_pos", "anchor", "size", "chars", "merges")

    def __init__(self, node, is_map: bool, anchor):
        self.node = node
        self.is_map = is_map
        self.key = _NO_KEY
        self.key_pos = None
        self.anchor = anchor
        self.size = 1
        self.chars = 0
        self.merges = None


def _apply_merges(mapping: YMap, sources: list, path: str) -> None:
    """YAML merge keys: keys written in the mapping win; earlier merge sources win over later."""
    for source, pos in sources:
        items = source if isinstance(source, YSeq) else [source]
        for item in items:
            if not isinstance(item, YMap):
                raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.merge"), Pos(path, *pos))
            for key, value in item.items():
                if key not in mapping:
                    mapping[key] = value
                    mapping.key_pos[key] = item.key_pos[key]
                    mapping.value_pos[key] = item.value_pos[key]


def read_yaml(text: str, path: str = "<string>", limits: Limits = DEFAULT_LIMITS) -> object:
    """Parse one YAML document into :class:`YMap`, :class:`YSeq` and scalars.

    Raises :class:`BlueprintError` with rule ``yaml-syntax``, ``duplicate-key`` or
    ``input-limit``; an empty document gives ``None``.
    """
    if len(text) * 4 > limits.max_bytes and len(text.encode("utf-8")) > limits.max_bytes:
        raise BlueprintError("input-limit", say("lint.input-limit.text", size=human_size(len(text.encode("utf-8"))),
                                                limit=human_size(limits.max_bytes)), Pos(path, 1, 1))
    nul = text.find("\x00")
    if nul >= 0:
        raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.binary-data"), Pos(path, *_pos_of_offset(text, nul)))
    loader = _Loader(text)
    stack: list[_Frame] = []
    try:
        return _build(loader, path, limits, stack, limits.expanded_chars(len(text)))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        too_deep = _too_deep(text, stack, mark, exc, limits.max_depth)
        if too_deep:
            raise _nesting_error(path, too_deep, limits.max_depth) from None
        pos = Pos(path, mark.line + 1, mark.column + 1) if mark else Pos(path, 1, 1)
        raise BlueprintError("yaml-syntax", _syntax_message(exc, mark), pos) from None
    except yaml.reader.ReaderError as exc:
        pos = Pos(path, *_pos_of_offset(text, min(exc.position, len(text))))
        raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.character", char=repr(exc.character)), pos) from None
    except yaml.YAMLError as exc:  # an error libyaml reports without a position
        message = str(exc).splitlines()[0]
        raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.unreadable", message=message), Pos(path, 1, 1)) from None
    finally:
        loader.dispose()


def _nesting_error(path: str, pos: Position, max_depth: int) -> BlueprintError:
    return BlueprintError("input-limit", say("lint.input-limit.nesting", depth=max_depth), Pos(path, *pos))


def _too_deep(text: str, stack: list[_Frame], mark, exc: yaml.MarkedYAMLError,
              max_depth: int) -> Position | None:
    """Where the nesting passed ``max_depth``, when that is what stopped the YAML scanner.

    libyaml's scanner reads ahead of the events this module counts (up to a line or 1,024
    characters, to find simple keys), and since libyaml 0.2.6 it stops at its own limit of 1,000
    flow levels. So a ``[[[[...`` line can stop it before the 65th ``[`` ever reaches the builder.
    The text it read ahead is flow content: counting brackets from the innermost open collection
    finds the first one past the limit. A depth error that the count cannot place (its words vary
    between libyaml versions) is still the same rule, at libyaml's position.
    """
    end = _offset_of(text, (mark.line + 1, mark.column + 1)) if mark else len(text)
    start = 0
    if stack:  # count from the last thing the builder saw: the innermost open collection's last child
        frame = stack[-1]
        node = frame.node
        seen = [*(node.item_pos if isinstance(node, YSeq) else node.value_pos.values())]
        if frame.key_pos is not None:
            seen.append(frame.key_pos)
        start = _offset_of(text, max(seen)) if seen else _offset_of(text, node.pos) + 1  # past its own [
    found = _flow_depth_passes(text, start, end, len(stack), max_depth)
    if found is not None:
        return _pos_of_offset(text, found)
    words = f"{exc.problem or ''} {exc.context or ''}".lower()
    if "nesting" in words or "depth" in words:
        return (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return None


def _offset_of(text: str, pos: Position) -> int:
    """The offset of a 1-based ``(line, column)``; a mark past the last line (libyaml puts one at
    the end of a text without a final newline) is the end of the text."""
    offset = 0
    for _ in range(pos[0] - 1):
        newline = text.find("\n", offset)
        if newline < 0:
            return len(text)
        offset = newline + 1
    return min(offset + pos[1] - 1, len(text))


def _flow_depth_passes(text: str, start: int, end: int, depth: int, max_depth: int) -> int | None:
    """The offset of the first bracket in ``text[start:end]`` that opens level ``max_depth + 1``."""
    i = start
    while i <= end and i < len(text):
        char = text[i]
        if char in "[{":
            depth += 1
            if depth > max_depth:
                return i
        elif char in "]}":
            depth -= 1
        elif char in "\"'":  # a quoted scalar: brackets inside it are text
            i = _quote_end(text, i, end)
        elif char == "#" and (i == 0 or text[i - 1] in " \t\n"):
            newline = text.find("\n", i)
            i = end if newline < 0 else newline
        i += 1
    return None


def _quote_end(text: str, i: int, end: int) -> int:
    quote, i = text[i], i + 1
    while i < end:
        if text[i] == quote:
            if quote == "'" and text[i + 1:i + 2] == "'":  # '' is a quote inside single quotes
                i += 2
                continue
            return i
        i += 2 if quote == '"' and text[i] == "\\" else 1
    return end


def _build(loader, path: str, limits: Limits, stack: list[_Frame], char_budget: int) -> object:  # noqa: C901
    get_event = loader.get_event
    ScalarEvent, MappingStartEvent = yaml.ScalarEvent, yaml.MappingStartEvent
    SequenceStartEvent, AliasEvent = yaml.SequenceStartEvent, yaml.AliasEvent
    CollectionEndEvent = yaml.CollectionEndEvent
    DocumentStartEvent, StreamEndEvent = yaml.DocumentStartEvent, yaml.StreamEndEvent

    get_event()  # StreamStart
    event = get_event()
    if isinstance(event, StreamEndEvent):
        return None
    anchors: dict[str, tuple[object, int, int]] = {}  # value, nodes, characters
    max_depth = limits.max_depth
    budget = limits.max_expanded_nodes
    expanded = 0
    expanded_chars = 0
    root = None
    done = False
    # libyaml makes a new string for every scalar: a key like 'lane' or a value like 'customer' would
    # be kept once per step. Equal scalars share one string instead, and a key and the value written
    # beside it share their line number (both live on, in the positions): a quarter of the memory a
    # large file's blueprint holds.
    share = {}.setdefault
    last_line = 0
    special_start = _SPECIAL_START

    while True:
        event = get_event()
        cls = event.__class__
        if cls is ScalarEvent:
            mark = event.start_mark
            line = mark.line + 1
            if line == last_line:
                line = last_line
            else:
                last_line = line
            pos = (line, mark.column + 1)
            text = event.value
            text = share(text, text)
            plain = not event.style  # None from the Python parser, "" from libyaml
            if plain and event.implicit[0]:
                # Most plain scalars are words: only a few first characters can start anything else.
                value = text if text and text[0] not in special_start else resolve_plain(text)
            elif event.tag is None or event.tag == "!" or event.implicit[0] or event.implicit[1]:
                value = text
            else:
                value = _tagged_scalar(event.tag, text, Pos(path, *pos))
            size = 1
            chars = len(text)
            expanded_chars += chars
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1, chars)
            is_merge_key = plain and text == "<<"
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if len(stack) >= max_depth:
                raise _nesting_error(path, pos, max_depth)
            tag = event.tag
            if tag is not None and tag != "!" and not event.implicit and tag not in _COLLECTION_TAGS:
                raise _tag_not_allowed(tag, Pos(path, *pos))
            is_map = cls is MappingStartEvent
            stack.append(_Frame(YMap(pos) if is_map else YSeq(pos), is_map, event.anchor))
            expanded += 1
            continue
        elif isinstance(event, CollectionEndEvent):
            frame = stack.pop()
            value = frame.node
            if frame.merges:
                _apply_merges(value, frame.merges, path)
            size = frame.size
            chars = frame.chars
            pos = value.pos
            if frame.anchor is not None:
                anchors[frame.anchor] = (value, size, chars)
            is_merge_key = False
        elif cls is AliasEvent:
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            try:
                value, size, chars = anchors[event.anchor]
            except KeyError:
                raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.unknown-alias", alias=event.anchor),
                                     Pos(path, *pos)) from None
            expanded += size
            expanded_chars += chars
            if expanded_chars > char_budget:
                raise BlueprintError("input-limit", say("lint.input-limit.alias-chars", budget=char_budget,
                                                        ratio=limits.expansion_ratio, most=limits.max_expanded_chars),
                                     Pos(path, *pos))
            if expanded > budget:
                raise BlueprintError("input-limit", say("lint.input-limit.alias-nodes", budget=budget), Pos(path, *pos))
            is_merge_key = False
        elif isinstance(event, DocumentStartEvent):
            mark = event.start_mark
            raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.second-document"),
                                 Pos(path, mark.line + 1, mark.column + 1))
        elif cls is StreamEndEvent:
            return root
        else:  # DocumentEnd
            done = True
            continue

        if cls is ScalarEvent:
            expanded += 1
        # Attach the finished value to its parent.
        if not stack:
            if done:
                continue
            root = value
            continue
        parent = stack[-1]
        parent.size += size
        parent.chars += chars
        if parent.is_map:
            if parent.key is _NO_KEY:
                if is_merge_key:
                    parent.key = _MERGE
                else:
                    if isinstance(value, (YMap, YSeq)):
                        raise BlueprintError("yaml-syntax", say("lint.yaml-syntax.complex-key"), Pos(path, *pos))
                    mapping = parent.node
                    if value in mapping:
                        first = mapping.key_pos[value]
                        raise BlueprintError("duplicate-key", say("lint.duplicate-key.twice", key=value, line=first[0],
                                                                  column=first[1]), Pos(path, *pos))
                    parent.key = value
                parent.key_pos = pos
            else:
                key = parent.key
                if key is _MERGE:
                    if parent.merges is None:
                        parent.merges = []
                    parent.merges.append((value, pos))
                else:
                    mapping = parent.node
                    mapping[key] = value
                    mapping.key_pos[key] = parent.key_pos
                    mapping.value_pos[key] = pos
                parent.key = _NO_KEY
        else:
            seq = parent.node
            seq.append(value)
            seq.item_pos.append(pos)


def to_plain(value: object) -> object:
    """Drop the positions: plain ``dict`` / ``list`` / scalars (for JSON, schema validation)."""
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value
