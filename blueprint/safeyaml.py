"""Read YAML text safely into plain data that remembers where every node came from.

Why not ``yaml.compose``: libyaml's composer recurses in C and crashes the interpreter on deeply
nested input (about 100,000 ``[``), and it is slow (it builds a node object per scalar). Parser
*events* come from libyaml's iterative state machine, so this module builds the data from events
with an explicit stack: nesting is bounded by :class:`Limits`, aliases are expanded by reference
with a budget on the expanded size (the "billion laughs" bomb fails in microseconds), duplicate
keys are an error (PyYAML silently keeps the last one), and only YAML 1.2 core-schema scalars are
produced (``yes`` and ``no`` stay text, as in editors using the JSON Schema).

The result is made of :class:`YMap` (a ``dict``) and :class:`YSeq` (a ``list``) carrying 1-based
``(line, column)`` positions, and plain scalars.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import yaml

from .errors import BlueprintError, Pos

__all__ = ["Limits", "YMap", "YSeq", "read_yaml", "decode", "to_plain", "resolve_plain"]

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


def _human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _pos_of_offset(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Bytes of a file to text, refusing what is too large, binary or not UTF-8."""
    if len(data) > limits.max_bytes:
        raise BlueprintError(
            "input-limit",
            f"file is {_human_size(len(data))}, over the {_human_size(limits.max_bytes)} limit",
            Pos(path, 1, 1),
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BlueprintError("yaml-syntax", "file is UTF-16: save it as UTF-8", Pos(path, 1, 1))
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise BlueprintError(
            "yaml-syntax", "binary file: a blueprint is UTF-8 text", Pos(path, line, 1)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode("utf-8", "replace")) + 1
        raise BlueprintError(
            "yaml-syntax",
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded; save the file as UTF-8",
            Pos(path, line, column),
        ) from None


# --- scalars: the YAML 1.2 core schema -------------------------------------------------------

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
# Only plain scalars starting with one of these can be anything but text.
_SPECIAL_START = frozenset("~nNtTfF0123456789+-.")


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
    if _INT.fullmatch(value):
        return int(value)
    if _OCT.fullmatch(value):
        return int(value[2:], 8)
    if _HEX.fullmatch(value):
        return int(value[2:], 16)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _INF.fullmatch(value):
        return -math.inf if value[0] == "-" else math.inf
    if _NAN.fullmatch(value):
        return math.nan
    return value


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
        raise BlueprintError("yaml-syntax", f"tag '{tag}' is not allowed in a blueprint", pos)
    if wanted is str:
        return value
    resolved = resolve_plain(value)
    if wanted is float and isinstance(resolved, int) and not isinstance(resolved, bool):
        return float(resolved)
    if type(resolved) is not wanted:
        raise BlueprintError("yaml-syntax", f"'{value}' is not a valid {tag.rsplit(':', 1)[-1]}", pos)
    return resolved


# --- the event-driven builder ----------------------------------------------------------------

_MERGE = object()  # marks the pending key of a `<<:` merge entry
_NO_KEY = object()  # a mapping frame waiting for its next key


class _Frame:
    __slots__ = ("node", "is_map", "key", "key_pos", "anchor", "size", "merges")

    def __init__(self, node, is_map: bool, anchor):
        self.node = node
        self.is_map = is_map
        self.key = _NO_KEY
        self.key_pos = None
        self.anchor = anchor
        self.size = 1
        self.merges = None


def _apply_merges(mapping: YMap, sources: list, path: str) -> None:
    """YAML merge keys: keys written in the mapping win; earlier merge sources win over later."""
    for source, pos in sources:
        items = source if isinstance(source, YSeq) else [source]
        for item in items:
            if not isinstance(item, YMap):
                raise BlueprintError(
                    "yaml-syntax", "a merge key '<<' needs a mapping or a list of mappings",
                    Pos(path, *pos),
                )
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
        raise BlueprintError(
            "input-limit",
            f"text is {_human_size(len(text.encode('utf-8')))}, "
            f"over the {_human_size(limits.max_bytes)} limit",
            Pos(path, 1, 1),
        )
    nul = text.find("\x00")
    if nul >= 0:
        raise BlueprintError(
            "yaml-syntax", "binary data: a blueprint is UTF-8 text", Pos(path, *_pos_of_offset(text, nul))
        )
    loader = _Loader(text)
    try:
        return _build(loader, path, limits)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(path, mark.line + 1, mark.column + 1) if mark else Pos(path, 1, 1)
        message = exc.problem or "invalid YAML"
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            message = f"{message} ({exc.context} at line {exc.context_mark.line + 1})"
        raise BlueprintError("yaml-syntax", message, pos) from None
    except yaml.reader.ReaderError as exc:
        pos = Pos(path, *_pos_of_offset(text, min(exc.position, len(text))))
        raise BlueprintError(
            "yaml-syntax", f"character {exc.character!r} is not allowed in YAML text", pos
        ) from None
    except yaml.YAMLError as exc:  # an error libyaml reports without a position
        raise BlueprintError("yaml-syntax", str(exc).splitlines()[0], Pos(path, 1, 1)) from None
    finally:
        loader.dispose()


def _build(loader, path: str, limits: Limits) -> object:  # noqa: C901 - one dispatch loop, kept flat for speed
    get_event = loader.get_event
    ScalarEvent, MappingStartEvent = yaml.ScalarEvent, yaml.MappingStartEvent
    SequenceStartEvent, AliasEvent = yaml.SequenceStartEvent, yaml.AliasEvent
    CollectionEndEvent = yaml.CollectionEndEvent
    DocumentStartEvent, StreamEndEvent = yaml.DocumentStartEvent, yaml.StreamEndEvent

    get_event()  # StreamStart
    event = get_event()
    if isinstance(event, StreamEndEvent):
        return None
    anchors: dict[str, tuple[object, int]] = {}
    stack: list[_Frame] = []
    max_depth = limits.max_depth
    budget = limits.max_expanded_nodes
    expanded = 0
    root = None
    done = False

    while True:
        event = get_event()
        cls = event.__class__
        if cls is ScalarEvent:
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            text = event.value
            plain = not event.style  # None from the Python parser, "" from libyaml
            if plain and event.implicit[0]:
                # Most plain scalars are words: only a few first characters can start anything else.
                value = text if text and text[0] not in _SPECIAL_START else resolve_plain(text)
            elif event.tag is None or event.tag == "!" or event.implicit[0] or event.implicit[1]:
                value = text
            else:
                value = _tagged_scalar(event.tag, text, Pos(path, *pos))
            size = 1
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
            is_merge_key = plain and text == "<<"
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if len(stack) >= max_depth:
                raise BlueprintError(
                    "input-limit", f"nesting is deeper than {max_depth} levels", Pos(path, *pos)
                )
            tag = event.tag
            if tag is not None and tag != "!" and not event.implicit and tag not in _COLLECTION_TAGS:
                raise BlueprintError("yaml-syntax", f"tag '{tag}' is not allowed in a blueprint", Pos(path, *pos))
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
            pos = value.pos
            if frame.anchor is not None:
                anchors[frame.anchor] = (value, size)
            is_merge_key = False
        elif cls is AliasEvent:
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            try:
                value, size = anchors[event.anchor]
            except KeyError:
                raise BlueprintError("yaml-syntax", f"unknown alias '*{event.anchor}'", Pos(path, *pos)) from None
            expanded += size
            if expanded > budget:
                raise BlueprintError(
                    "input-limit",
                    f"aliases expand to more than {budget:,} nodes (an alias bomb?)",
                    Pos(path, *pos),
                )
            is_merge_key = False
        elif isinstance(event, DocumentStartEvent):
            mark = event.start_mark
            raise BlueprintError(
                "yaml-syntax", "a blueprint file holds one YAML document, and a second one starts here",
                Pos(path, mark.line + 1, mark.column + 1),
            )
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
        if parent.is_map:
            if parent.key is _NO_KEY:
                if is_merge_key:
                    parent.key = _MERGE
                else:
                    if isinstance(value, (YMap, YSeq)):
                        raise BlueprintError(
                            "yaml-syntax", "a mapping key must be a plain value, not a mapping or list",
                            Pos(path, *pos),
                        )
                    mapping = parent.node
                    if value in mapping:
                        first = mapping.key_pos[value]
                        raise BlueprintError(
                            "duplicate-key",
                            f"duplicate key '{value}' (first at line {first[0]}, column {first[1]}): "
                            "YAML keeps only one of them, so remove or rename one",
                            Pos(path, *pos),
                        )
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
