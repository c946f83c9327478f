"""Load blueprint YAML (format version 1, ``format.md``) into the model.

Input that is not YAML, has a duplicate key or is hostile raises :class:`BlueprintError`.
Everything else loads: content problems (missing keys, wrong types, unknown keys, duplicate ids,
unknown references, bad durations) are collected in ``Blueprint.problems`` so one run reports
them all. Every message is written in English and in Chinese (``Problem.message_zh``).

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
from ..safeyaml import DEFAULT_LIMITS, Limits, YMap, YSeq, decode, read_yaml
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
        megabytes, limit = f"{size / (1024 * 1024):.1f}", f"{limits.max_bytes / (1024 * 1024):.1f}"
        raise BlueprintError(
            "input-limit", f"file is {megabytes} MB, over the {limit} MB limit", Pos(name, 1, 1),
            f"文件大小为 {megabytes} MB，超过了 {limit} MB 的上限",
        )
    with open(name, "rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    return loads(decode(data, name, limits), name, limits=limits)


def read_stream(stream: BinaryIO, path: str = "<stdin>", limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``stream`` (standard input), reading no more than the size limit plus one byte:
    600 MB piped in must not be held in memory to be refused. ``BlueprintError`` past the limit."""
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        limit = f"{limits.max_bytes / (1024 * 1024):.1f}"
        raise BlueprintError(
            "input-limit", f"the input is more than the {limit} MB limit", Pos(path, 1, 1),
            f"输入超过了 {limit} MB 的上限",
        )
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
        raise BlueprintError(
            "schema", "empty file: a blueprint needs at least 'blueprint: 1', 'title' and 'steps'",
            Pos(path, 1, 1), "文件是空的：蓝图至少要有 'blueprint: 1'、'title' 和 'steps'",
        )
    if not isinstance(data, YMap):
        line, column = data.pos if isinstance(data, YSeq) else (1, 1)
        kind = kind_of(data)
        raise BlueprintError(
            "schema",
            f"the top level of a blueprint must be a mapping with 'blueprint', 'title' and 'steps', "
            f"not {kind.en}",
            Pos(path, line, column),
            f"蓝图的最外层应是含有 'blueprint'、'title' 和 'steps' 的键值对，而不是{kind.zh}",
        )
    return read_blueprint(Reader(path, text), data)
