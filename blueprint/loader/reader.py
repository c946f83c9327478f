"""Reading positioned YAML values as typed ones (text, ids, references, durations, choices), with a
problem, at the value's position, for each one that is not what format.md allows."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Iterable

from ..controls import first_control
from ..durations import DurationError, parse_duration
from ..errors import Message, Pos, Positions, Problem, brief, kind_of, suggest
from ..model import Ref
from ..safeyaml import YMap, YSeq
from ..words import word
from .keys import KEY_SETS, KEYS, MAX_LABEL_CHARS

__all__ = ["Owner", "Reader", "named"]

# Python's \s is exactly str.isspace(), and the JSON Schema's id pattern uses the same \S.
_WHITESPACE = re.compile(r"\s")

#: What a message is about: the kind of object and its id (None before the id is known), named in
#: words only when a problem is reported, so a clean file builds no message text.
Owner = tuple[str, "str | None"]


def named(owner: Owner) -> Message:
    """``step 'greet'`` / ``步骤 'greet'``; ``step`` / ``步骤`` without an id."""
    what, ident = owner
    if ident is None:
        return Message(what, word(f"thing.{what}", "zh"))
    return Message(f"{what} '{ident}'", f"{word(f'thing.{what}', 'zh')} '{ident}'")


class Reader:
    """One file's reading: its path and text, and the problems found so far."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.source = text
        self.problems: list[Problem] = []

    def at(self, position: tuple[int, int]) -> Pos:
        return Pos(self.path, position[0], position[1])

    def report(self, rule: str, message: str, message_zh: str, position: tuple[int, int] | Pos) -> None:
        pos = position if isinstance(position, Pos) else self.at(position)
        self.problems.append(Problem(rule, message, pos, message_zh))

    def positions(self, mapping: YMap) -> tuple[Pos, Positions, Positions]:
        path = self.path
        return Pos(path, *mapping.pos), Positions(path, mapping.key_pos), Positions(path, mapping.value_pos)

    def check_keys(self, mapping: YMap, what: str, owner: Owner) -> None:
        allowed = KEY_SETS[what]
        for key in mapping:
            if key not in allowed:
                name, hint = named(owner), suggest(key, KEYS[what])
                self.report("unknown-key",
                            f"{name.en}: unknown key {brief(key)}{hint.en}",
                            f"{name.zh}：不认识的键 {brief(key)}{hint.zh}",
                            mapping.key_pos[key])

    def mapping_or_none(self, value: object, position, what: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        kind = kind_of(value)
        self.report("schema",
                    f"a {what} must be a mapping, not {kind.en}",
                    f"{word(f'thing.{what}', 'zh')}应写成键值对，而不是{kind.zh}",
                    position)
        return None

    def list_of(self, mapping: YMap, key: str, owner: Owner) -> YSeq | None:
        """The list under ``key``, or None (with a problem when it is something else)."""
        if key not in mapping:
            return None
        value = mapping[key]
        if isinstance(value, YSeq):
            return value
        name, kind = named(owner), kind_of(value)
        self.report("schema",
                    f"{name.en}: '{key}' must be a list, not {kind.en}",
                    f"{name.zh}：'{key}' 应是列表，而不是{kind.zh}",
                    mapping.value_pos[key])
        return None

    def missing(self, mapping: YMap, key: str, owner: Owner) -> None:
        name = named(owner)
        self.report("schema", f"{name.en} has no '{key}'", f"{name.zh}：缺少 '{key}'", mapping.pos)

    def text(self, mapping: YMap, key: str, owner: Owner, required: bool = False) -> str | None:
        if key not in mapping:
            if required:
                self.missing(mapping, key, owner)
            return None
        value = mapping[key]
        if isinstance(value, str):
            if len(value) > MAX_LABEL_CHARS and key in ("label", "title"):
                return self.cut(value, key, owner, mapping.value_pos[key])
            if value or not required:
                return value
            name = named(owner)
            self.report("schema", f"{name.en}: '{key}' is empty", f"{name.zh}：'{key}' 是空的",
                        mapping.value_pos[key])
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        name, kind = named(owner), kind_of(value)
        self.report("schema",
                    f"{name.en}: '{key}' must be text, not {kind.en}",
                    f"{name.zh}：'{key}' 应是文本，而不是{kind.zh}",
                    mapping.value_pos[key])
        return None

    def cut(self, value: str, key: str, owner: Owner, position) -> str:
        """A title or label cut to what a card could ever show, with a ``long-label`` warning."""
        name = named(owner)
        self.report("long-label",
                    f"{name.en}: '{key}' has {len(value):,} characters; it is cut to {MAX_LABEL_CHARS}: "
                    "keep it short and put the detail in 'description' or 'notes'",
                    f"{name.zh}：'{key}' 有 {len(value):,} 个字符，已截断为 {MAX_LABEL_CHARS} 个："
                    "请写短一些，把细节写进 'description' 或 'notes'",
                    position)
        return value[:MAX_LABEL_CHARS - 1] + "…"

    def ident(self, value: object, position, owner: Owner, key: str) -> str | None:
        """An id or a reference: text (or a number) without whitespace."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            name, kind = named(owner), kind_of(value)
            self.report("schema",
                        f"{name.en}: '{key}' must be an id, not {kind.en}",
                        f"{name.zh}：'{key}' 应是一个编号（id），而不是{kind.zh}",
                        position)
            return None
        if not value or _WHITESPACE.search(value):
            name = named(owner)
            self.report("schema",
                        f"{name.en}: '{key}' {brief(value)} must be a non-empty id without spaces",
                        f"{name.zh}：'{key}' 的值 {brief(value)} 应是不含空格、不为空的编号",
                        position)
            return None
        if first_control(value) is not None:
            # Invisible characters that drive a terminal or reorder text have no place in an id.
            char = f"U+{ord(value[first_control(value)]):04X}"
            name = named(owner)
            self.report("schema",
                        f"{name.en}: '{key}' {brief(value)} holds the control or bidi character {char}: "
                        "an id is visible text",
                        f"{name.zh}：'{key}' 的值 {brief(value)} 含有控制字符或双向文本控制字符 {char}："
                        "编号只能是可见的文字",
                        position)
            return None
        return value

    def required_id(self, mapping: YMap, key: str, owner: Owner) -> str | None:
        if key not in mapping:
            self.missing(mapping, key, owner)
            return None
        return self.ident(mapping[key], mapping.value_pos[key], owner, key)

    def ref(self, mapping: YMap, key: str, owner: Owner) -> Ref | None:
        if key not in mapping:
            return None
        ident = self.ident(mapping[key], mapping.value_pos[key], owner, key)
        return Ref(ident, self.at(mapping.value_pos[key])) if ident is not None else None

    def refs(self, mapping: YMap, key: str, owner: Owner) -> list[Ref]:
        """A str-or-list of ids (``next:``, a standard's ``steps:``)."""
        if key not in mapping:
            return []
        value = mapping[key]
        if isinstance(value, YSeq):
            found = []
            for item, position in zip(value, value.item_pos):
                ident = self.ident(item, position, owner, key)
                if ident is not None:
                    found.append(Ref(ident, self.at(position)))
            return found
        ident = self.ident(value, mapping.value_pos[key], owner, key)
        return [Ref(ident, self.at(mapping.value_pos[key]))] if ident is not None else []

    def texts(self, mapping: YMap, key: str, owner: Owner) -> list[str]:
        """A list of text (``evidence``, ``kpis``, ``notes``); a single text is a list of one."""
        if key not in mapping:
            return []
        value = mapping[key]
        if isinstance(value, str):
            return [value]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return [str(value)]
        if not isinstance(value, YSeq):
            name, kind = named(owner), kind_of(value)
            self.report("schema",
                        f"{name.en}: '{key}' must be a list of text, not {kind.en}",
                        f"{name.zh}：'{key}' 应是文本的列表，而不是{kind.zh}",
                        mapping.value_pos[key])
            return []
        found = []
        for item, position in zip(value, value.item_pos):
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, (int, float)) and not isinstance(item, bool):
                found.append(str(item))
            else:
                name, kind = named(owner), kind_of(item)
                self.report("schema",
                            f"{name.en}: each item of '{key}' must be text, not {kind.en}",
                            f"{name.zh}：'{key}' 的每一项都应是文本，而不是{kind.zh}",
                            position)
        return found

    def duration(self, mapping: YMap, key: str, owner: Owner) -> timedelta | None:
        if key not in mapping:
            return None
        try:
            return parse_duration(mapping[key])
        except DurationError as exc:
            name = named(owner)
            self.report("schema", f"{name.en}: '{key}': {exc}", f"{name.zh} 的 '{key}'：{exc.message_zh}",
                        mapping.value_pos[key])
            return None

    def choice(self, mapping: YMap, key: str, owner: Owner, choices: Iterable[str]) -> str | None:
        if key not in mapping:
            return None
        value = mapping[key]
        choices = tuple(choices)
        if value in choices and isinstance(value, str):
            return value
        name, hint = named(owner), suggest(value, choices)
        shown = Message(value, value) if isinstance(value, str) else kind_of(value)
        self.report(
            "schema",
            f"{name.en}: '{key}' must be one of {', '.join(choices)}, not '{shown.en}'{hint.en}",
            f"{name.zh}：'{key}' 应是 {'、'.join(choices)} 之一，而不是 '{shown.zh}'{hint.zh}",
            mapping.value_pos[key],
        )
        return None

    def check_unique(self, objects: list, what: str) -> None:
        seen: dict[str, object] = {}
        for obj in objects:
            earlier = seen.setdefault(obj.id, obj)
            if earlier is not obj:  # positions are made only for the message
                where, first = obj.where("id"), earlier.where("id")
                self.report(
                    "duplicate-id",
                    f"{what} id '{obj.id}' is used twice (first at line {first.line}, column {first.column})",
                    f"{word(f'thing.{what}', 'zh')}编号 '{obj.id}' 用了两次"
                    f"（第一次在第 {first.line} 行第 {first.column} 列）",
                    where,
                )
