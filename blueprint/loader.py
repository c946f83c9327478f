"""Load blueprint YAML (format version 1, ``format.md``) into the model.

Input that is not YAML, has a duplicate key or is hostile raises :class:`BlueprintError`.
Everything else loads: content problems (missing keys, wrong types, unknown keys, duplicate ids,
unknown references, bad durations) are collected in ``Blueprint.problems`` so one run reports
them all. Every message is written in English and in Chinese (``Problem.message_zh``).
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from typing import BinaryIO, Iterable

from .controls import first_control
from .durations import DurationError, parse_duration, parse_duration_range
from .errors import BlueprintError, Message, Pos, Positions, Problem, brief, kind_of, suggest
from .gcpause import paused_gc
from .model import Blueprint, Flow, FlowKind, Lane, Phase, Queue, Ref, Standard, Step, Touchpoint, Zone
from .rates import parse_rate, parse_servers, parse_share
from .safeyaml import DEFAULT_LIMITS, Limits, YMap, YSeq, decode, read_yaml
from .words import locales, word

__all__ = ["load", "loads", "read_stream", "FORMAT_VERSION", "KEYS", "MAX_LABEL_CHARS"]

FORMAT_VERSION = 1
#: A title or label keeps this many characters (a card shows about 150); longer ones are cut.
MAX_LABEL_CHARS = 300

#: The keys format.md allows, per object. The JSON Schema is checked against these in the tests.
KEYS: dict[str, tuple[str, ...]] = {
    "blueprint": ("blueprint", "title", "description", "locale", "lanes", "phases", "steps",
                  "flows", "standards"),
    "lane": ("id", "label", "zone"),
    "phase": ("id", "label"),
    "step": ("id", "lane", "label", "phase", "next", "description", "owner", "touchpoint",
             "channel", "evidence", "duration", "wait", "queue", "fail", "recovery", "emotion", "kpis",
             "notes"),
    "queue": ("arrivals", "servers", "service", "diversion", "level", "hours"),
    "flow": ("from", "to", "label", "kind"),
    "standard": ("id", "label", "from", "to", "steps", "max"),
}
_KEY_SETS = {what: frozenset(keys) for what, keys in KEYS.items()}
# Python's \s is exactly str.isspace(), and the JSON Schema's id pattern uses the same \S.
_WHITESPACE = re.compile(r"\s")
ZONE_NAMES = tuple(zone.value for zone in Zone)
FLOW_KINDS = tuple(kind.value for kind in FlowKind if kind.journey)
TOUCHPOINTS = tuple(kind.value for kind in Touchpoint)

#: What a message is about: the kind of object and its id (None before the id is known), named in
#: words only when a problem is reported, so a clean file builds no message text.
Owner = tuple[str, "str | None"]


def _named(owner: Owner) -> Message:
    """``step 'greet'`` / ``步骤 'greet'``; ``step`` / ``步骤`` without an id."""
    what, ident = owner
    if ident is None:
        return Message(what, word(f"thing.{what}", "zh"))
    return Message(f"{what} '{ident}'", f"{word(f'thing.{what}', 'zh')} '{ident}'")


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
    return _Builder(path, text).blueprint(data)


class _Builder:
    """Builds one Blueprint from positioned data, collecting problems as it goes."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.source = text
        self.problems: list[Problem] = []

    # -- positions and problems -----------------------------------------------------------------

    def at(self, position: tuple[int, int]) -> Pos:
        return Pos(self.path, position[0], position[1])

    def report(self, rule: str, message: str, message_zh: str, position: tuple[int, int] | Pos) -> None:
        pos = position if isinstance(position, Pos) else self.at(position)
        self.problems.append(Problem(rule, message, pos, message_zh))

    def positions(self, mapping: YMap) -> tuple[Pos, Positions, Positions]:
        path = self.path
        return Pos(path, *mapping.pos), Positions(path, mapping.key_pos), Positions(path, mapping.value_pos)

    def check_keys(self, mapping: YMap, what: str, owner: Owner) -> None:
        allowed = _KEY_SETS[what]
        for key in mapping:
            if key not in allowed:
                name, hint = _named(owner), suggest(key, KEYS[what])
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
        name, kind = _named(owner), kind_of(value)
        self.report("schema",
                    f"{name.en}: '{key}' must be a list, not {kind.en}",
                    f"{name.zh}：'{key}' 应是列表，而不是{kind.zh}",
                    mapping.value_pos[key])
        return None

    def missing(self, mapping: YMap, key: str, owner: Owner) -> None:
        name = _named(owner)
        self.report("schema", f"{name.en} has no '{key}'", f"{name.zh}：缺少 '{key}'", mapping.pos)

    # -- typed values -----------------------------------------------------------------------------

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
            name = _named(owner)
            self.report("schema", f"{name.en}: '{key}' is empty", f"{name.zh}：'{key}' 是空的",
                        mapping.value_pos[key])
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        name, kind = _named(owner), kind_of(value)
        self.report("schema",
                    f"{name.en}: '{key}' must be text, not {kind.en}",
                    f"{name.zh}：'{key}' 应是文本，而不是{kind.zh}",
                    mapping.value_pos[key])
        return None

    def cut(self, value: str, key: str, owner: Owner, position) -> str:
        """A title or label cut to what a card could ever show, with a ``long-label`` warning."""
        name = _named(owner)
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
            name, kind = _named(owner), kind_of(value)
            self.report("schema",
                        f"{name.en}: '{key}' must be an id, not {kind.en}",
                        f"{name.zh}：'{key}' 应是一个编号（id），而不是{kind.zh}",
                        position)
            return None
        if not value or _WHITESPACE.search(value):
            name = _named(owner)
            self.report("schema",
                        f"{name.en}: '{key}' {brief(value)} must be a non-empty id without spaces",
                        f"{name.zh}：'{key}' 的值 {brief(value)} 应是不含空格、不为空的编号",
                        position)
            return None
        if first_control(value) is not None:
            # Invisible characters that drive a terminal or reorder text have no place in an id.
            char = f"U+{ord(value[first_control(value)]):04X}"
            name = _named(owner)
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
            name, kind = _named(owner), kind_of(value)
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
                name, kind = _named(owner), kind_of(item)
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
            name = _named(owner)
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
        name, hint = _named(owner), suggest(value, choices)
        shown = Message(value, value) if isinstance(value, str) else kind_of(value)
        self.report(
            "schema",
            f"{name.en}: '{key}' must be one of {', '.join(choices)}, not '{shown.en}'{hint.en}",
            f"{name.zh}：'{key}' 应是 {'、'.join(choices)} 之一，而不是 '{shown.zh}'{hint.zh}",
            mapping.value_pos[key],
        )
        return None

    # -- objects ----------------------------------------------------------------------------------

    def blueprint(self, top: YMap) -> Blueprint:
        owner = ("blueprint", None)
        self.check_keys(top, "blueprint", owner)
        pos, key_pos, value_pos = self.positions(top)
        version = self.version(top)
        title = self.text(top, "title", owner, required=True) or ""
        description = self.text(top, "description", owner)
        locale = self.choice(top, "locale", owner, locales()) or "en"
        lanes = self.lanes(top)
        phases = self.phases(top)
        steps = self.steps(top, lanes)
        bp = Blueprint(
            pos, key_pos, value_pos, path=self.path, version=version, title=title,
            description=description, locale=locale, lanes=lanes, phases=phases, steps=steps,
            text=self.source,
        )
        bp.flows = self.flows(top, bp)
        bp.standards = self.standards(top)
        self.resolve(bp)
        self.problems.sort(key=lambda p: (p.pos.line, p.pos.column))
        bp.problems = self.problems
        return bp

    def version(self, top: YMap) -> int | None:
        if "blueprint" not in top:
            self.report("schema",
                        "missing 'blueprint: 1' (the format version) at the top of the file",
                        "文件开头缺少 'blueprint: 1'（格式版本）",
                        top.pos)
            return None
        value = top["blueprint"]
        if value == FORMAT_VERSION and isinstance(value, (int, float)) and not isinstance(value, bool):
            return FORMAT_VERSION
        self.report(
            "schema",
            f"'blueprint' is the format version and must be 1, not {brief(value)}: "
            "this tool reads format version 1",
            f"'blueprint' 是格式版本，应为 1，而不是 {brief(value)}：本工具读取的是格式版本 1",
            top.value_pos["blueprint"],
        )
        return None

    def lanes(self, top: YMap) -> list[Lane]:
        items = self.list_of(top, "lanes", ("blueprint", None))
        if not items:
            if items is not None:
                self.report("schema",
                            "'lanes' is empty: leave it out to get the four standard lanes",
                            "'lanes' 是空的：删掉它，就会得到四条标准泳道",
                            top.value_pos["lanes"])
            here = Pos(self.path, *top.pos)
            return [Lane(here, id=zone.value, zone=zone, implicit=True) for zone in Zone]
        lanes: list[Lane] = []
        for item, position in zip(items, items.item_pos):
            lane = self.lane(item, position)
            if lane is not None:
                lanes.append(lane)
        self.check_unique(lanes, "lane")
        return lanes

    def lane(self, item: object, position: tuple[int, int]) -> Lane | None:
        if isinstance(item, str) or (isinstance(item, (int, float)) and not isinstance(item, bool)):
            # `- frontstage` is short for `{id: frontstage}`
            ident = self.ident(item, position, ("lane", None), "id")
            if ident is None:
                return None
            here = self.at(position)
            lane = Lane(here, {"id": here}, {"id": here}, id=ident)
            lane.zone = self.zone_from_id(lane)
            return lane
        mapping = self.mapping_or_none(item, position, "lane")
        if mapping is None:
            return None
        ident = self.required_id(mapping, "id", ("lane", None))
        owner = ("lane", ident)
        self.check_keys(mapping, "lane", owner)
        pos, key_pos, value_pos = self.positions(mapping)
        if ident is None:
            return None
        lane = Lane(pos, key_pos, value_pos, id=ident, label=self.text(mapping, "label", owner))
        if "zone" in mapping:
            zone = self.choice(mapping, "zone", owner, ZONE_NAMES)
            lane.zone = Zone(zone) if zone else None
        else:
            lane.zone = self.zone_from_id(lane)
        return lane

    def zone_from_id(self, lane: Lane) -> Zone | None:
        """A lane without ``zone:`` is in the zone its id names, if it names one."""
        if lane.id in ZONE_NAMES:
            return Zone(lane.id)
        hint = suggest(lane.id, ZONE_NAMES)
        self.report(
            "schema",
            f"lane '{lane.id}' has no zone: add 'zone:' with one of {', '.join(ZONE_NAMES)}{hint.en}",
            f"泳道 '{lane.id}' 不属于任何区域：请加上 'zone:'，取 {'、'.join(ZONE_NAMES)} 之一{hint.zh}",
            lane.where("id"),
        )
        return None

    def check_unique(self, objects: list, what: str) -> None:
        seen: dict[str, Pos] = {}
        for obj in objects:
            where = obj.where("id")
            first = seen.setdefault(obj.id, where)
            if first is not where:
                self.report(
                    "duplicate-id",
                    f"{what} id '{obj.id}' is used twice (first at line {first.line}, column {first.column})",
                    f"{word(f'thing.{what}', 'zh')}编号 '{obj.id}' 用了两次"
                    f"（第一次在第 {first.line} 行第 {first.column} 列）",
                    where,
                )

    def phases(self, top: YMap) -> list[Phase]:
        items = self.list_of(top, "phases", ("blueprint", None))
        if not items:
            return []
        phases: list[Phase] = []
        for item, position in zip(items, items.item_pos):
            if isinstance(item, str) or (isinstance(item, (int, float)) and not isinstance(item, bool)):
                ident = self.ident(item, position, ("phase", None), "id")
                if ident is not None:
                    here = self.at(position)
                    phases.append(Phase(here, {"id": here}, {"id": here}, id=ident))
                continue
            mapping = self.mapping_or_none(item, position, "phase")
            if mapping is None:
                continue
            ident = self.required_id(mapping, "id", ("phase", None))
            owner = ("phase", ident)
            self.check_keys(mapping, "phase", owner)
            if ident is None:
                continue
            pos, key_pos, value_pos = self.positions(mapping)
            phases.append(Phase(pos, key_pos, value_pos, id=ident, label=self.text(mapping, "label", owner)))
        self.check_unique(phases, "phase")
        return phases

    def steps(self, top: YMap, lanes: list[Lane]) -> list[Step]:
        if "steps" not in top:
            self.report("schema",
                        "blueprint has no 'steps': a blueprint needs at least one step",
                        "蓝图缺少 'steps'：蓝图至少要有一个步骤",
                        top.pos)
            return []
        items = self.list_of(top, "steps", ("blueprint", None))
        if items is None:
            return []
        if not items:
            self.report("schema",
                        "'steps' is empty: a blueprint needs at least one step",
                        "'steps' 是空的：蓝图至少要有一个步骤",
                        top.value_pos["steps"])
            return []
        zones = {lane.id: lane.zone for lane in lanes}
        steps: list[Step] = []
        for item, position in zip(items, items.item_pos):
            mapping = self.mapping_or_none(item, position, "step")
            if mapping is not None:
                step = self.step(mapping, zones)
                if step is not None:
                    step.index = len(steps)
                    steps.append(step)
        self.check_unique(steps, "step")
        return steps

    def step(self, mapping: YMap, zones: dict[str, Zone | None]) -> Step | None:
        ident = self.required_id(mapping, "id", ("step", None))
        owner = ("step", ident)
        self.check_keys(mapping, "step", owner)
        pos, key_pos, value_pos = self.positions(mapping)
        lane = self.required_id(mapping, "lane", owner)
        label = self.text(mapping, "label", owner, required=True)
        if ident is None:
            return None
        step = Step(
            pos, key_pos, value_pos, id=ident, lane=lane or "", label=label or "",
            zone=zones.get(lane) if lane else None,
            phase=self.ident(mapping["phase"], mapping.value_pos["phase"], owner, "phase")
            if "phase" in mapping else None,
            next=self.refs(mapping, "next", owner),
            description=self.text(mapping, "description", owner),
            owner=self.text(mapping, "owner", owner),
            channel=self.text(mapping, "channel", owner),
            evidence=self.texts(mapping, "evidence", owner),
            fail=self.text(mapping, "fail", owner),
            recovery=self.ref(mapping, "recovery", owner),
            kpis=self.texts(mapping, "kpis", owner),
            notes=self.texts(mapping, "notes", owner),
        )
        touchpoint = self.choice(mapping, "touchpoint", owner, TOUCHPOINTS)
        if touchpoint is not None:
            step.touchpoint = Touchpoint(touchpoint)
        if "duration" in mapping:
            self.step_duration(step, mapping, owner)
        if "wait" in mapping:
            self.wait(step, mapping, owner)
        if "queue" in mapping:
            step.queue = self.queue(mapping, owner)
        if "emotion" in mapping:
            self.emotion(step, mapping, owner)
        return step

    def step_duration(self, step: Step, mapping: YMap, owner: Owner) -> None:
        """``duration: 3min``, or a range ``2-4min`` whose middle is the expected time."""
        try:
            low, high = parse_duration_range(mapping["duration"])
        except DurationError as exc:
            name = _named(owner)
            self.report("schema", f"{name.en}: 'duration': {exc}", f"{name.zh} 的 'duration'：{exc.message_zh}",
                        mapping.value_pos["duration"])
            return
        step.duration = (low + high) / 2
        if low != high:
            step.duration_range = (low, high)

    def queue(self, mapping: YMap, owner: Owner) -> Queue | None:
        """``queue: {arrivals, servers, service?, diversion?, level?, hours?}`` on a wait point."""
        value = self.mapping_or_none(mapping["queue"], mapping.value_pos["queue"], "queue")
        if value is None:
            return None
        name = _named(owner)
        self.check_keys(value, "queue", owner)
        pos, key_pos, value_pos = self.positions(value)
        queue = Queue(pos, key_pos, value_pos)
        parsers = {"arrivals": parse_rate, "servers": parse_servers, "diversion": parse_share,
                   "level": parse_share}
        for key, parse in parsers.items():
            if key in value:
                try:
                    setattr(queue, key, parse(value[key]))
                except DurationError as exc:
                    self.report("schema", f"{name.en}: queue '{key}': {exc}",
                                f"{name.zh} 的排队 '{key}'：{exc.message_zh}", value.value_pos[key])
        queue.service = self.duration(value, "service", owner)
        if "hours" in value:
            queue.hours = self.queue_hours(value, owner)
        if "servers" not in value:
            self.report("schema", f"{name.en}: 'queue' has no 'servers' (the counters open)",
                        f"{name.zh}：'queue' 缺少 'servers'（开放的服务台数）", value.pos)
        if "arrivals" not in value and "hours" not in value:
            self.report("schema", f"{name.en}: 'queue' needs 'arrivals' (like 120/h) or 'hours'",
                        f"{name.zh}：'queue' 需要 'arrivals'（例如 120/h）或 'hours'", value.pos)
        if "wait" not in mapping:
            self.report("schema", f"{name.en}: 'queue' belongs on a wait point: add 'wait: 10min' "
                        "(or 'wait: true')",
                        f"{name.zh}：'queue' 只能写在等待点上：请加上 'wait: 10min'（或 'wait: true'）",
                        mapping.key_pos["queue"])
        return queue

    def queue_hours(self, value: YMap, owner: Owner) -> list[tuple[str, float]]:
        """``hours: {"9:00": 60/h, "10:00": 140/h}``: arrivals by hour, in file order."""
        hours = self.mapping_or_none(value["hours"], value.value_pos["hours"], "queue")
        if hours is None:
            return []
        found = []
        for label in hours:
            try:
                found.append((str(label), parse_rate(hours[label])))
            except DurationError as exc:
                name = _named(owner)
                self.report("schema", f"{name.en}: queue hour '{label}': {exc}",
                            f"{name.zh} 的排队时段 '{label}'：{exc.message_zh}", hours.value_pos[label])
        return found

    def wait(self, step: Step, mapping: YMap, owner: Owner) -> None:
        value = mapping["wait"]
        if isinstance(value, bool):
            step.wait = value
            return
        try:
            step.wait_max = parse_duration(value)
            step.wait = True
        except DurationError as exc:
            name = _named(owner)
            self.report("schema",
                        f"{name.en}: 'wait' must be true, false or a duration: {exc}",
                        f"{name.zh}：'wait' 应是 true、false 或一个时长；{exc.message_zh}",
                        mapping.value_pos["wait"])

    def emotion(self, step: Step, mapping: YMap, owner: Owner) -> None:
        value = mapping["emotion"]
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 1.0 is a whole number, as in JSON Schema
        if isinstance(value, int) and not isinstance(value, bool) and -2 <= value <= 2:
            step.emotion = value
            return
        name = _named(owner)
        # In Chinese a word follows 而不是 directly, a value written in the file after a space.
        shown = kind_of(value) if isinstance(value, (dict, list)) else Message(brief(value), f" {brief(value)}")
        self.report(
            "schema",
            f"{name.en}: 'emotion' must be a whole number from -2 to 2, not {shown.en}",
            f"{name.zh}：'emotion' 应是 -2 到 2 之间的整数，而不是{shown.zh}",
            mapping.value_pos["emotion"],
        )

    def flows(self, top: YMap, bp: Blueprint) -> list[Flow]:
        flows = [
            Flow(ref.pos, source=Ref(step.id, step.where("id")), target=ref, origin="next")
            for step in bp.steps
            for ref in step.next
        ]
        items = self.list_of(top, "flows", ("blueprint", None))
        owner = ("flow", None)
        for item, position in zip(items or (), items.item_pos if items else ()):
            mapping = self.mapping_or_none(item, position, "flow")
            if mapping is None:
                continue
            self.check_keys(mapping, "flow", owner)
            pos, key_pos, value_pos = self.positions(mapping)
            source = self.ref(mapping, "from", owner)
            target = self.ref(mapping, "to", owner)
            for key in ("from", "to"):
                if key not in mapping:
                    self.missing(mapping, key, owner)
            kind = self.choice(mapping, "kind", owner, FLOW_KINDS) or "flow"
            label = self.text(mapping, "label", owner)
            if source is None or target is None:
                continue
            flows.append(Flow(target.pos, key_pos, value_pos, source=source, target=target,
                              kind=FlowKind(kind), label=label, origin="flows"))
        return flows

    def standards(self, top: YMap) -> list[Standard]:
        items = self.list_of(top, "standards", ("blueprint", None))
        standards: list[Standard] = []
        for item, position in zip(items or (), items.item_pos if items else ()):
            mapping = self.mapping_or_none(item, position, "standard")
            if mapping is None:
                continue
            ident = self.required_id(mapping, "id", ("standard", None))
            owner = ("standard", ident)
            self.check_keys(mapping, "standard", owner)
            pos, key_pos, value_pos = self.positions(mapping)
            standard = Standard(
                pos, key_pos, value_pos, id=ident or "", label=self.text(mapping, "label", owner),
                from_step=self.ref(mapping, "from", owner), to_step=self.ref(mapping, "to", owner),
                steps=self.refs(mapping, "steps", owner), max=self.duration(mapping, "max", owner),
            )
            self.standard_shape(mapping, owner)
            if ident is not None:
                standards.append(standard)
        self.check_unique(standards, "standard")
        return standards

    def standard_shape(self, mapping: YMap, owner: Owner) -> None:
        """A standard needs 'max', and either 'from' and 'to' or a non-empty 'steps'."""
        name = _named(owner)
        if "max" not in mapping:
            self.report("schema",
                        f"{name.en} has no 'max' (the most time it allows)",
                        f"{name.zh}：缺少 'max'（允许的最长时间）",
                        mapping.pos)
        has_path = "from" in mapping or "to" in mapping
        if has_path and "steps" in mapping:
            self.report("schema",
                        f"{name.en}: give either 'from' and 'to' or 'steps', not both",
                        f"{name.zh}：'from' 和 'to' 与 'steps' 只能二选一，不能同时写",
                        mapping.key_pos["steps"])
        elif has_path:
            for key in ("from", "to"):
                if key not in mapping:
                    self.missing(mapping, key, owner)
        elif "steps" not in mapping:
            self.report("schema",
                        f"{name.en} needs 'from' and 'to', or 'steps'",
                        f"{name.zh}：需要 'from' 和 'to'，或者 'steps'",
                        mapping.pos)
        elif isinstance(mapping["steps"], YSeq) and not mapping["steps"]:
            self.report("schema", f"{name.en}: 'steps' is empty", f"{name.zh}：'steps' 是空的",
                        mapping.value_pos["steps"])

    # -- references -------------------------------------------------------------------------------

    def resolve(self, bp: Blueprint) -> None:
        """Report every reference to a lane, phase or step that does not exist."""
        lanes, phases, steps = bp.lane_by_id, bp.phase_by_id, bp.step_by_id
        for step in bp.steps:
            if step.lane and step.lane not in lanes:
                name = _named(("step", step.id))
                self.unknown(Message(f"{name.en}: lane '{step.lane}' is not declared",
                                     f"{name.zh}：泳道 '{step.lane}' 没有声明"),
                             step.lane, lanes, step.where("lane"))
            if step.phase is not None and step.phase not in phases:
                name = _named(("step", step.id))
                if phases:
                    self.unknown(Message(f"{name.en}: phase '{step.phase}' is not declared",
                                         f"{name.zh}：阶段 '{step.phase}' 没有声明"),
                                 step.phase, phases, step.where("phase"))
                else:
                    self.report("unknown-reference",
                                f"{name.en}: phase '{step.phase}' is not declared: add it under 'phases:'",
                                f"{name.zh}：阶段 '{step.phase}' 没有声明：请在 'phases:' 下添加",
                                step.where("phase"))
            for ref in step.next:
                if ref.id not in steps:
                    name = _named(("step", step.id))
                    self.unknown(Message(f"{name.en}: next step '{ref.id}' does not exist",
                                         f"{name.zh}：下一步 '{ref.id}' 不存在"),
                                 ref.id, steps, ref.pos)
            if step.recovery is not None and step.recovery.id not in steps:
                name, recovery = _named(("step", step.id)), step.recovery.id
                self.unknown(Message(f"{name.en}: recovery step '{recovery}' does not exist",
                                     f"{name.zh}：补救步骤 '{recovery}' 不存在"),
                             recovery, steps, step.recovery.pos)
        for flow in bp.flows:
            if flow.origin == "flows":
                for key, ref in (("from", flow.source), ("to", flow.target)):
                    if ref.id not in steps:
                        self.unknown(Message(f"flow: '{key}' step '{ref.id}' does not exist",
                                             f"连线：'{key}' 所指的步骤 '{ref.id}' 不存在"),
                                     ref.id, steps, ref.pos)
        for standard in bp.standards:
            refs = [("from", standard.from_step), ("to", standard.to_step)]
            refs += [("steps", ref) for ref in standard.steps]
            for key, ref in refs:
                if ref is not None and ref.id not in steps:
                    name = _named(("standard", standard.id))
                    self.unknown(Message(f"{name.en}: '{key}' step '{ref.id}' does not exist",
                                         f"{name.zh}：'{key}' 所指的步骤 '{ref.id}' 不存在"),
                                 ref.id, steps, ref.pos)

    def unknown(self, message: Message, ident: str, known, pos: Pos) -> None:
        hint = suggest(ident, known)
        self.report("unknown-reference", message.en + hint.en, message.zh + hint.zh, pos)
