"""Reading positioned YAML values as typed ones (text, ids, references, durations, choices), with a
problem, at the value's position, for each one that is not what format.md allows."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Iterable

from ..controls import first_control
from ..durations import DurationError, parse_duration
from ..errors import Pos, Positions, Problem, brief, hint, kind_of
from ..model import Ref
from ..phrases import Listed, Phrase, say
from ..safeyaml import YMap, YSeq
from .keys import KEY_SETS, KEYS, MAX_LABEL_CHARS

__all__ = ["Owner", "Reader", "named"]

# Python's \s is exactly str.isspace(), and the JSON Schema's id pattern uses the same \S.
_WHITESPACE = re.compile(r"\s")

#: What a message is about: the kind of object and its id (None before the id is known), named in
#: words only when a problem is reported, so a clean file builds no message text.
Owner = tuple[str, "str | None"]


def named(owner: Owner) -> Phrase:
    """``step 'greet'`` / ``步骤 'greet'``; ``step`` / ``步骤`` without an id."""
    what, ident = owner
    if ident is None:
        return say(f"thing.{what}")
    return say("thing.named", thing=say(f"thing.{what}"), id=ident)


class Reader:
    """One file's reading: its path and text, and the problems found so far."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.source = text
        self.problems: list[Problem] = []

    def at(self, position: tuple[int, int]) -> Pos:
        return Pos(self.path, position[0], position[1])

    def report(self, rule: str, message: Phrase, position: tuple[int, int] | Pos) -> None:
        pos = position if isinstance(position, Pos) else self.at(position)
        self.problems.append(Problem.said(rule, message, pos))

    def positions(self, mapping: YMap) -> tuple[Pos, Positions, Positions]:
        path = self.path
        return Pos(path, *mapping.pos), Positions(path, mapping.key_pos), Positions(path, mapping.value_pos)

    def check_keys(self, mapping: YMap, what: str, owner: Owner) -> None:
        allowed = KEY_SETS[what]
        for key in mapping:
            if key not in allowed:
                self.report("unknown-key", say("lint.unknown-key.unknown", name=named(owner), key=brief(key),
                                               hint=hint(key, KEYS[what])),
                            mapping.key_pos[key])

    def mapping_or_none(self, value: object, position, what: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        self.report("schema", say("lint.schema.not-a-mapping", thing=say(f"thing.{what}"), kind=kind_of(value)),
                    position)
        return None

    def identified(self, item: object, position, what: str) -> tuple[YMap, Owner] | None:
        """An item of a list of ``what`` objects (lanes, phases, steps, standards) as its mapping and
        its owner, ``(what, id)`` with the id None when it is missing or wrong; its keys are checked.
        None, with a problem, when the item is not a mapping."""
        mapping = self.mapping_or_none(item, position, what)
        if mapping is None:
            return None
        owner = (what, self.required_id(mapping, "id", (what, None)))
        self.check_keys(mapping, what, owner)
        return mapping, owner

    def list_of(self, mapping: YMap, key: str, owner: Owner) -> YSeq | None:
        """The list under ``key``, or None (with a problem when it is something else)."""
        if key not in mapping:
            return None
        value = mapping[key]
        if isinstance(value, YSeq):
            return value
        self.report("schema", say("lint.schema.not-a-list", name=named(owner), key=key, kind=kind_of(value)),
                    mapping.value_pos[key])
        return None

    def missing(self, mapping: YMap, key: str, owner: Owner) -> None:
        self.report("schema", say("lint.schema.missing", name=named(owner), key=key), mapping.pos)

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
            self.report("schema", say("lint.schema.empty", name=named(owner), key=key), mapping.value_pos[key])
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        self.report("schema", say("lint.schema.not-text", name=named(owner), key=key, kind=kind_of(value)),
                    mapping.value_pos[key])
        return None

    def cut(self, value: str, key: str, owner: Owner, position) -> str:
        """A title or label cut to what a card could ever show, with a ``long-label`` warning."""
        self.report("long-label", say("lint.long-label.cut", name=named(owner), key=key, length=len(value),
                                      limit=MAX_LABEL_CHARS),
                    position)
        return value[:MAX_LABEL_CHARS - 1] + "…"

    def ident(self, value: object, position, owner: Owner, key: str) -> str | None:
        """An id or a reference: text (or a number) without whitespace."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.report("schema", say("lint.schema.not-an-id", name=named(owner), key=key, kind=kind_of(value)),
                        position)
            return None
        if not value or _WHITESPACE.search(value):
            self.report("schema", say("lint.schema.id-with-spaces", name=named(owner), key=key, value=brief(value)),
                        position)
            return None
        if first_control(value) is not None:
            # Invisible characters that drive a terminal or reorder text have no place in an id.
            char = f"U+{ord(value[first_control(value)]):04X}"
            self.report("schema", say("lint.schema.id-with-control", name=named(owner), key=key, value=brief(value),
                                      char=char),
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
            self.report("schema", say("lint.schema.not-texts", name=named(owner), key=key, kind=kind_of(value)),
                        mapping.value_pos[key])
            return []
        found = []
        for item, position in zip(value, value.item_pos):
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, (int, float)) and not isinstance(item, bool):
                found.append(str(item))
            else:
                self.report("schema", say("lint.schema.item-not-text", name=named(owner), key=key,
                                          kind=kind_of(item)),
                            position)
        return found

    def duration(self, mapping: YMap, key: str, owner: Owner) -> timedelta | None:
        if key not in mapping:
            return None
        try:
            return parse_duration(mapping[key])
        except DurationError as exc:
            self.report("schema", say("lint.schema.bad-duration", name=named(owner), key=key, why=exc.phrase),
                        mapping.value_pos[key])
            return None

    def choice(self, mapping: YMap, key: str, owner: Owner, choices: Iterable[str]) -> str | None:
        if key not in mapping:
            return None
        value = mapping[key]
        choices = tuple(choices)
        if value in choices and isinstance(value, str):
            return value
        shown = value if isinstance(value, str) else kind_of(value)
        self.report("schema", say("lint.schema.not-a-choice", name=named(owner), key=key, choices=Listed(choices),
                                  value=shown, hint=hint(value, choices)),
                    mapping.value_pos[key])
        return None

    def check_unique(self, objects: list, what: str) -> None:
        seen: dict[str, object] = {}
        for obj in objects:
            earlier = seen.setdefault(obj.id, obj)
            if earlier is not obj:  # positions are made only for the message
                where, first = obj.where("id"), earlier.where("id")
                self.report("duplicate-id", say("lint.duplicate-id.twice", thing=say(f"thing.{what}"), id=obj.id,
                                                line=first.line, column=first.column),
                            where)
