"""Load blueprint YAML (format version 1, ``format.md``) into the model.

Input that is not YAML, has a duplicate key or is hostile raises :class:`BlueprintError`.
Everything else loads: content problems (missing keys, wrong types, unknown keys, duplicate ids,
unknown references, bad durations) are collected in ``Blueprint.problems`` so one run reports
them all. Every message is a catalogue phrase (:mod:`blueprint.phrases`), written out in any language.

The reading is split by what is read: :mod:`.reader` turns positioned values into typed ones,
:mod:`.lanes`, :mod:`.steps`, :mod:`.queues`, :mod:`.flows` and :mod:`.standards` read their part
of the file, :mod:`.references` checks what the parts name, and :mod:`.document` puts them together.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from ..errors import BlueprintError, Pos, kind_of
from ..gcpause import paused_gc
from ..model import Blueprint
from ..phrases import say
from ..safeyaml import DEFAULT_LIMITS, Limits, YMap, YSeq, decode, human_size, read_yaml
from .document import read_blueprint
from .keys import FLOW_KINDS, FORMAT_VERSION, KEYS, MAX_LABEL_CHARS, TOUCHPOINTS, ZONE_NAMES
from .reader import Reader

__all__ = ["load", "loads", "read_stream", "FORMAT_VERSION", "KEYS", "MAX_LABEL_CHARS", "ZONE_NAMES",
           "FLOW_KINDS", "TOUCHPOINTS"]


def load(path: str | os.PathLike, *, limits: Limits = DEFAULT_LIMITS) -> Blueprint:
    """Load a blueprint file. ``OSError`` for files that cannot be read, ``BlueprintError`` for
    input that is not a blueprint at all; content problems end up in ``.problems``."""
    name = os.fspath(path)
    size = os.stat(name).st_size
    if size > limits.max_bytes:
        # Refuse before reading: a 2 GB file must not be pulled into memory.
        raise BlueprintError("input-limit", say("lint.input-limit.file", size=human_size(size, "MB"),
                                                limit=human_size(limits.max_bytes, "MB")), Pos(name, 1, 1))
    with open(name, "rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    return loads(decode(data, name, limits), name, limits=limits)


def read_stream(stream: BinaryIO, path: str = "<stdin>", limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``stream`` (standard input), reading no more than the size limit plus one byte:
    600 MB piped in must not be held in memory to be refused. ``BlueprintError`` past the limit."""
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise BlueprintError("input-limit", say("lint.input-limit.stream", limit=human_size(limits.max_bytes, "MB")),
                             Pos(path, 1, 1))
    return data


def loads(text: str | bytes, path: str = "<string>", *, limits: Limits = DEFAULT_LIMITS) -> Blueprint:
    """Load a blueprint from YAML text (``bytes`` are decoded as UTF-8)."""
    if isinstance(text, (bytes, bytearray)):
        text = decode(bytes(text), path, limits)
    with paused_gc():
        return _load_text(text, path, limits)


def _load_text(text: str, path: str, limits: Limits) -> Blueprint:
    data = read_yaml(text, path, limits)
    if data is None:
        raise BlueprintError("schema", say("lint.schema.empty-file"), Pos(path, 1, 1))
    if not isinstance(data, YMap):
        line, column = data.pos if isinstance(data, YSeq) else (1, 1)
        raise BlueprintError("schema", say("lint.schema.top-not-a-mapping", kind=kind_of(data)), Pos(path, line, column))
    return read_blueprint(Reader(path, text), data)
