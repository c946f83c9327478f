"""Load blueprint YAML (format version 1, ``format.md``) into the model.

Input that is not YAML, has a duplicate key or is hostile raises :class:`BlueprintError`.
Everything else loads: content problems (missing keys, wrong types, unknown keys, duplicate ids,
unknown references, bad durations) are collected in ``Blueprint.problems`` so one run reports
them all.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from typing import Iterable

from .durations import parse_duration
from .errors import BlueprintError, Pos, Positions, Problem, did_you_mean
from .gcpause import paused_gc
from .model import Blueprint, Flow, FlowKind, Lane, Phase, Ref, Standard, Step, Touchpoint, Zone
from .safeyaml import DEFAULT_LIMITS, Limits, YMap, YSeq, decode, read_yaml

__all__ = ["load", "loads", "FORMAT_VERSION", "KEYS"]

FORMAT_VERSION = 1

#: The keys format.md allows, per object. The JSON Schema is checked against these in the tests.
KEYS: dict[str, tuple[str, ...]] = {
    "blueprint": ("blueprint", "title", "description", "locale", "lanes", "phases", "steps",
                  "flows", "standards"),
    "lane": ("id", "label", "zone"),
    "phase": ("id", "label"),
    "step": ("id", "lane", "label", "phase", "next", "description", "owner", "touchpoint",
             "channel", "evidence", "duration", "wait", "fail", "recovery", "emotion", "kpis",
             "notes"),
    "flow": ("from", "to", "label", "kind"),
    "standard": ("id", "label", "from", "to", "steps", "max"),
}
_KEY_SETS = {what: frozenset(keys) for what, keys in KEYS.items()}
LOCALES = ("en", "zh")
# Python's \s is exactly str.isspace(), and the JSON Schema's id pattern uses the same \S.
_WHITESPACE = re.compile(r"\s")
ZONE_NAMES = tuple(zone.value for zone in Zone)
FLOW_KINDS = ("flow", "support", "return")
TOUCHPOINTS = tuple(kind.value for kind in Touchpoint)


def load(path: str | os.PathLike, *, limits: Limits = DEFAULT_LIMITS) -> Blueprint:
    """Load a blueprint file. ``OSError`` for files that cannot be read, ``BlueprintError`` for
    input that is not a blueprint at all; content problems end up in ``.problems``."""
    name = os.fspath(path)
    size = os.stat(name).st_size
    if size > limits.max_bytes:
        # Refuse before reading: a 2 GB file must not be pulled into memory.
        raise BlueprintError(
            "input-limit",
            f"file is {size / (1024 * 1024):.1f} MB, over the "
            f"{limits.max_bytes / (1024 * 1024):.1f} MB limit",
            Pos(name, 1, 1),
        )
    with open(name, "rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    return loads(decode(data, name, limits), name, limits=limits)


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
            Pos(path, 1, 1),
        )
    if not isinstance(data, YMap):
        line, column = data.pos if isinstance(data, YSeq) else (1, 1)
        raise BlueprintError(
            "schema",
            f"the top level of a blueprint must be a mapping with 'blueprint', 'title' and 'steps', "
            f"not {_kind(data)}",
            Pos(path, line, column),
        )
    return _Builder(path, text).blueprint(data)


def _kind(value: object) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


class _Builder:
    """Builds one Blueprint from positioned data, collecting problems as it goes."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.source = text
        self.problems: list[Problem] = []

    # -- positions and problems -----------------------------------------------------------------

    def at(self, position: tuple[int, int]) -> Pos:
        return Pos(self.path, position[0], position[1])

    def report(self, rule: str, message: str, position: tuple[int, int] | Pos) -> None:
        pos = position if isinstance(position, Pos) else self.at(position)
        self.problems.append(Problem(rule, message, pos))

    def positions(self, mapping: YMap) -> tuple[Pos, Positions, Positions]:
        path = self.path
        return Pos(path, *mapping.pos), Positions(path, mapping.key_pos), Positions(path, mapping.value_pos)

    def check_keys(self, mapping: YMap, what: str, name: str) -> None:
        allowed = _KEY_SETS[what]
        for key in mapping:
            if key not in allowed:
                hint = did_you_mean(key, KEYS[what])
                self.report(
                    "unknown-key", f"{name}: unknown key '{key}'{hint}", mapping.key_pos[key]
                )

    def mapping_or_none(self, value: object, position, what: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        self.report("schema", f"{what} must be a mapping, not {_kind(value)}", position)
        return None

    def list_of(self, mapping: YMap, key: str, name: str) -> YSeq | None:
        """The list under ``key``, or None (with a problem when it is something else)."""
        if key not in mapping:
            return None
        value = mapping[key]
        if isinstance(value, YSeq):
            return value
        self.report("schema", f"{name}: '{key}' must be a list, not {_kind(value)}",
                    mapping.value_pos[key])
        return None

    # -- typed values -----------------------------------------------------------------------------

    def text(self, mapping: YMap, key: str, name: str, required: bool = False) -> str | None:
        if key not in mapping:
            if required:
                self.report("schema", f"{name} has no '{key}'", mapping.pos)
            return None
        value = mapping[key]
        if isinstance(value, str):
            if value or not required:
                return value
            self.report("schema", f"{name}: '{key}' is empty", mapping.value_pos[key])
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        self.report("schema", f"{name}: '{key}' must be text, not {_kind(value)}",
                    mapping.value_pos[key])
        return None

    def ident(self, value: object, position, name: str, key: str) -> str | None:
        """An id or a reference: text (or a number) without whitespace."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.report("schema", f"{name}: '{key}' must be an id, not {_kind(value)}", position)
            return None
        if not value or _WHITESPACE.search(value):
            self.report("schema", f"{name}: '{key}' {value!r} must be a non-empty id without spaces",
                        position)
            return None
        return value

    def required_id(self, mapping: YMap, key: str, name: str) -> str | None:
        if key not in mapping:
            self.report("schema", f"{name} has no '{key}'", mapping.pos)
            return None
        return self.ident(mapping[key], mapping.value_pos[key], name, key)

    def ref(self, mapping: YMap, key: str, name: str) -> Ref | None:
        if key not in mapping:
            return None
        ident = self.ident(mapping[key], mapping.value_pos[key], name, key)
        return Ref(ident, self.at(mapping.value_pos[key])) if ident is not None else None

    def refs(self, mapping: YMap, key: str, name: str) -> list[Ref]:
        """A str-or-list of ids (``next:``, a standard's ``steps:``)."""
        if key not in mapping:
            return []
        value = mapping[key]
        if isinstance(value, YSeq):
            found = []
            for item, position in zip(value, value.item_pos):
                ident = self.ident(item, position, name, key)
                if ident is not None:
                    found.append(Ref(ident, self.at(position)))
            return found
        ident = self.ident(value, mapping.value_pos[key], name, key)
        return [Ref(ident, self.at(mapping.value_pos[key]))] if ident is not None else []

    def texts(self, mapping: YMap, key: str, name: str) -> list[str]:
        """A list of text (``evidence``, ``kpis``, ``notes``); a single text is a list of one."""
        if key not in mapping:
            return []
        value = mapping[key]
        if isinstance(value, str):
            return [value]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return [str(value)]
        if not isinstance(value, YSeq):
            self.report("schema", f"{name}: '{key}' must be a list of text, not {_kind(value)}",
                        mapping.value_pos[key])
            return []
        found = []
        for item, position in zip(value, value.item_pos):
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, (int, float)) and not isinstance(item, bool):
                found.append(str(item))
            else:
                self.report("schema", f"{name}: each item of '{key}' must be text, not {_kind(item)}",
                            position)
        return found

    def duration(self, mapping: YMap, key: str, name: str) -> timedelta | None:
        if key not in mapping:
            return None
        try:
            return parse_duration(mapping[key])
        except ValueError as exc:
            self.report("schema", f"{name}: '{key}': {exc}", mapping.value_pos[key])
            return None

    def choice(self, mapping: YMap, key: str, name: str, choices: Iterable[str]) -> str | None:
        if key not in mapping:
            return None
        value = mapping[key]
        choices = tuple(choices)
        if value in choices and isinstance(value, str):
            return value
        shown = value if isinstance(value, str) else _kind(value)
        self.report(
            "schema",
            f"{name}: '{key}' must be one of {', '.join(choices)}, not '{shown}'{did_you_mean(value, choices)}",
            mapping.value_pos[key],
        )
        return None

    # -- objects ----------------------------------------------------------------------------------

    def blueprint(self, top: YMap) -> Blueprint:
        self.check_keys(top, "blueprint", "blueprint")
        pos, key_pos, value_pos = self.positions(top)
        version = self.version(top)
        title = self.text(top, "title", "blueprint", required=True) or ""
        description = self.text(top, "description", "blueprint")
        locale = self.choice(top, "locale", "blueprint", LOCALES) or "en"
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
            self.report("schema", "missing 'blueprint: 1' (the format version) at the top of the file",
                        top.pos)
            return None
        value = top["blueprint"]
        if value == FORMAT_VERSION and isinstance(value, (int, float)) and not isinstance(value, bool):
            return FORMAT_VERSION
        self.report(
            "schema",
            f"'blueprint' is the format version and must be 1, not {value!r}: "
            "this tool reads format version 1",
            top.value_pos["blueprint"],
        )
        return None

    def lanes(self, top: YMap) -> list[Lane]:
        items = self.list_of(top, "lanes", "blueprint")
        if not items:
            if items is not None:
                self.report("schema", "'lanes' is empty: leave it out to get the four standard lanes",
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
            ident = self.ident(item, position, "lane", "id")
            if ident is None:
                return None
            here = self.at(position)
            lane = Lane(here, {"id": here}, {"id": here}, id=ident)
            lane.zone = self.zone_from_id(lane)
            return lane
        mapping = self.mapping_or_none(item, position, "a lane")
        if mapping is None:
            return None
        ident = self.required_id(mapping, "id", "lane")
        name = f"lane '{ident}'" if ident else "lane"
        self.check_keys(mapping, "lane", name)
        pos, key_pos, value_pos = self.positions(mapping)
        if ident is None:
            return None
        lane = Lane(pos, key_pos, value_pos, id=ident, label=self.text(mapping, "label", name))
        if "zone" in mapping:
            zone = self.choice(mapping, "zone", name, ZONE_NAMES)
            lane.zone = Zone(zone) if zone else None
        else:
            lane.zone = self.zone_from_id(lane)
        return lane

    def zone_from_id(self, lane: Lane) -> Zone | None:
        """A lane without ``zone:`` is in the zone its id names, if it names one."""
        if lane.id in ZONE_NAMES:
            return Zone(lane.id)
        self.report(
            "schema",
            f"lane '{lane.id}' has no zone: add 'zone:' with one of {', '.join(ZONE_NAMES)}"
            f"{did_you_mean(lane.id, ZONE_NAMES)}",
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
                    where,
                )

    def phases(self, top: YMap) -> list[Phase]:
        items = self.list_of(top, "phases", "blueprint")
        if not items:
            return []
        phases: list[Phase] = []
        for item, position in zip(items, items.item_pos):
            if isinstance(item, str) or (isinstance(item, (int, float)) and not isinstance(item, bool)):
                ident = self.ident(item, position, "phase", "id")
                if ident is not None:
                    here = self.at(position)
                    phases.append(Phase(here, {"id": here}, {"id": here}, id=ident))
                continue
            mapping = self.mapping_or_none(item, position, "a phase")
            if mapping is None:
                continue
            ident = self.required_id(mapping, "id", "phase")
            name = f"phase '{ident}'" if ident else "phase"
            self.check_keys(mapping, "phase", name)
            if ident is None:
                continue
            pos, key_pos, value_pos = self.positions(mapping)
            phases.append(Phase(pos, key_pos, value_pos, id=ident, label=self.text(mapping, "label", name)))
        self.check_unique(phases, "phase")
        return phases

    def steps(self, top: YMap, lanes: list[Lane]) -> list[Step]:
        if "steps" not in top:
            self.report("schema", "blueprint has no 'steps': a blueprint needs at least one step", top.pos)
            return []
        items = self.list_of(top, "steps", "blueprint")
        if items is None:
            return []
        if not items:
            self.report("schema", "'steps' is empty: a blueprint needs at least one step",
                        top.value_pos["steps"])
            return []
        zones = {lane.id: lane.zone for lane in lanes}
        steps: list[Step] = []
        for item, position in zip(items, items.item_pos):
            mapping = self.mapping_or_none(item, position, "a step")
            if mapping is not None:
                step = self.step(mapping, zones)
                if step is not None:
                    step.index = len(steps)
                    steps.append(step)
        self.check_unique(steps, "step")
        return steps

    def step(self, mapping: YMap, zones: dict[str, Zone | None]) -> Step | None:
        ident = self.required_id(mapping, "id", "step")
        name = f"step '{ident}'" if ident else "step"
        self.check_keys(mapping, "step", name)
        pos, key_pos, value_pos = self.positions(mapping)
        lane = self.required_id(mapping, "lane", name)
        label = self.text(mapping, "label", name, required=True)
        if ident is None:
            return None
        step = Step(
            pos, key_pos, value_pos, id=ident, lane=lane or "", label=label or "",
            zone=zones.get(lane) if lane else None,
            phase=self.ident(mapping["phase"], mapping.value_pos["phase"], name, "phase")
            if "phase" in mapping else None,
            next=self.refs(mapping, "next", name),
            description=self.text(mapping, "description", name),
            owner=self.text(mapping, "owner", name),
            channel=self.text(mapping, "channel", name),
            evidence=self.texts(mapping, "evidence", name),
            duration=self.duration(mapping, "duration", name),
            fail=self.text(mapping, "fail", name),
            recovery=self.ref(mapping, "recovery", name),
            kpis=self.texts(mapping, "kpis", name),
            notes=self.texts(mapping, "notes", name),
        )
        touchpoint = self.choice(mapping, "touchpoint", name, TOUCHPOINTS)
        if touchpoint is not None:
            step.touchpoint = Touchpoint(touchpoint)
        if "wait" in mapping:
            self.wait(step, mapping, name)
        if "emotion" in mapping:
            self.emotion(step, mapping, name)
        return step

    def wait(self, step: Step, mapping: YMap, name: str) -> None:
        value = mapping["wait"]
        if isinstance(value, bool):
            step.wait = value
            return
        try:
            step.wait_max = parse_duration(value)
            step.wait = True
        except ValueError as exc:
            self.report("schema", f"{name}: 'wait' must be true, false or a duration: {exc}",
                        mapping.value_pos["wait"])

    def emotion(self, step: Step, mapping: YMap, name: str) -> None:
        value = mapping["emotion"]
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 1.0 is a whole number, as in JSON Schema
        if isinstance(value, int) and not isinstance(value, bool) and -2 <= value <= 2:
            step.emotion = value
            return
        self.report(
            "schema",
            f"{name}: 'emotion' must be a whole number from -2 to 2, not {value!r}"
            if not isinstance(value, (dict, list)) else
            f"{name}: 'emotion' must be a whole number from -2 to 2, not {_kind(value)}",
            mapping.value_pos["emotion"],
        )

    def flows(self, top: YMap, bp: Blueprint) -> list[Flow]:
        flows = [
            Flow(ref.pos, source=Ref(step.id, step.where("id")), target=ref, origin="next")
            for step in bp.steps
            for ref in step.next
        ]
        items = self.list_of(top, "flows", "blueprint")
        for item, position in zip(items or (), items.item_pos if items else ()):
            mapping = self.mapping_or_none(item, position, "a flow")
            if mapping is None:
                continue
            self.check_keys(mapping, "flow", "flow")
            pos, key_pos, value_pos = self.positions(mapping)
            source = self.ref(mapping, "from", "flow")
            target = self.ref(mapping, "to", "flow")
            for key in ("from", "to"):
                if key not in mapping:
                    self.report("schema", f"flow has no '{key}'", mapping.pos)
            kind = self.choice(mapping, "kind", "flow", FLOW_KINDS) or "flow"
            label = self.text(mapping, "label", "flow")
            if source is None or target is None:
                continue
            flows.append(Flow(target.pos, key_pos, value_pos, source=source, target=target,
                              kind=FlowKind(kind), label=label, origin="flows"))
        return flows

    def standards(self, top: YMap) -> list[Standard]:
        items = self.list_of(top, "standards", "blueprint")
        standards: list[Standard] = []
        for item, position in zip(items or (), items.item_pos if items else ()):
            mapping = self.mapping_or_none(item, position, "a standard")
            if mapping is None:
                continue
            ident = self.required_id(mapping, "id", "standard")
            name = f"standard '{ident}'" if ident else "standard"
            self.check_keys(mapping, "standard", name)
            pos, key_pos, value_pos = self.positions(mapping)
            standard = Standard(
                pos, key_pos, value_pos, id=ident or "", label=self.text(mapping, "label", name),
                from_step=self.ref(mapping, "from", name), to_step=self.ref(mapping, "to", name),
                steps=self.refs(mapping, "steps", name), max=self.duration(mapping, "max", name),
            )
            if "max" not in mapping:
                self.report("schema", f"{name} has no 'max' (the most time it allows)", mapping.pos)
            has_path = "from" in mapping or "to" in mapping
            if has_path and "steps" in mapping:
                self.report("schema", f"{name}: give either 'from' and 'to' or 'steps', not both",
                            mapping.key_pos["steps"])
            elif has_path:
                for key in ("from", "to"):
                    if key not in mapping:
                        self.report("schema", f"{name} has no '{key}'", mapping.pos)
            elif "steps" not in mapping:
                self.report("schema", f"{name} needs 'from' and 'to', or 'steps'", mapping.pos)
            elif isinstance(mapping["steps"], YSeq) and not mapping["steps"]:
                self.report("schema", f"{name}: 'steps' is empty", mapping.value_pos["steps"])
            if ident is not None:
                standards.append(standard)
        self.check_unique(standards, "standard")
        return standards

    # -- references -------------------------------------------------------------------------------

    def resolve(self, bp: Blueprint) -> None:
        """Report every reference to a lane, phase or step that does not exist."""
        lanes, phases, steps = bp.lane_by_id, bp.phase_by_id, bp.step_by_id
        for step in bp.steps:
            name = f"step '{step.id}'"
            if step.lane and step.lane not in lanes:
                self.unknown(f"{name}: lane '{step.lane}' is not declared", step.lane, lanes,
                             step.where("lane"))
            if step.phase is not None and step.phase not in phases:
                if phases:
                    self.unknown(f"{name}: phase '{step.phase}' is not declared", step.phase, phases,
                                 step.where("phase"))
                else:
                    self.report("unknown-reference",
                                f"{name}: phase '{step.phase}' is not declared: add it under 'phases:'",
                                step.where("phase"))
            for ref in step.next:
                if ref.id not in steps:
                    self.unknown(f"{name}: next step '{ref.id}' does not exist", ref.id, steps, ref.pos)
            if step.recovery is not None and step.recovery.id not in steps:
                self.unknown(f"{name}: recovery step '{step.recovery.id}' does not exist",
                             step.recovery.id, steps, step.recovery.pos)
        for flow in bp.flows:
            if flow.origin == "flows":
                for key, ref in (("from", flow.source), ("to", flow.target)):
                    if ref.id not in steps:
                        self.unknown(f"flow: '{key}' step '{ref.id}' does not exist", ref.id, steps, ref.pos)
        for standard in bp.standards:
            name = f"standard '{standard.id}'"
            refs = [("from", standard.from_step), ("to", standard.to_step)]
            refs += [("steps", ref) for ref in standard.steps]
            for key, ref in refs:
                if ref is not None and ref.id not in steps:
                    self.unknown(f"{name}: '{key}' step '{ref.id}' does not exist", ref.id, steps, ref.pos)

    def unknown(self, message: str, ident: str, known, pos: Pos) -> None:
        self.report("unknown-reference", message + did_you_mean(ident, known), pos)
